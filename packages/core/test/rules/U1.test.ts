import { describe, expect, it } from "@effect/vitest"
import { Campaign } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { forAllHistories, refusals } from "../support.js"

describe("U1 one achievement, one award: subject, basis and period; U2 the same form again for another achievement", () => {
  it("no reachable state holds two standing awards for one achievement", () =>
    forAllHistories((h) => {
      for (const s of h.steps) {
        const seen = new Set<string>()
        for (const a of Campaign.awards(s.after)) {
          if (a.revoked) continue
          const key = Campaign.achievementKey(a.recipient, a.basis, a.period, a.kind)
          expect(seen.has(key)).toBe(false)
          seen.add(key)
        }
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("U1")).toBeGreaterThan(0))

  const s = Scenario.make(2020)
  const reviewed = [
    s.plan(),
    s.launch(),
    s.phase("dot-1", "2020-01-01", "2020-06-30"),
    s.phase("dot-2", "2020-07-01", "2020-12-31"),
    s.open("dot-1", "2020-01-02"),
    s.close("dot-1", "2020-06-30"),
    s.interim("dot-1", "2020-07-10"),
    s.open("dot-2", "2020-07-11"),
    s.close("dot-2", "2020-12-31"),
    s.end(),
    s.finalReview(),
    s.grant("kt-1", s.unit("cdcs-trung-thanh"), "giay-khen")
  ] as const

  it("refuses a Certificate of Merit for the achievement a Giấy khen already rewarded", () => {
    s.given(...reviewed)
      .when(s.grant("kt-2", s.unit("cdcs-trung-thanh"), "bang-khen-ldld", {}, { actor: "ldld-hn" }))
      .thenFails("U1")
  })

  it("U2: the same Giấy khen again for another achievement (Đợt 1) is fine", () => {
    s.given(...reviewed)
      .when(
        s.grant("kt-2", s.unit("cdcs-trung-thanh"), "giay-khen", {
          basis: "phase",
          period: { start: "2020-01-01", end: "2020-06-30" } as never
        })
      )
      .thenEmits("AwardGranted")
  })

  it("U2: a member is both Advanced Worker and Grassroots Emulation Fighter of one year: titles are not forms", () => {
    const t = Scenario.make(2024)
    const given = t.given(
      t.plan(),
      t.launch(),
      t.enroll("cdcs-trung-thanh"),
      t.register("dk-1", t.unit("cdcs-trung-thanh")),
      t.approve("dk-1"),
      t.phase("dot-1", "2024-01-01", "2024-12-31"),
      t.open("dot-1", "2024-01-02"),
      t.close("dot-1", "2024-12-31"),
      t.end(),
      t.finalReview(),
      t.grant("kt-1", t.member("m-1"), "lao-dong-tien-tien", {}, { actor: "cdcs-trung-thanh" })
    )
    given
      .when(t.grant("kt-2", t.member("m-1"), "chien-si-thi-dua-co-so", {}, { actor: "cdcs-trung-thanh" }))
      .thenEmits("AwardGranted")
    given
      .when(t.grant("kt-2", t.member("m-1"), "lao-dong-tien-tien", {}, { actor: "cdcs-trung-thanh" }))
      .thenFails("U1")
  })

  it("a revoked award frees its achievement", () => {
    s.given(...reviewed, s.revoke("kt-1", "unlawful-appraisal"))
      .when(s.grant("kt-2", s.unit("cdcs-trung-thanh"), "bang-khen-ldld", {}, { actor: "ldld-hn" }))
      .thenEmits("AwardGranted")
  })
})
