/**
 * What goes into a store and what comes out: events as type, JSON data and schema version, with
 * the metadata every event carries (event id, stream version, global position, recorded time,
 * command id, actor, tenant).
 *
 * @since 0.1.0
 */
import type { Organization } from "@thidua/core"
import type { Position } from "./Position.js"

/**
 * An event to append. `eventId` makes the append idempotent: appending the same id to the same
 * stream again appends nothing.
 *
 * @since 0.1.0
 */
export interface NewEvent {
  readonly eventId: string
  readonly type: string
  /** The payload: a JSON object (no `_tag`; the type says what it is). */
  readonly data: Readonly<Record<string, unknown>>
  readonly schemaVersion: number
}

/**
 * Metadata of one append, stored on each of its events.
 *
 * @since 0.1.0
 */
export interface AppendMetadata {
  /**
   * The command that produced the events: unique per tenant, across its streams. An append with a
   * command id seen before appends nothing: it returns the first append's events when it carries
   * the same content, and fails with `IdempotencyConflict` otherwise.
   */
  readonly commandId?: string
  /**
   * What the command said, as a fingerprint (the command handler sends `CommandHandler.digest` of
   * the command). With it, "the same content" means the same fingerprint; without it, the same
   * stream, event types and payloads.
   */
  readonly commandDigest?: string
  readonly actor?: Organization.Actor
}

/**
 * Options of one append.
 *
 * @since 0.2.0
 */
export interface AppendOptions {
  /**
   * Called with the recorded events (versions and positions set) after they are written and
   * before the append commits: in memory before any reader can see them, on PostgreSQL inside the
   * append's transaction. If it throws, nothing is appended and the append fails with
   * `AppendAborted`. It must be synchronous. Not called for a duplicate or an empty append. A store
   * without transactions (JetStream) may call it again for the same append when another writer
   * got there first: the earlier call's events did not commit, and only a success that is not a
   * duplicate commits the last call's events.
   */
  readonly beforeCommit?: (events: ReadonlyArray<RecordedEvent>) => void
}

/**
 * An event as stored.
 *
 * @since 0.1.0
 */
export interface RecordedEvent extends NewEvent {
  readonly tenantId: string
  readonly streamId: string
  /** 1 for the first event of a stream. */
  readonly version: number
  /** Where the event stands in the global log. */
  readonly position: Position
  /** Milliseconds since the epoch, from the store's clock. */
  readonly recordedAt: number
  readonly commandId?: string
  readonly actor?: Organization.Actor
}

/**
 * What an append did. `duplicate` is true when every event (or the command) had been appended
 * before: nothing new was written and `events` are the ones stored then.
 *
 * @since 0.1.0
 */
export interface AppendResult {
  readonly events: ReadonlyArray<RecordedEvent>
  /** The stream's version after the append (for a duplicate, the stream's version now). */
  readonly version: number
  readonly duplicate: boolean
  /**
   * For a duplicate found by its command id: the fingerprint stored with the command's first use,
   * absent when that use carried none. An append with no events and a command id asks what the id
   * did: it is answered as a duplicate whenever the id was used on the stream, and only when both
   * fingerprints are present has the store compared them (other fingerprints are a conflict).
   */
  readonly commandDigest?: string
}

/**
 * The version an append expects the stream to be at: a number (0 for an empty stream),
 * `"no-stream"`, `"stream-exists"` or `"any"`.
 *
 * @since 0.1.0
 */
export type ExpectedVersion = number | "no-stream" | "stream-exists" | "any"
