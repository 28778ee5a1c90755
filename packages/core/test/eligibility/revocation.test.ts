import { describe, expect, it } from "@effect/vitest"
import { Eligibility, Record, Rulebook } from "@thidua/core"
import { Careers } from "@thidua/testing"
import fc from "fast-check"
import { runs } from "../../../../scripts/properties.js"
import { failure, given, granted, initiative, judge, member, memberSubject, rated, revoked } from "./build.js"
import { describeSubject, fold } from "./harness.js"
import { grantYear, keyOf, type Question, rulesOf, statements } from "./statements.js"

const worker = memberSubject("m-1")
const fighter = (year: number) =>
  granted("chien-si-thi-dua-co-so", worker, year, { awardId: `cstdcs-${year}`, campaignId: `hoang-mai-${year}` })

// Year 1 to 4: 2021–2024. The Confederation's Provincial Emulation Fighter title of 2024 rests on
// the Grassroots titles of 2022, 2023 and 2024 and a provincial initiative (T5); each Grassroots
// title rests on the year's Advanced Worker title and an initiative (T3), within 15 % of the
// union's Advanced Workers under R2003 (T4: six colleagues are Advanced Workers too).
const years = [2021, 2022, 2023, 2024]
const career = [
  member("m-1", "2012-08-01"),
  ...years.flatMap((y) => [
    rated("m-1", y, "excellent"),
    granted("lao-dong-tien-tien", worker, y),
    fighter(y),
    ...[2, 3, 4, 5, 6, 7].map((i) => granted("lao-dong-tien-tien", memberSubject(`m-${i}`), y))
  ]),
  ...[2, 3, 4, 5, 6, 7].map((i) => member(`m-${i}`)),
  initiative("m-1", "2021-04-12"),
  initiative("m-1", "2022-04-12"),
  initiative("m-1", "2023-04-12", { scope: "province" })
]
const provincial = granted("chien-si-thi-dua-cap-tinh", worker, 2024, {
  awardId: "cstd-tinh-2024",
  campaignId: "hoang-mai-2024",
  grantedById: "tld"
})
const revocation = revoked("cstdcs-2022", "hoang-mai-2022", "2025-06-01")

describe("revocation cascades (V1): a Grassroots title of year 2 revoked breaks year 4's Provincial title", () => {
  it("before the revocation the 2024 Provincial Emulation Fighter title passes T5; after it, T5 fails naming 2022", () => {
    expect(judge(given(...career).record, worker, "chien-si-thi-dua-cap-tinh", 2024).passed).toContain("T5")
    const v = judge(given(...career, revocation).record, worker, "chien-si-thi-dua-cap-tinh", 2024)
    expect(v.eligible).toBe(false)
    expect(failure(v, "T5")?.details).toEqual({
      subject: "member:m-1",
      year: 2024,
      missingYears: [2022],
      initiative: true
    })
  })

  it("Eligibility.explain says why: the Provincial line is not eligible, and its text names T5 and 2022", () => {
    const { record } = given(...career, revocation)
    const e = Eligibility.explain(record, worker, 2024, Rulebook.standard, { kinds: ["chien-si-thi-dua-cap-tinh"] })
    expect(e.lines.map((l) => [l.kind, l.status])).toEqual([["chien-si-thi-dua-cap-tinh", "not-eligible"]])
    expect(e.text.en).toMatch(/Ministerial or Provincial Emulation Fighter: not eligible/)
    expect(e.text.en).toMatch(/\[T5\][^\n]*2022/)
    expect(e.text.vi).toMatch(/\[T5\][^\n]*2022/)
    const before = Eligibility.explain(given(...career).record, worker, 2024, Rulebook.standard, {
      kinds: ["chien-si-thi-dua-cap-tinh"]
    })
    expect(before.text.en).not.toMatch(/\[T5\]/)
  })

  it("Eligibility.review lists the Provincial title already granted for 2024 as broken, on T5; nothing before the revocation", () => {
    expect(Eligibility.review(given(...career, provincial).record, worker, Rulebook.standard)).toEqual([])
    const broken = Eligibility.review(given(...career, provincial, revocation).record, worker, Rulebook.standard)
    expect(broken.map((b) => [b.grant.awardId, b.verdict.failures.map((e) => e.code)])).toEqual([
      ["cstd-tinh-2024", ["T5"]]
    ])
    expect(broken[0]!.grant.grantedById).toBe("tld")
  })

  it("the 2023 and 2024 Grassroots titles, which do not rest on 2022's, stay unbroken", () => {
    const { record } = given(...career, provincial, revocation)
    const kinds = Eligibility.review(record, worker, Rulebook.standard).map((b) => b.grant.kind)
    expect(kinds).not.toContain("chien-si-thi-dua-co-so")
    expect(Record.member(record, "m-1")?.grants.find((g) => g.awardId === "cstdcs-2022")?.revoked?.reason).toBe(
      "false-dossier"
    )
  })

  it("over generated careers, review lists exactly the standing grants that the statements, with the grant left out, find failing (G1 and T7 aside)", () => {
    let broken = 0
    fc.assert(
      fc.property(
        Careers.career({ years: { min: 4, max: 6 }, profiles: { star: 3, steady: 1, weak: 1 } }),
        (career) => {
          const j = fold(career)
          const f = career.facts
          for (const subject of career.subjects) {
            const reviewed = Eligibility.review(j.record, subject, Rulebook.standard)
            const got = new Map(
              reviewed.map((r) => [
                `${r.grant.campaignId}/${r.grant.awardId}`,
                r.verdict.failures.map((e) => e.code).sort()
              ])
            )
            for (const g of f.grants) {
              if (keyOf(g.recipient) !== keyOf(subject) || g.revoked !== undefined) continue
              const q: Question = {
                subject,
                kind: g.kind,
                year: grantYear(g),
                directory: false,
                campaignId: g.campaignId,
                excluding: { campaignId: g.campaignId, awardId: g.awardId }
              }
              const rules = rulesOf[g.kind]
              const expected = rules.filter((r) => r !== "G1" && r !== "T7" && statements[r](f, q) === "fail").sort()
              const id = `${g.campaignId}/${g.awardId}`
              expect(got.get(id) ?? [], `${id}\n${describeSubject(f, q)}`).toEqual(expected)
              if (expected.length > 0) broken++
            }
          }
        }
      ),
      { numRuns: runs(40, 1_000) }
    )
    expect(broken).toBeGreaterThan(0)
  })
})
