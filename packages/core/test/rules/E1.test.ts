import { describe, expect, it } from "@effect/vitest"
import { Directory, type Ids } from "@thidua/core"
import { History } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"
import { runs } from "../../../../scripts/properties.js"
import { given, rateUnit, YEAR } from "../members.js"

describe("E1 each grassroots union gets exactly one rating per year, appraised by the level above", () => {
  // The world's hierarchy as the generator built it, read from its description rather than from
  // the directory: a unit's ancestors are its district, the city and the confederation.
  const ancestors = (w: History.World, id: string): ReadonlyArray<string> => {
    const unit = w.units.find((u) => u.id === id)
    if (unit !== undefined) return [unit.parent, w.federation, w.confederation]
    if (w.uppers.includes(id as Ids.OrganizationId)) return [w.federation, w.confederation]
    return id === w.federation ? [w.confederation] : []
  }

  it("a rating is accepted exactly when the rater is above the unit and the year is not yet rated", () =>
    fc.assert(
      fc.property(
        History.world.chain((w) => {
          const orgs = [w.confederation, w.federation, ...w.uppers, ...w.units.map((u) => u.id)]
          const rating = fc.record({
            rater: fc.constantFrom(...orgs),
            unit: fc.constantFrom(...w.uppers, ...w.units.map((u) => u.id)),
            year: fc.constantFrom(w.year - 1, w.year)
          })
          return fc.tuple(fc.constant(w), fc.array(rating, { maxLength: 25 }))
        }),
        ([w, ratings]) => {
          let state = w.directory
          const rated = new Set<string>()
          ratings.forEach(({ rater, unit, year }, i) => {
            const r = Directory.decide(state, {
              _tag: "RateUnit",
              commandId: `rate-${i}` as Ids.CommandId,
              tenantId: w.tenantId,
              actor: { organizationId: rater, role: "executive" },
              at: `${w.year}-12-28` as never,
              organizationId: unit,
              year,
              rating: "good"
            })
            const above = ancestors(w, unit).includes(rater)
            const key = `${unit}|${year}`
            if (above && !rated.has(key)) {
              expect(Result.isSuccess(r), `${rater} rates ${unit} for ${year}`).toBe(true)
              rated.add(key)
              if (Result.isSuccess(r)) state = r.success.reduce(Directory.evolve, state)
            } else {
              expect(Result.isFailure(r) && r.failure.code).toBe("E1")
              if (Result.isFailure(r) && r.failure.code === "E1")
                expect((r.failure.details as { readonly reason: string }).reason).toBe(
                  above ? "already-rated" : "not-above"
                )
            }
          })
          // No unit holds two ratings of a year: the directory keeps the first.
          for (const key of rated) {
            const [unit, year] = key.split("|")
            expect(Directory.unitRating(state, unit!, Number(year))).toBeDefined()
          }
        }
      ),
      { numRuns: runs(200, 5_000) }
    ))

  it("accepts LĐLĐ quận Hoàng Mai rating CĐCS Trung Thành 'excellent' for the year", () => {
    given()
      .when(rateUnit("cdcs-trung-thanh", YEAR, { at: `${YEAR}-12-28` }))
      .thenEmits("UnitRated")
  })

  it("refuses a second rating of CĐCS Trung Thành for the same year, even from the city", () => {
    const error = given(rateUnit("cdcs-trung-thanh", YEAR, { at: `${YEAR}-12-28` }))
      .when(rateUnit("cdcs-trung-thanh", YEAR, { actor: "ldld-hn", at: `${YEAR}-12-30` }))
      .thenFails("E1")
    expect(error.details).toMatchObject({ reason: "already-rated", other: "excellent" })
    expect(error.messages.vi).toBe(`Đơn vị cdcs-trung-thanh: đã được xếp loại "excellent" năm ${YEAR}.`)
  })

  it("refuses CĐCS Trung Thành rating itself, and Ba Đình rating a Hoàng Mai union", () => {
    const self = given()
      .when(rateUnit("cdcs-trung-thanh", YEAR, { actor: "cdcs-trung-thanh" }))
      .thenFails("E1")
    expect(self.details.reason).toBe("not-above")
    const beside = given()
      .when(rateUnit("cdcs-phuong-mai", YEAR, { actor: "ldld-ba-dinh" }))
      .thenFails("E1")
    expect(beside.message).toBe(`Unit cdcs-phuong-mai: ldld-ba-dinh is not above it and may not rate it for ${YEAR}.`)
  })
})
