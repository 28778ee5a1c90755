/**
 * Rebuilding a projection from the in-memory store, schema decoding included. Prints figures; run
 * with `pnpm bench:projections` (it builds first and imports the built packages).
 */
import { Runner } from "@thidua/projections"
import { EventStore, InMemoryStore } from "@thidua/store"
import { Effect } from "effect"
import { points, streamEvents } from "./events.js"

const N = 1_000_000
const perStream = 100
const counting = points("points")

const program = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  const streams = Array.from({ length: N / perStream }, (_, i) => `campaign:${i}`)
  for (let s = 0; s < streams.length; s++) {
    const events = streamEvents(s, perStream)
    yield* store.append("bench", streams[s]!, "no-stream", events)
  }
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now()
    const { states } = yield* Runner.rebuild(counting, { batchSize: 10_000 })
    const ms = performance.now() - t0
    console.log(
      `rebuild with decoding (${states.size} partitions)`.padEnd(52),
      Math.round(N / (ms / 1000))
        .toLocaleString("en-US")
        .padStart(12),
      "events/s"
    )
  }
})

await Effect.runPromise(program.pipe(Effect.provide(InMemoryStore.layer)))
