/**
 * Single-event appends with and without inline projections in PostgreSQL (the Scoreboard, and a
 * tenant-wide counter): what folding in the append's transaction costs. A server when
 * `THIDUA_PG_URL` is set, else PGlite. Run with `pnpm bench:inline`.
 */
import { Inline, Projection, Scoreboard } from "@thidua/projections"
import { EventStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer } from "effect"

const url = process.env.THIDUA_PG_URL
const N = 2_000
const config: PostgresStore.Config = url === undefined ? {} : { url }
const unique = crypto.randomUUID().slice(0, 8)
const board = { ...Scoreboard.projection, name: `bench-scoreboard-${unique}` }
const perTenant = Projection.make({
  name: `bench-tenant-${unique}`,
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
  eventId: crypto.randomUUID(),
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

const appends = (label: string, writers: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const tenantId = `bench-${crypto.randomUUID()}`
    const t0 = performance.now()
    yield* Effect.forEach(
      Array.from({ length: writers }, (_, w) => w),
      (w) =>
        Effect.gen(function* () {
          for (let i = 0; i < N / writers; i++)
            yield* store.append(tenantId, `campaign:${w}`, i === 0 ? "no-stream" : i, [score(i)])
        }),
      { concurrency: writers }
    )
    const rate = N / ((performance.now() - t0) / 1000)
    console.log(
      `${label}, ${writers} writer${writers > 1 ? "s" : ""}`.padEnd(56),
      Math.round(rate).toLocaleString("en-US").padStart(8),
      "events/s",
      url === undefined ? "(PGlite)" : "(server)"
    )
  })

const run = <E>(label: string, layer: Layer.Layer<EventStore.EventStore, E>) =>
  Effect.runPromise(
    Effect.gen(function* () {
      yield* appends(label, 1)
      yield* appends(label, 8)
    }).pipe(Effect.provide(layer))
  )

const plain = PostgresStore.layer(config)
await run("no inline projection", plain)
await run("inline Scoreboard (per campaign)", Inline.layerSql([board]).pipe(Layer.provide(plain)))
await run("inline Scoreboard and a tenant-wide counter", Inline.layerSql([board, perTenant]).pipe(Layer.provide(plain)))
