/**
 * A projection rebuilt from PostgreSQL into read models kept in PostgreSQL, checkpoint committed
 * with every batch. A server when `THIDUA_PG_URL` is set, else PGlite. Run with
 * `pnpm bench:projections-postgres`.
 */
import { Runner, SqlReadModelStore } from "@thidua/projections"
import { BulkImport, PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer } from "effect"
import { points, streamEvents } from "./events.js"

const url = process.env.THIDUA_PG_URL
const N = url === undefined ? 50_000 : 200_000
const perStream = 100
const tenantId = `bench-${crypto.randomUUID()}`
const projectionBase = points(`points-${crypto.randomUUID()}`)

const program = Effect.gen(function* () {
  const streams = Array.from({ length: N / perStream }, (_, s) => ({
    tenantId,
    streamId: `campaign:${s}`,
    events: streamEvents(s, perStream)
  }))
  yield* BulkImport.run(streams)
  for (const batchSize of [1_000, 5_000]) {
    const projection = { ...projectionBase, name: `${projectionBase.name}-${batchSize}` }
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
