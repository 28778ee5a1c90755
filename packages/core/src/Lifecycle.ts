/**
 * The lifecycle of a campaign and of its parts, as data: states, and transitions named by the
 * command that takes them. The deciders ask these machines what a command may do; the same data
 * prints as Mermaid diagrams (docs/concepts/campaign-lifecycle.md is written from it).
 *
 * Law 06/2022 Art. 17 fixes the order: plan, launch and carry out, inspect, replicate exemplary
 * models, then review and award.
 *
 * @since 0.1.0
 */
import type { CampaignCommand } from "./Command.js"
import type * as DomainError from "./DomainError.js"

/**
 * A transition: in state `from`, command `on` leads to state `to`.
 *
 * @since 0.1.0
 */
export interface Transition<S extends string, On extends string> {
  readonly from: S
  readonly on: On
  readonly to: S
}

/**
 * A state machine: its name, states, initial state, terminal states and transitions.
 *
 * @since 0.1.0
 */
export interface Machine<S extends string, On extends string> {
  readonly name: string
  readonly initial: S
  readonly states: ReadonlyArray<S>
  readonly terminal: ReadonlyArray<S>
  readonly transitions: ReadonlyArray<Transition<S, On>>
  /** The state `on` leads to from `from`, or `undefined` when the machine does not allow it. */
  readonly next: (from: S, on: On) => S | undefined
}

/**
 * Makes a machine from its transitions.
 *
 * @since 0.1.0
 */
export const make = <S extends string, On extends string>(spec: Omit<Machine<S, On>, "next">): Machine<S, On> => {
  const table = new Map<string, S>()
  for (const t of spec.transitions) table.set(`${t.from}\u0000${t.on}`, t.to)
  return { ...spec, next: (from, on) => table.get(`${from}\u0000${on}`) }
}

/**
 * A campaign's status.
 *
 * @since 0.1.0
 */
export type Status = "Initial" | "Planned" | "Launched" | "Ended" | "Reviewed" | "Awarding" | "Closed" | "Cancelled"

/** @since 0.1.0 */
export type CommandTag = CampaignCommand["_tag"]

const running: ReadonlyArray<Status> = ["Launched"]
const runningOrEnded: ReadonlyArray<Status> = ["Launched", "Ended"]
const awarding: ReadonlyArray<Status> = ["Launched", "Ended", "Reviewed", "Awarding"]

/**
 * Where each campaign command is allowed, and the rule that explains a refusal when the status is
 * not one of them (besides C3 before the launch and C8 after the end).
 *
 * @since 0.1.0
 */
export const campaignCommands: {
  readonly [C in CommandTag]: { readonly in: ReadonlyArray<Status>; readonly refusal?: DomainError.Code }
} = {
  PlanCampaign: { in: ["Initial"] },
  LaunchCampaign: { in: ["Planned"] },
  SchedulePhase: { in: running },
  OpenPhase: { in: running },
  ClosePhase: { in: runningOrEnded },
  EnrollParticipant: { in: running },
  SignPledge: { in: running },
  ApproveRegistration: { in: runningOrEnded },
  RejectRegistration: { in: runningOrEnded },
  RecordInitiative: { in: running },
  ApplyInitiative: { in: runningOrEnded },
  RecognizeInitiative: { in: runningOrEnded },
  RejectInitiative: { in: runningOrEnded },
  PlaqueWork: { in: awarding },
  AssessScore: { in: runningOrEnded },
  HoldInterimReview: { in: running, refusal: "C6" },
  EndCampaign: { in: running },
  HoldFinalReview: { in: ["Ended"], refusal: "C6" },
  ProposeNomination: { in: awarding },
  HoldDeliberation: { in: awarding },
  PublishNominees: { in: awarding },
  SubmitNomination: { in: awarding },
  DecideNomination: { in: awarding },
  GrantAward: { in: awarding },
  RevokeAward: { in: ["Launched", "Ended", "Reviewed", "Awarding", "Closed", "Cancelled"] },
  ReplicateExemplar: { in: awarding },
  CloseCampaign: { in: ["Reviewed", "Awarding"] },
  CancelCampaign: { in: ["Planned", "Launched", "Ended"] }
}

const moves: Partial<Record<CommandTag, Partial<Record<Status, Status>>>> = {
  PlanCampaign: { Initial: "Planned" },
  LaunchCampaign: { Planned: "Launched" },
  EndCampaign: { Launched: "Ended" },
  HoldFinalReview: { Ended: "Reviewed" },
  ProposeNomination: { Reviewed: "Awarding" },
  HoldDeliberation: { Reviewed: "Awarding" },
  PublishNominees: { Reviewed: "Awarding" },
  SubmitNomination: { Reviewed: "Awarding" },
  DecideNomination: { Reviewed: "Awarding" },
  GrantAward: { Reviewed: "Awarding" },
  CloseCampaign: { Reviewed: "Closed", Awarding: "Closed" },
  CancelCampaign: { Planned: "Cancelled", Launched: "Cancelled", Ended: "Cancelled" }
}

/**
 * The campaign machine: Planned → Launched → Ended → Reviewed → Awarding → Closed, with Cancelled
 * reachable before the final review. Closed and Cancelled are terminal; only revocations follow.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Lifecycle.campaign.next("Planned", "LaunchCampaign"), "Launched")
 * assert.equal(Lifecycle.campaign.next("Launched", "OpenPhase"), "Launched")
 * assert.equal(Lifecycle.campaign.next("Closed", "GrantAward"), undefined)
 * ```
 *
 * @since 0.1.0
 */
export const campaign: Machine<Status, CommandTag> = make({
  name: "Campaign",
  initial: "Initial",
  states: ["Initial", "Planned", "Launched", "Ended", "Reviewed", "Awarding", "Closed", "Cancelled"],
  terminal: ["Closed", "Cancelled"],
  transitions: (Object.keys(campaignCommands) as Array<CommandTag>).flatMap((on) =>
    campaignCommands[on].in.map((from) => ({ from, on, to: moves[on]?.[from] ?? from }))
  )
})

/**
 * The rule that refuses a campaign command in a status the machine does not allow it in.
 *
 * @since 0.1.0
 */
export const refusal = (status: Status, on: CommandTag): DomainError.Code => {
  if (status === "Initial") return "REF-MISSING"
  // A plan for a stream that has one is a reused id, whatever became of the campaign.
  if (on === "PlanCampaign") return "REF-EXISTS"
  if (status === "Closed" || status === "Cancelled") return "C8"
  if (status === "Planned" && on !== "LaunchCampaign") return "C3"
  return campaignCommands[on].refusal ?? "LIFECYCLE"
}

/** A phase's status. @since 0.1.0 */
export type PhaseStatus = "Scheduled" | "Open" | "Closed" | "Reviewed"

/** The phase machine: Scheduled → Open → Closed → Reviewed (sơ kết). @since 0.1.0 */
export const phase: Machine<PhaseStatus, "OpenPhase" | "ClosePhase" | "HoldInterimReview"> = make({
  name: "Phase",
  initial: "Scheduled",
  states: ["Scheduled", "Open", "Closed", "Reviewed"],
  terminal: ["Reviewed"],
  transitions: [
    { from: "Scheduled", on: "OpenPhase", to: "Open" },
    { from: "Open", on: "ClosePhase", to: "Closed" },
    { from: "Closed", on: "HoldInterimReview", to: "Reviewed" }
  ]
})

/** A registration's status. @since 0.1.0 */
export type RegistrationStatus = "Submitted" | "Approved" | "Rejected"

/**
 * The registration machine: Submitted → Approved | Rejected. A rejected registration is
 * resubmitted as a new pledge (rule G2).
 *
 * @since 0.1.0
 */
export const registration: Machine<RegistrationStatus, "ApproveRegistration" | "RejectRegistration"> = make({
  name: "Registration",
  initial: "Submitted",
  states: ["Submitted", "Approved", "Rejected"],
  terminal: ["Approved", "Rejected"],
  transitions: [
    { from: "Submitted", on: "ApproveRegistration", to: "Approved" },
    { from: "Submitted", on: "RejectRegistration", to: "Rejected" }
  ]
})

/** An initiative's status. @since 0.1.0 */
export type InitiativeStatus = "Recorded" | "Applied" | "Recognized" | "Rejected"

/**
 * The initiative machine: Recorded → Applied → Recognized | Rejected; a recorded initiative can
 * also be rejected before it is applied (rule I1: recognition needs application).
 *
 * @since 0.1.0
 */
export const initiative: Machine<InitiativeStatus, "ApplyInitiative" | "RecognizeInitiative" | "RejectInitiative"> =
  make({
    name: "Initiative",
    initial: "Recorded",
    states: ["Recorded", "Applied", "Recognized", "Rejected"],
    terminal: ["Recognized", "Rejected"],
    transitions: [
      { from: "Recorded", on: "ApplyInitiative", to: "Applied" },
      { from: "Recorded", on: "RejectInitiative", to: "Rejected" },
      { from: "Applied", on: "RecognizeInitiative", to: "Recognized" },
      { from: "Applied", on: "RejectInitiative", to: "Rejected" }
    ]
  })

/** A nomination's status. @since 0.1.0 */
export type NominationStatus = "Proposed" | "Deliberated" | "Escalated" | "Submitted" | "Decided"

/** What moves a nomination; `Decide` and `Escalate` are `DecideNomination` by its outcome. @since 0.1.0 */
export type NominationStep = "HoldDeliberation" | "PublishNominees" | "Decide" | "Escalate" | "SubmitNomination"

/**
 * The nomination machine, after MISA's statuses: Proposed → Deliberated → Decided (not achieved,
 * or achieved at this level), or → Escalated → Submitted one level up (rule A2) → Deliberated
 * there → Decided.
 *
 * @since 0.1.0
 */
export const nomination: Machine<NominationStatus, NominationStep> = make({
  name: "Nomination",
  initial: "Proposed",
  states: ["Proposed", "Deliberated", "Escalated", "Submitted", "Decided"],
  terminal: ["Decided"],
  transitions: [
    { from: "Proposed", on: "HoldDeliberation", to: "Deliberated" },
    { from: "Deliberated", on: "HoldDeliberation", to: "Deliberated" },
    { from: "Deliberated", on: "PublishNominees", to: "Deliberated" },
    { from: "Deliberated", on: "Decide", to: "Decided" },
    { from: "Deliberated", on: "Escalate", to: "Escalated" },
    { from: "Escalated", on: "SubmitNomination", to: "Submitted" },
    { from: "Submitted", on: "HoldDeliberation", to: "Deliberated" }
  ]
})

/**
 * Prints a machine as a Mermaid state diagram. Transitions that keep the state are grouped into
 * one self-loop per state.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const diagram = Lifecycle.toMermaid(Lifecycle.phase)
 * assert.ok(diagram.startsWith("stateDiagram-v2"))
 * assert.ok(diagram.includes("Scheduled --> Open: OpenPhase"))
 * ```
 *
 * @since 0.1.0
 */
export const toMermaid = <S extends string, On extends string>(machine: Machine<S, On>): string => {
  const lines = ["stateDiagram-v2", `  [*] --> ${machine.initial}`]
  const loops = new Map<S, Array<On>>()
  const edges = new Map<string, Array<On>>()
  for (const t of machine.transitions) {
    if (t.from === t.to) loops.set(t.from, [...(loops.get(t.from) ?? []), t.on])
    else {
      const key = `${t.from} --> ${t.to}`
      edges.set(key, [...(edges.get(key) ?? []), t.on])
    }
  }
  for (const [edge, ons] of edges) lines.push(`  ${edge}: ${ons.join(", ")}`)
  for (const [state, ons] of loops) lines.push(`  ${state} --> ${state}: ${ons.join(", ")}`)
  for (const s of machine.terminal) lines.push(`  ${s} --> [*]`)
  return lines.join("\n")
}
