/**
 * Between domain events and stored ones: encoding on the way in (an event id, the type, the
 * payload, the schema version), decoding through the upcaster chain on the way out. Decoding is
 * the edge where a bad payload becomes a typed `CorruptEvent` that names its stream, version and
 * position.
 *
 * @since 0.1.0
 */
import { Event, Upcast } from "@thidua/core"
import { Effect, Result } from "effect"
import type { NewEvent, RecordedEvent } from "./Recorded.js"
import { CorruptEvent } from "./StoreError.js"

const uuid = (): string => globalThis.crypto.randomUUID()

/**
 * Domain events as events to append, each with a fresh event id.
 *
 * @example
 * ```ts
 * import { Codec } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const [e] = Codec.encode([{ _tag: "PhaseOpened", phaseId: "dot-1", at: "2020-01-02" } as never])
 * assert.equal(e?.type, "PhaseOpened")
 * assert.deepEqual(e?.data, { phaseId: "dot-1", at: "2020-01-02" })
 * assert.equal(e?.schemaVersion, 1)
 * ```
 *
 * @since 0.1.0
 */
export const encode = (events: ReadonlyArray<Event.DomainEvent>): ReadonlyArray<NewEvent> =>
  events.map((e) => {
    const { _tag, ...data } = e
    return { eventId: uuid(), type: _tag, data, schemaVersion: Event.versions[_tag] }
  })

/**
 * A stored event as the current domain event, or the `CorruptEvent` that says where it is. Every
 * payload is validated, whoever wrote it: a payload the in-memory store holds is the object its
 * writer passed, which the writer could still change.
 *
 * @since 0.1.0
 */
export const decodeResult = (r: RecordedEvent): Result.Result<Event.DomainEvent, CorruptEvent> => {
  // Tested before mapping: a mapping function would be a closure made for every event read.
  const decoded = Upcast.decode(r.type, r.schemaVersion, r.data)
  // A success holds no error: the same value serves as a success of the other error type.
  if (Result.isSuccess(decoded)) return decoded as unknown as Result.Result<Event.DomainEvent, CorruptEvent>
  return Result.fail(
    new CorruptEvent({
      tenantId: r.tenantId,
      streamId: r.streamId,
      version: r.version,
      position: r.position,
      reason: decoded.failure.message
    })
  )
}

/** {@link decodeResult} as an Effect. @since 0.1.0 */
export const decode = (r: RecordedEvent): Effect.Effect<Event.DomainEvent, CorruptEvent> =>
  Effect.fromResult(decodeResult(r))
