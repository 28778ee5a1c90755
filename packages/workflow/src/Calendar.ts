/**
 * Local days as instants. A campaign's dates are local days ("1/1–30/6"): a phase opens at 00:00
 * of its first day and closes when its last day is over, both in the organizer's time zone
 * (Asia/Ho_Chi_Minh unless said otherwise). Timers fall due at instants; this module turns the one
 * into the other, for any IANA zone (the zone's rules come from the runtime's `Intl`).
 *
 * @since 0.4.0
 */
import { type Event, LocalDate } from "@thidua/core"

/**
 * Vietnam's time zone: UTC+7 all year.
 *
 * @since 0.4.0
 */
export const vietnam = "Asia/Ho_Chi_Minh"

const formats = new Map<string, Intl.DateTimeFormat>()
const formatOf = (zone: string): Intl.DateTimeFormat => {
  let f = formats.get(zone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit"
    })
    formats.set(zone, f)
  }
  return f
}

// The wall clock of a zone at an instant, as if it were UTC: its difference with the instant is
// the zone's offset then.
const wallClock = (ms: number, zone: string): number => {
  const parts: Record<string, number> = {}
  for (const p of formatOf(zone).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value)
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!)
}

const offsetAt = (ms: number, zone: string): number =>
  wallClock(Math.floor(ms / 1000) * 1000, zone) - Math.floor(ms / 1000) * 1000

/**
 * The instant a local day begins (00:00 there).
 *
 * @example
 * ```ts
 * import { Calendar } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(Calendar.startOfDay("2020-01-01"), "2019-12-31T17:00:00.000Z")
 * assert.equal(Calendar.startOfDay("2020-01-01", "Europe/Paris"), "2019-12-31T23:00:00.000Z")
 * ```
 *
 * @since 0.4.0
 */
export const startOfDay = (day: string, zone: string = vietnam): Event.Instant => {
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  const d = Number(day.slice(8, 10))
  const midnight = Date.UTC(y, m - 1, d)
  // Two passes: the offset at the guess may differ from the offset at the answer near a change.
  let at = midnight - offsetAt(midnight, zone)
  at = midnight - offsetAt(at, zone)
  return new Date(at).toISOString() as Event.Instant
}

/**
 * The instant a local day is over: the start of the next one. A phase "1/1–30/6" closes then.
 *
 * @example
 * ```ts
 * import { Calendar } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(Calendar.endOfDay("2020-06-30"), "2020-06-30T17:00:00.000Z")
 * ```
 *
 * @since 0.4.0
 */
export const endOfDay = (day: string, zone: string = vietnam): Event.Instant =>
  startOfDay(LocalDate.addDays(LocalDate.make(day), 1), zone)

/**
 * The local day an instant falls on.
 *
 * @example
 * ```ts
 * import { Calendar } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(Calendar.dayOf("2019-12-31T17:00:00.000Z"), "2020-01-01")
 * assert.equal(Calendar.dayOf("2019-12-31T16:59:59.999Z"), "2019-12-31")
 * ```
 *
 * @since 0.4.0
 */
export const dayOf = (instant: string | number, zone: string = vietnam): LocalDate.LocalDate => {
  const ms = typeof instant === "number" ? instant : Date.parse(instant)
  return new Date(wallClock(ms, zone)).toISOString().slice(0, 10) as LocalDate.LocalDate
}

/**
 * An instant from epoch milliseconds, as process events store it.
 *
 * @example
 * ```ts
 * import { Calendar } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(Calendar.instant(0), "1970-01-01T00:00:00.000Z")
 * ```
 *
 * @since 0.4.0
 */
export const instant = (ms: number): Event.Instant => new Date(ms).toISOString() as Event.Instant
