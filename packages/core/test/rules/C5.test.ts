import { describe, expect, it } from "@effect/vitest"
import { LocalDate, Rulebook } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { forAllHistories, refusals } from "../support.js"

describe("C5 phases lie within the campaign, regular phases never overlap and come in order", () => {
  it("no reachable state has phases outside the period or two overlapping regular phases", () =>
    forAllHistories((h) => {
      for (const s of h.steps) {
        const plan = s.after.plan
        if (plan === undefined) continue
        const phases = s.after.phases
        for (const p of phases) expect(LocalDate.contains(plan.period, p)).toBe(true)
        const regular = phases.filter((p) => p.kind === "regular")
        for (let i = 1; i < regular.length; i++) expect(regular[i]!.start > regular[i - 1]!.end).toBe(true)
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("C5")).toBeGreaterThan(0))

  it("rejects Đợt 2 starting before Đợt 1 ends (Hoàng Mai 2020)", () => {
    const s = Scenario.make(2020)
    const error = s
      .given(s.plan(), s.launch(), s.phase("dot-1", "2020-01-01", "2020-06-30"))
      .when(s.phase("dot-2", "2020-06-15", "2020-12-31"))
      .thenFails("C5")
    expect(error.messages.vi).toBe("Đợt thi đua dot-2 trùng thời gian với đợt dot-1.")
  })

  it("rejects a phase running past the campaign's end", () => {
    const s = Scenario.make(2020)
    s.given(s.plan(), s.launch())
      .when(s.phase("dot-1", "2020-07-01", "2021-01-31"))
      .thenFails("C5")
  })

  it("rejects a regular phase scheduled before an earlier-scheduled one", () => {
    const s = Scenario.make(2020)
    s.given(s.plan(), s.launch(), s.phase("dot-2", "2020-07-01", "2020-12-31"))
      .when(s.phase("dot-1", "2020-01-01", "2020-06-30"))
      .thenFails("C5")
  })

  it("lets a 90-day peak phase overlap the regular ones, unless the rulebook forbids it", () => {
    const s = Scenario.make(2024)
    const given = [s.plan(), s.launch(), s.phase("dot-1", "2024-01-01", "2024-07-31")] as const
    s.given(...given)
      .when(s.phase("cao-diem", "2024-05-01", "2024-07-29", "peak"))
      .thenEmits("PhaseScheduled")
    const strict = Scenario.make(2024, {
      rulebook: Rulebook.withOverride(Rulebook.standard, "ldld-hoang-mai", { peakPhasesMayOverlap: false })
    })
    strict
      .given(strict.plan(), strict.launch(), strict.phase("dot-1", "2024-01-01", "2024-07-31"))
      .when(strict.phase("cao-diem", "2024-05-01", "2024-07-29", "peak"))
      .thenFails("C5")
  })
})
