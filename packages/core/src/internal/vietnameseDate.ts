/**
 * Dates written the Vietnamese way, day first: "02/01/2020", "2-1-2020", "ngày 2 tháng 1 năm
 * 2020", and ISO "2020-01-02" as it is.
 *
 * @internal
 */

/**
 * Why a text is not a date.
 *
 * @internal
 */
export type DateReason = "date-form" | "year-digits" | "month" | "day" | "year-range"

// One separator, the same twice: "02/01-2020" is not a date anyone wrote.
const numeric = /^(\d{1,2})([/-])(\d{1,2})\2(\d+)$/u
const words = /^ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d+)$/u
const iso = /^(\d{4})-(\d{2})-(\d{2})$/u

const dayFirst = (s: string): ReadonlyArray<string | undefined> | undefined => {
  const n = numeric.exec(s)
  if (n !== null) return [n[1], n[3], n[4]]
  const w = words.exec(s)
  return w === null ? undefined : [w[1], w[2], w[3]]
}

/**
 * The days of a month of the Gregorian calendar.
 *
 * @internal
 */
export const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31

/**
 * Reads normalized text (see `normalize`) as a day of the calendar between 1900 and 2199, as
 * `YYYY-MM-DD`.
 *
 * @internal
 */
export const readDate = (s: string): { readonly iso: string } | { readonly reason: DateReason } => {
  const isoMatch = iso.exec(s)
  const parts = isoMatch !== null ? [isoMatch[3], isoMatch[2], isoMatch[1]] : dayFirst(s)
  if (parts === undefined) return { reason: "date-form" }
  const [dayText = "", monthText = "", yearText = ""] = parts
  // "02/01/20" is 1920 to some and 2020 to others: never guessed.
  if (yearText.length !== 4) return { reason: "year-digits" }
  const [day, month, year] = [Number(dayText), Number(monthText), Number(yearText)]
  if (month < 1 || month > 12) return { reason: "month" }
  if (day < 1 || day > daysInMonth(year, month)) return { reason: "day" }
  if (year < 1900 || year > 2199) return { reason: "year-range" }
  return { iso: `${yearText}-${monthText.padStart(2, "0")}-${dayText.padStart(2, "0")}` }
}
