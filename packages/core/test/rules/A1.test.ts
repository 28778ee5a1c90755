import { describe, expect, it } from "@effect/vitest"
import { AwardKind, Campaign, Directory } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("A1 an award is granted only by a level that may grant its kind", () => {
  it("every granted award's grantor may grant that kind", () =>
    forAllHistories((h) => {
      for (const { event } of eventsOf(h, "AwardGranted")) {
        const level = Directory.organization(h.context.directory, event.grantedById)!.level
        expect(AwardKind.mayGrant(level, event.kind)).toBe(true)
      }
    }))

  it("every nomination decided 'achieved at this level' is decided by a level that may grant its kind", () =>
    forAllHistories((h) => {
      for (const { step, event } of eventsOf(h, "NominationDecided")) {
        if (event.outcome !== "achievedAtLevel") continue
        const n = [...Campaign.nominations(step.before)].find((x) => x.id === event.nominationId)!
        const level = Directory.organization(h.context.directory, n.holderId)!.level
        expect(AwardKind.catalogue[n.awardKind].grantingLevels).toContain(level)
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("A1")).toBeGreaterThan(0))

  const s = Scenario.make(2024)
  const reviewed = [
    s.plan(),
    s.launch(),
    s.phase("dot-1", "2024-01-01", "2024-12-31"),
    s.open("dot-1", "2024-01-02"),
    s.close("dot-1", "2024-12-31"),
    s.end(),
    s.finalReview()
  ] as const

  it("refuses a district federation granting the Creative Labour Certificate (only the confederation may)", () => {
    const error = s
      .given(...reviewed)
      .when(s.grant("kt-1", s.member("m-1"), "bang-lao-dong-sang-tao"))
      .thenFails("A1")
    expect(error.messages.en).toBe("ldld-hoang-mai (upper) may not grant bang-lao-dong-sang-tao.")
  })

  it("refuses a grassroots union granting the city federation's flag", () => {
    s.given(...reviewed)
      .when(s.grant("kt-1", s.unit("cdcs-trung-thanh"), "bang-khen-ldld", {}, { actor: "cdcs-trung-thanh" }))
      .thenFails("A1")
  })

  it("lets the city federation grant its Certificate of Merit", () => {
    s.given(...reviewed)
      .when(s.grant("kt-1", s.unit("cdcs-trung-thanh"), "bang-khen-ldld", {}, { actor: "ldld-hn" }))
      .thenEmits("AwardGranted")
  })

  it("refuses a district federation deciding 'achieved at this level' on the city's Certificate of Merit", () => {
    s.given(
      ...reviewed,
      s.propose("dn-1", s.unit("cdcs-trung-thanh"), "bang-khen-ldld", {}, { actor: "ldld-hoang-mai" }),
      s.deliberate("dn-1", 9, 10, { actor: "ldld-hoang-mai" })
    )
      .when(s.decide("dn-1", "achievedAtLevel"))
      .thenFails("A1")
  })

  it("lets it escalate the nomination to the city instead", () => {
    s.given(
      ...reviewed,
      s.propose("dn-1", s.unit("cdcs-trung-thanh"), "bang-khen-ldld", {}, { actor: "ldld-hoang-mai" }),
      s.deliberate("dn-1", 9, 10, { actor: "ldld-hoang-mai" })
    )
      .when(s.decide("dn-1", "escalated"))
      .thenEmits("NominationDecided")
  })
})
