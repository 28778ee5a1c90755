import { describe, expect, it } from "@effect/vitest"
import { Campaign, Directory } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { runs } from "../../../../scripts/properties.js"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("V1 an award is revoked only for a lawful reason, once, by its granting level or above", () => {
  it("every revocation has a lawful reason, revokes a standing award and comes from above its grantor", () =>
    forAllHistories((h) => {
      const revoked = new Set<string>()
      for (const { step, event } of eventsOf(h, "AwardRevoked")) {
        expect(["fraudulent-declaration", "false-dossier", "unlawful-appraisal", "violation-in-period"]).toContain(
          event.reason
        )
        expect(revoked.has(event.awardId)).toBe(false)
        revoked.add(event.awardId)
        const a = Campaign.award(step.before, event.awardId)!
        expect(
          Directory.isWithin(h.context.directory, step.command.actor.organizationId, a.grantedById, event.at)
        ).toBe(true)
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("V1", runs(200, 600))).toBeGreaterThan(0))

  const s = Scenario.make(2020)
  const granted = [
    s.plan(),
    s.launch(),
    s.enroll("cdcs-trung-thanh"),
    s.grant(
      "kt-1",
      s.member("m-1"),
      "giay-khen",
      { extraordinary: true },
      { actor: "cdcs-trung-thanh", at: "2020-04-30" }
    )
  ] as const

  it("refuses revoking twice", () => {
    s.given(...granted, s.revoke("kt-1", "false-dossier"))
      .when(s.revoke("kt-1", "fraudulent-declaration"))
      .thenFails("V1")
  })

  it("refuses a reason the law does not name", () => {
    s.given(...granted)
      .when(s.revoke("kt-1", "changed-our-mind" as never))
      .thenFails("V1")
  })
})
