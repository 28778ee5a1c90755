/**
 * Reading stored events of any schema version. Each event type has a current version
 * (`Event.versions`); an upcaster lifts a payload from one version to the next, and {@link decode}
 * runs the chain before decoding with the current schema. Stores call it at the edge, once per
 * event read; inside, the deciders and projections see only current events.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import * as Event from "./Event.js"
import { compile } from "./internal/validator.js"

type Payload = Readonly<Record<string, unknown>>

/**
 * Upcasters by event type and the version they lift from.
 *
 * @since 0.1.0
 */
export const upcasters: {
  readonly [T in Event.EventType]?: Readonly<Record<number, (payload: Payload) => Payload>>
} = {
  // v0 InitiativeRecorded had no benefit: such initiatives were recorded without one.
  InitiativeRecorded: { 0: (p) => ({ ...p, benefitVnd: p.benefitVnd ?? 0 }) }
}

/**
 * A stored event that could not be read: an unknown type, a version from the future or missing
 * an upcaster, or a payload that does not decode.
 *
 * @since 0.1.0
 */
export class EventDecodeError extends Data.TaggedClass("EventDecodeError")<{
  readonly type: string
  readonly version: number
  readonly message: string
}> {}

// What decoding needs of each type, found with one lookup: a rebuild decodes every stored event.
// Compiled validators first: a stored event that validates is already its own decoded value (the
// events have no transformations); the full decoder runs only to explain a failure.
interface Kind {
  readonly current: number
  readonly chain: Readonly<Record<number, (payload: Payload) => Payload>> | undefined
  readonly validate: ((u: unknown) => boolean) | undefined
  readonly decode: (u: unknown) => Result.Result<Event.DomainEvent, Schema.SchemaError>
}

const kinds: ReadonlyMap<string, Kind> = new Map(
  Object.entries(Event.schemas).map(([type, schema]): [string, Kind] => [
    type,
    {
      current: Event.versions[type as Event.EventType],
      chain: upcasters[type as Event.EventType],
      validate: compile((schema as Schema.Top).ast),
      decode: Schema.decodeUnknownResult(schema as Schema.Decoder<Event.DomainEvent>)
    }
  ])
)

/**
 * Decodes a stored payload of a given type and schema version to the current event.
 *
 * @example
 * ```ts
 * import { Upcast } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * // An initiative stored before benefits were recorded (schema version 0):
 * const old = { initiativeId: "sk-1", unitId: "cdcs-trung-thanh", kind: "initiative", title: "Cải tiến khuôn", at: "2020-03-02" }
 * const event = Result.getOrThrow(Upcast.decode("InitiativeRecorded", 0, old))
 * assert.equal(event._tag === "InitiativeRecorded" && event.benefitVnd, 0)
 * ```
 *
 * @since 0.1.0
 */
export const decode = (
  type: string,
  version: number,
  payload: unknown
): Result.Result<Event.DomainEvent, EventDecodeError> => {
  const kind = kinds.get(type)
  if (kind === undefined)
    return Result.fail(new EventDecodeError({ type, version, message: `unknown event type ${type}` }))
  const current = kind.current
  if (!Number.isInteger(version) || version < 0 || version > current)
    return Result.fail(
      new EventDecodeError({ type, version, message: `no schema version ${version} of ${type}; current is ${current}` })
    )
  if (typeof payload !== "object" || payload === null)
    return Result.fail(new EventDecodeError({ type, version, message: "the payload is not an object" }))
  let p = payload as Payload
  for (let v = version; v < current; v++) {
    const up = kind.chain?.[v]
    if (up === undefined)
      return Result.fail(new EventDecodeError({ type, version, message: `no upcaster from version ${v} of ${type}` }))
    p = up(p)
  }
  const candidate = { ...p, _tag: type }
  if (kind.validate?.(candidate) === true) return Result.succeed(candidate as Event.DomainEvent)
  return Result.mapError(kind.decode(candidate), (e) => new EventDecodeError({ type, version, message: String(e) }))
}
