/**
 * The generator's own reading of the rules, for histories of valid commands only.
 *
 * It looks at what a state shows (its pledges, awards, nominations, reviews) and says whether a
 * command should pass, without asking the decider or reading its bookkeeping (`registered`,
 * `achievements`, `fighters`, ...). A test then holds the decider to agree on every step: if
 * either side drifts from the rules, a history is refused and shrinks to the step where they
 * part.
 *
 * @internal
 */
import { AwardKind, Campaign, type Command, Directory, LocalDate, Organization, Rulebook } from "@thidua/core"

type State = Campaign.State
type Plan = Campaign.Plan
type GrantAward = Extract<Command.CampaignCommand, { _tag: "GrantAward" }>
type SignPledge = Extract<Command.CampaignCommand, { _tag: "SignPledge" }>
type SchedulePhase = Extract<Command.CampaignCommand, { _tag: "SchedulePhase" }>

/** The parameters the campaign is judged by: its regime, with the issuer's overrides. */
export const paramsOf = (book: Rulebook.Rulebook, directory: Directory.State, plan: Plan): Rulebook.Params =>
  Rulebook.params(
    book,
    Rulebook.regime(book, plan.regime, plan.period.start),
    Directory.chain(directory, plan.issuerId, plan.period.start)
  )

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

const standing = (s: State) => [...Campaign.awards(s)].filter((a) => !a.revoked)

/** G1: an approved registration of the subject (or of a member's unit), or a covenant its unit signed. */
const registered = (s: State, subject: Organization.Subject): boolean => {
  const keys = new Set([Organization.subjectKey(subject)])
  if (subject._tag === "Member") keys.add(`unit:${subject.organizationId}`)
  for (const p of Campaign.pledges(s)) {
    if (
      p.kind === "registration" &&
      p.status === "Approved" &&
      p.subject &&
      keys.has(Organization.subjectKey(p.subject))
    )
      return true
    if (p.kind !== "registration" && p.signerIds.some((u) => keys.has(`unit:${u}`))) return true
  }
  return false
}

const sameAchievement = (a: Campaign.Award, c: GrantAward) =>
  Organization.subjectKey(a.recipient) === Organization.subjectKey(c.recipient) &&
  a.basis === c.basis &&
  a.period.start === c.period.start &&
  a.period.end === c.period.end &&
  (AwardKind.isTitle(c.kind) ? a.kind === c.kind : !AwardKind.isTitle(a.kind))

const grantAllowed = (w: Directory.State, s: State, params: Rulebook.Params, c: GrantAward): boolean => {
  const grantor = Directory.organization(w, c.actor.organizationId)
  if (grantor === undefined || !AwardKind.mayGrant(grantor.level, c.kind)) return false // A1
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

const pledgeAllowed = (s: State, plan: Plan, c: SignPledge): boolean => {
  const period = c.period ?? plan.period
  if (!LocalDate.contains(plan.period, period)) return false // G5
  const pledges = [...Campaign.pledges(s)]
  if (c.kind === "registration") {
    const key = Organization.subjectKey(c.subject ?? { _tag: "Unit", organizationId: c.signerIds[0] })
    const active = (p: Campaign.Pledge) => p.status === "Submitted" || p.status === "Approved"
    if (pledges.some((p) => p.subject && Organization.subjectKey(p.subject) === key && active(p))) return false // G2
  }
  if (c.clusterId !== undefined) {
    if (LocalDate.year(period.start) !== LocalDate.year(plan.period.start)) return false // G3, the cluster's year
    const signed = pledges.filter((p) => p.clusterId === c.clusterId && p.status === "Signed")
    if (signed.some((p) => p.signerIds.some((u) => c.signerIds.includes(u)))) return false // G3
  }
  return true
}

/** C5: within the campaign; regular phases in order and apart; peak phases apart unless allowed. */
const phaseAllowed = (s: State, plan: Plan, params: Rulebook.Params, c: SchedulePhase): boolean =>
  LocalDate.contains(plan.period, c.period) &&
  s.phases.every((other) => {
    if (params.peakPhasesMayOverlap && (c.kind === "peak" || other.kind === "peak")) return true
    const apart = c.period.end < other.start || other.end < c.period.start
    return apart && !(c.kind === "regular" && other.kind === "regular" && c.period.start < other.start)
  })

/** A2: a nomination goes to the holder's parent; the top level, with none, decides instead. */
const parentOf = (directory: Directory.State, holderId: string, at: LocalDate.LocalDate) => {
  const holder = Directory.organization(directory, holderId as never)
  return holder === undefined ? undefined : Directory.parentOn(holder, at)
}

const activities = new Set(["OpenPhase", "EnrollParticipant", "SignPledge", "RecordInitiative", "ApplyInitiative"])

/** Whether the rules let `c` through in `s`, as the generator reads them. */
export const admissible = (
  directory: Directory.State,
  s: State,
  params: Rulebook.Params | undefined,
  c: Command.CampaignCommand
): boolean => {
  const plan = s.plan
  if (plan === undefined || params === undefined) return true
  if (plan.form === "thematic" && activities.has(c._tag) && !LocalDate.within(c.at, plan.period)) return false // C4
  switch (c._tag) {
    case "SchedulePhase":
      return phaseAllowed(s, plan, params, c)
    case "SignPledge":
      return pledgeAllowed(s, plan, c)
    case "SubmitNomination": {
      const n = Campaign.nomination(s, c.nominationId)
      return n !== undefined && parentOf(directory, n.holderId, c.at) === c.toOrganizationId
    }
    case "GrantAward":
      return grantAllowed(directory, s, params, c)
    case "RecognizeInitiative":
      return Campaign.initiative(s, c.initiativeId)?.status === "Applied" // I1
    case "DecideNomination": {
      const n = Campaign.nomination(s, c.nominationId)
      if (n === undefined || (c.outcome !== "notAchieved" && !votesSuffice(n, params))) return false // T7
      return c.outcome !== "escalated" || parentOf(directory, n.holderId, c.at) !== undefined // A2
    }
    case "CloseCampaign":
      return [...Campaign.nominations(s)].every((n) => n.status === "Decided")
    default:
      return true
  }
}
