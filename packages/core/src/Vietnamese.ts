/**
 * Numbers, money and dates as people write them in Vietnamese, read and written back: "38.025"
 * (a dot between thousands), "1,5" (a comma before the decimals), "900 tỷ đồng", "02/01/2020",
 * "ngày 2 tháng 1 năm 2020". For importing what a spreadsheet or a document holds.
 *
 * Reading never guesses. Text that could mean two things, or that a person did not mean as
 * written ("3.5829", two-digit years, "30/02/2020", a fraction of a đồng), is refused with an
 * `InputError` that quotes it and says, in Vietnamese and English, what is wrong and what was
 * expected. The functions are pure and synchronous and never throw on any text.
 *
 * Formatting and reading back is the identity: `parseNumber(formatNumber(n))` is `n`,
 * `parseAmount(formatAmount(v))` is `v` in both styles, `parseDate(formatDate(d))` is `d`.
 *
 * @since 0.7.0
 */
import { Result, Schema } from "effect"
import { readDate } from "./internal/vietnameseDate.js"
import { type InputKind, type InputReason, messagesOf } from "./internal/vietnameseMessages.js"
import {
  group,
  plainDigits,
  readDecimal,
  scaleWords as scales,
  toNumber,
  unitWords as units
} from "./internal/vietnameseNumber.js"
import { maxLength as longest, normalize } from "./internal/vietnameseText.js"
import * as LocalDate from "./LocalDate.js"
import * as ThiDuaError from "./ThiDuaError.js"
import * as Vnd from "./Vnd.js"

/**
 * Why a text was refused, as a stable key a program may switch on: `grouping` ("3.5829"),
 * `decimal` ("1,2,3"), `fraction-of-dong` ("1,2345678 triệu"), `day` ("30/02/2020"),
 * `year-digits` ("02/01/20"), ... The messages of the error say it in words.
 *
 * @example
 * ```ts
 * import { Vietnamese } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const read = Vietnamese.parseNumber("3.5829")
 * assert.ok(Result.isFailure(read))
 * const reason: Vietnamese.Reason = read.failure.reason
 * assert.equal(reason, "grouping")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export type Reason = InputReason

/**
 * What was being read: a number, an amount of đồng or a date.
 *
 * @since 0.7.0
 * @category errors
 */
export type Kind = InputKind

/**
 * A text that is not a number, an amount or a date written the Vietnamese way. `kind` says what
 * was being read, `input` is the text as given, `reason` a stable key of what is wrong; the
 * messages quote the input (shortened past 40 characters, control characters escaped) and say
 * what is wrong and what was expected. Nothing is read from a refused text.
 *
 * @example
 * ```ts
 * import { Vietnamese } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const read = Vietnamese.parseNumber("3.5829")
 * assert.ok(Result.isFailure(read))
 * const error = read.failure
 * assert.ok(error instanceof Error)
 * assert.equal(error._tag, "VietnameseInputError")
 * assert.equal(error.code, "INPUT-VI")
 * assert.deepEqual([error.kind, error.input, error.reason], ["number", "3.5829", "grouping"])
 * assert.match(error.messages.en, /three digits/)
 * assert.match(error.messages.vi, /đúng ba chữ số.*số thập phân dùng dấu phẩy: “3,5829”/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class InputError extends ThiDuaError.Tagged("VietnameseInputError")<{
  readonly kind: Kind
  readonly input: string
  readonly reason: Reason
}> {
  readonly code = "INPUT-VI"
  get messages(): ThiDuaError.Messages {
    return messagesOf(this.kind, this.input, this.reason)
  }
}

const refuse = (kind: Kind, input: string, reason: Reason) => Result.fail(new InputError({ kind, input, reason }))

/**
 * The scale words read after a number, each with its power of ten: "nghìn" and "ngàn" (10^3),
 * "triệu" (10^6), "tỷ" and "tỉ" (10^9), "nghìn tỷ" and its spellings (10^12). Compared in lower
 * case, so "Tỷ" is "tỷ".
 *
 * @example
 * ```ts
 * import { Vietnamese } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.deepEqual(new Map(Vietnamese.scaleWords).get("triệu"), 6)
 * ```
 *
 * @since 0.7.0
 * @category reading
 */
export const scaleWords: ReadonlyArray<readonly [word: string, exponent: number]> = scales

/**
 * The units an amount may end with, as compared (in lower case): "đồng", "đ", "vnđ", "vnd" and
 * "₫", with or without a space before them. "VNĐ" and "VND" are read as their lower case.
 *
 * @example
 * ```ts
 * import { Vietnamese } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.ok(Vietnamese.unitWords.includes("vnđ"))
 * ```
 *
 * @since 0.7.0
 * @category reading
 */
export const unitWords: ReadonlyArray<string> = units

/**
 * The longest text read, in UTF-16 code units: 1,000. Longer text is refused (`too-long`)
 * before it is looked at.
 *
 * @example
 * ```ts
 * import { Vietnamese } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * assert.ok(Result.isFailure(Vietnamese.parseNumber("1".repeat(Vietnamese.maxLength + 1))))
 * ```
 *
 * @since 0.7.0
 * @category reading
 */
export const maxLength: number = longest

/**
 * Reads a number: digits with a dot between thousands ("1.234.567") or none ("38025"), a comma
 * before the decimals ("1.234,5"), then optionally a scale word ("30 nghìn", "1,2 nghìn tỷ").
 *
 * **Details.** Text is normalized first: NFC, no-break spaces as spaces, trimmed, lower case. A
 * leading "-" (or "−", U+2212) makes a negative number; "+" is refused (a sign before digits in
 * a cell is a phone number more often than a count). Refused, with their `reason`: malformed
 * groups ("3.5829", "38.02", "1.2345.678", ".5", "1.", "1..2", "0.5": `grouping`), misplaced
 * commas ("1,2,3", ",5", "1,": `decimal`), leading zeros ("05"), a currency unit (read amounts
 * with `parseAmount`), anything else after the number ("1e9", "1 tỷ 200 triệu"), "NaN",
 * "Infinity", and magnitudes above `Number.MAX_SAFE_INTEGER`. The result is the double nearest
 * to the decimal written.
 *
 * @example
 * ```ts
 * import { Vietnamese } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * assert.deepEqual(Vietnamese.parseNumber("38.025"), Result.succeed(38_025))
 * assert.deepEqual(Vietnamese.parseNumber("1.234,5"), Result.succeed(1234.5))
 * assert.deepEqual(Vietnamese.parseNumber("30 nghìn"), Result.succeed(30_000))
 * assert.ok(Result.isFailure(Vietnamese.parseNumber("3.5829")))
 * ```
 *
 * @since 0.7.0
 * @category reading
 */
export const parseNumber = (text: string): Result.Result<number, InputError> => {
  const normalized = normalize(text)
  if ("reason" in normalized) return refuse("number", text, normalized.reason)
  const read = readDecimal(normalized.text, "number")
  if ("reason" in read) return refuse("number", text, read.reason)
  // "9.007.199.254.740.991,5" rounds to 2^53, which is no longer exact.
  const n = toNumber(read.decimal)
  return Math.abs(n) <= Number.MAX_SAFE_INTEGER ? Result.succeed(n) : refuse("number", text, "too-large")
}

const isVnd = Schema.is(Vnd.Vnd)

/**
 * Reads an amount of whole đồng: a number as `parseNumber` reads it, an optional scale word and
 * an optional unit ("đồng", "đ", "VNĐ", "VND", "₫", with or without a space: "38.025đ").
 *
 * **Details.** "900 tỷ đồng" is 900.000.000.000, "1,5 tỷ" 1.500.000.000. The value is worked
 * out exactly on the digits, and refused when it is not a whole, non-negative, safe number of
 * đồng: "1,2345678 triệu" (`fraction-of-dong`), "-5" (`negative`), anything above
 * `Number.MAX_SAFE_INTEGER` (`too-large`).
 *
 * @example
 * ```ts
 * import { Vietnamese } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * assert.deepEqual(Vietnamese.parseAmount("900 tỷ đồng"), Result.succeed(900_000_000_000))
 * assert.deepEqual(Vietnamese.parseAmount("38.025đ"), Result.succeed(38_025))
 * assert.deepEqual(Vietnamese.parseAmount("1,5 Tỷ VNĐ"), Result.succeed(1_500_000_000))
 * const fraction = Vietnamese.parseAmount("1,2345678 triệu")
 * assert.ok(Result.isFailure(fraction))
 * assert.equal(fraction.failure.reason, "fraction-of-dong")
 * ```
 *
 * @since 0.7.0
 * @category reading
 */
export const parseAmount = (text: string): Result.Result<Vnd.Vnd, InputError> => {
  const normalized = normalize(text)
  if ("reason" in normalized) return refuse("amount", text, normalized.reason)
  const read = readDecimal(normalized.text, "amount")
  if ("reason" in read) return refuse("amount", text, read.reason)
  const amount = toNumber(read.decimal)
  return isVnd(amount) ? Result.succeed(amount) : refuse("amount", text, "too-large")
}

const isLocalDate = Schema.is(LocalDate.LocalDate)

/**
 * Reads a date, day first: "02/01/2020", "2/1/2020", "02-01-2020", "ngày 2 tháng 1 năm 2020",
 * "Ngày 02 tháng 01 năm 2020", or ISO "2020-01-02".
 *
 * **Details.** The same separator twice ("/" or "-"; "02.01.2020" is refused). The year has four
 * digits: "02/01/20" is refused (`year-digits`), never guessed. The day must be one of the
 * calendar ("30/02/2020", "31/04/2021", "29/02/2021" are refused; "29/02/2020" is read) and the
 * year within what `LocalDate` holds, 1900 to 2199. Nothing else may be in the text: a time of
 * day ("22/01/2021 14:22") or a month alone ("4/2019") is refused.
 *
 * @example
 * ```ts
 * import { Vietnamese } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * assert.deepEqual(Vietnamese.parseDate("02/01/2020"), Result.succeed("2020-01-02"))
 * assert.deepEqual(Vietnamese.parseDate("ngày 2 tháng 1 năm 2020"), Result.succeed("2020-01-02"))
 * const impossible = Vietnamese.parseDate("30/02/2020")
 * assert.ok(Result.isFailure(impossible))
 * assert.equal(impossible.failure.reason, "day")
 * ```
 *
 * @since 0.7.0
 * @category reading
 */
export const parseDate = (text: string): Result.Result<LocalDate.LocalDate, InputError> => {
  const normalized = normalize(text)
  if ("reason" in normalized) return refuse("date", text, normalized.reason)
  const read = readDate(normalized.text)
  if ("reason" in read) return refuse("date", text, read.reason)
  // The schema of LocalDate has the last word on what a LocalDate is.
  return isLocalDate(read.iso) ? Result.succeed(read.iso) : refuse("date", text, "date-form")
}

/**
 * Writes a number the Vietnamese way: a dot between thousands, a comma before the decimals, all
 * digits written out (never "1e21"), "-" before a negative number; `parseNumber` reads it back
 * for every number up to `Number.MAX_SAFE_INTEGER` in magnitude.
 *
 * @throws RangeError for NaN and the infinities, which have no digits.
 *
 * @example
 * ```ts
 * import { Vietnamese } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Vietnamese.formatNumber(38_025), "38.025")
 * assert.equal(Vietnamese.formatNumber(1.5), "1,5")
 * assert.equal(Vietnamese.formatNumber(-1234567.25), "-1.234.567,25")
 * ```
 *
 * @since 0.7.0
 * @category writing
 */
export const formatNumber = (n: number): string => {
  if (!Number.isFinite(n)) throw new RangeError(`formatNumber: ${n} is not a finite number`)
  const { integer, fraction } = plainDigits(Math.abs(n))
  return `${n < 0 ? "-" : ""}${group(integer)}${fraction === "" ? "" : `,${fraction}`}`
}

const amountScales: ReadonlyArray<readonly [exponent: number, word: string]> = [
  [12, "nghìn tỷ"],
  [9, "tỷ"],
  [6, "triệu"],
  [3, "nghìn"]
]

// The largest scale at which the amount reads as at most three digits (any number of them at
// "nghìn tỷ") with at most three decimals, none at "nghìn": "900 tỷ", "1,5 tỷ", "500 nghìn".
// Otherwise the digits: "38,025 nghìn đồng" is exact but nobody writes it for 38.025 đồng.
const inWords = (digits: string): string | undefined => {
  for (const [exponent, word] of amountScales) {
    if (digits.length <= exponent) continue
    const integer = digits.slice(0, -exponent)
    const fraction = digits.slice(-exponent).replace(/0+$/u, "")
    if (fraction.length > (exponent === 3 ? 0 : 3) || (integer.length > 3 && exponent !== 12)) continue
    return `${group(integer)}${fraction === "" ? "" : `,${fraction}`} ${word}`
  }
  return undefined
}

/**
 * Writes an amount of đồng: "38.025 đồng", or with `words`, in the largest scale word at which
 * it is at most three digits with at most three decimals, whole at "nghìn" ("900 tỷ đồng",
 * "1,5 tỷ đồng", "120 triệu đồng", "500 nghìn đồng"; any number of digits at "nghìn tỷ"), and in
 * digits when there is none ("1.234.567.891 đồng", "38.025 đồng"). `parseAmount` reads either
 * back.
 *
 * @throws RangeError for a number that is not a `Vnd` amount (a fraction, a negative, above
 * `Number.MAX_SAFE_INTEGER`), which could not be read back.
 *
 * @example
 * ```ts
 * import { Vietnamese } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Vietnamese.formatAmount(38_025), "38.025 đồng")
 * assert.equal(Vietnamese.formatAmount(900_000_000_000, { words: true }), "900 tỷ đồng")
 * assert.equal(Vietnamese.formatAmount(1_500_000_000, { words: true }), "1,5 tỷ đồng")
 * assert.equal(Vietnamese.formatAmount(1_234_567_891, { words: true }), "1.234.567.891 đồng")
 * ```
 *
 * @since 0.7.0
 * @category writing
 */
export const formatAmount = (vnd: number, options?: { readonly words?: boolean }): string => {
  if (!isVnd(vnd)) throw new RangeError(`formatAmount: ${vnd} is not a whole, non-negative, safe number of đồng`)
  const digits = String(vnd)
  return `${(options?.words === true ? inWords(digits) : undefined) ?? group(digits)} đồng`
}

/**
 * Writes a date day first, "02/01/2020", or with `words`, "ngày 2 tháng 1 năm 2020", as
 * Vietnamese documents date themselves. `parseDate` reads either back.
 *
 * @example
 * ```ts
 * import { LocalDate, Vietnamese } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const day = LocalDate.make("2020-01-02")
 * assert.equal(Vietnamese.formatDate(day), "02/01/2020")
 * assert.equal(Vietnamese.formatDate(day, { words: true }), "ngày 2 tháng 1 năm 2020")
 * ```
 *
 * @since 0.7.0
 * @category writing
 */
export const formatDate = (d: LocalDate.LocalDate, options?: { readonly words?: boolean }): string => {
  const [year, month, day] = [d.slice(0, 4), d.slice(5, 7), d.slice(8, 10)]
  return options?.words === true ? `ngày ${Number(day)} tháng ${Number(month)} năm ${year}` : `${day}/${month}/${year}`
}
