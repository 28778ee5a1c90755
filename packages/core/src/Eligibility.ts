/**
 * The eligibility engine: "may this member or unit receive this award for this period — and if
 * not, why". A pure function over the commendation record ({@link Record}) and the rulebook: it runs
 * every rule the award's kind is judged by (individual titles T1–T7, collective titles K1–K6, the
 * exclusions G1, V2, X1, uniqueness and quotas U3–U6, evaluation E1–E2, I3) and returns all the
 * failures, not only the first, each a `DomainError` with the rule id as its code and vi/en
 * messages; rules the record lacks the facts for are listed as unknown, never failed.
 *
 * The period's dates choose the regime: a title for 2023 is judged under R2003 (10 months of
 * service, an initiative required for a Grassroots Emulation Fighter), one for 2024 under R2024.
 *
 * @since 0.6.0
 */
import { Result } from "effect"
import * as AwardKind from "./AwardKind.js"
import type * as Directory from "./directory/state.js"
import { chain } from "./directory/state.js"
import { type Input, isUnknown, unitOn } from "./eligibility/input.js"
import { first, requirements } from "./eligibility/requirements.js"
import type { OrganizationId } from "./Ids.js"
import type { DomainError, Message } from "./internal/domainError.js"
import * as LocalDate from "./LocalDate.js"
import type { Subject } from "./Organization.js"
import type { Code } from "./Rule.js"
import * as Rulebook from "./Rulebook.js"
import { empty, memberOf, unitOf } from "./record/evolve.js"
import type { Grant, State } from "./record/state.js"
import { AWARD_SUBJECT } from "./rules/award/AWARD-SUBJECT.js"

/** A rule the record lacks the facts for. @since 0.6.0 */
export interface Unknown {
  readonly rule: Code
  readonly message: Message
}

/**
 * The answer: eligible when no rule failed; the failures (every one), the rules left unknown, and
 * the rules that passed.
 *
 * @since 0.6.0
 */
export interface Verdict {
  readonly subject: Subject
  readonly awardKind: AwardKind.AwardKind
  readonly period: LocalDate.Period
  readonly year: number
  readonly regime: Rulebook.RegimeId
  readonly eligible: boolean
  readonly failures: ReadonlyArray<DomainError>
  readonly unknown: ReadonlyArray<Unknown>
  readonly passed: ReadonlyArray<Code>
}

/** What else a question may give. @since 0.6.0 */
export interface Options {
  /** The directory: the overrides of the subject's unit and its ancestors, and federations (rule U4). */
  readonly directory?: Directory.State
  /** The campaign the award would be granted in (the theme of thematic certificates, rule U4). */
  readonly campaignId?: string
  /** The council's vote, once held (rule T7). */
  readonly deliberation?: { readonly votesFor: number; readonly councilSize: number }
  /** A grant left out of the record: the one judged again by {@link review}. */
  readonly excluding?: Grant
}

// Questions about subjects the record never met are asked of throwaway records, never of the
// caller's: the record is folded in place.
const emptyMember = (memberId: string) => memberOf(empty(), memberId)

/** The parameters a period is judged by: the regime in force when it ends, with the overrides of the unit's chain. */
const paramsFor = (book: Rulebook.Rulebook, period: LocalDate.Period, unitId: string, directory?: Directory.State) => {
  const regime = Rulebook.regimeOn(book, period.end)
  const ids =
    directory === undefined ? [unitId as OrganizationId] : chain(directory, unitId as OrganizationId, period.end)
  return { regime, params: Rulebook.params(book, regime, ids.length > 0 ? ids : [unitId as OrganizationId]) }
}

/**
 * May `subject` receive `awardKind` for `period`? Every rule of the kind is run; the verdict lists
 * all that fail.
 *
 * @example
 * ```ts
 * import { Eligibility, Record, Rulebook } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const record = Record.fromEvents([
 *   { streamId: "org:hn", event: { _tag: "MemberRegistered", memberId: "m-1", name: "Nguyễn Thị A", organizationId: "cdcs-1", recruitedOn: "2024-08-01", at: "2024-08-01" } },
 *   { streamId: "org:hn", event: { _tag: "MemberRated", memberId: "m-1", year: 2024, rating: "excellent", ratedById: "cdcs-1", at: "2024-12-20" } }
 * ] as never)
 * const worker = { _tag: "Member", memberId: "m-1", organizationId: "cdcs-1" } as never
 * const year = { start: "2024-01-01", end: "2024-12-31" } as never
 * const v = Eligibility.eligibility(record, worker, "lao-dong-tien-tien", year, Rulebook.standard)
 * assert.equal(v.eligible, false)
 * // Not registered for emulation (G1), and recruited less than six months before the year ended (T2):
 * assert.deepEqual(v.failures.map((e) => e.code), ["G1", "T2"])
 * ```
 *
 * @since 0.6.0
 */
export const eligibility = (
  record: State,
  subject: Subject,
  awardKind: AwardKind.AwardKind,
  period: LocalDate.Period,
  rulebook: Rulebook.Rulebook,
  options: Options = {}
): Verdict => {
  const member =
    subject._tag === "Member" ? (record.members.get(subject.memberId) ?? emptyMember(subject.memberId)) : undefined
  const held = member ?? record.units.get(subject.organizationId) ?? unitOf(empty(), subject.organizationId)
  const unitId = (member?.known === true ? unitOn(member, period.end) : undefined) ?? subject.organizationId
  const { regime, params } = paramsFor(rulebook, period, unitId, options.directory)
  const input: Input = {
    record,
    subject,
    held,
    ...(member !== undefined ? { member } : {}),
    unitId,
    kind: awardKind,
    period,
    year: LocalDate.year(period.end),
    params,
    ...(options.directory !== undefined ? { directory: options.directory } : {}),
    ...(options.campaignId !== undefined ? { campaignId: options.campaignId } : {}),
    ...(options.deliberation !== undefined ? { deliberation: options.deliberation } : {}),
    ...(options.excluding !== undefined ? { excluding: options.excluding } : {})
  }
  const failures: Array<DomainError> = []
  const unknown: Array<Unknown> = []
  const passed: Array<Code> = []
  for (const { rule, guard } of [...first, ...requirements[awardKind]]) {
    const o = guard(input)
    if (isUnknown(o)) unknown.push({ rule, message: o.message })
    else if (Result.isFailure(o)) {
      failures.push(o.failure)
      // A kind that is not for this sort of subject is not judged any further.
      if (rule === "AWARD-SUBJECT") break
    } else passed.push(rule)
  }
  return {
    subject,
    awardKind,
    period,
    year: input.year,
    regime: regime.id,
    eligible: failures.length === 0,
    failures,
    unknown,
    passed
  }
}

/**
 * One line of the explain view: an award the subject could aim for in the year, and where it
 * stands: `held` (received and standing), `eligible`, `to-confirm` (no rule fails, some lack facts)
 * or `not-eligible` (what it lacks, rule by rule).
 *
 * @since 0.6.0
 */
export interface Line {
  readonly kind: AwardKind.AwardKind
  readonly label: Message
  readonly status: "held" | "eligible" | "to-confirm" | "not-eligible"
  readonly verdict: Verdict
}

/** The explain view of a subject and a year. @since 0.6.0 */
export interface Explanation {
  readonly subject: Subject
  readonly year: number
  readonly regime: Rulebook.RegimeId
  readonly lines: ReadonlyArray<Line>
  /** The same, as text a union officer reads before the year-end review (bình xét). */
  readonly text: Message
}

// Whether a kind can be for the subject at all: the catalogue's answer, as AWARD-SUBJECT gives it.
const fitsSubject = (subject: Subject, kind: AwardKind.AwardKind): boolean =>
  Result.isSuccess(AWARD_SUBJECT.guards.fits(subject, kind))
const fits = (subject: Subject, kind: AwardKind.AwardKind): boolean =>
  AwardKind.catalogue[kind].category === "title" && fitsSubject(subject, kind)

const statusText = {
  held: { en: "held", vi: "đã đạt" },
  eligible: { en: "eligible", vi: "đủ điều kiện" },
  "to-confirm": { en: "to confirm", vi: "cần xác minh" },
  "not-eligible": { en: "not eligible", vi: "chưa đủ điều kiện" }
} as const

/**
 * For a subject and a year, every emulation title it could aim for and what it lacks: what a
 * union officer looks at before the year-end review. `kinds` narrows the list.
 *
 * @example
 * ```ts
 * import { Eligibility, Record, Rulebook } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const e = Eligibility.explain(Record.empty(), { _tag: "Member", memberId: "m-1", organizationId: "cdcs-1" } as never, 2024, Rulebook.standard, { kinds: ["chien-si-thi-dua-co-so"] })
 * assert.equal(e.lines[0]?.status, "not-eligible")
 * assert.match(e.text.en, /Grassroots Emulation Fighter: not eligible/)
 * assert.match(e.text.vi, /Chiến sĩ thi đua cơ sở: chưa đủ điều kiện/)
 * ```
 *
 * @since 0.6.0
 */
export const explain = (
  record: State,
  subject: Subject,
  year: number,
  rulebook: Rulebook.Rulebook,
  options: Options & { readonly kinds?: ReadonlyArray<AwardKind.AwardKind> } = {}
): Explanation => {
  const period = { start: `${year}-01-01`, end: `${year}-12-31` } as LocalDate.Period
  // Asked kinds once each, and only those that can be for this subject at all.
  const kinds = [...new Set(options.kinds ?? AwardKind.AwardKind.literals)].filter((k) =>
    options.kinds === undefined ? fits(subject, k) : fitsSubject(subject, k)
  )
  const held =
    subject._tag === "Member" ? record.members.get(subject.memberId) : record.units.get(subject.organizationId)
  const lines = kinds.map((kind): Line => {
    const verdict = eligibility(record, subject, kind, period, rulebook, options)
    const has = held?.grants.some((g) => g.kind === kind && g.year === year && g.revoked === undefined) ?? false
    const status = has
      ? "held"
      : !verdict.eligible
        ? "not-eligible"
        : verdict.unknown.length > 0
          ? "to-confirm"
          : "eligible"
    return { kind, label: { en: AwardKind.catalogue[kind].en, vi: AwardKind.catalogue[kind].vi }, status, verdict }
  })
  const regime = Rulebook.regimeOn(rulebook, period.end).id
  const text = (lang: "en" | "vi"): string => {
    const who = subject._tag === "Member" ? subject.memberId : subject.organizationId
    const head = lang === "en" ? `${who}, ${year} (${regime}):` : `${who}, năm ${year} (${regime}):`
    const body = lines.flatMap((l) => [
      `- ${l.label[lang]}: ${statusText[l.status][lang]}`,
      ...(l.status === "held" ? [] : l.verdict.failures.map((f) => `  - [${f.code}] ${f.messages[lang]}`)),
      ...(l.status === "held" ? [] : l.verdict.unknown.map((u) => `  - [${u.rule}?] ${u.message[lang]}`))
    ])
    return [head, ...body].join("\n")
  }
  return { subject, year, regime, lines, text: { en: text("en"), vi: text("vi") } }
}

/**
 * Judges again every standing grant of a subject against the record as it is now, each with
 * itself left out: the grants whose basis broke — a Provincial Emulation Fighter title whose
 * Grassroots years include one since revoked (rule V1) — come back with their failures.
 *
 * @example
 * ```ts
 * import { Eligibility, Record, Rulebook } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.deepEqual(Eligibility.review(Record.empty(), { _tag: "Unit", organizationId: "cdcs-1" } as never, Rulebook.standard), [])
 * ```
 *
 * @since 0.6.0
 */
export const review = (
  record: State,
  subject: Subject,
  rulebook: Rulebook.Rulebook,
  options: Options = {}
): ReadonlyArray<{ readonly grant: Grant; readonly verdict: Verdict }> => {
  const held =
    subject._tag === "Member" ? record.members.get(subject.memberId) : record.units.get(subject.organizationId)
  const out: Array<{ readonly grant: Grant; readonly verdict: Verdict }> = []
  for (const grant of held?.grants ?? []) {
    if (grant.revoked !== undefined) continue
    const verdict = eligibility(record, subject, grant.kind, grant.period, rulebook, {
      ...options,
      campaignId: grant.campaignId,
      excluding: grant
    })
    // Only what history decides counts here: a missing vote or registration is not a broken basis.
    const broken = verdict.failures.filter((f) => f.code !== "G1" && f.code !== "T7")
    // A copy: the record's own grants are folded in place and are not the caller's to change.
    if (broken.length > 0) out.push({ grant: { ...grant }, verdict: { ...verdict, eligible: false, failures: broken } })
  }
  return out
}
