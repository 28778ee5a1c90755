import { describe, expect, it } from "@effect/vitest"
import { Directory } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { accepted, forAllHistories, refusals } from "../support.js"

const executive = new Set([
  "PlanCampaign",
  "LaunchCampaign",
  "EndCampaign",
  "HoldFinalReview",
  "ApproveRegistration",
  "RejectRegistration",
  "RecognizeInitiative",
  "PlaqueWork",
  "DecideNomination",
  "GrantAward",
  "RevokeAward",
  "CloseCampaign",
  "CancelCampaign"
])

describe("Authorization: an actor acts only within its tenant, its subtree, in operation, in its role", () => {
  it("every accepted command comes from the campaign's tenant, an organization in operation, in the right role", () =>
    forAllHistories((h) => {
      for (const s of accepted(h)) {
        expect(s.command.tenantId).toBe(h.world.tenantId)
        const org = Directory.organization(h.context.directory, s.command.actor.organizationId)
        expect(org !== undefined && Directory.isActiveOn(org, s.command.at)).toBe(true)
        if (executive.has(s.command._tag)) expect(s.command.actor.role).toBe("executive")
        if (s.command._tag === "HoldDeliberation") expect(s.command.actor.role).toBe("council")
      }
    }))

  for (const code of ["AUTH-TENANT", "AUTH-ACTOR", "AUTH-SUBTREE", "AUTH-ROLE"] as const)
    it(`generated near misses meet ${code}`, () => expect(refusals(code)).toBeGreaterThan(0))

  const s = Scenario.make(2020)
  const launched = [s.plan(), s.launch()] as const

  it("AUTH-TENANT: refuses a command of another tenant, and changes nothing", () => {
    const given = s.given(...launched)
    const forged = { ...s.phase("dot-1", "2020-01-01", "2020-06-30"), tenantId: "da-nang" as never }
    given.when(forged).thenFails("AUTH-TENANT")
    expect(given.state.phases).toEqual([])
  })

  it("AUTH-ACTOR: refuses an organization unknown to the directory (a forged actor)", () => {
    s.given(...launched)
      .when(s.phase("dot-1", "2020-01-01", "2020-06-30", "regular", { actor: "ldld-ma" }))
      .thenFails("AUTH-ACTOR")
  })

  it("AUTH-ACTOR: refuses an organization that did not yet exist on the day", () => {
    s.given(...launched)
      .when(s.enroll("cdcs-trung-thanh", "enterprise", { at: "2015-01-01" }))
      .thenFails("AUTH-ACTOR")
  })

  it("AUTH-SUBTREE: refuses Ba Đình enrolling a Hoàng Mai union", () => {
    s.given(...launched)
      .when(s.enroll("cdcs-trung-thanh", "enterprise", { actor: "ldld-ba-dinh" }))
      .thenFails("AUTH-SUBTREE")
  })

  it("AUTH-SUBTREE: refuses enrolling a union outside the campaign's scope", () => {
    s.given(...launched)
      .when(s.enroll("cdcs-ba-dinh", "enterprise", { actor: "ldld-hn" }))
      .thenFails("AUTH-SUBTREE")
  })

  it("AUTH-ROLE: refuses an officer launching, and an executive deliberating", () => {
    s.given(s.plan())
      .when(s.launch({ role: "officer" }))
      .thenFails("AUTH-ROLE")
    s.given(...launched, s.propose("dn-1", s.unit("cdcs-trung-thanh"), "giay-khen", {}, { at: "2020-03-01" }))
      .when(s.deliberate("dn-1", 5, 5, { role: "executive", at: "2020-03-02" }))
      .thenFails("AUTH-ROLE")
  })
})
