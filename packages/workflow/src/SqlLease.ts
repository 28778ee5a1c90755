/**
 * Leases in PostgreSQL (a server or embedded PGlite), for runners in several processes on one
 * database: a row per lease in `thidua_leases`, with its holder, a fencing number and an expiry.
 *
 * Time is the database's: a lease is taken and checked against `now()` in one statement, so the
 * runners' own clocks never decide who holds what, and two runners never both hold a lease (the
 * statement locks the lease's row; a runner waiting on it judges the row as the other left it).
 * `fence` goes up each time the lease passes to another holder (a takeover after expiry or
 * release), never when its holder renews it or takes it back: a holder that still sees its fence
 * knows nobody else held the lease meanwhile. A released lease keeps its row (expired), so its
 * fence keeps counting.
 *
 * @since 0.4.0
 */
import { Effect, Layer } from "effect"
import { SqlClient, type SqlError } from "effect/sql"
import { Lease, type Shape } from "./Lease.js"

/**
 * The table of the leases.
 *
 * @since 0.4.0
 */
export const table = "thidua_leases"

// Two processes starting at once could both try to create the table: `IF NOT EXISTS` alone then
// lets one of them fail on the catalog's unique index. The lock makes the second wait and find it.
const ensure = (sql: SqlClient.SqlClient) =>
  sql.withTransaction(
    Effect.gen(function* () {
      yield* sql`SELECT pg_advisory_xact_lock(hashtext('thidua_leases'))`
      yield* sql`CREATE TABLE IF NOT EXISTS thidua_leases (
        name text PRIMARY KEY,
        holder text NOT NULL,
        fence bigint NOT NULL,
        expires_at timestamptz NOT NULL
      )`
    })
  )

/**
 * The lease store over the `SqlClient` in context, whose database gets `thidua_leases` if it has
 * none.
 *
 * @since 0.4.0
 */
export const make: Effect.Effect<Shape, SqlError.SqlError, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* ensure(sql)
  return {
    // Free (no row), expired, or the holder's own: one statement takes it. On a conflict the row
    // is locked and the WHERE is judged on its latest version, so of runners racing for one
    // lease exactly one gets a row back.
    acquire: (name, holder, ttlMillis) =>
      Effect.map(
        sql<{ readonly fence: string }>`INSERT INTO thidua_leases AS l (name, holder, fence, expires_at)
          VALUES (${name}, ${holder}, 1, now() + ${ttlMillis}::float8 * interval '1 millisecond')
          ON CONFLICT (name) DO UPDATE SET
            holder = excluded.holder,
            fence = CASE WHEN l.holder = excluded.holder THEN l.fence ELSE l.fence + 1 END,
            expires_at = excluded.expires_at
          WHERE l.holder = excluded.holder OR l.expires_at <= now()
          RETURNING fence::text AS fence`,
        (rows) => rows.length > 0
      ),
    release: (name, holder) =>
      Effect.asVoid(sql`UPDATE thidua_leases SET expires_at = '-infinity'
        WHERE name = ${name} AND holder = ${holder} AND expires_at > now()`)
  }
})

/**
 * Leases in the database of the `SqlClient` in context: for runners in several processes (or on
 * several machines) that share one PostgreSQL database. Creating the table is idempotent, and
 * safe when several processes start at once.
 *
 * @example
 * ```ts
 * import { PostgresStore } from "@thidua/store-postgres"
 * import { Lease, SqlLease } from "@thidua/workflow"
 * import { Effect, Layer } from "effect"
 * import { SqlClient } from "effect/sql"
 * import assert from "node:assert"
 *
 * const program = Effect.gen(function*() {
 *   const lease = yield* Lease.Lease
 *   const a = yield* lease.acquire("workflow:calendar", "runner-a", 10_000)
 *   const b = yield* lease.acquire("workflow:calendar", "runner-b", 10_000)
 *   yield* lease.release("workflow:calendar", "runner-a")
 *   const c = yield* lease.acquire("workflow:calendar", "runner-b", 10_000)
 *   const sql = yield* SqlClient.SqlClient
 *   const rows = yield* sql<{ holder: string; fence: string }>`SELECT holder, fence::text FROM thidua_leases`
 *   return [a, b, c, rows]
 * })
 * // Embedded PGlite, in memory; a server is `PostgresStore.layerClient({ url })`.
 * const layer = SqlLease.layer.pipe(Layer.provideMerge(PostgresStore.layerClient({})))
 * assert.deepEqual(await Effect.runPromise(program.pipe(Effect.provide(layer))), [
 *   true, false, true, [{ holder: "runner-b", fence: "2" }]
 * ])
 * ```
 *
 * @since 0.4.0
 */
export const layer: Layer.Layer<Lease, SqlError.SqlError, SqlClient.SqlClient> = Layer.effect(Lease, make)
