/**
 * Reading stored events of any schema version. Each event type has a current version
 * (`Event.versions`); an upcaster lifts a payload from one version to the next, and {@link decode}
 * runs the chain before decoding with the current schema. Stores call it at the edge, once per
 * event read; inside, the deciders and projections see only current events.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import * as Event from "./Event.js"
import { generateReader } from "./internal/generate.js"
import { compileGuard } from "./internal/guard.js"
import { type Problem, problem, problems } from "./internal/issues.js"
import { compile, interpret } from "./internal/validator.js"
import * as ThiDuaError from "./ThiDuaError.js"

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
 * an upcaster, or a payload that does not decode. `path` names the first failing field of the
 * payload (`sectors[0].contents[1].title`; empty for the payload as a whole), and `issues` lists
 * the problems found, each in English and Vietnamese.
 *
 * @example
 * ```ts
 * import { Upcast } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const result = Upcast.decode("PhaseScheduled", 1, {
 *   phaseId: "dot-1", name: "Đợt 1\u0000", kind: "regular", start: "2020-01-01", end: "2020-06-30"
 * })
 * assert.ok(Result.isFailure(result))
 * const error = result.failure
 * assert.ok(error instanceof Error)
 * assert.equal(error.code, "EventDecodeError")
 * assert.equal(error.path, "name")
 * assert.match(error.message, /^name: .*NUL/)
 * assert.match(error.messages.vi, /trường name chứa ký tự NUL/)
 * ```
 *
 * @since 0.1.0
 */
export class EventDecodeError extends ThiDuaError.Tagged("EventDecodeError")<{
  readonly type: string
  readonly version: number
  readonly path: string
  readonly issues: ReadonlyArray<Problem>
}> {
  readonly code = "EventDecodeError"
  get messages(): ThiDuaError.Messages {
    const first = this.issues[0] ?? problem("", "invalid event", "sự kiện không hợp lệ")
    return {
      en: first.path === "" ? first.message : `${first.path}: ${first.message}`,
      vi: `Không đọc được sự kiện ${this.type} (phiên bản ${this.version}): ${first.path === "" ? "" : `trường ${first.path} `}${first.messages.vi}`
    }
  }
}

const failure = (type: string, version: number, issues: ReadonlyArray<Problem>) =>
  Result.fail(new EventDecodeError({ type, version, path: issues[0]?.path ?? "", issues }))

// What decoding needs of each type, found with one lookup: a rebuild decodes every stored event.
// A reader generated for the type first: it validates the payload and builds the event from its
// fields in one pass (no copy of the payload to put the tag on). Then the compiled validator on
// that copy: a stored event that validates is already its own decoded value (the events have no
// transformations); the full decoder runs only to explain a failure.
interface Kind {
  readonly current: number
  readonly chain: Readonly<Record<number, (payload: Payload) => Payload>> | undefined
  readonly read: ((payload: unknown) => object | undefined) | undefined
  readonly validate: ((u: unknown) => boolean) | undefined
  readonly guard: ReturnType<typeof compileGuard>
  readonly decode: (u: unknown) => Result.Result<Event.DomainEvent, Schema.SchemaError>
}

const kinds: ReadonlyMap<string, Kind> = new Map(
  Object.entries(Event.schemas).map(([type, schema]): [string, Kind] => [
    type,
    {
      current: Event.versions[type as Event.EventType],
      chain: upcasters[type as Event.EventType],
      read: generateReader((schema as Schema.Top).ast, type, interpret),
      validate: compile((schema as Schema.Top).ast),
      guard: compileGuard((schema as Schema.Top).ast),
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
    return failure(type, version, [
      problem("", `unknown event type ${type}`, `không có loại sự kiện ${type} trong danh mục`)
    ])
  const current = kind.current
  if (!Number.isInteger(version) || version < 0 || version > current)
    return failure(type, version, [
      problem(
        "",
        `no schema version ${version} of ${type}; current is ${current}`,
        `không có phiên bản ${version} của ${type}; phiên bản hiện tại là ${current}`
      )
    ])
  if (typeof payload !== "object" || payload === null)
    return failure(type, version, [
      problem("", "the payload is not an object", "dữ liệu của sự kiện không phải là một đối tượng JSON")
    ])
  try {
    let p = payload as Payload
    for (let v = version; v < current; v++) {
      const up = kind.chain?.[v]
      if (up === undefined)
        return failure(type, version, [
          problem("", `no upcaster from version ${v} of ${type}`, `thiếu bộ chuyển đổi từ phiên bản ${v} của ${type}`)
        ])
      p = up(p)
    }
    const event = kind.read?.(p)
    if (event !== undefined) return Result.succeed(event as Event.DomainEvent)
    const candidate = { ...p, _tag: type }
    if (kind.validate?.(candidate) === true) return Result.succeed(candidate as Event.DomainEvent)
    const over = kind.guard?.(candidate, [])
    if (over !== undefined) return failure(type, version, [over])
    const decoded = kind.decode(candidate)
    // A success holds no error: the same value serves as a success of the other error type.
    if (Result.isSuccess(decoded)) return decoded as unknown as Result.Result<Event.DomainEvent, EventDecodeError>
    return failure(type, version, problems(decoded.failure.issue))
  } catch (e) {
    // A getter or a proxy that throws, or an upcaster that cannot read the payload.
    const reason = e instanceof Error ? e.message : String(e)
    return failure(type, version, [
      problem("", `the payload could not be read: ${reason}`, `không đọc được dữ liệu của sự kiện: ${reason}`)
    ])
  }
}
