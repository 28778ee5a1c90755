/**
 * Typed builders for every command, for production code: `Commands.openPhase({ ... })` gives the
 * command as JSON (its encoded shape, with `_tag` filled in), and the compiler checks every field
 * name, every literal (levels, roles, award kinds, sectors) and every required field. A builder
 * checks types only: the values are checked when the command is decoded at the edge (the engine's
 * `execute`, or `Command.decode`), which names the failing field.
 *
 * The builders' names are the command types in lower camel case (`PlanCampaign` →
 * `planCampaign`); the fields are those of the command reference (`docs/reference/commands.md`).
 *
 * @since 0.5.0
 */
import type * as Command from "./Command.js"

type Encoded = typeof Command.DomainCommand.Encoded

/**
 * A command's JSON shape, by its type.
 *
 * @since 0.5.0
 */
export type Input<T extends Command.CommandType> = Extract<Encoded, { readonly _tag: T }>

/**
 * A command's fields: its JSON shape without `_tag`.
 *
 * @since 0.5.0
 */
export type Fields<T extends Command.CommandType> = Omit<Input<T>, "_tag">

/**
 * The builder of each command type, by its name in lower camel case.
 *
 * @since 0.5.0
 */
export type Builders = {
  readonly [T in Command.CommandType as Uncapitalize<T>]: (fields: Fields<T>) => Input<T>
}

const tags: { readonly [T in Command.CommandType]: true } = {
  RegisterOrganization: true,
  MoveOrganization: true,
  RestructureOrganization: true,
  FormCluster: true,
  RegisterMember: true,
  TransferMember: true,
  RecordDeparture: true,
  RecordLeave: true,
  RecordDiscipline: true,
  RateMember: true,
  RateUnit: true,
  AssignSeat: true,
  EndSeat: true,
  PlanCampaign: true,
  LaunchCampaign: true,
  SchedulePhase: true,
  OpenPhase: true,
  ClosePhase: true,
  EnrollParticipant: true,
  SignPledge: true,
  ApproveRegistration: true,
  RejectRegistration: true,
  RecordInitiative: true,
  ApplyInitiative: true,
  RecognizeInitiative: true,
  RejectInitiative: true,
  PlaqueWork: true,
  AssessScore: true,
  HoldInterimReview: true,
  ProposeNomination: true,
  SubmitNomination: true,
  HoldDeliberation: true,
  PublishNominees: true,
  DecideNomination: true,
  GrantAward: true,
  PresentAward: true,
  RevokeAward: true,
  ReplicateExemplar: true,
  EndCampaign: true,
  HoldFinalReview: true,
  CloseCampaign: true,
  CancelCampaign: true
}

const build = (tag: string) => (fields: object) => ({ _tag: tag, ...fields })

/**
 * The builders, one per command type: `registerOrganization`, `planCampaign`, `openPhase`, ...
 *
 * @example
 * ```ts
 * import { Command, Commands } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const open = Commands.openPhase({
 *   commandId: "hm-2020-cmd-006",
 *   tenantId: "hanoi",
 *   campaignId: "hoang-mai-2020",
 *   actor: { organizationId: "ldld-hoang-mai", role: "executive" },
 *   at: "2020-01-02",
 *   phaseId: "dot-1"
 * })
 * assert.equal(open._tag, "OpenPhase")
 * assert.ok(Result.isSuccess(Command.decode(open)))
 * ```
 *
 * @since 0.5.0
 */
export const {
  registerOrganization,
  moveOrganization,
  restructureOrganization,
  formCluster,
  registerMember,
  transferMember,
  recordLeave,
  recordDiscipline,
  rateMember,
  rateUnit,
  assignSeat,
  endSeat,
  planCampaign,
  launchCampaign,
  schedulePhase,
  openPhase,
  closePhase,
  enrollParticipant,
  signPledge,
  approveRegistration,
  rejectRegistration,
  recordInitiative,
  applyInitiative,
  recognizeInitiative,
  rejectInitiative,
  plaqueWork,
  assessScore,
  holdInterimReview,
  proposeNomination,
  submitNomination,
  holdDeliberation,
  publishNominees,
  decideNomination,
  grantAward,
  presentAward,
  revokeAward,
  replicateExemplar,
  endCampaign,
  holdFinalReview,
  closeCampaign,
  cancelCampaign
}: Builders = Object.fromEntries(
  Object.keys(tags).map((tag) => [tag.charAt(0).toLowerCase() + tag.slice(1), build(tag)])
) as never
