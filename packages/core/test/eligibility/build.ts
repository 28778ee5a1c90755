/**
 * Hand-written records for the named examples: the events a union's log would hold, a line each,
 * with the Hanoi names of the seeds (LĐLĐ Hà Nội, LĐLĐ quận Hoàng Mai, CĐCS Trung Thành…).
 */
import {
  type AwardKind,
  Directory,
  Eligibility,
  type Event,
  type Ids,
  type LocalDate,
  type Organization,
  Record,
  Rulebook
} from "@thidua/core"
import type { Careers } from "@thidua/testing"

export type Logged = Careers.Logged
type Part = Logged | ReadonlyArray<Logged>

export const TENANT = "hn"
export const FEDERATION = "ldld-ha-noi"
export const DISTRICT = "ldld-hoang-mai"
export const UNIT = "cdcs-trung-thanh"

const org = (event: object): Logged => ({ streamId: `org:${TENANT}`, event: event as Event.DomainEvent })
const on = (campaignId: string, event: object): Logged => ({
  streamId: `campaign:${campaignId}`,
  event: event as Event.DomainEvent
})

/** The campaign of a year in the examples. */
export const campaignOf = (year: number) => `hoang-mai-${year}`

export const memberSubject = (memberId: string, unit = UNIT): Organization.Subject =>
  ({ _tag: "Member", memberId, organizationId: unit }) as Organization.Subject
export const unitSubject = (unit = UNIT): Organization.Subject =>
  ({ _tag: "Unit", organizationId: unit }) as Organization.Subject

/** The federation, the district, and grassroots unions under it. */
export const unions = (...units: ReadonlyArray<string>): ReadonlyArray<Logged> => [
  org({
    _tag: "OrganizationRegistered",
    organizationId: FEDERATION,
    name: "LĐLĐ thành phố Hà Nội",
    level: "federation",
    validFrom: "2000-01-01"
  }),
  org({
    _tag: "OrganizationRegistered",
    organizationId: DISTRICT,
    name: "LĐLĐ quận Hoàng Mai",
    level: "upper",
    parentId: FEDERATION,
    validFrom: "2000-01-01"
  }),
  ...units.map((u) =>
    org({
      _tag: "OrganizationRegistered",
      organizationId: u,
      name: `Công đoàn cơ sở ${u}`,
      level: "grassroots",
      parentId: DISTRICT,
      validFrom: "2000-01-01"
    })
  )
]

/** A union group (tổ công đoàn) under a union. */
export const group = (groupId: string, parentId = UNIT): Logged =>
  org({
    _tag: "OrganizationRegistered",
    organizationId: groupId,
    name: `Tổ công đoàn ${groupId}`,
    level: "group",
    parentId,
    validFrom: "2000-01-01"
  })

export const member = (memberId: string, recruitedOn = "2015-03-02", unit = UNIT): Logged =>
  org({
    _tag: "MemberRegistered",
    memberId,
    name: "Nguyễn Thị Lan",
    organizationId: unit,
    recruitedOn,
    at: recruitedOn
  })

export const transferred = (memberId: string, unit: string, at: string): Logged =>
  org({ _tag: "MemberTransferred", memberId, organizationId: unit, at })

export const rated = (memberId: string, year: number, rating: Careers.Rating): Logged =>
  org({ _tag: "MemberRated", memberId, year, rating, ratedById: UNIT, at: `${year}-12-20` })

export const unitRated = (unit: string, year: number, rating: Careers.Rating): Logged =>
  org({ _tag: "UnitRated", organizationId: unit, year, rating, ratedById: DISTRICT, at: `${year}-12-28` })

export const leave = (
  memberId: string,
  kind: "maternity" | "sick" | "unpaid" | "other",
  start: string,
  end: string,
  workingDays: number
): Logged => org({ _tag: "LeaveRecorded", memberId, kind, period: { start, end }, workingDays })

export const disciplined = (
  memberId: string,
  level: "reprimand" | "warning" | "demotion" | "dismissal" | "administrative",
  at: string
): Logged => org({ _tag: "DisciplineRecorded", memberId, level, at })

export const cluster = (clusterId: string, year: number, memberIds: ReadonlyArray<string>): Logged =>
  org({
    _tag: "ClusterFormed",
    clusterId,
    name: `Cụm thi đua ${clusterId}`,
    kind: "cluster",
    organizerId: DISTRICT,
    year,
    memberIds
  })

/** A campaign planned for a year (or over `years` years), with its theme. */
export const planned = (
  campaignId: string,
  year: number,
  theme = "Lao động giỏi, Lao động sáng tạo",
  years = 1
): Logged =>
  on(campaignId, {
    _tag: "CampaignPlanned",
    campaignId,
    tenantId: TENANT,
    issuerId: DISTRICT,
    title: `Phong trào thi đua ${year}`,
    theme,
    form: years === 1 && theme === "Lao động giỏi, Lao động sáng tạo" ? "regular" : "thematic",
    period: { start: `${year}-01-01`, end: `${year + years - 1}-12-31` },
    sectors: [],
    titlesOffered: [],
    regime: year <= 2023 ? "R2003" : "R2024",
    at: `${year - 1}-12-15`
  })

let pledges = 0

/** A registration for the year (of a union, or of a member), approved unless said otherwise. */
export const registered = (
  who: Organization.Subject,
  year: number,
  outcome: "approved" | "rejected" | "pending" = "approved",
  campaignId = campaignOf(year)
): ReadonlyArray<Logged> => {
  const pledgeId = `dk-${++pledges}`
  const signed = on(campaignId, {
    _tag: "PledgeSigned",
    pledgeId,
    kind: "registration",
    signerIds: [who.organizationId],
    ...(who._tag === "Member" ? { subject: who } : {}),
    targets: [],
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    at: `${year}-02-10`
  })
  if (outcome === "pending") return [signed]
  return [
    signed,
    outcome === "approved"
      ? on(campaignId, { _tag: "RegistrationApproved", pledgeId, at: `${year}-02-20` })
      : on(campaignId, { _tag: "RegistrationRejected", pledgeId, reason: "Thiếu hồ sơ", at: `${year}-02-20` })
  ]
}

/** A covenant signed by unions for a year. */
export const covenant = (year: number, signerIds: ReadonlyArray<string>): Logged =>
  on(campaignOf(year), {
    _tag: "PledgeSigned",
    pledgeId: `giao-uoc-${++pledges}`,
    kind: "covenant",
    signerIds,
    targets: [],
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    at: `${year}-02-10`
  })

let initiatives = 0

/** An initiative of a member, recorded on `at`, applied and recognised at `scope` unless said otherwise. */
export const initiative = (
  memberId: string,
  at: string,
  o: {
    readonly scope?: "unit" | "province" | "national" | null
    readonly benefitVnd?: number
    readonly applied?: boolean
    readonly rejected?: boolean
    readonly unit?: string
    readonly campaignId?: string
  } = {}
): ReadonlyArray<Logged> => {
  const initiativeId = `sk-${++initiatives}`
  const campaignId = o.campaignId ?? campaignOf(Number(at.slice(0, 4)))
  const scope = o.scope === undefined ? "unit" : o.scope
  return [
    on(campaignId, {
      _tag: "InitiativeRecorded",
      initiativeId,
      unitId: o.unit ?? UNIT,
      memberId,
      kind: "initiative",
      title: "Cải tiến quy trình",
      benefitVnd: o.benefitVnd ?? 10_000_000,
      at
    }),
    ...(o.applied === false ? [] : [on(campaignId, { _tag: "InitiativeApplied", initiativeId, at })]),
    ...(scope === null
      ? []
      : [on(campaignId, { _tag: "InitiativeRecognized", initiativeId, level: scope, recognizedById: FEDERATION, at })]),
    ...(o.rejected === true
      ? [on(campaignId, { _tag: "InitiativeRejected", initiativeId, reason: "Trùng lặp", at })]
      : [])
  ]
}

/** A title or form granted for a year (its whole year unless a period is given). */
export const granted = (
  kind: AwardKind.AwardKind,
  recipient: Organization.Subject,
  year: number,
  o: {
    readonly awardId?: string
    readonly campaignId?: string
    readonly period?: { start: string; end: string }
    readonly grantedById?: string
  } = {}
): Logged =>
  on(o.campaignId ?? campaignOf(year), {
    _tag: "AwardGranted",
    awardId:
      o.awardId ?? `${kind}-${recipient._tag === "Unit" ? recipient.organizationId : recipient.memberId}-${year}`,
    recipient,
    kind,
    grantedById: o.grantedById ?? FEDERATION,
    reason: "Thành tích xuất sắc",
    basis: "campaign",
    period: o.period ?? { start: `${year}-01-01`, end: `${year}-12-31` },
    extraordinary: false,
    at: `${year + 1}-01-15`
  })

export const revoked = (awardId: string, campaignId: string, at = "2025-06-01"): Logged =>
  on(campaignId, { _tag: "AwardRevoked", awardId, reason: "false-dossier", at })

const flat = (parts: ReadonlyArray<Part>): ReadonlyArray<Logged> =>
  parts.flatMap((p) => ("streamId" in p ? [p as Logged] : (p as ReadonlyArray<Logged>)))

/** A record and its directory, folded from the parts in order. */
export const given = (...parts: ReadonlyArray<Part>) => {
  const events = flat(parts)
  let directory = Directory.initialFor(TENANT as Ids.TenantId)
  for (const { event } of events)
    if (event._tag === "OrganizationRegistered" || event._tag === "ClusterFormed")
      directory = Directory.evolve(directory, event)
  return { record: Record.fromEvents(events), directory, events }
}

/** The verdict on a subject, a kind and a year, by the standard rulebook. */
export const judge = (
  record: Record.State,
  subject: Organization.Subject,
  kind: AwardKind.AwardKind,
  year: number,
  options: Eligibility.Options = {},
  rulebook: Rulebook.Rulebook = Rulebook.standard
): Eligibility.Verdict =>
  Eligibility.eligibility(
    record,
    subject,
    kind,
    { start: `${year}-01-01`, end: `${year}-12-31` } as LocalDate.Period,
    rulebook,
    options
  )

/** The failing rule ids of a verdict. */
export const failing = (v: Eligibility.Verdict): ReadonlyArray<string> => v.failures.map((e) => e.code)

/** The failure of one rule, if any. */
export const failure = (v: Eligibility.Verdict, rule: string) => v.failures.find((e) => e.code === rule)
