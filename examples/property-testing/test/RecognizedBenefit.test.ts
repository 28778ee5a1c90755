import { describe, expect, it } from "@effect/vitest"
import { Campaign } from "@thidua/core"
import { InitiativeLedger } from "@thidua/projections"
import { History, Spec } from "@thidua/testing"
import fc from "fast-check"
import { leaders, projection } from "../src/RecognizedBenefit.js"

// What the read model should say, worked out the slow, obvious way from the campaign's own state.
const naive = (state: Campaign.State): Map<string, number> => {
  const byUnit = new Map<string, number>()
  for (const i of Campaign.initiatives(state))
    if (i.status === "Recognized") byUnit.set(i.unitId, (byUnit.get(i.unitId) ?? 0) + i.benefitVnd)
  return byUnit
}

describe("RecognizedBenefit", () => {
  // Valid histories: every command accepted, so `h.events` is a well-formed campaign stream and
  // `h.final` the state the decider reached through it.
  it("equals a naive recomputation from the campaign state, for any valid history", () =>
    fc.assert(
      fc.property(History.campaign({ valid: true, maxSteps: 150 }), (h) => {
        const { states } = Spec.projection(projection).given(h.events)
        const byUnit = states.get("tenant-1/campaign:campaign-1")?.byUnit ?? new Map()
        expect(byUnit).toEqual(naive(h.final))
      }),
      { numRuns: 200 }
    ))

  it("agrees with the built-in initiative ledger on every unit", () =>
    fc.assert(
      fc.property(History.campaign({ valid: true, maxSteps: 150 }), (h) => {
        const mine = Spec.projection(projection).given(h.events).states
        const ledger = Spec.projection(InitiativeLedger.projection).given(h.events).states
        for (const [key, state] of ledger)
          for (const [unit, totals] of InitiativeLedger.byUnit(state))
            expect(mine.get(key)?.byUnit.get(unit) ?? 0).toBe(totals.recognizedBenefitVnd)
      }),
      { numRuns: 200 }
    ))

  it("ranks units by benefit, ties by id", () => {
    const { states } = Spec.projection(projection).given([
      {
        _tag: "InitiativeRecorded",
        initiativeId: "sk-1",
        unitId: "cdcs-b",
        kind: "initiative",
        title: "Cải tiến",
        benefitVnd: 50_000_000,
        at: "2024-03-01"
      },
      {
        _tag: "InitiativeRecorded",
        initiativeId: "sk-2",
        unitId: "cdcs-a",
        kind: "initiative",
        title: "Cải tiến",
        benefitVnd: 50_000_000,
        at: "2024-03-02"
      },
      { _tag: "InitiativeApplied", initiativeId: "sk-1", at: "2024-04-01" },
      { _tag: "InitiativeApplied", initiativeId: "sk-2", at: "2024-04-01" },
      { _tag: "InitiativeRecognized", initiativeId: "sk-1", level: "unit", recognizedById: "cdcs-b", at: "2024-05-01" },
      { _tag: "InitiativeRecognized", initiativeId: "sk-2", level: "unit", recognizedById: "cdcs-a", at: "2024-05-01" }
    ] as never)
    expect(leaders(states.get("tenant-1/campaign:campaign-1")!, 2)).toEqual([
      ["cdcs-a", 50_000_000],
      ["cdcs-b", 50_000_000]
    ])
  })
})
