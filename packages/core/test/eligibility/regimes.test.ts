import { describe, expect, it } from "@effect/vitest"
import { Rulebook } from "@thidua/core"
import { Careers } from "@thidua/testing"
import fc from "fast-check"
import { runs } from "../../../../scripts/properties.js"
import { failing, failure, given, granted, judge, member, memberSubject, rated } from "./build.js"
import { ask, fold, said, subjectIn } from "./harness.js"
import { type Question, type RuleId, statements } from "./statements.js"

// Two workers of CĐCS Trung Thành with the same facts a year apart: recruited on 10 April,
// rated excellent, Advanced Workers of that year, no initiative. Lan's year is 2023 (R2003), Hùng's 2024 (R2024).
const lan = memberSubject("m-lan")
const hung = memberSubject("m-hung")
const { record } = given(
  member("m-lan", "2023-04-10"),
  rated("m-lan", 2023, "excellent"),
  granted("lao-dong-tien-tien", lan, 2023),
  member("m-hung", "2024-04-10"),
  rated("m-hung", 2024, "excellent"),
  granted("lao-dong-tien-tien", hung, 2024)
)

describe("regimes: the same career judged for 2023 (R2003) and for 2024 (R2024)", () => {
  it("T2: eight and a half months of service are short of R2003's ten, and enough for R2024's six", () => {
    const v2023 = judge(record, lan, "lao-dong-tien-tien", 2023)
    const v2024 = judge(record, hung, "lao-dong-tien-tien", 2024)
    expect([v2023.regime, v2024.regime]).toEqual(["R2003", "R2024"])
    expect(failure(v2023, "T2")?.details).toMatchObject({ months: 10 })
    expect(v2024.passed).toContain("T2")
  })

  it("T3: excellence without an initiative makes a Grassroots Emulation Fighter in 2024, not in 2023 (the initiative was required)", () => {
    const v2023 = judge(record, lan, "chien-si-thi-dua-co-so", 2023)
    const v2024 = judge(record, hung, "chien-si-thi-dua-co-so", 2024)
    expect(failure(v2023, "T3")?.details).toMatchObject({ lacks: "initiative" })
    expect(v2024.passed).toContain("T3")
    // and R2003's 15 % share (T4) held Lan back too: one Advanced Worker makes a cap of 0
    expect(failing(v2023)).toContain("T4")
    expect(v2024.passed).toContain("T4")
  })

  // A rulebook whose R2003 stays in force: the same year, judged by the old numbers.
  const oldRules: Rulebook.Rulebook = {
    ...Rulebook.standard,
    regimes: Rulebook.standard.regimes.filter((r) => r.id === "R2003").map(({ to: _, ...r }) => r)
  }

  it("over generated careers of 2024–2026, each year judged by the standard rulebook and by one keeping R2003 in force: T2, T3 and T4 follow the regime's numbers", () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(Careers.career({ from: { min: 2024, max: 2024 }, years: { min: 3, max: 3 } }), (career) => {
        const j = fold(career)
        const f = career.facts
        for (const s of career.subjects.filter((x) => x._tag === "Member"))
          for (const year of f.years)
            for (const [book, regime] of [
              [Rulebook.standard, undefined],
              [oldRules, "R2003"]
            ] as const)
              for (const kind of ["lao-dong-tien-tien", "chien-si-thi-dua-co-so"] as const) {
                const q: Question = {
                  subject: subjectIn(f, s, year),
                  kind,
                  year,
                  directory: false,
                  ...(regime !== undefined ? { regime } : {})
                }
                const v = ask(j, q, book)
                expect(v.regime).toBe(regime ?? (year === 2024 ? "R2024" : "R2025"))
                for (const rule of (kind === "lao-dong-tien-tien" ? ["T2"] : ["T3", "T4"]) as Array<RuleId>) {
                  const expected = statements[rule](f, q)
                  expect(
                    said(v, rule),
                    `${rule} ${kind} ${year} ${v.regime} ${s._tag === "Member" ? s.memberId : ""}`
                  ).toBe(expected)
                  seen.add(`${rule} ${regime ?? "standard"} ${expected}`)
                }
              }
      }),
      { numRuns: runs(30, 800) }
    )
    // Each rule failed under R2003 where it passed under the standard rulebook's regime, somewhere.
    for (const rule of ["T2", "T3", "T4"])
      expect([...seen]).toEqual(expect.arrayContaining([`${rule} R2003 fail`, `${rule} standard pass`]))
  })
})
