import { describe, expect, it } from "@effect/vitest"
import { AwardKind } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("C7 awards follow the review of their period; annual titles follow the final review", () => {
  it("every ordinary award follows a review; every annual title follows the final review", () =>
    forAllHistories((h) => {
      for (const { step, event } of eventsOf(h, "AwardGranted")) {
        if (event.extraordinary) continue
        if (AwardKind.catalogue[event.kind].annual) expect(step.before.finalReviewAt).toBeDefined()
        else
          expect(
            step.before.finalReviewAt !== undefined || step.before.interimReviews.some((r) => r.at >= event.period.end)
          ).toBe(true)
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("C7")).toBeGreaterThan(0))

  const s = Scenario.make(2020)
  const running = [
    s.plan(),
    s.launch(),
    s.phase("dot-1", "2020-01-01", "2020-06-30"),
    s.open("dot-1", "2020-01-02"),
    s.enroll("cdcs-trung-thanh"),
    s.register("dk-1", s.unit("cdcs-trung-thanh")),
    s.approve("dk-1")
  ] as const

  it("refuses a Giấy khen for Đợt 1 before its interim review", () => {
    const phase1 = { start: "2020-01-01", end: "2020-06-30" } as never
    s.given(...running, s.close("dot-1", "2020-06-30"))
      .when(
        s.grant(
          "kt-1",
          s.unit("cdcs-trung-thanh"),
          "giay-khen",
          { basis: "phase", period: phase1 },
          { at: "2020-07-05" }
        )
      )
      .thenFails("C7")
    s.given(...running, s.close("dot-1", "2020-06-30"), s.interim("dot-1", "2020-07-10"))
      .when(
        s.grant(
          "kt-1",
          s.unit("cdcs-trung-thanh"),
          "giay-khen",
          { basis: "phase", period: phase1 },
          { at: "2020-07-15" }
        )
      )
      .thenEmits("AwardGranted")
  })

  it("refuses an annual title (Lao động tiên tiến) after an interim review only", () => {
    s.given(...running, s.close("dot-1", "2020-06-30"), s.interim("dot-1", "2020-07-10"))
      .when(s.grant("kt-1", s.member("m-1"), "lao-dong-tien-tien", {}, { actor: "cdcs-trung-thanh", at: "2020-07-15" }))
      .thenFails("C7")
  })

  it("exempts extraordinary awards (khen đột xuất)", () => {
    s.given(...running)
      .when(
        s.grant(
          "kt-1",
          s.member("m-1"),
          "giay-khen",
          { extraordinary: true },
          { actor: "cdcs-trung-thanh", at: "2020-03-01" }
        )
      )
      .thenEmits("AwardGranted")
  })
})
