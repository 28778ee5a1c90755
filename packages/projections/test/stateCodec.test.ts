/**
 * The state codec of read models kept in PostgreSQL, fuzzed: whatever a stored document holds,
 * decoding returns a state or a typed `CorruptState`, never throws; whatever a state holds,
 * encoding returns its document or a typed `UnstorableState` naming where the bad value is; and a
 * state that encodes comes back as it was.
 */
import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import fc from "fast-check"
import { ProjectionError, SqlReadModelStore } from "../src/index.js"
import * as StateJson from "../src/internal/stateJson.js"

const where = { projection: "fuzz", projectionVersion: 1, partition: "hanoi/campaign:x" }

// Strings PostgreSQL's jsonb takes: no NUL, no lone surrogate.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the things looked for.
const storable = (s: string) => !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)
const text = fc.string({ unit: "binary", maxLength: 12 }).filter(storable)
// Keys that a naive decoder would take for its own tags, or for an object's prototype.
const key = fc.oneof(
  { weight: 3, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "__proto__",
      "constructor",
      "prototype",
      "toString",
      "$map",
      "$set",
      "$obj",
      "$undefined"
    )
  }
)
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0))
)

/** An object with exactly these own keys, `__proto__` included (an assignment would set the prototype). */
const objectOf = (entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> => {
  const o: Record<string, unknown> = {}
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}

/** States as read models hold them: JSON's values, `undefined`, Maps and Sets, nested. */
const { state: anyState } = fc.letrec((tie) => ({
  state: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    tie("array"),
    tie("object"),
    tie("map"),
    tie("set")
  ),
  array: fc.array(tie("state"), { maxLength: 4 }),
  object: fc.uniqueArray(fc.tuple(key, tie("state")), { maxLength: 4, selector: ([k]) => k }).map(objectOf),
  map: fc.array(fc.tuple(tie("state"), tie("state")), { maxLength: 4 }).map((entries) => new Map(entries)),
  set: fc.array(tie("state"), { maxLength: 4 }).map((values) => new Set(values))
}))
const states = anyState.filter((s) => s !== undefined && s !== null)

/**
 * Whether two states are the same, exactly: same prototypes, same own keys (those holding
 * `undefined` too), same holes, Maps and Sets with the same entries in the same order. (Vitest's
 * `toStrictEqual` compares `.constructor`, which an own key of that name breaks.)
 */
const same = (a: unknown, b: unknown): boolean => {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b)
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  if (a instanceof Map) {
    const x = [...a]
    const y = [...(b as Map<unknown, unknown>)]
    return x.length === y.length && x.every(([k, v], i) => same(k, y[i]![0]) && same(v, y[i]![1]))
  }
  if (a instanceof Set) {
    const x = [...a]
    const y = [...(b as Set<unknown>)]
    return x.length === y.length && x.every((v, i) => same(v, y[i]))
  }
  const ka = Reflect.ownKeys(a)
  const kb = Reflect.ownKeys(b)
  return (
    ka.length === kb.length &&
    ka.every(
      (k, i) =>
        k === kb[i] && same(Object.getOwnPropertyDescriptor(a, k)?.value, Object.getOwnPropertyDescriptor(b, k)?.value)
    )
  )
}

/** Through the database and back: encoded, printed, parsed, decoded. */
const roundTrip = (state: unknown) => {
  const encoded = SqlReadModelStore.encodeState(state, where)
  if (Result.isFailure(encoded)) throw encoded.failure
  return SqlReadModelStore.decodeState(JSON.parse(JSON.stringify(encoded.success)), where)
}

const decodesTyped = (json: unknown) => {
  const r = SqlReadModelStore.decodeState(json, where)
  if (Result.isFailure(r)) {
    expect(r.failure).toBeInstanceOf(ProjectionError.CorruptState)
    expect(r.failure).toMatchObject({ ...where, code: "CorruptState" })
    expect(r.failure.path).toMatch(/^\$/)
  }
  return r
}

// A path to a value, as the codec prints it: written here from its documentation, not asked of it.
type Step = { readonly key: string } | { readonly index: number }
const printed = (steps: ReadonlyArray<Step>) =>
  "$" +
  steps
    .map((s) =>
      "index" in s
        ? `[${s.index}]`
        : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s.key)
          ? `.${s.key}`
          : `[${JSON.stringify(s.key)}]`
    )
    .join("")
const steps = fc.array(
  fc.oneof(
    key.filter((k) => !k.startsWith("$")).map((k): Step => ({ key: k })),
    fc.nat({ max: 3 }).map((index): Step => ({ index }))
  ),
  { maxLength: 6 }
)
/** `value` placed at `steps` inside objects and arrays of a state. */
const placed = (value: unknown, at: ReadonlyArray<Step>): unknown =>
  at.reduceRight<unknown>(
    (inner, s) => ("index" in s ? [...Array.from({ length: s.index }, () => 0), inner] : objectOf([[s.key, inner]])),
    value
  )

describe("the state codec: states come back as they were", () => {
  it("(the comparison used here tells apart what toEqual does not)", () => {
    expect(same({ a: undefined }, {})).toBe(false)
    // biome-ignore lint/suspicious/noSparseArray: a hole against an undefined.
    expect(same([, 1], [undefined, 1])).toBe(false)
    expect(same(new Map([[1, 2]]), new Map([["1", 2]]))).toBe(false)
    expect(same(Object.create(null), {})).toBe(false)
    expect(same({ constructor: new Map() }, { constructor: new Map() })).toBe(true)
  })

  it("any state of JSON values, undefined, Maps and Sets round-trips exactly", () =>
    fc.assert(
      fc.property(states, (state) => {
        const back = roundTrip(state)
        expect(Result.isSuccess(back)).toBe(true)
        expect(Result.isSuccess(back) && same(back.success, state)).toBe(true)
      }),
      { numRuns: 2_000 }
    ))

  it("keys named __proto__ and constructor stay own keys, and pollute no prototype", () => {
    const stored = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "m": {"$map": [["__proto__", {"__proto__": 1}]]}, "w": {"$obj": {"$set": {"__proto__": 2}}}}'
    )
    const r = decodesTyped(stored)
    const state = Result.getOrThrow(r) as Record<string, unknown>
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype)
    expect(Object.hasOwn(state, "__proto__")).toBe(true)
    expect(Object.getOwnPropertyDescriptor(state, "__proto__")?.value).toEqual({ polluted: true })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const inMap = (state.m as Map<string, object>).get("__proto__")!
    expect(Object.getPrototypeOf(inMap)).toBe(Object.prototype)
    expect(Object.hasOwn(inMap, "__proto__")).toBe(true)
    expect(Object.hasOwn(state.w as object, "$set")).toBe(true)
    expect(same(Result.getOrThrow(roundTrip(state)), state)).toBe(true)
  })

  it("a huge state round-trips", () => {
    const state = {
      units: new Map(Array.from({ length: 100_000 }, (_, i) => [`cdcs-${i}`, { points: i / 7, seen: new Set([i]) }])),
      tallies: Array.from({ length: 300_000 }, (_, i) => i % 13)
    }
    expect(same(Result.getOrThrow(roundTrip(state)), state)).toBe(true)
  })
})

describe("the state codec: decoding never throws", () => {
  it("random JSON decodes to a state or a typed CorruptState", () =>
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (json) => void decodesTyped(json)),
      { numRuns: 3_000 }
    ))

  it("any value at all (not only JSON) decodes to a state or a typed CorruptState", () =>
    fc.assert(
      fc.property(
        fc.anything({
          maxDepth: 4,
          withMap: true,
          withSet: true,
          withDate: true,
          withBigInt: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true
        }),
        (u) => void decodesTyped(u)
      ),
      { numRuns: 2_000 }
    ))

  it("random text from the database decodes to a state or a problem, never an exception", () =>
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json({ maxDepth: 6 })), (t) => {
        const r = StateJson.decodeText(t)
        expect("state" in r || (typeof r.path === "string" && typeof r.reason === "string")).toBe(true)
      }),
      { numRuns: 2_000 }
    ))

  const nearMisses: ReadonlyArray<readonly [unknown, string, RegExp]> = [
    [{ $map: 5 }, ".$map", /not a list/],
    [{ $map: "a" }, ".$map", /not a list/],
    [{ $map: { a: 1 } }, ".$map", /not a list/],
    [{ $map: [1] }, ".$map[0]", /pair/],
    [{ $map: [[1]] }, ".$map[0]", /pair/],
    [{ $map: [[1, 2, 3]] }, ".$map[0]", /pair/],
    [{ $map: [["a", { $set: 1 }]] }, ".$map[0][1].$set", /not a list/],
    [{ $set: 1 }, ".$set", /not a list/],
    [{ $set: { a: 1 } }, ".$set", /not a list/],
    [{ $obj: 1 }, ".$obj", /not an object/],
    [{ $obj: [] }, ".$obj", /not an object/],
    [{ $obj: null }, ".$obj", /not an object/],
    [{ $obj: { a: 1 } }, ".$obj", /needs no wrapping/],
    [{ $undefined: false }, ".$undefined", /not true/],
    [{ $undefined: 1 }, ".$undefined", /not true/]
  ]

  it("near misses of the encoding, anywhere in a document, are CorruptStates that say where", () =>
    fc.assert(
      fc.property(fc.constantFrom(...nearMisses), steps, ([miss, suffix, reason], at) => {
        const r = decodesTyped(placed(miss, at))
        expect(Result.isFailure(r)).toBe(true)
        if (Result.isFailure(r)) {
          expect(r.failure.path).toBe(printed(at) + suffix)
          expect(r.failure.reason).toMatch(reason)
        }
      }),
      { numRuns: 1_000 }
    ))

  it("a document nested 100,000 deep is a CorruptState, not a stack overflow", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)
    const r = decodesTyped(deep)
    expect(Result.isFailure(r) && r.failure.reason).toMatch(/deeper than 512/)
    const deepObject = JSON.parse(`${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`)
    expect(Result.isFailure(decodesTyped(deepObject))).toBe(true)
  })

  it("no state at all is a CorruptState", () => {
    expect(Result.isFailure(decodesTyped(null))).toBe(true)
    expect(Result.isFailure(decodesTyped(undefined))).toBe(true)
  })
})

describe("the state codec: encoding refuses what JSON would change, and says where", () => {
  class Unit {
    readonly id = "cdcs-1"
  }
  const bad: ReadonlyArray<readonly [string, () => unknown, RegExp]> = [
    ["NaN", () => Number.NaN, /^NaN$/],
    ["Infinity", () => Number.POSITIVE_INFINITY, /^Infinity$/],
    ["-Infinity", () => Number.NEGATIVE_INFINITY, /^-Infinity$/],
    ["a Date", () => new Date(0), /Date/],
    ["a bigint", () => 1n, /bigint/],
    ["a function", () => () => 1, /function/],
    ["a symbol", () => Symbol("s"), /symbol/],
    ["a class instance", () => new Unit(), /instance of Unit/],
    ["a typed array", () => new Float64Array(2), /instance of Float64Array/],
    ["a NUL", () => "a\u0000b", /NUL/],
    ["a lone surrogate", () => "\ud800", /lone surrogate/]
  ]

  it("a bad value anywhere in a state is an UnstorableState naming projection, partition and path", () =>
    fc.assert(
      fc.property(fc.constantFrom(...bad), steps, ([, make, reason], at) => {
        const r = SqlReadModelStore.encodeState(placed(make(), at), where)
        expect(Result.isFailure(r)).toBe(true)
        if (Result.isFailure(r)) {
          expect(r.failure).toBeInstanceOf(ProjectionError.UnstorableState)
          expect(r.failure).toMatchObject({ ...where, code: "UnstorableState", path: printed(at) })
          expect(r.failure.reason).toMatch(reason)
        }
      }),
      { numRuns: 1_000 }
    ))

  it("in Maps, Sets, holes, keys and depth too", () => {
    const failure = (state: unknown) => {
      const r = SqlReadModelStore.encodeState(state, where)
      return Result.isFailure(r) ? [r.failure.path, r.failure.reason] : undefined
    }
    expect(failure({ units: new Map([["cdcs-1", { points: Number.NaN }]]) })).toEqual([
      '$.units.get("cdcs-1").points',
      "NaN"
    ])
    expect(failure({ units: new Map([[Number.POSITIVE_INFINITY, 1]]) })).toEqual(["$.units.keys()[0]", "Infinity"])
    expect(failure({ seen: new Set(["a", Number.NaN]) })).toEqual(["$.seen.values()[1]", "NaN"])
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    expect(failure({ list: [1, , 3] })).toEqual(["$.list[1]", "a hole (an array index never set)"])
    expect(failure({ "a\u0000": 1 })?.[1]).toMatch(/a key with a NUL/)
    let deep: unknown = 1
    for (let i = 0; i < 600; i++) deep = [deep]
    expect(failure(deep)?.[1]).toMatch(/deeper than 512/)
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(failure(cycle)?.[1]).toMatch(/deeper than 512/)
    expect(failure(undefined)).toEqual(["$", "no state (undefined)"])
  })
})
