/**
 * Generated command histories that exercise the whole campaign lifecycle.
 *
 * `world` builds a tenant's hierarchy (confederation, city federation, district federations,
 * grassroots unions, clusters) as directory commands. `campaign` then drives one campaign through
 * its lifecycle: at each step it looks at the state, lists the commands that make sense there
 * (launch, phases, enrolments, registrations, covenants, initiatives, scores, reviews,
 * nominations, awards, presentations, revocations, closing) and picks one. A few of them are near
 * misses built in (a phase that does not take the act, a council that falls short, a decision at a
 * level that may not grant, a comment window a day short, an award revoked twice). With `noise`,
 * some commands are perturbed first — a date moved, another actor, a wrong tenant, an id swapped —
 * so rules get tested against near misses, not only against what was built to pass.
 *
 * With `valid: true` it leaves the built-in near misses out and offers only what the rules allow,
 * by its own reading of them (never by asking the decider): every step of such a history is
 * accepted, and its events are a valid campaign stream — the input a projection or a host rule is
 * tested on. The package's tests hold the decider to agree on 100,000 of them.
 *
 * Every step is decided by the real decider: a history records each command, the decision (events
 * or the rule that refused) and the states before and after. Shrinking works on the choice list,
 * so a failing history shrinks to a short one.
 *
 * @since 0.1.0
 */
import {
  AwardKind,
  Campaign,
  type Command,
  Directory,
  type DomainError,
  type Event,
  type Ids,
  LocalDate,
  type Organization,
  Rulebook
} from "@thidua/core"
import { Result } from "effect"
import fc from "fast-check"
import {
  admissible,
  backs,
  decidableFrom,
  fileable,
  mayGrant,
  reviewedFor,
  votesSuffice
} from "./internal/admissible.js"

type OrgId = Ids.OrganizationId

/**
 * A generated tenant: its hierarchy, clusters and the directory commands that build it.
 *
 * @since 0.1.0
 */
export interface World {
  readonly tenantId: Ids.TenantId
  readonly year: number
  readonly confederation: OrgId
  readonly federation: OrgId
  readonly uppers: ReadonlyArray<OrgId>
  readonly units: ReadonlyArray<{ readonly id: OrgId; readonly parent: OrgId; readonly sector: Organization.Sector }>
  readonly clusters: ReadonlyArray<{
    readonly id: Ids.ClusterId
    readonly organizer: OrgId
    readonly members: ReadonlyArray<OrgId>
  }>
  readonly commands: ReadonlyArray<Command.DirectoryCommand>
  readonly directory: Directory.State
}

const d = (s: string) => s as LocalDate.LocalDate

/**
 * A tenant's hierarchy for a campaign year (2020, 2023, 2024 or 2025, so that every regime is
 * met), with 1–3 district federations of 1–4 grassroots unions each, and one cluster per district.
 *
 * @since 0.1.0
 */
export const world: fc.Arbitrary<World> = fc
  .record({
    year: fc.constantFrom(2020, 2023, 2024, 2025),
    shape: fc.array(
      fc.array(fc.constantFrom<Organization.Sector>("enterprise", "administrative"), { minLength: 1, maxLength: 4 }),
      {
        minLength: 1,
        maxLength: 3
      }
    )
  })
  .map(({ year, shape }) => {
    const tenantId = "tenant-1" as Ids.TenantId
    const from = d(`${year - 1}-01-01`)
    let n = 0
    const base = (actor: string) => ({
      commandId: `dir-${++n}` as Ids.CommandId,
      tenantId,
      actor: { organizationId: actor as OrgId, role: "executive" as const },
      at: from
    })
    const confederation = "tld" as OrgId
    const federation = "ldld-hn" as OrgId
    const commands: Array<Command.DirectoryCommand> = [
      {
        _tag: "RegisterOrganization",
        ...base("tld"),
        organizationId: confederation,
        name: "Tổng LĐLĐ Việt Nam",
        level: "confederation"
      },
      {
        _tag: "RegisterOrganization",
        ...base("tld"),
        organizationId: federation,
        name: "LĐLĐ thành phố Hà Nội",
        level: "federation",
        parentId: confederation
      }
    ]
    const uppers: Array<OrgId> = []
    const units: Array<World["units"][number]> = []
    const clusters: Array<World["clusters"][number]> = []
    shape.forEach((sectors, i) => {
      const upper = `ldld-q${i + 1}` as OrgId
      uppers.push(upper)
      commands.push({
        _tag: "RegisterOrganization",
        ...base(federation),
        organizationId: upper,
        name: `LĐLĐ quận ${i + 1}`,
        level: "upper",
        parentId: federation
      })
      const members: Array<OrgId> = []
      sectors.forEach((sector, j) => {
        const id = `cdcs-${i + 1}-${j + 1}` as OrgId
        units.push({ id, parent: upper, sector })
        members.push(id)
        commands.push({
          _tag: "RegisterOrganization",
          ...base(upper),
          organizationId: id,
          name: `CĐCS ${i + 1}.${j + 1}`,
          level: "grassroots",
          parentId: upper,
          sector,
          members: 50
        })
      })
      const clusterId = `cum-${i + 1}-${year}` as Ids.ClusterId
      clusters.push({ id: clusterId, organizer: upper, members })
      commands.push({
        _tag: "FormCluster",
        ...base(upper),
        at: d(`${year}-01-01`),
        clusterId,
        name: `Cụm thi đua ${i + 1}`,
        kind: "cluster",
        year,
        memberIds: members as [OrgId, ...Array<OrgId>]
      })
    })
    let directory = Directory.initialFor(tenantId)
    for (const c of commands) {
      const r = Directory.decide(directory, c)
      if (Result.isFailure(r)) throw new Error(`world: ${c._tag} refused: ${String(r.failure)}`)
      for (const e of r.success) directory = Directory.evolve(directory, e)
    }
    return { tenantId, year, confederation, federation, uppers, units, clusters, commands, directory }
  })

/**
 * One step of a history: the command, what the decider answered, and the states around it.
 *
 * @since 0.1.0
 */
export interface Step {
  readonly command: Command.CampaignCommand
  readonly perturbed: boolean
  readonly result: Result.Result<ReadonlyArray<Event.CampaignEvent>, DomainError.DomainError>
  readonly before: Campaign.State
  readonly after: Campaign.State
}

/**
 * A generated campaign history.
 *
 * @since 0.1.0
 */
export interface History {
  readonly world: World
  readonly context: Campaign.Context
  readonly steps: ReadonlyArray<Step>
  /** The events of the accepted commands, in order. */
  readonly events: ReadonlyArray<Event.CampaignEvent>
  readonly final: Campaign.State
}

/** @since 0.1.0 */
export interface Options {
  /** Share of commands perturbed before they are decided, 0 to 1. Default 0. */
  readonly noise?: number
  /** Most steps per history. Default 60. */
  readonly maxSteps?: number
  /** The rulebook the campaign is judged by. Default `Rulebook.standard`. */
  readonly rulebook?: Rulebook.Rulebook
  /**
   * Only commands the rules allow: the generator leaves its built-in near misses out and offers a
   * command only when its own reading of the rules (not the decider) lets it through, so every
   * step of a history is accepted. `noise` is ignored. Default false.
   */
  readonly valid?: boolean
}

type Draft = Command.CampaignCommand

const ids = <B>(prefix: string, n: number) => `${prefix}-${n}` as B

interface Clock {
  today: LocalDate.LocalDate
  n: number
  /** Only what the rules allow: no built-in near misses. */
  readonly valid: boolean
  /** The campaign's parameters, once it is planned. */
  params: Rulebook.Params | undefined
}

const laterOf = (a: LocalDate.LocalDate, b: LocalDate.LocalDate) => (a < b ? b : a)

/** The commands that make sense in a state, each built from the choice number `k`. */
const candidates = (
  w: World,
  s: Campaign.State,
  clock: Clock,
  campaignId: Ids.CampaignId,
  k: number
): Array<() => Draft> => {
  const at = clock.today
  const next = () => `cmd-${++clock.n}` as Ids.CommandId
  const as = (organizationId: OrgId, role: Organization.Role = "executive", on: LocalDate.LocalDate = at) => ({
    commandId: next(),
    tenantId: w.tenantId,
    actor: { organizationId, role },
    at: on,
    campaignId
  })
  const plan = s.plan
  const issuer = w.uppers[0]!
  const pick = <A>(xs: ReadonlyArray<A>): A | undefined => (xs.length === 0 ? undefined : xs[k % xs.length])
  // A near miss built in, now and then, unless only valid commands are asked for.
  const miss = (every: number) => !clock.valid && k % every === 0
  const out: Array<() => Draft> = []
  const year = w.year
  if (s.status === "Initial") {
    const clusters = clock.valid ? w.clusters.filter((c) => c.organizer === issuer) : w.clusters
    const thematic = k % 3 === 0
    const period = thematic
      ? { start: d(`${year}-03-01`), end: d(`${year}-05-31`) }
      : { start: d(`${year}-01-01`), end: d(`${year}-12-31`) }
    out.push(() => ({
      _tag: "PlanCampaign",
      ...as(issuer),
      at: LocalDate.addDays(period.start, -10),
      issuerId: issuer,
      title: thematic ? "Đợt thi đua cao điểm" : `Phong trào thi đua năm ${year}`,
      form: thematic ? "thematic" : "regular",
      period,
      sectors: [
        {
          sector: "enterprise",
          contents: [{ contentId: "nd-1" as Ids.ContentId, title: "Sáng kiến, cải tiến kỹ thuật" }]
        },
        { sector: "administrative", contents: [{ contentId: "nd-2" as Ids.ContentId, title: "Cải cách hành chính" }] }
      ],
      titlesOffered: ["lao-dong-tien-tien", "chien-si-thi-dua-co-so"],
      // Now and then a campaign of one cluster; another district's cluster is a C1 near miss.
      ...(k % 7 === 0 && clusters.length > 0 ? { clusterId: clusters[k % clusters.length]!.id } : {})
    }))
    return out
  }
  if (plan === undefined) return out
  // Activities fall within the campaign's period (C4): none before its first day.
  const day = laterOf(at, plan.period.start)
  const acts = (organizationId: OrgId, role: Organization.Role = "officer") => as(organizationId, role, day)
  // The phase an activity is filed under, if any: one that takes it on its day (C4); any phase is
  // a near miss.
  const filedUnder = (cross: boolean) =>
    miss(13) ? pick(s.phases) : k % 4 === 0 ? undefined : pick(s.phases.filter((p) => fileable(p, day, cross)))
  const myUnits = w.units.filter((u) => u.parent === issuer)
  const enrolled = [...Campaign.participants(s)]
  const members = (unit: OrgId) =>
    [0, 1, 2].map((i) => ({
      _tag: "Member" as const,
      memberId: `m-${unit}-${i}` as Ids.MemberId,
      organizationId: unit
    }))
  const subjects: Array<Organization.Subject> = enrolled.flatMap((p) => [
    { _tag: "Unit" as const, organizationId: p.unitId },
    ...members(p.unitId)
  ])
  switch (s.status) {
    case "Planned":
      out.push(() => ({
        _tag: "LaunchCampaign",
        ...as(issuer),
        ...(k % 2 === 0 && myUnits[0] ? { pilotUnitId: myUnits[0].id } : {})
      }))
      break
    case "Launched":
    case "Ended": {
      if (s.status === "Launched") {
        const regular = s.phases.filter((p) => p.kind === "regular")
        const last = regular[regular.length - 1]
        const start = last === undefined ? plan.period.start : LocalDate.addDays(last.end, 1)
        if (start <= plan.period.end) {
          const end = [LocalDate.addDays(start, 60 + (k % 120)), plan.period.end].sort()[0]!
          out.push(() => ({
            _tag: "SchedulePhase",
            ...as(issuer),
            phaseId: ids("dot", s.phases.length + 1),
            name: `Đợt ${s.phases.length + 1}`,
            kind: "regular",
            period: { start, end }
          }))
        }
        if (k % 4 === 0) {
          const start = LocalDate.addDays(plan.period.start, k % 30)
          const end = [LocalDate.addDays(start, 89), plan.period.end].sort()[0]!
          out.push(() => ({
            _tag: "SchedulePhase",
            ...as(issuer),
            phaseId: ids("cao-diem", s.phases.length + 1),
            name: "Đợt cao điểm 90 ngày",
            kind: "peak",
            period: { start, end }
          }))
        }
        // A phase opens on its first day at the earliest, so that what is filed under it can be.
        const scheduled = pick(s.phases.filter((p) => p.status === "Scheduled"))
        if (scheduled)
          out.push(() => ({
            _tag: "OpenPhase",
            ...as(issuer, "executive", laterOf(day, scheduled.start)),
            phaseId: scheduled.id
          }))
        const unit = pick(myUnits.filter((u) => !enrolled.some((p) => p.unitId === u.id)))
        if (unit) {
          const cluster = w.clusters.find((c) => c.members.includes(unit.id))
          out.push(() => ({
            _tag: "EnrollParticipant",
            ...acts(unit.id),
            unitId: unit.id,
            sector: unit.sector,
            ...(cluster && k % 2 ? { clusterId: cluster.id } : {})
          }))
        }
        const subject = pick(subjects)
        if (subject) {
          const unitId = subject.organizationId
          out.push(() => ({
            _tag: "SignPledge",
            ...acts(unitId),
            pledgeId: ids("dk", clock.n),
            kind: "registration",
            signerIds: [unitId],
            subject,
            targets: [{ awardKind: "lao-dong-tien-tien", description: "Đăng ký danh hiệu" }]
          }))
        }
        const cluster = pick(w.clusters.filter((c) => c.organizer === issuer))
        if (cluster && k % 3 === 0)
          out.push(() => ({
            _tag: "SignPledge",
            ...acts(cluster.organizer),
            pledgeId: ids("gu", clock.n),
            kind: "covenant",
            signerIds: cluster.members as [OrgId, ...Array<OrgId>],
            clusterId: cluster.id,
            targets: [{ description: "Giao ước thi đua" }],
            period: { start: clock.valid ? plan.period.start : d(`${year}-01-01`), end: plan.period.end }
          }))
        const p = pick(enrolled)
        if (p) {
          const phase = filedUnder(false)
          out.push(() => ({
            _tag: "RecordInitiative",
            ...acts(p.unitId),
            initiativeId: ids("sk", clock.n),
            unitId: p.unitId,
            ...(k % 2 ? { memberId: `m-${p.unitId}-${k % 3}` as Ids.MemberId } : {}),
            ...(phase ? { phaseId: phase.id } : {}),
            kind: k % 5 === 0 ? "work" : "initiative",
            title: "Cải tiến quy trình",
            benefitVnd: ((k * 7_919_000) % 200_000_000) as never
          }))
        }
      }
      const open = pick(s.phases.filter((p) => p.status === "Open"))
      if (open) out.push(() => ({ _tag: "ClosePhase", ...as(issuer), phaseId: open.id }))
      // An ended campaign closes its phases before anything else can move it on.
      if (open && s.status === "Ended") return out
      const reg = pick([...Campaign.pledges(s)].filter((p) => p.kind === "registration" && p.status === "Submitted"))
      if (reg)
        out.push(() =>
          k % 5 === 0
            ? { _tag: "RejectRegistration", ...as(issuer), pledgeId: reg.id, reason: "Thiếu chỉ tiêu" }
            : { _tag: "ApproveRegistration", ...as(issuer), pledgeId: reg.id }
        )
      const init = pick([...Campaign.initiatives(s)].filter((i) => i.status === "Recorded" || i.status === "Applied"))
      if (init)
        out.push(() =>
          init.status === "Recorded"
            ? k % 6 === 0
              ? { _tag: "RejectInitiative", ...as(issuer), initiativeId: init.id, reason: "Chưa áp dụng" }
              : { _tag: "ApplyInitiative", ...acts(init.unitId), initiativeId: init.id }
            : // The city federation recognises at province scope (I2), what the provincial fighter needs.
              {
                _tag: "RecognizeInitiative",
                ...as(k % 2 === 0 ? w.federation : init.unitId),
                initiativeId: init.id,
                level: k % 2 === 0 ? "province" : "unit"
              }
        )
      // Recognising before application is a near miss of rule I1.
      const unapplied = pick([...Campaign.initiatives(s)].filter((i) => i.status === "Recorded"))
      if (unapplied && miss(11))
        out.push(() => ({ _tag: "RecognizeInitiative", ...as(issuer), initiativeId: unapplied.id, level: "unit" }))
      const work = pick(
        [...Campaign.initiatives(s)].filter(
          (i) => i.kind === "work" && !i.plaqued && (i.status === "Applied" || i.status === "Recognized")
        )
      )
      if (work) out.push(() => ({ _tag: "PlaqueWork", ...as(issuer), initiativeId: work.id }))
      const scored = pick(enrolled)
      // Scores for the whole campaign and for a phase, by the unit itself and crossed (a closed
      // phase still takes cross scores until its review).
      if (scored) {
        const kind = k % 2 === 0 ? "self" : "cross"
        const scoredIn = k % 3 === 0 ? undefined : filedUnder(kind === "cross")
        out.push(() => ({
          _tag: "AssessScore",
          ...acts(scored.unitId),
          unitId: scored.unitId,
          ...(scoredIn ? { phaseId: scoredIn.id } : {}),
          contentId: "nd-1" as Ids.ContentId,
          points: k % 100,
          kind
        }))
      }
      if (s.status === "Launched") {
        const closed = pick(s.phases.filter((p) => p.status === "Closed"))
        if (closed || k % 5 === 0)
          out.push(() => ({ _tag: "HoldInterimReview", ...as(issuer), ...(closed ? { phaseId: closed.id } : {}) }))
        if (k % 3 === 0 && s.phases.length > 0 && s.phases.every((p) => p.status !== "Scheduled"))
          out.push(() => ({ _tag: "EndCampaign", ...as(issuer), at: [plan.period.end, at].sort()[1]! }))
      } else out.push(() => ({ _tag: "HoldFinalReview", ...as(issuer), at: LocalDate.addDays(at, 5) }))
      break
    }
    default:
      break
  }
  if (s.status === "Launched" || s.status === "Ended" || s.status === "Reviewed" || s.status === "Awarding") {
    const subject = pick(subjects)
    if (subject) {
      const kinds =
        subject._tag === "Member"
          ? ([
              "lao-dong-tien-tien",
              "chien-si-thi-dua-co-so",
              "giay-khen",
              "bang-khen-ldld",
              "doan-vien-cong-doan-xuat-sac",
              "chien-si-thi-dua-cap-tinh"
            ] as const)
          : (["giay-khen", "co-thi-dua-ldld", "tap-the-lao-dong-tien-tien", "bang-khen-cap-tinh"] as const)
      const kind = kinds[k % kinds.length]!
      const chain = Directory.chain(w.directory, subject.organizationId, at)
      const grantor = chain.find((o) => mayGrant(w.directory, o, kind)) ?? issuer
      const phase = pick(s.phases)
      const onPhase = k % 4 === 1 && phase !== undefined
      const period = onPhase ? { start: phase.start, end: phase.end } : plan.period
      out.push(() => ({
        _tag: "GrantAward",
        ...as(grantor),
        awardId: ids("kt", clock.n),
        recipient: subject,
        kind,
        reason: "Thành tích xuất sắc",
        basis: onPhase ? "phase" : "campaign",
        period,
        // In valid mode an award before its review can only be extraordinary (rule C7).
        extraordinary: k % 7 === 0 || (clock.valid && !reviewedFor(s, kind, period))
      }))
      // A title that rests on an initiative (I2) is proposed for the author of one recognised at
      // its scope, citing it; without one it is proposed bare, which only some regimes accept for
      // the grassroots fighter.
      // A member's title rests on the member's own initiative (I2), not on one of the unit's.
      const backing = pick(
        [...Campaign.initiatives(s)].filter(
          (i) => i.status === "Recognized" && i.memberId !== undefined && backs(i, kind)
        )
      )
      const rests = AwardKind.catalogue[kind].initiativeScope !== undefined && subject._tag === "Member"
      const nominee: Organization.Subject =
        rests && backing !== undefined
          ? {
              _tag: "Member",
              memberId: backing.memberId as Ids.MemberId,
              organizationId: backing.unitId
            }
          : subject
      const proposer = nominee._tag === "Member" ? nominee.organizationId : issuer
      if ((s.status !== "Reviewed" && s.status !== "Awarding") || k % 3 === 0)
        out.push(() => ({
          _tag: "ProposeNomination",
          ...as(proposer),
          nominationId: ids("dn", clock.n),
          subject: nominee,
          awardKind: kind,
          basis: "campaign",
          period: plan.period,
          ...(rests && backing !== undefined ? { initiativeIds: [backing.id] } : {})
        }))
    }
    const nom = pick([...Campaign.nominations(s)].filter((n) => n.status !== "Decided"))
    if (nom) {
      const holder = Directory.organization(w.directory, nom.holderId)
      const parent = holder === undefined ? undefined : Directory.parentOn(holder, at)
      out.push(() => {
        switch (nom.status) {
          case "Proposed":
          case "Submitted": {
            // Most of the council votes for it; a third of it is a near miss of T7.
            const councilSize = 5 + (k % 10)
            return {
              _tag: "HoldDeliberation",
              ...as(nom.holderId, "council"),
              nominationId: nom.id,
              councilSize,
              present: councilSize,
              votesFor: miss(7) ? Math.floor(councilSize / 3) : councilSize - (k % 3)
            }
          }
          case "Escalated":
            return {
              _tag: "SubmitNomination",
              ...as(nom.holderId),
              nominationId: nom.id,
              toOrganizationId: parent ?? w.federation
            }
          default: {
            // Decided at the holder's level when it may grant the kind (A1), else one level up
            // (A2) while a level above may; with too few votes (T7), not achieved. Deciding at a
            // level that may not grant is a near miss of A1, deciding within the comment window
            // one of A4.
            const short = clock.valid && clock.params !== undefined && !votesSuffice(nom, clock.params)
            const grants = mayGrant(w.directory, nom.holderId, nom.awardKind)
            const higher = Directory.chain(w.directory, nom.holderId, at)
              .slice(1)
              .some((o) => mayGrant(w.directory, o, nom.awardKind))
            const from = decidableFrom(nom)
            return {
              _tag: "DecideNomination",
              ...as(nom.holderId, "executive", from === undefined || miss(13) ? at : laterOf(at, from)),
              nominationId: nom.id,
              outcome: short
                ? "notAchieved"
                : miss(11)
                  ? "achievedAtLevel"
                  : k % 7 === 0
                    ? "notAchieved"
                    : grants && (k % 5 !== 0 || !higher)
                      ? "achievedAtLevel"
                      : higher
                        ? "escalated"
                        : "notAchieved"
            }
          }
        }
      })
    }
    const deliberated = pick([...Campaign.nominations(s)].filter((n) => n.status === "Deliberated"))
    if (deliberated && k % 3 === 0) {
      // Published for comment for the rulebook's days (A4) or a little longer; a day short is a
      // near miss.
      const days = (clock.params?.publicationDays ?? 5) - 1 + (miss(5) ? -1 : k % 4)
      const end = LocalDate.addDays(at, days)
      out.push(() => ({
        _tag: "PublishNominees",
        ...as(deliberated.holderId),
        nominationIds: [deliberated.id],
        period: { start: at, end }
      }))
    }
    const decided = pick(
      [...Campaign.nominations(s)].filter((n) => n.status === "Decided" && n.outcome === "achievedAtLevel")
    )
    if (decided)
      out.push(() => ({
        _tag: "GrantAward",
        ...as(decided.holderId),
        awardId: ids("kt", clock.n),
        recipient: decided.subject,
        kind: decided.awardKind,
        nominationId: decided.id,
        reason: "Theo đề nghị",
        basis: decided.basis,
        period: decided.period,
        extraordinary: false
      }))
    if (s.status === "Reviewed" || s.status === "Awarding") {
      if (k % 4 === 0) out.push(() => ({ _tag: "CloseCampaign", ...as(issuer) }))
      const awarded = pick([...Campaign.awards(s)].filter((a) => !a.revoked))
      if (awarded) out.push(() => ({ _tag: "ReplicateExemplar", ...as(issuer), subject: awarded.recipient }))
    }
  }
  // An award is presented (trao tặng) after the final review by its grantor, or by an organization
  // between the grantor and the recipient; a closed campaign takes nothing but revocations (C8).
  if (s.status === "Reviewed" || s.status === "Awarding") {
    const award = pick([...Campaign.awards(s)].filter((a) => !a.revoked && a.presentedAt === undefined))
    if (award) {
      const line = Directory.chain(w.directory, award.recipient.organizationId, at)
      const grantor = line.indexOf(award.grantedById)
      const presenters = grantor < 0 ? [award.grantedById] : line.slice(0, grantor + 1)
      const presenter = presenters[k % presenters.length]!
      out.push(() => ({
        _tag: "PresentAward",
        ...as(presenter),
        awardId: award.id,
        ...(k % 2 === 0 ? { ceremony: "Hội nghị tổng kết phong trào thi đua" } : {})
      }))
    }
  }
  // Revoking a standing award; revoking one again is a near miss of V1.
  const awarded = pick([...Campaign.awards(s)].filter((a) => !a.revoked))
  if (awarded && k % 5 === 0)
    out.push(() => ({ _tag: "RevokeAward", ...as(awarded.grantedById), awardId: awarded.id, reason: "false-dossier" }))
  const revoked = pick([...Campaign.awards(s)].filter((a) => a.revoked))
  if (revoked && miss(17))
    out.push(() => ({
      _tag: "RevokeAward",
      ...as(revoked.grantedById),
      awardId: revoked.id,
      reason: "unlawful-appraisal"
    }))
  if ((s.status === "Planned" || s.status === "Launched" || s.status === "Ended") && k % 97 === 0)
    out.push(() => ({ _tag: "CancelCampaign", ...as(issuer), reason: "Thay đổi kế hoạch" }))
  return out
}

/** Moves one thing in a command: a date, the actor, the tenant, the role or an id. */
const perturb = (
  w: World,
  command: Draft,
  m: number,
  past: ReadonlyArray<Step>,
  ahead: () => Draft | undefined
): Draft => {
  if (m % 9 === 7 && past.length > 0) {
    // Send an earlier command again under a new id: a duplicate act, not a retry.
    const old = past[m % past.length]!.command
    return { ...old, commandId: `${command.commandId}-again` as Ids.CommandId, at: command.at } as Draft
  }
  if (m % 9 === 8) return ahead() ?? command
  const orgs = [w.confederation, w.federation, ...w.uppers, ...w.units.map((u) => u.id), "ghost" as OrgId]
  const c = command as Draft & Record<string, unknown>
  switch (m % 7) {
    case 0:
      return { ...c, at: LocalDate.addDays(c.at, (m % 2 ? 1 : -1) * (30 + (m % 400))) } as Draft
    case 1:
      return { ...c, actor: { ...c.actor, organizationId: orgs[m % orgs.length]! } } as Draft
    case 2:
      return { ...c, actor: { ...c.actor, role: (["executive", "council", "officer"] as const)[m % 3]! } } as Draft
    case 3:
      return { ...c, tenantId: "tenant-2" as Ids.TenantId } as Draft
    case 4: {
      // Point an id field at another entity of the same kind, or at one that does not exist.
      const key = [
        "phaseId",
        "pledgeId",
        "initiativeId",
        "nominationId",
        "awardId",
        "unitId",
        "toOrganizationId",
        "issuerId"
      ].find((k) => k in c)
      return key === undefined ? command : ({ ...c, [key]: `${String(c[key]).replace(/-\d+$/, "")}-${m % 5}` } as Draft)
    }
    case 5:
      return "period" in c && c.period !== undefined
        ? ({
            ...c,
            period: {
              start: LocalDate.addDays((c.period as LocalDate.Period).start, -(m % 200)),
              end: LocalDate.addDays((c.period as LocalDate.Period).end, m % 200)
            }
          } as Draft)
        : command
    default:
      return "kind" in c && c._tag === "GrantAward"
        ? ({ ...c, kind: (Object.keys(AwardKind.catalogue) as Array<AwardKind.AwardKind>)[m % 25]! } as Draft)
        : command
  }
}

/**
 * Runs a list of choices as a history (exposed so a failing case can be replayed by hand).
 *
 * @since 0.1.0
 */
export const run = (w: World, choices: ReadonlyArray<readonly [number, number]>, options: Options = {}): History => {
  const context: Campaign.Context = { directory: w.directory, rulebook: options.rulebook ?? Rulebook.standard }
  const valid = options.valid ?? false
  const noise = valid ? 0 : Math.round((options.noise ?? 0) * 100)
  const campaignId = "campaign-1" as Ids.CampaignId
  const clock: Clock = { today: d(`${w.year - 1}-12-01`), n: 0, valid, params: undefined }
  let state = Campaign.initialState
  const steps: Array<Step> = []
  const events: Array<Event.CampaignEvent> = []
  for (const [pick, m] of choices) {
    if (clock.params === undefined && state.plan !== undefined)
      clock.params = Rulebook.forCampaign(context.rulebook, w.directory, state.plan)
    const thunks = candidates(w, state, clock, campaignId, pick)
    const drafts = valid
      ? thunks.map((f) => f()).filter((c) => admissible(w.directory, state, clock.params, c))
      : thunks
    if (drafts.length === 0) break
    const chosen = drafts[pick % drafts.length]!
    const draft = typeof chosen === "function" ? chosen() : chosen
    const perturbed = m % 100 < noise
    // "Ahead": a command that belongs to a later stage of the lifecycle (rules C3 and C8).
    const ahead = () => {
      const later: Campaign.State["status"] =
        state.status === "Planned"
          ? "Launched"
          : state.status === "Closed" || state.status === "Cancelled"
            ? "Awarding"
            : "Ended"
      const drafts = candidates(w, { ...state, status: later }, clock, campaignId, pick + 1)
      return drafts.length === 0 ? undefined : drafts[m % drafts.length]!()
    }
    const command = perturbed ? perturb(w, draft, m, steps, ahead) : draft
    const result = Campaign.decide(state, command, context)
    const before = state
    if (Result.isSuccess(result)) {
      for (const e of result.success) {
        state = Campaign.evolve(state, e)
        events.push(e)
      }
      if (!perturbed && command.at > clock.today) clock.today = command.at
    }
    steps.push({ command, perturbed, result, before, after: state })
    // Time moves on between steps, but not past the campaign's end while it runs.
    const end = state.plan?.period.end
    const step = LocalDate.addDays(clock.today, m % 9)
    clock.today = state.status === "Launched" && end !== undefined && step > end ? clock.today : step
  }
  const history: History = { world: w, context, steps, events, final: state }
  // What fast-check prints for a counterexample: the steps, not every state around them.
  return Object.defineProperty(history, fc.toStringMethod, { value: () => describe(w, steps) })
}

const describe = (w: World, steps: ReadonlyArray<Step>): string => {
  const lines = steps.map((s, i) => {
    const outcome = Result.isSuccess(s.result) ? "ok" : `refused ${s.result.failure.code}`
    return `  ${i}. ${s.perturbed ? "~" : ""}${s.command._tag} by ${s.command.actor.organizationId} on ${s.command.at}: ${outcome}`
  })
  const shape = w.uppers.map((u) => w.units.filter((x) => x.parent === u).length).join("+")
  return `History(${w.year}, units ${shape}, ${steps.length} steps)\n${lines.join("\n")}`
}

/**
 * Generated campaign histories over generated worlds.
 *
 * @example
 * ```ts
 * import { History } from "@thidua/testing"
 * import fc from "fast-check"
 * import assert from "node:assert"
 *
 * const [h] = fc.sample(History.campaign({ maxSteps: 80 }), { numRuns: 1, seed: 7 })
 * assert.ok(h !== undefined && h.steps.length > 0)
 *
 * // Valid histories only: every command accepted, `events` a well-formed campaign stream.
 * for (const v of fc.sample(History.campaign({ valid: true }), { numRuns: 20, seed: 7 }))
 *   assert.ok(v.steps.every((s) => s.result._tag === "Success"))
 * ```
 *
 * @since 0.1.0
 */
export const campaign = (options: Options = {}): fc.Arbitrary<History> =>
  fc
    .tuple(world, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: options.maxSteps ?? 60, size: "max" }))
    .map(([w, choices]) => run(w, choices, options))
