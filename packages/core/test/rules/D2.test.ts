import { describe, expect, it } from "@effect/vitest"
import type { Command, Ids } from "@thidua/core"
import { Campaign } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"

// The district federation of the scenario, restructured on a day, with or without a successor.
const restructure = (at: string, successor: boolean, successorId = "ldld-hn"): Command.DirectoryCommand => ({
  _tag: "RestructureOrganization",
  commandId: "dir-restructure" as Ids.CommandId,
  tenantId: "hanoi" as Ids.TenantId,
  actor: { organizationId: "ldld-hn" as Ids.OrganizationId, role: "executive" },
  at: at as never,
  organizationId: "ldld-hoang-mai" as Ids.OrganizationId,
  ...(successor ? { successorId: successorId as Ids.OrganizationId } : {})
})

const day = (year: number, n: number): string => new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10)

describe("D2 a campaign's issuer is in operation over the whole period, or a successor carries it on", () => {
  it("a plan is accepted exactly when the issuer outlives the period or has a successor", () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 330 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        (dissolvedOn, startOn, length, successor) => {
          const year = 2025
          const dissolved = day(year, dissolvedOn)
          const start = day(year, startOn)
          const end = day(year, startOn + length)
          // The expectation, read from the statement: the issuer ends the day before its
          // restructuring; the plan stands when that is after the end, or a successor takes over.
          const lastDay = day(year, dissolvedOn - 1)
          const expected = successor || end <= lastDay
          const s = Scenario.make(year, { directory: [restructure(dissolved, successor)] })
          const plan = s.plan({ period: { start, end } as never }, { at: `${year}-01-02` })
          const r = Campaign.decide(Campaign.initialState, plan, s.context)
          expect(Result.isSuccess(r), `${start}–${end}, dissolved ${dissolved}, successor ${successor}`).toBe(expected)
          if (Result.isFailure(r)) expect(r.failure.code).toBe("D2")
        }
      ),
      { numRuns: 200 }
    ))

  it("refuses a 2026 campaign of a district federation dissolved on 1/7/2025", () => {
    const s = Scenario.make(2026, { directory: [restructure("2025-07-01", false)] })
    s.given()
      .when(s.plan({}, { at: "2025-06-20" }))
      .thenFails("D2")
  })

  it("accepts the 2025 campaign of a district merged into Ba Đình on 1/7/2025; from then on Ba Đình carries it on", () => {
    const s = Scenario.make(2025, { directory: [restructure("2025-07-01", true, "ldld-ba-dinh")] })
    const running = [s.plan(), s.launch(), s.phase("dot-1", "2025-01-01", "2025-12-31"), s.open("dot-1", "2025-01-02")]
    const close = (at: string) => s.command("ClosePhase", { phaseId: "dot-1" as never }, { actor: "ldld-ba-dinh", at })
    // Before the merger Ba Đình has no say over Hoàng Mai's campaign; after it, the successor's rights.
    s.given(...running)
      .when(close("2025-06-30"))
      .thenFails("AUTH-SUBTREE")
    s.given(...running)
      .when(close("2025-12-31"))
      .thenEmits("PhaseClosed")
  })
})
