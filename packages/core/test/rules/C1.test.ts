import { describe, expect, it } from "@effect/vitest"
import { Directory } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("C1 a campaign is regular or thematic, scoped to its issuer or a cluster the issuer organizes", () => {
  it("every planned campaign has a valid form and scope", () =>
    forAllHistories((h) => {
      for (const { event } of eventsOf(h, "CampaignPlanned")) {
        expect(["regular", "thematic"]).toContain(event.form)
        if (event.clusterId !== undefined)
          expect(Directory.cluster(h.context.directory, event.clusterId)?.organizerId).toBe(event.issuerId)
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("C1")).toBeGreaterThan(0))

  it("refuses a Hoàng Mai campaign scoped to a cluster it does not organize", () => {
    const s = Scenario.make(2020)
    s.given()
      .when(s.plan({ clusterId: "cum-khac" as never }))
      .thenFails("C1")
  })

  it("refuses a form other than regular or thematic from an undecoded caller", () => {
    const s = Scenario.make(2020)
    const error = s
      .given()
      .when(s.plan({ form: "seasonal" as never }))
      .thenFails("C1")
    expect(error.details).toEqual({ campaignId: "hoang-mai-2020", reason: "form", value: "seasonal" })
  })

  it("accepts a campaign of the cluster Hoàng Mai organizes", () => {
    const s = Scenario.make(2020)
    s.given()
      .when(s.plan({ clusterId: "cum-hoang-mai-2020" as never }))
      .thenEmits("CampaignPlanned")
  })
})
