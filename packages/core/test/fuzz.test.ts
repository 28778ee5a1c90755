import { describe, expect, it } from "@effect/vitest"
import { Arbitraries } from "@thidua/testing"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { runs } from "../../../scripts/properties.js"
import { Command, Event, Upcast } from "../src/index.js"
import { type Path, places, print, setAt } from "./paths.js"

// Every public decoder of core, fed random JSON and near misses of valid values: it never throws,
// it refuses with its typed error and a path that points at what is wrong, and a valid value
// decodes to an equal value.

const decoders = [
  ["Command.decode", Command.decode],
  ["Command.decodeCampaign", Command.decodeCampaign],
  ["Command.decodeDirectory", Command.decodeDirectory]
] as const

const eventTypes = Object.keys(Event.schemas) as Array<Event.EventType>

// Values no field accepts, in the shapes an attacker or a broken client sends.
const deep = (() => {
  let v: unknown = "bottom"
  for (let i = 0; i < 10_000; i++) v = i % 2 === 0 ? { a: v } : [v]
  return v
})()
const hugeString = "đ".repeat(200_000)
const hugeArray = Array.from({ length: 100_000 }, (_, i) => i)
const poison = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "tên\u0000",
    "\ud800",
    "a\udc00b",
    hugeString,
    hugeArray,
    deep,
    null,
    true,
    -1,
    1.5,
    [],
    {},
    { __proto__: null }
  ),
  fc.jsonValue({ maxDepth: 3 })
)
const protoKeys = fc.constantFrom("__proto__", "constructor", "toString", "valueOf", "hasOwnProperty")

/** What was done to a valid value, and where. */
interface Mutation {
  readonly how: "replace" | "add-key"
  readonly path: Path
  readonly value: unknown
}

// One change to a valid value: a place replaced by a poison value, or a prototype key added to
// one of its objects (as JSON.parse would make it: an own key).
const mutation = (valid: object): fc.Arbitrary<Mutation> => {
  const all = places(valid)
  const objects: Array<Path> = [
    [],
    ...all.filter((p) => typeof p.value === "object" && p.value !== null && !Array.isArray(p.value)).map((p) => p.path)
  ]
  return fc.oneof(
    fc
      .tuple(fc.nat(), poison)
      .map(([i, value]): Mutation => ({ how: "replace", path: all[i % all.length]!.path, value })),
    fc
      .tuple(fc.nat(), protoKeys, fc.jsonValue({ maxDepth: 2 }))
      .map(([i, key, value]): Mutation => ({ how: "add-key", path: [...objects[i % objects.length]!, key], value }))
  )
}

const apply = <A extends object>(valid: A, m: Mutation): A => {
  if (m.how === "replace") return setAt(valid, m.path, m.value)
  const copy = structuredClone(valid)
  const parent = m.path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy)
  Object.defineProperty(parent, m.path[m.path.length - 1]!, {
    value: m.value,
    enumerable: true,
    writable: true,
    configurable: true
  })
  return copy
}

// An error points at the change: at its place, inside what was put there, or at a place above it
// (a union that none of its members matched, the tag of a command).
const near = (errorPath: string, changed: string) =>
  errorPath === changed ||
  errorPath.startsWith(`${changed}.`) ||
  errorPath.startsWith(`${changed}[`) ||
  changed.startsWith(`${errorPath}.`) ||
  changed.startsWith(`${errorPath}[`)

const noThrow = <A>(f: () => A): A => {
  try {
    return f()
  } catch (e) {
    throw new Error(`a decoder threw: ${String(e)}`)
  }
}

const objectsOf = (u: unknown, out = new Set<object>()): Set<object> => {
  if (typeof u === "object" && u !== null) {
    out.add(u)
    for (const v of Object.values(u)) objectsOf(v, out)
  }
  return out
}

describe("command decoders", () => {
  it.each(decoders)("%s refuses random JSON with a CommandDecodeError, never an exception", (_, decode) =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          // Objects that name a command type, with random fields: deeper into each schema.
          fc
            .tuple(fc.constantFrom(...Object.keys(Command.schemas)), fc.dictionary(fc.string(), fc.jsonValue()))
            .map(([tag, fields]) => ({ ...fields, _tag: tag }))
        ),
        (json) => {
          const r = noThrow(() => decode(json))
          if (Result.isSuccess(r)) return
          expect(r.failure).toBeInstanceOf(Command.CommandDecodeError)
          expect(typeof r.failure.path).toBe("string")
          expect(r.failure.issues.length).toBeGreaterThan(0)
          expect(r.failure.messages.vi.length).toBeGreaterThan(0)
        }
      ),
      { numRuns: runs(2_000, 5_000) }
    )
  )

  it("near misses of valid commands (a wrong type, NUL, a lone surrogate, huge text, a huge array, 10,000 levels, prototype keys) are refused at the changed field", () =>
    fc.assert(
      fc.property(
        Arbitraries.domainCommand.chain((c) => fc.tuple(fc.constant(c), mutation(c))),
        ([valid, m]) => {
          const input = apply(valid, m)
          const r = noThrow(() => Command.decode(input))
          const full = Schema.decodeUnknownResult(Command.schemas[valid._tag] as Schema.Codec<unknown>, {
            onExcessProperty: "error"
          })(input)
          // A change may leave a valid command (a number put where a number was): then both agree.
          if (Result.isSuccess(full)) {
            expect(Result.isSuccess(r) && r.success).toEqual(full.success)
            return
          }
          expect(Result.isFailure(r)).toBe(true)
          if (Result.isFailure(r)) {
            expect(r.failure).toBeInstanceOf(Command.CommandDecodeError)
            expect(near(r.failure.path, print(m.path)), `${r.failure.path} for a change at ${print(m.path)}`).toBe(true)
          }
        }
      ),
      { numRuns: 3_000 }
    ))

  it.each(decoders)("%s decodes every valid command of its kind to an equal, fresh object", (name, decode) =>
    fc.assert(
      fc.property(
        name === "Command.decodeDirectory"
          ? Arbitraries.directoryCommand
          : name === "Command.decodeCampaign"
            ? Arbitraries.campaignCommand
            : Arbitraries.domainCommand,
        (command) => {
          const decoded = Result.getOrThrow(noThrow(() => decode(command)))
          expect(decoded).toEqual(command)
          const mine = objectsOf(command)
          for (const o of objectsOf(decoded)) expect(mine.has(o)).toBe(false)
        }
      ),
      { numRuns: 1_000 }
    )
  )
})

describe("event decoders", () => {
  it("Upcast.decode refuses random JSON with an EventDecodeError, never an exception", () =>
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...eventTypes), fc.string()),
        fc.oneof(fc.integer({ min: -1, max: 3 }), fc.double()),
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())),
        (type, version, payload) => {
          const r = noThrow(() => Upcast.decode(type, version, payload))
          if (Result.isSuccess(r)) return
          expect(r.failure).toBeInstanceOf(Upcast.EventDecodeError)
          expect(typeof r.failure.path).toBe("string")
          expect(r.failure.messages.vi.length).toBeGreaterThan(0)
        }
      ),
      { numRuns: 5_000 }
    ))

  // The process events whose `data` is a JSON object of any keys.
  const dictionaries: ReadonlySet<string> = new Set(["InputReceived", "ProcessNoted"])

  it("near misses of valid events are refused at the changed field; prototype keys are dropped, never read", () =>
    fc.assert(
      fc.property(
        Arbitraries.domainEvent.chain((e) => {
          const { _tag, ...payload } = e
          return fc.tuple(fc.constant(e), fc.constant(payload), mutation(payload))
        }),
        ([valid, payload, m]) => {
          const input = apply(payload, m)
          const r = noThrow(() => Upcast.decode(valid._tag, Event.versions[valid._tag], input))
          if (m.how === "add-key" && dictionaries.has(valid._tag) && m.path.length === 2 && m.path[0] === "data") {
            // A JSON object of a process event is a dictionary: its keys are data, kept as own
            // properties whatever their names, and never its prototype.
            expect(Result.isSuccess(r)).toBe(true)
            if (Result.isSuccess(r)) {
              const data = (r.success as unknown as { readonly data: object }).data
              expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
              expect(Object.getOwnPropertyDescriptor(data, m.path[1]!)?.value).toEqual(m.value)
            }
            return
          }
          if (m.how === "add-key") {
            // A stored event's extra keys are dropped (fields are added to events over time).
            expect(Result.isSuccess(r) && r.success).toEqual(valid)
            if (Result.isSuccess(r))
              for (const o of objectsOf(r.success)) {
                expect(Object.getPrototypeOf(o)).toBe(Array.isArray(o) ? Array.prototype : Object.prototype)
                expect(Object.hasOwn(o, m.path[m.path.length - 1]!)).toBe(false)
              }
            return
          }
          const full = Schema.decodeUnknownResult(Event.schemas[valid._tag] as Schema.Codec<unknown>)({
            ...input,
            _tag: valid._tag
          })
          if (Result.isSuccess(full)) {
            expect(Result.isSuccess(r) && r.success).toEqual(full.success)
            return
          }
          expect(Result.isFailure(r)).toBe(true)
          if (Result.isFailure(r)) {
            expect(r.failure).toBeInstanceOf(Upcast.EventDecodeError)
            expect(near(r.failure.path, print(m.path)), `${r.failure.path} for a change at ${print(m.path)}`).toBe(true)
          }
        }
      ),
      { numRuns: 3_000 }
    ))

  it("the event schemas refuse random JSON and near misses with a result, never an exception", () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          Arbitraries.domainEvent.chain((e) => mutation(e).map((m) => apply(e, m) as unknown))
        ),
        (json) => {
          const r = noThrow(() => Schema.decodeUnknownResult(Event.DomainEvent)(json))
          expect(Result.isResult(r)).toBe(true)
        }
      ),
      { numRuns: 2_000 }
    ))

  it("Upcast.decode reads every valid event to an equal event, in a fresh object", () =>
    fc.assert(
      fc.property(Arbitraries.domainEvent, (event) => {
        const { _tag, ...payload } = event
        const r = noThrow(() => Upcast.decode(_tag, Event.versions[_tag], payload))
        expect(Result.isSuccess(r) && r.success).toEqual(event)
        expect(Result.isSuccess(r) && r.success !== (payload as unknown)).toBe(true)
      }),
      { numRuns: 2_000 }
    ))
})
