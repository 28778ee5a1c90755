import { describe, expect, it } from "@effect/vitest"
import { Lifecycle } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { accepted, forAllHistories, refusals } from "../support.js"

describe("LIFECYCLE each command only in the states that allow it (Law 06/2022 Art. 17)", () => {
  it("every accepted command was allowed by the machine and moved the status as the machine says", () =>
    forAllHistories((h) => {
      for (const s of accepted(h)) expect(Lifecycle.campaign.next(s.before.status, s.command._tag)).toBe(s.after.status)
    }))

  it("generated histories meet the rule", () => expect(refusals("LIFECYCLE")).toBeGreaterThan(0))

  const s = Scenario.make(2020)

  it("refuses launching twice", () => {
    s.given(s.plan(), s.launch()).when(s.launch()).thenFails("LIFECYCLE")
  })

  it("refuses ending the campaign before its period is over", () => {
    s.given(s.plan(), s.launch()).when(s.end("2020-11-30")).thenFails("LIFECYCLE")
  })

  it("refuses closing a phase that never opened", () => {
    s.given(s.plan(), s.launch(), s.phase("dot-1", "2020-01-01", "2020-06-30"))
      .when(s.close("dot-1", "2020-06-30"))
      .thenFails("LIFECYCLE")
  })

  it("refuses closing the campaign while a nomination is undecided", () => {
    s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2020-01-01", "2020-12-31"),
      s.open("dot-1", "2020-01-02"),
      s.close("dot-1", "2020-12-31"),
      s.end(),
      s.finalReview(),
      s.propose("dn-1", s.unit("cdcs-trung-thanh"), "giay-khen")
    )
      .when(s.closeCampaign())
      .thenFails("LIFECYCLE")
  })
})
