/**
 * Appends through `Inline.layer` over the in-memory store, with and without inline projections
 * (the Scoreboard, and a tenant-wide counter): what folding in the append costs in memory, events
 * of the store's validation included. Prints the median of several rounds. Run with
 * `tsx --conditions=@thidua/source packages/projections/bench/inlineMemory.ts`.
 */
import { Inline, Projection, Scoreboard } from "@thidua/projections"
import { EventStore, InMemoryStore, Position } from "@thidua/store"
import { Effect, Layer, Stream } from "effect"

const N = 100_000
const rounds = 7

export const perTenant = Projection.make({
  name: "bench-tenant",
  version: 1,
  init: () => ({ n: 0 }),
  partition: Projection.byTenant,
  handlers: {
    ScoreAssessed: (s) => {
      s.n++
      return s
    }
  }
})

const score = (i: number) => ({
  eventId: `e-${i}`,
  type: "ScoreAssessed",
  data: {
    unitId: `cdcs-${i % 40}`,
    contentId: "nd-1",
    points: i % 13,
    kind: "self",
    assessorId: `cdcs-${i % 40}`,
    at: "2024-06-01"
  },
  schemaVersion: 1
})

// Built before the clock starts: the fold is measured, not the making of payloads.
const batches = (size: number) =>
  Array.from({ length: N / size }, (_, b) => Array.from({ length: size }, (_, i) => score(b * size + i)))

/** Events a second for `N` events appended `size` at a time, on a fresh store. */
export const appends = <E>(layer: Layer.Layer<EventStore.EventStore, E>, size: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const all = batches(size)
    const t0 = performance.now()
    for (let b = 0; b < all.length; b++) yield* store.append("bench", `campaign:${b % 100}`, "any", all[b]!)
    const rate = N / ((performance.now() - t0) / 1000)
    // Every event was written, whatever was folded on the way.
    const written = yield* Stream.runCount(store.readAll(Position.start, { tenantId: "bench" }))
    if (written !== N) throw new Error(`appended ${N} events, the log holds ${written}`)
    return rate
  }).pipe(Effect.provide(layer))

export const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

const configs: ReadonlyArray<readonly [string, () => Layer.Layer<EventStore.EventStore, unknown>]> = [
  ["no inline projection", () => InMemoryStore.layer],
  ["inline Scoreboard", () => Inline.layer([Scoreboard.projection]).pipe(Layer.provide(InMemoryStore.layer))],
  [
    "inline Scoreboard and a tenant-wide counter",
    () => Inline.layer([Scoreboard.projection, perTenant]).pipe(Layer.provide(InMemoryStore.layer))
  ]
]

if (import.meta.main)
  await Effect.runPromise(
    Effect.gen(function* () {
      for (const size of [1, 10])
        for (const [label, layer] of configs) {
          yield* appends(layer(), size) // warm-up
          const rates: Array<number> = []
          for (let r = 0; r < rounds; r++) rates.push(yield* appends(layer(), size))
          console.log(
            `${label}, ${size} event${size > 1 ? "s" : ""} an append`.padEnd(60),
            Math.round(median(rates)).toLocaleString("en-US").padStart(10),
            `events/s (median of ${rounds})`
          )
        }
    })
  )
