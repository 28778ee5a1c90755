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
import { Result, Schema, SchemaIssue } from "effect"
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
import { maxItems, text, uniqueIds } from "./internal/checks.js"
import { compileGuard } from "./internal/guard.js"
import { type Problem, pathOf, problem, problems } from "./internal/issues.js"
import { compileDecoder, invalid } from "./internal/validator.js"
import { LocalDate, Period } from "./LocalDate.js"
import { Actor, Level, Sector, Subject } from "./Organization.js"
import * as ThiDuaError from "./ThiDuaError.js"
import { Vnd } from "./Vnd.js"

// Names and titles, and free text (reasons, notes): storable, within `Limits`.
const Name = text("nameLength")
const FreeText = text("textLength")
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
  name: Name,
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
  name: Name,
  kind: Schema.Literals(["cluster", "block"]),
  year: Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2199 })),
  memberIds: Schema.NonEmptyArray(OrganizationId).check(maxItems("clusterMembers"), uniqueIds),
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
  title: Name,
  theme: Schema.optionalKey(Name),
  form: CampaignForm,
  period: Period,
  parentCampaignId: Schema.optionalKey(CampaignId),
  clusterId: Schema.optionalKey(ClusterId),
  sectors: Schema.Array(SectorContents).check(maxItems("sectors")),
  titlesOffered: Schema.Array(AwardKind).check(maxItems("titlesOffered"))
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
  name: Name,
  kind: PhaseKind,
  period: Period,
  theme: Schema.optionalKey(Name)
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
  signerIds: Schema.NonEmptyArray(OrganizationId).check(maxItems("pledgeSigners"), uniqueIds),
  subject: Schema.optionalKey(Subject),
  clusterId: Schema.optionalKey(ClusterId),
  targets: Schema.Array(Target).check(maxItems("pledgeTargets")),
  period: Schema.optionalKey(Period),
  supersedes: Schema.optionalKey(PledgeId)
})

/** Approve a registration. @since 0.1.0 */
export const ApproveRegistration = Schema.TaggedStruct("ApproveRegistration", { ...onCampaign, pledgeId: PledgeId })
/** Reject a registration. @since 0.1.0 */
export const RejectRegistration = Schema.TaggedStruct("RejectRegistration", {
  ...onCampaign,
  pledgeId: PledgeId,
  reason: FreeText
})

/** Record an initiative of a unit or one of its members. @since 0.1.0 */
export const RecordInitiative = Schema.TaggedStruct("RecordInitiative", {
  ...onCampaign,
  initiativeId: InitiativeId,
  phaseId: Schema.optionalKey(PhaseId),
  unitId: OrganizationId,
  memberId: Schema.optionalKey(MemberId),
  kind: InitiativeKind,
  title: Name,
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
  reason: FreeText
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
  notes: Schema.optionalKey(FreeText)
})

/** End the campaign once its period is over. @since 0.1.0 */
export const EndCampaign = Schema.TaggedStruct("EndCampaign", onCampaign)

/** Hold the final review (tổng kết). @since 0.1.0 */
export const HoldFinalReview = Schema.TaggedStruct("HoldFinalReview", {
  ...onCampaign,
  notes: Schema.optionalKey(FreeText)
})

/** Propose a subject for an award; the actor's organization proposes. @since 0.1.0 */
export const ProposeNomination = Schema.TaggedStruct("ProposeNomination", {
  ...onCampaign,
  nominationId: NominationId,
  subject: Subject,
  awardKind: AwardKind,
  basis: Basis,
  period: Period,
  initiativeIds: Schema.optionalKey(Schema.Array(InitiativeId).check(maxItems("nominationInitiatives")))
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
      ? {
          path: ["present"],
          issue: new SchemaIssue.InvalidValue({
            message: "more members present than the council has",
            "thidua/vi": "nhiều hơn số thành viên của Hội đồng"
          })
        }
      : c.votesFor > c.present
        ? {
            path: ["votesFor"],
            issue: new SchemaIssue.InvalidValue({
              message: "more votes than members present",
              "thidua/vi": "nhiều hơn số thành viên có mặt"
            })
          }
        : undefined
  )
)

/** Publish nominees for comment over a period. @since 0.1.0 */
export const PublishNominees = Schema.TaggedStruct("PublishNominees", {
  ...onCampaign,
  nominationIds: Schema.NonEmptyArray(NominationId).check(maxItems("publishedNominations"), uniqueIds),
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
  decisionNo: Schema.optionalKey(Name),
  reason: FreeText,
  basis: Basis,
  period: Period,
  extraordinary: Schema.Boolean
})

/** Revoke an award. @since 0.1.0 */
export const RevokeAward = Schema.TaggedStruct("RevokeAward", {
  ...onCampaign,
  awardId: AwardId,
  reason: RevocationReason,
  notes: Schema.optionalKey(FreeText)
})

/** Record that an exemplary model was replicated. @since 0.1.0 */
export const ReplicateExemplar = Schema.TaggedStruct("ReplicateExemplar", { ...onCampaign, subject: Subject })

/** Close the campaign's files. @since 0.1.0 */
export const CloseCampaign = Schema.TaggedStruct("CloseCampaign", onCampaign)

/** Cancel the campaign before its final review. @since 0.1.0 */
export const CancelCampaign = Schema.TaggedStruct("CancelCampaign", { ...onCampaign, reason: FreeText })

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

const fail = (path: string, en: string, vi: string) => Result.fail(toError([problem(path, en, vi)]))

// Where an input the schema accepts is still not plain data, which the exact decoder refuses: an
// object with a prototype of its own, a field inherited or not enumerable, an array with a named
// property. Only runs for an input the exact decoder refused; as deep as any command goes.
const notPlain = (u: unknown, path: Array<PropertyKey>, depth: number): Issue | undefined => {
  if (typeof u !== "object" || u === null || depth > 16) return undefined
  const array = Array.isArray(u)
  const proto = Object.getPrototypeOf(u)
  if (array ? proto !== Array.prototype : proto !== Object.prototype && proto !== null)
    return problem(
      pathOf(path),
      "Expected plain JSON data, got an object with a prototype of its own",
      "phải là dữ liệu JSON thuần, không phải một đối tượng có prototype riêng"
    )
  const at = (key: string) => [...path, array && /^\d+$/.test(key) ? Number(key) : key]
  for (const key in u)
    if (!Object.hasOwn(u, key))
      return problem(
        pathOf(at(key)),
        "Expected a field of the object itself, got one inherited from its prototype",
        "được kế thừa từ prototype, không phải trường của chính đối tượng"
      )
  const own = Object.getOwnPropertyNames(u)
  const visible = Object.keys(u)
  if (own.length !== visible.length + (array ? 1 : 0)) {
    const hidden = own.find((k) => !visible.includes(k) && !(array && k === "length")) ?? ""
    return problem(
      pathOf([...path, hidden]),
      "Expected an enumerable field, got one hidden from JSON",
      "là trường ẩn (không liệt kê được), không có trong JSON"
    )
  }
  if (array && visible.length !== u.length)
    return problem(
      pathOf(path),
      "Expected a JSON array, got one with holes or named properties",
      "phải là một mảng JSON, không có chỗ trống hay thuộc tính có tên"
    )
  for (const key of visible) {
    const inner = notPlain((u as Record<string, unknown>)[key], at(key), depth + 1)
    if (inner !== undefined) return inner
  }
  return undefined
}

const notPlainData = problem("", "Expected plain JSON data", "lệnh phải là dữ liệu JSON thuần")

// A union reports "none of the members matched"; decoding with the member the tag names reports
// the field that is wrong instead.
const decoder = (schemas: Readonly<Record<string, Schema.Decoder<unknown>>>) => {
  // Per type: the exact decoder compiled from the schema, which validates and copies in one walk
  // (commands have no transformations); then, only to name what is wrong, the guard that finds an
  // array over its limit without reading its items, and the full decoder.
  const kinds = new Map(
    Object.entries(schemas).map(([tag, schema]) => {
      const exact = compileDecoder(schema.ast)
      if (exact === undefined) throw new Error(`the schema of ${tag} does not compile`)
      return [
        tag,
        {
          exact,
          guard: compileGuard(schema.ast),
          full: Schema.decodeUnknownResult(schema, { errors: "all", onExcessProperty: "error" })
        }
      ]
    })
  )
  const tags = [...kinds.keys()].join(", ")
  return (input: unknown): Result.Result<unknown, CommandDecodeError> => {
    if (typeof input !== "object" || input === null || Array.isArray(input))
      return fail("", "a command is a JSON object", "lệnh phải là một đối tượng JSON")
    try {
      const tag = (input as { readonly _tag?: unknown })._tag
      const kind = typeof tag === "string" ? kinds.get(tag) : undefined
      if (kind === undefined) return fail("_tag", `Expected one of ${tags}`, `phải là một loại lệnh đã biết: ${tags}`)
      const decoded = kind.exact(input)
      if (decoded !== invalid) return Result.succeed(decoded)
      const over = kind.guard?.(input, [])
      if (over !== undefined) return Result.fail(toError([over]))
      const full = kind.full(input)
      if (Result.isFailure(full)) return Result.fail(toError(problems(full.failure.issue)))
      // The schema reads inherited and hidden fields; the exact decoder does not, and says no.
      return Result.fail(toError([notPlain(input, [], 0) ?? notPlainData]))
    } catch (e) {
      // A getter or a proxy that throws: the input is not data.
      const reason = e instanceof Error ? e.message : String(e)
      return fail(
        "",
        `Expected plain JSON data, reading the input threw: ${reason}`,
        `lệnh phải là dữ liệu JSON thuần; đọc dữ liệu bị lỗi: ${reason}`
      )
    }
  }
}

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
export const decode = decoder(schemas) as (input: unknown) => Result.Result<DomainCommand, CommandDecodeError>

/** Decodes a campaign command. @since 0.1.0 */
export const decodeCampaign = decoder(campaignSchemas) as (
  input: unknown
) => Result.Result<CampaignCommand, CommandDecodeError>

/** Decodes a directory command. @since 0.1.0 */
export const decodeDirectory = decoder(directorySchemas) as (
  input: unknown
) => Result.Result<DirectoryCommand, CommandDecodeError>
