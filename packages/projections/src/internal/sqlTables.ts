/**
 * The read model tables, shared by the read model store and the inline projections: one JSONB
 * document per projection, version and partition, and the runners' checkpoints.
 *
 * @internal
 */
import { Effect } from "effect"
import type { SqlClient } from "effect/sql"

export const ensure = (sql: SqlClient.SqlClient): Effect.Effect<void> =>
  Effect.gen(function* () {
    yield* sql`CREATE TABLE IF NOT EXISTS thidua_read_models (
        name text NOT NULL,
        version int NOT NULL,
        partition text NOT NULL,
        state jsonb NOT NULL,
        PRIMARY KEY (name, version, partition)
      )`
    yield* sql`CREATE TABLE IF NOT EXISTS thidua_checkpoints (
        name text NOT NULL,
        partition text NOT NULL DEFAULT '',
        position text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (name, partition)
      )`
  }).pipe(Effect.orDie)

export const checkpointName = (name: string, version: number): string => `${name}@${version}`

/** The checkpoint partition that marks a projection kept inline (runners use partition ''). */
export const inlineMark = "inline"

/** A JSONB column as the driver hands it over: parsed already (pg), or text (some clients). */
export const json = (u: unknown): unknown => (typeof u === "string" ? JSON.parse(u) : u)

/** One partition's stored document (JSON, before the state codec), or `undefined`. */
export const readPartition = (
  sql: SqlClient.SqlClient,
  name: string,
  version: number,
  partition: string
): Effect.Effect<unknown> =>
  Effect.map(
    sql<{ readonly state: unknown }>`SELECT state FROM thidua_read_models
      WHERE name = ${name} AND version = ${version} AND partition = ${partition}`,
    ([row]) => (row === undefined ? undefined : json(row.state))
  ).pipe(Effect.orDie)
