import { describe, expect, it } from "@effect/vitest"
import { Campaign } from "@thidua/core"
import { History, Scenario } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"
import { decide, maxRegularPhases } from "../src/HanoiRules.js"

describe("HN1 phases are scheduled before any opens, four regular phases at most", () => {
  // Property: replay generated histories through the app's decider; in no reachable state is the
  // rule broken, and every command the library accepts but the rule refuses is a SchedulePhase.
  it("holds in every reachable state of generated histories", () =>
    fc.assert(
      fc.property(History.campaign({ noise: 0.2, maxSteps: 120 }), (h) => {
        let state = Campaign.initialState
        for (const step of h.steps) {
          const r = decide(state, step.command, h.context)
          if (Result.isFailure(r)) {
            if (r.failure._tag === "HanoiRuleError") expect(step.command._tag).toBe("SchedulePhase")
            continue
          }
          for (const e of r.success) state = Campaign.evolve(state, e)
          expect(state.phases.filter((p) => p.kind === "regular").length).toBeLessThanOrEqual(maxRegularPhases)
        }
      }),
      { numRuns: 100 }
    ))

  // Examples read as the rule, with the library's scenario builder.
  const s = Scenario.make(2024)

  it("refuses Đợt 2 once Đợt 1 has opened", () => {
    const given = s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2024-01-01", "2024-06-30"),
      s.open("dot-1", "2024-01-02")
    )
    const r = decide(given.state, s.phase("dot-2", "2024-07-01", "2024-12-31"), s.context)
    expect(Result.isFailure(r) && r.failure.code).toBe("HN1")
  })

  it("still lets the library's rules speak: an overlapping phase is C5", () => {
    const given = s.given(s.plan(), s.launch(), s.phase("dot-1", "2024-01-01", "2024-06-30"))
    const r = decide(given.state, s.phase("dot-2", "2024-06-15", "2024-12-31"), s.context)
    expect(Result.isFailure(r) && r.failure.code).toBe("C5")
  })
})
