/**
 * The lease stores, each against the same checks: in memory (on a TestClock), in SQL on embedded
 * PGlite (always) and on a PostgreSQL server (with `THIDUA_PG_URL`), on the database's clock.
 */
import { describe, expect, it, layer } from "@effect/vitest"
import { ReadModelStore, SqlReadModelStore } from "@thidua/projections"
import { PostgresStore } from "@thidua/store-postgres"
import { Context, Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { TestClock } from "effect/testing"
import * as Lease from "../src/Lease.js"
import * as SqlLease from "../src/SqlLease.js"

const url = process.env.THIDUA_PG_URL
const required = process.env.CI === "true" && process.env.THIDUA_PG_REQUIRED === "true"

/** What a check needs besides the lease: time passing, and (in SQL) the fence of a lease. */
interface Env {
  /** Lets `ms` pass: on the TestClock in memory, for real in SQL (the database's clock). */
  readonly wait: (ms: number) => Effect.Effect<void>
  /** The fence and holder of a lease, where the store keeps one. */
  readonly row?: (name: string) => Effect.Effect<{ readonly holder: string; readonly fence: number } | undefined>
}

interface Check {
  readonly name: string
  readonly run: (env: Env) => Effect.Effect<void, unknown, Lease.Lease>
}

/** The ttl of the checks: long enough for a round trip to a loaded server, short enough to wait for. */
const ttl = 600
const fresh = () => `test:${crypto.randomUUID()}`
const fenceOf = (env: Env, name: string) =>
  env.row === undefined ? Effect.succeed(undefined) : Effect.map(env.row(name), (r) => r?.fence)

const checks: ReadonlyArray<Check> = [
  {
    name: "one holder at a time: another is refused while the lease runs, the holder renews",
    run: (env) =>
      Effect.gen(function* () {
        const lease = yield* Lease.Lease
        const name = fresh()
        expect(yield* lease.acquire(name, "a", ttl)).toBe(true)
        expect(yield* lease.acquire(name, "b", ttl)).toBe(false)
        expect(yield* lease.acquire(name, "a", ttl)).toBe(true)
        expect(yield* lease.acquire(name, "b", ttl)).toBe(false)
        // Other leases are other rows.
        expect(yield* lease.acquire(fresh(), "b", ttl)).toBe(true)
        if (env.row !== undefined) expect(yield* env.row(name)).toEqual({ holder: "a", fence: 1 })
      })
  },
  {
    name: "an expired lease is taken over, the fence goes up, and the old holder is refused",
    run: (env) =>
      Effect.gen(function* () {
        const lease = yield* Lease.Lease
        const name = fresh()
        expect(yield* lease.acquire(name, "a", ttl)).toBe(true)
        yield* env.wait(ttl / 2)
        expect(yield* lease.acquire(name, "b", ttl)).toBe(false)
        yield* env.wait(ttl / 2 + 100)
        expect(yield* lease.acquire(name, "b", ttl)).toBe(true)
        expect(yield* lease.acquire(name, "a", ttl)).toBe(false)
        if (env.row !== undefined) expect(yield* env.row(name)).toEqual({ holder: "b", fence: 2 })
        // The old holder's release of a lease it lost does nothing.
        yield* lease.release(name, "a")
        expect(yield* lease.acquire(name, "c", ttl)).toBe(false)
        // Taken back after the next expiry: another holder, another fence.
        yield* env.wait(ttl + 100)
        expect(yield* lease.acquire(name, "a", ttl)).toBe(true)
        expect(yield* fenceOf(env, name)).toBe(env.row === undefined ? undefined : 3)
      })
  },
  {
    name: "a renewal by the holder extends the lease past its first expiry, and keeps its fence",
    run: (env) =>
      Effect.gen(function* () {
        const lease = yield* Lease.Lease
        const name = fresh()
        expect(yield* lease.acquire(name, "a", ttl)).toBe(true)
        yield* env.wait(ttl / 2)
        expect(yield* lease.acquire(name, "a", ttl)).toBe(true)
        // Past the first expiry, before the renewed one.
        yield* env.wait(ttl / 2 + ttl / 4)
        expect(yield* lease.acquire(name, "b", ttl)).toBe(false)
        expect(yield* fenceOf(env, name)).toBe(env.row === undefined ? undefined : 1)
        yield* env.wait(ttl / 4 + 100)
        expect(yield* lease.acquire(name, "b", ttl)).toBe(true)
        expect(yield* fenceOf(env, name)).toBe(env.row === undefined ? undefined : 2)
      })
  },
  {
    name: "a release frees the lease at once; only the holder's release counts; the fence counts holders",
    run: (env) =>
      Effect.gen(function* () {
        const lease = yield* Lease.Lease
        const name = fresh()
        // Releasing what nobody holds is nothing.
        yield* lease.release(name, "a")
        expect(yield* lease.acquire(name, "a", ttl)).toBe(true)
        yield* lease.release(name, "b")
        expect(yield* lease.acquire(name, "b", ttl)).toBe(false)
        yield* lease.release(name, "a")
        expect(yield* lease.acquire(name, "b", ttl)).toBe(true)
        expect(yield* fenceOf(env, name)).toBe(env.row === undefined ? undefined : 2)
        // Released and taken back by the same holder, or let expire and renewed late: nobody else
        // held it meanwhile, and the fence says so.
        yield* lease.release(name, "b")
        expect(yield* lease.acquire(name, "b", ttl)).toBe(true)
        yield* env.wait(ttl + 100)
        expect(yield* lease.acquire(name, "b", ttl)).toBe(true)
        expect(yield* fenceOf(env, name)).toBe(env.row === undefined ? undefined : 2)
        yield* lease.release(name, "b")
        expect(yield* lease.acquire(name, "a", ttl)).toBe(true)
        expect(yield* fenceOf(env, name)).toBe(env.row === undefined ? undefined : 3)
      })
  },
  {
    name: "racers for one lease: exactly one wins each round (fresh, released, expired, held)",
    run: (env) =>
      Effect.gen(function* () {
        const lease = yield* Lease.Lease
        const name = fresh()
        const holders = Array.from({ length: 8 }, (_, i) => `racer-${i}`)
        const race = (short: number, racers: ReadonlyArray<string>) =>
          Effect.map(
            Effect.all(
              racers.map((h) => Effect.map(lease.acquire(name, h, short), (won) => (won ? [h] : []))),
              { concurrency: "unbounded" }
            ),
            (won) => won.flat()
          )
        let tenure = 0
        let winner = ""
        for (let round = 0; round < 12; round++) {
          const how = round === 0 ? "fresh" : (["released", "expired", "held"] as const)[round % 3]!
          if (how === "released") yield* lease.release(name, winner)
          if (how === "expired") yield* env.wait(250)
          // A lease released or expired is taken by one of the others; a held one stays its holder's.
          const won = yield* race(
            200,
            how === "released" || how === "expired" ? holders.filter((h) => h !== winner) : holders
          )
          expect(won, `round ${round} (${how})`).toHaveLength(1)
          if (how === "held") expect(won[0], `round ${round}: the holder renews`).toBe(winner)
          else tenure++
          winner = won[0]!
          if (env.row !== undefined) expect(yield* env.row(name)).toEqual({ holder: winner, fence: tenure })
        }
      })
  }
]

const sqlEnv = Effect.map(
  SqlClient.SqlClient,
  (sql): Env => ({
    wait: (ms) => Effect.sleep(ms),
    row: (name) =>
      Effect.map(
        sql<{ readonly holder: string; readonly fence: string }>`SELECT holder, fence::text AS fence
          FROM thidua_leases WHERE name = ${name}`,
        ([r]) => (r === undefined ? undefined : { holder: r.holder, fence: Number(r.fence) })
      ).pipe(Effect.orDie)
  })
)

describe("Lease.layerMemory (TestClock)", () => {
  const env: Env = { wait: (ms) => TestClock.adjust(ms) }
  for (const check of checks) it.effect(check.name, () => check.run(env).pipe(Effect.provide(Lease.layerMemory)))
})

layer(SqlLease.layer.pipe(Layer.provideMerge(PostgresStore.layerClient({}))), {
  timeout: "60 seconds",
  excludeTestServices: true
})("SqlLease on embedded PGlite", (it) => {
  for (const check of checks) it.effect(check.name, () => Effect.flatMap(sqlEnv, check.run))
  it.effect("creating the table again is nothing: leases held stay held", () =>
    Effect.gen(function* () {
      const name = fresh()
      const first = yield* Lease.Lease
      expect(yield* first.acquire(name, "a", 60_000)).toBe(true)
      const again = yield* SqlLease.make
      expect(yield* again.acquire(name, "b", 60_000)).toBe(false)
    })
  )
})

/** A database of its own on the server, dropped after the file. */
class Database extends Context.Service<Database, { readonly url: string }>()("test/Database") {}

const admin = <A>(server: string, f: (sql: SqlClient.SqlClient) => Effect.Effect<A, unknown>) =>
  Effect.flatMap(SqlClient.SqlClient, f).pipe(
    Effect.provide(PostgresStore.layerClient({ url: server, maxConnections: 1 }))
  )

const database = (server: string): Layer.Layer<Database, unknown> =>
  Layer.effect(
    Database,
    Effect.acquireRelease(
      Effect.gen(function* () {
        const name = `thidua_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`
        yield* admin(server, (sql) => sql`CREATE DATABASE ${sql(name)}`)
        const target = new URL(server)
        target.pathname = `/${name}`
        return { name, url: target.toString() }
      }),
      ({ name }) => Effect.ignore(admin(server, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`))
    )
  )

if (url === undefined && !required)
  describe("SqlLease on a PostgreSQL server", () => {
    it.skipIf(true)(
      "skipped: THIDUA_PG_URL is not set (run with THIDUA_PG_URL=postgres://postgres@127.0.0.1:5432/test)",
      () => {}
    )
  })
else {
  const server = url ?? ""
  const onServer = Layer.unwrap(
    Effect.map(Effect.service(Database), ({ url }) =>
      SqlLease.layer.pipe(Layer.provideMerge(PostgresStore.layerClient({ url, maxConnections: 10 })))
    )
  ).pipe(Layer.provideMerge(database(server)))

  layer(onServer, { timeout: "60 seconds", excludeTestServices: true })(
    "SqlLease on a PostgreSQL server (THIDUA_PG_URL)",
    (it) => {
      it.effect("THIDUA_PG_URL is set (CI requires the server suites)", () =>
        Effect.sync(() => expect(url).toBeDefined())
      )
      for (const check of checks) it.effect(check.name, () => Effect.flatMap(sqlEnv, check.run))

      it.effect("processes starting at once on a database without the table all start, and share one table", () =>
        Effect.gen(function* () {
          const { url } = yield* Database
          const name = fresh()
          // Each its own client, as separate processes would be; the table is dropped first so
          // that every one of them finds none.
          yield* admin(url, (sql) => sql`DROP TABLE IF EXISTS thidua_leases`)
          const won = yield* Effect.all(
            Array.from({ length: 6 }, (_, i) =>
              Effect.flatMap(Effect.service(Lease.Lease), (lease) => lease.acquire(name, `process-${i}`, 60_000)).pipe(
                // Fresh: a layer built in this test's context would be shared, not built again.
                Effect.provide(
                  Layer.fresh(SqlLease.layer).pipe(Layer.provide(PostgresStore.layerClient({ url, maxConnections: 1 })))
                )
              )
            ),
            { concurrency: "unbounded" }
          )
          expect(won.filter((w) => w)).toHaveLength(1)
        })
      )

      it.effect("runners' read model stores starting at once on a database without their tables all start", () =>
        Effect.gen(function* () {
          const { url } = yield* Database
          yield* admin(url, (sql) => sql`DROP TABLE IF EXISTS thidua_read_models, thidua_checkpoints`)
          const saved = yield* Effect.all(
            Array.from({ length: 6 }, (_, i) =>
              Effect.flatMap(Effect.service(ReadModelStore.ReadModelStore), (models) =>
                Effect.as(
                  models.save(`runner-${i}`, 1, { states: new Map(), position: "00000000000000000001" as never }),
                  i
                )
              ).pipe(
                Effect.provide(
                  Layer.fresh(SqlReadModelStore.layer).pipe(
                    Layer.provide(PostgresStore.layerClient({ url, maxConnections: 1 }))
                  )
                )
              )
            ),
            { concurrency: "unbounded" }
          )
          expect(saved).toEqual([0, 1, 2, 3, 4, 5])
        })
      )
    }
  )
}
