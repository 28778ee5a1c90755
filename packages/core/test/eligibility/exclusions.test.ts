import { describe, expect, it } from "@effect/vitest"
import { runs } from "../../../../scripts/properties.js"
import {
  covenant,
  disciplined,
  failing,
  failure,
  given,
  granted,
  judge,
  leave,
  member,
  memberSubject,
  rated,
  registered,
  UNIT,
  unitSubject
} from "./build.js"
import { holdsToStatement } from "./harness.js"
import { memberOf } from "./statements.js"

const worker = memberSubject("m-1")
const union = unitSubject()

describe("G1 an emulation title goes only to a subject registered for the year (or to a signer of the covenant)", () => {
  it("over generated careers, G1 fails exactly when neither the subject nor, for a member, their union registered for the year", () => {
    const t = holdsToStatement("G1", {
      kinds: [
        "lao-dong-tien-tien",
        "doan-vien-cong-doan-xuat-sac",
        "tap-the-lao-dong-tien-tien",
        "co-thi-dua-cap-tinh"
      ],
      numRuns: runs(30, 800)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  it("a member counts as registered through their union's approved registration, or their own; a rejected or pending one does not count", () => {
    const title = (record: ReturnType<typeof given>["record"], year = 2024) =>
      judge(record, worker, "lao-dong-tien-tien", year)
    expect(title(given(member("m-1"), registered(union, 2024)).record).passed).toContain("G1")
    expect(title(given(member("m-1"), registered(worker, 2024)).record).passed).toContain("G1")
    expect(failure(title(given(member("m-1"), registered(union, 2024, "rejected")).record), "G1")?.details).toEqual({
      subject: "member:m-1",
      awardKind: "lao-dong-tien-tien"
    })
    expect(failing(title(given(member("m-1"), registered(worker, 2024, "pending")).record))).toContain("G1")
    expect(failing(title(given(member("m-1"), registered(union, 2023)).record))).toContain("G1")
  })

  it("the signers of a cluster's covenant are registered for its year; a form needs no registration", () => {
    const { record } = given(covenant(2024, [UNIT, "cdcs-sen-phuong"]))
    expect(judge(record, unitSubject("cdcs-sen-phuong"), "tap-the-lao-dong-tien-tien", 2024).passed).toContain("G1")
    expect(judge(record, worker, "lao-dong-tien-tien", 2024).passed).toContain("G1")
    expect(judge(given().record, worker, "giay-khen", 2024).passed).not.toContain("G1")
    expect(judge(given().record, worker, "giay-khen", 2024).eligible).toBe(true)
  })
})

describe("V2 no emulation title for a year in which the member was disciplined or administratively sanctioned", () => {
  it("over generated careers, V2 fails exactly when a disciplinary measure is dated in the year", () => {
    const t = holdsToStatement("V2", {
      kinds: ["lao-dong-tien-tien", "chien-si-thi-dua-cap-tinh", "giai-thuong-nguyen-duc-canh"],
      numRuns: runs(30, 800)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  it("a reprimand (khiển trách) of 2024-05-02 bars the 2024 titles, not 2023's or 2025's; so does an administrative sanction", () => {
    const { record } = given(
      member("m-1"),
      disciplined("m-1", "reprimand", "2024-05-02"),
      member("m-2"),
      disciplined("m-2", "administrative", "2024-11-30")
    )
    expect(failure(judge(record, worker, "lao-dong-tien-tien", 2024), "V2")?.details).toEqual({
      memberId: "m-1",
      year: 2024,
      level: "reprimand",
      at: "2024-05-02"
    })
    expect(failing(judge(record, worker, "chien-si-thi-dua-cap-tinh", 2024))).toContain("V2")
    expect(judge(record, worker, "lao-dong-tien-tien", 2023).passed).toContain("V2")
    expect(judge(record, worker, "lao-dong-tien-tien", 2025).passed).toContain("V2")
    expect(failing(judge(record, memberSubject("m-2"), "lao-dong-tien-tien", 2024))).toContain("V2")
  })
})

describe("X1 no emulation title for a member absent 40 working days or more in the year, maternity leave aside", () => {
  it("over generated careers, X1 fails exactly when the non-maternity leave touching the year reaches 40 working days", () => {
    const t = holdsToStatement("X1", {
      kinds: ["lao-dong-tien-tien", "cong-nhan-gioi-co-so"],
      numRuns: runs(30, 800)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  it("40 days of sick leave bar the title, 39 do not; 120 days of maternity leave do not count", () => {
    const absent = (days: number, kind: "sick" | "maternity" = "sick") =>
      judge(
        given(member("m-1"), rated("m-1", 2024, "good"), leave("m-1", kind, "2024-03-01", "2024-06-30", days)).record,
        worker,
        "lao-dong-tien-tien",
        2024
      )
    expect(failure(absent(40), "X1")?.details).toEqual({ memberId: "m-1", year: 2024, days: 40, limit: 40 })
    expect(absent(39).passed).toContain("X1")
    expect(absent(120, "maternity").passed).toContain("X1")
  })

  it("leave spread over two periods adds up; a leave over the new year counts in each year by its share of the leave's calendar days", () => {
    // 2 December 2024 – 30 January 2025: 60 calendar days, 30 in each year; 50 working days, 25 in each.
    const { record } = given(
      member("m-1"),
      leave("m-1", "sick", "2024-02-01", "2024-02-20", 15),
      leave("m-1", "unpaid", "2024-12-02", "2025-01-30", 50)
    )
    expect(failure(judge(record, worker, "lao-dong-tien-tien", 2024), "X1")?.details).toMatchObject({ days: 40 })
    expect(judge(record, worker, "lao-dong-tien-tien", 2025).passed).toContain("X1")
  })

  it("the shares are summed, then rounded to the nearest day: 39 days and half of a 1-day leave over the new year make 40", () => {
    const { record } = given(
      member("m-1"),
      leave("m-1", "sick", "2024-03-01", "2024-04-30", 39),
      leave("m-1", "other", "2024-12-31", "2025-01-01", 1)
    )
    expect(failure(judge(record, worker, "lao-dong-tien-tien", 2024), "X1")?.details).toMatchObject({ days: 40 })
    expect(judge(record, worker, "lao-dong-tien-tien", 2025).passed).toContain("X1")
    const alone = given(member("m-1"), leave("m-1", "sick", "2024-03-01", "2024-04-30", 39))
    expect(judge(alone.record, worker, "lao-dong-tien-tien", 2024).passed).toContain("X1")
  })

  it("over generated careers, members with a leave over a year's end: X1 follows the prorated count", () => {
    const t = holdsToStatement("X1", {
      kinds: ["lao-dong-tien-tien"],
      careers: { years: { min: 3, max: 6 } },
      numRuns: runs(60, 1_000),
      only: (f, q) =>
        memberOf(f, q)?.leave.some(
          (l) => l.kind !== "maternity" && l.period.start.slice(0, 4) !== l.period.end.slice(0, 4)
        ) ?? false
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  it("V2 and X1 are unknown for a member the directory never registered (met through an award)", () => {
    const { record } = given(granted("doan-vien-cong-doan-xuat-sac", memberSubject("m-9"), 2023))
    const v = judge(record, memberSubject("m-9"), "doan-vien-cong-doan-xuat-sac", 2024, {})
    expect(v.unknown.map((u) => u.rule)).toEqual(["V2", "X1"])
    expect(v.failures.map((e) => e.code)).toEqual(["G1"])
  })
})
