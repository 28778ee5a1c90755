/**
 * Rebuilding the Scoreboard over a large log in PostgreSQL, watching the heap: the runner reads
 * the log in pages and holds the read model, never the log. Prints events/s and the largest heap
 * seen. Run with `pnpm bench:heap` (10,000,000 events; `THIDUA_BENCH_EVENTS` to change).
 *
 * Needs a PostgreSQL server (`THIDUA_PG_URL`, default the local test server). The events go to a
 * database of their own, `thidua_bench_heap`, created on first use and imported once: later runs
 * reuse them (about three minutes saved).
 */

import v8 from "node:v8"
import { Runner, Scoreboard } from "@thidua/projections"
import { BulkImport, PostgresStore } from "@thidua/store-postgres"
import { Effect, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { scoringEvents } from "./events.js"

const N = Number(process.env.THIDUA_BENCH_EVENTS ?? 10_000_000)
const perStream = 1_000
const base = process.env.THIDUA_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"
const url = base.replace(/\/[^/]*$/, "/thidua_bench_heap")
const tenantId = `heap-${N}`
const MB = 1024 * 1024

// The database of its own, created through the one the server already has.
await Effect.runPromise(
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const found = yield* sql`SELECT 1 FROM pg_database WHERE datname = 'thidua_bench_heap'`
    if (found.length === 0) yield* sql.unsafe("CREATE DATABASE thidua_bench_heap")
  }).pipe(Effect.provide(PostgresStore.layerClient({ url: base })))
)

let peak = 0
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().heapUsed)
}

const program = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const [row] = yield* sql<{
    readonly n: number
  }>`SELECT count(*)::int AS n FROM thidua_events WHERE tenant_id = ${tenantId}`
  if ((row?.n ?? 0) < N) {
    if ((row?.n ?? 0) > 0) yield* sql`DELETE FROM thidua_streams WHERE tenant_id = ${tenantId}`
    if ((row?.n ?? 0) > 0) yield* sql`DELETE FROM thidua_events WHERE tenant_id = ${tenantId}`
    const t0 = performance.now()
    // Generated as imported, a batch at a time: the import holds no more than the log holds.
    const streams = Stream.range(0, N / perStream - 1).pipe(
      Stream.map((s) => ({ tenantId, streamId: `campaign:${s}`, events: scoringEvents(s, perStream) }))
    )
    yield* BulkImport.run(streams)
    console.log(`imported ${N.toLocaleString("en-US")} events in ${Math.round((performance.now() - t0) / 1000)} s`)
  }
  ;(globalThis as { gc?: () => void }).gc?.()
  const before = process.memoryUsage().heapUsed
  const timer = setInterval(sample, 20)
  const t0 = performance.now()
  const { states } = yield* Runner.rebuild(Scoreboard.projection, { tenantId, batchSize: 5_000 })
  const ms = performance.now() - t0
  clearInterval(timer)
  sample()
  ;(globalThis as { gc?: () => void }).gc?.()
  // What stays once the pages are gone: the read model itself.
  const retained = process.memoryUsage().heapUsed
  const units = [...states.values()].reduce((n, s) => n + s.units.length, 0)
  console.log(
    `Scoreboard rebuilt from PostgreSQL: ${N.toLocaleString("en-US")} events, ${states.size} campaigns, ${units} units`
  )
  console.log(
    "  events/s".padEnd(24),
    Math.round(N / (ms / 1000))
      .toLocaleString("en-US")
      .padStart(12)
  )
  console.log("  heap before".padEnd(24), `${Math.round(before / MB)} MB`.padStart(12))
  console.log("  heap, largest seen".padEnd(24), `${Math.round(peak / MB)} MB`.padStart(12))
  console.log("  heap after, read model".padEnd(24), `${Math.round(retained / MB)} MB`.padStart(12))
  console.log("  heap limit of this run".padEnd(24), `${Math.round(v8HeapLimit() / MB)} MB`.padStart(12))
})

const v8HeapLimit = () => v8.getHeapStatistics().heap_size_limit

await Effect.runPromise(program.pipe(Effect.provide(PostgresStore.layer({ url }))))
