import { describe, expect, it } from "@effect/vitest"
import { LocalDate } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { accepted, eventsOf, forAllHistories, refusals } from "../support.js"

const activities = new Set(["OpenPhase", "EnrollParticipant", "SignPledge", "RecordInitiative", "ApplyInitiative"])

describe("C4 a thematic campaign starts before it ends and its activities fall within its period", () => {
  it("every thematic campaign has start < end and every activity inside the period", () =>
    forAllHistories((h) => {
      for (const { event } of eventsOf(h, "CampaignPlanned"))
        if (event.form === "thematic") expect(event.period.start < event.period.end).toBe(true)
      for (const s of accepted(h)) {
        const plan = s.before.plan
        if (plan?.form === "thematic" && activities.has(s.command._tag))
          expect(LocalDate.within(s.command.at, plan.period)).toBe(true)
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("C4")).toBeGreaterThan(0))

  it("refuses a thematic campaign that ends the day it starts", () => {
    const s = Scenario.make(2021)
    s.given()
      .when(s.plan({ form: "thematic", period: { start: "2021-05-01", end: "2021-05-01" } as never }))
      .thenFails("C4")
  })

  it("refuses an initiative recorded after a 90-day thematic campaign ended", () => {
    const s = Scenario.make(2021)
    const period = { start: "2021-03-01", end: "2021-05-29" } as never
    s.given(
      s.plan({ form: "thematic", period }),
      s.launch({ at: "2021-03-01" }),
      s.enroll("cdcs-trung-thanh", "enterprise", { at: "2021-03-02" })
    )
      .when(s.record("sk-1", "cdcs-trung-thanh", 1_000_000, {}, { at: "2021-06-15" }))
      .thenFails("C4")
  })

  it("refuses an award for a period outside the campaign", () => {
    const s = Scenario.make(2020)
    s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2020-01-01", "2020-12-31"),
      s.open("dot-1", "2020-01-02"),
      s.close("dot-1", "2020-12-31"),
      s.end(),
      s.finalReview()
    )
      .when(
        s.grant(
          "kt-1",
          s.unit("cdcs-trung-thanh"),
          "giay-khen",
          { period: { start: "2019-01-01", end: "2019-12-31" } as never },
          { actor: "ldld-hoang-mai" }
        )
      )
      .thenFails("C4")
  })
})
