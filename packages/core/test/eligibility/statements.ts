/**
 * The rule statements the eligibility engine judges, computed from a career's facts
 * (`Careers.Facts`): a second reading, written from the statements (the issue's API notes and
 * DOMAIN.md (d), §1.5, §2.2, §2.3), never from the rule sources. Each statement answers `pass`,
 * `fail` or `unknown` (the facts it needs are not recorded). The numbers are the statements' own:
 * 10 months and 15 % under R2003, 6 months and no quota from 2024, 40 working days, > 50 %, 70 %…
 *
 * Where a statement leaves a reading open, the one taken here is said next to it.
 */
import { AwardKind, type Organization } from "@thidua/core"
import type { Careers } from "@thidua/testing"

export type Answer = "pass" | "fail" | "unknown"
export type Regime = "R2003" | "R2024" | "R2025"

/** What is asked: may `subject` receive `kind` for `year` (the calendar year). */
export interface Question {
  readonly subject: Organization.Subject
  readonly kind: AwardKind.AwardKind
  readonly year: number
  /** Whether the directory is given (the federation of rule U4). */
  readonly directory: boolean
  /** The campaign the award would be granted in (its theme, rule U4). */
  readonly campaignId?: string
  readonly deliberation?: { readonly votesFor: number; readonly councilSize: number }
  /** A grant left out of the record (a grant judged again). */
  readonly excluding?: { readonly campaignId: string; readonly awardId: string }
  /** The regime, when a test judges the year by another one than in force (a rulebook of its own). */
  readonly regime?: Regime
}

/** The regime a year's titles are judged by: the one in force on 31 December. */
export const regimeOf = (year: number): Regime => (year <= 2023 ? "R2003" : year === 2024 ? "R2024" : "R2025")

/** The numbers the statements name, by regime. `caps` lowers the thematic certificates' caps (rule U4) for a test. */
export interface Numbers {
  readonly regime: Regime
  /** T2: months of service by the end of the year. */
  readonly serviceMonths: number
  /** T3: the initiative is required (R2003) or one alternative to excellence. */
  readonly initiativeRequired: boolean
  /** T4: fighters ≤ ⌊num/den × Advanced Workers⌋; none from 2024. */
  readonly fighterQuota: readonly [number, number] | undefined
  /** T7: the share of the whole council, by kind. */
  readonly councilShare: (kind: AwardKind.AwardKind) => readonly [number, number]
  /** K5: Government flags ≤ ⌊num/den × provincial flag holders⌋; none from 2024. */
  readonly governmentFlagQuota: readonly [number, number] | undefined
  readonly absenceDays: number
  readonly perTheme: number
  readonly perFederation: number
}

export const numbers = (q: Pick<Question, "year" | "regime">, caps: { readonly perTheme?: number } = {}): Numbers => {
  const regime = q.regime ?? regimeOf(q.year)
  const old = regime === "R2003"
  return {
    regime,
    serviceMonths: old ? 10 : 6,
    initiativeRequired: old,
    fighterQuota: old ? [15, 100] : undefined,
    councilShare: (kind) =>
      old && (kind === "chien-si-thi-dua-cap-tinh" || kind === "chien-si-thi-dua-toan-quoc") ? [9, 10] : [1, 2],
    governmentFlagQuota: old ? [1, 5] : undefined,
    absenceDays: 40,
    perTheme: caps.perTheme ?? 300,
    perFederation: 4
  }
}

// ---------------------------------------------------------------------------------------------
// the facts, read plainly
// ---------------------------------------------------------------------------------------------

type Facts = Careers.Facts
type Grant = Careers.Grant

export const keyOf = (s: Organization.Subject): string =>
  s._tag === "Unit" ? `unit:${s.organizationId}` : `member:${s.memberId}`
export const yearOf = (day: string): number => Number(day.slice(0, 4))
const pad = (n: number) => String(n).padStart(2, "0")
const yearEnd = (y: number) => `${y}-12-31`

/** The year a grant is for: the year its period ends. */
export const grantYear = (g: Grant): number => yearOf(g.period.end)

const standingOf = new WeakMap<Facts, Map<string, ReadonlyArray<Grant>>>()

/** Grants that count: not revoked, and not the one left out. */
export const standing = (f: Facts, q: Question): ReadonlyArray<Grant> => {
  const key = q.excluding === undefined ? "" : `${q.excluding.campaignId}/${q.excluding.awardId}`
  let byKey = standingOf.get(f)
  if (byKey === undefined) {
    byKey = new Map()
    standingOf.set(f, byKey)
  }
  let out = byKey.get(key)
  if (out === undefined) {
    out = f.grants.filter(
      (g) =>
        g.revoked === undefined &&
        !(q.excluding !== undefined && g.awardId === q.excluding.awardId && g.campaignId === q.excluding.campaignId)
    )
    byKey.set(key, out)
  }
  return out
}

export const holds = (f: Facts, q: Question, who: string, kind: AwardKind.AwardKind, year: number): boolean =>
  standing(f, q).some((g) => keyOf(g.recipient) === who && g.kind === kind && grantYear(g) === year)

/** The member asked about, when the question is about a member. */
export const memberOf = (f: Facts, q: Question): Careers.Member | undefined =>
  q.subject._tag === "Member"
    ? f.members.find((m) => m.memberId === (q.subject as { memberId: string }).memberId)
    : undefined

const known = (f: Facts, q: Question) => {
  const m = memberOf(f, q)
  return m?.known === true ? m : undefined
}

/** The union managing a member on a day: the last joined by then, else the first. */
export const unitOn = (m: Careers.Member, day: string): string => {
  let unit = m.units[0]!.organizationId
  for (const u of m.units) if (u.from <= day) unit = u.organizationId
  return unit
}

/**
 * The union a member is judged in (G1, T4): a member the directory knows is judged in the union
 * managing them on the period's end by the directory's record (registered from their
 * recruitment, then their transfers), whatever union the question names; one it does not know,
 * in the union the question names.
 */
export const unitOf = (f: Facts, q: Question): string => {
  const m = known(f, q)
  return m === undefined ? q.subject.organizationId : unitOn(m, yearEnd(q.year))
}

export const ratingOf = (m: Careers.Member | undefined, year: number): Careers.Rating | undefined =>
  m?.ratings.find((r) => r.year === year)?.rating

const atLeastGood = (r: Careers.Rating) => r === "excellent" || r === "good"

/**
 * Served `months` by the end of `year`, the last day counted: someone recruited on 1 July has
 * served six full months on 31 December (July to December), so "recruited less than six months
 * before the year ends" means recruited after 1 July.
 */
export const served = (recruitedOn: string, months: number, year: number): boolean => {
  const total = year * 12 + 12 - months
  return recruitedOn <= `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`
}

const DAY = 86_400_000
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY

/** The working days of non-maternity leave counted in a year (X1), prorated by calendar days. */
export const absence = (m: Careers.Member, year: number): number => {
  const from = dayNumber(`${year}-01-01`)
  const to = dayNumber(yearEnd(year))
  let sum = 0
  for (const l of m.leave) {
    if (l.kind === "maternity") continue
    const start = dayNumber(l.period.start)
    const end = dayNumber(l.period.end)
    const inside = Math.min(end, to) - Math.max(start, from) + 1
    if (inside > 0) sum += (l.workingDays * inside) / (end - start + 1)
  }
  return Math.round(sum)
}

/** An initiative counts once applied and recognised, and not rejected (I1); its year is the year recorded. */
const counted = (i: Careers.Initiative) => i.applied && i.recognized !== undefined && !i.rejected
const scopeRank = { unit: 0, province: 1, national: 2 } as const

export const initiativesOf = (f: Facts, who: string): ReadonlyArray<Careers.Initiative> =>
  f.initiatives.filter((i) =>
    who.startsWith("member:") ? i.memberId === who.slice(7) : i.memberId === undefined && `unit:${i.unitId}` === who
  )

const initiativeIn = (f: Facts, who: string, from: number, to: number, scope: keyof typeof scopeRank) =>
  initiativesOf(f, who).some(
    (i) =>
      counted(i) &&
      from <= yearOf(i.recordedOn) &&
      yearOf(i.recordedOn) <= to &&
      scopeRank[i.recognized!] >= scopeRank[scope]
  )

/**
 * The members of a union at the end of a year, as the directory knows them (K1, K2). With the
 * directory given, members kept in union groups under the union count too; careers have no union
 * groups (every member is in a grassroots union), so both readings are this one here (K.test.ts
 * has the named example).
 */
export const membersAtYearEnd = (f: Facts, unitId: string, year: number): ReadonlyArray<Careers.Member> =>
  f.members.filter(
    (m) =>
      m.known && m.recruitedOn !== undefined && m.recruitedOn <= yearEnd(year) && unitOn(m, yearEnd(year)) === unitId
  )

/**
 * "Disciplined at cảnh cáo or heavier" (K1, K2): a warning, a demotion, a dismissal. An
 * administrative sanction (xử phạt hành chính) is not a disciplinary form, so it is not on that
 * ladder (V2 names it apart for individual titles).
 */
export const warningOrHeavier = new Set(["warning", "demotion", "dismissal"])

/** Someone the union managed on the day was disciplined at warning or heavier in the year, gone by its end or not. */
const warnedIn = (f: Facts, unitId: string, year: number) =>
  f.members.some((m) =>
    m.discipline.some((d) => yearOf(d.at) === year && warningOrHeavier.has(d.level) && unitOn(m, d.at) === unitId)
  )

const answer = (ok: boolean): Answer => (ok ? "pass" : "fail")

// ---------------------------------------------------------------------------------------------
// the statements
// ---------------------------------------------------------------------------------------------

const registeredAs = (f: Facts, who: string, year: number) =>
  f.pledges.some((p) => {
    if (yearOf(p.period.start) > year || year > yearOf(p.period.end)) return false
    if (p.kind !== "registration") return p.signerIds.some((s) => `unit:${s}` === who)
    const subject = p.subject !== undefined ? keyOf(p.subject) : `unit:${p.signerIds[0]}`
    return p.outcome === "approved" && subject === who
  })

const K1 = (f: Facts, q: Question): Answer => {
  const members = membersAtYearEnd(f, q.subject.organizationId, q.year)
  if (members.length === 0) return "unknown"
  const advanced = members.filter((m) => holds(f, q, `member:${m.memberId}`, "lao-dong-tien-tien", q.year)).length
  return answer(2 * advanced > members.length && !warnedIn(f, q.subject.organizationId, q.year))
}

const unitRating = (f: Facts, q: Question): Answer => {
  const r = f.unitRatings.find((x) => x.organizationId === q.subject.organizationId && x.year === q.year)?.rating
  return r === undefined ? "unknown" : answer(r === "excellent")
}

/** Each rule, as its statement reads. */
export const statements = {
  /** G1: registered for the year (approved registration covering it, or a signed covenant); a member also through their union. */
  /**
   * AWARD-SUBJECT: an individual kind goes to a member, a collective one to a union, a form
   * ("both") to either (the catalogue's `subject`).
   */
  "AWARD-SUBJECT": (f: Facts, q: Question): Answer => {
    const fits = AwardKind.catalogue[q.kind].subject
    if (!(fits === "both" || (fits === "individual") === (q.subject._tag === "Member"))) return answer(false)
    // "Giỏi việc nước, đảm việc nhà" is for women members: a member's recorded gender decides.
    if (q.kind !== "gioi-viec-nuoc-dam-viec-nha") return answer(true)
    const gender = known(f, q)?.gender
    return gender === undefined ? "unknown" : answer(gender === "female")
  },
  /**
   * U1 across campaigns: an annual kind once a year — fails when the subject already holds a
   * standing grant of the kind for the year (in any campaign; the grant left out aside).
   */
  U1: (f: Facts, q: Question): Answer =>
    answer(!AwardKind.catalogue[q.kind].annual || !holds(f, q, keyOf(q.subject), q.kind, q.year)),
  /** G1: registered for the year (approved registration covering it, or a signed covenant); a member also through their union (the one they are judged in). */
  G1: (f: Facts, q: Question): Answer =>
    answer(
      registeredAs(f, keyOf(q.subject), q.year) ||
        (q.subject._tag === "Member" && registeredAs(f, `unit:${unitOf(f, q)}`, q.year))
    ),
  /** V2: no disciplinary measure (any level, administrative sanctions included) dated in the year; unknown for a member the directory does not know. */
  V2: (f: Facts, q: Question): Answer => {
    const m = known(f, q)
    return m === undefined ? "unknown" : answer(!m.discipline.some((d) => yearOf(d.at) === q.year))
  },
  /**
   * X1: fewer than 40 working days of leave other than maternity in the year. A leave over a
   * year's end counts in each year by the share of its calendar days inside it: workingDays ×
   * (its days in the year) / (its days), summed over the leaves, then rounded to the nearest day.
   * Unknown for a member the directory does not know.
   */
  X1: (f: Facts, q: Question): Answer => {
    const m = known(f, q)
    if (m === undefined) return "unknown"
    return answer(absence(m, q.year) < numbers(q).absenceDays)
  },
  /** T1: rated "good" or better in the year. */
  T1: (f: Facts, q: Question): Answer => {
    const r = ratingOf(known(f, q), q.year)
    return r === undefined ? "unknown" : answer(atLeastGood(r))
  },
  /** T2: served 10 (R2003) or 6 months by the end of the year. */
  T2: (f: Facts, q: Question): Answer => {
    const m = known(f, q)
    return m?.recruitedOn === undefined ? "unknown" : answer(served(m.recruitedOn, numbers(q).serviceMonths, q.year))
  },
  /** T3: an Advanced Worker of the year, and an initiative of the year (R2003), or an initiative or excellence (from 2024). */
  T3: (f: Facts, q: Question): Answer => {
    const who = keyOf(q.subject)
    if (!holds(f, q, who, "lao-dong-tien-tien", q.year)) return "fail"
    if (initiativeIn(f, who, q.year, q.year, "unit")) return "pass"
    if (numbers(q).initiativeRequired) return "fail"
    const r = ratingOf(known(f, q), q.year)
    return r === undefined ? "unknown" : answer(r === "excellent")
  },
  /** T4 (R2003): the union's other fighters of the year, plus this one, within ⌊15 % of its Advanced Workers⌋ (the subject counted). */
  T4: (f: Facts, q: Question): Answer => {
    const quota = numbers(q).fighterQuota
    if (quota === undefined || q.subject._tag !== "Member") return "pass"
    const self = q.subject.memberId
    const unit = unitOf(f, q)
    const others = f.members.filter((m) => m.memberId !== self && unitOn(m, yearEnd(q.year)) === unit)
    const holding = (kind: AwardKind.AwardKind) =>
      others.filter((m) => holds(f, q, `member:${m.memberId}`, kind, q.year)).length
    const advanced =
      holding("lao-dong-tien-tien") + (holds(f, q, `member:${self}`, "lao-dong-tien-tien", q.year) ? 1 : 0)
    return answer(holding("chien-si-thi-dua-co-so") + 1 <= Math.floor((quota[0] * advanced) / quota[1]))
  },
  /** T5: a standing fighter title in each of y-2, y-1, y, and an initiative of province scope or more in those years. */
  T5: (f: Facts, q: Question): Answer => {
    const who = keyOf(q.subject)
    const years = [q.year - 2, q.year - 1, q.year]
    return answer(
      years.every((y) => holds(f, q, who, "chien-si-thi-dua-co-so", y)) &&
        initiativeIn(f, who, q.year - 2, q.year, "province")
    )
  },
  /**
   * T6: a run of two or more consecutive standing provincial fighter titles (distinct years, each
   * 1 to 3 years after the one before; two titles of one year are one), the last by the year, and
   * a national initiative from the run's first year − 3 + 1 to the year. Any such run counts, not
   * only the latest titles; the earliest start of a run gives the widest window, so every pair of
   * neighbouring years is tried.
   */
  T6: (f: Facts, q: Question): Answer => {
    const who = keyOf(q.subject)
    const years = [
      ...new Set(
        standing(f, q)
          .filter((g) => keyOf(g.recipient) === who && g.kind === "chien-si-thi-dua-cap-tinh" && grantYear(g) <= q.year)
          .map(grantYear)
      )
    ].sort((a, b) => a - b)
    for (let i = 0; i + 1 < years.length; i++)
      if (years[i + 1]! - years[i]! <= 3 && initiativeIn(f, who, years[i]! - 3 + 1, q.year, "national")) return "pass"
    return "fail"
  },
  /** T7: votes for ≥ the share of the whole council (90 % for provincial and national fighters under R2003, else half). */
  T7: (_: Facts, q: Question): Answer => {
    if (q.deliberation === undefined) return "unknown"
    const [num, den] = numbers(q).councilShare(q.kind)
    return answer(q.deliberation.votesFor * den >= num * q.deliberation.councilSize)
  },
  /** K1: more than half the union's members Advanced Workers of the year, none disciplined at warning or heavier. */
  K1,
  /** K3: the Advanced Labour Collective's criteria (K1) hold. */
  K3: K1,
  /** K2: every rated member completed tasks, ≥ 70 % Advanced Workers, a fighter, nobody warned; unknown when some are unrated and nothing fails. */
  K2: (f: Facts, q: Question): Answer => {
    const members = membersAtYearEnd(f, q.subject.organizationId, q.year)
    if (members.length === 0) return "unknown"
    const has = (kind: AwardKind.AwardKind) =>
      members.filter((m) => holds(f, q, `member:${m.memberId}`, kind, q.year)).length
    const fails =
      members.some((m) => ratingOf(m, q.year) === "not-completed") ||
      10 * has("lao-dong-tien-tien") < 7 * members.length ||
      has("chien-si-thi-dua-co-so") === 0 ||
      warnedIn(f, q.subject.organizationId, q.year)
    if (fails) return "fail"
    return members.some((m) => ratingOf(m, q.year) === undefined) ? "unknown" : "pass"
  },
  /** K4: in every cluster the union is in that year, no other union holds the same flag for the year (one per cluster). */
  K4: (f: Facts, q: Question): Answer =>
    answer(
      f.clusters
        .filter((c) => c.year === q.year && c.memberIds.includes(q.subject.organizationId))
        .every(
          (c) =>
            c.memberIds.filter((u) => u !== q.subject.organizationId && holds(f, q, `unit:${u}`, q.kind, q.year))
              .length +
              1 <=
            1
        )
    ),
  /** K5: holds the provincial flag of the year; under R2003 the Government flags of the year stay within ⌊20 % of its holders⌋. */
  K5: (f: Facts, q: Question): Answer => {
    const unit = q.subject.organizationId
    if (!holds(f, q, `unit:${unit}`, "co-thi-dua-cap-tinh", q.year)) return "fail"
    const quota = numbers(q).governmentFlagQuota
    if (quota === undefined) return "pass"
    const holders = f.units.filter((u) => holds(f, q, `unit:${u}`, "co-thi-dua-cap-tinh", q.year)).length
    const government = f.units.filter(
      (u) => u !== unit && holds(f, q, `unit:${u}`, "co-thi-dua-chinh-phu", q.year)
    ).length
    return answer(government + 1 <= Math.floor((quota[0] * holders) / quota[1]))
  },
  /** K6: the union rated "completed tasks excellently" for the year. */
  K6: unitRating,
  /** E1: the same, for the Strong Grassroots Union title. */
  E1: unitRating,
  /** E2: holds the Good Worker title of the level below, for the year. */
  E2: (f: Facts, q: Question): Answer => {
    const below: Partial<Record<AwardKind.AwardKind, AwardKind.AwardKind>> = {
      "cong-nhan-gioi-cap-tren": "cong-nhan-gioi-co-so",
      "cong-nhan-gioi-thu-do": "cong-nhan-gioi-cap-tren"
    }
    const needs = below[q.kind]
    return answer(needs === undefined || holds(f, q, keyOf(q.subject), needs, q.year))
  },
  /** U3: the comprehensive and the thematic certificate of merit of the same year exclude each other. */
  U3: (f: Facts, q: Question): Answer => {
    const other =
      q.kind === "bang-khen-cap-tinh"
        ? "bang-khen-chuyen-de-tld"
        : q.kind === "bang-khen-chuyen-de-tld"
          ? "bang-khen-cap-tinh"
          : undefined
    return answer(other === undefined || !holds(f, q, keyOf(q.subject), other, q.year))
  },
  /**
   * U4: thematic certificates of the year, with this one: ≤ 300 on the campaign's theme, ≤ 4 in
   * the subject's federation. Every union of a career is under its one federation, so with the
   * directory every certificate of the year counts towards it. Unknown when the theme or the
   * federation is not known and no cap is broken.
   */
  U4: (f: Facts, q: Question, caps: { readonly perTheme?: number } = {}): Answer => {
    const n = numbers(q, caps)
    const theme = f.campaigns.find((c) => c.campaignId === q.campaignId)?.theme
    const ofYear = standing(f, q).filter((g) => g.kind === q.kind && grantYear(g) === q.year)
    const onTheme = ofYear.filter((g) => f.campaigns.find((c) => c.campaignId === g.campaignId)?.theme === theme)
    if (theme !== undefined && onTheme.length + 1 > n.perTheme) return "fail"
    if (q.directory && ofYear.length + 1 > n.perFederation) return "fail"
    return theme === undefined || !q.directory ? "unknown" : "pass"
  },
  /** U5: no Nguyen Duc Canh Prize held (at most once per person), a congress year (2023, every 5 years), 5 years of service. */
  U5: (f: Facts, q: Question): Answer => {
    const who = keyOf(q.subject)
    if (standing(f, q).some((g) => keyOf(g.recipient) === who && g.kind === "giai-thuong-nguyen-duc-canh"))
      return "fail"
    if ((((q.year - 2023) % 5) + 5) % 5 !== 0) return "fail"
    const m = known(f, q)
    return m?.recruitedOn === undefined ? "unknown" : answer(served(m.recruitedOn, 60, q.year))
  },
  /**
   * U6: forms need no lower form, except the Prime Minister's certificate for a member: a
   * provincial certificate by the year, 3 fighter years in y-4..y, and "good" or better in each
   * of those 5 years. A year rated below "good" fails it; an unrated year leaves it unknown when
   * nothing fails.
   */
  U6: (f: Facts, q: Question): Answer => {
    if (q.kind !== "bang-khen-thu-tuong" || q.subject._tag !== "Member") return "pass"
    const who = keyOf(q.subject)
    const years = [0, 1, 2, 3, 4].map((k) => q.year - k)
    const certificate = standing(f, q).some(
      (g) => keyOf(g.recipient) === who && g.kind === "bang-khen-cap-tinh" && grantYear(g) <= q.year
    )
    const fighterYears = years.filter((y) => holds(f, q, who, "chien-si-thi-dua-co-so", y)).length
    if (!certificate || fighterYears < 3) return "fail"
    const m = known(f, q)
    const ratings = years.map((y) => ratingOf(m, y))
    if (ratings.some((r) => r !== undefined && !atLeastGood(r))) return "fail"
    return ratings.some((r) => r === undefined) ? "unknown" : "pass"
  },
  /** I3: one counted initiative of the year worth ≥ 80 M VND, or one in each of y-2..y worth ≥ 120 M VND together. */
  I3: (f: Facts, q: Question): Answer => {
    const mine = initiativesOf(f, keyOf(q.subject)).filter(counted)
    const inYear = (y: number) => mine.filter((i) => yearOf(i.recordedOn) === y)
    if (inYear(q.year).some((i) => i.benefitVnd >= 80_000_000)) return "pass"
    const years = [q.year - 2, q.year - 1, q.year]
    const total = years.flatMap(inYear).reduce((n, i) => n + i.benefitVnd, 0)
    return answer(years.every((y) => inYear(y).length > 0) && total >= 120_000_000)
  }
} satisfies Record<string, (f: Facts, q: Question, caps?: { readonly perTheme?: number }) => Answer>

export type RuleId = keyof typeof statements

/** Which rules judge each award: the issue's "Rules per kind", in its words' order. */
/** The rules of each kind, as the issue lists them: the kind's own. */
const ownRules: { readonly [K in AwardKind.AwardKind]: ReadonlyArray<RuleId> } = {
  // the exclusions every individual emulation title shares: registered, not disciplined, present
  "lao-dong-tien-tien": ["G1", "V2", "X1", "T1", "T2"],
  "chien-si-thi-dua-co-so": ["G1", "V2", "X1", "T3", "T4"],
  "chien-si-thi-dua-cap-tinh": ["V2", "T5", "T7"],
  "chien-si-thi-dua-toan-quoc": ["V2", "T6", "T7"],
  "tap-the-lao-dong-tien-tien": ["G1", "K1"],
  "tap-the-lao-dong-xuat-sac": ["G1", "K3", "K2"],
  "co-thi-dua-cap-tinh": ["G1", "K4"],
  "co-thi-dua-ldld": ["K6", "K4"],
  "co-thi-dua-chinh-phu": ["K5"],
  "giay-khen": ["U6"],
  "bang-khen-ldld": ["U6"],
  "bang-khen-thu-tuong": ["U6"],
  "bang-khen-cap-tinh": ["U6", "U3"],
  "bang-khen-chuyen-de-tld": ["U6", "U3", "U4"],
  "bang-lao-dong-sang-tao": ["I3"],
  "giai-thuong-nguyen-duc-canh": ["V2", "U5"],
  "cong-doan-co-so-vung-manh": ["E1"],
  "cong-nhan-gioi-cap-tren": ["G1", "V2", "X1", "E2"],
  "cong-nhan-gioi-thu-do": ["G1", "V2", "X1", "E2"],
  "doan-vien-cong-doan-xuat-sac": ["G1", "V2", "X1"],
  "cong-nhan-gioi-co-so": ["G1", "V2", "X1"],
  "gioi-viec-nuoc-dam-viec-nha": ["G1", "V2", "X1"],
  "huan-chuong-lao-dong": [],
  "ky-niem-chuong-cong-doan": [],
  "to-cong-doan-vung-manh": []
}

/**
 * Which rules judge each award: first the checks every kind shares (the subject fits the kind; an
 * annual kind once a year), then the issue's "Rules per kind", in its words' order.
 */
export const rulesOf = Object.fromEntries(
  (Object.keys(ownRules) as Array<AwardKind.AwardKind>).map((k) => [
    k,
    ["AWARD-SUBJECT", "U1", ...ownRules[k]] as ReadonlyArray<RuleId>
  ])
) as unknown as { readonly [K in AwardKind.AwardKind]: ReadonlyArray<RuleId> }

/** The kinds a member is asked about (individual titles, forms, prizes), and those a union is. */
export const memberKinds: ReadonlyArray<AwardKind.AwardKind> = [
  "lao-dong-tien-tien",
  "chien-si-thi-dua-co-so",
  "chien-si-thi-dua-cap-tinh",
  "chien-si-thi-dua-toan-quoc",
  "giay-khen",
  "bang-khen-cap-tinh",
  "bang-khen-thu-tuong",
  "huan-chuong-lao-dong",
  "bang-khen-ldld",
  "bang-khen-chuyen-de-tld",
  "bang-lao-dong-sang-tao",
  "giai-thuong-nguyen-duc-canh",
  "ky-niem-chuong-cong-doan",
  "doan-vien-cong-doan-xuat-sac",
  "cong-nhan-gioi-co-so",
  "cong-nhan-gioi-cap-tren",
  "cong-nhan-gioi-thu-do",
  "gioi-viec-nuoc-dam-viec-nha"
]
export const unitKinds: ReadonlyArray<AwardKind.AwardKind> = [
  "tap-the-lao-dong-tien-tien",
  "tap-the-lao-dong-xuat-sac",
  "co-thi-dua-cap-tinh",
  "co-thi-dua-chinh-phu",
  "co-thi-dua-ldld",
  "cong-doan-co-so-vung-manh",
  "to-cong-doan-vung-manh",
  "giay-khen",
  "bang-khen-cap-tinh",
  "bang-khen-thu-tuong",
  "huan-chuong-lao-dong",
  "bang-khen-ldld",
  "bang-khen-chuyen-de-tld"
]
