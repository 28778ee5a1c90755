/**
 * Inline projections: folded in the same step as the append that produced their events, so a
 * read right after a command sees it. Both layers are all or nothing: an append either writes its
 * events and folds them into every read model, or does neither.
 *
 * - `layer` keeps the read models in memory. It folds inside the append, through the store's
 *   `beforeCommit` hook: after the events are written, before anyone can see them (in PostgreSQL,
 *   inside the append's transaction). When the layer is built it folds the whole log first, so a
 *   process that restarts on a persistent store comes back with its read models whole.
 * - `layerSql` keeps them in PostgreSQL (`thidua_read_models`, the table runners save to) and
 *   folds inside the append's transaction: the events and the read models they change commit
 *   together. A read model that cannot be written fails the append with `StoreUnavailable`.
 *
 * A projection that throws on an event (or a handler that returns no state, or a state PostgreSQL
 * cannot keep) refuses the append: it fails with `AppendAborted` whose `cause` is the
 * `ProjectionFailed` (or `UnstorableState`), the log stays as it was, and so do the read models.
 *
 * A projection (name and version) is kept either inline or by a runner, never both, or its events
 * would count twice: `layerSql` marks the projections it keeps, refuses to start for one a runner
 * has checkpointed, and `SqlReadModelStore` refuses to load one marked inline. A `layerSql`
 * projection has no checkpoint: it holds the events appended while it is on, from its first append
 * (add it before the first).
 *
 * @since 0.1.0
 */
import type { Event } from "@thidua/core"
import { Codec, EventStore, Position, type Recorded, StoreError } from "@thidua/store"
import { Cause, Context, Deferred, Effect, Exit, Layer, Option, Result, Stream } from "effect"
import { SqlClient, SqlError } from "effect/sql"
import { failure } from "./internal/failure.js"
import { metaOf } from "./internal/meta.js"
import * as Tables from "./internal/sqlTables.js"
import type { Meta } from "./Projection.js"
import * as Projection from "./Projection.js"
import { type CorruptState, ProjectionFailed, type UnstorableState } from "./ProjectionError.js"
import { ReadModels } from "./ReadModels.js"

type Item = { readonly event: Event.DomainEvent; readonly meta: Meta }
// biome-ignore lint/suspicious/noExplicitAny: projections of different states, each folded with its own.
type AnyProjection = Projection.Projection<any>

const keyOf = (p: { readonly name: string; readonly version: number }): string => `${p.name}@${p.version}`

/** The same projection twice would fold every event into it twice. */
const distinct = (
  projections: ReadonlyArray<{ readonly name: string; readonly version: number }>
): Effect.Effect<void> => {
  const keys = projections.map(keyOf)
  const twice = keys.find((k, i) => keys.indexOf(k) !== i)
  return twice === undefined ? Effect.void : Effect.die(new Error(`Inline: projection ${twice} is given twice`))
}

const anyHandles = (projections: ReadonlyArray<AnyProjection>, type: string): boolean => {
  for (let i = 0; i < projections.length; i++) if (Projection.handles(projections[i]!, type)) return true
  return false
}

/** The events some projection folds, decoded; the others (and foreign types) are passed over. */
const decodeFor = (
  projections: ReadonlyArray<AnyProjection>,
  recorded: ReadonlyArray<Recorded.RecordedEvent>
): Result.Result<Array<Item>, StoreError.CorruptEvent> => {
  const items: Array<Item> = []
  for (let i = 0; i < recorded.length; i++) {
    const r = recorded[i]!
    if (!anyHandles(projections, r.type)) continue
    const decoded = Codec.decodeResult(r)
    if (Result.isFailure(decoded)) return decoded as unknown as Result.Result<Array<Item>, StoreError.CorruptEvent>
    items.push({ event: decoded.success as Event.DomainEvent, meta: metaOf(r) })
  }
  return Result.succeed(items)
}

/** `Projection.fold`, with what it throws as a value: a `ProjectionFailed`. */
const foldItems = (
  p: AnyProjection,
  items: ReadonlyArray<Item>,
  states: Map<string, unknown>
): ProjectionFailed | undefined => {
  try {
    Projection.fold(p, items, states)
    return undefined
  } catch (cause) {
    if (cause instanceof ProjectionFailed) return cause
    throw cause
  }
}

/** The inline read models: each projection's partitions, by projection name and version. @since 0.1.0 */
export interface Shape {
  readonly states: <S>(projection: Projection.Projection<S>) => ReadonlyMap<string, S>
}

/** @since 0.1.0 */
export class InlineReadModels extends Context.Service<InlineReadModels, Shape>()(
  "@thidua/projections/InlineReadModels"
) {}

// Thrown by the hook of an append that arrives while partitions are being restored: the append is
// aborted (nothing written) and made again once they are.
const restoring = Symbol.for("@thidua/projections/Inline/restoring")

const abortedBy = (e: unknown, cause: unknown): boolean =>
  e instanceof StoreError.AppendAborted &&
  (cause === undefined ? e.cause instanceof ProjectionFailed : e.cause === cause)

/**
 * Decorates the `EventStore` in context: every append that writes events also folds them into the
 * given projections, in memory, before it commits. First, when the layer is built, it folds the
 * whole log, so the read models hold every event of the store (a process that restarts on
 * PostgreSQL comes back with them whole), and then every append made through it.
 *
 * The fold runs in the append's `beforeCommit` hook. A projection that throws on an event (or a
 * handler that returns no state) refuses the append: it fails with `AppendAborted` whose `cause`
 * is a `ProjectionFailed` naming the projection and the event; nothing is written, and the
 * partitions the fold had touched are folded again from the log before the append returns, so
 * the read models are exactly as they were. While they are, other appends through the layer and
 * reads through `ReadModels` wait (`InlineReadModels.states` hands over the live maps, and does
 * not); if the log cannot be read at that moment, they are restored before the next append or
 * read.
 * A duplicate append folds nothing. The store must call `beforeCommit` (both of the library's do);
 * one that does not is a defect at its first append.
 *
 * The read models hold this process's appends and the log as it was when the layer was built:
 * appends that other processes make to the same database later are not seen. For several
 * processes on one database, keep the read models in PostgreSQL (`layerSql`) or fold them with a
 * runner.
 *
 * @example
 * ```ts
 * import { Inline, Projection, ProjectionError } from "@thidua/projections"
 * import { EventStore, InMemoryStore, StoreError } from "@thidua/store"
 * import { Effect, Layer } from "effect"
 * import assert from "node:assert"
 *
 * const opened = Projection.make({
 *   name: "opened",
 *   version: 1,
 *   init: () => ({ n: 0 }),
 *   handlers: {
 *     PhaseOpened: (s, e) => {
 *       if (e.phaseId === "dot-9") throw new Error("no ninth phase")
 *       s.n++
 *       return s
 *     }
 *   }
 * })
 * const phase = (id: string) => ({ eventId: id, type: "PhaseOpened", data: { phaseId: id, at: "2020-01-02" }, schemaVersion: 1 })
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   yield* store.append("hanoi", "campaign:c", "no-stream", [phase("dot-1")])
 *   const refused = yield* Effect.flip(store.append("hanoi", "campaign:c", 1, [phase("dot-2"), phase("dot-9")]))
 *   assert.ok(refused instanceof StoreError.AppendAborted && refused.cause instanceof ProjectionError.ProjectionFailed)
 *   // Nothing was written, and the read model is as it was: dot-2 is not counted.
 *   return [yield* store.streamVersion("hanoi", "campaign:c"), (yield* Inline.InlineReadModels).states(opened).get("all")?.n]
 * })
 * const layer = Inline.layer([opened]).pipe(Layer.provideMerge(InMemoryStore.layer))
 * assert.deepEqual(await Effect.runPromise(program.pipe(Effect.provide(layer))), [1, 1])
 * ```
 *
 * @since 0.1.0
 */
export const layer = (
  projections: ReadonlyArray<AnyProjection>
): Layer.Layer<
  EventStore.EventStore | InlineReadModels | ReadModels,
  StoreError.CorruptEvent | ProjectionFailed | StoreError.StoreUnavailable,
  EventStore.EventStore
> =>
  Layer.effectContext(
    Effect.gen(function* () {
      yield* distinct(projections)
      const inner = yield* EventStore.EventStore
      // Each projection's partitions, at the projection's index; by name and version for readers.
      const states = projections.map(() => new Map<string, unknown>())
      const index = new Map(projections.map((p, i) => [keyOf(p), i]))
      const n = projections.length

      // Folds pages of stored events into the states, as a rebuild does.
      const foldLog = (
        into: ReadonlyArray<Map<string, unknown> | undefined>,
        options: EventStore.ReadAllOptions,
        only?: ReadonlyArray<ReadonlySet<string> | undefined>
      ) =>
        Stream.runForEachArray(inner.readAll(Position.start, options), (page) =>
          Effect.suspend((): Effect.Effect<void, StoreError.CorruptEvent | ProjectionFailed> => {
            const decoded = decodeFor(projections, page)
            if (Result.isFailure(decoded)) return Effect.fail(decoded.failure)
            for (let m = 0; m < n; m++) {
              const target = into[m]
              if (target === undefined) continue
              const p = projections[m]!
              const keep = only?.[m]
              let items = decoded.success
              if (keep !== undefined) {
                // Only the events of the partitions being restored.
                items = []
                for (const item of decoded.success) {
                  if (!Projection.handles(p, item.event._tag)) continue
                  try {
                    if (keep.has(p.partition(item.meta))) items.push(item)
                  } catch (cause) {
                    return Effect.fail(failure(p, item.event, item.meta, cause))
                  }
                }
              }
              const failed = foldItems(p, items, target)
              if (failed !== undefined) return Effect.fail(failed)
            }
            return Effect.void
          })
        )

      // The log as it stands: a layer built on a store that holds events (PostgreSQL after a
      // restart) starts from all of them.
      yield* foldLog(states, {})

      // Partitions a failed append may have left half folded, per projection, until they are
      // folded again from the log; the tenants they belong to, when the projections say so.
      const stale = projections.map(() => new Set<string>())
      let anyStale = false
      let staleTenants: Set<string> | undefined = new Set<string>()
      // While partitions are restored, appends wait on the gate (and one whose hook runs meanwhile
      // is aborted and made again); the restore itself waits for appends whose hook has folded
      // and whose commit has not returned yet.
      let gate: Deferred.Deferred<void> | undefined
      let inFlight = 0
      let drained: Deferred.Deferred<void> | undefined

      // An append whose fold is no longer waiting for its commit.
      const leave = (): void => {
        inFlight--
        if (inFlight === 0 && drained !== undefined) {
          Deferred.doneUnsafe(drained, Exit.void)
          drained = undefined
        }
      }

      const markStale = (items: ReadonlyArray<Item>, upTo: number): void => {
        for (let m = 0; m <= upTo && m < n; m++) {
          const p = projections[m]!
          const byTenant = p.partition === Projection.byTenant || p.partition === Projection.byCampaign
          for (const { event, meta } of items) {
            if (!Projection.handles(p, event._tag)) continue
            try {
              stale[m]!.add(p.partition(meta))
            } catch {
              // A partition that cannot be named was never folded into.
              continue
            }
            anyStale = true
            if (!byTenant) staleTenants = undefined
            else staleTenants?.add(meta.tenantId)
          }
        }
      }

      const restore = Effect.gen(function* () {
        while (inFlight > 0) {
          drained = Deferred.makeUnsafe<void>()
          yield* Deferred.await(drained)
        }
        const fresh = stale.map((s) => (s.size === 0 ? undefined : new Map<string, unknown>()))
        // Tenant by tenant when every stale partition belongs to one; else the whole log.
        if (staleTenants === undefined) yield* foldLog(fresh, {}, stale)
        else for (const tenantId of staleTenants) yield* foldLog(fresh, { tenantId }, stale)
        for (let m = 0; m < n; m++) {
          const f = fresh[m]
          if (f === undefined) continue
          for (const key of stale[m]!) {
            const state = f.get(key)
            if (state === undefined) states[m]!.delete(key)
            else states[m]!.set(key, state)
          }
          stale[m]!.clear()
        }
        anyStale = false
        staleTenants = new Set()
      })

      // Restores the stale partitions, or waits for the fiber that is restoring them.
      const settle: Effect.Effect<void, StoreError.CorruptEvent | ProjectionFailed | StoreError.StoreUnavailable> =
        Effect.suspend(() => {
          if (gate !== undefined) return Deferred.await(gate)
          if (!anyStale) return Effect.void
          const g = Deferred.makeUnsafe<void>()
          gate = g
          return Effect.ensuring(
            restore,
            Effect.sync(() => {
              gate = undefined
              Deferred.doneUnsafe(g, Exit.void)
            })
          )
        })

      const fold = (recorded: ReadonlyArray<Recorded.RecordedEvent>): ReadonlyArray<Item> => {
        const decoded = decodeFor(projections, recorded)
        // Before anything is folded: the append is refused with the read models untouched.
        if (Result.isFailure(decoded)) throw decoded.failure
        const items = decoded.success
        if (items.length === 0) return items
        for (let m = 0; m < n; m++) {
          const failed = foldItems(projections[m]!, items, states[m]!)
          if (failed !== undefined) {
            markStale(items, m)
            throw failed
          }
        }
        return items
      }

      const append: EventStore.Shape["append"] = (tenantId, streamId, expected, events, metadata, options) => {
        const attempt: ReturnType<EventStore.Shape["append"]> = Effect.suspend(() => {
          if (gate !== undefined || anyStale)
            return Effect.andThen(
              Effect.mapError(settle, (cause) =>
                cause._tag === "StoreUnavailable" ? cause : new StoreError.AppendAborted({ tenantId, streamId, cause })
              ),
              attempt
            )
          let hooked = false
          // The events this append folded, from when its hook folded them until it returns.
          let folded: ReadonlyArray<Item> | undefined
          const beforeCommit = (recorded: ReadonlyArray<Recorded.RecordedEvent>): void => {
            hooked = true
            if (folded !== undefined) {
              // Called again: the store is making its write again, so the first fold's never
              // committed. Start over once its partitions are restored.
              markStale(folded, n - 1)
              folded = undefined
              leave()
              throw restoring
            }
            if (gate !== undefined || anyStale) throw restoring
            options?.beforeCommit?.(recorded)
            folded = fold(recorded)
            inFlight++
          }
          const hooks = options === undefined ? { beforeCommit } : { ...options, beforeCommit }
          // One frame for both ends, on the hot path. Its failure side also runs when the fiber is
          // interrupted, synchronously, so an interrupted commit leaves nothing unaccounted for.
          return Effect.matchCauseEffect(inner.append(tenantId, streamId, expected, events, metadata, hooks), {
            onSuccess: (result) => {
              if (folded !== undefined) {
                folded = undefined
                leave()
              } else if (!hooked && !result.duplicate && result.events.length > 0)
                return Effect.die(
                  new Error(
                    "Inline.layer: the EventStore appended without calling beforeCommit, so the events were not folded; it needs a store that calls it (InMemoryStore, PostgresStore)"
                  )
                )
              return Effect.succeed(result)
            },
            onFailure: (cause) => {
              const items = folded
              folded = undefined
              if (items !== undefined) {
                // Folded, then not committed (the commit failed, or the fiber was interrupted):
                // the events may not be in the log, so their partitions are folded again from
                // it. Marked before the append leaves, so a restore waiting for it sees them.
                markStale(items, n - 1)
                leave()
              }
              const error = Cause.findErrorOption(cause)
              if (Option.isSome(error) && abortedBy(error.value, restoring)) return attempt
              // A projection that threw has marked what it touched: restored before the append returns.
              return anyStale ? Effect.andThen(Effect.ignore(settle), Effect.failCause(cause)) : Effect.failCause(cause)
            }
          })
        })
        return attempt
      }

      const store: EventStore.Shape = { ...inner, append }
      const read = <S>(p: Projection.Projection<S>, partition: string): S | undefined => {
        const i = index.get(keyOf(p))
        const state = i === undefined ? undefined : states[i]!.get(partition)
        return state === undefined ? undefined : (structuredClone(state) as S)
      }
      return Context.make(EventStore.EventStore, store).pipe(
        Context.add(InlineReadModels, {
          states: <S>(p: Projection.Projection<S>) => {
            const i = index.get(keyOf(p))
            return (i === undefined ? new Map() : states[i]!) as ReadonlyMap<string, S>
          }
        }),
        Context.add(ReadModels, {
          get: <S>(p: Projection.Projection<S>, partition: string) =>
            Effect.suspend(() =>
              gate === undefined && !anyStale
                ? Effect.succeed(read(p, partition))
                : Effect.andThen(
                    Effect.ignore(settle),
                    Effect.sync(() => read(p, partition))
                  )
            )
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
 * A projection that throws on an event (or a handler that returns no state) refuses the append
 * with `AppendAborted` whose `cause` is a `ProjectionFailed`; a state PostgreSQL cannot keep, with
 * one whose `cause` is an `UnstorableState`, and a stored state that does not read, a
 * `CorruptState`. The transaction rolls back: neither the events nor the read models change. A
 * read model that is not there after a restart is not a question here: it is in the database.
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

      const fold = (tenantId: string, streamId: string, recorded: ReadonlyArray<Recorded.RecordedEvent>) =>
        Effect.gen(function* () {
          // What stops the fold refuses the append, inside its transaction: nothing is written.
          const refuse = (cause: StoreError.CorruptEvent | ProjectionFailed | UnstorableState | CorruptState) =>
            new StoreError.AppendAborted({ tenantId, streamId, cause })
          const decoded = decodeFor(projections, recorded)
          if (Result.isFailure(decoded)) return yield* refuse(decoded.failure)
          const items = decoded.success
          // Every (projection, partition) the events touch, in one order for all appends; a
          // projection with no handler for any of the events touches nothing.
          const folding = projections.filter((p) => items.some((i) => Projection.handles(p, i.event._tag)))
          if (folding.length === 0) return
          const touched = new Map<string, { readonly p: number; readonly partition: string }>()
          for (const [i, p] of folding.entries()) {
            for (const { event, meta } of items) {
              if (!Projection.handles(p, event._tag)) continue
              let partition: string
              try {
                partition = p.partition(meta)
              } catch (cause) {
                return yield* refuse(failure(p, event, meta, cause))
              }
              touched.set(`${p.name}\u0000${p.version}\u0000${partition}`, { p: i, partition })
            }
          }
          const rows = [...touched.keys()].sort().map((k) => touched.get(k)!)
          const names = rows.map((r) => folding[r.p]!.name)
          const versions = rows.map((r) => folding[r.p]!.version)
          const partitions = rows.map((r) => r.partition)
          const fresh: Array<string> = []
          for (const r of rows) {
            const p = folding[r.p]!
            const where = { projection: p.name, projectionVersion: p.version, partition: r.partition }
            fresh.push(yield* Effect.mapError(Tables.encodeText(p.init(), where), refuse))
          }
          const current = yield* sql<{
            readonly name: string
            readonly version: number
            readonly partition: string
            readonly state: string
          }>`INSERT INTO thidua_read_models (name, version, partition, state)
            SELECT u.name, u.version, u.partition, u.state::jsonb
            FROM unnest(${names}::text[], ${versions}::int4[], ${partitions}::text[], ${fresh}::text[])
              WITH ORDINALITY AS u(name, version, partition, state, ord)
            ORDER BY u.ord
            ON CONFLICT (name, version, partition) DO UPDATE SET state = thidua_read_models.state
            RETURNING name, version, partition, state::text AS state`
          // Each projection's touched partitions, as stored, folded as anywhere else.
          const index = new Map(folding.map((p, i) => [keyOf(p), i]))
          const states = folding.map(() => new Map<string, unknown>())
          for (const c of current) {
            const where = { projection: c.name, projectionVersion: c.version, partition: c.partition }
            states[index.get(keyOf(c))!]!.set(
              c.partition,
              yield* Effect.mapError(Tables.decodeText(c.state, where), refuse)
            )
          }
          for (const [i, p] of folding.entries()) {
            const failed = foldItems(p, items, states[i]!)
            if (failed !== undefined) return yield* refuse(failed)
          }
          const written: Array<string> = []
          for (const r of rows) {
            const p = folding[r.p]!
            const where = { projection: p.name, projectionVersion: p.version, partition: r.partition }
            written.push(yield* Effect.mapError(Tables.encodeText(states[r.p]!.get(r.partition), where), refuse))
          }
          yield* sql`UPDATE thidua_read_models m SET state = u.state::jsonb
            FROM unnest(${names}::text[], ${versions}::int4[], ${partitions}::text[], ${written}::text[]) AS u(name, version, partition, state)
            WHERE m.name = u.name AND m.version = u.version AND m.partition = u.partition`
        })

      const store: EventStore.Shape = {
        ...inner,
        append: (tenantId, streamId, expected, events, metadata, options) =>
          sql
            .withTransaction(
              Effect.flatMap(inner.append(tenantId, streamId, expected, events, metadata, options), (result) =>
                result.duplicate || result.events.length === 0
                  ? Effect.succeed(result)
                  : Effect.as(fold(tenantId, streamId, result.events), result)
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
            Tables.readPartition<S>(sql, p.name, p.version, partition)
        })
      )
    })
  )
