/**
 * Careers: fast-check arbitraries of members' careers across three to six years and several
 * campaigns, for the commendation record and the eligibility engine. A tenant has a federation,
 * a district union and a few grassroots unions (in clusters some years); its members are
 * recruited (some late in a year, some on the first of a month or on 1 January five years
 * before a year, where the service rules turn),
 * rated each year (or not), on leave (maternity or not), disciplined now and then, registered for
 * emulation (or not), authors of initiatives recognised at the unit, province or national scope
 * (or applied and never recognised, or rejected); they and their unions hold titles and forms,
 * deserved or not, and some are revoked.
 *
 * A career comes as the facts it was made from (plain data a test reads to say what a rule
 * should answer, without asking the engine), the ordered log `Record.fromEvents` folds
 * (directory events on `org:<tenant>`, campaign events on `campaign:<id>`, each campaign planned
 * with its theme), and the subjects to question. Every event decodes with `Event.DomainEvent`.
 *
 * @example
 * ```ts
 * import { Event, Record } from "@thidua/core"
 * import { Careers } from "@thidua/testing"
 * import { Schema } from "effect"
 * import fc from "fast-check"
 * import assert from "node:assert"
 *
 * const [career] = fc.sample(Careers.career({ years: { min: 4, max: 4 } }), { numRuns: 1, seed: 7 })
 * assert.equal(career!.facts.years.length, 4)
 * for (const { event } of career!.events) Schema.decodeUnknownSync(Event.DomainEvent)(event)
 * const record = Record.fromEvents(career!.events)
 * for (const m of career!.facts.members.filter((m) => m.known)) assert.equal(Record.member(record, m.memberId)?.known, true)
 * ```
 *
 * @since 0.6.0
 */
import type { AwardKind, Event, Organization } from "@thidua/core"
import fc from "fast-check"

type Arb<A> = fc.Arbitrary<A>

/** A yearly rating. @since 0.6.0 */
export type Rating = "excellent" | "good" | "completed" | "not-completed"

/**
 * What kind of worker a member is, which weighs their ratings, initiatives and awards: a `star`
 * is rated excellently most years and authors initiatives, a `weak` one seldom completes tasks
 * well. Titles are granted with some chance whatever the facts, so that undeserved ones are
 * common.
 *
 * @since 0.6.0
 */
export type Profile = "star" | "steady" | "weak"

/** An inclusive range of integers. @since 0.6.0 */
export interface Range {
  readonly min: number
  readonly max: number
}

/**
 * The sizes of the careers generated. The defaults are small: 3–4 years from 2019–2025 (so that
 * many careers straddle the change of regime on 1 January 2024), 2–3 grassroots unions of 1–4
 * members.
 *
 * @since 0.6.0
 */
export interface Options {
  /** Consecutive years the careers span, within 3–6. */
  readonly years?: Range
  /** The first year. */
  readonly from?: Range
  /** Grassroots unions. */
  readonly units?: Range
  /** Members per grassroots union. */
  readonly members?: Range
  /** Weights of the profiles (default star 1, steady 2, weak 1). */
  readonly profiles?: { readonly star: number; readonly steady: number; readonly weak: number }
  /** Whether a member the directory never registered (met through an award) may appear (default true). */
  readonly outsiders?: boolean
}

/** A period of days, as the events carry it. @since 0.6.0 */
export interface Period {
  readonly start: string
  readonly end: string
}

/** A campaign: one regular campaign a year, and some years a thematic one (over one or two years). @since 0.6.0 */
export interface Campaign {
  readonly campaignId: string
  readonly form: "regular" | "thematic"
  readonly title: string
  readonly theme: string
  readonly period: Period
}

/** A cluster (cụm) or block (khối) formed for a year by the district union. @since 0.6.0 */
export interface Cluster {
  readonly clusterId: string
  readonly kind: "cluster" | "block"
  readonly year: number
  readonly memberIds: ReadonlyArray<string>
}

/** A member's facts. An outsider (`known: false`) has no recruitment date, rating, leave or discipline. @since 0.6.0 */
export interface Member {
  readonly memberId: string
  readonly name: string
  readonly profile: Profile
  readonly known: boolean
  readonly recruitedOn?: string
  readonly gender?: "female" | "male"
  /** The union managing the member from each date on (the first from the registration, i.e. recruitment). */
  readonly units: ReadonlyArray<{ readonly organizationId: string; readonly from: string }>
  readonly ratings: ReadonlyArray<{ readonly year: number; readonly rating: Rating }>
  readonly leave: ReadonlyArray<{
    readonly kind: "maternity" | "sick" | "unpaid" | "other"
    readonly period: Period
    readonly workingDays: number
  }>
  readonly discipline: ReadonlyArray<{
    readonly level: "reprimand" | "warning" | "demotion" | "dismissal" | "administrative"
    readonly at: string
  }>
}

/**
 * A pledge signed in a campaign: a `registration` (of a member when it has a `subject`, else of
 * its signing union) that is approved, rejected or left pending; or a `covenant` /
 * `union-management` pledge, binding its signers once signed.
 *
 * @since 0.6.0
 */
export interface Pledge {
  readonly pledgeId: string
  readonly campaignId: string
  readonly kind: "registration" | "covenant" | "union-management"
  readonly signerIds: ReadonlyArray<string>
  readonly subject?: Organization.Subject
  readonly period: Period
  readonly at: string
  readonly outcome: "approved" | "rejected" | "pending"
}

/** An initiative recorded in a campaign, by a member (or by a union when `memberId` is absent). @since 0.6.0 */
export interface Initiative {
  readonly initiativeId: string
  readonly campaignId: string
  readonly unitId: string
  readonly memberId?: string
  readonly recordedOn: string
  readonly title: string
  readonly benefitVnd: number
  readonly applied: boolean
  readonly recognized?: "unit" | "province" | "national"
  readonly rejected: boolean
}

/** A title or form granted in a campaign, and its revocation if any. @since 0.6.0 */
export interface Grant {
  readonly awardId: string
  readonly campaignId: string
  readonly recipient: Organization.Subject
  readonly kind: AwardKind.AwardKind
  readonly grantedById: string
  readonly period: Period
  readonly at: string
  readonly revoked?: {
    readonly reason: "fraudulent-declaration" | "false-dossier" | "unlawful-appraisal" | "violation-in-period"
    readonly at: string
  }
}

/** Everything a career was made from. @since 0.6.0 */
export interface Facts {
  readonly tenantId: string
  readonly federationId: string
  readonly districtId: string
  /** The grassroots unions. */
  readonly units: ReadonlyArray<string>
  readonly years: ReadonlyArray<number>
  readonly campaigns: ReadonlyArray<Campaign>
  readonly clusters: ReadonlyArray<Cluster>
  readonly members: ReadonlyArray<Member>
  readonly unitRatings: ReadonlyArray<{
    readonly organizationId: string
    readonly year: number
    readonly rating: Rating
  }>
  readonly pledges: ReadonlyArray<Pledge>
  readonly initiatives: ReadonlyArray<Initiative>
  readonly grants: ReadonlyArray<Grant>
}

/** One event of the log and its stream. @since 0.6.0 */
export interface Logged {
  readonly streamId: string
  readonly event: Event.DomainEvent
}

/**
 * A career: its facts, its log in order, and the subjects to question (every member, naming the
 * union managing them at the end of the last year, and every grassroots union).
 *
 * @since 0.6.0
 */
export interface Career {
  readonly facts: Facts
  readonly events: ReadonlyArray<Logged>
  readonly subjects: ReadonlyArray<Organization.Subject>
}

// ---------------------------------------------------------------------------------------------
// small arbitraries
// ---------------------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, "0")
const DAY = 86_400_000
const toDay = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY
const fromDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10)
/** The day `n` (0-based) of a year, the last day for larger `n`. */
const dayOfYear = (year: number, n: number) => fromDay(Math.min(toDay(`${year}-01-01`) + n, toDay(`${year}-12-31`)))

/** A day between two days, both included. @since 0.6.0 */
export const dayBetween = (from: string, to: string): Arb<string> =>
  fc.integer({ min: toDay(from), max: toDay(to) }).map(fromDay)

/** True with the given percentage; shrinks towards false. @since 0.6.0 */
export const chance = (percent: number): Arb<boolean> => fc.integer({ min: 1, max: 100 }).map((n) => n > 100 - percent)

/** `null` or a value, the value with the given percentage; shrinks towards `null`. @since 0.6.0 */
export const maybe = <A>(percent: number, arbitrary: Arb<A>): Arb<A | null> =>
  fc.oneof({ weight: 100 - percent, arbitrary: fc.constant(null) }, { weight: percent, arbitrary })

// One of some values, by weight; shrinks towards the first. (One integer: cheaper than `fc.oneof`.)
const pick = <A>(entries: ReadonlyArray<readonly [number, A]>, n: number): A => {
  for (const [w, a] of entries) {
    if (n < w) return a
    n -= w
  }
  return entries[entries.length - 1]![1]
}
const total = (entries: ReadonlyArray<readonly [number, unknown]>) => entries.reduce((n, [w]) => n + w, 0)
const weighted = <A>(...entries: ReadonlyArray<readonly [number, A]>): Arb<A> => {
  const kept = entries.filter(([w]) => w > 0)
  return fc.integer({ min: 0, max: total(kept) - 1 }).map((n) => pick(kept, n))
}

/** Working days of leave, often near the 40-day limit (rule X1). @since 0.6.0 */
export const workingDays: Arb<number> = fc.oneof(
  fc.integer({ min: 1, max: 25 }),
  fc.constantFrom(20, 39, 40, 41),
  fc.integer({ min: 25, max: 90 })
)

/** An initiative's benefit in VND, often at the Creative Labour thresholds (rule I3). @since 0.6.0 */
export const benefit: Arb<number> = fc.oneof(
  fc.constantFrom(0, 5_000_000, 20_000_000, 39_999_999, 40_000_000, 45_000_000, 79_999_999, 80_000_000, 120_000_000),
  fc.integer({ min: 0, max: 150_000_000 })
)

// ---------------------------------------------------------------------------------------------
// what is drawn: plain numbers, read by profile and year when the facts are made, so that each
// shrinks on its own (no `chain`): a counterexample loses members, years and titles one by one
// ---------------------------------------------------------------------------------------------

const memberKinds = [
  "lao-dong-tien-tien",
  "chien-si-thi-dua-co-so",
  "chien-si-thi-dua-cap-tinh",
  "chien-si-thi-dua-toan-quoc",
  "bang-khen-cap-tinh",
  "bang-khen-chuyen-de-tld",
  "bang-khen-thu-tuong",
  "giai-thuong-nguyen-duc-canh",
  "bang-lao-dong-sang-tao",
  "cong-nhan-gioi-co-so",
  "cong-nhan-gioi-cap-tren",
  "cong-nhan-gioi-thu-do",
  "doan-vien-cong-doan-xuat-sac",
  "gioi-viec-nuoc-dam-viec-nha",
  "giay-khen"
] as const satisfies ReadonlyArray<AwardKind.AwardKind>

const unitKinds = [
  "tap-the-lao-dong-tien-tien",
  "tap-the-lao-dong-xuat-sac",
  "co-thi-dua-cap-tinh",
  "co-thi-dua-ldld",
  "co-thi-dua-chinh-phu",
  "cong-doan-co-so-vung-manh",
  "bang-khen-cap-tinh",
  "bang-khen-chuyen-de-tld",
  "giay-khen"
] as const satisfies ReadonlyArray<AwardKind.AwardKind>

// The chance (in %) of each title or form in a year, by profile, whatever the facts: stars hold
// the ladders (T3, T5, T6) often enough, and everyone holds titles they do not deserve now and then.
const memberOdds: Record<Profile, ReadonlyArray<number>> = {
  //      LĐTT CSTĐCS tỉnh TQ  BK-tỉnh BK-CĐ TTg NĐC LĐST CNG-cs CNG-ct CNG-TĐ ĐVXS GVN GK
  star: [92, 75, 35, 12, 30, 15, 12, 8, 15, 40, 25, 10, 30, 10, 15],
  steady: [60, 20, 4, 2, 8, 12, 2, 2, 5, 25, 10, 3, 20, 8, 10],
  weak: [25, 6, 2, 1, 3, 6, 1, 1, 2, 10, 5, 1, 5, 3, 5]
}
//               TTLĐTT TTLĐXS Cờ-tỉnh Cờ-LĐLĐ Cờ-CP CĐCS-VM BK-tỉnh BK-CĐ GK
const unitOdds = [55, 30, 35, 30, 20, 40, 15, 20, 15]
const outsiderOdds = [50, 30, 0, 0, 0, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0]

const ratings: Record<Profile | "unit", ReadonlyArray<readonly [number, Rating | undefined]>> = {
  star: [
    [14, "excellent"],
    [4, "good"],
    [1, "completed"],
    [2, undefined]
  ],
  steady: [
    [3, "excellent"],
    [8, "good"],
    [5, "completed"],
    [1, "not-completed"],
    [3, undefined]
  ],
  weak: [
    [1, "excellent"],
    [3, "good"],
    [8, "completed"],
    [5, "not-completed"],
    [3, undefined]
  ],
  unit: [
    [6, "excellent"],
    [4, "good"],
    [2, "completed"],
    [1, "not-completed"],
    [2, undefined]
  ]
}
// Drawn as a number below 100, read by profile: each table is scaled to 100.
const byProfile = <A>(table: ReadonlyArray<readonly [number, A]>, n: number): A =>
  pick(table, Math.floor((n * total(table)) / 100))

const scopes: Record<Profile, ReadonlyArray<readonly [number, Initiative["recognized"]]>> = {
  star: [
    [4, "unit"],
    [4, "province"],
    [2, "national"],
    [1, undefined]
  ],
  steady: [
    [6, "unit"],
    [2, "province"],
    [1, "national"],
    [2, undefined]
  ],
  weak: [
    [6, "unit"],
    [2, "province"],
    [1, "national"],
    [2, undefined]
  ]
}

const reasons = weighted<NonNullable<Grant["revoked"]>["reason"]>(
  [1, "fraudulent-declaration"],
  [1, "false-dossier"],
  [1, "unlawful-appraisal"],
  [1, "violation-in-period"]
)

type Outcome = Pledge["outcome"] | "none"

interface DrawnInitiative {
  readonly benefitVnd: number
  readonly applied: boolean
  /** Below 100, read by profile as the scope recognised (or none). */
  readonly scope: number
  readonly rejected: boolean
  readonly thematic: boolean
  readonly day: number
}

interface DrawnYear {
  /** Below 100, read by profile. */
  readonly rating: number
  readonly leave: ReadonlyArray<{
    readonly kind: Member["leave"][number]["kind"]
    readonly day: number
    readonly length: number
    readonly workingDays: number
  }>
  readonly discipline: { readonly level: Member["discipline"][number]["level"]; readonly day: number } | null
  readonly initiatives: ReadonlyArray<DrawnInitiative>
  readonly registration: Outcome
  /** 1–100 for each kind: granted when above 100 less the profile's odds. */
  readonly awards: ReadonlyArray<number>
  /** The index of a title or form of the year revoked later, if granted. */
  readonly revoked: number | null
  readonly reason: NonNullable<Grant["revoked"]>["reason"]
}

interface DrawnMember {
  readonly profile: Profile
  readonly recruitment: { readonly mode: number; readonly back: number; readonly month: number; readonly day: number }
  readonly gender: "female" | "male" | null
  readonly transfer: { readonly to: number; readonly year: number; readonly day: number } | null
  readonly years: ReadonlyArray<DrawnYear>
}

interface DrawnUnitYear {
  readonly rating: number
  readonly registration: Outcome
  readonly initiative: DrawnInitiative | null
  readonly awards: ReadonlyArray<number>
  readonly revoked: number | null
  readonly reason: NonNullable<Grant["revoked"]>["reason"]
}

interface DrawnCalendarYear {
  readonly thematic: { readonly theme: number; readonly span: number } | null
  readonly clusters: ReadonlyArray<{ readonly memberIds: ReadonlyArray<number>; readonly covenant: boolean }>
}

interface Drawn {
  readonly first: number
  readonly length: number
  readonly years: ReadonlyArray<DrawnCalendarYear>
  readonly units: ReadonlyArray<{
    readonly years: ReadonlyArray<DrawnUnitYear>
    readonly members: ReadonlyArray<DrawnMember>
  }>
  readonly outsider: {
    readonly unit: number
    readonly years: ReadonlyArray<{
      readonly awards: ReadonlyArray<number>
      readonly initiative: DrawnInitiative | null
    }>
  } | null
}

const below100 = fc.nat({ max: 99 })
const day = fc.nat({ max: 364 })
const record = <T>(r: { [K in keyof T]: Arb<T[K]> }): Arb<T> => fc.record(r, { noNullPrototype: true }) as Arb<T>
const fixed = <A>(a: Arb<A>, n: number) => fc.array(a, { minLength: n, maxLength: n })
const draws = (n: number) => fixed(fc.integer({ min: 1, max: 100 }), n)

const initiative: Arb<DrawnInitiative> = record({
  benefitVnd: benefit,
  applied: chance(85),
  scope: below100,
  rejected: chance(8),
  thematic: chance(25),
  day
})

const memberRegistration = weighted<Outcome>([10, "none"], [3, "approved"], [1, "rejected"], [1, "pending"])
const unitRegistration = weighted<Outcome>([14, "approved"], [2, "rejected"], [2, "pending"], [2, "none"])

const drawnYear: Arb<DrawnYear> = record({
  rating: below100,
  leave: fc.array(
    record({
      kind: weighted<Member["leave"][number]["kind"]>([3, "sick"], [2, "maternity"], [1, "unpaid"], [1, "other"]),
      day,
      length: fc.nat({ max: 60 }),
      workingDays
    }),
    { maxLength: 2 }
  ),
  discipline: maybe(
    12,
    record({
      level: weighted<Member["discipline"][number]["level"]>(
        [3, "reprimand"],
        [2, "warning"],
        [1, "demotion"],
        [1, "dismissal"],
        [2, "administrative"]
      ),
      day
    })
  ),
  initiatives: fc.array(initiative, { maxLength: 2 }),
  registration: memberRegistration,
  awards: draws(memberKinds.length),
  revoked: maybe(15, fc.nat({ max: 4 })),
  reason: reasons
})

const profileOf = (o: Options): Arb<Profile> => {
  const w = o.profiles ?? { star: 1, steady: 2, weak: 1 }
  return weighted<Profile>([w.steady, "steady"], [w.star, "star"], [w.weak, "weak"])
}

const drawnMember = (o: Options, years: number, units: number): Arb<DrawnMember> =>
  record({
    profile: profileOf(o),
    recruitment: record({
      mode: weighted([4, 0], [1, 1], [2, 2], [2, 3], [1, 4]),
      back: fc.integer({ min: 1, max: 12 }),
      month: fc.nat({ max: 11 }),
      day
    }),
    gender: maybe(80, fc.constantFrom("female" as const, "male" as const)),
    transfer:
      units > 1
        ? maybe(10, record({ to: fc.nat({ max: units - 1 }), year: fc.nat({ max: years - 1 }), day }))
        : fc.constant(null),
    years: fixed(drawnYear, years)
  })

const drawnUnitYear: Arb<DrawnUnitYear> = record({
  rating: below100,
  registration: unitRegistration,
  initiative: maybe(20, initiative),
  awards: draws(unitKinds.length),
  revoked: maybe(15, fc.nat({ max: 4 })),
  reason: reasons
})

const themes = [
  "Lao động giỏi, Lao động sáng tạo",
  "Xanh – Sạch – Đẹp, Bảo đảm an toàn vệ sinh lao động",
  "Văn hóa, Thể thao",
  "Giỏi việc nước, Đảm việc nhà"
] as const

const calendarYear = (units: number): Arb<DrawnCalendarYear> =>
  record({
    thematic: maybe(45, record({ theme: fc.nat({ max: themes.length - 1 }), span: fc.integer({ min: 1, max: 2 }) })),
    clusters: fc.array(
      record({
        memberIds: fc.subarray(
          Array.from({ length: units }, (_, i) => i),
          { minLength: 1 }
        ),
        covenant: chance(30)
      }),
      { maxLength: 2 }
    )
  })

// ---------------------------------------------------------------------------------------------
// the facts
// ---------------------------------------------------------------------------------------------

const names = [
  "Nguyễn Thị Lan",
  "Trần Văn Hùng",
  "Lê Thị Hoa",
  "Phạm Văn Minh",
  "Hoàng Thị Mai",
  "Vũ Văn Nam",
  "Đặng Thị Thu",
  "Bùi Văn Long"
]

const abbreviation: Partial<Record<AwardKind.AwardKind, string>> = {
  "lao-dong-tien-tien": "ldtt",
  "chien-si-thi-dua-co-so": "cstdcs",
  "chien-si-thi-dua-cap-tinh": "cstd-tinh",
  "chien-si-thi-dua-toan-quoc": "cstd-tq",
  "tap-the-lao-dong-tien-tien": "ttldtt",
  "tap-the-lao-dong-xuat-sac": "ttldxs"
}

const firstOfMonths = [1, 2, 3, 4, 6, 7, 8, 12]

/**
 * The recruitment date drawn: years before the career, the first of a month, late in a career
 * year, or 1 January four years before a career year (five full years of service on its
 * 31 December, rule U5).
 */
const recruitedOn = (r: DrawnMember["recruitment"], years: ReadonlyArray<number>): string => {
  const first = years[0]!
  const during = years[r.back % years.length]!
  switch (r.mode) {
    case 0:
      return dayOfYear(first - r.back, r.day)
    case 1:
      return `${first - 1 - (r.back % 7)}-${pad(r.month + 1)}-01`
    case 2:
      return `${during}-${pad(firstOfMonths[r.month % firstOfMonths.length]!)}-01`
    case 4:
      return `${during - 4}-01-01`
    default:
      return dayOfYear(during, 151 + (r.day % 214))
  }
}

const facts = (d: Drawn): Facts => {
  const tenantId = "hn"
  const federationId = "ldld-ha-noi"
  const districtId = "ldld-hoang-mai"
  const years = Array.from({ length: d.length }, (_, i) => d.first + i)
  const units = d.units.map((_, i) => `cdcs-${i + 1}`)
  const whole = (y: number): Period => ({ start: `${y}-01-01`, end: `${y}-12-31` })
  const regular = (y: number) => `${tenantId}-${y}`
  const campaigns: Array<Campaign> = []
  const clusters: Array<Cluster> = []
  const pledges: Array<Pledge> = []
  years.forEach((y, i) => {
    campaigns.push({
      campaignId: regular(y),
      form: "regular",
      title: `Phong trào thi đua năm ${y}`,
      theme: themes[0],
      period: whole(y)
    })
    const t = d.years[i]!.thematic
    if (t !== null)
      campaigns.push({
        campaignId: `${tenantId}-${y}-cd`,
        form: "thematic",
        title: `Thi đua chuyên đề ${y}`,
        theme: themes[t.theme]!,
        period: { start: `${y}-01-01`, end: `${y + t.span - 1}-12-31` }
      })
    d.years[i]!.clusters.forEach((c, k) => {
      const memberIds = c.memberIds.filter((u) => u < units.length).map((u) => units[u]!)
      if (memberIds.length === 0) return
      const clusterId = `cum-${y}-${k + 1}`
      clusters.push({ clusterId, kind: k === 0 ? "cluster" : "block", year: y, memberIds })
      if (c.covenant)
        pledges.push({
          pledgeId: `giao-uoc-${clusterId}`,
          campaignId: regular(y),
          kind: k === 0 ? "covenant" : "union-management",
          signerIds: memberIds,
          period: whole(y),
          at: `${y}-02-15`,
          outcome: "pending"
        })
    })
  })
  // The thematic campaign whose period ends in a year; one running in a year.
  const thematicEnding = (y: number) => campaigns.find((c) => c.form === "thematic" && c.period.end === `${y}-12-31`)
  const thematicStarting = (y: number) =>
    campaigns.find((c) => c.form === "thematic" && c.period.start === `${y}-01-01`)
  const thematicRunning = (y: number) =>
    campaigns.find((c) => c.form === "thematic" && c.period.start <= `${y}-12-31` && `${y}-01-01` <= c.period.end)

  const members: Array<Member> = []
  const initiatives: Array<Initiative> = []
  const grants: Array<Grant> = []
  const unitRatings: Array<Facts["unitRatings"][number]> = []
  let n = 0

  const grant = (
    recipient: Organization.Subject,
    key: string,
    kind: AwardKind.AwardKind,
    y: number,
    revoked: boolean,
    reason: NonNullable<Grant["revoked"]>["reason"]
  ) => {
    const thematic = kind === "bang-khen-chuyen-de-tld" ? thematicEnding(y) : undefined
    const campaignId = thematic?.campaignId ?? regular(y)
    const period =
      thematic !== undefined
        ? thematic.period
        : kind === "giay-khen"
          ? { start: `${y}-03-01`, end: `${y}-06-30` }
          : whole(y)
    const grantor =
      kind === "lao-dong-tien-tien" || kind === "chien-si-thi-dua-co-so" || kind === "cong-nhan-gioi-co-so"
        ? recipient.organizationId
        : kind === "bang-khen-thu-tuong" || kind === "co-thi-dua-chinh-phu" || kind === "chien-si-thi-dua-toan-quoc"
          ? "tld"
          : federationId
    grants.push({
      awardId: `${key}-${abbreviation[kind] ?? kind}-${y}`,
      campaignId,
      recipient,
      kind,
      grantedById: grantor,
      period,
      at: `${y + 1}-01-${pad(10 + (grants.length % 15))}`,
      ...(revoked ? { revoked: { reason, at: `${y + 2}-03-0${1 + (grants.length % 9)}` } } : {})
    })
  }

  const recordInitiative = (
    drawn: DrawnInitiative,
    profile: Profile,
    owner: { readonly unitId: string; readonly memberId?: string },
    y: number,
    key: string
  ) => {
    const thematic = drawn.thematic ? thematicRunning(y) : undefined
    const recognized = byProfile(scopes[profile], drawn.scope)
    initiatives.push({
      initiativeId: `sk-${key}-${y}-${++n}`,
      campaignId: thematic?.campaignId ?? regular(y),
      ...owner,
      recordedOn: dayOfYear(y, drawn.day),
      title: `Sáng kiến cải tiến số ${n}`,
      benefitVnd: drawn.benefitVnd,
      applied: drawn.applied,
      ...(recognized !== undefined ? { recognized } : {}),
      rejected: drawn.rejected
    })
  }

  d.units.forEach((u, ui) => {
    const unitId = units[ui]!
    u.members.forEach((m, mi) => {
      const memberId = `m-${ui + 1}-${mi + 1}`
      const recruited = recruitedOn(m.recruitment, years)
      const unitsOf: Array<{ organizationId: string; from: string }> = [{ organizationId: unitId, from: recruited }]
      if (m.transfer !== null && m.transfer.to !== ui && m.transfer.to < units.length) {
        const at = dayOfYear(years[m.transfer.year % years.length]!, m.transfer.day)
        if (at > recruited) unitsOf.push({ organizationId: units[m.transfer.to]!, from: at })
      }
      const unitOnEnd = (y: number) => {
        let current = unitsOf[0]!.organizationId
        for (const x of unitsOf) if (x.from <= `${y}-12-31`) current = x.organizationId
        return current
      }
      const since = Number(recruited.slice(0, 4))
      const gender = m.gender ?? undefined
      const member: Member = {
        memberId,
        name: names[(ui * 5 + mi) % names.length]!,
        profile: m.profile,
        known: true,
        recruitedOn: recruited,
        ...(gender !== undefined ? { gender } : {}),
        units: unitsOf,
        ratings: [],
        leave: [],
        discipline: []
      }
      years.forEach((y, yi) => {
        if (y < since) return
        const my = m.years[yi]!
        const subject = { _tag: "Member", memberId, organizationId: unitOnEnd(y) } as Organization.Subject
        const rating = byProfile(ratings[m.profile], my.rating)
        if (rating !== undefined) (member.ratings as Array<Member["ratings"][number]>).push({ year: y, rating })
        for (const l of my.leave) {
          const start = dayOfYear(y, l.day)
          if (start >= recruited)
            (member.leave as Array<Member["leave"][number]>).push({
              kind: l.kind,
              period: { start, end: fromDay(toDay(start) + l.length) },
              workingDays: l.workingDays
            })
        }
        if (my.discipline !== null && dayOfYear(y, my.discipline.day) >= recruited)
          (member.discipline as Array<Member["discipline"][number]>).push({
            level: my.discipline.level,
            at: dayOfYear(y, my.discipline.day)
          })
        for (const i of my.initiatives.slice(0, m.profile === "star" ? 2 : 1))
          recordInitiative(i, m.profile, { unitId: unitOnEnd(y), memberId }, y, memberId)
        if (my.registration !== "none") {
          const campaign = thematicStarting(y)
          pledges.push({
            pledgeId: `dk-${memberId}-${y}`,
            campaignId: campaign?.campaignId ?? regular(y),
            kind: "registration",
            signerIds: [unitOnEnd(y)],
            subject,
            period: campaign?.period ?? whole(y),
            at: `${y}-02-20`,
            outcome: my.registration
          })
        }
        memberKinds.forEach((kind, k) => {
          if (my.awards[k]! <= 100 - memberOdds[m.profile][k]!) return
          if (kind === "gioi-viec-nuoc-dam-viec-nha" && gender !== "female") return
          grant(subject, memberId, kind, y, my.revoked === k, my.reason)
        })
      })
      members.push(member)
    })
    years.forEach((y, yi) => {
      const uy = u.years[yi]!
      const subject = { _tag: "Unit", organizationId: unitId } as Organization.Subject
      const rating = byProfile(ratings.unit, uy.rating)
      if (rating !== undefined) unitRatings.push({ organizationId: unitId, year: y, rating })
      if (uy.registration !== "none")
        pledges.push({
          pledgeId: `dk-${unitId}-${y}`,
          campaignId: regular(y),
          kind: "registration",
          signerIds: [unitId],
          period: whole(y),
          at: `${y}-02-10`,
          outcome: uy.registration
        })
      if (uy.initiative !== null) recordInitiative(uy.initiative, "steady", { unitId }, y, unitId)
      unitKinds.forEach((kind, k) => {
        if (uy.awards[k]! > 100 - unitOdds[k]!) grant(subject, unitId, kind, y, uy.revoked === k, uy.reason)
      })
    })
  })

  if (d.outsider !== null) {
    // Met only through awards and initiatives: the directory never registered them.
    const memberId = "m-ngoai"
    const unitId = units[d.outsider.unit % units.length]!
    const subject = { _tag: "Member", memberId, organizationId: unitId } as Organization.Subject
    years.forEach((y, yi) => {
      const oy = d.outsider!.years[yi]!
      if (oy.initiative !== null) recordInitiative(oy.initiative, "steady", { unitId, memberId }, y, memberId)
      memberKinds.forEach((kind, k) => {
        if (oy.awards[k]! > 100 - outsiderOdds[k]!) grant(subject, memberId, kind, y, false, "false-dossier")
      })
    })
    const firstMet = [
      ...initiatives.filter((i) => i.memberId === memberId).map((i) => i.recordedOn),
      ...grants.filter((g) => g.recipient._tag === "Member" && g.recipient.memberId === memberId).map((g) => g.at)
    ].sort()[0]
    if (firstMet !== undefined)
      members.push({
        memberId,
        name: "Ngô Văn Khách",
        profile: "steady",
        known: false,
        units: [{ organizationId: unitId, from: firstMet }],
        ratings: [],
        leave: [],
        discipline: []
      })
  }

  return {
    tenantId,
    federationId,
    districtId,
    units,
    years,
    campaigns,
    clusters,
    members,
    unitRatings,
    pledges,
    initiatives,
    grants
  }
}

// ---------------------------------------------------------------------------------------------
// the log
// ---------------------------------------------------------------------------------------------

const regimeOf = (day: string) => (day <= "2023-12-31" ? "R2003" : day <= "2025-06-30" ? "R2024" : "R2025")
const yearOf = (day: string) => Number(day.slice(0, 4))
const later = (day: string, days: number) => fromDay(toDay(day) + days)

/**
 * The log of a career's facts, in order: the directory (the unions, the clusters, the members
 * and what befell them) on `org:<tenant>`, and each campaign's plan, pledges, initiatives and
 * awards on `campaign:<id>`, year by year, then the revocations. Hand-written facts fold the same
 * way as generated ones.
 *
 * @since 0.6.0
 */
export const events = (f: Facts): ReadonlyArray<Logged> => {
  const out: Array<Logged> = []
  const org = `org:${f.tenantId}`
  const put = (streamId: string, event: Record<string, unknown> & { readonly _tag: string }) =>
    out.push({ streamId, event: event as unknown as Event.DomainEvent })
  const first = f.years[0] ?? 2024
  const since = `${first - 20}-01-01`
  put(org, {
    _tag: "OrganizationRegistered",
    organizationId: f.federationId,
    name: "Liên đoàn Lao động thành phố",
    level: "federation",
    validFrom: since
  })
  put(org, {
    _tag: "OrganizationRegistered",
    organizationId: f.districtId,
    name: "Liên đoàn Lao động quận",
    level: "upper",
    parentId: f.federationId,
    validFrom: since
  })
  f.units.forEach((u, i) => {
    put(org, {
      _tag: "OrganizationRegistered",
      organizationId: u,
      name: `Công đoàn cơ sở số ${i + 1}`,
      level: "grassroots",
      parentId: f.districtId,
      validFrom: since
    })
  })
  for (const m of f.members)
    if (m.known && m.recruitedOn !== undefined)
      put(org, {
        _tag: "MemberRegistered",
        memberId: m.memberId,
        name: m.name,
        organizationId: m.units[0]!.organizationId,
        recruitedOn: m.recruitedOn,
        ...(m.gender !== undefined ? { gender: m.gender } : {}),
        at: m.units[0]!.from
      })
  const ys = [...new Set([...f.years, ...f.grants.map((g) => yearOf(g.period.end))])].sort((a, b) => a - b)
  for (const y of ys) {
    for (const c of f.clusters.filter((c) => c.year === y))
      put(org, {
        _tag: "ClusterFormed",
        clusterId: c.clusterId,
        name: `Cụm thi đua ${c.clusterId}`,
        kind: c.kind,
        organizerId: f.districtId,
        year: c.year,
        memberIds: c.memberIds
      })
    for (const m of f.members) {
      if (!m.known) continue
      for (const u of m.units.slice(1))
        if (yearOf(u.from) === y)
          put(org, { _tag: "MemberTransferred", memberId: m.memberId, organizationId: u.organizationId, at: u.from })
      for (const l of m.leave)
        if (yearOf(l.period.start) === y)
          put(org, {
            _tag: "LeaveRecorded",
            memberId: m.memberId,
            kind: l.kind,
            period: l.period,
            workingDays: l.workingDays
          })
      for (const d of m.discipline)
        if (yearOf(d.at) === y)
          put(org, {
            _tag: "DisciplineRecorded",
            memberId: m.memberId,
            level: d.level,
            decisionNo: `${d.at.slice(5, 7)}/QĐ-KL`,
            at: d.at
          })
    }
    for (const c of f.campaigns.filter((c) => yearOf(c.period.start) === y))
      put(`campaign:${c.campaignId}`, {
        _tag: "CampaignPlanned",
        campaignId: c.campaignId,
        tenantId: f.tenantId,
        issuerId: c.form === "regular" ? f.districtId : f.federationId,
        title: c.title,
        theme: c.theme,
        form: c.form,
        period: c.period,
        sectors: [],
        titlesOffered: [],
        regime: regimeOf(c.period.start),
        at: `${y - 1}-12-15`
      })
    for (const p of f.pledges.filter((p) => yearOf(p.at) === y)) {
      const stream = `campaign:${p.campaignId}`
      put(stream, {
        _tag: "PledgeSigned",
        pledgeId: p.pledgeId,
        kind: p.kind,
        signerIds: p.signerIds,
        ...(p.subject !== undefined ? { subject: p.subject } : {}),
        targets: [{ description: "Hoàn thành xuất sắc nhiệm vụ năm" }],
        period: p.period,
        at: p.at
      })
      if (p.kind === "registration" && p.outcome === "approved")
        put(stream, { _tag: "RegistrationApproved", pledgeId: p.pledgeId, at: later(p.at, 10) })
      if (p.kind === "registration" && p.outcome === "rejected")
        put(stream, {
          _tag: "RegistrationRejected",
          pledgeId: p.pledgeId,
          reason: "Hồ sơ đăng ký chưa đầy đủ",
          at: later(p.at, 10)
        })
    }
    for (const i of f.initiatives.filter((i) => yearOf(i.recordedOn) === y)) {
      const stream = `campaign:${i.campaignId}`
      put(stream, {
        _tag: "InitiativeRecorded",
        initiativeId: i.initiativeId,
        unitId: i.unitId,
        ...(i.memberId !== undefined ? { memberId: i.memberId } : {}),
        kind: "initiative",
        title: i.title,
        benefitVnd: i.benefitVnd,
        at: i.recordedOn
      })
      if (i.applied)
        put(stream, { _tag: "InitiativeApplied", initiativeId: i.initiativeId, at: later(i.recordedOn, 20) })
      if (i.recognized !== undefined)
        put(stream, {
          _tag: "InitiativeRecognized",
          initiativeId: i.initiativeId,
          level: i.recognized,
          recognizedById: i.recognized === "unit" ? i.unitId : f.federationId,
          at: later(i.recordedOn, 40)
        })
      if (i.rejected)
        put(stream, {
          _tag: "InitiativeRejected",
          initiativeId: i.initiativeId,
          reason: "Không đủ tính mới",
          at: later(i.recordedOn, 60)
        })
    }
    for (const m of f.members)
      for (const r of m.ratings)
        if (r.year === y)
          put(org, {
            _tag: "MemberRated",
            memberId: m.memberId,
            year: r.year,
            rating: r.rating,
            ratedById: m.units[0]!.organizationId,
            at: `${y}-12-20`
          })
    for (const r of f.unitRatings)
      if (r.year === y)
        put(org, {
          _tag: "UnitRated",
          organizationId: r.organizationId,
          year: r.year,
          rating: r.rating,
          ratedById: f.districtId,
          at: `${y}-12-28`
        })
    for (const g of f.grants.filter((g) => yearOf(g.period.end) === y))
      put(`campaign:${g.campaignId}`, {
        _tag: "AwardGranted",
        awardId: g.awardId,
        recipient: g.recipient,
        kind: g.kind,
        grantedById: g.grantedById,
        decisionNo: `${g.at.slice(8, 10)}/QĐ-KT`,
        reason: "Thành tích xuất sắc trong phong trào thi đua",
        basis: g.period.start === `${yearOf(g.period.start)}-01-01` ? "campaign" : "phase",
        period: g.period,
        extraordinary: false,
        at: g.at
      })
  }
  for (const g of [...f.grants]
    .filter((g) => g.revoked !== undefined)
    .sort((a, b) => (a.revoked!.at < b.revoked!.at ? -1 : 1)))
    put(`campaign:${g.campaignId}`, {
      _tag: "AwardRevoked",
      awardId: g.awardId,
      reason: g.revoked!.reason,
      at: g.revoked!.at
    })
  return out
}

/**
 * The union managing a member on a day: the last one they joined by then, or the first.
 *
 * @since 0.6.0
 */
export const unitOn = (m: Member, day: string): string => {
  let current = m.units[0]!.organizationId
  for (const u of m.units) if (u.from <= day) current = u.organizationId
  return current
}

const who = (s: Organization.Subject) => (s._tag === "Unit" ? s.organizationId : s.memberId)

/**
 * The facts as a person reads them, member by member and year by year: what a failing property
 * prints for its counterexample (a career prints this way rather than as its events).
 *
 * @since 0.6.0
 */
export const describe = (f: Facts): string => {
  const lines: Array<string> = []
  lines.push(
    `${f.tenantId} ${f.years[0]}–${f.years[f.years.length - 1]}: ${f.units.join(", ")} under ${f.districtId} under ${f.federationId}`
  )
  for (const c of f.campaigns)
    lines.push(`  campaign ${c.campaignId} ${c.form} ${c.period.start}..${c.period.end} «${c.theme}»`)
  for (const c of f.clusters) lines.push(`  ${c.kind} ${c.clusterId} ${c.year}: ${c.memberIds.join(", ")}`)
  for (const r of f.unitRatings) lines.push(`  ${r.organizationId} rated ${r.rating} for ${r.year}`)
  for (const m of f.members) {
    lines.push(
      `  ${m.memberId} (${m.profile}${m.known ? "" : ", not in the directory"}${m.gender !== undefined ? `, ${m.gender}` : ""})` +
        `${m.recruitedOn !== undefined ? ` recruited ${m.recruitedOn}` : ""}; ` +
        m.units.map((u) => `${u.organizationId} from ${u.from}`).join(", ")
    )
    for (const r of m.ratings) lines.push(`    ${r.year}: rated ${r.rating}`)
    for (const l of m.leave)
      lines.push(`    leave ${l.kind} ${l.period.start}..${l.period.end}, ${l.workingDays} working days`)
    for (const d of m.discipline) lines.push(`    discipline ${d.level} on ${d.at}`)
  }
  for (const p of f.pledges)
    lines.push(
      `  pledge ${p.pledgeId} (${p.campaignId}) ${p.kind} ${p.subject !== undefined ? who(p.subject) : p.signerIds.join(", ")} ` +
        `${p.period.start.slice(0, 4)}..${p.period.end.slice(0, 4)}${p.kind === "registration" ? ` ${p.outcome}` : ""}`
    )
  for (const i of f.initiatives)
    lines.push(
      `  initiative ${i.initiativeId} of ${i.memberId ?? i.unitId} on ${i.recordedOn}, ${i.benefitVnd} VND` +
        `${i.applied ? ", applied" : ""}${i.recognized !== undefined ? `, recognised ${i.recognized}` : ""}${i.rejected ? ", rejected" : ""}`
    )
  for (const g of f.grants)
    lines.push(
      `  grant ${g.kind} ${g.period.start}..${g.period.end} to ${who(g.recipient)}` +
        `${g.recipient._tag === "Member" ? ` (${g.recipient.organizationId})` : ""} in ${g.campaignId}` +
        `${g.revoked !== undefined ? `, revoked ${g.revoked.at}` : ""}`
    )
  return lines.join("\n")
}

/** A career made of facts: its log and its subjects. @since 0.6.0 */
export const fromFacts = (f: Facts): Career => {
  const last = `${f.years[f.years.length - 1] ?? 2024}-12-31`
  const career: Career = {
    facts: f,
    events: events(f),
    subjects: [
      ...f.members.map(
        (m) => ({ _tag: "Member", memberId: m.memberId, organizationId: unitOn(m, last) }) as Organization.Subject
      ),
      ...f.units.map((u) => ({ _tag: "Unit", organizationId: u }) as Organization.Subject)
    ]
  }
  // A counterexample prints as its facts, not as its events.
  Object.defineProperty(career, fc.toStringMethod, { value: () => `Career\n${describe(f)}` })
  return career
}

const clamp = (r: Range | undefined, fallback: Range, bounds: Range): Range => {
  const min = Math.max(bounds.min, Math.min(bounds.max, r?.min ?? fallback.min))
  return { min, max: Math.max(min, Math.min(bounds.max, r?.max ?? fallback.max)) }
}

/**
 * Careers across `years` (3–6) consecutive years: a tenant's unions and members, their facts
 * year by year, the campaigns of each year, the titles and forms granted (deserved or not) and
 * the revocations, with the log that records them.
 *
 * @example
 * ```ts
 * import { Eligibility, Record, Rulebook } from "@thidua/core"
 * import { Careers } from "@thidua/testing"
 * import fc from "fast-check"
 *
 * fc.assert(
 *   fc.property(Careers.career({ years: { min: 3, max: 6 }, units: { min: 1, max: 2 } }), (career) => {
 *     const record = Record.fromEvents(career.events)
 *     const year = career.facts.years[2]!
 *     for (const subject of career.subjects) {
 *       const v = Eligibility.eligibility(record, subject, "giay-khen", { start: `${year}-01-01`, end: `${year}-12-31` } as never, Rulebook.standard)
 *       if (!v.eligible) throw new Error("a Certificate of Commendation needs no lower form")
 *     }
 *   }),
 *   { numRuns: 20 }
 * )
 * ```
 *
 * @since 0.6.0
 */
export const career = (options: Options = {}): Arb<Career> => {
  const length = clamp(options.years, { min: 3, max: 4 }, { min: 3, max: 6 })
  const from = clamp(options.from, { min: 2019, max: 2025 }, { min: 1990, max: 2150 })
  const unitCount = clamp(options.units, { min: 2, max: 3 }, { min: 1, max: 12 })
  const memberCount = clamp(options.members, { min: 1, max: 4 }, { min: 0, max: 30 })
  // Drawn for the longest career and the most unions, then cut to the length and the unions
  // drawn: nothing is chained, so every part of a counterexample shrinks on its own.
  return record({
    first: fc.integer(from),
    length: fc.integer(length),
    years: fixed(calendarYear(unitCount.max), length.max),
    units: fc.array(
      record({
        years: fixed(drawnUnitYear, length.max),
        members: fc.array(drawnMember(options, length.max, unitCount.max), {
          minLength: memberCount.min,
          maxLength: memberCount.max
        })
      }),
      { minLength: unitCount.min, maxLength: unitCount.max }
    ),
    outsider:
      options.outsiders === false
        ? fc.constant(null)
        : maybe(
            25,
            record({
              unit: fc.nat({ max: unitCount.max - 1 }),
              years: fixed(record({ awards: draws(memberKinds.length), initiative: maybe(30, initiative) }), length.max)
            })
          )
  }).map((d) => fromFacts(facts(d)))
}
