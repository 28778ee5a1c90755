import { describe, expect, it } from "@effect/vitest"
import { Directory } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("C2 only an authority whose jurisdiction contains the scope plans and launches", () => {
  it("every launch comes from the issuer or above, with a pilot unit inside the scope", () =>
    forAllHistories((h) => {
      for (const { step, event } of eventsOf(h, "CampaignLaunched")) {
        const plan = step.before.plan!
        expect(
          Directory.isWithin(h.context.directory, step.command.actor.organizationId, plan.issuerId, event.at)
        ).toBe(true)
        if (event.pilotUnitId !== undefined)
          expect(Directory.isWithin(h.context.directory, plan.issuerId, event.pilotUnitId, event.at)).toBe(true)
      }
      for (const { step, event } of eventsOf(h, "CampaignPlanned"))
        expect(
          Directory.isWithin(h.context.directory, step.command.actor.organizationId, event.issuerId, event.at)
        ).toBe(true)
    }))

  it("generated histories meet the rule", () => expect(refusals("C2")).toBeGreaterThan(0))

  it("refuses a district federation launching a campaign of the city federation", () => {
    const s = Scenario.make(2020)
    s.given()
      .when(s.plan({ issuerId: "ldld-hn" as never }))
      .thenFails("C2")
  })

  it("refuses Ba Đình launching Hoàng Mai's campaign", () => {
    const s = Scenario.make(2020)
    s.given(s.plan())
      .when(s.launch({ actor: "ldld-ba-dinh" }))
      .thenFails("C2")
  })

  it("refuses a pilot unit outside Hoàng Mai (phát động điểm)", () => {
    const s = Scenario.make(2020)
    s.given(s.plan())
      .when(s.command("LaunchCampaign", { pilotUnitId: "cdcs-ba-dinh" as never }))
      .thenFails("C2")
  })

  it("lets the city federation launch for Hoàng Mai, with Công ty Trung Thành as pilot", () => {
    const s = Scenario.make(2020)
    s.given(s.plan())
      .when(s.command("LaunchCampaign", { pilotUnitId: "cdcs-trung-thanh" as never }, { actor: "ldld-hn" }))
      .thenEmits("CampaignLaunched")
  })
})
