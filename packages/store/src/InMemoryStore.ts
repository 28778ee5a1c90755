/**
 * The in-memory store: the default, for tests, demos and embedding. It behaves exactly like the
 * durable stores (the conformance suite says so) and is fast: appends and reads are plain array
 * and map operations, with one Effect per call at the edge.
 *
 * @since 0.1.0
 */
import { Deferred, Effect, Exit, Layer, Option, Stream } from "effect"
import { EventStore, type ReadAllOptions, type Shape } from "./EventStore.js"
import * as Position from "./Position.js"
import type { AppendMetadata, AppendResult, ExpectedVersion, NewEvent, RecordedEvent } from "./Recorded.js"
import { IdempotencyConflict, WrongExpectedVersion } from "./StoreError.js"

interface StreamEntry {
  readonly events: Array<RecordedEvent>
  readonly byEventId: Map<string, RecordedEvent>
  readonly byCommandId: Map<string, ReadonlyArray<RecordedEvent>>
}

// Content of a payload for idempotency comparisons: what was decided, not the ids it got, and not
// the order of its keys (PostgreSQL's jsonb does not keep it either).
const canonical = (u: unknown): string =>
  Array.isArray(u)
    ? `[${u.map(canonical).join(",")}]`
    : typeof u === "object" && u !== null
      ? `{${Object.keys(u)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((u as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : JSON.stringify(u)
const sameContent = (
  a: ReadonlyArray<{ type: string; data: unknown }>,
  b: ReadonlyArray<{ type: string; data: unknown }>
) => a.length === b.length && a.every((e, i) => e.type === b[i]!.type && canonical(e.data) === canonical(b[i]!.data))

/**
 * The synchronous heart of the in-memory store, usable without Effect.
 *
 * @since 0.1.0
 */
export class MemoryLog {
  // Tenant, then stream: no key string to build per call.
  private readonly streams = new Map<string, Map<string, StreamEntry>>()

  private entry(tenantId: string, streamId: string): StreamEntry | undefined {
    return this.streams.get(tenantId)?.get(streamId)
  }
  readonly log: Array<RecordedEvent> = []
  private signal: Deferred.Deferred<void> | undefined = undefined

  constructor(private readonly now: () => number = Date.now) {}

  /** Appends, or says why not. */
  append(
    tenantId: string,
    streamId: string,
    expected: ExpectedVersion,
    events: ReadonlyArray<NewEvent>,
    metadata: AppendMetadata = {}
  ): AppendResult | WrongExpectedVersion | IdempotencyConflict {
    if (events.length > 1 && new Set(events.map((e) => e.eventId)).size !== events.length)
      return new IdempotencyConflict({
        tenantId,
        streamId,
        key: "batch",
        reason: "the same event id twice in one append"
      })
    const entry = this.entry(tenantId, streamId)
    const current = entry === undefined ? 0 : entry.events.length
    if (entry !== undefined) {
      const byCommand = metadata.commandId === undefined ? undefined : entry.byCommandId.get(metadata.commandId)
      if (byCommand !== undefined) {
        return sameContent(byCommand, events)
          ? { events: byCommand, version: current, duplicate: true }
          : new IdempotencyConflict({
              tenantId,
              streamId,
              key: `command ${metadata.commandId}`,
              reason: "appended before with other events"
            })
      }
      let seen = 0
      for (const e of events) if (entry.byEventId.has(e.eventId)) seen++
      if (seen > 0) {
        const earlier = events.map((e) => entry.byEventId.get(e.eventId)!)
        return seen === events.length && sameContent(earlier, events)
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
    const target: StreamEntry = entry ?? { events: [], byEventId: new Map(), byCommandId: new Map() }
    if (entry === undefined) {
      const tenant = this.streams.get(tenantId) ?? new Map<string, StreamEntry>()
      if (tenant.size === 0) this.streams.set(tenantId, tenant)
      tenant.set(streamId, target)
    }
    const recordedAt = this.now()
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
        position: Position.fromCount(this.log.length + 1),
        recordedAt
      }
      if (metadata.commandId !== undefined) r.commandId = metadata.commandId
      if (metadata.actor !== undefined) r.actor = metadata.actor
      recorded[i] = r
      target.events.push(r)
      target.byEventId.set(r.eventId, r)
      this.log.push(r)
    }
    if (metadata.commandId !== undefined) target.byCommandId.set(metadata.commandId, recorded)
    // Wake the subscribers that wait at the end of the log, if any.
    if (this.signal !== undefined) {
      const signal = this.signal
      this.signal = undefined
      Deferred.doneUnsafe(signal, Exit.void)
    }
    return { events: recorded, version: current + events.length, duplicate: false }
  }

  /** A stream's events from a version on. */
  readStream(tenantId: string, streamId: string, fromVersion = 1): ReadonlyArray<RecordedEvent> {
    const entry = this.entry(tenantId, streamId)
    return entry === undefined ? [] : entry.events.slice(Math.max(0, fromVersion - 1))
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

  /** Resolves at the next append. */
  get nextAppend(): Deferred.Deferred<void> {
    if (this.signal === undefined) this.signal = Deferred.makeUnsafe<void>()
    return this.signal
  }
}

const indexOf = (p: Position.Position): number => (p === Position.start ? 0 : Number(p))

/**
 * A store over a log (a fresh one by default).
 *
 * @since 0.1.0
 */
export const make = (log: MemoryLog = new MemoryLog()): Shape => {
  const pages = (after: Position.Position, options: ReadAllOptions, follow: boolean) =>
    Stream.paginate(indexOf(after), (index: number) =>
      Effect.suspend(() => {
        const [page, next] = log.page(index, options.batchSize ?? 1000, options.tenantId)
        if (page.length > 0 || next > index) return Effect.succeed([page, Option.some(next)] as const)
        if (!follow) return Effect.succeed([page, Option.none<number>()] as const)
        return Effect.as(Deferred.await(log.nextAppend), [page, Option.some(next)] as const)
      })
    )
  return {
    append: (tenantId, streamId, expected, events, metadata) =>
      Effect.suspend(() => {
        const r = log.append(tenantId, streamId, expected, events, metadata)
        return "_tag" in r ? Effect.fail(r) : Effect.succeed(r)
      }),
    readStream: (tenantId, streamId, fromVersion) => Effect.sync(() => log.readStream(tenantId, streamId, fromVersion)),
    streamVersion: (tenantId, streamId) => Effect.sync(() => log.streamVersion(tenantId, streamId)),
    readAll: (after, options = {}) => pages(after, options, false),
    subscribe: (after, options = {}) => pages(after, options, true)
  }
}

/**
 * A fresh in-memory store as a layer.
 *
 * @since 0.1.0
 */
export const layer: Layer.Layer<EventStore> = Layer.sync(EventStore, () => make())
