/**
 * Model commands of what units do in a running campaign: enrol, register (G2) and have the
 * registration decided, record initiatives and move them to recognition (I1).
 *
 * @since 0.3.0
 * @internal
 */
import type { Ids } from "@thidua/core"
import type * as Scenario from "../../Scenario.js"
import { type Model, pick, Step, type Unit } from "./model.js"
import type { Outcome } from "./rules.js"

/** REF-EXISTS: a unit is enrolled once. @since 0.3.0 */
export class EnrollParticipant extends Step {
  readonly tag = "EnrollParticipant"
  constructor(readonly unit: Unit) {
    super()
  }
  protected override rules(m: Model): Outcome {
    return m.enrolled.has(this.unit) ? "REF-EXISTS" : "accepted"
  }
  protected override apply(m: Model) {
    m.enrolled.add(this.unit)
  }
  protected build(s: Scenario.Scenario) {
    return s.enroll(this.unit, "enterprise", { at: "2024-06-15" })
  }
  toString() {
    return `enroll ${this.unit}`
  }
}

/** G2: one standing registration per unit; a new one only after a rejection. @since 0.3.0 */
export class SignPledge extends Step {
  readonly tag = "SignPledge"
  constructor(readonly unit: Unit) {
    super()
  }
  protected override rules(m: Model): Outcome {
    return m.registrations.some((r) => r.unit === this.unit && r.status !== "Rejected") ? "G2" : "accepted"
  }
  protected override apply(m: Model) {
    m.registrations.push({ id: `dk-${m.registrations.length + 1}`, unit: this.unit, status: "Submitted" })
  }
  protected build(s: Scenario.Scenario, m: Model) {
    return s.register(`dk-${m.registrations.length + 1}`, s.unit(this.unit), { at: "2024-06-15" })
  }
  toString() {
    return `register ${this.unit}`
  }
}

/** The registration machine: Submitted → Approved | Rejected. @since 0.3.0 */
export class DecideRegistration extends Step {
  readonly tag: "ApproveRegistration" | "RejectRegistration"
  constructor(
    readonly k: number,
    readonly approve: boolean
  ) {
    super()
    this.tag = approve ? "ApproveRegistration" : "RejectRegistration"
  }
  override check(m: Readonly<Model>) {
    return m.registrations.length > 0
  }
  protected override rules(m: Model): Outcome {
    return pick(m.registrations, this.k).status === "Submitted" ? "accepted" : "LIFECYCLE"
  }
  protected override apply(m: Model) {
    pick(m.registrations, this.k).status = this.approve ? "Approved" : "Rejected"
  }
  protected build(s: Scenario.Scenario, m: Model) {
    const id = pick(m.registrations, this.k).id
    return this.approve ? s.approve(id, { at: "2024-06-20" }) : s.reject(id, { at: "2024-06-20" })
  }
  toString() {
    return `${this.approve ? "approve" : "reject"} registration #${this.k}`
  }
}

/** DOMAIN (b): the author of an initiative is a participant (REF-MISSING otherwise). @since 0.3.0 */
export class RecordInitiative extends Step {
  readonly tag = "RecordInitiative"
  constructor(readonly unit: Unit) {
    super()
  }
  protected override rules(m: Model): Outcome {
    return m.enrolled.has(this.unit) ? "accepted" : "REF-MISSING"
  }
  protected override apply(m: Model) {
    m.initiatives.push({ id: `sk-${m.initiatives.length + 1}`, unit: this.unit, status: "Recorded" })
  }
  protected build(s: Scenario.Scenario, m: Model) {
    return s.record(`sk-${m.initiatives.length + 1}`, this.unit, 25_000_000, {}, { at: "2024-06-15" })
  }
  toString() {
    return `record an initiative of ${this.unit}`
  }
}

/**
 * The initiative machine: Recorded → Applied → Recognized, and Rejected from either of the first
 * two; I1: recognition needs the initiative applied.
 *
 * @since 0.3.0
 */
export class MoveInitiative extends Step {
  readonly tag: "ApplyInitiative" | "RecognizeInitiative" | "RejectInitiative"
  constructor(
    readonly k: number,
    readonly to: "apply" | "recognize" | "reject"
  ) {
    super()
    this.tag = to === "apply" ? "ApplyInitiative" : to === "recognize" ? "RecognizeInitiative" : "RejectInitiative"
  }
  override check(m: Readonly<Model>) {
    return m.initiatives.length > 0
  }
  protected override rules(m: Model): Outcome {
    const status = pick(m.initiatives, this.k).status
    if (this.to === "apply") return status === "Recorded" ? "accepted" : "LIFECYCLE"
    if (this.to === "recognize") return status === "Recorded" ? "I1" : status === "Applied" ? "accepted" : "LIFECYCLE"
    return status === "Recorded" || status === "Applied" ? "accepted" : "LIFECYCLE"
  }
  protected override apply(m: Model) {
    pick(m.initiatives, this.k).status =
      this.to === "apply" ? "Applied" : this.to === "recognize" ? "Recognized" : "Rejected"
  }
  protected build(s: Scenario.Scenario, m: Model) {
    const { id, unit } = pick(m.initiatives, this.k)
    if (this.to === "apply") return s.apply(id, unit, { at: "2024-06-18" })
    if (this.to === "recognize") return s.recognize(id, "unit", { at: "2024-06-19" })
    return s.command(
      "RejectInitiative",
      { initiativeId: id as Ids.InitiativeId, reason: "Không đạt" },
      { at: "2024-06-19" }
    )
  }
  toString() {
    return `${this.to} initiative #${this.k}`
  }
}
