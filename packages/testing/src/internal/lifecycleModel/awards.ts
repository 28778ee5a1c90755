/**
 * Model commands of awards: nominations (A3, T7), grants (C7, G1, U1), revocations (V1), and
 * references to things that do not exist (REF-MISSING).
 *
 * @since 0.3.0
 * @internal
 */
import type * as Scenario from "../../Scenario.js"
import { type Model, pick, Step, type Unit } from "./model.js"
import type { Outcome, Tag } from "./rules.js"

/** A unit is proposed for Tập thể lao động tiên tiến. @since 0.3.0 */
export class ProposeNomination extends Step {
  readonly tag = "ProposeNomination"
  constructor(readonly unit: Unit) {
    super()
  }
  protected override apply(m: Model) {
    m.nominations.push({ id: `dn-${m.nominations.length + 1}`, status: "Proposed", passed: false })
  }
  protected build(s: Scenario.Scenario, m: Model) {
    return s.propose(`dn-${m.nominations.length + 1}`, s.unit(this.unit), "tap-the-lao-dong-tien-tien")
  }
  toString() {
    return `propose ${this.unit}`
  }
}

/**
 * The nomination machine: a proposed (or already deliberated) nomination is deliberated; an
 * escalated or decided one is not. The council has nine members; all of them, or one, vote for.
 *
 * @since 0.3.0
 */
export class HoldDeliberation extends Step {
  readonly tag = "HoldDeliberation"
  constructor(
    readonly k: number,
    readonly all: boolean
  ) {
    super()
  }
  override check(m: Readonly<Model>) {
    return m.nominations.length > 0
  }
  protected override rules(m: Model): Outcome {
    const status = pick(m.nominations, this.k).status
    return status === "Proposed" || status === "Deliberated" ? "accepted" : "LIFECYCLE"
  }
  protected override apply(m: Model) {
    const n = pick(m.nominations, this.k)
    n.status = "Deliberated"
    n.passed = this.all
  }
  protected build(s: Scenario.Scenario, m: Model) {
    return s.deliberate(pick(m.nominations, this.k).id, this.all ? 9 : 1, 9)
  }
  toString() {
    return `deliberate nomination #${this.k} (${this.all ? "9" : "1"} of 9 for)`
  }
}

/**
 * A3: a nomination is decided only after its deliberation; T7: it passes only with the rulebook's
 * share of the whole council for it (more than one in nine, at most all, in every regime).
 *
 * @since 0.3.0
 */
export class DecideNomination extends Step {
  readonly tag = "DecideNomination"
  constructor(
    readonly k: number,
    readonly outcome: "notAchieved" | "achievedAtLevel" | "escalated"
  ) {
    super()
  }
  override check(m: Readonly<Model>) {
    return m.nominations.length > 0
  }
  protected override rules(m: Model): Outcome {
    const n = pick(m.nominations, this.k)
    if (n.status === "Proposed") return "A3"
    if (n.status !== "Deliberated") return "LIFECYCLE"
    return this.outcome !== "notAchieved" && !n.passed ? "T7" : "accepted"
  }
  protected override apply(m: Model) {
    pick(m.nominations, this.k).status = this.outcome === "escalated" ? "Escalated" : "Decided"
  }
  protected build(s: Scenario.Scenario, m: Model) {
    return s.decide(pick(m.nominations, this.k).id, this.outcome)
  }
  toString() {
    return `decide nomination #${this.k}: ${this.outcome}`
  }
}

/**
 * C7: an annual title (Tập thể lao động tiên tiến) follows the final review; a form (Giấy khen)
 * for the campaign follows a review of its whole period. G1: a title needs an approved
 * registration; a form does not. U1: one form per achievement, each title once per period.
 *
 * @since 0.3.0
 */
export class GrantAward extends Step {
  readonly tag = "GrantAward"
  constructor(
    readonly unit: Unit,
    readonly kind: "giay-khen" | "tap-the-lao-dong-tien-tien"
  ) {
    super()
  }
  private get title() {
    return this.kind !== "giay-khen"
  }
  protected override rules(m: Model): Outcome {
    if (!m.finalReviewed && (this.title || !m.periodReviewed)) return "C7"
    if (this.title && !m.registrations.some((r) => r.unit === this.unit && r.status === "Approved")) return "G1"
    const key = `${this.unit}|${this.title ? this.kind : "form"}`
    return m.awards.some((a) => a.key === key && !a.revoked) ? "U1" : "accepted"
  }
  protected override apply(m: Model) {
    const key = `${this.unit}|${this.title ? this.kind : "form"}`
    m.awards.push({ id: `kt-${m.awards.length + 1}`, key, revoked: false })
  }
  protected build(s: Scenario.Scenario, m: Model) {
    return s.grant(`kt-${m.awards.length + 1}`, s.unit(this.unit), this.kind, {}, { actor: "ldld-hoang-mai" })
  }
  toString() {
    return `grant ${this.kind} to ${this.unit}`
  }
}

/** V1: an award is revoked once, for a reason the law names (a false dossier is one). @since 0.3.0 */
export class RevokeAward extends Step {
  readonly tag = "RevokeAward"
  constructor(readonly k: number) {
    super()
  }
  override check(m: Readonly<Model>) {
    return m.awards.length > 0
  }
  protected override rules(m: Model): Outcome {
    return pick(m.awards, this.k).revoked ? "V1" : "accepted"
  }
  protected override apply(m: Model) {
    pick(m.awards, this.k).revoked = true
  }
  protected build(s: Scenario.Scenario, m: Model) {
    return s.revoke(pick(m.awards, this.k).id, "false-dossier")
  }
  toString() {
    return `revoke award #${this.k}`
  }
}

const unknown = {
  registration: { tag: "ApproveRegistration", build: (s: Scenario.Scenario) => s.approve("dk-none") },
  initiative: { tag: "ApplyInitiative", build: (s: Scenario.Scenario) => s.apply("sk-none", "cdcs-trung-thanh") },
  nomination: { tag: "HoldDeliberation", build: (s: Scenario.Scenario) => s.deliberate("dn-none", 9, 9) },
  award: { tag: "RevokeAward", build: (s: Scenario.Scenario) => s.revoke("kt-none", "false-dossier") }
} as const satisfies Record<string, { readonly tag: Tag; readonly build: unknown }>

/** REF-MISSING: a command refers only to things that exist. @since 0.3.0 */
export class ReferToUnknown extends Step {
  readonly tag: Tag
  constructor(readonly kind: keyof typeof unknown) {
    super()
    this.tag = unknown[kind].tag
  }
  protected override rules(): Outcome {
    return "REF-MISSING"
  }
  protected build(s: Scenario.Scenario) {
    return unknown[this.kind].build(s)
  }
  toString() {
    return `${this.tag} of an unknown ${this.kind}`
  }
}
