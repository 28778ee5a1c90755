/**
 * A model-based test of the campaign lifecycle: a small, independent model of the rules says what
 * each command should do, the real decider does it, and the two must agree on every step — the
 * same acceptance, and on a refusal the same rule id. fast-check generates the command sequences
 * (`fc.commands`) and shrinks a disagreement to a short one.
 *
 * The model covers the lifecycle (C3, C6, C8 and the LIFECYCLE refusals), phases (C5),
 * registrations (G1, G2), initiatives (I1), awards (C7, U1, V1) and references (REF-MISSING,
 * REF-EXISTS) over the fixed world of `Scenario`, in 2024 (regime R2024). Actors and dates are
 * always valid, so a disagreement is about the rules.
 *
 * @since 0.1.0
 */
import { Campaign, type Command, type DomainError, Lifecycle } from "@thidua/core"
import { Result } from "effect"
import fc from "fast-check"
import * as Scenario from "./Scenario.js"

type Status = Lifecycle.Status
type Expected = { readonly ok: true } | { readonly ok: false; readonly code: DomainError.Code }

/** The model's state. @since 0.1.0 */
export interface Model {
  status: Status
  phases: Map<
    string,
    { readonly kind: "regular" | "peak"; readonly start: string; status: "Scheduled" | "Open" | "Closed" | "Reviewed" }
  >
  enrolled: Set<string>
  /** Registration id to its unit and status. */
  registrations: Map<string, { readonly unit: string; status: "Submitted" | "Approved" | "Rejected" }>
  /** Initiative id to its unit and status. */
  initiatives: Map<string, { readonly unit: string; status: "Recorded" | "Applied" | "Recognized" | "Rejected" }>
  finalReviewed: boolean
  /** Award id to its achievement key, and whether it was revoked. */
  awards: Map<string, { readonly key: string; revoked: boolean }>
}

/** The system under test: the real decider's state and the scenario that builds commands. @since 0.1.0 */
export interface Real {
  state: Campaign.State
  readonly s: Scenario.Scenario
  /** Commands the model and the decider agreed on, for the failure message. */
  readonly log: Array<string>
}

const ok: Expected = { ok: true }
const no = (code: DomainError.Code): Expected => ({ ok: false, code })

/** What the machine says for a command in a status, as the decider checks it first. */
const lifecycle = (m: Model, tag: Lifecycle.CommandTag): Expected | undefined =>
  Lifecycle.campaign.next(m.status, tag) === undefined ? no(Lifecycle.refusal(m.status, tag)) : undefined

const units = ["cdcs-trung-thanh", "cdcs-phuong-mai", "cdcs-hoang-liet"] as const
const slots = {
  "dot-1": { start: "2024-01-01", end: "2024-04-30", kind: "regular" },
  "dot-2": { start: "2024-05-01", end: "2024-08-31", kind: "regular" },
  "dot-3": { start: "2024-09-01", end: "2024-12-31", kind: "regular" },
  "cao-diem": { start: "2024-06-01", end: "2024-08-29", kind: "peak" }
} as const
type Slot = keyof typeof slots
const slotNames = Object.keys(slots) as Array<Slot>

/** One step: its label, what the model expects (and how it changes), and the command. */
interface Step {
  readonly label: string
  readonly expect: (m: Model) => Expected
  readonly apply: (m: Model) => void
  /** Builds the command; ids of earlier things are picked from the model, which the decider's state mirrors. */
  readonly command: (s: Scenario.Scenario, m: Model) => Command.CampaignCommand
}

const step = (label: string, expect: Step["expect"], apply: Step["apply"], command: Step["command"]): Step => ({
  label,
  expect,
  apply,
  command
})

let fresh = 0
const steps: fc.Arbitrary<Step> = fc.oneof(
  fc.constant(
    step(
      "plan",
      (m) => (m.status !== "Initial" ? no("REF-EXISTS") : ok),
      (m) => {
        m.status = "Planned"
      },
      (s) => s.plan()
    )
  ),
  fc.constant(
    step(
      "launch",
      (m) => lifecycle(m, "LaunchCampaign") ?? ok,
      (m) => {
        m.status = "Launched"
      },
      (s) => s.launch()
    )
  ),
  fc.constantFrom(...slotNames).map((id) =>
    step(
      `schedule ${id}`,
      (m) => {
        const l = lifecycle(m, "SchedulePhase")
        if (l) return l
        if (m.phases.has(id)) return no("REF-EXISTS")
        const slot = slots[id]
        if (slot.kind === "regular")
          for (const p of m.phases.values()) if (p.kind === "regular" && p.start > slot.start) return no("C5")
        return ok
      },
      (m) => void m.phases.set(id, { kind: slots[id].kind, start: slots[id].start, status: "Scheduled" }),
      (s) => s.phase(id, slots[id].start, slots[id].end, slots[id].kind)
    )
  ),
  fc.constantFrom(...slotNames).map((id) =>
    step(
      `open ${id}`,
      (m) =>
        lifecycle(m, "OpenPhase") ??
        (!m.phases.has(id) ? no("REF-MISSING") : m.phases.get(id)!.status !== "Scheduled" ? no("LIFECYCLE") : ok),
      (m) => {
        m.phases.get(id)!.status = "Open"
      },
      (s) => s.open(id, "2024-06-15")
    )
  ),
  fc.constantFrom(...slotNames).map((id) =>
    step(
      `close ${id}`,
      (m) =>
        lifecycle(m, "ClosePhase") ??
        (!m.phases.has(id) ? no("REF-MISSING") : m.phases.get(id)!.status !== "Open" ? no("LIFECYCLE") : ok),
      (m) => {
        m.phases.get(id)!.status = "Closed"
      },
      (s) => s.close(id, "2024-06-16")
    )
  ),
  fc.constantFrom(...units).map((u) =>
    step(
      `enroll ${u}`,
      (m) => lifecycle(m, "EnrollParticipant") ?? (m.enrolled.has(u) ? no("REF-EXISTS") : ok),
      (m) => void m.enrolled.add(u),
      (s) => s.enroll(u, "enterprise", { at: "2024-06-15" })
    )
  ),
  fc.constantFrom(...units).map((u) => {
    const id = `dk-${++fresh}`
    return step(
      `register ${u} as ${id}`,
      (m) =>
        lifecycle(m, "SignPledge") ??
        ([...m.registrations.values()].some((r) => r.unit === u && r.status !== "Rejected") ? no("G2") : ok),
      (m) => void m.registrations.set(id, { unit: u, status: "Submitted" }),
      (s) => s.register(id, s.unit(u), { at: "2024-06-15" })
    )
  }),
  fc.tuple(fc.nat(), fc.boolean()).map(([k, approve]) =>
    step(
      `${approve ? "approve" : "reject"} registration #${k}`,
      (m) => {
        const l = lifecycle(m, approve ? "ApproveRegistration" : "RejectRegistration")
        if (l) return l
        const r = [...m.registrations.entries()][k % Math.max(1, m.registrations.size)]
        return r === undefined ? no("REF-MISSING") : r[1].status !== "Submitted" ? no("LIFECYCLE") : ok
      },
      (m) => {
        const r = [...m.registrations.values()][k % m.registrations.size]!
        r.status = approve ? "Approved" : "Rejected"
      },
      (s, m) => {
        const id = [...m.registrations.keys()][k % Math.max(1, m.registrations.size)] ?? "dk-none"
        return approve ? s.approve(id, { at: "2024-06-20" }) : s.reject(id, { at: "2024-06-20" })
      }
    )
  ),
  fc.constantFrom(...units).map((u) => {
    const id = `sk-${++fresh}`
    return step(
      `record ${id} of ${u}`,
      (m) => lifecycle(m, "RecordInitiative") ?? (!m.enrolled.has(u) ? no("REF-MISSING") : ok),
      (m) => void m.initiatives.set(id, { unit: u, status: "Recorded" }),
      (s) => s.record(id, u, 25_000_000, {}, { at: "2024-06-15" })
    )
  }),
  fc.tuple(fc.nat(), fc.constantFrom("apply" as const, "recognize" as const)).map(([k, what]) =>
    step(
      `${what} initiative #${k}`,
      (m) => {
        const l = lifecycle(m, what === "apply" ? "ApplyInitiative" : "RecognizeInitiative")
        if (l) return l
        const i = [...m.initiatives.values()][k % Math.max(1, m.initiatives.size)]?.status
        if (i === undefined) return no("REF-MISSING")
        if (what === "apply") return i === "Recorded" ? ok : no("LIFECYCLE")
        return i === "Recorded" ? no("I1") : i === "Applied" ? ok : no("LIFECYCLE")
      },
      (m) => {
        const i = [...m.initiatives.values()][k % m.initiatives.size]!
        i.status = what === "apply" ? "Applied" : "Recognized"
      },
      (s, m) => {
        const [id, i] = [...m.initiatives.entries()][k % Math.max(1, m.initiatives.size)] ?? ["sk-none", undefined]
        return what === "apply"
          ? s.apply(id, i?.unit ?? "cdcs-trung-thanh", { at: "2024-06-18" })
          : s.recognize(id, "unit", { at: "2024-06-19" })
      }
    )
  ),
  fc.option(fc.constantFrom(...slotNames), { nil: undefined }).map((id) =>
    step(
      `interim review${id ? ` of ${id}` : ""}`,
      (m) => {
        const l = lifecycle(m, "HoldInterimReview")
        if (l) return l
        if (id === undefined) return ok
        const p = m.phases.get(id)
        return p === undefined ? no("REF-MISSING") : p.status !== "Closed" ? no("C6") : ok
      },
      (m) => {
        if (id !== undefined) m.phases.get(id)!.status = "Reviewed"
      },
      (s) => s.interim(id, "2024-07-01")
    )
  ),
  fc.constant(
    step(
      "end",
      (m) => lifecycle(m, "EndCampaign") ?? ok,
      (m) => {
        m.status = "Ended"
      },
      (s) => s.end()
    )
  ),
  fc.constant(
    step(
      "final review",
      (m) =>
        lifecycle(m, "HoldFinalReview") ??
        ([...m.phases.values()].some((p) => p.status === "Scheduled" || p.status === "Open") ? no("C6") : ok),
      (m) => {
        m.status = "Reviewed"
        m.finalReviewed = true
      },
      (s) => s.finalReview()
    )
  ),
  fc
    .tuple(fc.constantFrom(...units), fc.constantFrom("giay-khen" as const, "tap-the-lao-dong-tien-tien" as const))
    .map(([u, kind]) => {
      const id = `kt-${++fresh}`
      const key = `${u}|${kind === "giay-khen" ? "form" : kind}`
      return step(
        `grant ${kind} to ${u} as ${id}`,
        (m) => {
          const l = lifecycle(m, "GrantAward")
          if (l) return l
          if (!m.finalReviewed) return no("C7")
          if (
            kind !== "giay-khen" &&
            ![...m.registrations.values()].some((r) => r.unit === u && r.status === "Approved")
          )
            return no("G1")
          return [...m.awards.values()].some((a) => a.key === key && !a.revoked) ? no("U1") : ok
        },
        (m) => {
          if (m.status === "Reviewed") m.status = "Awarding"
          m.awards.set(id, { key, revoked: false })
        },
        (s) => s.grant(id, s.unit(u), kind, {}, { actor: "ldld-hoang-mai" })
      )
    }),
  fc.nat().map((k) =>
    step(
      `revoke award #${k}`,
      (m) => {
        const l = lifecycle(m, "RevokeAward")
        if (l) return l
        const a = [...m.awards.values()][k % Math.max(1, m.awards.size)]
        return a === undefined ? no("REF-MISSING") : a.revoked ? no("V1") : ok
      },
      (m) => {
        ;[...m.awards.values()][k % m.awards.size]!.revoked = true
      },
      (s, m) => s.revoke([...m.awards.keys()][k % Math.max(1, m.awards.size)] ?? "kt-none", "false-dossier")
    )
  ),
  fc.constant(
    step(
      "close campaign",
      (m) => lifecycle(m, "CloseCampaign") ?? ok,
      (m) => {
        m.status = "Closed"
      },
      (s) => s.closeCampaign()
    )
  ),
  fc.constant(
    step(
      "cancel",
      (m) => lifecycle(m, "CancelCampaign") ?? ok,
      (m) => {
        m.status = "Cancelled"
      },
      (s) => s.cancel("2024-06-30")
    )
  )
)

class Agree implements fc.Command<Model, Real> {
  constructor(readonly step: Step) {}
  check() {
    return true
  }
  run(m: Model, r: Real) {
    const expected = this.step.expect(m)
    const command = this.step.command(r.s, m)
    const result = Campaign.decide(r.state, command, r.s.context)
    const actual: Expected = Result.isSuccess(result) ? ok : no(result.failure.code)
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      throw new Error(
        `model and decider disagree on "${this.step.label}" after [${r.log.join("; ")}]: model ${JSON.stringify(expected)}, decider ${Result.isFailure(result) ? String(result.failure) : "accepted"}`
      )
    r.log.push(this.step.label)
    if (Result.isSuccess(result)) {
      this.step.apply(m)
      for (const e of result.success) r.state = Campaign.evolve(r.state, e)
    }
  }
  toString() {
    return this.step.label
  }
}

/**
 * Command sequences for the model-based run.
 *
 * @since 0.1.0
 */
export const commands = (maxCommands = 60): fc.Arbitrary<Iterable<fc.Command<Model, Real>>> =>
  fc.commands([steps.map((s) => new Agree(s))], { maxCommands, size: "max" })

/**
 * Runs one sequence: a fresh model and a fresh campaign, then every command on both.
 *
 * @example
 * ```ts
 * import { LifecycleModel } from "@thidua/testing"
 * import fc from "fast-check"
 *
 * fc.assert(fc.property(LifecycleModel.commands(), (cmds) => LifecycleModel.run(cmds)), { numRuns: 50 })
 * ```
 *
 * @since 0.1.0
 */
export const run = (cmds: Iterable<fc.Command<Model, Real>>): void =>
  fc.modelRun(
    () => ({
      model: {
        status: "Initial" as Status,
        phases: new Map(),
        enrolled: new Set<string>(),
        registrations: new Map(),
        initiatives: new Map(),
        finalReviewed: false,
        awards: new Map()
      },
      real: { state: Campaign.initialState, s: Scenario.make(2024), log: [] }
    }),
    cmds
  )
