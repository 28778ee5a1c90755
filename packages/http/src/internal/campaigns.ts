/**
 * A campaign's state with the version it is at, for `GET …/campaigns/{id}` and its ETag. The
 * engine answers a state without its version, so the state is folded here from the campaign's
 * stream: state and version come from the same events. The last fold of each campaign is kept
 * (a bounded number of them), and the next read folds only the events appended since.
 *
 * @internal
 */
import { Campaign, Stream as CoreStream, type Event } from "@thidua/core"
import { Effect, Stream } from "effect"
import type { Backend } from "./backend.js"

/** @internal */
export interface Versioned {
  readonly state: Campaign.State
  readonly version: number
  readonly position: string
}

const empty: Versioned = { state: Campaign.initialState, version: 0, position: "" }

/** @internal */
export const make = (backend: Backend, max = 256) => {
  const cache = new Map<string, Versioned>()
  return (tenantId: string, campaignId: string): Effect.Effect<Versioned | undefined, unknown> =>
    Effect.suspend(() => {
      const key = `${tenantId}\u0000${campaignId}`
      const base = cache.get(key) ?? empty
      const events = backend.events({
        tenantId,
        streamId: CoreStream.campaign(campaignId),
        ...(base.position === "" ? {} : { after: base.position })
      })
      return Effect.map(
        Stream.runFold(
          events,
          () => base,
          (acc, e): Versioned => ({
            state: Campaign.evolve(acc.state, e.event as Event.CampaignEvent),
            version: e.version,
            position: e.position
          })
        ),
        (folded) => {
          if (folded.version === 0) return undefined
          const known = cache.get(key)
          // Two reads may fold at once: the further one is kept. Re-inserting keeps the most
          // recently read last, so the first entry is the one to forget.
          if (known === undefined || known.version <= folded.version) {
            cache.delete(key)
            cache.set(key, folded)
            if (cache.size > max) cache.delete(cache.keys().next().value as string)
          }
          return folded
        }
      )
    })
}

const byKey =
  <A>(key: (a: A) => string) =>
  (a: A, b: A) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0

/** The state as JSON: the lifecycle, the plan, phases, and each collection sorted by id. @internal */
export const toJson = (campaignId: string, v: Versioned): { readonly [key: string]: unknown } => {
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
