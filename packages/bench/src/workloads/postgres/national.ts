/**
 * `national-scale`: the scoreboard and the coverage of a national campaign over a national log
 * (see `nationalLog.ts`: 130,000 grassroots unions, 11,000,000 members, 20,000,000 events), in
 * memory and streaming. Pages of stored events are made, decoded by the store's `Codec` (the full
 * validation a read from a database gets) and folded into both read models, then dropped: the log
 * is never held whole. The heap is sampled between pages.
 */
import v8 from "node:v8"
import type { Event } from "@thidua/core"
import { Participation, Projection, Scoreboard } from "@thidua/projections"
import { Codec } from "@thidua/store"
import { Result } from "effect"
import { CheckFailed, type Workload } from "../../Workload.js"
import * as Log from "./nationalLog.js"

// The page a store read gives by default (`ReadAllOptions.batchSize`): larger pages outlive the young
// generation and were folded a third slower (measured with 10,000).
const pageSize = 1_000
const GB = 1024 ** 3

type Item = { readonly event: Event.DomainEvent; readonly meta: Projection.Meta }

const fail = (what: string, expected: unknown, actual: unknown): never => {
  throw new CheckFailed(`national-scale: ${what}: expected ${String(expected)}, got ${String(actual)}`)
}

const round = async () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  let peakHeap = v8.getHeapStatistics().used_heap_size
  const boards = new Map<string, Scoreboard.State>()
  const participation = new Map<string, Participation.State>()
  const log = Log.pages(pageSize)
  const t0 = performance.now()
  const items: Array<Item> = []
  for (let page = log.next(); page !== undefined; page = log.next()) {
    items.length = 0
    for (const r of page) {
      const decoded = Codec.decodeResult(r)
      if (Result.isFailure(decoded)) throw new CheckFailed(`national-scale: ${decoded.failure.message}`)
      items.push({
        event: decoded.success,
        meta: {
          tenantId: r.tenantId,
          streamId: r.streamId,
          version: r.version,
          position: r.position,
          recordedAt: r.recordedAt
        }
      })
    }
    Projection.fold(Scoreboard.projection, items, boards)
    Projection.fold(Participation.projection, items, participation)
    peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size)
    // Lets the runner's timers and the collector's tasks run, as a read from a database would.
    if (log.totals.events % (pageSize * 500) === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  // The answers a host reads: every district's ranking, and the national campaign's coverage.
  let ranked = 0
  let self = 0
  let cross = 0
  let initiatives = 0
  for (const state of boards.values())
    for (const s of Scoreboard.ranking(state)) {
      ranked++
      self += s.tally.self
      cross += s.tally.cross
      initiatives += s.tally.initiatives
    }
  const tenant = participation.get(Log.tenantId)
  const coverage = tenant === undefined ? undefined : Participation.coverage(tenant, Log.nationalCampaign)
  const enrolment = tenant === undefined ? undefined : Participation.enrolment(tenant, Log.nationalCampaign)
  const ms = performance.now() - t0
  peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size)

  const totals = log.totals
  if (totals.events !== Log.totalEvents) fail("events", Log.totalEvents, totals.events)
  if (boards.size !== Log.districts) fail("scoreboards", Log.districts, boards.size)
  if (ranked !== Log.grassroots) fail("units ranked", Log.grassroots, ranked)
  if (self !== totals.selfPoints) fail("self-assessed points", totals.selfPoints, self)
  if (cross !== totals.crossPoints) fail("cross-assessed points", totals.crossPoints, cross)
  if (initiatives !== totals.initiatives) fail("initiatives", totals.initiatives, initiatives)
  if (enrolment?.members.eligible !== Log.members) fail("members eligible", Log.members, enrolment?.members.eligible)
  const levels = coverage?.levels.map((l) => `${l.level} ${l.eligible}/${l.planned}/${l.launched}`).join(", ")
  const expected = `federation ${Log.provinces}/${Log.provinces}/${Log.provinces}, upper ${Log.districts}/${Log.districts}/${Log.districts}, grassroots ${Log.grassroots}/${Log.grassroots}/${Log.grassroots - Log.grassroots / 10}`
  if (levels !== expected) fail("coverage (eligible/planned/launched)", expected, levels)
  return { units: totals.events, ms, peakHeap }
}

/** `national-scale`, in memory: no server needed. */
export const nationalScale: Workload = {
  id: "national-scale",
  title: "National scale: scoreboard and coverage over 20M events, streamed (in memory)",
  unit: "events",
  warmup: 0,
  rounds: 1,
  note: "130,000 grassroots unions, 11M members (counts in the directory), 20M events made lazily in pages of 1,000, decoded with Codec and folded into Scoreboard and Participation; time includes making the events",
  targets: [
    { kind: "seconds", label: "national scale in ≤ 120 s", max: 120 },
    { kind: "heap", label: "national scale peak heap ≤ 4 GB", max: 4 * GB }
  ],
  open: async () => ({
    close: async () => {},
    contenders: [{ name: "thidua", round }]
  })
}
