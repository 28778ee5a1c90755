/**
 * Model commands of the campaign itself and of its phases: plan, launch, phases (C5), interim
 * and final reviews (C6), end, close and cancel. Those without rules of their own answer only to
 * the status table.
 *
 * A move of the campaign built with `due` runs only in the status it is meant for (its
 * precondition), so that sequences get through the lifecycle; built without, it runs anywhere and
 * tries the refusals.
 *
 * @since 0.3.0
 * @internal
 */
import type * as Scenario from "../../Scenario.js"
import { type Model, type Slot, Step, slots } from "./model.js"
import type { Outcome } from "./rules.js"

/** @since 0.3.0 */
export class PlanCampaign extends Step {
  readonly tag = "PlanCampaign"
  constructor(readonly due = false) {
    super()
  }
  override check(m: Readonly<Model>) {
    return !this.due || m.status === "Initial"
  }
  protected build(s: Scenario.Scenario) {
    return s.plan()
  }
  toString() {
    return "plan"
  }
}

/** @since 0.3.0 */
export class LaunchCampaign extends Step {
  readonly tag = "LaunchCampaign"
  constructor(readonly due = false) {
    super()
  }
  override check(m: Readonly<Model>) {
    return !this.due || m.status === "Planned"
  }
  protected build(s: Scenario.Scenario) {
    return s.launch()
  }
  toString() {
    return "launch"
  }
}

/**
 * C5: phases lie in the campaign period, regular phases never overlap and each starts after the
 * previous one; peak phases may overlap (the R2024 rulebook allows it). The slots lie in 2024 and
 * the regular ones do not overlap, so only their order can break C5.
 *
 * @since 0.3.0
 */
export class SchedulePhase extends Step {
  readonly tag = "SchedulePhase"
  constructor(readonly id: Slot) {
    super()
  }
  protected override rules(m: Model): Outcome {
    if (m.phases.has(this.id)) return "REF-EXISTS"
    const slot = slots[this.id]
    if (slot.kind === "peak") return "accepted"
    for (const other of m.phases.keys())
      if (slots[other].kind === "regular" && slots[other].start > slot.start) return "C5"
    return "accepted"
  }
  protected override apply(m: Model) {
    m.phases.set(this.id, "Scheduled")
  }
  protected build(s: Scenario.Scenario) {
    const slot = slots[this.id]
    return s.phase(this.id, slot.start, slot.end, slot.kind)
  }
  toString() {
    return `schedule ${this.id}`
  }
}

/** The phase machine: Scheduled → Open → Closed (→ Reviewed by an interim review). @since 0.3.0 */
export class MovePhase extends Step {
  readonly tag: "OpenPhase" | "ClosePhase"
  constructor(
    readonly id: Slot,
    readonly to: "Open" | "Closed"
  ) {
    super()
    this.tag = to === "Open" ? "OpenPhase" : "ClosePhase"
  }
  protected override rules(m: Model): Outcome {
    const status = m.phases.get(this.id)
    if (status === undefined) return "REF-MISSING"
    return status === (this.to === "Open" ? "Scheduled" : "Open") ? "accepted" : "LIFECYCLE"
  }
  protected override apply(m: Model) {
    m.phases.set(this.id, this.to)
  }
  protected build(s: Scenario.Scenario) {
    return this.to === "Open" ? s.open(this.id, "2024-06-15") : s.close(this.id, "2024-06-16")
  }
  toString() {
    return `${this.to === "Open" ? "open" : "close"} ${this.id}`
  }
}

/**
 * C6: an interim review of a phase follows its close. A review of the whole campaign on the last
 * day of its period reviews that period (C7); one on 1 July does not.
 *
 * @since 0.3.0
 */
export class HoldInterimReview extends Step {
  readonly tag = "HoldInterimReview"
  constructor(readonly phase: Slot | "year-end" | undefined) {
    super()
  }
  protected override rules(m: Model): Outcome {
    if (this.phase === undefined || this.phase === "year-end") return "accepted"
    const status = m.phases.get(this.phase)
    return status === undefined ? "REF-MISSING" : status !== "Closed" ? "C6" : "accepted"
  }
  protected override apply(m: Model) {
    if (this.phase === "year-end") m.periodReviewed = true
    else if (this.phase !== undefined) m.phases.set(this.phase, "Reviewed")
  }
  protected build(s: Scenario.Scenario) {
    return this.phase === "year-end" ? s.interim(undefined, "2024-12-31") : s.interim(this.phase, "2024-07-01")
  }
  toString() {
    return this.phase === "year-end"
      ? "interim review at year end"
      : `interim review${this.phase ? ` of ${this.phase}` : ""}`
  }
}

/**
 * The end date (31 December) has come. When due, only once no phase is left unopened: such a
 * phase can never close (a phase opens only while the campaign runs) and the final review would
 * wait for it for ever, a dead end that only the random `end` explores.
 *
 * @since 0.3.0
 */
export class EndCampaign extends Step {
  readonly tag = "EndCampaign"
  constructor(readonly due = false) {
    super()
  }
  override check(m: Readonly<Model>) {
    return !this.due || (m.status === "Launched" && ![...m.phases.values()].includes("Scheduled"))
  }
  protected build(s: Scenario.Scenario) {
    return s.end()
  }
  toString() {
    return "end"
  }
}

/** C6: the final review follows the end, once every phase has closed. @since 0.3.0 */
export class HoldFinalReview extends Step {
  readonly tag = "HoldFinalReview"
  constructor(readonly due = false) {
    super()
  }
  override check(m: Readonly<Model>) {
    return !this.due || m.status === "Ended"
  }
  protected override rules(m: Model): Outcome {
    return [...m.phases.values()].some((p) => p === "Scheduled" || p === "Open") ? "C6" : "accepted"
  }
  protected override apply(m: Model) {
    m.finalReviewed = true
  }
  protected build(s: Scenario.Scenario) {
    return s.finalReview()
  }
  toString() {
    return "final review"
  }
}

/** DOMAIN (b): a campaign closes once all its nominations are decided. @since 0.3.0 */
export class CloseCampaign extends Step {
  readonly tag = "CloseCampaign"
  constructor(readonly due = false) {
    super()
  }
  override check(m: Readonly<Model>) {
    return !this.due || m.status === "Reviewed" || m.status === "Awarding"
  }
  protected override rules(m: Model): Outcome {
    return m.nominations.every((n) => n.status === "Decided") ? "accepted" : "LIFECYCLE"
  }
  protected build(s: Scenario.Scenario) {
    return s.closeCampaign()
  }
  toString() {
    return "close campaign"
  }
}

/** @since 0.3.0 */
export class CancelCampaign extends Step {
  readonly tag = "CancelCampaign"
  protected build(s: Scenario.Scenario) {
    return s.cancel("2024-06-30")
  }
  toString() {
    return "cancel"
  }
}
