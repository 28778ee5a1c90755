import { describe, expect, it } from "@effect/vitest"
import { Campaign, type Ids } from "@thidua/core"
import { InitiativeLedger } from "@thidua/projections"
import { Scenario } from "@thidua/testing"
import { CAMPAIGN_PARTITION, campaignLog, foldEvents, foldPartition, forAllHistories } from "./support.js"

type Totals = { -readonly [K in keyof InitiativeLedger.Totals]: number }

/** Totals summed over the initiatives of the campaign's final state, grouped by `key`. */
const naive = (
  initiatives: ReadonlyArray<Campaign.Initiative>,
  key: (i: Campaign.Initiative) => string | undefined
) => {
  const out = new Map<string, Totals>()
  for (const i of initiatives) {
    const k = key(i)
    if (k === undefined) continue
    const t = out.get(k) ?? { count: 0, benefitVnd: 0, recognized: 0, recognizedBenefitVnd: 0, rejected: 0, plaqued: 0 }
    t.count++
    t.benefitVnd += i.benefitVnd
    if (i.status === "Recognized") {
      t.recognized++
      t.recognizedBenefitVnd += i.benefitVnd
    }
    if (i.status === "Rejected") t.rejected++
    if (i.plaqued) t.plaqued++
    out.set(k, t)
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)))
}

describe("InitiativeLedger", () => {
  it("totals by kind, unit and phase equal sums over the campaign's initiatives", () =>
    forAllHistories((h) => {
      const state = foldPartition(InitiativeLedger.projection, campaignLog(h), CAMPAIGN_PARTITION)
      const initiatives = [...Campaign.initiatives(h.final)]
      expect(InitiativeLedger.totals(state)).toEqual(
        naive(initiatives, () => "all").get("all") ?? InitiativeLedger.totals(InitiativeLedger.projection.init())
      )
      expect(InitiativeLedger.byKind(state)).toEqual(naive(initiatives, (i) => i.kind))
      expect(InitiativeLedger.byUnit(state)).toEqual(naive(initiatives, (i) => i.unitId))
      expect(InitiativeLedger.byPhase(state)).toEqual(naive(initiatives, (i) => i.phaseId))
      expect(
        InitiativeLedger.plaqued(state)
          .map((e) => e.initiativeId)
          .sort()
      ).toEqual(
        initiatives
          .filter((i) => i.plaqued)
          .map((i) => i.id)
          .sort()
      )
      for (const e of InitiativeLedger.entries(state)) {
        const i = Campaign.initiative(h.final, e.initiativeId)!
        expect([e.status, e.unitId, e.kind, e.benefitVnd]).toEqual([i.status, i.unitId, i.kind, i.benefitVnd])
        if (e.status === "Recognized") expect(e.level).toBe(i.level)
      }
      expect(InitiativeLedger.entries(state).length).toBe(initiatives.length)
      for (const t of [InitiativeLedger.totals(state), ...InitiativeLedger.byUnit(state).values()])
        expect(Number.isSafeInteger(t.benefitVnd)).toBe(true)
    }))

  it("is stable under replay, and survives the copy a read model store makes", () =>
    forAllHistories((h) => {
      const once = foldPartition(InitiativeLedger.projection, campaignLog(h), CAMPAIGN_PARTITION)
      expect(foldPartition(InitiativeLedger.projection, campaignLog(h), CAMPAIGN_PARTITION)).toEqual(once)
      expect(structuredClone(once)).toEqual(once)
    }, 40))

  // Hoàng Mai 2020: three units record initiatives; the district recognizes, rejects and plaques.
  const s = Scenario.make(2020)
  const phase = { phaseId: "dot-1" as Ids.PhaseId }
  const given = s.given(
    s.plan(),
    s.launch(),
    s.phase("dot-1", "2020-01-01", "2020-06-30"),
    s.open("dot-1", "2020-01-02"),
    s.enroll("cdcs-trung-thanh"),
    s.enroll("cdcs-hoang-liet"),
    s.enroll("cdcs-phuong-mai", "administrative"),
    s.record("sk-1", "cdcs-trung-thanh", 120_000_000, phase),
    s.record("sk-2", "cdcs-trung-thanh", 30_000_000),
    s.record("sk-3", "cdcs-hoang-liet", 50_000_000, { ...phase, kind: "solution" }),
    s.record("ct-1", "cdcs-phuong-mai", 0, { kind: "work", title: "Nhà văn hóa công nhân" }),
    s.apply("sk-1", "cdcs-trung-thanh"),
    s.recognize("sk-1", "unit", { actor: "cdcs-trung-thanh" }),
    s.command("RejectInitiative", { initiativeId: "sk-2" as Ids.InitiativeId, reason: "Chưa áp dụng" }),
    s.apply("ct-1", "cdcs-phuong-mai"),
    s.command("PlaqueWork", { initiativeId: "ct-1" as Ids.InitiativeId }, { at: "2020-05-19" })
  )
  const state = foldEvents(InitiativeLedger.projection, given.events)

  it("totals the campaign: recognized, rejected and pending", () => {
    const t = InitiativeLedger.totals(state)
    expect(t).toEqual({
      count: 4,
      benefitVnd: 200_000_000,
      recognized: 1,
      recognizedBenefitVnd: 120_000_000,
      rejected: 1,
      plaqued: 1
    })
    // Not recognized: the rejected one and the two still in progress.
    expect(t.count - t.recognized).toBe(3)
  })

  it("totals by kind, unit and phase", () => {
    expect([...InitiativeLedger.byKind(state)].map(([k, t]) => [k, t.count, t.benefitVnd])).toEqual([
      ["initiative", 2, 150_000_000],
      ["solution", 1, 50_000_000],
      ["work", 1, 0]
    ])
    expect(InitiativeLedger.byUnit(state).get("cdcs-trung-thanh" as Ids.OrganizationId)).toMatchObject({
      count: 2,
      recognized: 1,
      rejected: 1
    })
    expect([...InitiativeLedger.byPhase(state)].map(([p, t]) => [p, t.count, t.benefitVnd])).toEqual([
      ["dot-1", 2, 170_000_000]
    ])
    expect(InitiativeLedger.totalsOf(state, "unit", "cdcs-ba-dinh").count).toBe(0)
    expect(InitiativeLedger.totalsOf(state, "kind", "solution").benefitVnd).toBe(50_000_000)
  })

  it("lists the plaqued works", () => {
    expect(InitiativeLedger.plaqued(state).map((w) => [w.initiativeId, w.title, w.status])).toEqual([
      ["ct-1", "Nhà văn hóa công nhân", "Applied"]
    ])
  })

  it("stays exact with amounts near the largest safe integer", () => {
    const big = 4_000_000_000_000_000
    const events = s.given(
      s.plan(),
      s.launch(),
      s.enroll("cdcs-trung-thanh"),
      s.record("sk-1", "cdcs-trung-thanh", big),
      s.record("sk-2", "cdcs-trung-thanh", big + 1)
    ).events
    const t = InitiativeLedger.totals(foldEvents(InitiativeLedger.projection, events))
    expect(t.benefitVnd).toBe(8_000_000_000_000_001)
    expect(Number.isSafeInteger(t.benefitVnd)).toBe(true)
  })
})
