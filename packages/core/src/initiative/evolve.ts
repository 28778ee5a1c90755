/**
 * How initiative events change the campaign's state; an initiative's status moves by
 * `Lifecycle.initiative`.
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
  f: (i: CampaignState.Initiative) => CampaignState.Initiative
): CampaignState.State => ({ ...state, initiatives: Dict.modify(state.initiatives, id, f) })

/** The initiatives' events. */
export const folds: Folds<
  "InitiativeRecorded" | "InitiativeApplied" | "InitiativeRecognized" | "InitiativeRejected" | "WorkPlaqued"
> = {
  InitiativeRecorded: (state, event) => ({
    ...state,
    initiatives: Dict.set(state.initiatives, event.initiativeId, {
      id: event.initiativeId,
      unitId: event.unitId,
      ...(event.memberId !== undefined ? { memberId: event.memberId } : {}),
      ...(event.phaseId !== undefined ? { phaseId: event.phaseId } : {}),
      kind: event.kind,
      benefitVnd: event.benefitVnd,
      status: Lifecycle.initiative.initial,
      plaqued: false
    })
  }),
  InitiativeApplied: (state, event) =>
    move(state, event.initiativeId, (i) => ({ ...i, status: Lifecycle.initiative.after(i.status, "ApplyInitiative") })),
  InitiativeRecognized: (state, event) =>
    move(state, event.initiativeId, (i) => ({
      ...i,
      status: Lifecycle.initiative.after(i.status, "RecognizeInitiative"),
      level: event.level
    })),
  InitiativeRejected: (state, event) =>
    move(state, event.initiativeId, (i) => ({
      ...i,
      status: Lifecycle.initiative.after(i.status, "RejectInitiative")
    })),
  WorkPlaqued: (state, event) => move(state, event.initiativeId, (i) => ({ ...i, plaqued: true }))
}
