import { describe, expect, it } from "@effect/vitest"
import { Campaign } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("A3 a nomination is decided only after its deliberation", () => {
  it("every decision follows a deliberation, and every award citing a nomination follows its decision", () =>
    forAllHistories((h) => {
      for (const { step, event } of eventsOf(h, "NominationDecided"))
        expect(Campaign.nomination(step.before, event.nominationId)?.status).toBe("Deliberated")
      for (const { step, event } of eventsOf(h, "AwardGranted")) {
        if (event.nominationId === undefined) continue
        const n = Campaign.nomination(step.before, event.nominationId)!
        expect([n.status, n.outcome, n.awardKind, n.holderId]).toEqual([
          "Decided",
          "achievedAtLevel",
          event.kind,
          event.grantedById
        ])
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("A3")).toBeGreaterThan(0))

  const s = Scenario.make(2024)
  const proposed = [
    s.plan(),
    s.launch(),
    s.phase("dot-1", "2024-01-01", "2024-12-31"),
    s.open("dot-1", "2024-01-02"),
    s.close("dot-1", "2024-12-31"),
    s.end(),
    s.finalReview(),
    s.propose("dn-1", s.unit("cdcs-trung-thanh"), "giay-khen")
  ] as const

  it("refuses deciding a nomination the council has not deliberated", () => {
    s.given(...proposed)
      .when(s.decide("dn-1", "achievedAtLevel"))
      .thenFails("A3")
  })

  it("refuses an award citing a nomination that was not decided as achieved", () => {
    s.given(...proposed, s.deliberate("dn-1", 3, 9), s.decide("dn-1", "notAchieved"))
      .when(s.grant("kt-1", s.unit("cdcs-trung-thanh"), "giay-khen", { nominationId: "dn-1" as never }))
      .thenFails("A3")
  })
})
