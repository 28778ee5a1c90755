/**
 * How the campaign's own events change its state. Statuses are not set here: the campaign's
 * fold moves them by the lifecycle machine.
 *
 * @internal
 */
import { type Folds, keep } from "../internal/decision.js"

/** The campaign's own events. */
export const folds: Folds<
  "CampaignPlanned" | "CampaignLaunched" | "CampaignEnded" | "FinalReviewHeld" | "CampaignClosed" | "CampaignCancelled"
> = {
  CampaignPlanned: (state, event) => {
    const { _tag, theme, at, ...plan } = event
    return { ...state, plan }
  },
  CampaignLaunched: (state, event) => ({
    ...state,
    launchedAt: event.at,
    ...(event.pilotUnitId !== undefined ? { pilotUnitId: event.pilotUnitId } : {})
  }),
  CampaignEnded: (state, event) => ({ ...state, endedAt: event.at }),
  FinalReviewHeld: (state, event) => ({ ...state, finalReviewAt: event.at }),
  CampaignClosed: keep,
  CampaignCancelled: keep
}
