/**
 * The commands: what an actor asks for, as `effect/Schema` tagged structs. Every command carries
 * its `commandId` (idempotency), the `tenantId`, the `actor` (organization and role) and the date
 * `at` on which the act takes place; campaign commands also name their `campaignId`.
 *
 * Decode input once, where it enters, with {@link decode}: it names the failing field. Inside,
 * the deciders trust the types.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema, SchemaIssue } from "effect"
import { AwardKind } from "./AwardKind.js"
import {
  Basis,
  CampaignForm,
  InitiativeKind,
  Outcome,
  PhaseKind,
  PledgeKind,
  RecognitionLevel,
  RevocationReason,
  ScoreKind,
  SectorContents,
  Target
} from "./Event.js"
import {
  AwardId,
  CampaignId,
  ClusterId,
  CommandId,
  ContentId,
  InitiativeId,
  MemberId,
  NominationId,
  OrganizationId,
  PhaseId,
  PledgeId,
  TenantId
} from "./Ids.js"
import { byTag } from "./internal/byTag.js"
import { compile } from "./internal/validator.js"
import { LocalDate, Period } from "./LocalDate.js"
import { Actor, Level, Sector, Subject } from "./Organization.js"
import { Vnd } from "./Vnd.js"

const Text = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(2000))
const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

const base = { commandId: CommandId, tenantId: TenantId, actor: Actor, at: LocalDate }
const onCampaign = { ...base, campaignId: CampaignId }

// ---------------------------------------------------------------------------------------------
// directory
// ---------------------------------------------------------------------------------------------

/** Register an organization under its parent. @since 0.1.0 */
export const RegisterOrganization = Schema.TaggedStruct("RegisterOrganization", {
  ...base,
  organizationId: OrganizationId,
  name: Text,
  level: Level,
  parentId: Schema.optionalKey(OrganizationId),
  sector: Schema.optionalKey(Sector),
  members: Schema.optionalKey(Count),
  workers: Schema.optionalKey(Count),
  validTo: Schema.optionalKey(LocalDate)
})

/** Place an organization under another parent from `at`. @since 0.1.0 */
export const MoveOrganization = Schema.TaggedStruct("MoveOrganization", {
  ...base,
  organizationId: OrganizationId,
  parentId: OrganizationId
})

/** Merge an organization into a successor, or dissolve it, from `at`. @since 0.1.0 */
export const RestructureOrganization = Schema.TaggedStruct("RestructureOrganization", {
  ...base,
  organizationId: OrganizationId,
  successorId: Schema.optionalKey(OrganizationId)
})

/** Form a cluster or block of units for a year. @since 0.1.0 */
export const FormCluster = Schema.TaggedStruct("FormCluster", {
  ...base,
  clusterId: ClusterId,
  name: Text,
  kind: Schema.Literals(["cluster", "block"]),
  year: Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2199 })),
  memberIds: Schema.NonEmptyArray(OrganizationId).check(Schema.isUnique()),
  headId: Schema.optionalKey(OrganizationId)
})

/** Every command on the directory. @since 0.1.0 */
export const DirectoryCommand = Schema.Union([
  RegisterOrganization,
  MoveOrganization,
  RestructureOrganization,
  FormCluster
])
/** @since 0.1.0 */
export type DirectoryCommand = typeof DirectoryCommand.Type

// ---------------------------------------------------------------------------------------------
// campaign
// ---------------------------------------------------------------------------------------------

/** Adopt a campaign's plan. @since 0.1.0 */
export const PlanCampaign = Schema.TaggedStruct("PlanCampaign", {
  ...onCampaign,
  issuerId: OrganizationId,
  title: Text,
  theme: Schema.optionalKey(Text),
  form: CampaignForm,
  period: Period,
  parentCampaignId: Schema.optionalKey(CampaignId),
  clusterId: Schema.optionalKey(ClusterId),
  sectors: Schema.Array(SectorContents),
  titlesOffered: Schema.Array(AwardKind)
})

/** Launch the campaign (phát động), possibly at a pilot unit. @since 0.1.0 */
export const LaunchCampaign = Schema.TaggedStruct("LaunchCampaign", {
  ...onCampaign,
  pilotUnitId: Schema.optionalKey(OrganizationId)
})

/** Schedule a phase. @since 0.1.0 */
export const SchedulePhase = Schema.TaggedStruct("SchedulePhase", {
  ...onCampaign,
  phaseId: PhaseId,
  name: Text,
  kind: PhaseKind,
  period: Period,
  theme: Schema.optionalKey(Text)
})

/** Open a scheduled phase. @since 0.1.0 */
export const OpenPhase = Schema.TaggedStruct("OpenPhase", { ...onCampaign, phaseId: PhaseId })
/** Close an open phase. @since 0.1.0 */
export const ClosePhase = Schema.TaggedStruct("ClosePhase", { ...onCampaign, phaseId: PhaseId })

/** Enroll a unit as a participant. @since 0.1.0 */
export const EnrollParticipant = Schema.TaggedStruct("EnrollParticipant", {
  ...onCampaign,
  unitId: OrganizationId,
  sector: Sector,
  clusterId: Schema.optionalKey(ClusterId)
})

/** Sign a covenant or a registration. The period defaults to the campaign's. @since 0.1.0 */
export const SignPledge = Schema.TaggedStruct("SignPledge", {
  ...onCampaign,
  pledgeId: PledgeId,
  kind: PledgeKind,
  signerIds: Schema.NonEmptyArray(OrganizationId).check(Schema.isUnique()),
  subject: Schema.optionalKey(Subject),
  clusterId: Schema.optionalKey(ClusterId),
  targets: Schema.Array(Target),
  period: Schema.optionalKey(Period),
  supersedes: Schema.optionalKey(PledgeId)
})

/** Approve a registration. @since 0.1.0 */
export const ApproveRegistration = Schema.TaggedStruct("ApproveRegistration", { ...onCampaign, pledgeId: PledgeId })
/** Reject a registration. @since 0.1.0 */
export const RejectRegistration = Schema.TaggedStruct("RejectRegistration", {
  ...onCampaign,
  pledgeId: PledgeId,
  reason: Text
})

/** Record an initiative of a unit or one of its members. @since 0.1.0 */
export const RecordInitiative = Schema.TaggedStruct("RecordInitiative", {
  ...onCampaign,
  initiativeId: InitiativeId,
  phaseId: Schema.optionalKey(PhaseId),
  unitId: OrganizationId,
  memberId: Schema.optionalKey(MemberId),
  kind: InitiativeKind,
  title: Text,
  benefitVnd: Vnd
})

/** Record that an initiative is applied at its unit. @since 0.1.0 */
export const ApplyInitiative = Schema.TaggedStruct("ApplyInitiative", { ...onCampaign, initiativeId: InitiativeId })

/** Recognise an initiative at a scope; the actor's organization recognises it. @since 0.1.0 */
export const RecognizeInitiative = Schema.TaggedStruct("RecognizeInitiative", {
  ...onCampaign,
  initiativeId: InitiativeId,
  level: RecognitionLevel
})

/** Decline to recognise an initiative. @since 0.1.0 */
export const RejectInitiative = Schema.TaggedStruct("RejectInitiative", {
  ...onCampaign,
  initiativeId: InitiativeId,
  reason: Text
})

/** Honour a work with a plaque; the actor's organization grants it. @since 0.1.0 */
export const PlaqueWork = Schema.TaggedStruct("PlaqueWork", { ...onCampaign, initiativeId: InitiativeId })

/** Give a unit points for a content; the actor's organization assesses. @since 0.1.0 */
export const AssessScore = Schema.TaggedStruct("AssessScore", {
  ...onCampaign,
  unitId: OrganizationId,
  phaseId: Schema.optionalKey(PhaseId),
  contentId: ContentId,
  points: Schema.Finite.check(Schema.isBetween({ minimum: -10_000, maximum: 10_000 })),
  kind: ScoreKind
})

/** Hold an interim review (sơ kết), for a closed phase or the campaign so far. @since 0.1.0 */
export const HoldInterimReview = Schema.TaggedStruct("HoldInterimReview", {
  ...onCampaign,
  phaseId: Schema.optionalKey(PhaseId),
  notes: Schema.optionalKey(Text)
})

/** End the campaign once its period is over. @since 0.1.0 */
export const EndCampaign = Schema.TaggedStruct("EndCampaign", onCampaign)

/** Hold the final review (tổng kết). @since 0.1.0 */
export const HoldFinalReview = Schema.TaggedStruct("HoldFinalReview", {
  ...onCampaign,
  notes: Schema.optionalKey(Text)
})

/** Propose a subject for an award; the actor's organization proposes. @since 0.1.0 */
export const ProposeNomination = Schema.TaggedStruct("ProposeNomination", {
  ...onCampaign,
  nominationId: NominationId,
  subject: Subject,
  awardKind: AwardKind,
  basis: Basis,
  period: Period,
  initiativeIds: Schema.optionalKey(Schema.Array(InitiativeId))
})

/** Record the council's deliberation and vote on a nomination. @since 0.1.0 */
export const HoldDeliberation = Schema.TaggedStruct("HoldDeliberation", {
  ...onCampaign,
  nominationId: NominationId,
  present: Count,
  votesFor: Count,
  councilSize: Count.check(Schema.isGreaterThanOrEqualTo(1))
}).check(
  Schema.makeFilter((c: { readonly present: number; readonly votesFor: number; readonly councilSize: number }) =>
    c.present > c.councilSize
      ? { path: ["present"], issue: "more members present than the council has" }
      : c.votesFor > c.present
        ? { path: ["votesFor"], issue: "more votes than members present" }
        : undefined
  )
)

/** Publish nominees for comment over a period. @since 0.1.0 */
export const PublishNominees = Schema.TaggedStruct("PublishNominees", {
  ...onCampaign,
  nominationIds: Schema.NonEmptyArray(NominationId).check(Schema.isUnique()),
  period: Period
})

/** Send a nomination one level up. @since 0.1.0 */
export const SubmitNomination = Schema.TaggedStruct("SubmitNomination", {
  ...onCampaign,
  nominationId: NominationId,
  toOrganizationId: OrganizationId
})

/** Decide a nomination. @since 0.1.0 */
export const DecideNomination = Schema.TaggedStruct("DecideNomination", {
  ...onCampaign,
  nominationId: NominationId,
  outcome: Outcome
})

/** Grant an award; the actor's organization grants it. @since 0.1.0 */
export const GrantAward = Schema.TaggedStruct("GrantAward", {
  ...onCampaign,
  awardId: AwardId,
  recipient: Subject,
  kind: AwardKind,
  nominationId: Schema.optionalKey(NominationId),
  decisionNo: Schema.optionalKey(Text),
  reason: Text,
  basis: Basis,
  period: Period,
  extraordinary: Schema.Boolean
})

/** Revoke an award. @since 0.1.0 */
export const RevokeAward = Schema.TaggedStruct("RevokeAward", {
  ...onCampaign,
  awardId: AwardId,
  reason: RevocationReason,
  notes: Schema.optionalKey(Text)
})

/** Record that an exemplary model was replicated. @since 0.1.0 */
export const ReplicateExemplar = Schema.TaggedStruct("ReplicateExemplar", { ...onCampaign, subject: Subject })

/** Close the campaign's files. @since 0.1.0 */
export const CloseCampaign = Schema.TaggedStruct("CloseCampaign", onCampaign)

/** Cancel the campaign before its final review. @since 0.1.0 */
export const CancelCampaign = Schema.TaggedStruct("CancelCampaign", { ...onCampaign, reason: Text })

/**
 * Every command on a campaign.
 *
 * @since 0.1.0
 */
export const CampaignCommand = Schema.Union([
  PlanCampaign,
  LaunchCampaign,
  SchedulePhase,
  OpenPhase,
  ClosePhase,
  EnrollParticipant,
  SignPledge,
  ApproveRegistration,
  RejectRegistration,
  RecordInitiative,
  ApplyInitiative,
  RecognizeInitiative,
  RejectInitiative,
  PlaqueWork,
  AssessScore,
  HoldInterimReview,
  EndCampaign,
  HoldFinalReview,
  ProposeNomination,
  HoldDeliberation,
  PublishNominees,
  SubmitNomination,
  DecideNomination,
  GrantAward,
  RevokeAward,
  ReplicateExemplar,
  CloseCampaign,
  CancelCampaign
])
/** @since 0.1.0 */
export type CampaignCommand = typeof CampaignCommand.Type

/** Any command of the domain. @since 0.1.0 */
export const DomainCommand = Schema.Union([DirectoryCommand, CampaignCommand])
/** @since 0.1.0 */
export type DomainCommand = typeof DomainCommand.Type

/** The name of a command type. @since 0.1.0 */
export type CommandType = DomainCommand["_tag"]

/**
 * A command that did not decode. `path` names the first failing field (`actor.organizationId`,
 * `period.end`, ...; empty for the input as a whole), and `issues` lists every problem found.
 *
 * @since 0.1.0
 */
export class CommandDecodeError extends Data.TaggedClass("CommandDecodeError")<{
  readonly path: string
  readonly message: string
  readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>
}> {
  override toString(): string {
    return `CommandDecodeError: ${this.message}`
  }
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()
const pathOf = (path: ReadonlyArray<unknown>): string =>
  path
    .map((segment) => {
      const p = typeof segment === "object" && segment !== null && "key" in segment ? segment.key : segment
      return typeof p === "number" ? `[${p}]` : String(p)
    })
    .join(".")
    .replace(/\.\[/g, "[")

const directorySchemas = byTag(DirectoryCommand.members)
const campaignSchemas = byTag(CampaignCommand.members)

/**
 * The schema of each command type, by name.
 *
 * @since 0.1.0
 */
export const schemas: { readonly [T in CommandType]: Schema.Codec<Extract<DomainCommand, { readonly _tag: T }>> } = {
  ...directorySchemas,
  ...campaignSchemas
} as never

const toError = (issues: ReadonlyArray<{ readonly path: string; readonly message: string }>): CommandDecodeError => {
  const first = issues[0] ?? { path: "", message: "invalid command" }
  return new CommandDecodeError({
    path: first.path,
    message: first.path === "" ? first.message : `${first.path}: ${first.message}`,
    issues
  })
}

// A union reports "none of the members matched"; decoding with the member the tag names reports
// the field that is wrong instead.
const decoder = (schemas: Readonly<Record<string, Schema.Decoder<unknown>>>) => {
  const byTag = new Map(
    Object.entries(schemas).map(([tag, schema]) => [
      tag,
      Schema.decodeUnknownResult(schema, { errors: "all", onExcessProperty: "error" })
    ])
  )
  // A command that validates is already its decoded value (commands have no transformations): the
  // full decoder runs only to name what is wrong.
  const valid = new Map(Object.entries(schemas).map(([tag, schema]) => [tag, compile(schema.ast)]))
  const tags = [...byTag.keys()].join(", ")
  return (input: unknown): Result.Result<never, CommandDecodeError> | Result.Result<unknown, CommandDecodeError> => {
    if (typeof input !== "object" || input === null || Array.isArray(input))
      return Result.fail(toError([{ path: "", message: "a command is a JSON object" }]))
    const tag = (input as { readonly _tag?: unknown })._tag
    const run = typeof tag === "string" ? byTag.get(tag) : undefined
    if (run === undefined) return Result.fail(toError([{ path: "_tag", message: `Expected one of ${tags}` }]))
    if (valid.get(tag as string)?.(input) === true) return Result.succeed(input)
    return Result.mapError(run(input), (error) =>
      toError(formatter(error.issue).issues.map((i) => ({ path: pathOf(i.path ?? []), message: i.message })))
    )
  }
}

/**
 * Decodes any command from unknown input (parsed JSON). Unknown fields are refused, so a typo
 * cannot silently drop data.
 *
 * @example
 * ```ts
 * import { Command } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const result = Command.decode({
 *   _tag: "OpenPhase",
 *   commandId: "cmd-1",
 *   tenantId: "hanoi",
 *   actor: { organizationId: "ldld-hoang-mai", role: "sovereign" },
 *   at: "2020-01-01",
 *   campaignId: "hoang-mai-2020",
 *   phaseId: "dot-1"
 * })
 * assert.ok(Result.isFailure(result))
 * assert.equal(result.failure.path, "actor.role")
 * ```
 *
 * @since 0.1.0
 */
export const decode = decoder(schemas) as (input: unknown) => Result.Result<DomainCommand, CommandDecodeError>

/** Decodes a campaign command. @since 0.1.0 */
export const decodeCampaign = decoder(campaignSchemas) as (
  input: unknown
) => Result.Result<CampaignCommand, CommandDecodeError>

/** Decodes a directory command. @since 0.1.0 */
export const decodeDirectory = decoder(directorySchemas) as (
  input: unknown
) => Result.Result<DirectoryCommand, CommandDecodeError>
