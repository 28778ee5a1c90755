import { describe, expect, it } from "@effect/vitest"
import { Campaign } from "@thidua/core"
import { Arbitraries, History, Scenario } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"
import { acceptedEvents, forAllHistories } from "../support.js"

describe("C8 a closed or cancelled campaign accepts nothing but revocations", () => {
  it("after CampaignClosed or CampaignCancelled only AwardRevoked follows", () =>
    forAllHistories((h) => {
      let ended = false
      for (const { event } of acceptedEvents(h)) {
        if (ended) expect(event._tag).toBe("AwardRevoked")
        if (event._tag === "CampaignClosed" || event._tag === "CampaignCancelled") ended = true
      }
    }))

  it("any command sent to a closed or cancelled campaign is refused unless it revokes an award", () =>
    fc.assert(
      fc.property(
        History.campaign({ maxSteps: 150 }).filter(
          (h) => h.final.status === "Closed" || h.final.status === "Cancelled"
        ),
        fc.array(Arbitraries.campaignCommand, { minLength: 1, maxLength: 20 }),
        (h, commands) => {
          const plan = h.final.plan!
          for (const c of commands) {
            const command = { ...c, tenantId: plan.tenantId, campaignId: plan.campaignId }
            const r = Campaign.decide(h.final, command, h.context)
            if (Result.isSuccess(r)) expect(r.success.map((e) => e._tag)).toEqual(["AwardRevoked"])
            else if (command._tag !== "RevokeAward") expect(r.failure.code).not.toBe(undefined)
          }
          const replay = h.steps.map((s) => ({ ...s.command, commandId: `${s.command.commandId}-late` }))
          for (const c of replay) {
            const r = Campaign.decide(h.final, c as never, h.context)
            if (c._tag !== "RevokeAward")
              expect(Result.isFailure(r) && r.failure.code).toBe(c._tag === "PlanCampaign" ? "REF-EXISTS" : "C8")
          }
        }
      ),
      { numRuns: 40 }
    ))

  it("refuses scheduling a phase in a cancelled campaign", () => {
    const s = Scenario.make(2020)
    s.given(s.plan(), s.launch(), s.cancel("2020-02-01"))
      .when(s.phase("dot-1", "2020-03-01", "2020-06-30"))
      .thenFails("C8")
  })

  it("still accepts revoking an award of a closed campaign", () => {
    const s = Scenario.make(2020)
    const given = s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2020-01-01", "2020-12-31"),
      s.open("dot-1", "2020-01-02"),
      s.close("dot-1", "2020-12-31"),
      s.end(),
      s.finalReview(),
      s.grant("kt-1", s.unit("cdcs-trung-thanh"), "giay-khen"),
      s.closeCampaign()
    )
    given.when(s.grant("kt-2", s.unit("cdcs-phuong-mai"), "giay-khen")).thenFails("C8")
    given.when(s.revoke("kt-1", "false-dossier")).thenEmits("AwardRevoked")
  })
})
