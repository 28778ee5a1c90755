/**
 * Inline projections: folded in the same step as the append that produced their events, so a
 * read right after a command sees it.
 *
 * - `layer` keeps the read models in memory and folds right after the append returns.
 * - `layerSql` keeps them in PostgreSQL (`thidua_read_models`, the table runners save to) and
 *   folds inside the append's transaction: the events and the read models they change commit
 *   together or not at all. A read model that cannot be written fails the append with
 *   `StoreUnavailable`; a handler that throws is a defect that ends the append's fiber — either
 *   way the transaction rolls back and the log stays as it was.
 *
 * An inline projection has no checkpoint: it holds the events appended while it is on, from its
 * first append (add it before the first, or rebuild it into a new version first). So a projection
 * (name and version) is kept either inline or by a runner, never both, or its events would count
 * twice: `layerSql` marks the projections it keeps, refuses to start for one a runner has
 * checkpointed, and `SqlReadModelStore` refuses to load one marked inline.
 *
 * @since 0.1.0
 */
import type { Event } from "@thidua/core"
import { Codec, EventStore, type Recorded, StoreError } from "@thidua/store"
import { Context, Effect, Layer, Result } from "effect"
import { SqlClient, SqlError } from "effect/sql"
import { metaOf } from "./internal/meta.js"
import * as Tables from "./internal/sqlTables.js"
import type { Meta } from "./Projection.js"
import * as Projection from "./Projection.js"
import { ReadModels } from "./ReadModels.js"
import { decodeState, encodeState } from "./SqlReadModelStore.js"

/** A handler that forgot to return the state is a bug to name, not a NULL for the database to refuse. */
const stateOf = (
  p: { readonly name: string; readonly version: number },
  partition: string,
  state: unknown
): unknown => {
  if (state === undefined || state === null)
    throw new Error(
      `projection ${p.name}@${p.version} left no state for partition ${partition}: a handler must return the state`
    )
  return state
}

const keyOf = (p: { readonly name: string; readonly version: number }): string => `${p.name}@${p.version}`

/** The same projection twice would fold every event into it twice. */
const distinct = (
  projections: ReadonlyArray<{ readonly name: string; readonly version: number }>
): Effect.Effect<void> => {
  const keys = projections.map(keyOf)
  const twice = keys.find((k, i) => keys.indexOf(k) !== i)
  return twice === undefined ? Effect.void : Effect.die(new Error(`Inline: projection ${twice} is given twice`))
}

/** The inline read models: each projection's partitions, by projection name and version. @since 0.1.0 */
export interface Shape {
  readonly states: <S>(projection: Projection.Projection<S>) => ReadonlyMap<string, S>
}

/** @since 0.1.0 */
export class InlineReadModels extends Context.Service<InlineReadModels, Shape>()(
  "@thidua/projections/InlineReadModels"
) {}

/**
 * Decorates the `EventStore` in context: every append that writes events also folds them into
 * the given projections before it returns. A duplicate append folds nothing.
 *
 * @example
 * ```ts
 * import { Inline, Projection } from "@thidua/projections"
 * import { EventStore, InMemoryStore } from "@thidua/store"
 * import { Effect, Layer } from "effect"
 * import assert from "node:assert"
 *
 * const opened = Projection.make({ name: "opened", version: 1, init: () => ({ n: 0 }), handlers: { PhaseOpened: (s) => { s.n++; return s } } })
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   yield* store.append("hanoi", "campaign:c", "no-stream", [{ eventId: "e-1", type: "PhaseOpened", data: { phaseId: "dot-1", at: "2020-01-02" }, schemaVersion: 1 }])
 *   return (yield* Inline.InlineReadModels).states(opened).get("all")?.n
 * })
 * const layer = Inline.layer([opened]).pipe(Layer.provide(InMemoryStore.layer))
 * assert.equal(await Effect.runPromise(program.pipe(Effect.provide(layer))), 1)
 * ```
 *
 * @since 0.1.0
 */
export const layer = (
  // biome-ignore lint/suspicious/noExplicitAny: projections of different states, each folded with its own.
  projections: ReadonlyArray<Projection.Projection<any>>
): Layer.Layer<EventStore.EventStore | InlineReadModels | ReadModels, never, EventStore.EventStore> =>
  Layer.effectContext(
    Effect.gen(function* () {
      yield* distinct(projections)
      const inner = yield* EventStore.EventStore
      // By name and version: two versions of a projection are two read models.
      const states = new Map<string, Map<string, unknown>>(projections.map((p) => [keyOf(p), new Map()]))
      const store: EventStore.Shape = {
        ...inner,
        append: (tenantId, streamId, expected, events, metadata) =>
          Effect.flatMap(inner.append(tenantId, streamId, expected, events, metadata), (result) => {
            if (result.duplicate) return Effect.succeed(result)
            const items: Array<{ readonly event: Event.DomainEvent; readonly meta: Meta }> = []
            for (const r of result.events) {
              // The events were just encoded from valid domain events: they decode.
              const decoded = Codec.decodeResult(r)
              if (Result.isSuccess(decoded))
                items.push({ event: decoded.success as Event.DomainEvent, meta: metaOf(r) })
            }
            for (const p of projections) Projection.fold(p, items, states.get(keyOf(p))!)
            return Effect.succeed(result)
          })
      }
      return Context.make(EventStore.EventStore, store).pipe(
        Context.add(InlineReadModels, {
          states: <S>(p: Projection.Projection<S>) => (states.get(keyOf(p)) ?? new Map()) as ReadonlyMap<string, S>
        }),
        Context.add(ReadModels, {
          get: <S>(p: Projection.Projection<S>, partition: string) =>
            Effect.sync(() => {
              const state = states.get(keyOf(p))?.get(partition)
              return state === undefined ? undefined : (structuredClone(state) as S)
            })
        })
      )
    })
  )

/**
 * Inline projections in PostgreSQL: decorates the `EventStore` in context (a `PostgresStore` on
 * the same `SqlClient`) so that every append folds its events into the projections' rows in the
 * append's own transaction, and provides `ReadModels` over those rows.
 *
 * Each append that writes events adds two statements to its transaction: one that creates the
 * partitions it touches or locks them, returning their states, and one that writes them back.
 * Appends that touch the same partition wait for each other (a tenant-wide partition serialises
 * the tenant's appends); an append locks its stream, then its partitions in one order, so
 * appends in transactions of their own never deadlock. A caller that makes several appends in one
 * transaction of its own may meet one (PostgreSQL then aborts a transaction, reported as
 * `StoreUnavailable`): keep such transactions to one stream. Only projections with a handler for
 * one of the appended event types are read and written.
 *
 * @example
 * ```ts
 * import { Inline, Projection, ReadModels } from "@thidua/projections"
 * import { EventStore } from "@thidua/store"
 * import { PostgresStore } from "@thidua/store-postgres"
 * import { Effect, Layer } from "effect"
 * import assert from "node:assert"
 *
 * const opened = Projection.make({ name: "opened", version: 1, init: () => ({ n: 0 }), partition: Projection.byCampaign, handlers: { PhaseOpened: (s) => { s.n++; return s } } })
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   yield* store.append("hanoi", "campaign:hm-2020", "no-stream", [{ eventId: "e-1", type: "PhaseOpened", data: { phaseId: "dot-1", at: "2020-01-02" }, schemaVersion: 1 }])
 *   return yield* ReadModels.get(opened, ReadModels.campaignKey("hanoi", "hm-2020"))
 * })
 * const layer = Inline.layerSql([opened]).pipe(Layer.provideMerge(PostgresStore.layer({})))
 * assert.deepEqual(await Effect.runPromise(program.pipe(Effect.provide(layer))), { n: 1 })
 * ```
 *
 * @since 0.1.0
 */
export const layerSql = (
  // biome-ignore lint/suspicious/noExplicitAny: projections of different states, each folded with its own.
  projections: ReadonlyArray<Projection.Projection<any>>
): Layer.Layer<EventStore.EventStore | ReadModels, never, EventStore.EventStore | SqlClient.SqlClient> =>
  Layer.effectContext(
    Effect.gen(function* () {
      yield* distinct(projections)
      const inner = yield* EventStore.EventStore
      const sql = yield* SqlClient.SqlClient
      yield* Tables.ensure(sql)
      if (projections.length > 0) {
        const names = projections.map((p) => Tables.checkpointName(p.name, p.version))
        const kept = yield* sql<{ readonly name: string }>`SELECT name FROM thidua_checkpoints
          WHERE name IN ${sql.in(names)} AND partition = ''`.pipe(Effect.orDie)
        if (kept.length > 0)
          return yield* Effect.die(
            new Error(
              `Inline.layerSql: ${kept.map((k) => k.name).join(", ")} is kept by a runner (it has a checkpoint); ` +
                "folding it inline as well would count its events twice. Give the inline projection another name or version."
            )
          )
        // The mark that keeps runners off these projections (see SqlReadModelStore.load).
        yield* sql`INSERT INTO thidua_checkpoints (name, partition, position)
          SELECT n, ${Tables.inlineMark}, '' FROM unnest(${names}::text[]) AS n
          ON CONFLICT (name, partition) DO NOTHING`.pipe(Effect.orDie)
      }

      const fold = (recorded: ReadonlyArray<Recorded.RecordedEvent>) =>
        Effect.gen(function* () {
          const items: Array<{ readonly event: Event.DomainEvent; readonly meta: Meta }> = []
          for (const r of recorded) {
            // The events were just encoded from valid domain events: a failure here is a defect.
            const decoded = Codec.decodeResult(r)
            if (Result.isFailure(decoded)) return yield* Effect.die(decoded.failure)
            items.push({ event: decoded.success as Event.DomainEvent, meta: metaOf(r) })
          }
          // Every (projection, partition) the events touch, in one order for all appends; a
          // projection with no handler for any of the events touches nothing.
          const folding = projections.filter((p) => items.some((i) => Projection.handles(p, i.event._tag)))
          if (folding.length === 0) return
          const touched = new Map<string, { readonly p: number; readonly partition: string }>()
          folding.forEach((p, i) => {
            for (const { event, meta } of items) {
              if (!Projection.handles(p, event._tag)) continue
              const partition = p.partition(meta)
              touched.set(`${p.name}\u0000${p.version}\u0000${partition}`, { p: i, partition })
            }
          })
          const rows = [...touched.keys()].sort().map((k) => touched.get(k)!)
          const names = rows.map((r) => folding[r.p]!.name)
          const versions = rows.map((r) => folding[r.p]!.version)
          const partitions = rows.map((r) => r.partition)
          const current = yield* sql<{
            readonly name: string
            readonly version: number
            readonly partition: string
            readonly state: unknown
          }>`INSERT INTO thidua_read_models (name, version, partition, state)
            SELECT u.name, u.version, u.partition, u.state::jsonb
            FROM unnest(${names}::text[], ${versions}::int4[], ${partitions}::text[],
              ${rows.map((r) => JSON.stringify(encodeState(folding[r.p]!.init())))}::text[])
              WITH ORDINALITY AS u(name, version, partition, state, ord)
            ORDER BY u.ord
            ON CONFLICT (name, version, partition) DO UPDATE SET state = thidua_read_models.state
            RETURNING name, version, partition, state`
          // Each projection's touched partitions, as stored, folded as anywhere else.
          const index = new Map(folding.map((p, i) => [keyOf(p), i]))
          const states = folding.map(() => new Map<string, unknown>())
          for (const c of current) states[index.get(keyOf(c))!]!.set(c.partition, decodeState(Tables.json(c.state)))
          for (const [i, p] of folding.entries()) Projection.fold(p, items, states[i])
          yield* sql`UPDATE thidua_read_models m SET state = u.state::jsonb
            FROM unnest(${names}::text[], ${versions}::int4[], ${partitions}::text[],
              ${rows.map((r) => JSON.stringify(encodeState(stateOf(folding[r.p]!, r.partition, states[r.p]!.get(r.partition)))))}::text[]) AS u(name, version, partition, state)
            WHERE m.name = u.name AND m.version = u.version AND m.partition = u.partition`
        })

      const store: EventStore.Shape = {
        ...inner,
        append: (tenantId, streamId, expected, events, metadata) =>
          sql
            .withTransaction(
              Effect.flatMap(inner.append(tenantId, streamId, expected, events, metadata), (result) =>
                result.duplicate || result.events.length === 0
                  ? Effect.succeed(result)
                  : Effect.as(fold(result.events), result)
              )
            )
            .pipe(
              Effect.catchIf(SqlError.isSqlError, (cause) =>
                Effect.fail(new StoreError.StoreUnavailable({ operation: "append (inline projections)", cause }))
              )
            )
      }
      return Context.make(EventStore.EventStore, store).pipe(
        Context.add(ReadModels, {
          get: <S>(p: Projection.Projection<S>, partition: string) =>
            Effect.map(Tables.readPartition(sql, p.name, p.version, partition), (doc) =>
              doc === undefined ? undefined : (decodeState(doc) as S)
            )
        })
      )
    })
  )
