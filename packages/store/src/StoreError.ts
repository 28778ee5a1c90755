/**
 * The errors of a store, as tagged classes.
 *
 * @since 0.1.0
 */
import { Data } from "effect"
import type { ExpectedVersion } from "./Recorded.js"

/**
 * The stream was not at the expected version: another writer got there first.
 *
 * @since 0.1.0
 */
export class WrongExpectedVersion extends Data.TaggedError("WrongExpectedVersion")<{
  readonly tenantId: string
  readonly streamId: string
  readonly expected: ExpectedVersion
  readonly actual: number
}> {
  override get message(): string {
    return `Stream ${this.streamId} of ${this.tenantId} is at version ${this.actual}, not ${String(this.expected)}`
  }
}

/**
 * An event id or a command id was appended before with other content: the same key may not mean two
 * different things.
 *
 * @since 0.1.0
 */
export class IdempotencyConflict extends Data.TaggedError("IdempotencyConflict")<{
  readonly tenantId: string
  readonly streamId: string
  readonly key: string
  readonly reason: string
}> {
  override get message(): string {
    return `${this.key} on ${this.streamId}: ${this.reason}`
  }
}

/**
 * A stored event that does not read back: unknown type, missing upcaster, or a payload that fails
 * its schema. Names where it is, so it can be repaired.
 *
 * @since 0.1.0
 */
export class CorruptEvent extends Data.TaggedError("CorruptEvent")<{
  readonly tenantId: string
  readonly streamId: string
  readonly version: number
  readonly position: string
  readonly reason: string
}> {
  override get message(): string {
    return `Event ${this.version} of ${this.streamId} (${this.tenantId}, position ${this.position}) does not read: ${this.reason}`
  }
}

/**
 * The store could not do what was asked: a lost connection, a failed query.
 *
 * @since 0.1.0
 */
export class StoreUnavailable extends Data.TaggedError("StoreUnavailable")<{
  readonly operation: string
  readonly cause: unknown
}> {
  override get message(): string {
    return `The event store failed during ${this.operation}: ${String(this.cause)}`
  }
}
