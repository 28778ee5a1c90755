/**
 * How pledge events change the campaign's state; a pledge's status moves by `Lifecycle.pledge`.
 * Besides the pledges, the state keeps what the guards look up: each subject's standing
 * registration (G2), who registered or signed (G1), and each unit's covenant per cluster (G3).
 *
 * @internal
 */
import type * as CampaignState from "../CampaignState.js"
import * as Dict from "../Dict.js"
import type { Folds } from "../internal/decision.js"
import * as Lifecycle from "../Lifecycle.js"
import * as Organization from "../Organization.js"

const move = (
  state: CampaignState.State,
  id: string,
  on: Lifecycle.PledgeStep
): { readonly state: CampaignState.State; readonly pledge?: CampaignState.Pledge } => {
  const p = Dict.get(state.pledges, id)
  if (p === undefined) return { state }
  const moved = { ...p, status: Lifecycle.pledge.after(p.status, on) }
  return { state: { ...state, pledges: Dict.set(state.pledges, id, moved) }, pledge: moved }
}

/** The pledges' events. */
export const folds: Folds<"PledgeSigned" | "RegistrationApproved" | "RegistrationRejected"> = {
  PledgeSigned: (before, event) => {
    const state = event.supersedes !== undefined ? move(before, event.supersedes, "Supersede").state : before
    const registration = event.kind === "registration"
    const subject = Organization.registrationSubject(event)
    const p: CampaignState.Pledge = {
      id: event.pledgeId,
      kind: event.kind,
      signerIds: event.signerIds,
      ...(registration ? { subject } : {}),
      ...(event.clusterId !== undefined ? { clusterId: event.clusterId } : {}),
      period: event.period,
      status: Lifecycle.pledgeStarts(event.kind)
    }
    let { activeRegistrations, registered, covenants } = state
    if (registration) activeRegistrations = Dict.set(activeRegistrations, Organization.subjectKey(subject), p.id)
    else
      for (const unit of event.signerIds) {
        registered = Dict.set(registered, `unit:${unit}`, true)
        if (event.clusterId !== undefined) covenants = Dict.set(covenants, `${event.clusterId}|${unit}`, p.id)
      }
    return { ...state, pledges: Dict.set(state.pledges, p.id, p), activeRegistrations, registered, covenants }
  },
  // A pledge without a subject (a covenant) is left as it was: tested before anything is moved, so
  // that no write is discarded (`Campaign.evolveAll` folds with maps changed in place).
  RegistrationApproved: (state, event) => {
    const subject = Dict.get(state.pledges, event.pledgeId)?.subject
    if (subject === undefined) return state
    const moved = move(state, event.pledgeId, "ApproveRegistration")
    return { ...moved.state, registered: Dict.set(state.registered, Organization.subjectKey(subject), true) }
  },
  RegistrationRejected: (state, event) => {
    const subject = Dict.get(state.pledges, event.pledgeId)?.subject
    if (subject === undefined) return state
    const moved = move(state, event.pledgeId, "RejectRegistration")
    return {
      ...moved.state,
      activeRegistrations: Dict.remove(state.activeRegistrations, Organization.subjectKey(subject))
    }
  }
}
