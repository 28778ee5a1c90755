/**
 * How enrolments and scores change the campaign's state. Scores are kept by the scoreboard, not
 * by the decider: no rule reads them back.
 *
 * @internal
 */
import * as Dict from "../Dict.js"
import { type Folds, keep } from "../internal/decision.js"

/** The participants' events. */
export const folds: Folds<"ParticipantEnrolled" | "ScoreAssessed"> = {
  ParticipantEnrolled: (state, event) => ({
    ...state,
    participants: Dict.set(state.participants, event.unitId, {
      unitId: event.unitId,
      sector: event.sector,
      ...(event.clusterId !== undefined ? { clusterId: event.clusterId } : {})
    })
  }),
  ScoreAssessed: keep
}
