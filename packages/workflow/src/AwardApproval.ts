/**
 * Award approval: a process manager that drives each nomination from its proposal to a grant or a
 * refusal. People propose and deliberate (the council votes: the
 * manager never does); the manager judges the vote, publishes the nominees when they must be
 * published, decides, and grants or sends the file one level up.
 *
 * - After `NominationProposed` it waits for the council (`DeliberationHeld`).
 * - On a deliberation it judges the quorum (the rulebook's `councilQuorum` of the council present) and the vote
 *   (rule T7, core's own guard, with the rulebook's `councilApproval` / `defaultCouncilApproval`).
 *   An inquorate meeting is noted (`ProcessNoted` "inquorate") and the manager waits for another.
 * - A passed vote on a kind that must be published (A4; by default the state's awards) is published
 *   for the rulebook's `publicationDays` from the day of the deliberation (`PublishNominees`), and
 *   a timer falls due when the window is over (00:00 local, Asia/Ho_Chi_Minh). A failed vote, or a
 *   kind that need not be published, is decided at once.
 * - `DecideNomination`: `notAchieved` when the vote failed (T7); `achievedAtLevel` when the level
 *   that holds the file may grant the kind (A1, `AwardKind.mayGrant`); `escalated` when it may not
 *   and a level is above it (A2). When none applies (no level above may grant it) the instance
 *   halts (`ProcessNoted` "halted").
 * - On `NominationDecided`: `achievedAtLevel` leads to `GrantAward`, `escalated` to
 *   `SubmitNomination` to the direct parent; the council above then deliberates and the same
 *   judgement starts again there.
 *
 * Every command is sent as the executive (Ban Chấp hành) of the organization that holds the file
 * (its successor once it was restructured away), which is who core accepts them from
 * (AUTH-ROLE, and the holder checks of the nomination handlers). A command core refuses is
 * recorded by the runner (`CommandRefused`) and the instance is Stuck: no retry.
 *
 * One instance per tenant: the nominations' events do not say the levels and parents of the
 * organizations that hold the files, so the instance folds the tenant's directory (core's
 * `Directory.evolve`) beside them, in the log's order, and judges each nomination on the directory
 * as it stood when the event came in. Each nomination is a file of the instance, keyed
 * `<campaignId>/<nominationId>`; its comment window is the timer `window:<key>`.
 *
 * @since 0.4.0
 */
import {
  AwardKind,
  type Campaign,
  Directory,
  type Event,
  LocalDate,
  Machine,
  type Organization,
  Rule,
  Rulebook,
  Stream
} from "@thidua/core"
import { Result } from "effect"
import * as Calendar from "./Calendar.js"
import * as ProcessManager from "./ProcessManager.js"

/**
 * Where an instance stands.
 *
 * - `Proposed`, `Submitted`: waiting for the council of the level that holds the file.
 * - `Deliberated`: the council met; waiting for a quorate meeting when it was not.
 * - `Publishing`: published for comment; waiting for the window to close.
 * - `Deciding`: `DecideNomination` sent. `Granting`: `GrantAward` sent. `Escalated`:
 *   `SubmitNomination` sent.
 * - `Granted`, `Refused` (not achieved), `Stuck` (a command refused, or no outcome core accepts).
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const done: ReadonlyArray<AwardApproval.Status> = AwardApproval.machine.terminal
 * assert.deepEqual(done, ["Granted", "Refused", "Stuck"])
 * ```
 *
 * @since 0.4.0
 */
export type Status =
  | "Initial"
  | "Proposed"
  | "Deliberated"
  | "Publishing"
  | "Deciding"
  | "Granting"
  | "Escalated"
  | "Submitted"
  | "Granted"
  | "Refused"
  | "Stuck"

/**
 * What moves an instance: an event that came in (`Propose`, `Deliberate`, `NotAchieved`,
 * `Achieved`, `Escalate` by the decision's outcome, `Submit`, `Grant`), a command it sent
 * (`Publish`, `Decide`), a refusal the runner recorded (`Refuse`), or its own halt (`Halt`).
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const move: AwardApproval.Move = "Deliberate"
 * assert.equal(AwardApproval.machine.next("Proposed", move), "Deliberated")
 * ```
 *
 * @since 0.4.0
 */
export type Move =
  | "Propose"
  | "Deliberate"
  | "Publish"
  | "Decide"
  | "NotAchieved"
  | "Achieved"
  | "Escalate"
  | "Submit"
  | "Grant"
  | "Refuse"
  | "Halt"

/**
 * What the machine's guards read: the nomination as core's rules see it (with the vote), the
 * rulebook's parameters, the quorum, the level that holds the file and its parent on `day`, and
 * whether the kind must be published.
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import { Rulebook } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const judgement: AwardApproval.Judgement = {
 *   nomination: {
 *     id: "de-nghi-1", subject: { _tag: "Unit", organizationId: "cdcs-1" }, awardKind: "giay-khen",
 *     basis: "campaign", period: { start: "2020-01-01", end: "2020-12-31" }, holderId: "cdcs-1",
 *     status: "Deliberated", vote: { present: 7, votesFor: 2, councilSize: 7 }
 *   } as never,
 *   params: Rulebook.standard.regimes[0]!.params,
 *   quorum: 2 / 3,
 *   level: "grassroots",
 *   parentId: undefined,
 *   publish: false,
 *   day: "2021-01-13" as never
 * }
 * // 2 of 7 is less than half the council: the vote failed (T7).
 * assert.equal(AwardApproval.machine.next("Deciding", "NotAchieved"), "Refused")
 * assert.equal(AwardApproval.machine.transitions.find((t) => t.on === "NotAchieved")?.guard?.check(judgement), undefined)
 * ```
 *
 * @since 0.4.0
 */
export interface Judgement {
  readonly nomination: Campaign.Nomination
  readonly params: Rulebook.Params
  /** The share of the council that must be present. */
  readonly quorum: number
  /** The level of the organization that holds the file, or `undefined` when the directory does not know it. */
  readonly level: Organization.Level | undefined
  /** Its direct parent on `day`. */
  readonly parentId: string | undefined
  /** Whether the kind must be published for comment before the decision (A4). */
  readonly publish: boolean
  /** The day the manager acts on. */
  readonly day: LocalDate.LocalDate
}

const reasonOf = (check: Rule.Check): Machine.Reason | undefined =>
  Result.isFailure(check)
    ? { code: check.failure.code, en: check.failure.messages.en, vi: check.failure.messages.vi }
    : undefined

/** Members that must be present: the quorum's share of the whole council, rounded up. */
const membersNeeded = (j: Judgement): number => Math.ceil(j.quorum * (j.nomination.vote?.councilSize ?? 0) - 1e-9)

const quorumReason = (j: Judgement): Machine.Reason | undefined => {
  const vote = j.nomination.vote
  if (vote === undefined)
    return reasonOf(Rule.byId.A3.refuse({ nominationId: j.nomination.id, status: j.nomination.status }))
  const needed = membersNeeded(j)
  return vote.present >= needed
    ? undefined
    : {
        code: "QUORUM",
        en: `The council of ${j.nomination.holderId} met on ${j.day} with ${vote.present} of ${vote.councilSize} members; at least ${needed} must be present.`,
        vi: `Hội đồng Thi đua – Khen thưởng của ${j.nomination.holderId} họp ngày ${j.day} với ${vote.present}/${vote.councilSize} thành viên; cần ít nhất ${needed} thành viên có mặt.`
      }
}

/** T7, as core judges it: the rulebook's share of the whole council voted for it. */
const approvalReason = (j: Judgement): Machine.Reason | undefined =>
  reasonOf(Rule.byId.T7.guards.councilApproval(j.nomination, j.params))

const publicationReason = (j: Judgement): Machine.Reason | undefined =>
  j.publish && j.nomination.publishedUntil === undefined
    ? undefined
    : {
        code: "A4",
        en: `Nomination ${j.nomination.id} (${j.nomination.awardKind}) is not to be published now.`,
        vi: `Đề nghị ${j.nomination.id} (${AwardKind.catalogue[j.nomination.awardKind].vi}) không cần công khai lúc này.`
      }

const grantReason = (j: Judgement): Machine.Reason | undefined =>
  j.level === undefined
    ? reasonOf(Rule.byId["REF-MISSING"].refuse({ kind: "organization", id: j.nomination.holderId }))
    : reasonOf(Rule.byId.A1.guards.grantingAuthority(j.nomination.holderId as never, j.level, j.nomination.awardKind))

const first = (...reasons: ReadonlyArray<() => Machine.Reason | undefined>): Machine.Reason | undefined => {
  for (const r of reasons) {
    const reason = r()
    if (reason !== undefined) return reason
  }
  return undefined
}

const publicationDue: Machine.Guard<Judgement> = {
  name: "publicationDue",
  check: (j) =>
    first(
      () => quorumReason(j),
      () => approvalReason(j),
      () => publicationReason(j)
    )
}

const decidable: Machine.Guard<Judgement> = {
  name: "quorumAndNoPublication",
  check: (j) =>
    first(
      () => quorumReason(j),
      () =>
        approvalReason(j) === undefined && publicationReason(j) === undefined
          ? {
              code: "A4",
              en: `Nomination ${j.nomination.id} is published for comment before it is decided.`,
              vi: `Đề nghị ${j.nomination.id} phải được công khai lấy ý kiến trước khi quyết định.`
            }
          : undefined
    )
}

const windowClosed: Machine.Guard<Judgement> = {
  name: "windowClosed",
  check: (j) => reasonOf(Rule.byId.A4.guards.windowClosed(j.nomination, j.day, j.params))
}

const voteFailed: Machine.Guard<Judgement> = {
  name: "voteFailed",
  check: (j) =>
    approvalReason(j) !== undefined
      ? undefined
      : {
          code: "T7",
          en: `The council approved nomination ${j.nomination.id}.`,
          vi: `Hội đồng đã thông qua đề nghị ${j.nomination.id}.`
        }
}

const grantingAuthority: Machine.Guard<Judgement> = {
  name: "grantingAuthority",
  check: (j) =>
    first(
      () => approvalReason(j),
      () => grantReason(j)
    )
}

const levelAbove: Machine.Guard<Judgement> = {
  name: "levelAbove",
  check: (j) =>
    first(
      () => approvalReason(j),
      () =>
        grantReason(j) === undefined
          ? {
              code: "A1",
              en: `${j.nomination.holderId} may grant ${j.nomination.awardKind} itself.`,
              vi: `${j.nomination.holderId} có thẩm quyền tự khen ${AwardKind.catalogue[j.nomination.awardKind].vi}.`
            }
          : undefined,
      () => reasonOf(Rule.byId.A2.guards.levelAbove(j.nomination, j.parentId as never))
    )
}

const live: ReadonlyArray<Status> = [
  "Proposed",
  "Deliberated",
  "Publishing",
  "Deciding",
  "Granting",
  "Escalated",
  "Submitted"
]

/**
 * The manager's states as a machine (core's `Machine` DSL): what moves it, and the guards, with
 * their reasons, that `decide` reads before it sends a command. Print it with `Machine.toMermaid`.
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import { Machine } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.deepEqual(Machine.check(AwardApproval.machine), [])
 * const diagram = Machine.toMermaid(AwardApproval.machine)
 * assert.ok(diagram.includes("Deliberated --> Publishing: Publish [publicationDue]"))
 * assert.ok(diagram.includes("Deciding --> Escalated: Escalate [levelAbove]"))
 * ```
 *
 * @since 0.4.0
 */
export const machine: Machine.Machine<Status, Move, Judgement> = Machine.make<Status, Move, Judgement>({
  name: "AwardApproval",
  initial: "Initial",
  states: [
    "Initial",
    "Proposed",
    "Deliberated",
    "Publishing",
    "Deciding",
    "Granting",
    "Escalated",
    "Submitted",
    "Granted",
    "Refused",
    "Stuck"
  ],
  terminal: ["Granted", "Refused", "Stuck"],
  transitions: [
    { from: "Initial", on: "Propose", to: "Proposed" },
    { from: "Proposed", on: "Deliberate", to: "Deliberated" },
    { from: "Submitted", on: "Deliberate", to: "Deliberated" },
    // An inquorate meeting: the council meets again.
    { from: "Deliberated", on: "Deliberate", to: "Deliberated" },
    { from: "Deliberated", on: "Publish", to: "Publishing", guard: publicationDue },
    { from: "Deliberated", on: "Decide", to: "Deciding", guard: decidable },
    { from: "Publishing", on: "Decide", to: "Deciding", guard: windowClosed },
    { from: "Deciding", on: "NotAchieved", to: "Refused", guard: voteFailed },
    { from: "Deciding", on: "Achieved", to: "Granting", guard: grantingAuthority },
    { from: "Deciding", on: "Escalate", to: "Escalated", guard: levelAbove },
    { from: "Escalated", on: "Submit", to: "Submitted" },
    { from: "Granting", on: "Grant", to: "Granted" },
    ...live.flatMap((from) => [
      { from, on: "Refuse" as const, to: "Stuck" as const },
      { from, on: "Halt" as const, to: "Stuck" as const }
    ])
  ]
})

/**
 * What the manager knows of one nomination.
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const file: AwardApproval.File = AwardApproval.emptyFile
 * assert.equal(file.status, "Initial")
 * ```
 *
 * @since 0.4.0
 */
export interface File {
  readonly status: Status
  readonly tenantId: string
  readonly campaignId: string
  /** As core's rules see it: the holder, the last vote, the end of the comment window. */
  readonly nomination: Campaign.Nomination | undefined
  /** The outcome it decided, once it did. */
  readonly outcome?: "notAchieved" | "achievedAtLevel" | "escalated"
  /** The award granted, once it was. */
  readonly awardId?: string
  /** Why it is stuck: a refusal's rule and message, or why no outcome applies. */
  readonly stuck?: Machine.Reason
}

/** A nomination the manager has not seen. @since 0.4.0 */
export const emptyFile: File = { status: "Initial", tenantId: "", campaignId: "", nomination: undefined }

/**
 * What an instance knows of its tenant: the directory, the nominations' files by key, and the
 * file each command it issued was for (so that a refusal finds its file).
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const state: AwardApproval.State = AwardApproval.make().initialState
 * assert.deepEqual(state.files, {})
 * ```
 *
 * @since 0.4.0
 */
export interface State {
  readonly directory: Directory.State
  readonly files: Readonly<Record<string, File>>
  readonly commands: Readonly<Record<string, string>>
}

const initialState: State = { directory: Directory.initialState, files: {}, commands: {} }

/**
 * The options of the manager.
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import { Rulebook } from "@thidua/core"
 *
 * const options: AwardApproval.Options = {
 *   rulebook: Rulebook.standard,
 *   publish: (kind) => kind === "chien-si-thi-dua-co-so"
 * }
 * AwardApproval.make(options)
 * ```
 *
 * @since 0.4.0
 */
export interface Options {
  /** The rulebook of the command handler: its regimes give T7's shares and A4's days. Default `Rulebook.standard`. */
  readonly rulebook?: Rulebook.Rulebook
  /** Whether nominees of a kind are published for comment before the decision (A4). Default: the state's awards. */
  readonly publish?: (kind: AwardKind.AwardKind) => boolean
  /** The organizers' time zone. Default Asia/Ho_Chi_Minh. */
  readonly zone?: string
}

const prefix = "campaign:"

/**
 * The key of a nomination's file: `<campaignId>/<nominationId>` (at most 129 characters; `/` is in
 * no id, so two nominations never share a file).
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(AwardApproval.fileKey("hoang-mai-2020", "hm2020-de-nghi-cstd-1"), "hoang-mai-2020/hm2020-de-nghi-cstd-1")
 * ```
 *
 * @since 0.4.0
 */
export const fileKey = (campaignId: string, nominationId: string): string => `${campaignId}/${nominationId}`

/**
 * The stream of a tenant's instance.
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(AwardApproval.streamOf("hanoi"), "process:award-approval:hanoi")
 * ```
 *
 * @since 0.4.0
 */
export const streamOf = (tenantId: string): string => Stream.process("award-approval", tenantId)

const fnv = (s: string): string => {
  let h = 0xcbf29ce484222325n
  for (let i = 0; i < s.length; i++) h = ((h ^ BigInt(s.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn
  return h.toString(16).padStart(16, "0")
}

/**
 * The id of the award granted on a nomination: `kt.<nominationId>`, or a digest of it when that
 * would be longer than an id may be.
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(AwardApproval.awardIdOf("dn-1"), "kt.dn-1")
 * assert.ok(AwardApproval.awardIdOf("x".repeat(64)).length <= 64)
 * ```
 *
 * @since 0.4.0
 */
export const awardIdOf = (nominationId: string): string =>
  nominationId.length <= 61 ? `kt.${nominationId}` : `kt.${nominationId.slice(0, 44)}.${fnv(nominationId)}`

const latest = (a: string, b: string) => (a > b ? a : b)

/**
 * The award-approval manager ("award-approval", version 1).
 *
 * @example
 * ```ts
 * import { AwardApproval } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const approval = AwardApproval.make()
 * const at = "2021-01-13T02:00:00.000Z"
 * const on = (event: object, position: string) =>
 *   ({ _tag: "Event", tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position, at, event }) as never
 * const proposed = approval.evolve(approval.initialState, on({
 *   _tag: "NominationProposed", nominationId: "dn-1", subject: { _tag: "Unit", organizationId: "cdcs-1" },
 *   awardKind: "giay-khen", basis: "campaign", period: { start: "2020-01-01", end: "2020-12-31" },
 *   proposedById: "cdcs-1", at: "2021-01-12"
 * }, "1"))
 * assert.equal(proposed.files["hm-2020/dn-1"]?.status, "Proposed")
 * // Three of seven members voted for it: less than the half of the council the rulebook asks (T7).
 * const decision = approval.decide(proposed, on({
 *   _tag: "DeliberationHeld", nominationId: "dn-1", present: 7, votesFor: 3, councilSize: 7, at: "2021-01-13"
 * }, "2"))
 * assert.deepEqual(decision.commands?.map((c) => [c._tag, c.actor, (c as { outcome?: string }).outcome]), [
 *   ["DecideNomination", { organizationId: "cdcs-1", role: "executive" }, "notAchieved"]
 * ])
 * ```
 *
 * @since 0.4.0
 */
export const make = (options: Options = {}): ProcessManager.ProcessManager<State> => {
  const rulebook = options.rulebook ?? Rulebook.standard
  const mustPublish = options.publish ?? ((kind: AwardKind.AwardKind) => AwardKind.catalogue[kind].system === "state")
  const zone = options.zone ?? Calendar.vietnam

  /** The judgement on `day`, with the nomination as it stands (and the vote, when one is given). */
  const judge = (directory: Directory.State, n: Campaign.Nomination, day: string): Judgement => {
    const date = LocalDate.make(day)
    const holderId = Directory.carrierOn(directory, n.holderId, date)
    const holder = Directory.organization(directory, holderId)
    // The regime in force when the nominated period starts, with the overrides of the holder's chain.
    const params = Rulebook.params(
      rulebook,
      Rulebook.regimeOn(rulebook, n.period.start),
      Directory.chain(directory, holderId, n.period.start)
    )
    return {
      nomination: { ...n, holderId },
      params,
      quorum: params.councilQuorum,
      level: holder?.level,
      parentId: holder === undefined ? undefined : Directory.parentOn(holder, date),
      publish: mustPublish(n.awardKind),
      day: date
    }
  }

  const executive = (j: Judgement) => ({ organizationId: j.nomination.holderId, role: "executive" as const })
  const base = (state: File, j: Judgement) => ({
    tenantId: state.tenantId,
    campaignId: state.campaignId,
    actor: executive(j),
    at: j.day
  })
  const note = (state: File, kind: "inquorate" | "halted", reason: Machine.Reason): Event.ProcessNoted =>
    ({
      _tag: "ProcessNoted",
      note: kind,
      data: { ...reason, file: fileKey(state.campaignId, state.nomination?.id ?? "") }
    }) as Event.ProcessNoted

  /** The decision's outcome: the first whose guard passes, from `Deciding`. */
  const decideOn = (state: File, j: Judgement): ProcessManager.Decision => {
    const outcomes = [
      ["NotAchieved", "notAchieved"],
      ["Achieved", "achievedAtLevel"],
      ["Escalate", "escalated"]
    ] as const
    let reason: Machine.Reason | undefined
    for (const [move, outcome] of outcomes) {
      const taken = Machine.step(machine, "Deciding", move, j)
      if (Result.isSuccess(taken))
        return {
          commands: [
            {
              _tag: "DecideNomination",
              ...base(state, j),
              nominationId: j.nomination.id,
              outcome
            } as unknown as ProcessManager.Issue
          ]
        }
      if (taken.failure._tag === "Guarded") reason = taken.failure.reason
    }
    // Approved, not grantable here and no level above: nothing core would accept.
    return {
      events: [
        note(state, "halted", reason ?? { code: "A2", en: "No outcome applies.", vi: "Không có kết quả phù hợp." })
      ]
    }
  }

  const onDeliberation = (
    directory: Directory.State,
    state: File,
    e: Extract<Event.CampaignEvent, { readonly _tag: "DeliberationHeld" }>
  ): ProcessManager.Decision => {
    const n = state.nomination
    if (n === undefined || machine.next(state.status, "Deliberate") === undefined) return {}
    const vote = { present: e.present, votesFor: e.votesFor, councilSize: e.councilSize }
    const j = judge(directory, { ...n, status: "Deliberated", vote }, e.at)
    const publish = Machine.step(machine, "Deliberated", "Publish", j)
    if (Result.isSuccess(publish)) {
      const end = LocalDate.addDays(j.day, j.params.publicationDays - 1)
      return {
        commands: [
          {
            _tag: "PublishNominees",
            ...base(state, j),
            nominationIds: [n.id],
            period: { start: j.day, end }
          } as unknown as ProcessManager.Issue
        ],
        timers: [
          {
            _tag: "Schedule" as const,
            timerId: `window:${fileKey(state.campaignId, n.id)}`,
            dueAt: Calendar.endOfDay(end, zone),
            reason: `Hết thời hạn công khai ${n.id} / comment window closes`
          }
        ]
      }
    }
    const decide = Machine.step(machine, "Deliberated", "Decide", j)
    if (Result.isSuccess(decide)) return decideOn(state, j)
    return decide.failure._tag === "Guarded" ? { events: [note(state, "inquorate", decide.failure.reason)] } : {}
  }

  const onDecided = (
    directory: Directory.State,
    state: File,
    e: Extract<Event.CampaignEvent, { readonly _tag: "NominationDecided" }>
  ): ProcessManager.Decision => {
    const n = state.nomination
    if (n === undefined || state.status !== "Deciding") return {}
    const j = judge(directory, n, e.at)
    switch (e.outcome) {
      case "achievedAtLevel":
        return {
          commands: [
            {
              _tag: "GrantAward",
              ...base(state, j),
              awardId: awardIdOf(n.id),
              recipient: n.subject,
              kind: n.awardKind,
              nominationId: n.id,
              reason: `Theo đề nghị ${n.id} đã được Hội đồng Thi đua – Khen thưởng bình xét / as nominated and approved by the council`,
              basis: n.basis,
              period: n.period,
              extraordinary: false
            } as unknown as ProcessManager.Issue
          ]
        }
      case "escalated":
        return j.parentId === undefined
          ? {
              events: [
                note(
                  state,
                  "halted",
                  reasonOf(Rule.byId.A2.guards.levelAbove(j.nomination, undefined)) ?? { code: "A2", en: "", vi: "" }
                )
              ]
            }
          : {
              commands: [
                {
                  _tag: "SubmitNomination",
                  ...base(state, j),
                  nominationId: n.id,
                  toOrganizationId: j.parentId
                } as unknown as ProcessManager.Issue
              ]
            }
      default:
        return {}
    }
  }

  const onTimer = (
    directory: Directory.State,
    state: File,
    input: ProcessManager.TimerInput
  ): ProcessManager.Decision => {
    const n = state.nomination
    if (n === undefined || state.status !== "Publishing") return {}
    // The day after the window, or the day the timer fired when a runner was down.
    const day =
      n.publishedUntil === undefined
        ? Calendar.dayOf(input.firedAt, zone)
        : latest(Calendar.dayOf(input.firedAt, zone), LocalDate.addDays(n.publishedUntil, 1))
    const j = judge(directory, n, day)
    const ready = Machine.step(machine, "Publishing", "Decide", j)
    return Result.isSuccess(ready) ? decideOn(state, j) : {}
  }

  // The file an input is about, by its key.
  const keyOf = (input: ProcessManager.Input): string | undefined => {
    if (input._tag === "Timer") return input.timerId.startsWith("window:") ? input.timerId.slice(7) : undefined
    const e = input.event
    if (!input.streamId.startsWith(prefix)) return undefined
    const nominationId =
      e._tag === "NominationProposed" ||
      e._tag === "DeliberationHeld" ||
      e._tag === "NominationDecided" ||
      e._tag === "NominationSubmitted" ||
      e._tag === "AwardGranted"
        ? e.nominationId
        : undefined
    return nominationId === undefined ? undefined : fileKey(input.streamId.slice(prefix.length), nominationId)
  }

  const decide = (state: State, input: ProcessManager.Input): ProcessManager.Decision => {
    const key = keyOf(input)
    const file = key === undefined ? undefined : state.files[key]
    if (file === undefined) return {}
    if (input._tag === "Timer") return onTimer(state.directory, file, input)
    const e = input.event
    switch (e._tag) {
      case "DeliberationHeld":
        return onDeliberation(state.directory, file, e)
      case "NominationDecided":
        return onDecided(state.directory, file, e)
      default:
        return {}
    }
  }

  const move = (state: File, on: Move, patch: Partial<File> = {}): File => {
    const to = machine.next(state.status, on)
    return to === undefined ? state : { ...state, ...patch, status: to }
  }
  const withNomination = (state: File, f: (n: Campaign.Nomination) => Campaign.Nomination): Partial<File> =>
    state.nomination === undefined ? {} : { nomination: f(state.nomination) }

  const evolveFile = (state: File, step: ProcessManager.Step): File => {
    switch (step._tag) {
      case "Event": {
        const e = step.event
        switch (e._tag) {
          case "NominationProposed":
            return move(state, "Propose", {
              tenantId: step.tenantId,
              campaignId: step.streamId.slice(prefix.length),
              nomination: {
                id: e.nominationId,
                subject: e.subject,
                awardKind: e.awardKind,
                basis: e.basis,
                period: e.period,
                holderId: e.proposedById,
                status: "Proposed"
              }
            })
          case "DeliberationHeld":
            return move(
              state,
              "Deliberate",
              withNomination(state, (n) => ({
                ...n,
                status: "Deliberated",
                vote: { present: e.present, votesFor: e.votesFor, councilSize: e.councilSize }
              }))
            )
          case "NominationDecided":
            return move(
              state,
              e.outcome === "notAchieved" ? "NotAchieved" : e.outcome === "achievedAtLevel" ? "Achieved" : "Escalate"
            )
          case "NominationSubmitted":
            return move(
              state,
              "Submit",
              withNomination(state, (n) => ({ ...n, status: "Submitted", holderId: e.toOrganizationId }))
            )
          case "AwardGranted":
            return move(state, "Grant", { awardId: e.awardId })
          default:
            return state
        }
      }
      case "CommandIssued": {
        const c = step.command
        if (c._tag === "PublishNominees")
          return move(
            state,
            "Publish",
            withNomination(state, (n) => ({ ...n, publishedUntil: c.period.end }))
          )
        if (c._tag === "DecideNomination") return move(state, "Decide", { outcome: c.outcome })
        return state
      }
      case "CommandRefused":
        return move(state, "Refuse", { stuck: { code: step.code, en: step.message.en, vi: step.message.vi } })
      case "ProcessNoted":
        return step.note === "halted" ? move(state, "Halt", { stuck: step.data as unknown as Machine.Reason }) : state
      default:
        return state
    }
  }

  // The file a step of the instance's own is about: by the command's nomination, by the command
  // a refusal answers, by the note's file.
  const stepKey = (state: State, step: ProcessManager.Step): string | undefined => {
    switch (step._tag) {
      case "Event":
      case "Timer":
        return keyOf(step)
      case "CommandIssued": {
        const c = step.command as {
          readonly campaignId?: string
          readonly nominationId?: string
          readonly nominationIds?: ReadonlyArray<string>
        }
        const nominationId = c.nominationId ?? c.nominationIds?.[0]
        return c.campaignId === undefined || nominationId === undefined
          ? undefined
          : fileKey(c.campaignId, nominationId)
      }
      case "CommandRefused":
        return state.commands[step.commandId]
      case "ProcessNoted":
        return typeof step.data.file === "string" ? step.data.file : undefined
      default:
        return undefined
    }
  }

  const evolve = (state: State, step: ProcessManager.Step): State => {
    if (step._tag === "Event" && Stream.kindOf(step.streamId) === "directory")
      return { ...state, directory: Directory.evolve(state.directory, step.event as Event.DirectoryEvent) }
    const key = stepKey(state, step)
    if (key === undefined) return state
    const file = state.files[key] ?? emptyFile
    const next = evolveFile(file, step)
    const commands = step._tag === "CommandIssued" ? { ...state.commands, [step.commandId]: key } : state.commands
    return next === file && commands === state.commands
      ? state
      : { ...state, files: { ...state.files, [key]: next }, commands }
  }

  return ProcessManager.make<State>({
    name: "award-approval",
    version: 1,
    inputs: [
      ...ProcessManager.directoryInputs,
      "NominationProposed",
      "DeliberationHeld",
      "NominationDecided",
      "NominationSubmitted",
      "AwardGranted"
    ],
    // One instance per tenant: its directory and its nominations.
    route: (input) => {
      const kind = Stream.kindOf(input.streamId)
      if (kind === "directory") return input.tenantId
      return kind === "campaign" && keyOf(input) !== undefined ? input.tenantId : undefined
    },
    initialState,
    decide,
    evolve
  })
}
