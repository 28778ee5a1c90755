// What the PostgreSQL store tells an operator beyond its spans: how far a reader is behind the
// readable head, and how long an open transaction has held that head back.
import { type Position, type StoreError, Telemetry } from "@thidua/store"
import { Duration, Effect, Metric, Schedule } from "effect"
import type { SqlClient } from "effect/sql"

/**
 * The events after a position that readers may read now (up to `Telemetry.maxLagCount`), and the
 * age of the oldest. Readers see only transactions older than every open one, as `readAll` does.
 */
export const lagProbe =
  (
    sql: SqlClient.SqlClient,
    parse: (p: Position.Position) => readonly [string, string] | undefined,
    fail: (cause: unknown) => StoreError.StoreUnavailable
  ): Telemetry.LagProbe =>
  (after, tenantId) => {
    const cursor = parse(after)
    if (cursor === undefined) return Effect.fail(fail(new Error(`${after} is not a position of the PostgreSQL store`)))
    const [tx, gp] = cursor
    return sql<{ readonly events: number; readonly seconds: number }>`
      SELECT count(*)::int AS events,
        coalesce(extract(epoch FROM clock_timestamp() - min(recorded_at)), 0)::float8 AS seconds
      FROM (
        SELECT recorded_at FROM thidua_events
        WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          AND (transaction_id, global_position) > (${tx}::xid8, ${gp}::bigint)
          ${tenantId === undefined ? sql.literal("") : sql`AND tenant_id = ${tenantId}`}
        ORDER BY transaction_id, global_position
        LIMIT ${Telemetry.maxLagCount}
      ) AS behind`.pipe(
      Effect.map(([row]) => ({ events: Number(row?.events ?? 0), seconds: Math.max(0, Number(row?.seconds ?? 0)) })),
      Effect.mapError(fail)
    )
  }

/**
 * Samples, for ever, how long committed events have been kept from readers: the age of the oldest
 * event whose transaction is not older than every open one. An open transaction that wrote (and so
 * holds an id) keeps every later commit from readers until it ends; the gauge then grows, and each
 * time it passes `threshold` the counter counts one episode.
 */
export const watchHorizon = (sql: SqlClient.SqlClient, every: Duration.Input, threshold: Duration.Input) => {
  const limit = Duration.toMillis(Duration.fromInputUnsafe(threshold)) / 1000
  let over = false
  const sample = sql<{ readonly held: number }>`
    SELECT coalesce(extract(epoch FROM clock_timestamp() - min(recorded_at)), 0)::float8 AS held
    FROM thidua_events WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())`.pipe(
    Effect.flatMap(([row]) => {
      const held = Math.max(0, Number(row?.held ?? 0))
      const passed = held > limit && !over
      over = held > limit
      return Effect.andThen(
        Metric.update(Telemetry.metrics.horizonHeldSeconds, held),
        passed ? Metric.update(Telemetry.metrics.horizonHeldExceeded, 1) : Effect.void
      )
    }),
    // A sample that fails (the database restarting) is skipped: the next one tries again.
    Effect.catchCause(() => Effect.void)
  )
  return Effect.repeat(sample, Schedule.spaced(every))
}
