/**
 * How phase events change the campaign's state; a phase's status moves by `Lifecycle.phase`.
 *
 * @internal
 */
import type * as CampaignState from "../CampaignState.js"
import type { PhaseId } from "../Ids.js"
import type { Folds } from "../internal/decision.js"
import * as Lifecycle from "../Lifecycle.js"

const move = (
  state: CampaignState.State,
  id: PhaseId,
  on: "OpenPhase" | "ClosePhase" | "HoldInterimReview"
): CampaignState.State => ({
  ...state,
  phases: state.phases.map((p) => (p.id === id ? { ...p, status: Lifecycle.phase.after(p.status, on) } : p))
})

/** The phases' events. */
export const folds: Folds<"PhaseScheduled" | "PhaseOpened" | "PhaseClosed" | "InterimReviewHeld"> = {
  PhaseScheduled: (state, event) => ({
    ...state,
    phases: [
      ...state.phases,
      {
        id: event.phaseId,
        name: event.name,
        kind: event.kind,
        start: event.start,
        end: event.end,
        status: Lifecycle.phase.initial
      }
    ]
  }),
  PhaseOpened: (state, event) => ({
    ...state,
    phases: state.phases.map((p) =>
      p.id === event.phaseId ? { ...p, status: Lifecycle.phase.after(p.status, "OpenPhase"), openedAt: event.at } : p
    )
  }),
  PhaseClosed: (state, event) => move(state, event.phaseId, "ClosePhase"),
  InterimReviewHeld: (state, event) => {
    const reviewed = event.phaseId !== undefined ? move(state, event.phaseId, "HoldInterimReview") : state
    return {
      ...reviewed,
      interimReviews: [
        ...state.interimReviews,
        event.phaseId !== undefined ? { phaseId: event.phaseId, at: event.at } : { at: event.at }
      ]
    }
  }
}
