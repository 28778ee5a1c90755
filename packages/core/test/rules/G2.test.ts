import { describe, expect, it } from "@effect/vitest"
import { Campaign, Organization } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { forAllHistories, refusals } from "../support.js"

describe("G2 at most one active registration per subject; a new one only after a rejection", () => {
  it("no reachable state has two submitted or approved registrations of one subject", () =>
    forAllHistories((h) => {
      for (const s of h.steps) {
        const seen = new Set<string>()
        for (const p of Campaign.pledges(s.after)) {
          if (p.kind !== "registration" || (p.status !== "Submitted" && p.status !== "Approved")) continue
          const key = Organization.subjectKey(p.subject!)
          expect(seen.has(key)).toBe(false)
          seen.add(key)
        }
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("G2")).toBeGreaterThan(0))

  const s = Scenario.make(2020)
  const launched = [s.plan(), s.launch(), s.enroll("cdcs-trung-thanh")] as const

  it("refuses a second registration of Công ty Trung Thành while the first stands", () => {
    const error = s
      .given(...launched, s.register("dk-1", s.unit("cdcs-trung-thanh")))
      .when(s.register("dk-2", s.unit("cdcs-trung-thanh")))
      .thenFails("G2")
    expect(error.details.existing).toBe("dk-1")
  })

  it("accepts a new registration after the first was rejected", () => {
    s.given(...launched, s.register("dk-1", s.unit("cdcs-trung-thanh")), s.reject("dk-1"))
      .when(s.register("dk-2", s.unit("cdcs-trung-thanh")))
      .thenEmits("PledgeSigned")
  })

  it("a member and their unit register separately", () => {
    s.given(...launched, s.register("dk-1", s.unit("cdcs-trung-thanh")))
      .when(s.register("dk-2", s.member("m-1")))
      .thenEmits("PledgeSigned")
  })
})
