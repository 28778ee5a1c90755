/**
 * Guards of nominations and awards: A1, A2, A3, U1, V1, T4, T7, C7.
 *
 * @since 0.1.0
 */
import * as AwardKind from "../AwardKind.js"
import * as CampaignState from "../CampaignState.js"
import * as Dict from "../Dict.js"
import type { RevocationReason } from "../Event.js"
import type { OrganizationId } from "../Ids.js"
import type * as LocalDate from "../LocalDate.js"
import * as Organization from "../Organization.js"
import type * as Rulebook from "../Rulebook.js"
import { type Check, pass, refuse } from "./common.js"

/** A1: the granting organization's level may grant this kind. @since 0.1.0 */
export const grantingAuthority = (
  grantedById: OrganizationId,
  level: Organization.Level,
  kind: AwardKind.AwardKind
): Check => (AwardKind.mayGrant(level, kind) ? pass : refuse("A1", { grantedById, level, awardKind: kind }))

/** A2: a nomination goes to the direct parent of the level that holds it. @since 0.1.0 */
export const oneLevelUp = (
  n: CampaignState.Nomination,
  parentId: OrganizationId | undefined,
  to: OrganizationId
): Check => (parentId === to ? pass : refuse("A2", { nominationId: n.id, from: n.holderId, to }))

/**
 * A2: a nomination is escalated only by a level that has one above it (the top level decides).
 *
 * @since 0.1.0
 */
export const levelAbove = (n: CampaignState.Nomination, parentId: OrganizationId | undefined): Check =>
  parentId !== undefined ? pass : refuse("A2", { nominationId: n.id, from: n.holderId, to: "" })

/** A3: a nomination is decided, or rewarded, only after its deliberation. @since 0.1.0 */
export const deliberatedFirst = (n: CampaignState.Nomination): Check =>
  n.status === "Deliberated" ? pass : refuse("A3", { nominationId: n.id, status: n.status })

/**
 * A3: an award that cites a nomination follows its decision "achieved at this level", for the same
 * subject and kind, by the level that holds the file.
 *
 * @since 0.1.0
 */
export const grantFollowsNomination = (
  n: CampaignState.Nomination,
  recipient: Organization.Subject,
  kind: AwardKind.AwardKind,
  grantedById: OrganizationId
): Check =>
  n.status === "Decided" &&
  n.outcome === "achievedAtLevel" &&
  n.awardKind === kind &&
  n.holderId === grantedById &&
  Organization.subjectKey(n.subject) === Organization.subjectKey(recipient)
    ? pass
    : refuse("A3", { nominationId: n.id, status: n.outcome === undefined ? n.status : `${n.status} (${n.outcome})` })

/** U1: one commendation form per achievement (subject, basis, period); each title once per period. @since 0.1.0 */
export const oneAwardPerAchievement = (
  state: CampaignState.State,
  recipient: Organization.Subject,
  basis: "campaign" | "phase",
  period: LocalDate.Period,
  kind: AwardKind.AwardKind
): Check => {
  const existing = Dict.get(state.achievements, CampaignState.achievementKey(recipient, basis, period, kind))
  return existing === undefined
    ? pass
    : refuse("U1", {
        subject: Organization.subjectKey(recipient),
        existingAwardId: existing,
        basis: `${basis} ${period.start} – ${period.end}`
      })
}

const revocationReasons: ReadonlyArray<RevocationReason> = [
  "fraudulent-declaration",
  "false-dossier",
  "unlawful-appraisal",
  "violation-in-period"
]

/** V1: a revocation names a lawful reason and revokes a standing award. @since 0.1.0 */
export const lawfulRevocation = (a: CampaignState.Award, reason: string): Check =>
  a.revoked
    ? refuse("V1", { awardId: a.id, reason: "already-revoked", value: "" })
    : revocationReasons.includes(reason as RevocationReason)
      ? pass
      : refuse("V1", { awardId: a.id, reason: "unlawful-reason", value: reason })

/**
 * T4: Grassroots Emulation Fighters of a unit stay within the rulebook's share of its Advanced
 * Workers.
 *
 * @since 0.1.0
 */
export const fighterQuota = (
  state: CampaignState.State,
  recipient: Organization.Subject,
  kind: AwardKind.AwardKind,
  params: Rulebook.Params
): Check => {
  if (kind !== "chien-si-thi-dua-co-so" || params.grassrootsFighterQuota === null || recipient._tag !== "Member")
    return pass
  const counts = Dict.get(state.fighters, recipient.organizationId) ?? { advanced: 0, fighters: 0 }
  const cap = Math.floor(params.grassrootsFighterQuota * counts.advanced + 1e-9)
  return counts.fighters + 1 <= cap
    ? pass
    : refuse("T4", { unitId: recipient.organizationId, count: counts.fighters + 1, cap })
}

/** The votes a nomination needs: the rulebook's share of all council members. @since 0.1.0 */
export const votesNeeded = (kind: AwardKind.AwardKind, councilSize: number, params: Rulebook.Params): number =>
  Math.ceil((params.councilApproval[kind] ?? params.defaultCouncilApproval) * councilSize - 1e-9)

/** T7: a nomination passes only with enough of the whole council voting for it. @since 0.1.0 */
export const councilApproval = (n: CampaignState.Nomination, params: Rulebook.Params): Check => {
  if (n.vote === undefined) return refuse("A3", { nominationId: n.id, status: n.status })
  const required = votesNeeded(n.awardKind, n.vote.councilSize, params)
  return n.vote.votesFor >= required
    ? pass
    : refuse("T7", { nominationId: n.id, votesFor: n.vote.votesFor, councilSize: n.vote.councilSize, required })
}

/**
 * C7: an annual title follows the final review; another campaign award follows a review held
 * once its period is over; extraordinary awards are exempt.
 *
 * @since 0.1.0
 */
export const awardAfterReview = (
  state: CampaignState.State,
  kind: AwardKind.AwardKind,
  period: LocalDate.Period,
  extraordinary: boolean
): Check => {
  if (extraordinary) return pass
  if (AwardKind.catalogue[kind].annual)
    return state.finalReviewAt !== undefined ? pass : refuse("C7", { awardKind: kind, needs: "final review" })
  const reviewed = state.finalReviewAt !== undefined || state.interimReviews.some((r) => r.at >= period.end)
  return reviewed ? pass : refuse("C7", { awardKind: kind, needs: "interim or final review" })
}
