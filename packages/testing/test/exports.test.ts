import { describe, expect, it } from "@effect/vitest"
import { AwardKind, Campaign, Command, Directory, type Ids, LocalDate, Rulebook } from "@thidua/core"
import { InMemoryStore } from "@thidua/store"
import { Effect, Result, Schema } from "effect"
import fc from "fast-check"
import { Arbitraries, History, Seeds, StoreConformance } from "../src/index.js"

describe("Arbitraries, the smaller ones", () => {
  it("dateIn(year) gives real days of that year", () =>
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 1 << 30 }), (year, seed) => {
        const [d] = fc.sample(Arbitraries.dateIn(year), { numRuns: 1, seed })
        expect(Schema.is(LocalDate.LocalDate)(d)).toBe(true)
        expect(LocalDate.year(d!)).toBe(year)
      }),
      { numRuns: 300 }
    ))

  it("text is never empty and awardKind is in the catalogue", () =>
    fc.assert(
      fc.property(Arbitraries.text, Arbitraries.awardKind, (t, k) => {
        expect(t.length).toBeGreaterThan(0)
        expect(AwardKind.catalogue[k]).toBeDefined()
      })
    ))
})

describe("History.world", () => {
  it("builds a hierarchy the directory accepts, each unit in one cluster of its district", () =>
    fc.assert(
      fc.property(History.world, (w) => {
        const on = `${w.year}-06-30` as LocalDate.LocalDate
        for (const u of w.units) {
          expect(Directory.isWithin(w.directory, u.parent, u.id, on)).toBe(true)
          expect(w.clusters.filter((c) => c.members.includes(u.id)).map((c) => c.organizer)).toEqual([u.parent])
        }
      })
    ))
})

describe("Seeds", () => {
  // Each seed, decoded and decided from its plan to its close (core's seed tests check what the
  // articles report; this one checks the fixtures the package ships are whole).
  for (const seed of Seeds.all)
    it(`${seed.name} runs from PlanCampaign to Closed`, () => {
      let directory = Directory.initialFor(seed.tenantId as Ids.TenantId)
      for (const u of seed.directory) {
        const c = Command.decodeDirectory(u)
        if (Result.isFailure(c)) throw c.failure
        const r = Directory.decide(directory, c.success)
        if (Result.isFailure(r)) throw r.failure
        for (const e of r.success) directory = Directory.evolve(directory, e)
      }
      const context = { directory, rulebook: Rulebook.standard }
      let state = Campaign.initialState
      for (const u of seed.campaign) {
        const c = Command.decodeCampaign(u)
        if (Result.isFailure(c)) throw c.failure
        const r = Campaign.decide(state, c.success, context)
        if (Result.isFailure(r)) throw r.failure
        for (const e of r.success) state = Campaign.evolve(state, e)
      }
      expect(state.status).toBe("Closed")
    })
})

describe("StoreConformance against the in-memory store", () => {
  for (const check of StoreConformance.checks)
    it.live(check.name, () => check.run.pipe(Effect.provide(InMemoryStore.layer)))
})
