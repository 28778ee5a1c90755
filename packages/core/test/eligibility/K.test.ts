import { describe, expect, it } from "@effect/vitest"
import type { Organization } from "@thidua/core"
import { runs } from "../../../../scripts/properties.js"
import {
  cluster,
  disciplined,
  failing,
  failure,
  given,
  granted,
  group,
  judge,
  member,
  memberSubject,
  rated,
  UNIT,
  unions,
  unitRated,
  unitSubject
} from "./build.js"
import { holdsToStatement } from "./harness.js"
import { membersAtYearEnd, type Question } from "./statements.js"

const union = unitSubject()

type Facts = Parameters<NonNullable<Parameters<typeof holdsToStatement>[1]["only"]>>[0]

/** A union with a member sanctioned administratively in the year. */
const administrative = (f: Facts, q: Question) =>
  q.subject._tag === "Unit" &&
  membersAtYearEnd(f, q.subject.organizationId, q.year).some((m) =>
    m.discipline.some((d) => d.level === "administrative" && d.at.startsWith(`${q.year}`))
  )
const crowded = { units: { min: 1, max: 3 }, members: { min: 2, max: 7 }, profiles: { star: 3, steady: 2, weak: 1 } }

/** A union of `n` members, the first `advanced` of them Advanced Workers of `year`. */
const staff = (n: number, advanced: number, year: number, unit = UNIT) =>
  Array.from({ length: n }, (_, i) => [
    member(`m-${i}`, "2015-03-02", unit),
    rated(`m-${i}`, year, "good"),
    ...(i < advanced ? [granted("lao-dong-tien-tien", memberSubject(`m-${i}`, unit), year)] : [])
  ]).flat()

describe("K1 an Advanced Labour Collective has more than half its members Advanced Workers, and none warned or worse", () => {
  it("over generated careers, K1 fails exactly when the statement says so, and is unknown for a union without members", () => {
    const t = holdsToStatement("K1", {
      kinds: ["tap-the-lao-dong-tien-tien"],
      careers: { ...crowded, members: { min: 0, max: 7 } },
      numRuns: runs(40, 1_000)
    })
    expect(t.fail * t.pass * t.unknown).toBeGreaterThan(0)
  })

  // The reading taken: "warning or heavier" is a warning, a demotion, a dismissal.
  it("over generated careers, a union with a member sanctioned administratively is judged on its shares and its warnings", () => {
    const t = holdsToStatement("K1", {
      kinds: ["tap-the-lao-dong-tien-tien"],
      careers: crowded,
      numRuns: runs(60, 1_000),
      only: administrative
    })
    expect(t.pass).toBeGreaterThan(0)
  })

  it("refuses a union where 3 of 10 members are Advanced Workers (the issue's example); accepts 6 of 10; refuses 5 of 10", () => {
    const three = given(...staff(10, 3, 2024))
    expect(failure(judge(three.record, union, "tap-the-lao-dong-tien-tien", 2024), "K1")?.details).toMatchObject({
      advanced: 3,
      members: 10,
      warned: []
    })
    expect(judge(given(...staff(10, 6, 2024)).record, union, "tap-the-lao-dong-tien-tien", 2024).passed).toContain("K1")
    expect(failing(judge(given(...staff(10, 5, 2024)).record, union, "tap-the-lao-dong-tien-tien", 2024))).toContain(
      "K1"
    )
  })

  it("refuses it when a member was warned (cảnh cáo) in the year; a reprimand (khiển trách) does not count", () => {
    const warned = given(...staff(10, 6, 2024), disciplined("m-9", "warning", "2024-05-02"))
    expect(failure(judge(warned.record, union, "tap-the-lao-dong-tien-tien", 2024), "K1")?.details).toMatchObject({
      warned: ["m-9"]
    })
    const reprimanded = given(...staff(10, 6, 2024), disciplined("m-9", "reprimand", "2024-05-02"))
    expect(judge(reprimanded.record, union, "tap-the-lao-dong-tien-tien", 2024).passed).toContain("K1")
  })

  it("counts the members of the union on 31 December: recruited by then, transfers followed", () => {
    const { record } = given(...staff(4, 3, 2024), member("m-late", "2025-01-05"))
    expect(judge(record, union, "tap-the-lao-dong-tien-tien", 2024).passed).toContain("K1")
    expect(judge(given().record, union, "tap-the-lao-dong-tien-tien", 2024).unknown.map((u) => u.rule)).toEqual(["K1"])
  })

  // The reading taken: an administrative sanction (xử phạt hành chính) is not a disciplinary
  // form, so it is not "cảnh cáo or heavier" (V2 names it apart, for individual titles).
  it("accepts a union whose only sanctioned member had an administrative sanction; a demotion or a dismissal bars it", () => {
    const { record } = given(...staff(10, 6, 2024), disciplined("m-9", "administrative", "2024-05-02"))
    expect(judge(record, union, "tap-the-lao-dong-tien-tien", 2024).passed).toContain("K1")
    for (const level of ["demotion", "dismissal"] as const) {
      const heavier = given(...staff(10, 6, 2024), disciplined("m-9", level, "2024-05-02"))
      expect(failure(judge(heavier.record, union, "tap-the-lao-dong-tien-tien", 2024), "K1")?.details).toMatchObject({
        warned: ["m-9"]
      })
    }
  })

  it("with the directory, members kept in a union group (tổ công đoàn) under the union count; without it, only the union's own", () => {
    const { record, directory } = given(
      unions(UNIT),
      group("to-1", UNIT),
      ...staff(4, 3, 2024),
      ...[0, 1, 2].flatMap((i) => [member(`g-${i}`, "2015-03-02", "to-1"), rated(`g-${i}`, 2024, "good")])
    )
    // 3 of the union's own 4 are Advanced Workers: > 50 %; with the group's 3, 3 of 7 are not.
    expect(judge(record, union, "tap-the-lao-dong-tien-tien", 2024).passed).toContain("K1")
    expect(
      failure(judge(record, union, "tap-the-lao-dong-tien-tien", 2024, { directory }), "K1")?.details
    ).toMatchObject({ advanced: 3, members: 7 })
  })
})

describe("K2 an Excellent Labour Collective: every member completed tasks, ≥ 70 % Advanced Workers, a fighter, none warned", () => {
  it("over generated careers, K2 fails exactly when the statement says so, unknown when members are unrated and nothing fails", () => {
    const t = holdsToStatement("K2", {
      kinds: ["tap-the-lao-dong-xuat-sac"],
      careers: { ...crowded, profiles: { star: 5, steady: 1, weak: 0 } },
      numRuns: runs(40, 1_000)
    })
    expect(t.fail * t.pass * t.unknown).toBeGreaterThan(0)
  })

  const fighter = (i: number) => granted("chien-si-thi-dua-co-so", memberSubject(`m-${i}`), 2024)

  it("accepts 7 Advanced Workers of 10 with a fighter among them; refuses 6 of 10, or no fighter, or a member who did not complete tasks", () => {
    const kind = "tap-the-lao-dong-xuat-sac"
    expect(judge(given(...staff(10, 7, 2024), fighter(0)).record, union, kind, 2024).passed).toContain("K2")
    expect(failing(judge(given(...staff(10, 6, 2024), fighter(0)).record, union, kind, 2024))).toContain("K2")
    expect(failing(judge(given(...staff(10, 7, 2024)).record, union, kind, 2024))).toContain("K2")
    const slack = given(...staff(10, 7, 2024), fighter(0), rated("m-9", 2024, "not-completed"))
    expect(failure(judge(slack.record, union, kind, 2024), "K2")?.details).toMatchObject({ members: 10, completed: 9 })
  })

  it("leaves K2 unknown while a member is unrated and nothing else fails", () => {
    const { record } = given(...staff(9, 7, 2024), fighter(0), member("m-new", "2020-01-06"))
    expect(judge(record, union, "tap-the-lao-dong-xuat-sac", 2024).unknown.map((u) => u.rule)).toEqual(["K2"])
  })
})

describe("K3 an Excellent Labour Collective meets the Advanced Labour Collective's criteria", () => {
  it("over generated careers, K3 answers as K1 does", () => {
    const t = holdsToStatement("K3", {
      kinds: ["tap-the-lao-dong-xuat-sac"],
      careers: crowded,
      numRuns: runs(30, 800)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  it("refuses the Excellent title to the union where 3 of 10 are Advanced Workers, on K3 as well as K2", () => {
    const { record } = given(...staff(10, 3, 2024))
    expect(failing(judge(record, union, "tap-the-lao-dong-xuat-sac", 2024))).toEqual(["G1", "K3", "K2"])
  })
})

describe("K4 one emulation flag of a kind per cluster and year", () => {
  it("over generated careers and clusters, K4 fails exactly when another union of a cluster holds the flag", () => {
    const t = holdsToStatement("K4", {
      kinds: ["co-thi-dua-cap-tinh", "co-thi-dua-ldld"],
      careers: { units: { min: 2, max: 4 }, members: { min: 0, max: 1 } },
      numRuns: runs(40, 1_000)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  it("Cụm 2 (Trung Thành, Sen Phương, Doanh nghiệp 1): once Sen Phương holds the city's flag for 2024, Trung Thành's is refused; another kind of flag is not", () => {
    const sen = unitSubject("cdcs-sen-phuong")
    const { record } = given(
      cluster("cum-2", 2024, [UNIT, "cdcs-sen-phuong", "cdcs-doanh-nghiep-1"]),
      granted("co-thi-dua-cap-tinh", sen, 2024)
    )
    expect(failure(judge(record, union, "co-thi-dua-cap-tinh", 2024), "K4")?.details).toMatchObject({
      clusterId: "cum-2",
      holders: ["cdcs-sen-phuong"],
      quota: 1
    })
    expect(judge(record, union, "co-thi-dua-ldld", 2024).passed).toContain("K4")
    expect(judge(record, union, "co-thi-dua-cap-tinh", 2025).passed).toContain("K4")
    expect(judge(record, unitSubject("cdcs-ngoai-cum"), "co-thi-dua-cap-tinh", 2024).passed).toContain("K4")
  })
})

describe("K5 a Government flag goes to a holder of the provincial flag, ≤ 20 % of them (R2003)", () => {
  it("over generated careers, K5 fails exactly when the statement says so", () => {
    const t = holdsToStatement("K5", {
      kinds: ["co-thi-dua-chinh-phu"],
      careers: { units: { min: 3, max: 7 }, members: { min: 0, max: 1 } },
      numRuns: runs(40, 1_000)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  const flags = (year: number, units: ReadonlyArray<string>) =>
    units.map((u) => granted("co-thi-dua-cap-tinh", unitSubject(u), year))
  const five = ["cdcs-a", "cdcs-b", "cdcs-c", "cdcs-d", "cdcs-e"]

  it("2022: of five provincial flag holders one may receive the Government flag (⌊20 % × 5⌋ = 1), not two; 2024: no share", () => {
    const one = given(...flags(2022, five))
    expect(judge(one.record, unitSubject("cdcs-a"), "co-thi-dua-chinh-phu", 2022).passed).toContain("K5")
    const two = given(...flags(2022, five), granted("co-thi-dua-chinh-phu", unitSubject("cdcs-b"), 2022))
    expect(
      failure(judge(two.record, unitSubject("cdcs-a"), "co-thi-dua-chinh-phu", 2022), "K5")?.details
    ).toMatchObject({ provincialFlag: true, count: 2, cap: 1 })
    const later = given(...flags(2024, five), granted("co-thi-dua-chinh-phu", unitSubject("cdcs-b"), 2024))
    expect(judge(later.record, unitSubject("cdcs-a"), "co-thi-dua-chinh-phu", 2024).passed).toContain("K5")
  })

  it("refuses it to a union without the provincial flag of the year", () => {
    const { record } = given(...flags(2023, ["cdcs-a"]))
    const v = judge(record, unitSubject("cdcs-a"), "co-thi-dua-chinh-phu", 2024)
    expect(failure(v, "K5")?.details).toMatchObject({ provincialFlag: false })
  })
})

describe("K6 the city federation's flag goes to a union rated 'completed tasks excellently'", () => {
  it("over generated careers, K6 fails exactly when the union's rating of the year is below excellent, unknown when unrated", () => {
    const t = holdsToStatement("K6", { kinds: ["co-thi-dua-ldld"], numRuns: runs(30, 800) })
    expect(t.fail * t.pass * t.unknown).toBeGreaterThan(0)
  })

  it("a union rated 'hoàn thành tốt' for 2024 is refused; rated 'xuất sắc' it passes; unrated it is to be confirmed", () => {
    const unit = (u: string): Organization.Subject => unitSubject(u)
    const { record } = given(unitRated("cdcs-a", 2024, "good"), unitRated("cdcs-b", 2024, "excellent"))
    expect(failure(judge(record, unit("cdcs-a"), "co-thi-dua-ldld", 2024), "K6")?.details).toMatchObject({
      rating: "good"
    })
    expect(judge(record, unit("cdcs-b"), "co-thi-dua-ldld", 2024).passed).toContain("K6")
    expect(judge(record, unit("cdcs-c"), "co-thi-dua-ldld", 2024).unknown.map((u) => u.rule)).toContain("K6")
  })
})
