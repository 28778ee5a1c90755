/**
 * Asking the eligibility engine about generated careers, and holding its answer for one rule to
 * the rule's statement (./statements.ts) computed from the same career's facts.
 */
import { expect } from "@effect/vitest"
import {
  type AwardKind,
  Directory,
  Eligibility,
  type Ids,
  type LocalDate,
  type Organization,
  Record,
  Rulebook
} from "@thidua/core"
import { Careers } from "@thidua/testing"
import fc from "fast-check"
import { type Answer, memberKinds, type Question, type RuleId, statements, unitKinds, unitOn } from "./statements.js"

/** A career folded: its record, and its directory (the unions and clusters). */
export interface Folded {
  readonly career: Careers.Career
  readonly record: Record.State
  readonly directory: Directory.State
}

export const fold = (career: Careers.Career): Folded => {
  let directory = Directory.initialFor(career.facts.tenantId as Ids.TenantId)
  for (const { event } of career.events)
    if (event._tag === "OrganizationRegistered" || event._tag === "ClusterFormed")
      directory = Directory.evolve(directory, event)
  return { career, record: Record.fromEvents(career.events), directory }
}

export const yearPeriod = (year: number): LocalDate.Period =>
  ({ start: `${year}-01-01`, end: `${year}-12-31` }) as LocalDate.Period

/** A member as asked about for a year: naming the union managing them on 31 December. */
export const subjectIn = (f: Careers.Facts, s: Organization.Subject, year: number): Organization.Subject => {
  if (s._tag === "Unit") return s
  const m = f.members.find((x) => x.memberId === s.memberId)!
  return { ...s, organizationId: unitOn(m, `${year}-12-31`) as Ids.OrganizationId }
}

/** The engine's verdict on a question. */
export const ask = (j: Folded, q: Question, rulebook: Rulebook.Rulebook = Rulebook.standard): Eligibility.Verdict => {
  const held = Record.of(j.record, q.subject)
  const excluding =
    q.excluding === undefined
      ? undefined
      : held?.grants.find((g) => g.awardId === q.excluding!.awardId && g.campaignId === q.excluding!.campaignId)
  return Eligibility.eligibility(j.record, q.subject, q.kind, yearPeriod(q.year), rulebook, {
    ...(q.directory ? { directory: j.directory } : {}),
    ...(q.campaignId !== undefined ? { campaignId: q.campaignId } : {}),
    ...(q.deliberation !== undefined ? { deliberation: q.deliberation } : {}),
    ...(excluding !== undefined ? { excluding } : {})
  })
}

/** What the verdict says of one rule; `absent` when the kind is not judged by it. */
export const said = (v: Eligibility.Verdict, rule: string): Answer | "absent" =>
  v.failures.some((e) => e.code === rule)
    ? "fail"
    : v.unknown.some((u) => u.rule === rule)
      ? "unknown"
      : v.passed.includes(rule as never)
        ? "pass"
        : "absent"

/** A small deterministic stream of numbers, for the options of the questions of one career. */
export const picker = (seed: number) => {
  let a = seed >>> 0
  return (n: number): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (((t ^ (t >>> 14)) >>> 0) % n) as number
  }
}

/** The options of a question, drawn: the directory, a campaign (of the year or not), a vote, a grant left out. */
export const withOptions = (
  f: Careers.Facts,
  base: Pick<Question, "subject" | "kind" | "year">,
  pick: (n: number) => number
): Question => {
  const campaigns = f.campaigns.filter((c) => c.period.end.startsWith(`${base.year}`))
  const campaign =
    pick(4) === 0
      ? undefined
      : pick(5) === 0
        ? f.campaigns[pick(f.campaigns.length)]
        : campaigns[pick(campaigns.length)]
  const size = 5 + pick(21)
  const own = f.grants.filter((g) =>
    g.recipient._tag === "Unit"
      ? base.subject._tag === "Unit" && g.recipient.organizationId === base.subject.organizationId
      : base.subject._tag === "Member" && g.recipient.memberId === base.subject.memberId
  )
  const excluded = own.length > 0 && pick(8) === 0 ? own[pick(own.length)] : undefined
  // Now and then a member is asked about naming another union than theirs: a member the
  // directory knows is judged in their own union all the same (G1, T4).
  const elsewhere = base.subject._tag === "Member" && f.units.length > 1 && pick(6) === 0
  const subject = elsewhere
    ? { ...base.subject, organizationId: f.units[pick(f.units.length)]! as Ids.OrganizationId }
    : base.subject
  return {
    ...base,
    subject,
    directory: pick(3) !== 0,
    ...(campaign !== undefined ? { campaignId: campaign.campaignId } : {}),
    ...(pick(3) !== 0 ? { deliberation: { votesFor: pick(size + 1), councilSize: size } } : {}),
    ...(excluded !== undefined ? { excluding: { campaignId: excluded.campaignId, awardId: excluded.awardId } } : {})
  }
}

/** Every question a career raises for some kinds: each subject the kind fits, each year. */
export const questions = (
  j: Folded,
  kinds: ReadonlyArray<AwardKind.AwardKind>,
  seed: number
): ReadonlyArray<Question> => {
  const pick = picker(seed)
  const f = j.career.facts
  const out: Array<Question> = []
  for (const s of j.career.subjects)
    for (const kind of kinds) {
      if (!(s._tag === "Member" ? memberKinds : unitKinds).includes(kind)) continue
      for (const year of f.years) out.push(withOptions(f, { subject: subjectIn(f, s, year), kind, year }, pick))
    }
  return out
}

const describeQuestion = (q: Question) =>
  `${q.kind} for ${q.year} to ${q.subject._tag === "Unit" ? q.subject.organizationId : `${q.subject.memberId} (${q.subject.organizationId})`}` +
  `${q.directory ? ", with the directory" : ""}${q.campaignId !== undefined ? `, in ${q.campaignId}` : ""}` +
  `${q.deliberation !== undefined ? `, vote ${q.deliberation.votesFor}/${q.deliberation.councilSize}` : ""}` +
  `${q.excluding !== undefined ? `, leaving out ${q.excluding.awardId}` : ""}`

export interface Tally {
  pass: number
  fail: number
  unknown: number
}

/** The facts of the subject asked about, for a failure's message. */
export const describeSubject = (f: Careers.Facts, q: Question): string => {
  const key = q.subject._tag === "Unit" ? q.subject.organizationId : q.subject.memberId
  return Careers.describe(f)
    .split("\n")
    .filter((line, i, lines) => {
      if (!line.startsWith("    ")) return line.includes(key)
      // a member's own lines follow their heading
      let k = i
      while (k > 0 && lines[k]!.startsWith("    ")) k--
      return lines[k]!.includes(key)
    })
    .join("\n")
}

/**
 * For every generated career and every question on `kinds`, the verdict's answer for `rule` is
 * the statement's. Returns how often the statement passed, failed and was unknown, so that a test
 * can show the rule was met both ways.
 */
export const holdsToStatement = (
  rule: RuleId,
  o: {
    readonly kinds: ReadonlyArray<AwardKind.AwardKind>
    readonly careers?: Careers.Options
    readonly numRuns: number
    readonly rulebook?: Rulebook.Rulebook
    readonly caps?: { readonly perTheme?: number }
    readonly seed?: number
    /** Hold only these questions (the turning cases a decision settled, say). */
    readonly only?: (f: Careers.Facts, q: Question) => boolean
  }
): Tally => {
  const tally: Tally = { pass: 0, fail: 0, unknown: 0 }
  fc.assert(
    fc.property(Careers.career(o.careers), fc.nat(), (career, seed) => {
      const j = fold(career)
      for (const q of questions(j, o.kinds, seed)) {
        if (o.only !== undefined && !o.only(career.facts, q)) continue
        const expected = statements[rule](career.facts, q, o.caps)
        const v = ask(j, q, o.rulebook)
        expect(
          said(v, rule),
          `${rule} on ${describeQuestion(q)}: ${v.failures.map((e) => e.message).join("; ")}\n${describeSubject(career.facts, q)}`
        ).toBe(expected)
        tally[expected]++
      }
    }),
    { numRuns: o.numRuns, ...(o.seed !== undefined ? { seed: o.seed } : {}) }
  )
  return tally
}

export { describeQuestion }
