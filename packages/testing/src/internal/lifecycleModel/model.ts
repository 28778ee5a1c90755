/**
 * The lifecycle model's state, the system under test, and the one way every model command runs:
 * the model says what the rules expect, the real decider decides, and the two must agree.
 *
 * @since 0.3.0
 * @internal
 */
import { Campaign, type Command } from "@thidua/core"
import { Result } from "effect"
import type fc from "fast-check"
import type * as Scenario from "../../Scenario.js"
import { after, type Outcome, refusal, type Status, type Tag } from "./rules.js"

/** The grassroots unions of the scenario's world, all under the campaign's issuer. @since 0.3.0 */
export const units = ["cdcs-trung-thanh", "cdcs-phuong-mai", "cdcs-hoang-liet"] as const
/** @since 0.3.0 */
export type Unit = (typeof units)[number]

/** The phases the model schedules in 2024: three regular ones in order, and a peak one. @since 0.3.0 */
export const slots = {
  "dot-1": { start: "2024-01-01", end: "2024-04-30", kind: "regular" },
  "dot-2": { start: "2024-05-01", end: "2024-08-31", kind: "regular" },
  "dot-3": { start: "2024-09-01", end: "2024-12-31", kind: "regular" },
  "cao-diem": { start: "2024-06-01", end: "2024-08-29", kind: "peak" }
} as const
/** @since 0.3.0 */
export type Slot = keyof typeof slots
/** @since 0.3.0 */
export const slotNames = Object.keys(slots) as ReadonlyArray<Slot>

/** The model's state. @since 0.1.0 */
export interface Model {
  status: Status
  /** Scheduled phases and their status. */
  readonly phases: Map<Slot, "Scheduled" | "Open" | "Closed" | "Reviewed">
  readonly enrolled: Set<Unit>
  readonly registrations: Array<{
    readonly id: string
    readonly unit: Unit
    status: "Submitted" | "Approved" | "Rejected"
  }>
  readonly initiatives: Array<{
    readonly id: string
    readonly unit: Unit
    status: "Recorded" | "Applied" | "Recognized" | "Rejected"
  }>
  /** An interim review held at the end of the campaign period (C7: it reviews the whole period). */
  periodReviewed: boolean
  finalReviewed: boolean
  readonly nominations: Array<{
    readonly id: string
    status: "Proposed" | "Deliberated" | "Escalated" | "Decided"
    /** Whether the last deliberation had the whole council for it. */
    passed: boolean
  }>
  /** Awards with their achievement key (U1), and whether they were revoked. */
  readonly awards: Array<{ readonly id: string; readonly key: string; revoked: boolean }>
}

/** A step the model and the decider agreed on. @since 0.3.0 */
export interface Agreed {
  readonly command: string
  /** The campaign's status when the command was tried. */
  readonly from: Status
  readonly outcome: Outcome
  /** The campaign's status after it. */
  readonly to: Status
}

/** The system under test: the real decider's state and the scenario that builds commands. @since 0.1.0 */
export interface Real {
  state: Campaign.State
  readonly s: Scenario.Scenario
  /** The steps agreed on so far, for the failure message and for coverage. */
  readonly log: Array<Agreed>
}

/** @since 0.3.0 */
export const initialModel = (): Model => ({
  status: "Initial",
  phases: new Map(),
  enrolled: new Set(),
  registrations: [],
  initiatives: [],
  periodReviewed: false,
  finalReviewed: false,
  nominations: [],
  awards: []
})

/** The item at `k`, modulo the list's length; commands that pick one only run when the list has some. */
export const pick = <A>(list: ReadonlyArray<A>, k: number): A => list[k % list.length]!

/**
 * A model command. The status table answers first (the decider checks the lifecycle first), then
 * the command's own rules; on acceptance the model moves, and the campaign's status must match.
 *
 * @since 0.3.0
 */
export abstract class Step implements fc.Command<Model, Real> {
  abstract readonly tag: Tag
  /** What the command's own rules say, once the campaign's status allows it. */
  protected rules(_m: Model): Outcome {
    return "accepted"
  }
  /** How the model changes when the command is accepted (the status moves by the table). */
  protected apply(_m: Model): void {}
  /** The real command; ids of earlier things are taken from the model, which the decider's state mirrors. */
  protected abstract build(s: Scenario.Scenario, m: Model): Command.CampaignCommand
  abstract toString(): string

  check(_m: Readonly<Model>): boolean {
    return true
  }

  run(m: Model, r: Real): void {
    const command = this.build(r.s, m)
    if (command._tag !== this.tag) throw new Error(`model bug: "${this}" builds ${command._tag}, not ${this.tag}`)
    const from = m.status
    const expected = refusal(from, this.tag) ?? this.rules(m)
    const result = Campaign.decide(r.state, command, r.s.context)
    const actual: Outcome = Result.isSuccess(result) ? "accepted" : result.failure.code
    const where = `in status ${from} after [${r.log.map((a) => a.command).join("; ")}]`
    if (actual !== expected)
      throw new Error(
        `model and decider disagree on "${this}" ${where}: the rules say ${expected}, the decider ${Result.isFailure(result) ? `refused: ${String(result.failure)}` : "accepted"}`
      )
    if (Result.isSuccess(result)) {
      this.apply(m)
      m.status = after(m.status, this.tag)
      for (const e of result.success) r.state = Campaign.evolve(r.state, e)
      if (r.state.status !== m.status)
        throw new Error(`"${this}" ${where} left the campaign ${r.state.status}; the rules say ${m.status}`)
    }
    r.log.push({ command: String(this), from, outcome: actual, to: m.status })
  }
}
