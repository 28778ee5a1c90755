/**
 * Rebuilding a projection from the in-memory store, schema decoding included. Prints figures; run
 * with `pnpm bench:projections` (it builds first and imports the built packages).
 */
import { Projection, Runner } from "@thidua/projections"
import { EventStore, InMemoryStore } from "@thidua/store"
import { Effect } from "effect"

const N = 1_000_000
const perStream = 100
const counting = Projection.make({
  name: "points",
  version: 1,
  init: () => ({ points: 0, opened: 0 }),
  partition: Projection.byCampaign,
  handlers: {
    ScoreAssessed: (s, e) => {
      s.points += e.points
      return s
    },
    PhaseOpened: (s) => {
      s.opened++
      return s
    }
  }
})

const program = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  const streams = Array.from({ length: N / perStream }, (_, i) => `campaign:${i}`)
  for (let s = 0; s < streams.length; s++) {
    const events = Array.from({ length: perStream }, (_, i) =>
      i % 10 === 0
        ? {
            eventId: `${s}-${i}`,
            type: "PhaseOpened",
            data: { phaseId: `dot-${i}`, at: "2020-01-02" },
            schemaVersion: 1
          }
        : {
            eventId: `${s}-${i}`,
            type: "ScoreAssessed",
            data: {
              unitId: `cdcs-${i % 7}`,
              contentId: "nd-1",
              points: i % 13,
              kind: "self",
              assessorId: `cdcs-${i % 7}`,
              at: "2020-06-01"
            },
            schemaVersion: 1
          }
    )
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
