/**
 * The in-memory store: the default, for tests, demos and embedding. It behaves exactly like the
 * durable stores (the conformance suite says so) and is fast: appends and reads are plain array
 * and map operations, with one Effect per call at the edge.
 *
 * It keeps the payload objects it is given, and hands the same objects to every reader, without
 * copying them (a copy per event would cost more than the append): change neither a payload after
 * appending it nor an event read back.
 *
 * @since 0.1.0
 */
import { Deferred, Effect, Exit, Layer, Option, Stream } from "effect"
import type { AppendError } from "./EventStore.js"
import { EventStore, type ReadAllOptions, type Shape } from "./EventStore.js"
import * as Position from "./Position.js"
import type {
  AppendMetadata,
  AppendOptions,
  AppendResult,
  ExpectedVersion,
  NewEvent,
  RecordedEvent
} from "./Recorded.js"
import {
  AppendAborted,
  describeContent,
  IdempotencyConflict,
  InvalidInput,
  WrongExpectedVersion
} from "./StoreError.js"
import * as Telemetry from "./Telemetry.js"
import * as Validation from "./Validation.js"

interface StreamEntry {
  readonly events: Array<RecordedEvent>
  readonly byEventId: Map<string, RecordedEvent>
}

// A command id's first use in a tenant: where it wrote, what it wrote, and the command's
// fingerprint when the writer sent one.
interface CommandEntry {
  readonly streamId: string
  readonly events: ReadonlyArray<RecordedEvent>
  readonly digest: string | undefined
}

interface Tenant {
  readonly streams: Map<string, StreamEntry>
  readonly commands: Map<string, CommandEntry>
}

/**
 * Options of the in-memory store.
 *
 * @since 0.2.0
 */
export interface Options extends Validation.Options {
  /** The clock of `recordedAt`. Default `Date.now`. */
  readonly now?: () => number
}

/**
 * The synchronous heart of the in-memory store, usable without Effect.
 *
 * @since 0.1.0
 */
export class MemoryLog {
  // Tenant, then stream: no key string to build per call.
  private readonly tenants = new Map<string, Tenant>()
  private readonly now: () => number
  private readonly validator: Validation.Validator

  private entry(tenantId: string, streamId: string): StreamEntry | undefined {
    return this.tenants.get(tenantId)?.streams.get(streamId)
  }
  readonly log: Array<RecordedEvent> = []
  private signal: Deferred.Deferred<void> | undefined = undefined
  // True while an append's `beforeCommit` runs: an append it makes would get the same positions.
  private committing = false

  constructor(options: Options | (() => number) = {}) {
    const o = typeof options === "function" ? { now: options } : options
    this.now = o.now ?? Date.now
    this.validator = Validation.make(o)
  }

  /** Appends, or says why not. Nothing changes unless it returns an `AppendResult`. */
  append(
    tenantId: string,
    streamId: string,
    expected: ExpectedVersion,
    events: ReadonlyArray<NewEvent>,
    metadata: AppendMetadata = {},
    options: AppendOptions = {}
  ): AppendResult | AppendError {
    if (this.committing)
      return new InvalidInput({
        field: "beforeCommit",
        reason: "appends to the store while the append that called it has not committed"
      })
    const refused = Validation.checkExpected(expected) ?? this.validator.append(tenantId, streamId, events, metadata)
    if (refused !== undefined) return refused
    if (events.length > 1 && new Set(events.map((e) => e.eventId)).size !== events.length)
      return new IdempotencyConflict({
        tenantId,
        streamId,
        key: `event ${events.find((e, i) => events.findIndex((f) => f.eventId === e.eventId) !== i)!.eventId}`,
        reason: "the batch holds the same event id twice"
      })
    const tenant = this.tenants.get(tenantId)
    const entry = tenant?.streams.get(streamId)
    const current = entry === undefined ? 0 : entry.events.length
    const commandId = metadata.commandId
    const command = commandId === undefined ? undefined : tenant?.commands.get(commandId)
    if (command !== undefined) {
      const same =
        command.streamId === streamId &&
        (command.digest !== undefined && metadata.commandDigest !== undefined
          ? command.digest === metadata.commandDigest
          : // A probe (no events) cannot be compared by content: it asks what the id did.
            events.length === 0 || Validation.sameContent(command.events, events))
      return same
        ? command.digest === undefined
          ? { events: command.events, version: current, duplicate: true }
          : { events: command.events, version: current, duplicate: true, commandDigest: command.digest }
        : new IdempotencyConflict({
            tenantId,
            streamId,
            key: `command ${commandId}`,
            reason: command.streamId === streamId ? "used before with other content" : "used before on another stream",
            first: { streamId: command.streamId, content: describeContent(command.digest, command.events) },
            attempted: describeContent(metadata.commandDigest, events)
          })
    }
    if (entry !== undefined) {
      let seen = 0
      for (const e of events) if (entry.byEventId.has(e.eventId)) seen++
      if (seen > 0) {
        const earlier = events.map((e) => entry.byEventId.get(e.eventId)!)
        return seen === events.length && Validation.sameContent(earlier, events)
          ? { events: earlier, version: current, duplicate: true }
          : new IdempotencyConflict({
              tenantId,
              streamId,
              key: `event ${events.find((e) => entry.byEventId.has(e.eventId))!.eventId}`,
              reason:
                seen === events.length
                  ? "appended before with other content"
                  : "some events of the batch were appended before, others not"
            })
      }
    }
    if (
      (typeof expected === "number" && expected !== current) ||
      (expected === "no-stream" && current !== 0) ||
      (expected === "stream-exists" && current === 0)
    )
      return new WrongExpectedVersion({ tenantId, streamId, expected, actual: current })
    // Appending nothing writes nothing, not even the version.
    if (events.length === 0) return { events: [], version: current, duplicate: false }
    const recorded = this.record(tenantId, streamId, current, this.log.length, this.now(), events, metadata)
    // Nothing is visible yet: a hook that throws leaves the log as it was.
    if (options.beforeCommit !== undefined) {
      this.committing = true
      try {
        options.beforeCommit(recorded)
      } catch (cause) {
        return new AppendAborted({ tenantId, streamId, cause })
      } finally {
        this.committing = false
      }
    }
    this.commit(tenantId, streamId, recorded, metadata)
    this.wake()
    return { events: recorded, version: current + events.length, duplicate: false }
  }

  /**
   * Appends the events of several commands to one stream at once, each command's events with its
   * own metadata, as if each were appended after the one before: all or nothing. Returns what each
   * append did, a `WrongExpectedVersion`, or `undefined` when the batch cannot be written as one
   * (a command id used before or twice, an event id the stream holds, a command without an id, an
   * append the store refuses): nothing is written then, and the caller appends them one by one,
   * where each gets its own answer.
   */
  appendCommands(
    tenantId: string,
    streamId: string,
    expected: number,
    commands: ReadonlyArray<{ readonly events: ReadonlyArray<NewEvent>; readonly metadata: AppendMetadata }>
  ): ReadonlyArray<AppendResult> | WrongExpectedVersion | undefined {
    if (this.committing || Validation.checkExpected(expected) !== undefined) return undefined
    const tenant = this.tenants.get(tenantId)
    const entry = tenant?.streams.get(streamId)
    const current = entry === undefined ? 0 : entry.events.length
    const ids = new Set<string>()
    const eventIds = new Set<string>()
    for (const c of commands) {
      const commandId = c.metadata.commandId
      if (commandId === undefined || ids.has(commandId) || tenant?.commands.has(commandId) === true) return undefined
      ids.add(commandId)
      if (this.validator.append(tenantId, streamId, c.events, c.metadata) !== undefined) return undefined
      for (const e of c.events) {
        if (eventIds.has(e.eventId) || entry?.byEventId.has(e.eventId) === true) return undefined
        eventIds.add(e.eventId)
      }
    }
    if (expected !== current) return new WrongExpectedVersion({ tenantId, streamId, expected, actual: current })
    const recordedAt = this.now()
    const results: Array<AppendResult> = new Array(commands.length)
    let version = current
    for (let i = 0; i < commands.length; i++) {
      const { events, metadata } = commands[i]!
      const recorded = this.record(tenantId, streamId, version, this.log.length, recordedAt, events, metadata)
      if (recorded.length > 0) this.commit(tenantId, streamId, recorded, metadata)
      version += events.length
      results[i] = { events: recorded, version, duplicate: false }
    }
    this.wake()
    return results
  }

  private record(
    tenantId: string,
    streamId: string,
    current: number,
    base: number,
    recordedAt: number,
    events: ReadonlyArray<NewEvent>,
    metadata: AppendMetadata
  ): Array<RecordedEvent> {
    const commandId = metadata.commandId
    const recorded: Array<RecordedEvent> = new Array(events.length)
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!
      const r: { -readonly [K in keyof RecordedEvent]: RecordedEvent[K] } = {
        eventId: e.eventId,
        type: e.type,
        data: e.data,
        schemaVersion: e.schemaVersion,
        tenantId,
        streamId,
        version: current + i + 1,
        position: Position.fromCount(base + i + 1),
        recordedAt
      }
      if (commandId !== undefined) r.commandId = commandId
      if (metadata.actor !== undefined) r.actor = metadata.actor
      recorded[i] = r
    }
    return recorded
  }

  private commit(tenantId: string, streamId: string, recorded: ReadonlyArray<RecordedEvent>, metadata: AppendMetadata) {
    let t = this.tenants.get(tenantId)
    if (t === undefined) {
      t = { streams: new Map(), commands: new Map() }
      this.tenants.set(tenantId, t)
    }
    let target = t.streams.get(streamId)
    if (target === undefined) {
      target = { events: [], byEventId: new Map() }
      t.streams.set(streamId, target)
    }
    for (const r of recorded) {
      target.events.push(r)
      target.byEventId.set(r.eventId, r)
      this.log.push(r)
    }
    if (metadata.commandId !== undefined)
      t.commands.set(metadata.commandId, { streamId, events: recorded, digest: metadata.commandDigest })
  }

  // Wakes the subscribers that wait at the end of the log, if any.
  private wake() {
    if (this.signal !== undefined) {
      const signal = this.signal
      this.signal = undefined
      Deferred.doneUnsafe(signal, Exit.void)
    }
  }

  /** A stream's events from a version on. */
  readStream(tenantId: string, streamId: string, fromVersion = 1): ReadonlyArray<RecordedEvent> {
    const entry = this.entry(tenantId, streamId)
    return entry === undefined ? [] : entry.events.slice(Validation.firstVersion(fromVersion) - 1)
  }

  /** A stream's version. */
  streamVersion(tenantId: string, streamId: string): number {
    return this.entry(tenantId, streamId)?.events.length ?? 0
  }

  /** A page of the global log after an index, and the index to go on from. */
  page(after: number, size: number, tenantId?: string): readonly [ReadonlyArray<RecordedEvent>, number] {
    if (tenantId === undefined) {
      const page = this.log.slice(after, after + size)
      return [page, after + page.length]
    }
    const page: Array<RecordedEvent> = []
    let i = after
    for (; i < this.log.length && page.length < size; i++)
      if (this.log[i]!.tenantId === tenantId) page.push(this.log[i]!)
    return [page, i]
  }

  /**
   * How far a reader after an index of the log is behind its end, for one tenant or all: events
   * (counted up to `max`) and the age of the first of them, in seconds.
   */
  lag(after: number, tenantId: string | undefined, max: number): { readonly events: number; readonly seconds: number } {
    let events = 0
    let first: RecordedEvent | undefined
    for (let i = after; i < this.log.length && events < max; i++) {
      const r = this.log[i]!
      if (tenantId !== undefined && r.tenantId !== tenantId) continue
      first ??= r
      events++
    }
    return { events, seconds: first === undefined ? 0 : Math.max(0, (this.now() - first.recordedAt) / 1000) }
  }
  /** Resolves at the next append. */
  get nextAppend(): Deferred.Deferred<void> {
    if (this.signal === undefined) this.signal = Deferred.makeUnsafe<void>()
    return this.signal
  }
}

const indexOf = (p: Position.Position): number => (p === Position.start ? 0 : Number(p))

// The log behind each store this module made, found by the store's own `append` function: a
// wrapper that replaces `append` (inline projections fold in it) is not found, so nothing that
// finds a log can write around a wrapper.
const logs = new WeakMap<Shape["append"], MemoryLog>()

/**
 * The synchronous log behind a store made by this module, or `undefined` for any other store (or
 * a wrapper around one that replaces its `append`). The command handler decides and appends on it
 * without an Effect per command.
 *
 * @example
 * ```ts
 * import { InMemoryStore } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const store = InMemoryStore.make()
 * assert.ok(InMemoryStore.logOf(store) instanceof InMemoryStore.MemoryLog)
 * assert.equal(InMemoryStore.logOf({ ...store, append: () => store.append("t", "s", "any", []) }), undefined)
 * ```
 *
 * @since 0.7.0
 */
export const logOf = (store: Shape): MemoryLog | undefined => logs.get(store.append)

/**
 * A store over a log (a fresh one by default).
 *
 * @since 0.1.0
 */
export const make = (log: MemoryLog | Options = new MemoryLog()): Shape => {
  if (!(log instanceof MemoryLog)) return make(new MemoryLog(log))
  const pages = (after: Position.Position, options: ReadAllOptions, follow: boolean) =>
    Stream.paginate(indexOf(after), (index: number) =>
      Effect.suspend(() => {
        const [page, next] = log.page(index, options.batchSize ?? 1000, options.tenantId)
        if (page.length > 0 || next > index) return Effect.succeed([page, Option.some(next)] as const)
        if (!follow) return Effect.succeed([page, Option.none<number>()] as const)
        return Effect.as(Deferred.await(log.nextAppend), [page, Option.some(next)] as const)
      })
    )
  const append: Shape["append"] = (tenantId, streamId, expected, events, metadata, appendOptions) =>
    Effect.suspend(() => {
      const r = log.append(tenantId, streamId, expected, events, metadata, appendOptions)
      return "_tag" in r ? Effect.fail(r) : Effect.succeed(r)
    })
  logs.set(append, log)
  const store: Shape = {
    append,
    readStream: (tenantId, streamId, fromVersion) => Effect.sync(() => log.readStream(tenantId, streamId, fromVersion)),
    streamVersion: (tenantId, streamId) => Effect.sync(() => log.streamVersion(tenantId, streamId)),
    readAll: (after, options = {}) => pages(after, options, false),
    subscribe: (after, options = {}) => pages(after, options, true)
  }
  Telemetry.registerLagProbe(store, (after, tenantId) =>
    Effect.sync(() => log.lag(indexOf(after), tenantId, Telemetry.maxLagCount))
  )
  return store
}

// With telemetry on, appends through the Effect face get their span and are timed; the log stays
// reachable through the traced `append`, which only observes, so the command handler still
// decides and appends on it in one step.
const made = (log: MemoryLog): Effect.Effect<Shape> =>
  Effect.map(Effect.service(Telemetry.Enabled), (on) => {
    const store = make(log)
    if (!on) return store
    const traced = Telemetry.traceAppends(store, "memory")
    logs.set(traced.append, log)
    return traced
  })

/**
 * A fresh in-memory store as a layer.
 *
 * @since 0.1.0
 */
export const layer: Layer.Layer<EventStore> = Layer.effect(
  EventStore,
  Effect.suspend(() => made(new MemoryLog()))
)

/**
 * A fresh in-memory store with options, as a layer: a clock, or `foreignTypes` (event types outside
 * the domain catalogue that it accepts; see `Validation`).
 *
 * @example
 * ```ts
 * import { EventStore, InMemoryStore } from "@thidua/store"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   yield* store.append("hanoi", "crm:visits", "any", [{ eventId: "v-1", type: "VisitLogged", data: { by: "an" }, schemaVersion: 1 }])
 *   return yield* store.streamVersion("hanoi", "crm:visits")
 * })
 * const layer = InMemoryStore.layerWith({ foreignTypes: ["VisitLogged"] })
 * assert.equal(await Effect.runPromise(program.pipe(Effect.provide(layer))), 1)
 * ```
 *
 * @since 0.2.0
 */
export const layerWith = (options: Options): Layer.Layer<EventStore> =>
  Layer.effect(
    EventStore,
    Effect.suspend(() => made(new MemoryLog(options)))
  )
