/**
 * Running projections over a store: `rebuild` folds the whole log from the start; `run` follows
 * the log from its saved checkpoint for ever, saving states and checkpoint together after each
 * batch; `catchUp` does the same up to the log's current end and stops.
 *
 * Events are decoded at this edge: a stored payload that does not read stops the runner with a
 * `CorruptEvent` naming its place, never a silent skip. Events of types the projection does not
 * fold (its `tags`) are passed over undecoded.
 *
 * A projection whose code throws on an event stops the runner with a `ProjectionFailed` naming the
 * projection and the event (`cause` is what was thrown); the page it was on is not saved, so a
 * runner started again with the handler fixed resumes from the last saved page.
 *
 * @since 0.1.0
 */
import type { Event } from "@thidua/core"
import { Codec, EventStore, Position, type Recorded, type StoreError, Telemetry } from "@thidua/store"
import { Effect, Metric, Result, Semaphore, Stream } from "effect"
import { failure, noState } from "./internal/failure.js"
import { metaOf } from "./internal/meta.js"
import { handles, type Projection } from "./Projection.js"
import type { CorruptState, ProjectionFailed, UnstorableState } from "./ProjectionError.js"
import { ReadModelStore, type Saved } from "./ReadModelStore.js"

/** @since 0.1.0 */
export interface Options {
  /** Only this tenant's events. */
  readonly tenantId?: string
  /** Events per batch (a page of the store, a save of the read model). Default 1,000. */
  readonly batchSize?: number
}

/** Folds one page of stored events into the states, decoding each. */
const applyPage = <S>(
  projection: Projection<S>,
  states: Map<string, S>,
  page: ReadonlyArray<Recorded.RecordedEvent>,
  changed?: Set<string>
): Result.Result<void, StoreError.CorruptEvent | ProjectionFailed> => {
  // Consecutive events of one stream share a partition when the projection says so: the key is
  // neither rebuilt nor looked up again for each of them.
  let lastTenant: string | undefined
  let lastStream: string | undefined
  let key = ""
  let state: S | undefined
  let event: Event.DomainEvent | undefined
  // One try around the loop, not one per event: the loop stays as fast as without.
  let i = 0
  try {
    for (; i < page.length; i++) {
      const r = page[i]!
      // An event of a type the projection does not fold is skipped undecoded: it makes no partition.
      if (!handles(projection, r.type)) continue
      const decoded = Codec.decodeResult(r)
      if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
      event = decoded.success as Event.DomainEvent
      const meta = metaOf(r)
      if (!projection.partitionByStream || r.streamId !== lastStream || r.tenantId !== lastTenant) {
        key = projection.partition(meta)
        lastTenant = r.tenantId
        lastStream = r.streamId
        changed?.add(key)
        state = states.get(key)
      }
      if (state === undefined) {
        state = projection.init()
        states.set(key, state)
      }
      const next = projection.apply(state, event, meta)
      if (next !== state) {
        if (next === undefined) throw noState()
        state = next
        states.set(key, next)
      }
    }
  } catch (cause) {
    const r = page[i]!
    return Result.fail(failure(projection, event ?? { _tag: r.type }, metaOf(r), cause))
  }
  return Result.succeed(undefined)
}

// A page's fold as telemetry sees it, when it is on (read once, when the runner is made): a
// `thidua.projection.batch` span, then the lag gauges from the store's probe. The probe runs after
// a short page (the runner is at the head, or nearly) and otherwise at most once a second, so a
// runner far behind does not count what is left at every page.
type Batch = <E>(
  after: Position.Position,
  page: ReadonlyArray<Recorded.RecordedEvent>,
  fold: Effect.Effect<void, E>
) => Effect.Effect<void, E>
const plainBatch: Batch = (_after, _page, fold) => fold
const batchOf = (
  projection: { readonly name: string },
  options: Options,
  store: EventStore.Shape,
  telemetry: boolean
): Batch => {
  if (!telemetry) return plainBatch
  const probe = Telemetry.lagProbeOf(store)
  const size = options.batchSize ?? 1000
  const series: Record<string, string> = { [Telemetry.attributes.projection]: projection.name }
  if (options.tenantId !== undefined) series[Telemetry.attributes.tenant] = options.tenantId
  const lagEvents = Metric.withAttributes(Telemetry.metrics.projectionLagEvents, series)
  const lagSeconds = Metric.withAttributes(Telemetry.metrics.projectionLagSeconds, series)
  let probed = 0
  const lag = (at: Position.Position, short: boolean) =>
    Effect.suspend(() => {
      const now = Date.now()
      if (probe === undefined || (!short && now - probed < 1000)) return Effect.void
      probed = now
      return probe(at, options.tenantId).pipe(
        Effect.flatMap((l) => Effect.andThen(Metric.update(lagEvents, l.events), Metric.update(lagSeconds, l.seconds))),
        // A probe that cannot read leaves the gauges as they were: the runner's own reads say why.
        Effect.catch(() => Effect.void)
      )
    })
  return (after, page, fold) =>
    Effect.andThen(
      Effect.withSpan(fold, Telemetry.spans.projectionBatch, {
        attributes: {
          ...series,
          [Telemetry.attributes.eventCount]: page.length,
          [Telemetry.attributes.fromPosition]: after,
          [Telemetry.attributes.toPosition]: page.length === 0 ? after : page[page.length - 1]!.position
        }
      }),
      lag(page.length === 0 ? after : page[page.length - 1]!.position, page.length < size)
    )
}

/**
 * Folds the whole log into fresh states, page by page (memory holds the read model, never the log).
 *
 * @example
 * ```ts
 * import { Projection, Runner } from "@thidua/projections"
 * import { EventStore, InMemoryStore } from "@thidua/store"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * const count = Projection.make({ name: "count", version: 1, init: () => ({ n: 0 }), handlers: { PhaseOpened: (s) => { s.n++; return s } } })
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   yield* store.append("hanoi", "campaign:c", "no-stream", [{ eventId: "e-1", type: "PhaseOpened", data: { phaseId: "dot-1", at: "2020-01-02" }, schemaVersion: 1 }])
 *   const { states } = yield* Runner.rebuild(count)
 *   return states.get("all")?.n
 * })
 * assert.equal(await Effect.runPromise(program.pipe(Effect.provide(InMemoryStore.layer))), 1)
 * ```
 *
 * @since 0.1.0
 */
export const rebuild = <S>(
  projection: Projection<S>,
  options: Options = {}
): Effect.Effect<
  Saved<S> & { readonly states: Map<string, S> },
  StoreError.CorruptEvent | ProjectionFailed | StoreError.StoreUnavailable,
  EventStore.EventStore
> =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const states = new Map<string, S>()
    let position = Position.start
    yield* Stream.runForEachArray(store.readAll(Position.start, options), (page) =>
      Effect.suspend(() => {
        const r = applyPage(projection, states, page)
        if (Result.isFailure(r)) return Effect.fail(r.failure)
        position = page[page.length - 1]!.position
        return Effect.void
      })
    )
    return { states, position }
  })

/**
 * What a runner that saves its read model stops with: an event that does not read, a projection
 * that throws, a state the read model store cannot keep or a stored one that does not read, a
 * store that is down.
 *
 * @since 0.2.0
 */
export type Errors =
  | StoreError.CorruptEvent
  | ProjectionFailed
  | UnstorableState
  | CorruptState
  | StoreError.StoreUnavailable

const follow = <S>(projection: Projection<S>, options: Options, live: boolean) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const models = yield* ReadModelStore
    const batch = batchOf(projection, options, store, yield* Telemetry.Enabled)
    const saved = yield* models.load<S>(projection.name, projection.version)
    // The working copy: a page is folded into it, then saved with its last position. A runner
    // stopped mid-page leaves the saved copy as it was, and the page is folded again on restart.
    const states = new Map(saved?.states ?? [])
    let position = saved?.position ?? Position.start
    const pages = (live ? store.subscribe : store.readAll)(position, options)
    yield* Stream.runForEachArray(pages, (page) =>
      batch(
        position,
        page,
        Effect.suspend((): Effect.Effect<void, Errors> => {
          const changed = new Set<string>()
          const r = applyPage(projection, states, page, changed)
          if (Result.isFailure(r)) return Effect.fail(r.failure)
          position = page[page.length - 1]!.position
          return models.save(projection.name, projection.version, { states, position }, changed)
        })
      )
    )
    return { states, position } as Saved<S>
  })

/**
 * Brings a projection's saved read model up to the log's current end, and stops.
 *
 * @since 0.1.0
 */
export const catchUp = <S>(
  projection: Projection<S>,
  options: Options = {}
): Effect.Effect<Saved<S>, Errors, EventStore.EventStore | ReadModelStore> => follow(projection, options, false)

/**
 * Follows the log from the saved checkpoint for ever (fork it), saving after each batch.
 *
 * @since 0.1.0
 */
export const run = <S>(
  projection: Projection<S>,
  options: Options = {}
): Effect.Effect<never, Errors, EventStore.EventStore | ReadModelStore> =>
  Effect.andThen(follow(projection, options, true), Effect.never)

/**
 * A read model kept in memory and brought up to date on demand: `catchUp` folds what the log
 * gained since the last call (one call at a time; concurrent calls wait for each other), and
 * `states` are the partitions as they stand. Nothing is saved: a follower made again reads the log
 * from the start. Use it where a process reads its own writes (a host engine, a command-line
 * tool); use `run` with a saved read model for one that many processes share.
 *
 * @example
 * ```ts
 * import { Projection, Runner } from "@thidua/projections"
 * import { EventStore, InMemoryStore } from "@thidua/store"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * const count = Projection.make({ name: "count", version: 1, init: () => ({ n: 0 }), handlers: { PhaseOpened: (s) => ({ n: s.n + 1 }) } })
 * const opened = (id: string) => ({ eventId: id, type: "PhaseOpened", data: { phaseId: id, at: "2020-01-02" }, schemaVersion: 1 })
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   const follower = yield* Runner.follower(count, { tenantId: "hanoi" })
 *   yield* store.append("hanoi", "campaign:c", "no-stream", [opened("dot-1")])
 *   yield* follower.catchUp
 *   const first = follower.states.get("all")?.n
 *   yield* store.append("hanoi", "campaign:c", 1, [opened("dot-2")])
 *   yield* store.append("hcm", "campaign:c", "no-stream", [opened("dot-1")])
 *   yield* follower.catchUp
 *   return [first, follower.states.get("all")?.n]
 * })
 * assert.deepEqual(await Effect.runPromise(program.pipe(Effect.provide(InMemoryStore.layer))), [1, 2])
 * ```
 *
 * @since 0.5.0
 */
export const follower = <S>(
  projection: Projection<S>,
  options: Options = {}
): Effect.Effect<Follower<S>, never, EventStore.EventStore> =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const batch = batchOf(projection, options, store, yield* Telemetry.Enabled)
    const semaphore = yield* Semaphore.make(1)
    const states = new Map<string, S>()
    let position = Position.start
    const pages = Effect.suspend(() =>
      Stream.runForEachArray(store.readAll(position, options), (page) =>
        batch(
          position,
          page,
          Effect.suspend(() => {
            const r = applyPage(projection, states, page)
            if (Result.isFailure(r)) return Effect.fail(r.failure)
            position = page[page.length - 1]!.position
            return Effect.void
          })
        )
      )
    )
    // A page that failed may have left some partitions folded and others not (handlers may change
    // a state in place): the follower starts again from the beginning at the next call.
    const catchUp = Effect.onError(pages, () =>
      Effect.sync(() => {
        states.clear()
        position = Position.start
      })
    )
    return {
      states,
      get position() {
        return position
      },
      catchUp: semaphore.withPermit(catchUp)
    }
  })

/**
 * A read model kept in memory: see {@link follower}.
 *
 * @since 0.5.0
 */
export interface Follower<S> {
  /** The partitions as of `position`. */
  readonly states: ReadonlyMap<string, S>
  /** The last event folded. */
  readonly position: Position.Position
  /** Folds what the log gained since the last call. */
  readonly catchUp: Effect.Effect<void, StoreError.CorruptEvent | ProjectionFailed | StoreError.StoreUnavailable>
}
