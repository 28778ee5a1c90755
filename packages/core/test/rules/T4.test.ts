import { describe, expect, it } from "@effect/vitest"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("T4 grassroots fighters stay within the rulebook's share of advanced workers (15 % under R2003)", () => {
  it("under R2003 no grant takes a unit's fighters past 15 % of its advanced workers", () =>
    forAllHistories((h) => {
      if (h.final.plan?.regime !== "R2003") return
      for (const { step, event } of eventsOf(h, "AwardGranted")) {
        if (event.kind !== "chien-si-thi-dua-co-so" || event.recipient._tag !== "Member") continue
        const unit = event.recipient.organizationId
        const c = [...step.before.fighters].find(([k]) => k === unit)?.[1] ?? { advanced: 0, fighters: 0 }
        expect(c.fighters + 1).toBeLessThanOrEqual(Math.floor(0.15 * c.advanced + 1e-9))
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("T4")).toBeGreaterThan(0))

  const grants = (s: Scenario.Scenario, advanced: number) => {
    const year = s.year
    return [
      s.plan(),
      s.launch(),
      s.enroll("cdcs-trung-thanh"),
      s.register("dk-1", s.unit("cdcs-trung-thanh")),
      s.approve("dk-1"),
      s.phase("dot-1", `${year}-01-01`, `${year}-12-31`),
      s.open("dot-1", `${year}-01-02`),
      s.close("dot-1", `${year}-12-31`),
      s.end(),
      s.finalReview(),
      ...Array.from({ length: advanced }, (_, i) =>
        s.grant(`ldtt-${i}`, s.member(`m-${i}`), "lao-dong-tien-tien", {}, { actor: "cdcs-trung-thanh" })
      )
    ]
  }

  it("refuses a grassroots fighter in 2020 for a unit with six advanced workers (cap ⌊0.9⌋ = 0)", () => {
    const s = Scenario.make(2020)
    const error = s
      .given(...grants(s, 6))
      .when(s.grant("cstd-1", s.member("m-0"), "chien-si-thi-dua-co-so", {}, { actor: "cdcs-trung-thanh" }))
      .thenFails("T4")
    expect(error.details).toEqual({ unitId: "cdcs-trung-thanh", count: 1, cap: 0 })
  })

  it("accepts it with seven advanced workers (cap ⌊1.05⌋ = 1), and under R2024 with any number", () => {
    const s = Scenario.make(2020)
    s.given(...grants(s, 7))
      .when(s.grant("cstd-1", s.member("m-0"), "chien-si-thi-dua-co-so", {}, { actor: "cdcs-trung-thanh" }))
      .thenEmits("AwardGranted")
    const r2024 = Scenario.make(2024)
    r2024
      .given(...grants(r2024, 1))
      .when(r2024.grant("cstd-1", r2024.member("m-0"), "chien-si-thi-dua-co-so", {}, { actor: "cdcs-trung-thanh" }))
      .thenEmits("AwardGranted")
  })
})
