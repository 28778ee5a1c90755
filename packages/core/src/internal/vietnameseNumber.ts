/**
 * Numbers written the Vietnamese way, read exactly: a dot between thousands, a comma before the
 * decimals, then a scale word and (for money) a unit. The value is worked out on the digits as
 * text, so "1,2345678 triệu" is known to leave a fraction of a đồng before any floating point.
 *
 * @internal
 */

/**
 * Why a text is not a number or an amount.
 *
 * @internal
 */
export type NumberReason =
  | "not-a-number"
  | "sign"
  | "negative"
  | "leading-zero"
  | "grouping"
  | "decimal"
  | "unexpected-text"
  | "unit-in-number"
  | "fraction-of-dong"
  | "too-large"

/**
 * The scale words, each with its power of ten, longest first so that "nghìn tỷ" is not read as
 * "nghìn" followed by junk.
 *
 * @internal
 */
export const scaleWords: ReadonlyArray<readonly [word: string, exponent: number]> = [
  ["nghìn tỷ", 12],
  ["nghìn tỉ", 12],
  ["ngàn tỷ", 12],
  ["ngàn tỉ", 12],
  ["nghìn", 3],
  ["ngàn", 3],
  ["triệu", 6],
  ["tỷ", 9],
  ["tỉ", 9]
]

/**
 * The units of an amount, in lower case as compared: "VNĐ" is read as "vnđ". "₫" is what the
 * Vietnamese currency format of spreadsheets prints.
 *
 * @internal
 */
export const unitWords: ReadonlyArray<string> = ["đồng", "đ", "vnđ", "vnd", "₫"]

// In the order of the list, so the longest word is tried first; "nghìn  tỷ" is "nghìn tỷ".
const scalePattern = new RegExp(`^(?:${scaleWords.map(([word]) => word.replace(" ", "\\s+")).join("|")})`, "u")

const exponents: ReadonlyMap<string, number> = new Map(scaleWords)

const maxSafe = String(Number.MAX_SAFE_INTEGER)

/** Whether a string of digits without leading zeros is at most 2^53 - 1. */
const isSafeDigits = (digits: string): boolean =>
  digits.length < maxSafe.length || (digits.length === maxSafe.length && digits <= maxSafe)

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9"

/**
 * What was read: a sign, and the exact value as integer and fraction digits (no leading zeros on
 * the integer but "0", no trailing zeros on the fraction), and whether a unit of money was given.
 *
 * @internal
 */
export interface Decimal {
  readonly negative: boolean
  readonly integer: string
  readonly fraction: string
}

/**
 * Reads normalized text (see `normalize`) as a decimal. For an amount, a unit may follow; for a
 * number, a unit is refused with its own reason.
 *
 * @internal
 */
export const readDecimal = (
  s: string,
  kind: "number" | "amount"
): { readonly decimal: Decimal } | { readonly reason: NumberReason } => {
  let i = 0
  if (s[0] === "+") return { reason: "sign" }
  const negative = s[0] === "-" || s[0] === "\u2212"
  if (negative) i = 1
  const start = i
  while (isDigit(s[i]) || s[i] === ".") i++
  const integerText = s.slice(start, i)
  if (integerText === "") return { reason: s[i] === "," ? "decimal" : "not-a-number" }
  const groups = integerText.split(".")
  if (groups.length === 1) {
    if (integerText.length > 1 && integerText[0] === "0") return { reason: "leading-zero" }
  } else {
    const [first, ...rest] = groups as [string, ...Array<string>]
    // "0.5" and "0.123" are decimals written with a dot, not thousands.
    if (first.length === 0 || first.length > 3 || first[0] === "0") return { reason: "grouping" }
    if (rest.some((group) => group.length !== 3)) return { reason: "grouping" }
  }
  let fraction = ""
  if (s[i] === ",") {
    const from = ++i
    while (isDigit(s[i])) i++
    fraction = s.slice(from, i)
    if (fraction === "" || s[i] === "," || s[i] === ".") return { reason: "decimal" }
  }
  let rest = s.slice(i).trimStart()
  let exponent = 0
  const scale = scalePattern.exec(rest)
  if (scale !== null) {
    exponent = exponents.get(scale[0].replace(/\s+/gu, " "))!
    rest = rest.slice(scale[0].length).trimStart()
  }
  if (rest !== "") {
    if (!unitWords.includes(rest)) return { reason: "unexpected-text" }
    if (kind === "number") return { reason: "unit-in-number" }
  }
  if (negative && kind === "amount") return { reason: "negative" }
  const padded = fraction.padEnd(exponent, "0")
  const integer = (groups.join("") + padded.slice(0, exponent)).replace(/^0+(?=\d)/u, "")
  const decimal = { negative, integer, fraction: padded.slice(exponent).replace(/0+$/u, "") }
  if (!isSafeDigits(integer)) return { reason: "too-large" }
  if (kind === "amount" && decimal.fraction !== "") return { reason: "fraction-of-dong" }
  return { decimal }
}

/**
 * The number a decimal stands for: the double nearest to it (JavaScript's own reading of a
 * decimal string rounds correctly). Zero has no sign.
 *
 * @internal
 */
export const toNumber = (d: Decimal): number => {
  const magnitude = Number(d.fraction === "" ? d.integer : `${d.integer}.${d.fraction}`)
  return d.negative && magnitude !== 0 ? -magnitude : magnitude
}

/**
 * A non-negative finite number as plain decimal digits, never in exponent form: JavaScript writes
 * 1e21 and 1e-7 with an exponent, which a reader of Vietnamese numbers does not read.
 *
 * @internal
 */
export const plainDigits = (n: number): { readonly integer: string; readonly fraction: string } => {
  const shortest = String(n)
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/u.exec(shortest)
  if (m === null) {
    const [integer = "0", fraction = ""] = shortest.split(".")
    return { integer, fraction }
  }
  const digits = m[1]! + (m[2] ?? "")
  const point = 1 + Number(m[3])
  if (point <= 0) return { integer: "0", fraction: "0".repeat(-point) + digits }
  if (point >= digits.length) return { integer: digits + "0".repeat(point - digits.length), fraction: "" }
  return { integer: digits.slice(0, point), fraction: digits.slice(point) }
}

/**
 * Integer digits with a dot between thousands.
 *
 * @internal
 */
export const group = (integer: string): string => {
  const head = integer.length % 3 || 3
  let out = integer.slice(0, head)
  for (let i = head; i < integer.length; i += 3) out += `.${integer.slice(i, i + 3)}`
  return out
}
