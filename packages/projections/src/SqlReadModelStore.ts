/**
 * Read models in PostgreSQL (a server or PGlite): one JSONB document per projection, version and
 * partition in `thidua_read_models`, and the projection's position in `thidua_checkpoints` —
 * written in one transaction, so a runner killed at any point resumes with nothing lost or counted
 * twice. Only the partitions a batch touched are written.
 *
 * States may hold `Map`s and `Set`s: they are stored as `{"$map": [[key, value], ...]}` and
 * `{"$set": [...]}` and come back as such.
 *
 * @since 0.1.0
 */

import type { Position } from "@thidua/store"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import * as Tables from "./internal/sqlTables.js"
import { ReadModelStore, type Saved } from "./ReadModelStore.js"

// A state's own object with a single key `$map`, `$set` or `$obj` is wrapped in `$obj`, so that it
// never reads back as a Map or a Set.
const tagged = (o: object): boolean => {
  const keys = Object.keys(o)
  return keys.length === 1 && (keys[0] === "$map" || keys[0] === "$set" || keys[0] === "$obj")
}

const toJson = (u: unknown): unknown => {
  if (u instanceof Map) return { $map: [...u].map(([k, v]) => [toJson(k), toJson(v)]) }
  if (u instanceof Set) return { $set: [...u].map(toJson) }
  if (Array.isArray(u)) return u.map(toJson)
  if (typeof u === "bigint" || typeof u === "function" || typeof u === "symbol" || u instanceof Date)
    // A state is data that JSON keeps (with Maps and Sets): anything else would come back changed.
    throw new Error(`a read model state holds a ${u instanceof Date ? "Date" : typeof u}; keep dates as strings`)
  if (typeof u === "object" && u !== null) {
    const o = Object.fromEntries(Object.entries(u).map(([k, v]) => [k, toJson(v)]))
    return tagged(u) ? { $obj: o } : o
  }
  return u
}

const fromJson = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(fromJson)
  if (typeof u === "object" && u !== null) {
    const o = u as Record<string, unknown>
    if (Object.keys(o).length === 1) {
      if (Array.isArray(o.$map))
        return new Map((o.$map as Array<[unknown, unknown]>).map(([k, v]) => [fromJson(k), fromJson(v)]))
      if (Array.isArray(o.$set)) return new Set((o.$set as Array<unknown>).map(fromJson))
      if (typeof o.$obj === "object" && o.$obj !== null)
        return Object.fromEntries(Object.entries(o.$obj).map(([k, v]) => [k, fromJson(v)]))
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fromJson(v)]))
  }
  return u
}

/**
 * The state codec, exposed for tests and tools.
 *
 * @example
 * ```ts
 * import { SqlReadModelStore } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const state = { units: new Map([["cdcs-1", { points: 3, seen: new Set(["a"]) }]]) }
 * assert.deepEqual(SqlReadModelStore.decodeState(JSON.parse(JSON.stringify(SqlReadModelStore.encodeState(state)))), state)
 * ```
 *
 * @since 0.1.0
 */
export const encodeState = toJson
/** @since 0.1.0 */
export const decodeState = fromJson

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
            FROM thidua_checkpoints WHERE name = ${checkpointName(name, version)}`
          if (marks.some((m) => m.partition === Tables.inlineMark))
            return yield* Effect.die(
              new Error(
                `${checkpointName(name, version)} is kept inline (Inline.layerSql); a runner folding it too would count its events twice. Give the runner's projection another name or version.`
              )
            )
          const checkpoint = marks.find((m) => m.partition === "")
          if (checkpoint === undefined) return undefined
          const rows = yield* sql<{ readonly partition: string; readonly state: unknown }>`SELECT partition, state
            FROM thidua_read_models WHERE name = ${name} AND version = ${version}`
          const states = new Map<string, S>(rows.map((r) => [r.partition, fromJson(Tables.json(r.state)) as S]))
          return { states, position: checkpoint.position as Position.Position } satisfies Saved<S>
        }).pipe(Effect.orDie),
      partition: <S>(name: string, version: number, partition: string) =>
        Effect.map(Tables.readPartition(sql, name, version, partition), (doc) =>
          doc === undefined ? undefined : (fromJson(doc) as S)
        ),
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
        sql
          .withTransaction(
            Effect.gen(function* () {
              const keys = changed ?? new Set(saved.states.keys())
              for (const key of keys) {
                const state = JSON.stringify(toJson(saved.states.get(key)))
                yield* sql`INSERT INTO thidua_read_models (name, version, partition, state)
                  VALUES (${name}, ${version}, ${key}, ${state}::jsonb)
                  ON CONFLICT (name, version, partition) DO UPDATE SET state = excluded.state`
              }
              yield* sql`INSERT INTO thidua_checkpoints (name, partition, position)
                VALUES (${checkpointName(name, version)}, '', ${saved.position})
                ON CONFLICT (name, partition) DO UPDATE SET position = excluded.position, updated_at = now()`
            })
          )
          .pipe(Effect.orDie)
    }
  })
)
