/**
 * What an eligibility guard reads: the record, the subject and its record, the award and the year,
 * the parameters of the regime in force for the period; and what a guard answers besides pass and
 * refuse: `unknown`, when the record lacks the facts the rule needs (a host that keeps no member
 * files still gets every rule judged that the log itself can judge).
 *
 * @internal
 */
import type { Result } from "effect"
import type { AwardKind } from "../AwardKind.js"
import type * as Directory from "../directory/state.js"
import { isWithin } from "../directory/state.js"
import type { OrganizationId } from "../Ids.js"
import type { DomainError, Message } from "../internal/domainError.js"
import type * as LocalDate from "../LocalDate.js"
import type { Rating } from "../member/schema.js"
import type { Subject } from "../Organization.js"
import type * as Rulebook from "../Rulebook.js"
import type { Grant, Subject as Held, Member, State, Unit } from "../record/state.js"

/** What a guard reads. @internal */
export interface Input {
  readonly record: State
  readonly subject: Subject
  /** The subject's record; empty when the record never met it. */
  readonly held: Held
  /** The member's record, for an individual subject. */
  readonly member?: Member
  /** The unit the subject belongs to for the year: a known member's own unit at the year's end (the directory's word), else the subject's. */
  readonly unitId: string
  readonly kind: AwardKind
  readonly period: LocalDate.Period
  readonly year: number
  readonly params: Rulebook.Params
  readonly directory?: Directory.State
  /** The campaign the award would be granted in (for the theme of thematic certificates, rule U4). */
  readonly campaignId?: string
  /** The council's vote, when one was held (rule T7). */
  readonly deliberation?: { readonly votesFor: number; readonly councilSize: number }
  /** A grant the judgement leaves out: the one being judged again (`Eligibility.review`). */
  readonly excluding?: Grant
}

/** A rule the record cannot judge: the facts it lacks. @internal */
export interface Unknown {
  readonly _tag: "Unknown"
  readonly message: Message
}

/** A guard's answer. @internal */
export type Outcome = Result.Result<void, DomainError> | Unknown

/** The rule cannot be judged. @internal */
export const unknown = (en: string, vi: string): Unknown => ({ _tag: "Unknown", message: { en, vi } })

/** Whether an outcome is `unknown`. @internal */
export const isUnknown = (o: Outcome): o is Unknown => (o as Unknown)._tag === "Unknown"

/** A grant that counts: not revoked, and not the one left out. @internal */
export const counts = (input: Input, g: Grant): boolean => g.revoked === undefined && g !== input.excluding

/** Whether the subject holds a standing `kind` for `year`. @internal */
export const holds = (input: Input, held: Held, kind: AwardKind, year: number): boolean =>
  held.grants.some((g) => g.kind === kind && g.year === year && counts(input, g))

/** The standing grants of `kind` of a subject, oldest first. @internal */
export const standing = (input: Input, held: Held, kind: AwardKind): ReadonlyArray<Grant> =>
  held.grants.filter((g) => g.kind === kind && counts(input, g)).sort((a, b) => a.year - b.year)

/** The unit managing a member on a day (its first unit before it was registered). @internal */
export const unitOn = (m: Member, date: LocalDate.LocalDate): string | undefined => {
  // Off the rolls: a leaver counts in no unit's shares from the day they left.
  if (m.leftOn !== undefined && m.leftOn <= date) return undefined
  let unit = m.units[0]?.organizationId
  for (const u of m.units) if (u.from <= date) unit = u.organizationId
  return unit
}

/** The last day of a year. @internal */
export const yearEnd = (year: number): LocalDate.LocalDate => `${year}-12-31` as LocalDate.LocalDate

// Members by unit at the end of a year, per record: built once for each year asked and kept while
// the record folds nothing new (a unit's shares are asked of every unit at the year-end review).
const byUnit = new WeakMap<State, { events: number; years: Map<number, Map<string, Array<Member>>> }>()
const unitsAt = (record: State, year: number): Map<string, Array<Member>> => {
  let cached = byUnit.get(record)
  if (cached === undefined || cached.events !== record.events) {
    cached = { events: record.events, years: new Map() }
    byUnit.set(record, cached)
  }
  let units = cached.years.get(year)
  if (units === undefined) {
    units = new Map()
    const end = yearEnd(year)
    for (const m of record.members.values()) {
      if (!m.known || m.recruitedOn === undefined || m.recruitedOn > end) continue
      const unit = unitOn(m, end)
      if (unit === undefined) continue
      const list = units.get(unit)
      if (list === undefined) units.set(unit, [m])
      else list.push(m)
    }
    cached.years.set(year, units)
  }
  return units
}

/**
 * The members of a unit at the end of a year, as the record knows them: registered members
 * recruited by then and managed by the unit on that day, or by one of its union groups (tổ công
 * đoàn) when the directory is given.
 *
 * @internal
 */
export const membersOf = (
  record: State,
  unitId: string,
  year: number,
  directory?: Directory.State
): ReadonlyArray<Member> => {
  const units = unitsAt(record, year)
  if (directory === undefined) return units.get(unitId) ?? []
  const end = yearEnd(year)
  const out: Array<Member> = []
  for (const [id, members] of units)
    if (id === unitId || isWithin(directory, unitId as OrganizationId, id as OrganizationId, end)) out.push(...members)
  return out
}

/** The rating of a year, if any. @internal */
export const ratingOf = (held: Held, year: number): Rating | undefined => held.ratings.get(year)

const rank: Record<Rating, number> = { excellent: 3, good: 2, completed: 1, "not-completed": 0 }

/** Whether a rating is at least another. @internal */
export const atLeast = (r: Rating, floor: Rating): boolean => rank[r] >= rank[floor]

/** Vietnamese and English names of the ratings. @internal */
export const ratingLabel: Record<Rating, Message> = {
  excellent: { en: "completed tasks excellently", vi: "hoàn thành xuất sắc nhiệm vụ" },
  good: { en: "completed tasks well", vi: "hoàn thành tốt nhiệm vụ" },
  completed: { en: "completed tasks", vi: "hoàn thành nhiệm vụ" },
  "not-completed": { en: "did not complete tasks", vi: "không hoàn thành nhiệm vụ" }
}

/** Whether an initiative counts in a year range at least at a scope (rules I1, I2). @internal */
export const hasInitiative = (
  held: Held,
  from: number,
  to: number,
  scope: "unit" | "province" | "national"
): boolean => {
  const need = scope === "national" ? 2 : scope === "province" ? 1 : 0
  return held.initiatives.some(
    (i) =>
      i.year >= from &&
      i.year <= to &&
      i.applied &&
      !i.rejected &&
      i.scope !== undefined &&
      (i.scope === "national" ? 2 : i.scope === "province" ? 1 : 0) >= need
  )
}

/** The member record of a subject, when it is a member the directory knows. @internal */
export const knownMember = (input: Input): Member | undefined => (input.member?.known ? input.member : undefined)

/** The record of a unit, made empty when never met (queries only). @internal */
export const unitRecord = (record: State, organizationId: string): Unit | undefined => record.units.get(organizationId)
