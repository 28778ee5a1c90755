/**
 * Guards of the campaign and its phases: C1, C2, C4, C5, C6. (C3 and C8 are the lifecycle
 * machine's refusals, in `Lifecycle.refusal`.)
 *
 * @since 0.1.0
 */

import type * as CampaignState from "../CampaignState.js"
import type { PlanCampaign, SchedulePhase } from "../Command.js"
import * as Directory from "../Directory.js"
import type { OrganizationId } from "../Ids.js"
import * as LocalDate from "../LocalDate.js"
import type * as Rulebook from "../Rulebook.js"
import { type Check, pass, refuse } from "./common.js"

/** C1: the form is regular or thematic; a cluster scope is a cluster the issuer organizes. @since 0.1.0 */
export const formAndScope = (command: typeof PlanCampaign.Type, directory: Directory.State): Check => {
  if (command.form !== "regular" && command.form !== "thematic")
    return refuse("C1", { campaignId: command.campaignId, reason: "form", value: String(command.form) })
  if (command.clusterId !== undefined) {
    const cluster = Directory.cluster(directory, command.clusterId)
    if (cluster === undefined || cluster.organizerId !== command.issuerId)
      return refuse("C1", { campaignId: command.campaignId, reason: "scope", value: command.clusterId })
  }
  return pass
}

/** C2: the actor's jurisdiction contains the issuer (and so the campaign's scope). @since 0.1.0 */
export const launcherJurisdiction = (
  directory: Directory.State,
  actorId: OrganizationId,
  issuerId: OrganizationId,
  targetId: OrganizationId,
  at: LocalDate.LocalDate
): Check =>
  Directory.isWithin(directory, actorId, issuerId, at) && Directory.isWithin(directory, issuerId, targetId, at)
    ? pass
    : refuse("C2", { actorId, issuerId, targetId })

/** C4: a thematic campaign starts before it ends. @since 0.1.0 */
export const thematicPeriod = (command: typeof PlanCampaign.Type): Check =>
  command.form === "thematic" && command.period.start >= command.period.end
    ? refuse("C4", { date: command.period.end, start: command.period.start, end: command.period.end })
    : pass

/** C4: an activity of a thematic campaign falls within its period. @since 0.1.0 */
export const activityWithinPeriod = (plan: CampaignState.Plan, at: LocalDate.LocalDate): Check =>
  plan.form === "thematic" && !LocalDate.within(at, plan.period)
    ? refuse("C4", { date: at, start: plan.period.start, end: plan.period.end })
    : pass

/** C4: a nomination's or an award's period lies within the campaign's. @since 0.1.0 */
export const periodWithinCampaign = (plan: CampaignState.Plan, period: LocalDate.Period): Check =>
  LocalDate.contains(plan.period, period)
    ? pass
    : refuse("C4", {
        date: period.start < plan.period.start ? period.start : period.end,
        start: plan.period.start,
        end: plan.period.end
      })

/**
 * C5: a phase lies within the campaign; regular phases never overlap and each starts after the
 * previous one ends; peak phases may overlap when the rulebook says so.
 *
 * @since 0.1.0
 */
export const phasesDoNotOverlap = (
  state: CampaignState.State,
  plan: CampaignState.Plan,
  command: typeof SchedulePhase.Type,
  params: Rulebook.Params
): Check => {
  const p = command.period
  if (!LocalDate.contains(plan.period, p))
    return refuse("C5", {
      phaseId: command.phaseId,
      reason: "outside",
      other: `${plan.period.start} – ${plan.period.end}`
    })
  for (const other of state.phases) {
    const exempt = params.peakPhasesMayOverlap && (command.kind === "peak" || other.kind === "peak")
    if (exempt) continue
    if (LocalDate.overlaps(p, other))
      return refuse("C5", { phaseId: command.phaseId, reason: "overlap", other: other.id })
    if (command.kind === "regular" && other.kind === "regular" && p.start < other.start)
      return refuse("C5", { phaseId: command.phaseId, reason: "order", other: other.id })
  }
  return pass
}

/** C6: the final review comes after every phase has closed. @since 0.1.0 */
export const phasesClosedBeforeFinalReview = (state: CampaignState.State): Check => {
  const open = state.phases.find((p) => p.status === "Scheduled" || p.status === "Open")
  return open === undefined ? pass : refuse("C6", { reason: "phase-not-closed", phaseId: open.id, value: open.status })
}

/** C6: an interim review of a phase comes after the phase has closed. @since 0.1.0 */
export const phaseClosedBeforeInterimReview = (phase: CampaignState.Phase): Check =>
  phase.status === "Closed"
    ? pass
    : refuse("C6", { reason: "phase-not-closed", phaseId: phase.id, value: phase.status })
