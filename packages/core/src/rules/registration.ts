/**
 * Guards of registrations and covenants: G1, G2, G3, G5. (G4, one cluster per unit per year, is
 * the directory's: see `Directory.decide`.)
 *
 * @since 0.1.0
 */
import * as AwardKind from "../AwardKind.js"
import * as CampaignState from "../CampaignState.js"
import type { SignPledge } from "../Command.js"
import * as Dict from "../Dict.js"
import * as Directory from "../Directory.js"
import * as LocalDate from "../LocalDate.js"
import * as Organization from "../Organization.js"
import type * as Rulebook from "../Rulebook.js"
import { type Check, pass, refuse } from "./common.js"

/**
 * G1: an emulation title goes only to a subject that registered (approved registration) or signed
 * a covenant; a member also counts as registered when their unit did. Forms and extraordinary
 * awards are exempt.
 *
 * @since 0.1.0
 */
export const titleNeedsRegistration = (
  state: CampaignState.State,
  subject: Organization.Subject,
  kind: AwardKind.AwardKind,
  extraordinary: boolean,
  params: Rulebook.Params
): Check => {
  if (!params.titlesRequireRegistration || extraordinary || !AwardKind.isTitle(kind)) return pass
  const key = Organization.subjectKey(subject)
  const registered =
    Dict.has(state.registered, key) ||
    (subject._tag === "Member" && Dict.has(state.registered, `unit:${subject.organizationId}`))
  return registered ? pass : refuse("G1", { subject: key, awardKind: kind })
}

/** G2: at most one active registration per subject; a new one only after a rejection. @since 0.1.0 */
export const oneActiveRegistration = (state: CampaignState.State, command: typeof SignPledge.Type): Check => {
  if (command.kind !== "registration") return pass
  const subject = registrationSubject(command)
  const key = Organization.subjectKey(subject)
  const existing = Dict.get(state.activeRegistrations, key)
  return existing === undefined || existing === command.supersedes
    ? pass
    : refuse("G2", { subject: key, pledgeId: command.pledgeId, existing })
}

/** Whom a registration is for: its subject, or its first signer. @since 0.1.0 */
export const registrationSubject = (command: typeof SignPledge.Type): Organization.Subject =>
  command.subject ?? { _tag: "Unit", organizationId: command.signerIds[0] }

/**
 * G3: a cluster covenant's signatories all belong to the cluster in the covenant's year, and each
 * signs at most one covenant per cluster (a superseding covenant replaces the one it names).
 *
 * @since 0.1.0
 */
export const oneCovenantPerCluster = (
  state: CampaignState.State,
  directory: Directory.State,
  command: typeof SignPledge.Type,
  period: LocalDate.Period
): Check => {
  if (command.clusterId === undefined) return pass
  const cluster = Directory.cluster(directory, command.clusterId)
  if (cluster === undefined) return refuse("REF-MISSING", { kind: "cluster", id: command.clusterId })
  for (const unitId of command.signerIds) {
    if (!Directory.isClusterMember(cluster, unitId) || cluster.year !== LocalDate.year(period.start))
      return refuse("G3", { clusterId: cluster.clusterId, unitId, reason: "not-member", other: String(cluster.year) })
    const other = Dict.get(state.covenants, `${cluster.clusterId}|${unitId}`)
    if (other !== undefined && other !== command.supersedes && CampaignState.pledge(state, other)?.status === "Signed")
      return refuse("G3", { clusterId: cluster.clusterId, unitId, reason: "already-signed", other })
  }
  return pass
}

/**
 * G5: a pledge's period lies within the campaign's, a signed pledge is never signed again under
 * the same id, and a superseding pledge replaces one of its own kind that still stands.
 *
 * @since 0.1.0
 */
export const covenantFixedOnceSigned = (
  state: CampaignState.State,
  plan: CampaignState.Plan,
  command: typeof SignPledge.Type,
  period: LocalDate.Period
): Check => {
  if (CampaignState.pledge(state, command.pledgeId) !== undefined)
    return refuse("G5", { pledgeId: command.pledgeId, reason: "already-signed", other: "" })
  if (!LocalDate.contains(plan.period, period))
    return refuse("G5", {
      pledgeId: command.pledgeId,
      reason: "outside-period",
      other: `${plan.period.start} – ${plan.period.end}`
    })
  if (command.supersedes !== undefined) {
    const old = CampaignState.pledge(state, command.supersedes)
    if (old === undefined) return refuse("REF-MISSING", { kind: "pledge", id: command.supersedes })
    if (old.kind !== command.kind || old.status === "Superseded" || old.status === "Rejected")
      return refuse("G5", {
        pledgeId: command.pledgeId,
        reason: "cannot-supersede",
        other: old.id
      })
  }
  return pass
}
