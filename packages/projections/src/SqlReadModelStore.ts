/**
 * Read models in PostgreSQL (a server or PGlite): one JSONB document per projection, version and
 * partition in `thidua_read_models`, and the projection's position in `thidua_checkpoints` —
 * written in one transaction, so a runner killed at any point resumes with nothing lost or counted
 * twice. Only the partitions a batch touched are written.
 *
 * States may hold `Map`s, `Set`s and `undefined`: they are stored as `{"$map": [[key, value], ...]}`,
 * `{"$set": [...]}` and `{"$undefined": true}` and come back as such. What JSON would change is
 * refused when a state is saved (`UnstorableState`), and a stored document that does not read
 * fails the load (`CorruptState`): neither is ever silent, and neither way throws.
 *
 * @since 0.1.0
 */

import type { Position } from "@thidua/store"
import { Effect, Layer, Result } from "effect"
import { SqlClient } from "effect/sql"
import * as Tables from "./internal/sqlTables.js"
import * as StateJson from "./internal/stateJson.js"
import { CorruptState, UnstorableState } from "./ProjectionError.js"
import { ReadModelStore, type Saved } from "./ReadModelStore.js"

/**
 * Which state a codec error is about. Tools that encode a state on its own may leave it out.
 *
 * @since 0.2.0
 */
export interface Where {
  readonly projection: string
  readonly projectionVersion: number
  readonly partition: string
}

const nowhere: Where = { projection: "(unnamed)", projectionVersion: 0, partition: "(unnamed)" }

/**
 * A state as the JSON document PostgreSQL keeps, or the `UnstorableState` that says which value
 * JSON would not give back as it was: a `Date`, a `bigint`, a function or symbol, `NaN` or
 * ±`Infinity`, an array with holes, an instance of a class, a string (or key) with a NUL or a lone
 * surrogate (which `jsonb` refuses), values nested deeper than 512 levels, or no state at all
 * (`undefined` or `null`). `undefined` inside a state is kept (`{"$undefined": true}`); `-0` is
 * kept as `0`. Never throws.
 *
 * @example
 * ```ts
 * import { SqlReadModelStore } from "@thidua/projections"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const state = { units: new Map([["cdcs-1", { points: 3, seen: new Set(["a"]) }]]) }
 * const json = JSON.parse(JSON.stringify(Result.getOrThrow(SqlReadModelStore.encodeState(state))))
 * assert.deepEqual(Result.getOrThrow(SqlReadModelStore.decodeState(json)), state)
 *
 * const refused = SqlReadModelStore.encodeState({ units: new Map([["cdcs-1", { points: NaN }]]) })
 * assert.ok(Result.isFailure(refused))
 * assert.equal(refused.failure.path, '$.units.get("cdcs-1").points')
 * assert.equal(refused.failure.reason, "NaN")
 * ```
 *
 * @since 0.1.0
 */
export const encodeState = (state: unknown, where: Where = nowhere): Result.Result<unknown, UnstorableState> => {
  const r = StateJson.encode(state)
  return "json" in r ? Result.succeed(r.json) : Result.fail(new UnstorableState({ ...where, ...r }))
}

/**
 * A state from its stored JSON document (as parsed from `jsonb`), or the `CorruptState` that says
 * where the document is not one `encodeState` writes. Never throws, whatever it is given.
 *
 * @since 0.1.0
 */
export const decodeState = (json: unknown, where: Where = nowhere): Result.Result<unknown, CorruptState> => {
  const r = StateJson.decode(json)
  return "state" in r ? Result.succeed(r.state) : Result.fail(new CorruptState({ ...where, ...r }))
}

/**
 * The read model store on the `SqlClient` in context; creates its table on first use.
 *
 * @since 0.1.0
 */
export const layer: Layer.Layer<ReadModelStore, never, SqlClient.SqlClient> = Layer.effect(
  ReadModelStore,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* Tables.ensure(sql)
    const checkpointName = Tables.checkpointName
    return {
      load: <S>(name: string, version: number) =>
        Effect.gen(function* () {
          const marks = yield* sql<{ readonly partition: string; readonly position: string }>`SELECT partition, position
            FROM thidua_checkpoints WHERE name = ${checkpointName(name, version)}`.pipe(Effect.orDie)
          if (marks.some((m) => m.partition === Tables.inlineMark))
            return yield* Effect.die(
              new Error(
                `${checkpointName(name, version)} is kept inline (Inline.layerSql); a runner folding it too would count its events twice. Give the runner's projection another name or version.`
              )
            )
          const checkpoint = marks.find((m) => m.partition === "")
          if (checkpoint === undefined) return undefined
          const rows = yield* sql<{
            readonly partition: string
            readonly state: string
          }>`SELECT partition, state::text AS state
            FROM thidua_read_models WHERE name = ${name} AND version = ${version}`.pipe(Effect.orDie)
          const states = new Map<string, S>()
          for (const r of rows)
            states.set(
              r.partition,
              yield* Tables.decodeText<S>(r.state, {
                projection: name,
                projectionVersion: version,
                partition: r.partition
              })
            )
          return { states, position: checkpoint.position as Position.Position } satisfies Saved<S>
        }),
      partition: <S>(name: string, version: number, partition: string) =>
        Tables.readPartition<S>(sql, name, version, partition),
      drop: (name: string, version: number) =>
        sql
          .withTransaction(
            Effect.gen(function* () {
              yield* sql`DELETE FROM thidua_read_models WHERE name = ${name} AND version = ${version}`
              yield* sql`DELETE FROM thidua_checkpoints WHERE name = ${checkpointName(name, version)}`
            })
          )
          .pipe(Effect.orDie),
      save: <S>(name: string, version: number, saved: Saved<S>, changed?: ReadonlySet<string>) =>
        Effect.gen(function* () {
          // Every state is encoded before the transaction begins: one that cannot be stored
          // fails the save with nothing written.
          const rows: Array<readonly [string, string]> = []
          for (const key of changed ?? saved.states.keys())
            rows.push([
              key,
              yield* Tables.encodeText(saved.states.get(key), {
                projection: name,
                projectionVersion: version,
                partition: key
              })
            ])
          yield* sql
            .withTransaction(
              Effect.gen(function* () {
                for (const [key, state] of rows)
                  yield* sql`INSERT INTO thidua_read_models (name, version, partition, state)
                    VALUES (${name}, ${version}, ${key}, ${state}::jsonb)
                    ON CONFLICT (name, version, partition) DO UPDATE SET state = excluded.state`
                yield* sql`INSERT INTO thidua_checkpoints (name, partition, position)
                  VALUES (${checkpointName(name, version)}, '', ${saved.position})
                  ON CONFLICT (name, partition) DO UPDATE SET position = excluded.position, updated_at = now()`
              })
            )
            .pipe(Effect.orDie)
        })
    }
  })
)
