/**
 * A projection rebuilt from PostgreSQL into read models kept in PostgreSQL, checkpoint committed
 * with every batch. A server when `THIDUA_PG_URL` is set, else PGlite. Run with
 * `pnpm bench:projections-postgres`.
 */
import { Projection, Runner, SqlReadModelStore } from "@thidua/projections"
import { BulkImport, PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer } from "effect"

const url = process.env.THIDUA_PG_URL
const N = url === undefined ? 50_000 : 200_000
const perStream = 100
const tenantId = `bench-${crypto.randomUUID()}`
const points = Projection.make({
  name: `points-${crypto.randomUUID()}`,
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
  const streams = Array.from({ length: N / perStream }, (_, s) => ({
    tenantId,
    streamId: `campaign:${s}`,
    events: Array.from({ length: perStream }, (_, i) =>
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
  }))
  yield* BulkImport.run(streams)
  for (const batchSize of [1_000, 5_000]) {
    const projection = { ...points, name: `${points.name}-${batchSize}` }
    const t0 = performance.now()
    yield* Runner.catchUp(projection, { tenantId, batchSize })
    const ms = performance.now() - t0
    console.log(
      `catch-up from PostgreSQL, read models in PostgreSQL, batches of ${batchSize}`.padEnd(72),
      Math.round(N / (ms / 1000))
        .toLocaleString("en-US")
        .padStart(10),
      "events/s",
      url === undefined ? "(PGlite)" : "(server)"
    )
  }
})

const layer = SqlReadModelStore.layer.pipe(Layer.provideMerge(PostgresStore.layer(url === undefined ? {} : { url })))
await Effect.runPromise(program.pipe(Effect.provide(layer)))
