/**
 * The generator's own reading of the rules, for histories of valid commands only.
 *
 * It looks at what a state shows (its phases, pledges, initiatives, nominations, awards, reviews)
 * and says whether a command should pass, without asking the decider: no guard of core is called
 * and none of its bookkeeping (`registered`, `achievements`, `fighters`, ...) is read. A test then
 * holds the decider to agree on every step: if either side drifts from the rules, a history is
 * refused and shrinks to the step where they part.
 *
 * @internal
 */
import { AwardKind, Campaign, type Command, Directory, LocalDate, Organization, type Rulebook } from "@thidua/core"

type State = Campaign.State
type Plan = Campaign.Plan
type Cmd<T extends Command.CampaignCommand["_tag"]> = Extract<Command.CampaignCommand, { _tag: T }>

/** T7: a nomination passes when enough of the whole council voted for it. */
export const votesSuffice = (n: Campaign.Nomination, params: Rulebook.Params): boolean => {
  if (n.vote === undefined) return false
  const share = params.councilApproval[n.awardKind] ?? params.defaultCouncilApproval
  return n.vote.votesFor >= Math.ceil(share * n.vote.councilSize - 1e-9)
}

/** C7: a campaign award comes after the review that covers its period (annual titles: the final one). */
export const reviewedFor = (s: State, kind: AwardKind.AwardKind, period: LocalDate.Period): boolean =>
  s.finalReviewAt !== undefined ||
  (!AwardKind.catalogue[kind].annual && s.interimReviews.some((r) => r.at >= period.end))

/** A1: the organization's level may grant the kind. */
export const mayGrant = (directory: Directory.State, organizationId: string, kind: AwardKind.AwardKind): boolean => {
  const org = Directory.organization(directory, organizationId)
  // Read from the catalogue, the data, not from the guard that enforces it.
  return org !== undefined && AwardKind.catalogue[kind].grantingLevels.includes(org.level)
}

const scopeRank = { unit: 0, province: 1, national: 2 } as const

/** I2: the initiative is recognised at the scope the kind needs, or wider. */
export const backs = (i: Campaign.Initiative, kind: AwardKind.AwardKind): boolean => {
  const required = AwardKind.catalogue[kind].initiativeScope
  return (
    required === undefined ||
    (i.status === "Recognized" && i.level !== undefined && scopeRank[i.level] >= scopeRank[required])
  )
}

/**
 * I2: whether a nomination for the kind must cite an initiative: the provincial and national
 * fighters always, the grassroots fighter where the regime requires it.
 */
export const needsInitiative = (kind: AwardKind.AwardKind, params: Rulebook.Params): boolean =>
  AwardKind.catalogue[kind].initiativeScope !== undefined &&
  !(kind === "chien-si-thi-dua-co-so" && params.grassrootsFighterInitiative === "alternative")

/**
 * C4: where an activity may be filed under a phase on a day. An open phase takes what falls within
 * its days; a closed one, not yet reviewed, still takes cross scores from its first day on (they
 * are given at its review).
 */
export const fileable = (phase: Campaign.Phase, at: LocalDate.LocalDate, cross: boolean): boolean =>
  phase.status === "Open"
    ? phase.start <= at && at <= phase.end
    : cross && phase.status === "Closed" && phase.start <= at

const standing = (s: State) => [...Campaign.awards(s)].filter((a) => !a.revoked)

/** G1: an approved registration of the subject (or of a member's unit), or a covenant its unit signed. */
const registered = (s: State, subject: Organization.Subject): boolean => {
  const keys = new Set([Organization.subjectKey(subject)])
  if (subject._tag === "Member") keys.add(`unit:${subject.organizationId}`)
  for (const p of Campaign.pledges(s)) {
    if (
      p.kind === "registration" &&
      p.status === "Approved" &&
      keys.has(Organization.subjectKey(Organization.registrationSubject(p)))
    )
      return true
    if (p.kind !== "registration" && p.signerIds.some((u) => keys.has(`unit:${u}`))) return true
  }
  return false
}

const sameAchievement = (a: Campaign.Award, c: Cmd<"GrantAward">) =>
  Organization.subjectKey(a.recipient) === Organization.subjectKey(c.recipient) &&
  a.basis === c.basis &&
  a.period.start === c.period.start &&
  a.period.end === c.period.end &&
  (AwardKind.isTitle(c.kind) ? a.kind === c.kind : !AwardKind.isTitle(a.kind))

const grantAllowed = (w: Directory.State, s: State, params: Rulebook.Params, c: Cmd<"GrantAward">): boolean => {
  if (!mayGrant(w, c.actor.organizationId, c.kind)) return false // A1
  if (!c.extraordinary && !reviewedFor(s, c.kind, c.period)) return false // C7
  if (!c.extraordinary && params.titlesRequireRegistration && AwardKind.isTitle(c.kind) && !registered(s, c.recipient))
    return false // G1
  const awards = standing(s)
  if (awards.some((a) => sameAchievement(a, c))) return false // U1
  if (c.kind === "chien-si-thi-dua-co-so" && c.recipient._tag === "Member" && params.grassrootsFighterQuota !== null) {
    const unit = c.recipient.organizationId
    const ofUnit = awards.filter((a) => a.recipient._tag === "Member" && a.recipient.organizationId === unit)
    const advanced = ofUnit.filter((a) => a.kind === "lao-dong-tien-tien").length
    const fighters = ofUnit.filter((a) => a.kind === "chien-si-thi-dua-co-so").length
    if (fighters + 1 > Math.floor(params.grassrootsFighterQuota * advanced + 1e-9)) return false // T4
  }
  return true
}

const pledgeAllowed = (s: State, plan: Plan, c: Cmd<"SignPledge">): boolean => {
  const period = c.period ?? plan.period
  if (!LocalDate.contains(plan.period, period)) return false // G5
  const pledges = [...Campaign.pledges(s)]
  if (c.kind === "registration") {
    const key = Organization.subjectKey(Organization.registrationSubject(c))
    const active = (p: Campaign.Pledge) => p.status === "Submitted" || p.status === "Approved"
    if (
      pledges.some(
        (p) =>
          p.kind === "registration" && active(p) && Organization.subjectKey(Organization.registrationSubject(p)) === key
      )
    )
      return false // G2
  }
  if (c.clusterId !== undefined) {
    if (LocalDate.year(period.start) !== LocalDate.year(plan.period.start)) return false // G3, the cluster's year
    const signed = pledges.filter((p) => p.clusterId === c.clusterId && p.status === "Signed")
    if (signed.some((p) => p.signerIds.some((u) => c.signerIds.includes(u)))) return false // G3
  }
  return true
}

/** C5: within the campaign; regular phases in order and apart; peak phases apart unless allowed. */
const phaseAllowed = (s: State, plan: Plan, params: Rulebook.Params, c: Cmd<"SchedulePhase">): boolean =>
  LocalDate.contains(plan.period, c.period) &&
  s.phases.every((other) => {
    if (params.peakPhasesMayOverlap && (c.kind === "peak" || other.kind === "peak")) return true
    const apart = c.period.end < other.start || other.end < c.period.start
    return apart && !(c.kind === "regular" && other.kind === "regular" && c.period.start < other.start)
  })

/** C4: an activity filed under a phase is filed where the phase takes it. */
const filedAllowed = (s: State, phaseId: string | undefined, at: LocalDate.LocalDate, cross: boolean): boolean => {
  if (phaseId === undefined) return true
  const phase = s.phases.find((p) => p.id === phaseId)
  return phase !== undefined && fileable(phase, at, cross)
}

/** I2: the cited initiatives are recognised at the title's scope, and a title resting on one cites one. */
const citationsAllowed = (s: State, params: Rulebook.Params, c: Cmd<"ProposeNomination">): boolean => {
  const cited = (c.initiativeIds ?? []).map((id) => Campaign.initiative(s, id))
  if (cited.some((i) => i === undefined || !backs(i, c.awardKind))) return false
  // I2: the nominee's own initiatives: its unit's, or, for a member, the member's.
  const own = (i: Campaign.Initiative) =>
    i.unitId === c.subject.organizationId && (c.subject._tag === "Unit" || i.memberId === c.subject.memberId)
  if (cited.some((i) => !own(i!))) return false
  return cited.length > 0 || !needsInitiative(c.awardKind, params)
}

/** D2: the issuer, then each successor that carries it on, is in operation on every day of the period. */
const issuerCovers = (directory: Directory.State, issuerId: string, period: LocalDate.Period): boolean => {
  let org = Directory.organization(directory, issuerId)
  let from = period.start
  for (let i = 0; org !== undefined && i < 16; i++) {
    if (org.validFrom > from) return false
    if (org.validTo === undefined || org.validTo >= period.end) return true
    from = LocalDate.addDays(org.validTo, 1)
    org = org.successorId === undefined ? undefined : Directory.organization(directory, org.successorId)
  }
  return false
}

/** A2: a nomination goes to the holder's parent; the top level, with none, decides instead. */
const parentOf = (directory: Directory.State, holderId: string, at: LocalDate.LocalDate) => {
  const holder = Directory.organization(directory, holderId)
  return holder === undefined ? undefined : Directory.parentOn(holder, at)
}

/** A4: the first day a published nomination may be decided (the day after its window), if published. */
export const decidableFrom = (n: Campaign.Nomination): LocalDate.LocalDate | undefined =>
  n.publishedUntil === undefined ? undefined : LocalDate.addDays(n.publishedUntil, 1)

/** A4: the last day of a comment window that opens on `start` and lasts the rulebook's days. */
const windowEnd = (start: LocalDate.LocalDate, params: Rulebook.Params): LocalDate.LocalDate =>
  LocalDate.addDays(start, params.publicationDays - 1)

const decisionAllowed = (
  directory: Directory.State,
  s: State,
  params: Rulebook.Params,
  c: Cmd<"DecideNomination">
): boolean => {
  const n = Campaign.nomination(s, c.nominationId)
  if (n === undefined || (c.outcome !== "notAchieved" && !votesSuffice(n, params))) return false // T7
  const from = decidableFrom(n)
  if (from !== undefined && c.at < from) return false // A4
  if (c.outcome === "achievedAtLevel") return mayGrant(directory, n.holderId, n.awardKind) // A1
  return c.outcome !== "escalated" || parentOf(directory, n.holderId, c.at) !== undefined // A2
}

/** A presentation comes from the grantor or from between it and the recipient, once, after the grant. */
const presentationAllowed = (directory: Directory.State, s: State, c: Cmd<"PresentAward">): boolean => {
  const a = Campaign.award(s, c.awardId)
  if (a === undefined || a.revoked || a.presentedAt !== undefined || c.at < a.grantedAt) return false
  const actorId = c.actor.organizationId
  return (
    Directory.isWithin(directory, a.grantedById, actorId, c.at) &&
    Directory.isWithin(directory, actorId, a.recipient.organizationId, c.at)
  )
}

// C4: the campaign's activities, dated within its period whatever its form; units may enrol and
// sign at a launch conference held before it. Scores come from its start until the final review.
const activities = new Set(["OpenPhase", "EnrollParticipant", "SignPledge", "RecordInitiative", "ApplyInitiative"])
const atLaunch = new Set(["EnrollParticipant", "SignPledge"])

/** Whether the rules let `c` through in `s`, as the generator reads them. */
export const admissible = (
  directory: Directory.State,
  s: State,
  params: Rulebook.Params | undefined,
  c: Command.CampaignCommand
): boolean => {
  if (c._tag === "PlanCampaign") return issuerCovers(directory, c.issuerId, c.period) // D2
  const plan = s.plan
  if (plan === undefined || params === undefined) return true
  if (c._tag === "AssessScore" && c.at < plan.period.start) return false // C4
  if (activities.has(c._tag)) {
    const early = atLaunch.has(c._tag) && s.launchedAt !== undefined && s.launchedAt < plan.period.start
    if (c.at < (early ? s.launchedAt! : plan.period.start) || c.at > plan.period.end) return false // C4
  }
  switch (c._tag) {
    case "LaunchCampaign":
      return issuerCovers(directory, plan.issuerId, plan.period) // D2
    case "SchedulePhase":
      return phaseAllowed(s, plan, params, c)
    case "SignPledge":
      return pledgeAllowed(s, plan, c)
    case "RecordInitiative":
      return filedAllowed(s, c.phaseId, c.at, false)
    case "AssessScore":
      return filedAllowed(s, c.phaseId, c.at, c.kind === "cross")
    case "ProposeNomination":
      return citationsAllowed(s, params, c)
    case "PublishNominees":
      return windowEnd(c.period.start, params) <= c.period.end // A4
    case "SubmitNomination": {
      const n = Campaign.nomination(s, c.nominationId)
      return n !== undefined && parentOf(directory, n.holderId, c.at) === c.toOrganizationId
    }
    case "DecideNomination":
      return decisionAllowed(directory, s, params, c)
    case "GrantAward":
      return grantAllowed(directory, s, params, c)
    case "PresentAward":
      return presentationAllowed(directory, s, c)
    case "RecognizeInitiative":
      return Campaign.initiative(s, c.initiativeId)?.status === "Applied" // I1
    case "CloseCampaign":
      return [...Campaign.nominations(s)].every((n) => n.status === "Decided")
    default:
      return true
  }
}
