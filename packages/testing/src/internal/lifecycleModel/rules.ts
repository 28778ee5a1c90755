/**
 * The lifecycle model's own table of the campaign rules: in which statuses each command it issues
 * is allowed, which rule refuses it elsewhere, and where an accepted command leaves the campaign.
 *
 * Written from the rule statements (docs/concepts/domain.md and campaign-lifecycle.md, the statements
 * of C3, C6, C8, LIFECYCLE, REF-MISSING and REF-EXISTS), never computed from core's machine: when
 * a guard in core is loosened or tightened, this table stays, and the model run fails.
 *
 * @since 0.3.0
 * @internal
 */
import type { DomainError } from "@thidua/core"

/** A campaign's status, named as in DESIGN.md; `Initial` before anything is planned. @since 0.3.0 */
export type Status = "Initial" | "Planned" | "Launched" | "Ended" | "Reviewed" | "Awarding" | "Closed" | "Cancelled"

/** What a command comes to: accepted, or refused with the id of a rule. @since 0.3.0 */
export type Outcome = "accepted" | DomainError.Code

/** DESIGN: "Launched --(phases open/close, interim reviews)--> Ended". */
const running: ReadonlyArray<Status> = ["Launched"]
/** What was started while running may be settled until the final review (C6: phases close before it). */
const untilFinalReview: ReadonlyArray<Status> = ["Launched", "Ended"]
/**
 * C7: phase awards follow an interim review and extraordinary awards wait for nothing, so award
 * steps begin while the campaign runs; DESIGN: "Reviewed --deliberations, nominations,
 * decisions--> Awarding".
 */
const awarding: ReadonlyArray<Status> = ["Launched", "Ended", "Reviewed", "Awarding"]

/**
 * The statuses in which each command the model issues is allowed.
 *
 * @since 0.3.0
 */
export const allowedIn = {
  PlanCampaign: ["Initial"],
  LaunchCampaign: ["Planned"],
  // C3: no phase before the launch; DESIGN: phases are scheduled, opened and closed while running.
  SchedulePhase: running,
  OpenPhase: running,
  // C6: the final review waits until every phase has closed, so a phase open at the end closes after it.
  ClosePhase: untilFinalReview,
  // DOMAIN (b): RegistrationSubmitted while LAUNCHED/ACTIVE; C3: none before the launch.
  EnrollParticipant: running,
  SignPledge: running,
  // The statements give no status for these decisions; they settle what was submitted while running.
  ApproveRegistration: untilFinalReview,
  RejectRegistration: untilFinalReview,
  // C3: no initiative before the launch; recorded while the campaign runs.
  RecordInitiative: running,
  ApplyInitiative: untilFinalReview,
  RecognizeInitiative: untilFinalReview,
  RejectInitiative: untilFinalReview,
  // C6: interim reviews only while the campaign runs; the final review once, after it ended.
  HoldInterimReview: running,
  EndCampaign: running,
  HoldFinalReview: ["Ended"],
  ProposeNomination: awarding,
  HoldDeliberation: awarding,
  DecideNomination: awarding,
  GrantAward: awarding,
  // C8: a closed or cancelled campaign still accepts revocations.
  RevokeAward: [...awarding, "Closed", "Cancelled"],
  // DESIGN: "Awarding --all decided--> Closed"; DOMAIN (b): closing needs every nomination decided,
  // which holds with none, so a campaign with nothing to award closes from Reviewed.
  CloseCampaign: ["Reviewed", "Awarding"],
  // DESIGN: "any state before Reviewed --cancel--> Cancelled".
  CancelCampaign: ["Planned", "Launched", "Ended"]
} as const satisfies Record<string, ReadonlyArray<Status>>

/** A command the model issues. @since 0.3.0 */
export type Tag = keyof typeof allowedIn

/**
 * The rule that refuses `tag` in `status`, or `undefined` when the status allows it.
 *
 * @since 0.3.0
 */
export const refusal = (status: Status, tag: Tag): DomainError.Code | undefined => {
  if ((allowedIn[tag] as ReadonlyArray<Status>).includes(status)) return undefined
  // REF-MISSING: a command refers only to things that exist; before a plan there is no campaign.
  if (status === "Initial") return "REF-MISSING"
  // REF-EXISTS: ids are never reused; a second plan reuses the campaign's id, whatever became of it.
  if (tag === "PlanCampaign") return "REF-EXISTS"
  // C8: a closed or cancelled campaign accepts nothing but award revocations.
  if (status === "Closed" || status === "Cancelled") return "C8"
  // C3: nothing is accepted before the launch.
  if (status === "Planned") return "C3"
  // C6: reviews in the wrong status.
  if (tag === "HoldInterimReview" || tag === "HoldFinalReview") return "C6"
  // LIFECYCLE: each command only in the states that allow it.
  return "LIFECYCLE"
}

/**
 * Where an accepted command leaves the campaign (DESIGN.md "Lifecycle").
 *
 * @since 0.3.0
 */
export const after = (status: Status, tag: Tag): Status => {
  switch (tag) {
    case "PlanCampaign":
      return "Planned"
    case "LaunchCampaign":
      return "Launched"
    case "EndCampaign":
      return "Ended"
    case "HoldFinalReview":
      return "Reviewed"
    // "Reviewed --deliberations, nominations, decisions--> Awarding"; a grant is a decision.
    case "ProposeNomination":
    case "HoldDeliberation":
    case "DecideNomination":
    case "GrantAward":
      return status === "Reviewed" ? "Awarding" : status
    case "CloseCampaign":
      return "Closed"
    case "CancelCampaign":
      return "Cancelled"
    default:
      return status
  }
}
