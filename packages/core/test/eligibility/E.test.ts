import { describe, expect, it } from "@effect/vitest"
import { runs } from "../../../../scripts/properties.js"
import { failure, given, granted, judge, member, memberSubject, unitRated, unitSubject } from "./build.js"
import { holdsToStatement } from "./harness.js"

describe("E1 a Strong Grassroots Union is rated 'completed tasks excellently' for the year by the level above", () => {
  it("over generated careers, E1 fails exactly when the union's rating of the year is below excellent, and is unknown unrated", () => {
    const t = holdsToStatement("E1", { kinds: ["cong-doan-co-so-vung-manh"], numRuns: runs(30, 800) })
    expect(t.fail * t.pass * t.unknown).toBeGreaterThan(0)
  })

  it("Phúc Thọ 2024: Sen Phương, rated excellent by the district, passes; a union rated 'hoàn thành tốt' does not; an unrated one waits", () => {
    const { record } = given(
      unitRated("cdcs-sen-phuong", 2024, "excellent"),
      unitRated("cdcs-doanh-nghiep-2", 2024, "good")
    )
    const strong = (u: string) => judge(record, unitSubject(u), "cong-doan-co-so-vung-manh", 2024)
    expect(strong("cdcs-sen-phuong").eligible).toBe(true)
    expect(failure(strong("cdcs-doanh-nghiep-2"), "E1")?.details).toMatchObject({
      reason: "below-excellent",
      other: "good"
    })
    expect(strong("cdcs-doanh-nghiep-3").unknown.map((u) => u.rule)).toEqual(["E1"])
  })
})

describe("E2 the Good Worker titles form a pyramid: grassroots ⊇ upper level ⊇ the Capital's", () => {
  it("over generated careers, E2 fails exactly when the title of the level below is not held for the year", () => {
    const t = holdsToStatement("E2", {
      kinds: ["cong-nhan-gioi-cap-tren", "cong-nhan-gioi-thu-do"],
      careers: { profiles: { star: 3, steady: 1, weak: 1 } },
      numRuns: runs(30, 800)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  it("a Good Worker of the Capital 2025 is chosen among the upper level's of 2025, who are chosen among the grassroots'", () => {
    const w = memberSubject("m-1")
    const { record } = given(
      member("m-1"),
      granted("cong-nhan-gioi-co-so", w, 2025),
      granted("cong-nhan-gioi-cap-tren", w, 2024)
    )
    expect(judge(record, w, "cong-nhan-gioi-cap-tren", 2025).passed).toContain("E2")
    expect(failure(judge(record, w, "cong-nhan-gioi-thu-do", 2025), "E2")?.details).toEqual({
      subject: "member:m-1",
      year: 2025,
      needs: "cong-nhan-gioi-cap-tren"
    })
    expect(judge(record, w, "cong-nhan-gioi-co-so", 2025).passed).not.toContain("E2")
  })
})
