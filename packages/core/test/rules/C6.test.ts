import { describe, expect, it } from "@effect/vitest"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("C6 one final review after the end and after every phase closed; interim reviews while running", () => {
  it("final reviews happen once, with every phase closed; interim reviews only while launched", () =>
    forAllHistories((h) => {
      const finals = eventsOf(h, "FinalReviewHeld")
      expect(finals.length).toBeLessThanOrEqual(1)
      for (const { step } of finals) {
        expect(step.before.status).toBe("Ended")
        for (const p of step.before.phases) expect(["Closed", "Reviewed"]).toContain(p.status)
      }
      for (const { step, event } of eventsOf(h, "InterimReviewHeld")) {
        expect(step.before.status).toBe("Launched")
        if (event.phaseId !== undefined)
          expect(step.before.phases.find((p) => p.id === event.phaseId)?.status).toBe("Closed")
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("C6")).toBeGreaterThan(0))

  const running = (s: Scenario.Scenario) =>
    [s.plan(), s.launch(), s.phase("dot-1", "2020-01-01", "2020-06-30"), s.open("dot-1", "2020-01-02")] as const

  it("refuses the final review while Đợt 1 is still open", () => {
    const s = Scenario.make(2020)
    s.given(...running(s), s.end())
      .when(s.finalReview())
      .thenFails("C6")
  })

  it("refuses a second final review", () => {
    const s = Scenario.make(2020)
    s.given(...running(s), s.close("dot-1", "2020-06-30"), s.end(), s.finalReview())
      .when(s.finalReview())
      .thenFails("C6")
  })

  it("refuses the interim review of a phase that is still open", () => {
    const s = Scenario.make(2020)
    s.given(...running(s))
      .when(s.interim("dot-1", "2020-06-20"))
      .thenFails("C6")
  })

  it("refuses an interim review after the campaign ended", () => {
    const s = Scenario.make(2020)
    s.given(...running(s), s.close("dot-1", "2020-06-30"), s.end())
      .when(s.interim(undefined, "2021-01-05"))
      .thenFails("C6")
  })
})
