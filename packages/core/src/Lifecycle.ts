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
import type { CampaignEvent } from "./Event.js"
import { type Machine, make } from "./Machine.js"
import type * as Rule from "./Rule.js"

// The machine DSL lives in `Machine`; these names stay here for the code written before it.
export type {
  /** @since 0.1.0 */
  Machine,
  /** @since 0.1.0 */
  Transition
} from "./Machine.js"
export {
  /** @since 0.1.0 */
  make,
  /** @since 0.1.0 */
  toMermaid
} from "./Machine.js"

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
  readonly [C in CommandTag]: { readonly in: ReadonlyArray<Status>; readonly refusal?: Rule.Code }
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
  PresentAward: { in: awarding },
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
  PresentAward: { Reviewed: "Awarding" },
  CloseCampaign: { Reviewed: "Closed", Awarding: "Closed" },
  CancelCampaign: { Planned: "Cancelled", Launched: "Cancelled", Ended: "Cancelled" }
}

/**
 * The command each campaign event records: a fold moves the campaign's status with
 * `campaign.after(status, commandOf[event._tag])`, so the statuses are the machine's, not a copy.
 *
 * @since 0.3.0
 */
export const commandOf: { readonly [E in CampaignEvent["_tag"]]: CommandTag } = {
  CampaignPlanned: "PlanCampaign",
  CampaignLaunched: "LaunchCampaign",
  PhaseScheduled: "SchedulePhase",
  PhaseOpened: "OpenPhase",
  PhaseClosed: "ClosePhase",
  ParticipantEnrolled: "EnrollParticipant",
  PledgeSigned: "SignPledge",
  RegistrationApproved: "ApproveRegistration",
  RegistrationRejected: "RejectRegistration",
  InitiativeRecorded: "RecordInitiative",
  InitiativeApplied: "ApplyInitiative",
  InitiativeRecognized: "RecognizeInitiative",
  InitiativeRejected: "RejectInitiative",
  WorkPlaqued: "PlaqueWork",
  ScoreAssessed: "AssessScore",
  InterimReviewHeld: "HoldInterimReview",
  CampaignEnded: "EndCampaign",
  FinalReviewHeld: "HoldFinalReview",
  NominationProposed: "ProposeNomination",
  DeliberationHeld: "HoldDeliberation",
  NomineesPublished: "PublishNominees",
  NominationSubmitted: "SubmitNomination",
  NominationDecided: "DecideNomination",
  AwardGranted: "GrantAward",
  AwardPresented: "PresentAward",
  AwardRevoked: "RevokeAward",
  ExemplarReplicated: "ReplicateExemplar",
  CampaignClosed: "CloseCampaign",
  CampaignCancelled: "CancelCampaign"
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
export const refusal = (status: Status, on: CommandTag): Rule.Code => {
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

/** A pledge's status: a registration's, or a covenant's (Signed), or replaced by a later pledge. @since 0.3.0 */
export type PledgeStatus = RegistrationStatus | "Signed" | "Superseded"

/** What moves a pledge; `Supersede` is a later `SignPledge` that names it in `supersedes`. @since 0.3.0 */
export type PledgeStep = "ApproveRegistration" | "RejectRegistration" | "Supersede"

/**
 * The pledge machine: a registration is Submitted, then Approved or Rejected (rule G2: a rejected
 * subject registers again with a new pledge); a covenant is Signed. A standing pledge is replaced
 * by a later one of its kind that supersedes it (rule G5). A covenant enters at Signed, so Signed
 * is an entry besides the initial Submitted (`pledgeStarts` picks one).
 *
 * @since 0.3.0
 */
export const pledge: Machine<PledgeStatus, PledgeStep> = make({
  name: "Pledge",
  initial: "Submitted",
  entries: ["Signed"],
  states: ["Submitted", "Approved", "Rejected", "Signed", "Superseded"],
  terminal: ["Rejected", "Superseded"],
  transitions: [
    { from: "Submitted", on: "ApproveRegistration", to: "Approved" },
    { from: "Submitted", on: "RejectRegistration", to: "Rejected" },
    { from: "Submitted", on: "Supersede", to: "Superseded" },
    { from: "Approved", on: "Supersede", to: "Superseded" },
    { from: "Signed", on: "Supersede", to: "Superseded" }
  ]
})

/**
 * The status a pledge starts in: a registration is Submitted, a covenant Signed.
 *
 * @since 0.3.0
 */
export const pledgeStarts = (kind: "covenant" | "registration" | "union-management"): PledgeStatus =>
  kind === "registration" ? "Submitted" : "Signed"

/** An initiative's status. @since 0.1.0 */
export type InitiativeStatus = "Recorded" | "Applied" | "Recognized" | "Rejected"

/** What moves an initiative. @since 0.3.0 */
export type InitiativeStep = "ApplyInitiative" | "RecognizeInitiative" | "RejectInitiative"

/**
 * The initiative machine: Recorded → Applied → Recognized | Rejected; a recorded initiative can
 * also be rejected before it is applied (rule I1: recognition needs application).
 *
 * @since 0.1.0
 */
export const initiative: Machine<InitiativeStatus, InitiativeStep> = make({
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
 * The step a nomination's decision takes: escalated, or decided at this level.
 *
 * @since 0.3.0
 */
export const decisionStep = (outcome: "notAchieved" | "achievedAtLevel" | "escalated"): NominationStep =>
  outcome === "escalated" ? "Escalate" : "Decide"

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
 * The statuses domain users know a nomination by (trạng thái hồ sơ đề nghị), mapped onto the
 * nomination machine: `proposed` (đề nghị: Proposed), `reviewed` (đã bình xét: Deliberated, or
 * Submitted to the level above and not yet deliberated there), `not-achieved` (không đạt: decided
 * notAchieved), `achieved-at-level` (đạt tại cấp: decided achievedAtLevel, no award yet),
 * `escalated` (trình cấp trên: Escalated), `awarded` (đã khen thưởng: an award was granted for it).
 *
 * @since 0.6.0
 */
export type NominationStanding =
  | "proposed"
  | "reviewed"
  | "not-achieved"
  | "achieved-at-level"
  | "escalated"
  | "awarded"

/** The labels of each standing, in Vietnamese and English. @since 0.6.0 */
export const nominationStandingLabels: Record<NominationStanding, { readonly vi: string; readonly en: string }> = {
  proposed: { vi: "Đề nghị", en: "Proposed" },
  reviewed: { vi: "Đã bình xét", en: "Reviewed" },
  "not-achieved": { vi: "Không đạt", en: "Not achieved" },
  "achieved-at-level": { vi: "Đạt tại cấp", en: "Achieved at this level" },
  escalated: { vi: "Trình cấp trên", en: "Escalated" },
  awarded: { vi: "Đã khen thưởng", en: "Awarded" }
}

/**
 * A nomination's standing as domain users name it, from its machine status, its outcome and
 * whether an award was granted for it.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Lifecycle.nominationStanding({ status: "Deliberated" }, false), "reviewed")
 * assert.equal(Lifecycle.nominationStanding({ status: "Decided", outcome: "achievedAtLevel" }, true), "awarded")
 * assert.equal(Lifecycle.nominationStandingLabels["achieved-at-level"].vi, "Đạt tại cấp")
 * ```
 *
 * @since 0.6.0
 */
export const nominationStanding = (
  n: {
    readonly status: NominationStatus
    readonly outcome?: "notAchieved" | "achievedAtLevel" | "escalated" | undefined
  },
  awarded: boolean
): NominationStanding => {
  if (awarded) return "awarded"
  switch (n.status) {
    case "Proposed":
      return "proposed"
    case "Deliberated":
    case "Submitted":
      return "reviewed"
    case "Escalated":
      return "escalated"
    case "Decided":
      return n.outcome === "notAchieved" ? "not-achieved" : "achieved-at-level"
  }
}
