import { describe, expect, it } from "@effect/vitest"
import { LocalDate, ThiDuaError, Vietnamese, Vnd } from "@thidua/core"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { runs } from "../../../scripts/properties.js"

// Expectations here are written from the rules of Vietnamese writing (a dot between thousands, a
// comma before decimals, day before month) and from the calendar as JavaScript's Date knows it,
// never from the module's own helpers.

const read = <A>(r: Result.Result<A, Vietnamese.InputError>): A => {
  if (Result.isFailure(r)) throw new Error(`expected a success, got ${r.failure.reason}: ${r.failure.message}`)
  return r.success
}
const refusal = <A>(r: Result.Result<A, Vietnamese.InputError>): Vietnamese.InputError => {
  if (Result.isSuccess(r)) throw new Error(`expected a refusal, got ${JSON.stringify(r.success)}`)
  return r.failure
}

const MAX = Number.MAX_SAFE_INTEGER

describe("what the seed articles write", () => {
  // /work/shared/seeds: Hoàn Kiếm 2025 ("517 Công đoàn cơ sở với 3.5829 đoàn viên/38.025 công
  // nhân"), Hà Nội ("hơn 30 nghìn đề tài", "giá trị làm lợi trên 900 tỷ đồng", "Cách mạng
  // công nghiệp 4.0"), Long Biên ("trao 100 triệu đồng"), the dates of Hoàng Mai 2020 and others.
  it("reads 38.025 workers, 517 unions, 30 nghìn projects", () => {
    expect(read(Vietnamese.parseNumber("38.025"))).toBe(38_025)
    expect(read(Vietnamese.parseNumber("517"))).toBe(517)
    expect(read(Vietnamese.parseNumber("30 nghìn"))).toBe(30_000)
  })

  it("refuses the misprint 3.5829, saying a group has three digits and a decimal takes a comma", () => {
    const e = refusal(Vietnamese.parseNumber("3.5829"))
    expect([e.kind, e.input, e.reason]).toEqual(["number", "3.5829", "grouping"])
    expect(e.messages.en).toContain("“3.5829”")
    expect(e.messages.en).toContain("three digits")
    expect(e.messages.en).toContain("a decimal uses a comma: “3,5829”")
    expect(e.messages.vi).toContain("“3.5829”")
    expect(e.messages.vi).toContain("đúng ba chữ số")
    expect(e.messages.vi).toContain("số thập phân dùng dấu phẩy: “3,5829”")
  })

  it("refuses 4.0, the name of an industrial revolution, as a number", () => {
    expect(refusal(Vietnamese.parseNumber("4.0")).reason).toBe("grouping")
  })

  it("reads 900 tỷ đồng and 100 triệu đồng", () => {
    expect(read(Vietnamese.parseAmount("900 tỷ đồng"))).toBe(900_000_000_000)
    expect(read(Vietnamese.parseAmount("100 triệu đồng"))).toBe(100_000_000)
  })

  it("reads the dates of the articles, and refuses a month alone and a time of day", () => {
    expect(read(Vietnamese.parseDate("02/01/2020"))).toBe("2020-01-02")
    expect(read(Vietnamese.parseDate("22/01/2021"))).toBe("2021-01-22")
    expect(read(Vietnamese.parseDate("21/11/2024"))).toBe("2024-11-21")
    expect(read(Vietnamese.parseDate("30/4/1975"))).toBe("1975-04-30")
    expect(read(Vietnamese.parseDate("3/2/2025"))).toBe("2025-02-03")
    expect(read(Vietnamese.parseDate("31/12/2020"))).toBe("2020-12-31")
    expect(refusal(Vietnamese.parseDate("4/2019")).reason).toBe("date-form")
    expect(refusal(Vietnamese.parseDate("22/01/2021 14:22")).reason).toBe("date-form")
  })
})

describe("Vietnamese.parseNumber", () => {
  it.each([
    ["38025", 38_025],
    ["1.234.567", 1_234_567],
    ["1,5", 1.5],
    ["1.234,5", 1234.5],
    ["0", 0],
    ["0,5", 0.5],
    ["0,05", 0.05],
    ["-5", -5],
    ["\u22125", -5],
    ["-0", 0],
    ["  38.025  ", 38_025],
    ["\u00A038.025\u202F", 38_025],
    ["\t38.025\n", 38_025],
    ["120 triệu", 120_000_000],
    ["120triệu", 120_000_000],
    ["2 ngàn", 2_000],
    ["3 tỉ", 3_000_000_000],
    ["1,5 Tỷ", 1_500_000_000],
    ["1,2 nghìn tỷ", 1_200_000_000_000],
    ["1,2 ngàn  tỉ", 1_200_000_000_000],
    ["1,2345678 triệu", 1_234_567.8],
    ["9.007.199.254.740.991", MAX],
    ["-9.007.199.254.740.991", -MAX]
  ] as const)("reads %j as %d", (text, value) => {
    expect(read(Vietnamese.parseNumber(text))).toBe(value)
  })

  it.each([
    ["3.5829", "grouping"],
    ["38.02", "grouping"],
    ["1.2345.678", "grouping"],
    ["1234.567", "grouping"],
    [".5", "grouping"],
    ["1.", "grouping"],
    ["1..2", "grouping"],
    ["0.5", "grouping"],
    ["0.123", "grouping"],
    ["012.345", "grouping"],
    ["1,2,3", "decimal"],
    [",5", "decimal"],
    ["1,", "decimal"],
    ["1,234.5", "decimal"],
    ["+5", "sign"],
    ["05", "leading-zero"],
    ["00,5", "leading-zero"],
    ["1e9", "unexpected-text"],
    ["1 234", "unexpected-text"],
    ["0x10", "unexpected-text"],
    ["1 tỷ 200 triệu", "unexpected-text"],
    ["5 tỉnh", "unexpected-text"],
    ["5 trieu", "unexpected-text"],
    ["NaN", "not-a-number"],
    ["Infinity", "not-a-number"],
    ["-Infinity", "not-a-number"],
    ["--5", "not-a-number"],
    ["- 5", "not-a-number"],
    ["１２", "not-a-number"],
    ["", "empty"],
    ["   \u00A0", "empty"],
    ["1\u00005", "control-character"],
    ["\u0000", "control-character"],
    ["38.025 đồng", "unit-in-number"],
    ["9.007.199.254.740.992", "too-large"],
    ["9.007.199.254.740.991,5", "too-large"],
    ["10 nghìn tỷ tỷ", "unexpected-text"],
    ["10.000 nghìn tỷ", "too-large"],
    ["1".repeat(400), "too-large"],
    ["1".repeat(1001), "too-long"]
  ] as const)("refuses %j (%s)", (text, reason) => {
    const e = refusal(Vietnamese.parseNumber(text))
    expect(e.reason).toBe(reason)
    expect(e.kind).toBe("number")
    expect(e.input).toBe(text)
  })
})

describe("Vietnamese.parseAmount", () => {
  it.each([
    ["120 triệu", 120_000_000],
    ["1,5 tỷ", 1_500_000_000],
    ["1,2 nghìn tỷ", 1_200_000_000_000],
    ["38.025đ", 38_025],
    ["38.025 đ", 38_025],
    ["38.025 đồng", 38_025],
    ["38.025 VNĐ", 38_025],
    ["38.025VND", 38_025],
    ["38.025 vnđ", 38_025],
    ["38.025 ₫", 38_025],
    ["38.025\u00A0₫", 38_025],
    ["1,5\u202Ftỷ\u2007đồng", 1_500_000_000],
    ["38.025,0 đồng", 38_025],
    ["1,50 nghìn", 1_500],
    ["500 nghìn đồng", 500_000],
    ["TRIỆU", undefined],
    ["900 TỶ ĐỒNG", 900_000_000_000],
    ["900 tỷ đồng".normalize("NFD"), 900_000_000_000],
    ["0 đồng", 0],
    ["9.007.199.254.740.991 đồng", MAX]
  ] as const)("reads %j", (text, value) => {
    if (value === undefined) expect(refusal(Vietnamese.parseAmount(text)).reason).toBe("not-a-number")
    else expect(read(Vietnamese.parseAmount(text))).toBe(value)
  })

  it("gives an amount of the Vnd schema", () => {
    expect(Schema.is(Vnd.Vnd)(read(Vietnamese.parseAmount("1,5 tỷ đồng")))).toBe(true)
  })

  it.each([
    ["1,2345678 triệu", "fraction-of-dong"],
    ["0,5 đồng", "fraction-of-dong"],
    ["38.025,5 đ", "fraction-of-dong"],
    ["-5", "negative"],
    ["-5 đồng", "negative"],
    ["\u22121.000 đồng", "negative"],
    ["9.007.199.254.740.992 đồng", "too-large"],
    ["9.008 nghìn tỷ", "too-large"],
    ["1".repeat(300), "too-large"],
    ["NaN", "not-a-number"],
    ["Infinity", "not-a-number"],
    ["1e9", "unexpected-text"],
    ["", "empty"],
    ["38.025\u0000", "control-character"],
    ["38.025 đồng đồng", "unexpected-text"],
    ["đồng 38.025", "not-a-number"],
    ["38.025 usd", "unexpected-text"],
    ["38.025 dong", "unexpected-text"],
    ["3.5829 đồng", "grouping"],
    ["1.5 tỷ", "grouping"],
    ["+5 đồng", "sign"]
  ] as const)("refuses %j (%s)", (text, reason) => {
    const e = refusal(Vietnamese.parseAmount(text))
    expect([e.kind, e.input, e.reason]).toEqual(["amount", text, reason])
  })

  it("offers a comma where a dot was meant only when the text then reads", () => {
    expect(refusal(Vietnamese.parseAmount("1.5 tỷ")).messages.en).toContain("a decimal uses a comma: “1,5 tỷ”")
    // 38,02 đồng would be a fraction of a đồng: no suggestion.
    expect(refusal(Vietnamese.parseAmount("38.02 đồng")).messages.en).not.toContain("comma:")
  })
})

describe("Vietnamese.parseDate", () => {
  it.each([
    ["02/01/2020", "2020-01-02"],
    ["2/1/2020", "2020-01-02"],
    ["02-01-2020", "2020-01-02"],
    ["2-1-2020", "2020-01-02"],
    ["ngày 2 tháng 1 năm 2020", "2020-01-02"],
    ["ngày 02 tháng 01 năm 2020", "2020-01-02"],
    ["Ngày 2 Tháng 1 Năm 2020", "2020-01-02"],
    ["ngày 2 tháng 1 năm 2020".normalize("NFD"), "2020-01-02"],
    ["  ngày  2\u00A0tháng 1 năm 2020 ", "2020-01-02"],
    ["2020-01-02", "2020-01-02"],
    ["29/02/2020", "2020-02-29"],
    ["29/02/2000", "2000-02-29"],
    ["01/01/1900", "1900-01-01"],
    ["31/12/2199", "2199-12-31"]
  ] as const)("reads %j as %s", (text, iso) => {
    expect(read(Vietnamese.parseDate(text))).toBe(iso)
  })

  it.each([
    ["30/02/2020", "day"],
    ["31/04/2021", "day"],
    ["31/06/2020", "day"],
    ["31/09/2020", "day"],
    ["31/11/2024", "day"],
    ["29/02/2021", "day"],
    ["29/02/1900", "day"],
    ["00/01/2020", "day"],
    ["ngày 0 tháng 1 năm 2020", "day"],
    ["2020-02-30", "day"],
    ["01/13/2020", "month"],
    ["01/00/2020", "month"],
    ["02/01/20", "year-digits"],
    ["02/01/020", "year-digits"],
    ["02/01/02020", "year-digits"],
    ["ngày 2 tháng 1 năm 20", "year-digits"],
    ["31/12/1899", "year-range"],
    ["01/01/2200", "year-range"],
    ["0001-01-01", "year-range"],
    ["02/01-2020", "date-form"],
    ["02.01.2020", "date-form"],
    ["002/01/2020", "date-form"],
    ["2020/01/02", "date-form"],
    ["2020-1-2", "date-form"],
    ["ngày 2/1/2020", "date-form"],
    ["Hà Nội, ngày 2 tháng 1 năm 2020", "date-form"],
    ["2/1", "date-form"],
    ["", "empty"],
    ["02/01/2020\u0000", "control-character"]
  ] as const)("refuses %j (%s)", (text, reason) => {
    const e = refusal(Vietnamese.parseDate(text))
    expect([e.kind, e.input, e.reason]).toEqual(["date", text, reason])
  })
})

describe("Vietnamese.InputError", () => {
  it("is an error of the one base, with its tag, code and both messages", () => {
    const e = refusal(Vietnamese.parseDate("31/04/2021"))
    expect(e).toBeInstanceOf(Error)
    expect(ThiDuaError.isThiDuaError(e)).toBe(true)
    expect([e._tag, e.code, e.name]).toEqual(["VietnameseInputError", "INPUT-VI", "VietnameseInputError"])
    expect(e.message).toBe(e.messages.en)
    expect(e.messages.en).toBe(
      "Cannot read “31/04/2021” as a date: that month has no such day (29/02 only in leap years). Expected a day, a month and a four-digit year from 1900 to 2199, as in 02/01/2020, ngày 2 tháng 1 năm 2020 or 2020-01-02."
    )
    expect(e.messages.vi).toBe(
      "“31/04/2021” không phải là một ngày hợp lệ: tháng đó không có ngày này (ngày 29/02 chỉ có trong năm nhuận). Cần nhập ngày, tháng và năm đủ bốn chữ số (từ 1900 đến 2199), như 02/01/2020, ngày 2 tháng 1 năm 2020 hoặc 2020-01-02."
    )
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({
      _tag: "VietnameseInputError",
      code: "INPUT-VI",
      kind: "date",
      input: "31/04/2021",
      reason: "day"
    })
  })

  it("quotes the input with controls escaped and long text cut, and keeps the input whole", () => {
    const nul = refusal(Vietnamese.parseAmount("38\u0000025"))
    expect(nul.messages.en).toContain("“38\\u0000025”")
    expect(nul.messages.vi).toContain("“38\\u0000025”")
    expect(nul.messages.en + nul.messages.vi).not.toContain("\u0000")
    const long = "9".repeat(5000)
    const e = refusal(Vietnamese.parseNumber(long))
    expect(e.input).toBe(long)
    expect(e.messages.en).toContain(`“${"9".repeat(40)}…”`)
    expect(e.messages.en.length).toBeLessThan(400)
  })

  it("says what each kind expects in both languages", () => {
    const amount = refusal(Vietnamese.parseAmount("-5"))
    expect(amount.messages.en).toContain("an amount is never negative")
    expect(amount.messages.vi).toContain("số tiền không được âm")
    const year = refusal(Vietnamese.parseDate("02/01/20"))
    expect(year.messages.en).toContain("four digits")
    expect(year.messages.vi).toContain("đủ bốn chữ số")
  })
})

describe("formatting", () => {
  it.each([
    [38_025, "38.025"],
    [1.5, "1,5"],
    [0, "0"],
    [-0, "0"],
    [999, "999"],
    [1000, "1.000"],
    [1_234_567.25, "1.234.567,25"],
    [-1_234_567.25, "-1.234.567,25"],
    [1e21, "1.000.000.000.000.000.000.000"],
    [1e-7, "0,0000001"],
    [1.5e-10, "0,00000000015"],
    [MAX, "9.007.199.254.740.991"]
  ])("formatNumber(%d) is %j", (n, text) => {
    expect(Vietnamese.formatNumber(n)).toBe(text)
  })

  it("formatNumber refuses what has no digits", () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(() => Vietnamese.formatNumber(n)).toThrow(RangeError)
  })

  it.each([
    [0, "0 đồng", "0 đồng"],
    [999, "999 đồng", "999 đồng"],
    [38_025, "38.025 đồng", "38.025 đồng"],
    [500_000, "500.000 đồng", "500 nghìn đồng"],
    [1_500, "1.500 đồng", "1.500 đồng"],
    [120_000_000, "120.000.000 đồng", "120 triệu đồng"],
    [1_234_000, "1.234.000 đồng", "1,234 triệu đồng"],
    [1_500_000_000, "1.500.000.000 đồng", "1,5 tỷ đồng"],
    [900_000_000_000, "900.000.000.000 đồng", "900 tỷ đồng"],
    [1_200_000_000_000, "1.200.000.000.000 đồng", "1,2 nghìn tỷ đồng"],
    [1e15, "1.000.000.000.000.000 đồng", "1.000 nghìn tỷ đồng"],
    [1_234_567_891, "1.234.567.891 đồng", "1.234.567.891 đồng"],
    // 1,2345 tỷ has four decimals, 1.234,5 triệu four digits before the comma: the digits.
    [1_234_500_000, "1.234.500.000 đồng", "1.234.500.000 đồng"],
    [1_000_500, "1.000.500 đồng", "1.000.500 đồng"],
    [MAX, "9.007.199.254.740.991 đồng", "9.007.199.254.740.991 đồng"]
  ])("formatAmount(%d) is %j, in words %j", (n, digits, words) => {
    expect(Vietnamese.formatAmount(n)).toBe(digits)
    expect(Vietnamese.formatAmount(n, { words: false })).toBe(digits)
    expect(Vietnamese.formatAmount(n, { words: true })).toBe(words)
  })

  it("formatAmount refuses what is not an amount of đồng", () => {
    for (const n of [-1, 1.5, MAX + 1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => Vietnamese.formatAmount(n)).toThrow(RangeError)
  })

  it("formatDate writes day first, in digits or in words", () => {
    expect(Vietnamese.formatDate(LocalDate.make("2020-01-02"))).toBe("02/01/2020")
    expect(Vietnamese.formatDate(LocalDate.make("2020-01-02"), { words: true })).toBe("ngày 2 tháng 1 năm 2020")
    expect(Vietnamese.formatDate(LocalDate.make("2199-12-31"), { words: true })).toBe("ngày 31 tháng 12 năm 2199")
  })
})

// Generators, written from the rules rather than from the module.
const digit = fc.constantFrom(..."0123456789")
const digits = (length: number) => fc.string({ unit: digit, minLength: length, maxLength: length })
/** A number grouped by thousands: a first group of one to three digits, not starting with 0. */
const groupedInteger = fc.tuple(
  fc.integer({ min: 1, max: 999 }).map(String),
  fc.array(digits(3), { minLength: 1, maxLength: 5 })
)
const suffixes = ["", " nghìn", " triệu", " tỷ", " nghìn tỷ", "đ", " đồng", " VNĐ", " triệu đồng", " tỷ ₫"]
const localDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
  .map((d) => LocalDate.make(d.toISOString().slice(0, 10)))
const wellFormedAmount = fc.oneof(
  fc.maxSafeNat(),
  // Round amounts, as campaigns award them, so that words are used.
  fc
    .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 12 }))
    .map(([m, k]) => m * 10 ** k)
    .filter((n) => n <= MAX)
)

describe("properties", () => {
  it("formatNumber then parseNumber is the identity on safe integers, each group of three digits", () =>
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const text = Vietnamese.formatNumber(n)
        expect(text.replaceAll(".", "")).toBe(String(n))
        expect(text.split(".").every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3))).toBe(true)
        expect(read(Vietnamese.parseNumber(text))).toBe(n)
      }),
      { numRuns: runs(2_000, 100_000) }
    ))

  it("formatNumber then parseNumber is the identity on decimals with a few digits", () =>
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 4 }).chain(digits),
        (negative, integer, fraction) => {
          const n = Number(`${negative ? "-" : ""}${integer}.${fraction}`)
          const text = Vietnamese.formatNumber(n)
          // The digits JavaScript writes for the number, with the Vietnamese marks.
          expect(text.replaceAll(".", "").replace(",", ".")).toBe(String(n))
          expect(read(Vietnamese.parseNumber(text))).toBe(n === 0 ? 0 : n)
        }
      ),
      { numRuns: runs(2_000, 100_000) }
    ))

  it("formatNumber then parseNumber is the identity on every double up to 2^53 - 1 in magnitude", () =>
    fc.assert(
      fc.property(fc.double({ min: -MAX, max: MAX, noNaN: true }), (n) => {
        expect(read(Vietnamese.parseNumber(Vietnamese.formatNumber(n)))).toBe(n === 0 ? 0 : n)
      }),
      { numRuns: runs(2_000, 100_000) }
    ))

  it("formatAmount then parseAmount is the identity, in digits and in words", () =>
    fc.assert(
      fc.property(wellFormedAmount, (n) => {
        expect(read(Vietnamese.parseAmount(Vietnamese.formatAmount(n)))).toBe(n)
        const words = Vietnamese.formatAmount(n, { words: true })
        expect(read(Vietnamese.parseAmount(words))).toBe(n)
        expect(read(Vietnamese.parseAmount(words.normalize("NFD").toUpperCase()))).toBe(n)
      }),
      { numRuns: runs(2_000, 100_000) }
    ))

  it("formatAmount in words says round amounts with their scale word", () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom([3, "nghìn"], [6, "triệu"], [9, "tỷ"], [12, "nghìn tỷ"]),
        (m, [k, word]) => {
          expect(Vietnamese.formatAmount(m * 10 ** (k as number), { words: true })).toBe(`${m} ${word} đồng`)
        }
      ),
      { numRuns: runs(500, 10_000) }
    ))

  it("formatDate then parseDate is the identity, in digits and in words", () =>
    fc.assert(
      fc.property(localDate, (d) => {
        const [y, m, day] = d.split("-")
        expect(Vietnamese.formatDate(d)).toBe(`${day}/${m}/${y}`)
        expect(read(Vietnamese.parseDate(Vietnamese.formatDate(d)))).toBe(d)
        expect(read(Vietnamese.parseDate(Vietnamese.formatDate(d, { words: true })))).toBe(d)
      }),
      { numRuns: runs(2_000, 100_000) }
    ))

  it("parseDate reads exactly the days of the calendar between 1900 and 2199, and says why it refuses", () =>
    fc.assert(
      fc.property(
        // Mostly near the edges of the calendar: ends of months, month 0 and 13, century years.
        fc.oneof(fc.integer({ min: 27, max: 32 }), fc.integer({ min: 0, max: 99 })),
        fc.oneof(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 })),
        fc.oneof(fc.constantFrom(1899, 1900, 2000, 2100, 2199, 2200), fc.integer({ min: 1800, max: 2300 })),
        fc.constantFrom("/", "-"),
        fc.boolean(),
        (d, m, y, sep, pad) => {
          const two = (n: number) => (pad ? String(n).padStart(2, "0") : String(n))
          const date = new Date(Date.UTC(y, m - 1, d))
          const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
          const expected =
            m < 1 || m > 12
              ? "month"
              : !real
                ? "day"
                : y < 1900 || y > 2199
                  ? "year-range"
                  : date.toISOString().slice(0, 10)
          for (const text of [`${two(d)}${sep}${two(m)}${sep}${y}`, `ngày ${two(d)} tháng ${two(m)} năm ${y}`]) {
            const r = Vietnamese.parseDate(text)
            expect(Result.isSuccess(r) ? r.success : r.failure.reason, text).toBe(expected)
          }
        }
      ),
      { numRuns: runs(3_000, 100_000) }
    ))

  // A model of the grammar, from its statement: 0, or digits not starting with 0, or a first group
  // of one to three digits (not starting with 0) and groups of three after dots; then optionally a
  // comma and digits.
  const modelNumber = /^(?:0|[1-9]\d*|[1-9]\d{0,2}(?:\.\d{3})+)(?:,\d+)?$/
  const modelValue = (s: string) => Number(s.replaceAll(".", "").replace(",", "."))

  it("parseNumber reads exactly the strings of the grammar, as their value", () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(..."0123456789.,"), maxLength: 14 }),
          fc.string({ unit: fc.constantFrom(..."01.,"), maxLength: 10 }),
          groupedInteger.map(([first, rest]) => [first, ...rest].join("."))
        ),
        (s) => {
          const r = Vietnamese.parseNumber(s)
          const expected = modelNumber.test(s) && modelValue(s) <= MAX ? modelValue(s) : undefined
          expect(Result.isSuccess(r) ? r.success : undefined, s).toBe(expected)
        }
      ),
      { numRuns: runs(5_000, 200_000) }
    ))

  it("parseAmount reads a number of the grammar with a scale and a unit exactly when it is whole đồng", () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(..."0123456789.,"), maxLength: 10 }),
          fc
            .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 14 }).chain(digits))
            .map(([i, f]) => `${i},${f}`)
        ),
        fc.constantFrom(
          ["", 0],
          [" nghìn", 3],
          ["ngàn", 3],
          [" triệu", 6],
          [" tỷ", 9],
          [" tỉ đồng", 9],
          [" nghìn tỷ", 12],
          ["đ", 0],
          [" VND", 0]
        ),
        (s, [suffix, exponent]) => {
          const r = Vietnamese.parseAmount(`${s}${suffix}`)
          let expected: bigint | undefined
          if (modelNumber.test(s)) {
            const [integer = "", fraction = ""] = s.replaceAll(".", "").split(",")
            const exact = BigInt(integer + fraction) * 10n ** BigInt(exponent as number)
            const scale = 10n ** BigInt(fraction.length)
            if (exact % scale === 0n && exact / scale <= BigInt(MAX)) expected = exact / scale
          }
          expect(Result.isSuccess(r) ? BigInt(r.success) : undefined, `${s}${suffix}`).toBe(expected)
        }
      ),
      { numRuns: runs(5_000, 200_000) }
    ))

  it("malformed grouping is always refused: one group of a valid number made longer or shorter", () =>
    fc.assert(
      fc.property(
        groupedInteger,
        fc.nat(),
        fc.constantFrom(0, 1, 2, 4, 5),
        fc.string({ unit: digit, minLength: 5, maxLength: 5 }),
        fc.constantFrom("", ",5", ",25"),
        fc.constantFrom(...suffixes),
        (groups, at, length, pool, decimals, suffix) => {
          const all = [groups[0], ...groups[1]]
          const index = at % all.length
          // The first group may hold one to three digits: make it empty or longer than three.
          const broken = index === 0 && length > 0 && length < 4 ? length + 3 : length
          all[index] = pool.slice(0, broken)
          const text = `${all.join(".")}${decimals}`
          for (const [kind, r] of [
            ["number", Vietnamese.parseNumber(text)],
            ["number", Vietnamese.parseNumber(`-${text}`)],
            ["amount", Vietnamese.parseAmount(`${text}${suffix}`)]
          ] as const) {
            const e = refusal(r as Result.Result<number, Vietnamese.InputError>)
            expect([e.kind, e.reason], text).toEqual([kind, "grouping"])
          }
        }
      ),
      { numRuns: runs(3_000, 100_000) }
    ))

  const junk = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 20 }),
    fc.string({
      unit: fc.constantFrom(
        ..."0123456789.,-+/ ",
        "\u00A0",
        "\u202F",
        "\u2212",
        "\u0000",
        "\u0301",
        "\uD800",
        "e",
        "ngày ",
        " tháng ",
        " năm ",
        "nghìn",
        "tỷ",
        "triệu",
        "đồng",
        "đ",
        "VNĐ",
        "₫"
      ),
      maxLength: 16
    }),
    fc.string({ unit: digit, minLength: 990, maxLength: 1010 })
  )

  it("junk never throws: any text gives a success of the right type or an InputError about it", () =>
    fc.assert(
      fc.property(junk, (text) => {
        const checks = [
          ["number", Vietnamese.parseNumber, (u: unknown) => typeof u === "number" && Number.isFinite(u)],
          ["amount", Vietnamese.parseAmount, Schema.is(Vnd.Vnd)],
          ["date", Vietnamese.parseDate, Schema.is(LocalDate.LocalDate)]
        ] as const
        for (const [kind, parse, valid] of checks) {
          const r: Result.Result<unknown, Vietnamese.InputError> = parse(text)
          if (Result.isSuccess(r)) expect(valid(r.success), `${kind} ${JSON.stringify(text)}`).toBe(true)
          else {
            expect(r.failure).toBeInstanceOf(Vietnamese.InputError)
            expect([r.failure.kind, r.failure.input]).toEqual([kind, text])
            expect(r.failure.messages.en.length).toBeGreaterThan(0)
            expect(r.failure.messages.vi).not.toBe(r.failure.messages.en)
            const said = r.failure.messages.en + r.failure.messages.vi
            expect([...said].some((c) => c.charCodeAt(0) < 0x20 || /\p{Cs}/u.test(c))).toBe(false)
          }
        }
      }),
      { numRuns: runs(3_000, 100_000) }
    ))
})
