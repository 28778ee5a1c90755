import { describe, expect, it } from "@effect/vitest"
import { LocalDate } from "@thidua/core"
import { Schema } from "effect"
import fc from "fast-check"

describe("LocalDate", () => {
  it("accepts exactly the days of the calendar between 1900 and 2199", () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          const s = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
          const date = new Date(Date.UTC(y, m - 1, d))
          const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
          expect(Schema.is(LocalDate.LocalDate)(s)).toBe(real)
        }
      ),
      { numRuns: 20_000 }
    ))

  it("knows the leap years of the Gregorian calendar", () => {
    const is = Schema.is(LocalDate.LocalDate)
    expect([is("2000-02-29"), is("1900-02-29"), is("2024-02-29"), is("2100-02-29")]).toEqual([true, false, true, false])
  })
})
