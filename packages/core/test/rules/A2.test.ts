import { describe, expect, it } from "@effect/vitest"
import { Directory } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories } from "../support.js"

describe("A2 nominations move up one management level at a time", () => {
  it("every submission goes from the holder to its direct parent", () =>
    forAllHistories((h) => {
      for (const { step, event } of eventsOf(h, "NominationSubmitted")) {
        const holder = [...step.before.nominations].find(([k]) => k === event.nominationId)![1].holderId
        const org = Directory.organization(h.context.directory, holder)!
        expect(Directory.parentOn(org, event.at)).toBe(event.toOrganizationId)
      }
    }))

  it("every escalation leaves a nomination with a level above it", () =>
    forAllHistories((h) => {
      for (const { step, event } of eventsOf(h, "NominationDecided")) {
        if (event.outcome !== "escalated") continue
        const holder = [...step.before.nominations].find(([k]) => k === event.nominationId)![1].holderId
        const org = Directory.organization(h.context.directory, holder)!
        expect(Directory.parentOn(org, event.at)).toBeDefined()
      }
    }))

  const s = Scenario.make(2024)
  // A nomination of m-1 for an award the grassroots union may not grant, escalated by it.
  const escalatedFor = (kind: "bang-khen-ldld" | "bang-khen-cap-tinh") =>
    [
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2024-01-01", "2024-12-31"),
      s.open("dot-1", "2024-01-02"),
      s.close("dot-1", "2024-12-31"),
      s.end(),
      s.finalReview(),
      s.propose("dn-1", s.member("m-1"), kind, {}, { actor: "cdcs-trung-thanh" }),
      s.deliberate("dn-1", 9, 9, { actor: "cdcs-trung-thanh" }),
      s.decide("dn-1", "escalated", { actor: "cdcs-trung-thanh" })
    ] as const
  const escalated = escalatedFor("bang-khen-ldld")

  it("refuses skipping the district federation on the way to the city", () => {
    const error = s
      .given(...escalated)
      .when(s.submit("dn-1", "ldld-hn", { actor: "cdcs-trung-thanh" }))
      .thenFails("A2")
    expect(error.details).toEqual({ nominationId: "dn-1", from: "cdcs-trung-thanh", to: "ldld-hn" })
  })

  // The confederation's own certificate of merit goes all the way up; the confederation grants it.
  it("refuses escalation by the top level, which has no level above it", () => {
    const atTop = [
      ...escalatedFor("bang-khen-cap-tinh"),
      s.submit("dn-1", "ldld-hoang-mai", { actor: "cdcs-trung-thanh" }),
      s.deliberate("dn-1", 9, 9, { actor: "ldld-hoang-mai" }),
      s.decide("dn-1", "escalated", { actor: "ldld-hoang-mai" }),
      s.submit("dn-1", "ldld-hn", { actor: "ldld-hoang-mai" }),
      s.deliberate("dn-1", 15, 15, { actor: "ldld-hn" }),
      s.decide("dn-1", "escalated", { actor: "ldld-hn" }),
      s.submit("dn-1", "tld", { actor: "ldld-hn" }),
      s.deliberate("dn-1", 15, 15, { actor: "tld" })
    ] as const
    const error = s
      .given(...atTop)
      .when(s.decide("dn-1", "escalated", { actor: "tld" }))
      .thenFails("A2")
    expect(error.details).toEqual({ nominationId: "dn-1", from: "tld", to: "" })
    expect(error.messages.en).toContain("no level is above tld")
    s.given(...atTop)
      .when(s.decide("dn-1", "achievedAtLevel", { actor: "tld" }))
      .thenEmits("NominationDecided")
  })

  it("goes to Hoàng Mai, then from Hoàng Mai to the city federation, which grants", () => {
    const atDistrict = [...escalated, s.submit("dn-1", "ldld-hoang-mai", { actor: "cdcs-trung-thanh" })] as const
    s.given(...atDistrict)
      .when(s.submit("dn-1", "ldld-hn", { actor: "ldld-hoang-mai" }))
      .thenFails("LIFECYCLE")
    const atCity = [
      ...atDistrict,
      s.deliberate("dn-1", 7, 9, { actor: "ldld-hoang-mai" }),
      s.decide("dn-1", "escalated", { actor: "ldld-hoang-mai" }),
      s.submit("dn-1", "ldld-hn", { actor: "ldld-hoang-mai" }),
      s.deliberate("dn-1", 12, 15, { actor: "ldld-hn" }),
      s.decide("dn-1", "achievedAtLevel", { actor: "ldld-hn" })
    ] as const
    s.given(...atCity)
      .when(s.grant("kt-1", s.member("m-1"), "bang-khen-ldld", { nominationId: "dn-1" as never }, { actor: "ldld-hn" }))
      .thenEmits("AwardGranted")
  })
})
