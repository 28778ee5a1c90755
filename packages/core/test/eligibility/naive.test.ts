/**
 * A second implementation of eligibility, written plainly from the rule statements (the issue's
 * "Rules per kind" and DOMAIN.md (d), §1.5, §2.2, §2.3) and never from the rule sources: the
 * rules of each kind and each rule's statement over a career's facts (./statements.ts), put
 * together by `naive` below. On
 * generated careers and questions it must agree with `Eligibility.eligibility` on whether the
 * subject is eligible and on which rules fail (and which are unknown).
 */
import { describe, expect, it } from "@effect/vitest"
import { type AwardKind, Rulebook } from "@thidua/core"
import { Careers } from "@thidua/testing"
import fc from "fast-check"
import { runs } from "../../../../scripts/properties.js"
import { ask, describeQuestion, describeSubject, type Folded, fold, picker, subjectIn, withOptions } from "./harness.js"
import { memberKinds, type Question, type RuleId, rulesOf, statements, unitKinds } from "./statements.js"

/** Every rule the engine judges eligibility by (the list). */
// biome-ignore format: a list of ids reads best on two lines
const judged: ReadonlyArray<RuleId> = [
  "AWARD-SUBJECT", "U1", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "K1", "K2", "K3", "K4", "K5", "K6",
  "U3", "U4", "U5", "U6", "V2", "X1", "I3", "E1", "E2", "G1"
]

interface Answer {
  readonly eligible: boolean
  readonly failing: ReadonlyArray<string>
  readonly unknown: ReadonlyArray<string>
}

/** The naive eligibility: every rule of the kind, by its statement. */
const naive = (f: Careers.Facts, q: Question, caps: { readonly perTheme?: number }): Answer => {
  const failing: Array<string> = []
  const unknown: Array<string> = []
  for (const rule of rulesOf[q.kind]) {
    const a = statements[rule](f, q, caps)
    if (a === "fail") failing.push(rule)
    if (a === "unknown") unknown.push(rule)
  }
  return { eligible: failing.length === 0, failing: failing.sort(), unknown: unknown.sort() }
}

/** The standard rulebook, or one with the thematic certificates capped at 2 per theme (so the theme's cap is met). */
const books = [
  { rulebook: Rulebook.standard, caps: {} },
  {
    rulebook: {
      ...Rulebook.standard,
      regimes: Rulebook.standard.regimes.map((r) => ({ ...r, params: { ...r.params, thematicMeritPerTheme: 2 } }))
    },
    caps: { perTheme: 2 }
  }
] as const

/** Careers of every shape the rules turn on: the default, long careers of stars, many small unions, crowded unions. */
const careers = fc.oneof(
  Careers.career({ years: { min: 3, max: 6 } }),
  Careers.career({ years: { min: 5, max: 6 }, profiles: { star: 4, steady: 1, weak: 0 } }),
  Careers.career({ units: { min: 3, max: 7 }, members: { min: 0, max: 2 } }),
  Careers.career({ from: { min: 2019, max: 2022 }, units: { min: 1, max: 2 }, members: { min: 4, max: 9 } })
)

/** Ten questions on a career: a kind drawn first (so every kind is asked as often), then a subject it fits, a year. */
const questionsOf = (j: Folded, seed: number): ReadonlyArray<Question> => {
  const pick = picker(seed)
  const f = j.career.facts
  const kinds = Object.keys(rulesOf) as Array<AwardKind.AwardKind>
  const out: Array<Question> = []
  for (let n = 0; n < 10; n++) {
    const kind = kinds[pick(kinds.length)]!
    // One question in eight to any subject, fitting the kind or not (AWARD-SUBJECT).
    const fit =
      pick(8) === 0
        ? j.career.subjects
        : j.career.subjects.filter((s) => (s._tag === "Member" ? memberKinds : unitKinds).includes(kind))
    if (fit.length === 0) continue
    const year = f.years[pick(f.years.length)]!
    out.push(withOptions(f, { subject: subjectIn(f, fit[pick(fit.length)]!, year), kind, year }, pick))
  }
  return out
}

type Tally = Record<string, { fail: number; pass: number; unknown: number }>

/** Runs the comparison: a question's eligibility, failing rules and unknown rules are the statements'. */
const compare = (o: { readonly numRuns: number; readonly seed?: number }): Tally => {
  const tally: Tally = Object.fromEntries(judged.map((r) => [r, { fail: 0, pass: 0, unknown: 0 }]))
  fc.assert(
    fc.property(careers, fc.nat(), fc.nat({ max: 1 }), (career, seed, book) => {
      const j = fold(career)
      const { rulebook, caps } = books[book]!
      for (const q of questionsOf(j, seed)) {
        const v = ask(j, q, rulebook)
        const mine = naive(career.facts, q, caps)
        const engine: Answer = {
          eligible: v.eligible,
          failing: v.failures.map((e) => e.code).sort(),
          unknown: v.unknown.map((u) => u.rule).sort()
        }
        const what = `on ${describeQuestion(q)}${book === 1 ? " (2 per theme)" : ""}\n${describeSubject(career.facts, q)}`
        if (mine.failing.includes("AWARD-SUBJECT")) {
          // A kind that cannot be for the subject: refused on AWARD-SUBJECT, whatever the kind's
          // own rules (their statements do not read a misfit subject) say.
          expect(engine.eligible, what).toBe(false)
          expect(engine.failing, what).toContain("AWARD-SUBJECT")
          tally["AWARD-SUBJECT"]!.fail++
          continue
        }
        expect(engine, what).toEqual(mine)
        for (const r of rulesOf[q.kind]) {
          const t = tally[r]!
          if (mine.failing.includes(r)) t.fail++
          else if (mine.unknown.includes(r)) t.unknown++
          else t.pass++
        }
      }
    }),
    { numRuns: o.numRuns, ...(o.seed !== undefined ? { seed: o.seed } : {}) }
  )
  return tally
}

describe("a naive implementation of eligibility, from the rule statements, agrees with the engine", () => {
  it("on generated careers and questions (1,000 careers, 10,000 with THIDUA_LONG_PROPERTIES=1, 10 questions each): same eligibility, same failing and unknown rules", () => {
    const tally = compare({ numRuns: runs(1_000, 10_000) })
    // Every rule was met failing and passing: the comparison can tell them apart.
    const unseen = judged.filter((r) => tally[r]!.fail === 0 || tally[r]!.pass === 0)
    expect(unseen, JSON.stringify(tally)).toEqual([])
    // 10,000 careers take about a minute on one core.
  }, 300_000)
})
