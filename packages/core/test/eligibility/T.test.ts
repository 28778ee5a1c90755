import { describe, expect, it } from "@effect/vitest"
import { runs } from "../../../../scripts/properties.js"
import { failing, failure, given, granted, initiative, judge, member, memberSubject, rated, UNIT } from "./build.js"
import { holdsToStatement } from "./harness.js"
import { keyOf, memberOf, numbers, type Question, standing } from "./statements.js"

const judgeT = (
  record: ReturnType<typeof given>["record"],
  memberId: string,
  kind: Parameters<typeof judge>[2],
  year: number,
  options: Parameters<typeof judge>[4] = {}
) => judge(record, memberSubject(memberId), kind, year, options)

const stars = { star: 3, steady: 2, weak: 1 }

type Facts = Parameters<NonNullable<Parameters<typeof holdsToStatement>[1]["only"]>>[0]

/** Recruited on the first day of the month that makes the service exactly (1 July; 1 March under R2003). */
const recruitedOnTheTurn = (f: Facts, q: Question) => {
  const m = memberOf(f, q)
  const total = q.year * 12 + 12 - numbers(q).serviceMonths
  return (
    m?.known === true && m.recruitedOn === `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}-01`
  )
}

/** Three provincial titles or more by the year. */
const threeProvincialTitles = (f: Facts, q: Question) =>
  standing(f, q).filter(
    (g) =>
      keyOf(g.recipient) === keyOf(q.subject) &&
      g.kind === "chien-si-thi-dua-cap-tinh" &&
      Number(g.period.end.slice(0, 4)) <= q.year
  ).length >= 3

describe("T1 an Advanced Worker completed their tasks well or better", () => {
  it("over generated careers, T1 fails exactly when the year's rating is below good, and is unknown without one", () => {
    const t = holdsToStatement("T1", { kinds: ["lao-dong-tien-tien"], numRuns: runs(40, 1_000) })
    expect(t.fail * t.pass * t.unknown).toBeGreaterThan(0)
  })

  it('refuses a member rated "hoàn thành nhiệm vụ" (completed) in 2024, accepts "hoàn thành tốt", and leaves an unrated year unknown', () => {
    const { record } = given(
      member("m-1"),
      rated("m-1", 2024, "completed"),
      member("m-2"),
      rated("m-2", 2024, "good"),
      member("m-3")
    )
    const t1 = (id: string) => judgeT(record, id, "lao-dong-tien-tien", 2024)
    expect(failure(t1("m-1"), "T1")?.details).toEqual({ memberId: "m-1", year: 2024, rating: "completed" })
    expect(t1("m-2").passed).toContain("T1")
    expect(t1("m-3").unknown.map((u) => u.rule)).toContain("T1")
  })
})

describe("T2 no Advanced Worker title for a member recruited less than 6 months (10 under R2003) before the year ends", () => {
  it("over generated careers, T2 fails exactly when the months of service by 31 December fall short", () => {
    const t = holdsToStatement("T2", { kinds: ["lao-dong-tien-tien"], numRuns: runs(40, 1_000) })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  // The reading taken: the year's last day counts, addMonths(recruitedOn, months) ≤ 1 January next.
  it("over generated careers, members recruited on 1 July (1 March under R2003) of the year pass T2", () => {
    const t = holdsToStatement("T2", {
      kinds: ["lao-dong-tien-tien"],
      numRuns: runs(60, 1_000),
      only: recruitedOnTheTurn
    })
    expect(t.pass).toBeGreaterThan(0)
    expect(t.fail).toBe(0)
  })

  it("refuses a member recruited on 2024-07-15 the Advanced Worker title of 2024 under R2024 (6 months)", () => {
    const { record } = given(member("m-1", "2024-07-15"), rated("m-1", 2024, "excellent"))
    const v = judgeT(record, "m-1", "lao-dong-tien-tien", 2024)
    expect(v.regime).toBe("R2024")
    expect(failure(v, "T2")?.details).toEqual({ memberId: "m-1", recruitedOn: "2024-07-15", year: 2024, months: 6 })
  })

  it("under R2003 a member recruited on 2023-02-15 has served 10 months by 31/12/2023; one recruited on 2023-04-01 has not (but would have under R2024)", () => {
    const { record } = given(member("m-1", "2023-02-15"), member("m-2", "2023-04-01"), member("m-3", "2024-04-01"))
    expect(judgeT(record, "m-1", "lao-dong-tien-tien", 2023).passed).toContain("T2")
    const v = judgeT(record, "m-2", "lao-dong-tien-tien", 2023)
    expect(v.regime).toBe("R2003")
    expect(failure(v, "T2")?.details).toMatchObject({ months: 10 })
    expect(judgeT(record, "m-3", "lao-dong-tien-tien", 2024).passed).toContain("T2")
  })

  it("leaves T2 unknown for a member the directory never registered (and V2, X1, T1 with it)", () => {
    const { record } = given(granted("lao-dong-tien-tien", memberSubject("m-9"), 2023))
    expect(judgeT(record, "m-9", "lao-dong-tien-tien", 2024).unknown.map((u) => u.rule)).toEqual([
      "V2",
      "X1",
      "T1",
      "T2"
    ])
  })

  // The reading taken: the year's last day counts. July to December is six full months; March
  // to December ten; a day later is short.
  it("accepts a member recruited on 2024-07-01 (July–December: six full months), and on 2023-03-01 under R2003; a day later is short", () => {
    const { record } = given(
      member("m-1", "2024-07-01"),
      member("m-2", "2023-03-01"),
      member("m-3", "2024-07-02"),
      member("m-4", "2023-03-02")
    )
    expect(judgeT(record, "m-1", "lao-dong-tien-tien", 2024).passed).toContain("T2")
    expect(judgeT(record, "m-2", "lao-dong-tien-tien", 2023).passed).toContain("T2")
    expect(failure(judgeT(record, "m-3", "lao-dong-tien-tien", 2024), "T2")?.details).toMatchObject({ months: 6 })
    expect(failure(judgeT(record, "m-4", "lao-dong-tien-tien", 2023), "T2")?.details).toMatchObject({ months: 10 })
  })
})

describe("T3 a Grassroots Emulation Fighter is an Advanced Worker of the year, with an initiative (R2003) or an initiative or excellence (R2024)", () => {
  it("over generated careers, T3 fails exactly when the statement says so", () => {
    const t = holdsToStatement("T3", { kinds: ["chien-si-thi-dua-co-so"], numRuns: runs(40, 1_000) })
    expect(t.fail * t.pass * t.unknown).toBeGreaterThan(0)
  })

  it("refuses a Grassroots Emulation Fighter with no Advanced Worker title that year", () => {
    const { record } = given(
      member("m-1"),
      rated("m-1", 2024, "excellent"),
      initiative("m-1", "2024-05-10"),
      granted("lao-dong-tien-tien", memberSubject("m-1"), 2023)
    )
    const v = judgeT(record, "m-1", "chien-si-thi-dua-co-so", 2024)
    expect(failure(v, "T3")?.details).toEqual({ subject: "member:m-1", year: 2024, lacks: "advanced-worker" })
  })

  it("with the 2024 Advanced Worker title: excellence suffices under R2024, while 2023 (R2003) needs an applied, recognised initiative", () => {
    const { record } = given(
      member("m-1"),
      rated("m-1", 2023, "excellent"),
      rated("m-1", 2024, "excellent"),
      granted("lao-dong-tien-tien", memberSubject("m-1"), 2023),
      granted("lao-dong-tien-tien", memberSubject("m-1"), 2024),
      initiative("m-1", "2023-06-01", { scope: null }),
      initiative("m-1", "2023-07-01", { applied: false })
    )
    expect(judgeT(record, "m-1", "chien-si-thi-dua-co-so", 2024).passed).toContain("T3")
    expect(failure(judgeT(record, "m-1", "chien-si-thi-dua-co-so", 2023), "T3")?.details).toMatchObject({
      lacks: "initiative"
    })
    const withInitiative = given(
      member("m-1"),
      granted("lao-dong-tien-tien", memberSubject("m-1"), 2023),
      initiative("m-1", "2023-07-01", { scope: "unit" })
    )
    expect(judgeT(withInitiative.record, "m-1", "chien-si-thi-dua-co-so", 2023).passed).toContain("T3")
  })

  it("Phúc Thọ 2024, as the seed records it: worker 1 of enterprise union 1, Advanced Worker of 2024 and author of initiative pt2024-sk-1 (applied, recognised by the unit), passes T3; without the Advanced Worker title first, fails it", () => {
    const unit = "cdcs-doanh-nghiep-phuc-tho-1"
    const w1 = memberSubject("phuc-tho-dn1-cnld-01", unit)
    const sk1 = initiative("phuc-tho-dn1-cnld-01", "2024-05-20", {
      unit,
      benefitVnd: 60_000_000,
      campaignId: "phuc-tho-2024"
    })
    const ldtt = granted("lao-dong-tien-tien", w1, 2024, { campaignId: "phuc-tho-2024" })
    expect(judge(given(sk1, ldtt).record, w1, "chien-si-thi-dua-co-so", 2024).passed).toContain("T3")
    expect(failure(judge(given(sk1).record, w1, "chien-si-thi-dua-co-so", 2024), "T3")?.details).toMatchObject({
      lacks: "advanced-worker"
    })
  })
})

describe("T4 Grassroots Emulation Fighters of a union ≤ ⌊15 % of its Advanced Workers⌋ (R2003)", () => {
  it("over generated careers under R2003 (larger unions), T4 fails exactly when the union's fighters would pass the cap", () => {
    const t = holdsToStatement("T4", {
      kinds: ["chien-si-thi-dua-co-so"],
      careers: {
        from: { min: 2019, max: 2022 },
        units: { min: 1, max: 2 },
        members: { min: 5, max: 9 },
        profiles: stars
      },
      numRuns: runs(25, 600)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  const advanced = (n: number, year: number) =>
    Array.from({ length: n }, (_, i) => [
      member(`m-${i}`),
      granted("lao-dong-tien-tien", memberSubject(`m-${i}`), year)
    ]).flat()

  it("refuses a fighter in 2020 in a union of six Advanced Workers (cap ⌊0.9⌋ = 0), accepts one with seven (cap 1), refuses a second with seven", () => {
    const six = given(...advanced(6, 2020))
    expect(failure(judgeT(six.record, "m-0", "chien-si-thi-dua-co-so", 2020), "T4")?.details).toEqual({
      unitId: UNIT,
      count: 1,
      cap: 0
    })
    const seven = given(...advanced(7, 2020))
    expect(judgeT(seven.record, "m-0", "chien-si-thi-dua-co-so", 2020).passed).toContain("T4")
    const second = given(...advanced(7, 2020), granted("chien-si-thi-dua-co-so", memberSubject("m-1"), 2020))
    expect(failing(judgeT(second.record, "m-0", "chien-si-thi-dua-co-so", 2020))).toContain("T4")
  })

  it("counts fighters across campaigns, and not at all from 2024", () => {
    const { record } = given(
      ...advanced(7, 2020),
      granted("chien-si-thi-dua-co-so", memberSubject("m-1"), 2020, { campaignId: "chuyen-de-2020" }),
      ...advanced(2, 2024)
    )
    expect(failing(judgeT(record, "m-0", "chien-si-thi-dua-co-so", 2020))).toContain("T4")
    expect(judgeT(record, "m-0", "chien-si-thi-dua-co-so", 2024).passed).toContain("T4")
  })
})

describe("T5 a Provincial Emulation Fighter holds the Grassroots title in each of 3 consecutive years and a provincial initiative", () => {
  it("over generated careers, T5 fails exactly when a fighter year or the provincial initiative is missing", () => {
    const t = holdsToStatement("T5", {
      kinds: ["chien-si-thi-dua-cap-tinh"],
      careers: { years: { min: 3, max: 6 }, profiles: stars },
      numRuns: runs(40, 1_000)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  const fighter = (year: number) => granted("chien-si-thi-dua-co-so", memberSubject("m-1"), year)

  it("CSTĐCS 2021, 2022, 2023 and a provincial initiative of 2022: the 2023 Provincial Emulation Fighter title passes T5", () => {
    const { record } = given(
      member("m-1"),
      fighter(2021),
      fighter(2022),
      fighter(2023),
      initiative("m-1", "2022-04-01", { scope: "province" })
    )
    expect(judgeT(record, "m-1", "chien-si-thi-dua-cap-tinh", 2023).passed).toContain("T5")
  })

  it("refuses it with 2022 missing, or with only a unit-scope initiative, naming what lacks", () => {
    const gap = given(
      member("m-1"),
      fighter(2021),
      fighter(2023),
      initiative("m-1", "2022-04-01", { scope: "national" })
    )
    expect(failure(judgeT(gap.record, "m-1", "chien-si-thi-dua-cap-tinh", 2023), "T5")?.details).toMatchObject({
      missingYears: [2022],
      initiative: true
    })
    const unitOnly = given(
      member("m-1"),
      fighter(2021),
      fighter(2022),
      fighter(2023),
      initiative("m-1", "2022-04-01", { scope: "unit" })
    )
    expect(failure(judgeT(unitOnly.record, "m-1", "chien-si-thi-dua-cap-tinh", 2023), "T5")?.details).toMatchObject({
      missingYears: [],
      initiative: false
    })
  })
})

describe("T6 a National Emulation Fighter holds two consecutive Provincial titles and a national initiative", () => {
  const careers = { years: { min: 5, max: 6 }, profiles: { star: 1, steady: 0, weak: 0 } }

  it("over generated careers, T6 fails exactly when the statement says so", () => {
    const t = holdsToStatement("T6", {
      kinds: ["chien-si-thi-dua-toan-quoc"],
      careers,
      numRuns: runs(40, 1_000)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  // The reading taken: any run of two or more consecutive titles counts, its window opening
  // at its first title.
  it("over generated careers with three provincial titles or more, T6 reads every run of consecutive titles", () => {
    const t = holdsToStatement("T6", {
      kinds: ["chien-si-thi-dua-toan-quoc"],
      careers,
      numRuns: runs(60, 1_000),
      only: threeProvincialTitles
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  it("CSTĐ tỉnh 2019, 2022, 2024 with a national initiative of 2019: the 2024 national title passes T6 (2019–2022 are consecutive)", () => {
    const { record } = given(
      member("m-1"),
      provincial(2019),
      provincial(2022),
      provincial(2024),
      initiative("m-1", "2019-05-01", { scope: "national" })
    )
    expect(judgeT(record, "m-1", "chien-si-thi-dua-toan-quoc", 2024).passed).toContain("T6")
  })

  const provincial = (year: number, campaignId?: string) =>
    granted("chien-si-thi-dua-cap-tinh", memberSubject("m-1"), year, {
      ...(campaignId !== undefined ? { campaignId, awardId: `cstd-tinh-${year}-${campaignId}` } : {})
    })

  it("CSTĐ tỉnh 2018, 2020, 2023 (a run of three) with a national initiative of 2016: the 2024 national title passes T6 (window from 2018 − 3 + 1); one of 2015 is too early", () => {
    const run = [member("m-1"), provincial(2018), provincial(2020), provincial(2023)]
    const ok = given(...run, initiative("m-1", "2016-05-01", { scope: "national" }))
    expect(judgeT(ok.record, "m-1", "chien-si-thi-dua-toan-quoc", 2024).passed).toContain("T6")
    const early = given(...run, initiative("m-1", "2015-05-01", { scope: "national" }))
    expect(failing(judgeT(early.record, "m-1", "chien-si-thi-dua-toan-quoc", 2024))).toContain("T6")
  })

  it("two provincial titles of the same year (two campaigns) are one title: no run", () => {
    const { record } = given(
      member("m-1"),
      provincial(2023, "hoang-mai-2023"),
      provincial(2023, "chuyen-de-2023"),
      initiative("m-1", "2023-05-01", { scope: "national" })
    )
    expect(failing(judgeT(record, "m-1", "chien-si-thi-dua-toan-quoc", 2024))).toContain("T6")
  })

  it("CSTĐ tỉnh 2020 and 2023 with a national initiative of 2021: the 2024 national title passes T6; 2019 and 2023 (4 years apart) do not", () => {
    const ok = given(
      member("m-1"),
      provincial(2020),
      provincial(2023),
      initiative("m-1", "2021-05-01", { scope: "national" })
    )
    expect(judgeT(ok.record, "m-1", "chien-si-thi-dua-toan-quoc", 2024).passed).toContain("T6")
    const apart = given(
      member("m-1"),
      provincial(2019),
      provincial(2023),
      initiative("m-1", "2021-05-01", { scope: "national" })
    )
    expect(failing(judgeT(apart.record, "m-1", "chien-si-thi-dua-toan-quoc", 2024))).toContain("T6")
  })

  it("a provincial initiative does not do for the national one", () => {
    const { record } = given(
      member("m-1"),
      provincial(2020),
      provincial(2023),
      initiative("m-1", "2021-05-01", { scope: "province" })
    )
    expect(failure(judgeT(record, "m-1", "chien-si-thi-dua-toan-quoc", 2024), "T6")?.details).toMatchObject({
      initiative: false
    })
  })
})

describe("T7 the council votes for a Provincial or National Emulation Fighter with ≥ 90 % of all its members (R2003)", () => {
  it("over generated careers and votes, T7 passes exactly when the votes reach the share, and is unknown before the vote", () => {
    const t = holdsToStatement("T7", {
      kinds: ["chien-si-thi-dua-cap-tinh", "chien-si-thi-dua-toan-quoc"],
      numRuns: runs(30, 800)
    })
    expect(t.fail * t.pass * t.unknown).toBeGreaterThan(0)
  })

  it("2020: 17 of a council of 20 (85 %) is not enough, 18 (90 %) is; 2024: half the council, 10 of 20", () => {
    const { record } = given(member("m-1"))
    const vote = (year: number, votesFor: number) =>
      judgeT(record, "m-1", "chien-si-thi-dua-cap-tinh", year, { deliberation: { votesFor, councilSize: 20 } })
    expect(failing(vote(2020, 17))).toContain("T7")
    expect(vote(2020, 18).passed).toContain("T7")
    expect(vote(2024, 10).passed).toContain("T7")
    expect(failing(vote(2024, 9))).toContain("T7")
    expect(judgeT(record, "m-1", "chien-si-thi-dua-cap-tinh", 2024).unknown.map((u) => u.rule)).toContain("T7")
  })
})
