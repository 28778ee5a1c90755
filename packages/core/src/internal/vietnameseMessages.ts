/**
 * The messages of `Vietnamese.InputError`, in English and Vietnamese: the input quoted, what is
 * wrong with it, and what was expected of its kind.
 *
 * @internal
 */
import type { Messages } from "../ThiDuaError.js"
import type { DateReason } from "./vietnameseDate.js"
import { type NumberReason, readDecimal } from "./vietnameseNumber.js"
import { maxLength as longest, normalize, quote } from "./vietnameseText.js"

/**
 * What was being read.
 *
 * @internal
 */
export type InputKind = "number" | "amount" | "date"

/**
 * Why a text was refused.
 *
 * @internal
 */
export type InputReason = "empty" | "too-long" | "control-character" | NumberReason | DateReason

const kinds: { readonly [K in InputKind]: { readonly en: string; readonly vi: string } } = {
  number: { en: "a number", vi: "một số" },
  amount: { en: "an amount of đồng", vi: "một số tiền" },
  date: { en: "a date", vi: "một ngày" }
}

const expected: { readonly [K in InputKind]: { readonly en: string; readonly vi: string } } = {
  number: {
    en: "digits with a dot between thousands and a comma before decimals, as in 38.025 or 1.234,5, then optionally nghìn, triệu, tỷ or nghìn tỷ",
    vi: "các chữ số, dấu chấm ngăn cách hàng nghìn và dấu phẩy trước phần thập phân, như 38.025 hoặc 1.234,5, có thể kèm nghìn, triệu, tỷ hoặc nghìn tỷ"
  },
  amount: {
    en: "a whole number of đồng, as in 38.025 đồng, 120 triệu or 1,5 tỷ đồng",
    vi: "một số đồng chẵn, như 38.025 đồng, 120 triệu hoặc 1,5 tỷ đồng"
  },
  date: {
    en: "a day, a month and a four-digit year from 1900 to 2199, as in 02/01/2020, ngày 2 tháng 1 năm 2020 or 2020-01-02",
    vi: "ngày, tháng và năm đủ bốn chữ số (từ 1900 đến 2199), như 02/01/2020, ngày 2 tháng 1 năm 2020 hoặc 2020-01-02"
  }
}

const whatAfter = {
  number: {
    en: "after the number only nghìn, triệu, tỷ or nghìn tỷ may follow",
    vi: "sau số chỉ được có nghìn, triệu, tỷ hoặc nghìn tỷ"
  },
  amount: {
    en: "after the number only nghìn, triệu, tỷ or nghìn tỷ may follow, then a unit: đồng, đ, VNĐ, VND or ₫",
    vi: "sau số chỉ được có nghìn, triệu, tỷ hoặc nghìn tỷ, rồi đơn vị tiền: đồng, đ, VNĐ, VND hoặc ₫"
  }
}

const what = (reason: InputReason, kind: InputKind): { readonly en: string; readonly vi: string } => {
  switch (reason) {
    case "empty":
      return { en: "there is nothing to read", vi: "không có nội dung" }
    case "too-long":
      return { en: `it is longer than ${longest} characters`, vi: `dài hơn ${longest} ký tự` }
    case "control-character":
      return { en: "it holds a control character (such as NUL)", vi: "có ký tự điều khiển (như NUL)" }
    case "not-a-number":
      return { en: "it does not begin with a digit", vi: "không bắt đầu bằng chữ số" }
    case "sign":
      return { en: "a number is written without a plus sign", vi: "số không viết kèm dấu cộng" }
    case "negative":
      return { en: "an amount is never negative", vi: "số tiền không được âm" }
    case "leading-zero":
      return {
        en: "a number does not begin with 0, unless it is 0 or a decimal such as 0,5",
        vi: "số không bắt đầu bằng chữ số 0, trừ số 0 và số thập phân như 0,5"
      }
    case "grouping":
      return {
        en: "after each dot, a group of thousands has three digits (the first group one to three, not starting with 0)",
        vi: "sau mỗi dấu chấm, nhóm hàng nghìn phải có đúng ba chữ số (nhóm đầu từ một đến ba chữ số, không bắt đầu bằng 0)"
      }
    case "decimal":
      return {
        en: "a decimal has digits on both sides of a single comma, as in 1,5",
        vi: "số thập phân phải có chữ số ở cả hai bên một dấu phẩy duy nhất, như 1,5"
      }
    case "unexpected-text":
      return whatAfter[kind === "amount" ? "amount" : "number"]
    case "unit-in-number":
      return {
        en: "a number carries no currency unit (this is an amount)",
        vi: "một số không kèm đơn vị tiền tệ (đây là một số tiền)"
      }
    case "fraction-of-dong":
      return {
        en: "it leaves a fraction of a đồng, and amounts are whole đồng",
        vi: "có phần lẻ dưới một đồng, mà số tiền phải là số đồng chẵn"
      }
    case "too-large":
      return {
        en: "it is beyond 9.007.199.254.740.991, above which numbers are not exact",
        vi: "vượt quá 9.007.199.254.740.991, giới hạn để số còn chính xác"
      }
    case "date-form":
      return { en: "it is not a date in a form that is read", vi: "không phải là ngày ở dạng được chấp nhận" }
    case "year-digits":
      return {
        en: "the year must be written with four digits (a two-digit year is never guessed)",
        vi: "năm phải viết đủ bốn chữ số (năm viết tắt hai chữ số không được đoán)"
      }
    case "month":
      return { en: "the month is not from 1 to 12", vi: "tháng không nằm trong khoảng từ 1 đến 12" }
    case "day":
      return {
        en: "that month has no such day (29/02 only in leap years)",
        vi: "tháng đó không có ngày này (ngày 29/02 chỉ có trong năm nhuận)"
      }
    case "year-range":
      return { en: "the year is outside 1900–2199", vi: "năm nằm ngoài khoảng 1900–2199" }
  }
}

// A number with its one dot where a comma was meant ("3.5829", "1.5 tỷ"): the text with a comma
// instead, offered only when it reads.
const commaInstead = (input: string, kind: InputKind): string | undefined => {
  if (kind === "date") return undefined
  const trimmed = input.trim()
  const m = /^([-\u2212]?\d+)\.(\d+)(?![\d.,])/u.exec(trimmed)
  if (m === null) return undefined
  const fixed = `${m[1]},${m[2]}${trimmed.slice(m[0].length)}`
  const read = normalize(fixed)
  return "text" in read && "decimal" in readDecimal(read.text, kind) ? fixed : undefined
}

/**
 * The messages of a refusal.
 *
 * @internal
 */
export const messagesOf = (kind: InputKind, input: string, reason: InputReason): Messages => {
  const q = quote(input)
  const why = what(reason, kind)
  const fixed = reason === "grouping" ? commaInstead(input, kind) : undefined
  const hint =
    fixed === undefined
      ? { en: "", vi: "" }
      : { en: "; a decimal uses a comma: ", vi: "; số thập phân dùng dấu phẩy: " }
  const suggestion = fixed === undefined ? "" : quote(fixed)
  return {
    en: `Cannot read ${q} as ${kinds[kind].en}: ${why.en}${hint.en}${suggestion}. Expected ${expected[kind].en}.`,
    vi: `${q} không phải là ${kinds[kind].vi} hợp lệ: ${why.vi}${hint.vi}${suggestion}. Cần nhập ${expected[kind].vi}.`
  }
}
