import { describe, expect, it } from "@effect/vitest"
import { Campaign, Rulebook } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("T7 a nomination passes the council only with the rulebook's share of all its members", () => {
  it("every positive decision had enough votes for its regime and kind", () =>
    forAllHistories((h) => {
      const plan = h.final.plan
      if (plan === undefined) return
      const params = Rulebook.regime(h.context.rulebook, plan.regime, plan.period.start).params
      for (const { step, event } of eventsOf(h, "NominationDecided")) {
        if (event.outcome === "notAchieved") continue
        const n = Campaign.nomination(step.before, event.nominationId)!
        const share = params.councilApproval[n.awardKind] ?? params.defaultCouncilApproval
        expect(n.vote!.votesFor).toBeGreaterThanOrEqual(Math.ceil(share * n.vote!.councilSize - 1e-9))
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("T7")).toBeGreaterThan(0))

  // The provincial fighter rests on an initiative the city federation recognised at province scope (I2).
  const nominated = (s: Scenario.Scenario, votesFor: number) => {
    const y = s.year
    return s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", `${y}-01-01`, `${y}-12-31`),
      s.open("dot-1", `${y}-01-02`),
      s.enroll("cdcs-trung-thanh"),
      s.record("sk-1", "cdcs-trung-thanh", 150_000_000, { memberId: "m-1" as never }),
      s.apply("sk-1", "cdcs-trung-thanh"),
      s.recognize("sk-1", "province", { actor: "ldld-hn" }),
      s.close("dot-1", `${y}-12-31`),
      s.end(),
      s.finalReview(),
      s.propose(
        "dn-1",
        s.member("m-1"),
        "chien-si-thi-dua-cap-tinh",
        { initiativeIds: ["sk-1" as never] },
        { actor: "ldld-hoang-mai" }
      ),
      s.deliberate("dn-1", votesFor, 10)
    )
  }

  it("R2003: 8 of 10 votes do not carry a provincial fighter (90 % of the council needed)", () => {
    const s = Scenario.make(2020)
    const error = nominated(s, 8).when(s.decide("dn-1", "escalated")).thenFails("T7")
    expect(error.details.required).toBe(9)
  })

  it("R2024: the same 8 of 10 votes carry it (no national threshold; half of the council by default)", () => {
    const s = Scenario.make(2024)
    nominated(s, 8).when(s.decide("dn-1", "escalated")).thenEmits("NominationDecided")
  })
})
