/**
 * The commands: what an actor asks for, as `effect/Schema` tagged structs. Every command carries
 * its `commandId` (idempotency), the `tenantId`, the `actor` (organization and role) and the date
 * `at` on which the act takes place; campaign commands also name their `campaignId`.
 *
 * Decode input once, where it enters, with {@link decode}: it names the failing field. Inside,
 * the deciders trust the types.
 *
 * Each command's schema lives with its domain part (`phase/schema.ts`, `award/schema.ts`, ...);
 * this module gathers them, so most of its length is the list of re-exports.
 *
 * @since 0.1.0
 */
import { type Result, Schema } from "effect"
import { GrantAward, PresentAward, ReplicateExemplar, RevokeAward } from "./award/schema.js"
import {
  CancelCampaign,
  CloseCampaign,
  EndCampaign,
  HoldFinalReview,
  LaunchCampaign,
  PlanCampaign
} from "./campaign/schema.js"
import { FormCluster, MoveOrganization, RegisterOrganization, RestructureOrganization } from "./directory/schema.js"
import {
  ApplyInitiative,
  PlaqueWork,
  RecognizeInitiative,
  RecordInitiative,
  RejectInitiative
} from "./initiative/schema.js"
import { byTag } from "./internal/byTag.js"
import { decoder } from "./internal/commandDecoder.js"
import { type Problem, problem } from "./internal/issues.js"
import {
  AssignSeat,
  EndSeat,
  RateMember,
  RateUnit,
  RecordDeparture,
  RecordDiscipline,
  RecordLeave,
  RegisterMember,
  TransferMember
} from "./member/schema.js"
import {
  DecideNomination,
  HoldDeliberation,
  ProposeNomination,
  PublishNominees,
  SubmitNomination
} from "./nomination/schema.js"
import { AssessScore, EnrollParticipant } from "./participant/schema.js"
import { ClosePhase, HoldInterimReview, OpenPhase, SchedulePhase } from "./phase/schema.js"
import { ApproveRegistration, RejectRegistration, SignPledge } from "./pledge/schema.js"
import * as ThiDuaError from "./ThiDuaError.js"

export {
  /** @since 0.1.0 */
  GrantAward,
  /** @since 0.3.0 */
  PresentAward,
  /** @since 0.1.0 */
  ReplicateExemplar,
  /** @since 0.1.0 */
  RevokeAward
} from "./award/schema.js"
export {
  /** @since 0.1.0 */
  CancelCampaign,
  /** @since 0.1.0 */
  CloseCampaign,
  /** @since 0.1.0 */
  EndCampaign,
  /** @since 0.1.0 */
  HoldFinalReview,
  /** @since 0.1.0 */
  LaunchCampaign,
  /** @since 0.1.0 */
  PlanCampaign
} from "./campaign/schema.js"
export {
  /** @since 0.1.0 */
  FormCluster,
  /** @since 0.1.0 */
  MoveOrganization,
  /** @since 0.1.0 */
  RegisterOrganization,
  /** @since 0.1.0 */
  RestructureOrganization
} from "./directory/schema.js"
export {
  /** @since 0.1.0 */
  ApplyInitiative,
  /** @since 0.1.0 */
  PlaqueWork,
  /** @since 0.1.0 */
  RecognizeInitiative,
  /** @since 0.1.0 */
  RecordInitiative,
  /** @since 0.1.0 */
  RejectInitiative
} from "./initiative/schema.js"
export {
  /** @since 0.6.0 */
  AssignSeat,
  /** @since 0.6.0 */
  EndSeat,
  /** @since 0.6.0 */
  RateMember,
  /** @since 0.6.0 */
  RateUnit,
  /** @since 0.6.0 */
  RecordDeparture,
  /** @since 0.6.0 */
  RecordDiscipline,
  /** @since 0.6.0 */
  RecordLeave,
  /** @since 0.6.0 */
  RegisterMember,
  /** @since 0.6.0 */
  TransferMember
} from "./member/schema.js"
export {
  /** @since 0.1.0 */
  DecideNomination,
  /** @since 0.1.0 */
  HoldDeliberation,
  /** @since 0.1.0 */
  ProposeNomination,
  /** @since 0.1.0 */
  PublishNominees,
  /** @since 0.1.0 */
  SubmitNomination
} from "./nomination/schema.js"
export {
  /** @since 0.1.0 */
  AssessScore,
  /** @since 0.1.0 */
  EnrollParticipant
} from "./participant/schema.js"
export {
  /** @since 0.1.0 */
  ClosePhase,
  /** @since 0.1.0 */
  HoldInterimReview,
  /** @since 0.1.0 */
  OpenPhase,
  /** @since 0.1.0 */
  SchedulePhase
} from "./phase/schema.js"
export {
  /** @since 0.1.0 */
  ApproveRegistration,
  /** @since 0.1.0 */
  RejectRegistration,
  /** @since 0.1.0 */
  SignPledge
} from "./pledge/schema.js"

/** Every command on the directory. @since 0.1.0 */
export const DirectoryCommand = Schema.Union([
  RegisterOrganization,
  MoveOrganization,
  RestructureOrganization,
  FormCluster,
  RegisterMember,
  TransferMember,
  RecordDeparture,
  RecordLeave,
  RecordDiscipline,
  RateMember,
  RateUnit,
  AssignSeat,
  EndSeat
])

/** @since 0.1.0 */
export type DirectoryCommand = typeof DirectoryCommand.Type

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
  PresentAward,
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
 * One problem of a command that did not decode: where (`path`, empty for the command as a whole)
 * and what, in English (`message`) and in both languages (`messages`).
 *
 * @example
 * ```ts
 * import { Command } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const result = Command.decode({ _tag: "OpenPhase" })
 * assert.ok(Result.isFailure(result))
 * const issue: Command.Issue = result.failure.issues[0]!
 * assert.equal(issue.path, "commandId")
 * assert.equal(issue.messages.vi, "bị thiếu")
 * ```
 *
 * @since 0.2.0
 * @category errors
 */
export type Issue = Problem

/**
 * A command that did not decode. `path` names the first failing field (`actor.organizationId`,
 * `sectors[0].contents[1].title`, ...; empty for the input as a whole), and `issues` lists every
 * problem found, each with its path and its messages in English and Vietnamese. `message` is the
 * first problem in English, with its path; `messages.vi` says it in Vietnamese.
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
 * const error = result.failure
 * assert.ok(error instanceof Error)
 * assert.equal(error.code, "CommandDecodeError")
 * assert.equal(error.message, 'actor.role: Expected "executive" | "council" | "officer"')
 * assert.equal(error.messages.vi, 'Lệnh không hợp lệ: trường actor.role phải là một trong các giá trị "executive", "council", "officer"')
 * ```
 *
 * @since 0.1.0
 */
export class CommandDecodeError extends ThiDuaError.Tagged("CommandDecodeError")<{
  readonly path: string
  readonly issues: ReadonlyArray<Issue>
}> {
  readonly code = "CommandDecodeError"
  get messages(): ThiDuaError.Messages {
    const first = this.issues[0] ?? problem("", "invalid command", "lệnh không hợp lệ")
    return {
      en: first.path === "" ? first.message : `${first.path}: ${first.message}`,
      vi: `Lệnh không hợp lệ: ${first.path === "" ? "" : `trường ${first.path} `}${first.messages.vi}`
    }
  }
}

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

const toError = (issues: ReadonlyArray<Issue>): CommandDecodeError =>
  new CommandDecodeError({ path: issues[0]?.path ?? "", issues })

/**
 * Decodes any command from unknown input (parsed JSON). Unknown fields are refused, so a typo
 * cannot silently drop data. The command returned is a fresh plain object built from the input's
 * own fields: fields inherited from a prototype are never read, and changing the input afterwards
 * does not change the command.
 *
 * @example
 * ```ts
 * import { Command } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const input = {
 *   _tag: "OpenPhase",
 *   commandId: "cmd-1",
 *   tenantId: "hanoi",
 *   actor: { organizationId: "ldld-hoang-mai", role: "executive" },
 *   at: "2020-01-01",
 *   campaignId: "hoang-mai-2020",
 *   phaseId: "dot-1"
 * }
 * const command = Result.getOrThrow(Command.decode(input))
 * assert.deepEqual(command, input)
 * input.actor.role = "officer"
 * assert.equal(command.actor.role, "executive")
 *
 * const refused = Command.decode({ ...input, actor: { organizationId: "ldld-hoang-mai", role: "sovereign" } })
 * assert.ok(Result.isFailure(refused))
 * assert.equal(refused.failure.path, "actor.role")
 * ```
 *
 * @since 0.1.0
 */
export const decode = decoder(schemas, toError) as (input: unknown) => Result.Result<DomainCommand, CommandDecodeError>

/** Decodes a campaign command. @since 0.1.0 */
export const decodeCampaign = decoder(campaignSchemas, toError) as (
  input: unknown
) => Result.Result<CampaignCommand, CommandDecodeError>

/** Decodes a directory command. @since 0.1.0 */
export const decodeDirectory = decoder(directorySchemas, toError) as (
  input: unknown
) => Result.Result<DirectoryCommand, CommandDecodeError>
