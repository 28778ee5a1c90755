import { describe, expect, it } from "@effect/vitest"
import { Scenario } from "@thidua/testing"
import { acceptedEvents, forAllHistories, refusals } from "../support.js"

describe("C3 nothing happens in a campaign before it is launched", () => {
  it("before CampaignLaunched, a stream holds only its plan (or its cancellation)", () =>
    forAllHistories((h) => {
      let launched = false
      for (const { event } of acceptedEvents(h)) {
        if (event._tag === "CampaignLaunched") launched = true
        else if (!launched) expect(["CampaignPlanned", "CampaignCancelled"]).toContain(event._tag)
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("C3")).toBeGreaterThan(0))

  it("refuses scheduling Đợt 1 before the launch", () => {
    const s = Scenario.make(2020)
    s.given(s.plan())
      .when(s.phase("dot-1", "2020-01-01", "2020-06-30"))
      .thenFails("C3")
  })

  it("refuses a registration before the launch", () => {
    const s = Scenario.make(2020)
    s.given(s.plan())
      .when(s.register("dk-1", s.unit("cdcs-trung-thanh")))
      .thenFails("C3")
  })
})
