import { describe, expect, it } from "@effect/vitest"
import { LocalDate } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("G5 a pledge lies within the campaign period and is never edited once signed", () => {
  it("every pledge lies within the campaign period and no pledge id is signed twice", () =>
    forAllHistories((h) => {
      const ids = new Set<string>()
      for (const { step, event } of eventsOf(h, "PledgeSigned")) {
        expect(LocalDate.contains(step.before.plan!.period, event.period)).toBe(true)
        expect(ids.has(event.pledgeId)).toBe(false)
        ids.add(event.pledgeId)
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("G5")).toBeGreaterThan(0))

  const s = Scenario.make(2024)
  const launched = [s.plan(), s.launch(), s.enroll("cdcs-trung-thanh")] as const

  it("refuses signing a pledge again under the same id (a change is a new pledge)", () => {
    s.given(...launched, s.register("dk-1", s.unit("cdcs-trung-thanh")))
      .when(s.register("dk-1", s.member("m-1")))
      .thenFails("G5")
  })

  it("refuses a union–management covenant running past the campaign's year", () => {
    s.given(...launched)
      .when(
        s.command(
          "SignPledge",
          {
            pledgeId: "cd-cq-1" as never,
            kind: "union-management",
            signerIds: ["cdcs-trung-thanh"] as never,
            targets: [{ description: "Giao ước giữa Công đoàn và chính quyền" }],
            period: { start: "2024-01-01", end: "2025-06-30" } as never
          },
          { actor: "cdcs-trung-thanh", role: "officer" }
        )
      )
      .thenFails("G5")
  })

  it("refuses a registration superseding another subject's registration", () => {
    s.given(
      ...launched,
      s.register("dk-1", s.unit("cdcs-trung-thanh")),
      s.approve("dk-1"),
      s.enroll("cdcs-phuong-mai", "administrative")
    )
      .when({ ...s.register("dk-2", s.unit("cdcs-phuong-mai")), supersedes: "dk-1" as never })
      .thenFails("G5")
  })
})
