import { describe, expect, it } from "@effect/vitest"
import { Rulebook } from "@thidua/core"
import { runs } from "../../../../scripts/properties.js"
import {
  failing,
  failure,
  given,
  granted,
  judge,
  member,
  memberSubject,
  planned,
  rated,
  UNIT,
  unions,
  unitSubject
} from "./build.js"
import { holdsToStatement } from "./harness.js"
import { memberOf, type Question, ratingOf } from "./statements.js"

type Facts = Parameters<NonNullable<Parameters<typeof holdsToStatement>[1]["only"]>>[0]

const worker = memberSubject("m-1")

describe("U3 within one year, the comprehensive and the thematic certificate of merit exclude each other", () => {
  it("over generated careers, U3 fails exactly when the subject holds the other certificate of the year", () => {
    const t = holdsToStatement("U3", {
      kinds: ["bang-khen-cap-tinh", "bang-khen-chuyen-de-tld"],
      careers: { profiles: { star: 3, steady: 2, weak: 1 } },
      numRuns: runs(25, 800)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  it("a member with the city's Bằng khen for 2024 is refused the Confederation's thematic one for 2024, and the other way round; 2025 is free", () => {
    const { record } = given(member("m-1"), granted("bang-khen-cap-tinh", worker, 2024))
    expect(failure(judge(record, worker, "bang-khen-chuyen-de-tld", 2024), "U3")?.details).toEqual({
      subject: "member:m-1",
      year: 2024,
      holds: "bang-khen-cap-tinh"
    })
    expect(judge(record, worker, "bang-khen-chuyen-de-tld", 2025).passed).toContain("U3")
    const thematic = given(member("m-1"), granted("bang-khen-chuyen-de-tld", worker, 2024))
    expect(failing(judge(thematic.record, worker, "bang-khen-cap-tinh", 2024))).toEqual(["U3"])
  })
})

/** The standard rulebook with the thematic certificates capped at 2 per theme, so that generated careers reach the cap. */
const twoPerTheme: Rulebook.Rulebook = {
  ...Rulebook.standard,
  regimes: Rulebook.standard.regimes.map((r) => ({ ...r, params: { ...r.params, thematicMeritPerTheme: 2 } }))
}

describe("U4 thematic certificates of merit: ≤ 300 per theme and year, ≤ 4 per federation and year", () => {
  const careers = { units: { min: 2, max: 4 }, members: { min: 2, max: 5 } }

  it("over generated careers (the theme's cap lowered to 2), U4 fails exactly when a cap would be passed, unknown without theme or directory", () => {
    const t = holdsToStatement("U4", {
      kinds: ["bang-khen-chuyen-de-tld"],
      careers,
      rulebook: twoPerTheme,
      caps: { perTheme: 2 },
      numRuns: runs(20, 800)
    })
    expect(t.fail * t.pass * t.unknown).toBeGreaterThan(0)
  })

  it("over generated careers with the standard caps, the same", () => {
    const t = holdsToStatement("U4", { kinds: ["bang-khen-chuyen-de-tld"], careers, numRuns: runs(20, 500) })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  const culture = "Văn hóa, Thể thao"

  it("the 301st certificate on «Văn hóa, Thể thao» in 2024 is refused, counted across the two campaigns of that theme", () => {
    const certificates = Array.from({ length: 300 }, (_, i) =>
      granted("bang-khen-chuyen-de-tld", unitSubject(`cdcs-${i}`), 2024, {
        campaignId: i % 2 === 0 ? "van-hoa-2024" : "the-thao-2024"
      })
    )
    const { record } = given(
      planned("van-hoa-2024", 2024, culture),
      planned("the-thao-2024", 2024, culture),
      planned("xanh-sach-dep-2024", 2024, "Xanh – Sạch – Đẹp"),
      ...certificates
    )
    const v = judge(record, unitSubject("cdcs-moi"), "bang-khen-chuyen-de-tld", 2024, { campaignId: "van-hoa-2024" })
    expect(failure(v, "U4")?.details).toEqual({ scope: "theme", value: culture, year: 2024, count: 301, cap: 300 })
    const other = judge(record, unitSubject("cdcs-moi"), "bang-khen-chuyen-de-tld", 2024, {
      campaignId: "xanh-sach-dep-2024"
    })
    expect(other.unknown.map((u) => u.rule)).toEqual(["U4"])
  })

  it("the fifth certificate of 2024 in LĐLĐ Hà Nội is refused; without the directory the federation's cap cannot be counted", () => {
    const units = ["cdcs-a", "cdcs-b", "cdcs-c", "cdcs-d", "cdcs-e"]
    const { record, directory } = given(
      unions(...units),
      planned("gvn-2024", 2024, "Giỏi việc nước, Đảm việc nhà"),
      ...units
        .slice(0, 4)
        .map((u) => granted("bang-khen-chuyen-de-tld", unitSubject(u), 2024, { campaignId: "gvn-2024" }))
    )
    const fifth = judge(record, unitSubject("cdcs-e"), "bang-khen-chuyen-de-tld", 2024, {
      directory,
      campaignId: "gvn-2024"
    })
    expect(failure(fifth, "U4")?.details).toEqual({
      scope: "federation",
      value: "ldld-ha-noi",
      year: 2024,
      count: 5,
      cap: 4
    })
    expect(
      judge(record, unitSubject("cdcs-e"), "bang-khen-chuyen-de-tld", 2025, { directory, campaignId: "gvn-2024" })
        .passed
    ).toContain("U4")
    expect(
      judge(record, unitSubject("cdcs-e"), "bang-khen-chuyen-de-tld", 2024, { campaignId: "gvn-2024" }).unknown.map(
        (u) => u.rule
      )
    ).toEqual(["U4"])
  })
})

/** A congress year, and recruited on 1 January four years before it: five full years on 31 December. */
const fiveYearsToTheDay = (f: Facts, q: Question) =>
  (q.year - 2023) % 5 === 0 && memberOf(f, q)?.recruitedOn === `${q.year - 4}-01-01`

describe("U5 the Nguyen Duc Canh Prize: once per person, in a congress year (2023, 2028, …), after 5 years of service", () => {
  it("over generated careers across the 2023 and 2028 congresses, U5 fails exactly when the statement says so", () => {
    const t = holdsToStatement("U5", {
      kinds: ["giai-thuong-nguyen-duc-canh"],
      careers: { from: { min: 2019, max: 2027 }, years: { min: 3, max: 6 }, profiles: { star: 3, steady: 1, weak: 1 } },
      numRuns: runs(40, 1_000)
    })
    expect(t.fail * t.pass * t.unknown).toBeGreaterThan(0)
  })

  it("2023, the year of the 13th Congress: a worker recruited in 2015 passes; 2024 is no congress year; one recruited in 2020 lacks the service; one awarded before is refused", () => {
    const { record } = given(member("m-1", "2015-09-01"), member("m-2", "2020-02-03"), member("m-3", "2010-01-04"))
    const prize = (id: string, year: number) => judge(record, memberSubject(id), "giai-thuong-nguyen-duc-canh", year)
    expect(prize("m-1", 2023).passed).toContain("U5")
    expect(failure(prize("m-1", 2024), "U5")?.details).toMatchObject({ reason: "not-congress-year" })
    expect(prize("m-1", 2028).passed).toContain("U5")
    expect(failure(prize("m-2", 2023), "U5")?.details).toMatchObject({ reason: "service" })
    const again = given(member("m-3", "2010-01-04"), granted("giai-thuong-nguyen-duc-canh", memberSubject("m-3"), 2023))
    expect(
      failure(judge(again.record, memberSubject("m-3"), "giai-thuong-nguyen-duc-canh", 2028), "U5")?.details
    ).toMatchObject({
      reason: "already-awarded",
      value: "2023"
    })
  })

  // As for T2: the year's last day counts, addMonths(recruitedOn, 60) ≤ 1 January next.
  it("a worker recruited on 2019-01-01 has served five years at the end of 2023; one recruited on 2019-01-02 has not", () => {
    const { record } = given(member("m-1", "2019-01-01"), member("m-2", "2019-01-02"))
    expect(judge(record, memberSubject("m-1"), "giai-thuong-nguyen-duc-canh", 2023).passed).toContain("U5")
    expect(
      failure(judge(record, memberSubject("m-2"), "giai-thuong-nguyen-duc-canh", 2023), "U5")?.details
    ).toMatchObject({ reason: "service" })
  })

  it("over generated careers, members recruited on 1 January four years before a congress year pass on service", () => {
    const t = holdsToStatement("U5", {
      kinds: ["giai-thuong-nguyen-duc-canh"],
      careers: { from: { min: 2021, max: 2023 }, years: { min: 3, max: 6 }, profiles: { star: 3, steady: 1, weak: 1 } },
      numRuns: runs(100, 800),
      only: fiveYearsToTheDay
    })
    expect(t.pass).toBeGreaterThan(0)
  })
})

/** The Prime Minister's certificate for a member with a year of the five unrated and another below good. */
const unratedAndBelowGood = (f: Facts, q: Question) => {
  if (q.kind !== "bang-khen-thu-tuong" || q.subject._tag !== "Member") return false
  const m = memberOf(f, q)
  const rs = [0, 1, 2, 3, 4].map((k) => (m?.known === true ? ratingOf(m, q.year - k) : undefined))
  return rs.includes(undefined) && rs.some((r) => r === "completed" || r === "not-completed")
}

describe("U6 forms need no lower form, but the Prime Minister's certificate needs a provincial one, 3 fighter years and 5 good years", () => {
  const careers = { years: { min: 5, max: 6 }, profiles: { star: 4, steady: 1, weak: 0 } }

  it("over generated careers, U6 fails exactly when the statement says so", () => {
    const t = holdsToStatement("U6", {
      kinds: ["bang-khen-thu-tuong", "giay-khen"],
      careers,
      numRuns: runs(25, 1_000)
    })
    expect(t.fail * t.pass * t.unknown).toBeGreaterThan(0)
  })

  const career = (
    ratings: ReadonlyArray<"excellent" | "good" | "completed" | undefined>,
    fighters = [2020, 2022, 2024]
  ) =>
    given(
      member("m-1"),
      granted("bang-khen-cap-tinh", worker, 2021),
      ...fighters.map((y) => granted("chien-si-thi-dua-co-so", worker, y)),
      ...ratings.flatMap((r, i) => (r === undefined ? [] : [rated("m-1", 2020 + i, r)]))
    )

  it("Bằng khen of the city in 2021, fighter in 2020, 2022, 2024, good or better 2020–2024: the 2024 certificate of the Prime Minister passes", () => {
    const ok = career(["good", "excellent", "good", "good", "excellent"])
    expect(judge(ok.record, worker, "bang-khen-thu-tuong", 2024).passed).toContain("U6")
    expect(
      failing(
        judge(
          career(["good", "excellent", "good", "good", "excellent"], [2022, 2024]).record,
          worker,
          "bang-khen-thu-tuong",
          2024
        )
      )
    ).toEqual(["U6"])
    expect(
      failure(
        judge(career(["good", "completed", "good", "good", "excellent"]).record, worker, "bang-khen-thu-tuong", 2024),
        "U6"
      )?.details
    ).toMatchObject({
      provincialCertificate: true,
      fighterYears: 3
    })
    expect(
      judge(
        career(["good", undefined, "good", "good", "excellent"]).record,
        worker,
        "bang-khen-thu-tuong",
        2024
      ).unknown.map((u) => u.rule)
    ).toEqual(["U6"])
  })

  it("any other form, and the Prime Minister's certificate for a union, need no lower form", () => {
    const { record } = given(member("m-1"))
    for (const kind of ["giay-khen", "bang-khen-ldld", "bang-khen-cap-tinh"] as const)
      expect(judge(record, worker, kind, 2024).passed).toContain("U6")
    expect(judge(record, unitSubject(UNIT), "bang-khen-thu-tuong", 2024).passed).toContain("U6")
  })

  // The reading taken: a year rated below "good" fails whether or not another year is unrated.
  it("2024 unrated, 2020 rated 'completed': U6 fails (a year below good), it is not left unknown", () => {
    const { record } = career(["completed", "good", "good", "good", undefined])
    expect(failing(judge(record, worker, "bang-khen-thu-tuong", 2024))).toEqual(["U6"])
  })

  it("over generated careers, a year below good fails U6 even when another of the five is unrated", () => {
    const t = holdsToStatement("U6", {
      kinds: ["bang-khen-thu-tuong"],
      careers,
      numRuns: runs(100, 800),
      only: unratedAndBelowGood
    })
    expect(t.unknown).toBe(0)
    expect(t.fail).toBeGreaterThan(0)
  })
})
