/**
 * The read model tables, shared by the read model store and the inline projections: one JSONB
 * document per projection, version and partition, and the runners' checkpoints.
 *
 * @internal
 */
import { Effect } from "effect"
import type { SqlClient } from "effect/sql"
import { CorruptState, UnstorableState } from "../ProjectionError.js"
import type { Where } from "../SqlReadModelStore.js"
import * as StateJson from "./stateJson.js"

export const ensure = (sql: SqlClient.SqlClient): Effect.Effect<void> =>
  Effect.gen(function* () {
    // Processes starting at once on a fresh database: `CREATE TABLE IF NOT EXISTS` alone lets two
    // of them create the same type and one fails; the lock makes the second wait and find it.
    yield* sql`SELECT pg_advisory_xact_lock(hashtext('thidua_read_models'))`
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
    yield* checkPartitionKeys(sql)
  }).pipe(sql.withTransaction, Effect.orDie)

// Written once, by the first start with stream partition keys of the current format. Not a name
// a projection's checkpoint can have (those end with `@<version>`).
const keysMark = "thidua:partition-keys"

/**
 * Stream partition keys (`Projection.byCampaign`) were `<tenant>/<stream>` as they are until
 * 0.2.0; since, `/` and `%` in a tenant id are escaped, so a key stored before means the same
 * unless its tenant held one of them, and such a row cannot be split again (it may hold two
 * streams). The first start on a database warns when stored keys look like that (two `/`, or a
 * `%`), so that the projection is rebuilt under a new version. Streams whose own id holds a `/`
 * look the same and need nothing: the warning says how to tell.
 */
const checkPartitionKeys = (sql: SqlClient.SqlClient) =>
  Effect.gen(function* () {
    const first = yield* sql<{ readonly name: string }>`INSERT INTO thidua_checkpoints (name, partition, position)
      VALUES (${keysMark}, '', '2') ON CONFLICT (name, partition) DO NOTHING RETURNING name`
    if (first.length === 0) return
    const suspects = yield* sql<{ readonly name: string; readonly version: number; readonly partition: string }>`
      SELECT name, version, partition FROM thidua_read_models
      WHERE strpos(partition, '%') > 0 OR partition ~ '/.*/' LIMIT 5`
    if (suspects.length > 0)
      yield* Effect.logWarning(
        "thidua_read_models holds partitions stored before stream partition keys escaped '/' and '%' in tenant ids " +
          `(${suspects.map((s) => `${s.name}@${s.version}: ${s.partition}`).join(", ")}). ` +
          "If a tenant id holds '/' or '%', rebuild each projection partitioned by stream under a new version " +
          "(Runner.catchUp of version + 1, then ReadModelStore.drop of the old one); if only stream ids hold '/', nothing is to be done."
      )
  })

export const checkpointName = (name: string, version: number): string => `${name}@${version}`

/** The checkpoint partition that marks a projection kept inline (runners use partition ''). */
export const inlineMark = "inline"

/** A state as the text of its JSON document, or why it cannot be stored. */
export const encodeText = (state: unknown, where: Where): Effect.Effect<string, UnstorableState> => {
  const r = StateJson.encode(state)
  return "json" in r ? Effect.succeed(JSON.stringify(r.json)) : Effect.fail(new UnstorableState({ ...where, ...r }))
}

/**
 * A stored document, read as text (`state::text`: a jsonb string would come back from the driver
 * as a bare string, not to be told from text), decoded.
 */
export const decodeText = <S>(text: unknown, where: Where): Effect.Effect<S, CorruptState> => {
  const r = StateJson.decodeText(text)
  return "state" in r ? Effect.succeed(r.state as S) : Effect.fail(new CorruptState({ ...where, ...r }))
}

/** One partition's stored state, or `undefined`. */
export const readPartition = <S>(
  sql: SqlClient.SqlClient,
  name: string,
  version: number,
  partition: string
): Effect.Effect<S | undefined, CorruptState> =>
  Effect.flatMap(
    sql<{ readonly state: string }>`SELECT state::text AS state FROM thidua_read_models
      WHERE name = ${name} AND version = ${version} AND partition = ${partition}`.pipe(Effect.orDie),
    ([row]) =>
      row === undefined
        ? Effect.succeed(undefined)
        : decodeText<S>(row.state, { projection: name, projectionVersion: version, partition })
  )
