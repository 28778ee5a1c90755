/**
 * The EventStore port: every store (in memory, PostgreSQL on a server or on PGlite) offers this
 * service and passes the same conformance suite.
 *
 * Streams are keyed by tenant and stream id: no operation reads or writes another tenant's stream.
 * The global log (`readAll`, `subscribe`) spans tenants, in one order that subscribers never skip
 * in; filter by tenant to read one.
 *
 * @since 0.1.0
 */
import { Context, type Effect, type Stream } from "effect"
import type { Position } from "./Position.js"
import type {
  AppendMetadata,
  AppendOptions,
  AppendResult,
  ExpectedVersion,
  NewEvent,
  RecordedEvent
} from "./Recorded.js"
import type {
  AppendAborted,
  IdempotencyConflict,
  InvalidInput,
  LimitExceeded,
  StoreUnavailable,
  WrongExpectedVersion
} from "./StoreError.js"

/**
 * Everything an append can fail with.
 *
 * @since 0.2.0
 */
export type AppendError =
  | WrongExpectedVersion
  | IdempotencyConflict
  | InvalidInput
  | LimitExceeded
  | AppendAborted
  | StoreUnavailable

/**
 * Options of the global log's reads.
 *
 * @since 0.1.0
 */
export interface ReadAllOptions {
  /**
   * Only this tenant's events. Without it the read spans every tenant: an operator's call
   * (projections over all tenants, backups), never one to make on behalf of a tenant's user.
   */
  readonly tenantId?: string
  /** Events per page read from the store. Default 1,000. */
  readonly batchSize?: number
}

/**
 * What a store does.
 *
 * @since 0.1.0
 */
export interface Shape {
  /**
   * Appends events to a stream if it is at the expected version, all or nothing, after checking
   * them (see `Validation` and `Limits`: a refused append writes nothing). Idempotent: an append
   * whose command id the tenant has seen before, or whose event ids the stream holds, writes
   * nothing; with the same content the earlier events come back with `duplicate: true`, with
   * other content (or on another stream, for a command id) it fails with `IdempotencyConflict`.
   */
  readonly append: (
    tenantId: string,
    streamId: string,
    expected: ExpectedVersion,
    events: ReadonlyArray<NewEvent>,
    metadata?: AppendMetadata,
    options?: AppendOptions
  ) => Effect.Effect<AppendResult, AppendError>
  /** A stream's events from a version on (1 by default), in order. */
  readonly readStream: (
    tenantId: string,
    streamId: string,
    fromVersion?: number
  ) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>
  /** A stream's version: 0 when it does not exist. */
  readonly streamVersion: (tenantId: string, streamId: string) => Effect.Effect<number, StoreUnavailable>
  /** The global log after a position, as it stands now; ends at its current end. */
  readonly readAll: (after: Position, options?: ReadAllOptions) => Stream.Stream<RecordedEvent, StoreUnavailable>
  /** The global log after a position: catches up, then follows new appends without end. */
  readonly subscribe: (after: Position, options?: ReadAllOptions) => Stream.Stream<RecordedEvent, StoreUnavailable>
}

/**
 * The EventStore service.
 *
 * @example
 * ```ts
 * import { EventStore, InMemoryStore } from "@thidua/store"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   yield* store.append("hanoi", "campaign:hm-2020", "no-stream", [
 *     { eventId: "e-1", type: "CampaignLaunched", data: { at: "2020-01-02" }, schemaVersion: 1 }
 *   ])
 *   return yield* store.streamVersion("hanoi", "campaign:hm-2020")
 * })
 * assert.equal(await Effect.runPromise(program.pipe(Effect.provide(InMemoryStore.layer))), 1)
 * ```
 *
 * @since 0.1.0
 */
export class EventStore extends Context.Service<EventStore, Shape>()("@thidua/store/EventStore") {}
