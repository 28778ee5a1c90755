import { describe, expect, it } from "@effect/vitest"
import { Campaign } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"

// The scenario's hierarchy, written out: each organization with its parent.
const parent: Record<string, string | undefined> = {
  tld: undefined,
  "ldld-hn": "tld",
  "ldld-hoang-mai": "ldld-hn",
  "ldld-ba-dinh": "ldld-hn",
  "cdcs-trung-thanh": "ldld-hoang-mai",
  "cdcs-phuong-mai": "ldld-hoang-mai",
  "cdcs-hoang-liet": "ldld-hoang-mai",
  "cdcs-ba-dinh": "ldld-ba-dinh"
}
const above = (upper: string, lower: string): boolean => {
  for (let o: string | undefined = lower; o !== undefined; o = parent[o]) if (o === upper) return true
  return false
}

// The city federation grants its Certificate of Merit to Trung Thành after the final review.
const granted = (s: Scenario.Scenario) => [
  s.plan(),
  s.launch(),
  s.phase("dot-1", "2021-01-01", "2021-12-31"),
  s.open("dot-1", "2021-01-02"),
  s.close("dot-1", "2021-12-31"),
  s.end(),
  s.finalReview(),
  s.grant("kt-1", s.unit("cdcs-trung-thanh"), "bang-khen-ldld", {}, { actor: "ldld-hn" })
]

describe("granting and presenting are two acts (quyết định khen thưởng, trao tặng)", () => {
  it("an award is presented by its grantor or an organization between the grantor and the recipient", () => {
    const s = Scenario.make(2021)
    const given = s.given(...granted(s))
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(parent)), (presenter) => {
        const r = Campaign.decide(given.state, s.present("kt-1", { actor: presenter }), s.context)
        const expected = above("ldld-hn", presenter) && above(presenter, "cdcs-trung-thanh")
        expect(Result.isSuccess(r), presenter).toBe(expected)
        if (Result.isFailure(r)) expect(r.failure.code).toBe("AUTH-SUBTREE")
      })
    )
  })

  it("the district federation presents the city's award at its ceremony (Nam Từ Liêm 2021)", () => {
    const s = Scenario.make(2021)
    const [e] = s
      .given(...granted(s))
      .when(s.present("kt-1", { actor: "ldld-hoang-mai" }))
      .thenEmits("AwardPresented")
    expect(e).toMatchObject({ awardId: "kt-1", presentedById: "ldld-hoang-mai", at: "2022-01-20" })
    const after = s.given(...granted(s), s.present("kt-1", { actor: "ldld-hoang-mai" }))
    expect(Campaign.award(after.state, "kt-1")).toMatchObject({
      grantedById: "ldld-hn",
      presentedById: "ldld-hoang-mai",
      presentedAt: "2022-01-20"
    })
  })

  it("refuses a second presentation, one before the grant, and one of a revoked award", () => {
    const s = Scenario.make(2021)
    s.given(...granted(s), s.present("kt-1"))
      .when(s.present("kt-1"))
      .thenFails("REF-EXISTS")
    s.given(...granted(s))
      .when(s.present("kt-1", { at: "2022-01-10" }))
      .thenFails("C4")
    s.given(...granted(s), s.revoke("kt-1", "false-dossier", { actor: "ldld-hn" }))
      .when(s.present("kt-1", { at: "2022-03-02" }))
      .thenFails("LIFECYCLE")
  })

  it("refuses an officer presenting: presenting is an act of the executive committee", () => {
    const s = Scenario.make(2021)
    s.given(...granted(s))
      .when(s.present("kt-1", { role: "officer" }))
      .thenFails("AUTH-ROLE")
  })
})
