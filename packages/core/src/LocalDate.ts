/**
 * Calendar dates without a time of day, in the calendar of Asia/Ho_Chi_Minh (UTC+7, no daylight
 * saving). Campaign rules speak of days — "from 01/01/2020 to 30/06/2020" — so the domain stores
 * ISO `YYYY-MM-DD` strings, which compare correctly as plain strings.
 *
 * @since 0.1.0
 */
import { Schema, SchemaIssue } from "effect"

const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const digit = (s: string, i: number) => s.charCodeAt(i) - 48

// Runs for every date of every stored event read: digits by char code, no allocation. The pattern
// check before it has made sure every position holds a digit.
const isRealDate = (s: string): boolean => {
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3)
  const m = digit(s, 5) * 10 + digit(s, 6)
  const d = digit(s, 8) * 10 + digit(s, 9)
  if (m < 1 || m > 12 || d < 1) return false
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  return d <= daysIn[m - 1]! + (leap ? 1 : 0)
}

// The pattern of `LocalDate` by char codes, for the compiled validators (as with ids, a test
// holds it to the RegExp).
const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i)
  return c >= 48 && c <= 57
}
const isDateShape = (u: unknown): boolean => {
  if (typeof u !== "string" || u.length !== 10) return false
  const century =
    u.charCodeAt(0) === 49
      ? u.charCodeAt(1) === 57
      : u.charCodeAt(0) === 50 && (u.charCodeAt(1) === 48 || u.charCodeAt(1) === 49)
  return (
    century &&
    isDigit(u, 2) &&
    isDigit(u, 3) &&
    u.charCodeAt(4) === 45 &&
    isDigit(u, 5) &&
    isDigit(u, 6) &&
    u.charCodeAt(7) === 45 &&
    isDigit(u, 8) &&
    isDigit(u, 9)
  )
}

/**
 * A local date, `YYYY-MM-DD`, years 1900 to 2199. Decoding rejects impossible dates such as
 * `2025-02-29`.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@thidua/core"
 * import { Schema } from "effect"
 * import assert from "node:assert"
 *
 * assert.equal(Schema.is(LocalDate.LocalDate)("2024-02-29"), true)
 * assert.equal(Schema.is(LocalDate.LocalDate)("2025-02-29"), false)
 * assert.equal(Schema.is(LocalDate.LocalDate)("02/01/2020"), false)
 * ```
 *
 * @since 0.1.0
 */
export const LocalDate = Schema.String.check(
  // The `u` flag changes nothing for an ASCII pattern; Effect exports only such patterns to JSON
  // Schema (docs/reference/json-schema).
  Schema.isPattern(/^(19|20|21)\d\d-\d\d-\d\d$/u, {
    expected: "a date as YYYY-MM-DD",
    "thidua/vi": "phải là một ngày dạng YYYY-MM-DD, năm từ 1900 đến 2199",
    "thidua/holds": isDateShape
  }),
  Schema.makeFilter<string>(
    (s) =>
      isRealDate(s) ||
      new SchemaIssue.InvalidValue({
        message: `${s} is not a day of the calendar`,
        "thidua/vi": `không phải là một ngày có thật trong lịch (${s})`
      }),
    { "thidua/holds": (u: unknown) => typeof u === "string" && isRealDate(u) }
  )
).pipe(Schema.brand("LocalDate"))

/** @since 0.1.0 */
export type LocalDate = typeof LocalDate.Type

/**
 * Makes a local date, throwing on a malformed one. For literals in code and tests; decode input
 * with the schema instead.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(LocalDate.make("2020-01-02"), "2020-01-02")
 * ```
 *
 * @since 0.1.0
 */
export const make = (s: string): LocalDate => LocalDate.make(s)

const OFFSET_MS = 7 * 60 * 60 * 1000

/**
 * The local date in Hanoi at an instant (milliseconds since the epoch).
 *
 * @example
 * ```ts
 * import { LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * // 17:30 UTC on 31 December is already New Year's Day in Hanoi.
 * assert.equal(LocalDate.fromEpochMillis(Date.UTC(2024, 11, 31, 17, 30)), "2025-01-01")
 * ```
 *
 * @since 0.1.0
 */
export const fromEpochMillis = (ms: number): LocalDate =>
  new Date(ms + OFFSET_MS).toISOString().slice(0, 10) as LocalDate

/**
 * The year of a date.
 *
 * @since 0.1.0
 */
export const year = (d: LocalDate): number => Number(d.slice(0, 4))

/**
 * Adds (or, when negative, subtracts) days.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(LocalDate.addDays(LocalDate.make("2020-06-30"), 1), "2020-07-01")
 * ```
 *
 * @since 0.1.0
 */
export const addDays = (d: LocalDate, days: number): LocalDate =>
  new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10) as LocalDate

/**
 * A closed interval of days `[start, end]`; decoding requires `start <= end`.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@thidua/core"
 * import { Schema } from "effect"
 * import assert from "node:assert"
 *
 * const decode = Schema.decodeUnknownSync(LocalDate.Period)
 * assert.deepEqual(decode({ start: "2020-01-01", end: "2020-06-30" }), { start: "2020-01-01", end: "2020-06-30" })
 * assert.throws(() => decode({ start: "2020-07-01", end: "2020-06-30" }))
 * ```
 *
 * @since 0.1.0
 */
export const Period = Schema.Struct({ start: LocalDate, end: LocalDate }).check(
  Schema.makeFilter((p: { readonly start: string; readonly end: string }) =>
    p.start <= p.end
      ? undefined
      : {
          path: ["end"],
          issue: new SchemaIssue.InvalidValue({
            message: `the period ends (${p.end}) before it starts (${p.start})`,
            "thidua/vi": `kết thúc (${p.end}) trước ngày bắt đầu (${p.start})`
          })
        }
  )
)

/** @since 0.1.0 */
export type Period = typeof Period.Type

/** Whether a date falls in a period, both ends included. @since 0.1.0 */
export const within = (d: LocalDate, p: Period): boolean => p.start <= d && d <= p.end

/** Whether `inner` lies entirely inside `outer`. @since 0.1.0 */
export const contains = (outer: Period, inner: Period): boolean => outer.start <= inner.start && inner.end <= outer.end

/** Whether two periods share at least one day. @since 0.1.0 */
export const overlaps = (a: Period, b: Period): boolean => a.start <= b.end && b.start <= a.end
