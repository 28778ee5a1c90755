/**
 * Shared pieces of the read model tests: generated histories, the log a store would hand a runner
 * for them, and folds of one partition.
 */
import { Directory, type Event } from "@thidua/core"
import { Projection } from "@thidua/projections"
import { History } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"

/** Generated campaign histories: valid steps with 30 % of commands perturbed into near misses. */
export const histories = History.campaign({ noise: 0.3, maxSteps: 120 })

/** Runs a property over generated histories. */
export const forAllHistories = (check: (h: History.History) => void, numRuns = 100) =>
  fc.assert(fc.property(histories, check), { numRuns })

export const TENANT = "tenant-1"
export const CAMPAIGN_STREAM = "campaign:campaign-1"

/** An entry of the log. */
export type Logged = { readonly event: Event.DomainEvent; readonly meta: Projection.Meta }

/** Streams laid end to end as one log: versions count per stream, positions across the log. */
export const log = (
  ...streams: ReadonlyArray<readonly [streamId: string, events: ReadonlyArray<Event.DomainEvent>]>
): Array<Logged> => {
  const out: Array<Logged> = []
  const versions = new Map<string, number>()
  for (const [streamId, events] of streams)
    for (const event of events) {
      const version = (versions.get(streamId) ?? 0) + 1
      versions.set(streamId, version)
      const n = out.length + 1
      out.push({
        event,
        meta: {
          tenantId: TENANT,
          streamId,
          version,
          position: String(n).padStart(20, "0") as never,
          recordedAt: 0
        }
      })
    }
  return out
}

/** A history's events as the log of its one campaign stream. */
export const campaignLog = (h: History.History): Array<Logged> =>
  h.events.map((event, i) => ({
    event,
    meta: {
      tenantId: TENANT,
      streamId: CAMPAIGN_STREAM,
      version: i + 1,
      position: String(i + 1).padStart(20, "0") as never,
      recordedAt: 0
    }
  }))

/** The directory events that built a generated world (its commands, decided again). */
export const directoryEvents = (w: History.World): Array<Event.DirectoryEvent> => {
  let state = Directory.initialFor(w.tenantId)
  const events: Array<Event.DirectoryEvent> = []
  for (const c of w.commands) {
    const r = Directory.decide(state, c)
    if (Result.isFailure(r)) throw new Error(`world: ${c._tag} refused`)
    for (const e of r.success) {
      state = Directory.evolve(state, e)
      events.push(e)
    }
  }
  return events
}

/** Folds a log and returns one partition's state, fresh when the log never reached it. */
export const foldPartition = <S>(
  projection: Projection.Projection<S>,
  entries: Iterable<Logged>,
  partition: string
): S => Projection.fold(projection, entries).get(partition) ?? projection.init()

/** The partition key of the generated campaign's stream. */
export const CAMPAIGN_PARTITION = `${TENANT}/${CAMPAIGN_STREAM}`

/** Scenario events as one campaign's log in tenant `hanoi`. */
export const scenarioLog = (events: ReadonlyArray<Event.DomainEvent>, streamId = "campaign:hm"): Array<Logged> =>
  events.map((event, i) => ({
    event,
    meta: { tenantId: "hanoi", streamId, version: i + 1, position: String(i + 1) as never, recordedAt: 0 }
  }))

/** Folds one campaign's events into a fresh state. */
export const foldEvents = <S>(projection: Projection.Projection<S>, events: ReadonlyArray<Event.DomainEvent>): S =>
  foldPartition(projection, scenarioLog(events), "hanoi/campaign:hm")

/** Groups by a key and counts. */
export const countBy = <A>(xs: Iterable<A>, key: (a: A) => string): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1
  return out
}
