/**
 * A campaign's state as JSON, for `GET …/campaigns/{id}`: the state and the version the engine
 * folded it to (`campaignAt`), so the answer and its ETag come from the same events.
 *
 * @internal
 */
import { Campaign } from "@thidua/core"
import type { Engine } from "@thidua/engine"

const byKey =
  <A>(key: (a: A) => string) =>
  (a: A, b: A) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0

/** The state as JSON: the lifecycle, the plan, phases, and each collection sorted by id. @internal */
export const toJson = (campaignId: string, v: Engine.Versioned): { readonly [key: string]: unknown } => {
  const s = v.state
  return {
    campaignId,
    version: v.version,
    status: s.status,
    plan: s.plan ?? null,
    ...(s.pilotUnitId === undefined ? {} : { pilotUnitId: s.pilotUnitId }),
    ...(s.launchedAt === undefined ? {} : { launchedAt: s.launchedAt }),
    ...(s.endedAt === undefined ? {} : { endedAt: s.endedAt }),
    ...(s.finalReviewAt === undefined ? {} : { finalReviewAt: s.finalReviewAt }),
    phases: s.phases,
    interimReviews: s.interimReviews,
    participants: [...Campaign.participants(s)].sort(byKey((p) => p.unitId)),
    pledges: [...Campaign.pledges(s)].sort(byKey((p) => p.id)),
    initiatives: [...Campaign.initiatives(s)].sort(byKey((i) => i.id)),
    nominations: [...Campaign.nominations(s)].sort(byKey((n) => n.id)),
    awards: [...Campaign.awards(s)].sort(byKey((a) => a.id))
  }
}
