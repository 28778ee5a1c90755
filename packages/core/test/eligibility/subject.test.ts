import { describe, expect, it } from "@effect/vitest"
import { AwardKind, Eligibility, Record, Rulebook } from "@thidua/core"
import { Careers } from "@thidua/testing"
import fc from "fast-check"
import { runs } from "../../../../scripts/properties.js"
import {
  campaignOf,
  failure,
  given,
  granted,
  judge,
  member,
  memberSubject,
  rated,
  registered,
  revoked,
  transferred,
  UNIT,
  unions,
  unitSubject
} from "./build.js"
import { ask, describeQuestion, fold, holdsToStatement, said } from "./harness.js"
import { type Question, statements, unitOf } from "./statements.js"

const worker = memberSubject("m-1")
const union = unitSubject()
const kinds = Object.keys(AwardKind.catalogue) as Array<AwardKind.AwardKind>

describe("AWARD-SUBJECT an individual kind goes to a member, a collective one to a union, a form to either", () => {
  it("refuses the Advanced Labour Collective title to a member and the Advanced Worker title to a union; a Giấy khen fits both", () => {
    const { record } = given(member("m-1"))
    expect(failure(judge(record, worker, "tap-the-lao-dong-tien-tien", 2024), "AWARD-SUBJECT")).toBeDefined()
    expect(failure(judge(record, union, "lao-dong-tien-tien", 2024), "AWARD-SUBJECT")).toBeDefined()
    expect(judge(record, worker, "giay-khen", 2024).passed).toContain("AWARD-SUBJECT")
    expect(judge(record, union, "giay-khen", 2024).passed).toContain("AWARD-SUBJECT")
  })

  it("over generated careers, every kind asked of every subject: AWARD-SUBJECT follows the catalogue, and a misfit is never eligible", () => {
    let misfits = 0
    fc.assert(
      fc.property(Careers.career({ members: { min: 0, max: 2 } }), fc.nat(), (career, seed) => {
        const j = fold(career)
        const year = career.facts.years[seed % career.facts.years.length]!
        for (const subject of career.subjects)
          for (const kind of kinds) {
            const q: Question = { subject, kind, year, directory: false }
            const expected = statements["AWARD-SUBJECT"](career.facts, q)
            const v = ask(j, q)
            expect(said(v, "AWARD-SUBJECT"), describeQuestion(q)).toBe(expected)
            if (expected === "fail") {
              expect(v.eligible).toBe(false)
              misfits++
            }
          }
      }),
      { numRuns: runs(15, 300) }
    )
    expect(misfits).toBeGreaterThan(0)
  })

  it("Eligibility.explain asks each kind once, and leaves out the kinds that cannot be for the subject", () => {
    const { record } = given(member("m-1"), rated("m-1", 2024, "good"))
    const e = Eligibility.explain(record, worker, 2024, Rulebook.standard, {
      kinds: ["lao-dong-tien-tien", "tap-the-lao-dong-tien-tien", "lao-dong-tien-tien", "giay-khen"]
    })
    expect(e.lines.map((l) => l.kind)).toEqual(["lao-dong-tien-tien", "giay-khen"])
  })
})

describe("U1 an annual title once a year for a subject, across campaigns", () => {
  it("refuses a second Advanced Worker title of 2024 in another campaign; not with the first left out or revoked; a form may come twice", () => {
    const first = granted("lao-dong-tien-tien", worker, 2024, { awardId: "ldtt-1", campaignId: campaignOf(2024) })
    const { record } = given(member("m-1"), first, granted("giay-khen", worker, 2024, { awardId: "gk-1" }))
    expect(failure(judge(record, worker, "lao-dong-tien-tien", 2024), "U1")).toBeDefined()
    expect(judge(record, worker, "lao-dong-tien-tien", 2025).passed).toContain("U1")
    const held = Record.member(record, "m-1")!.grants.find((g) => g.awardId === "ldtt-1")!
    expect(judge(record, worker, "lao-dong-tien-tien", 2024, { excluding: held }).passed).toContain("U1")
    expect(judge(record, worker, "giay-khen", 2024).passed).toContain("U1")
    const undone = given(member("m-1"), first, revoked("ldtt-1", campaignOf(2024)))
    expect(judge(undone.record, worker, "lao-dong-tien-tien", 2024).passed).toContain("U1")
  })

  it("over generated careers, U1 fails exactly when a standing grant of the annual kind is held for the year", () => {
    const t = holdsToStatement("U1", {
      kinds: [
        "lao-dong-tien-tien",
        "chien-si-thi-dua-co-so",
        "tap-the-lao-dong-tien-tien",
        "giay-khen",
        "bang-khen-cap-tinh"
      ],
      numRuns: runs(30, 400)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })
})

describe("a member the directory knows is judged in their own union on the period's end, whatever union the question names", () => {
  // m-1 of CĐCS Trung Thành, moved to CĐCS Sen Phương on 1 June 2024; only Sen Phương registered for 2024.
  const sen = "cdcs-sen-phuong"
  const moved = given(
    unions(UNIT, sen),
    member("m-1", "2015-03-02"),
    transferred("m-1", sen, "2024-06-01"),
    registered(unitSubject(sen), 2024)
  )

  it("G1 counts Sen Phương's registration for 2024, asked as a member of Trung Thành or of Sen Phương; 2023's is Trung Thành's", () => {
    for (const named of [UNIT, sen])
      expect(judge(moved.record, memberSubject("m-1", named), "lao-dong-tien-tien", 2024).passed).toContain("G1")
    expect(failure(judge(moved.record, memberSubject("m-1", sen), "lao-dong-tien-tien", 2023), "G1")).toBeDefined()
  })

  it("a member the directory does not know is judged in the union the question names", () => {
    const { record } = given(registered(unitSubject(sen), 2024), granted("giay-khen", memberSubject("m-9", sen), 2023))
    expect(judge(record, memberSubject("m-9", sen), "lao-dong-tien-tien", 2024).passed).toContain("G1")
    expect(failure(judge(record, memberSubject("m-9", UNIT), "lao-dong-tien-tien", 2024), "G1")).toBeDefined()
  })

  it("over generated careers, questions naming another union than the member's: G1 and T4 read the member's own", () => {
    for (const [rule, kind] of [
      ["G1", "lao-dong-tien-tien"],
      ["T4", "chien-si-thi-dua-co-so"]
    ] as const) {
      const t = holdsToStatement(rule, {
        kinds: [kind],
        careers: { from: { min: 2019, max: 2023 }, units: { min: 2, max: 3 }, members: { min: 2, max: 6 } },
        numRuns: runs(40, 1_000),
        only: (f, q) => q.subject._tag === "Member" && unitOf(f, q) !== q.subject.organizationId
      })
      expect(t.pass + t.fail, rule).toBeGreaterThan(0)
    }
  })

  it("Record: MemberRegistered sets the member's units from their recruitment, replacing the unit learned from an earlier award", () => {
    const { record } = given(
      granted("giay-khen", memberSubject("m-1", "cdcs-cu"), 2022),
      member("m-1", "2023-01-09"),
      transferred("m-1", sen, "2024-06-01")
    )
    expect(Record.member(record, "m-1")?.units).toEqual([
      { organizationId: UNIT, from: "2023-01-09" },
      { organizationId: sen, from: "2024-06-01" }
    ])
  })

  it("Record.years marks a member's year registered when their union registered for it", () => {
    const { record } = given(
      member("m-1"),
      rated("m-1", 2023, "good"),
      rated("m-1", 2024, "good"),
      registered(union, 2024)
    )
    expect(Record.years(record, worker).map((y) => [y.year, y.registered])).toEqual([
      [2023, false],
      [2024, true]
    ])
  })
})
