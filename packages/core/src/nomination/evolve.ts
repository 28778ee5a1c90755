/**
 * How nomination events change the campaign's state; a nomination's status moves by
 * `Lifecycle.nomination`.
 *
 * @internal
 */
import type * as CampaignState from "../CampaignState.js"
import * as Dict from "../Dict.js"
import type { Folds } from "../internal/decision.js"
import * as Lifecycle from "../Lifecycle.js"

const move = (
  state: CampaignState.State,
  id: string,
  f: (n: CampaignState.Nomination) => CampaignState.Nomination
): CampaignState.State => ({ ...state, nominations: Dict.modify(state.nominations, id, f) })

/** The nominations' events. */
export const folds: Folds<
  "NominationProposed" | "DeliberationHeld" | "NomineesPublished" | "NominationSubmitted" | "NominationDecided"
> = {
  NominationProposed: (state, event) => ({
    ...state,
    nominations: Dict.set(state.nominations, event.nominationId, {
      id: event.nominationId,
      subject: event.subject,
      awardKind: event.awardKind,
      basis: event.basis,
      period: event.period,
      holderId: event.proposedById,
      status: Lifecycle.nomination.initial
    })
  }),
  DeliberationHeld: (state, event) =>
    move(state, event.nominationId, (n) => ({
      ...n,
      status: Lifecycle.nomination.after(n.status, "HoldDeliberation"),
      vote: { present: event.present, votesFor: event.votesFor, councilSize: event.councilSize }
    })),
  NomineesPublished: (state, event) => {
    let nominations = state.nominations
    // A window never shortens: a nomination published again is decided after the later end.
    for (const id of event.nominationIds)
      nominations = Dict.modify(nominations, id, (n) => ({
        ...n,
        publishedUntil: n.publishedUntil !== undefined && n.publishedUntil > event.to ? n.publishedUntil : event.to
      }))
    return { ...state, nominations }
  },
  NominationSubmitted: (state, event) =>
    move(state, event.nominationId, (n) => ({
      ...n,
      status: Lifecycle.nomination.after(n.status, "SubmitNomination"),
      holderId: event.toOrganizationId
    })),
  NominationDecided: (state, event) =>
    move(state, event.nominationId, (n) => ({
      ...n,
      status: Lifecycle.nomination.after(n.status, Lifecycle.decisionStep(event.outcome)),
      outcome: event.outcome
    }))
}
