/**
 * The stored-row decoder under fuzzing (PERF-RELIABILITY T8): whatever a row holds (any type, any
 * schema version, any JSON, near misses of valid events, huge and deeply nested values, keys named
 * like the prototype), `Codec.decodeResult` never throws. It answers a `CorruptEvent` that names
 * the row (an `Error` with its messages in both languages), or a valid event of the row's type
 * built from the row's payload and nothing else.
 *
 * Seeds: fast-check prints the seed of a failing run; `THIDUA_FUZZ_SEED` replays it.
 */
import { assert, describe, it } from "@effect/vitest"
import { Event } from "@thidua/core"
import { Arbitraries } from "@thidua/testing"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { Codec, Position, type Recorded, StoreError } from "../src/index.js"

const seed = process.env.THIDUA_FUZZ_SEED === undefined ? {} : { seed: Number(process.env.THIDUA_FUZZ_SEED) }
const runs = (numRuns: number) => ({ numRuns, ...seed })

const catalogue = Object.keys(Event.versions) as ReadonlyArray<Event.EventType>
const isDomainEvent = Schema.is(Event.DomainEvent)

// The events whose payload has a required `at` (the day it happened): every one but these four,
// written out here rather than read from the schemas under test.
const withoutAt: ReadonlySet<string> = new Set([
  "OrganizationRegistered",
  "ClusterFormed",
  "PhaseScheduled",
  "NomineesPublished",
  // The members' events dated by what they date: a leave by its period, a seat by its first day.
  "LeaveRecorded",
  "SeatAssigned",
  // Process events: their instants are named for what they date.
  "CommandIssued",
  "TimerScheduled",
  "TimerFired",
  "TimerCancelled",
  "DeadlineMissed",
  "ProcessNoted"
])

const row = (type: string, schemaVersion: number, data: unknown): Recorded.RecordedEvent => ({
  eventId: "e-1",
  type,
  data: data as Recorded.RecordedEvent["data"],
  schemaVersion,
  tenantId: "hanoi",
  streamId: "campaign:fuzz",
  version: 7,
  position: Position.fromCount(42),
  recordedAt: 0
})

/** The decoder's answer, checked for its shape whatever the input (a throw fails the test). */
const decoded = (r: Recorded.RecordedEvent) => {
  let result: Result.Result<Event.DomainEvent, StoreError.CorruptEvent>
  try {
    result = Codec.decodeResult(r)
  } catch (thrown) {
    assert.fail(`decodeResult threw for ${r.type} v${r.schemaVersion}: ${String(thrown).slice(0, 300)}`)
  }
  if (Result.isFailure(result)) {
    const error = result.failure
    assert.ok(error instanceof StoreError.CorruptEvent && error instanceof Error, "a CorruptEvent, an Error")
    assert.strictEqual(error._tag, "CorruptEvent")
    assert.strictEqual(error.code, "CorruptEvent")
    assert.deepStrictEqual(
      [error.tenantId, error.streamId, error.version, error.position],
      [r.tenantId, r.streamId, r.version, r.position],
      "names the row"
    )
    assert.ok(typeof error.reason === "string" && error.reason.length > 0)
    assert.ok(typeof error.message === "string" && error.message.includes(r.streamId))
    assert.ok(error.messages.vi.includes(r.streamId) && error.messages.vi.includes(String(r.version)))
    assert.ok(error.messages.en.length > 0)
    return result
  }
  const event = result.success
  assert.strictEqual(event._tag, r.type, "an event of the row's type")
  assert.ok(isDomainEvent(event), `a valid ${r.type}`)
  // Built from the payload alone: no key the payload lacks (but the upcasters' defaults), and the
  // payload's value for every key it has.
  const data = r.data as Record<string, unknown>
  for (const k of Object.keys(event)) {
    if (k === "_tag") continue
    if (!Object.hasOwn(data, k)) {
      assert.ok(
        r.type === "InitiativeRecorded" && r.schemaVersion === 0 && k === "benefitVnd",
        `${k} comes from nowhere`
      )
      continue
    }
    assert.deepStrictEqual((event as unknown as Record<string, unknown>)[k], data[k], `${k} is the payload's`)
  }
  return result
}

// Names where a lookup by plain object would find something.
const prototypeNames = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
  "isPrototypeOf"
]

const anyType = fc.oneof(
  fc.constantFrom(...catalogue),
  fc.constantFrom(...prototypeNames, "", " ", "phaseOpened", "PhaseOpened ", "PHASEOPENED", "Phase\u0000Opened"),
  fc.string()
)
const anyVersion = fc.oneof(
  fc.constantFrom(0, 1, 2, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2 ** 53, 1e308),
  fc.integer()
)
// JSON as a row's payload column holds it: parsed text, so `__proto__` is an own key.
const parsed = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown
const protoKeyed = fc
  .record({
    key: fc.constantFrom(...prototypeNames),
    value: fc.jsonValue(),
    rest: fc.dictionary(fc.constantFrom(...prototypeNames, "at", "phaseId", "_tag", "benefitVnd"), fc.jsonValue())
  })
  .map(({ key, value, rest }) =>
    JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)},${JSON.stringify(rest).slice(1)}`.replace(/,}$/, "}"))
  )

// A valid event as the store keeps it: its type, its current schema version, its payload as JSON.
const stored = Arbitraries.domainEvent.map((e) => {
  const { _tag, ...data } = e
  return { event: parsed(e) as Event.DomainEvent, type: _tag, version: Event.versions[_tag], data: parsed(data) }
})

describe("Codec.decodeResult never throws: a CorruptEvent or a valid event", () => {
  it("any type, any schema version, any JSON payload", () =>
    fc.assert(
      fc.property(anyType, anyVersion, fc.oneof(fc.jsonValue(), fc.object(), protoKeyed), (type, version, data) => {
        decoded(row(type, version, data))
      }),
      runs(3000)
    ))

  it("a valid event as stored decodes to itself", () =>
    fc.assert(
      fc.property(stored, ({ event, type, version, data }) => {
        const result = decoded(row(type, version, data))
        assert.ok(Result.isSuccess(result), `${type}: ${Result.isFailure(result) ? result.failure.reason : ""}`)
        assert.deepStrictEqual(result.success, event)
      }),
      runs(500)
    ))

  it("near misses of valid events are CorruptEvents", () => {
    const nearMiss = stored.chain((s) =>
      fc.oneof(
        // A schema version from the future, or none the upcasters know.
        fc.constantFrom(s.version + 1, s.version + 1000, -1, 0.5, Number.NaN).map((v) => ({ ...s, version: v })),
        // Not an object.
        fc.constantFrom(null, [], "{}", 0, true, [s.data]).map((d) => ({ ...s, data: d as unknown })),
        // A type not in the catalogue, by a letter.
        fc
          .constantFrom(s.type.toLowerCase(), `${s.type} `, `${s.type}s`, s.type.slice(1), ...prototypeNames)
          .map((t) => ({ ...s, type: t })),
        // No field at all.
        fc.constant({ ...s, data: {} }),
        // Without its day, or with a day that is not one.
        ...(withoutAt.has(s.type)
          ? []
          : [
              fc
                .constantFrom(undefined, "2024-02-30", "2020-13-01", "20200102", "2020-1-2", 20200102, null, "", [
                  "2020-01-02"
                ])
                .map((at) => {
                  const data = { ...(s.data as Record<string, unknown>) }
                  if (at === undefined) delete data.at
                  else data.at = at
                  return { ...s, data: data as unknown }
                })
            ])
      )
    )
    fc.assert(
      fc.property(nearMiss, (m) => {
        const result = decoded(row(m.type, m.version, m.data))
        assert.ok(
          Result.isFailure(result),
          `${m.type} v${m.version} ${JSON.stringify(m.data)?.slice(0, 200)} decoded as ${JSON.stringify(Result.isSuccess(result) && result.success).slice(0, 200)}`
        )
      }),
      runs(1500)
    )
  })

  it("huge and deeply nested values in any field", () => {
    const nest = (depth: number, leaf: unknown, asObject: boolean) => {
      let v = leaf
      for (let i = 0; i < depth; i++) v = asObject ? { [`k${i % 3}`]: v, __proto__x: i } : [v]
      return v
    }
    const monster = fc.oneof(
      fc
        .record({ depth: fc.integer({ min: 100, max: 20_000 }), asObject: fc.boolean() })
        .map(({ depth, asObject }) => nest(depth, "x", asObject)),
      fc.integer({ min: 1, max: 4 }).map((mb) => "Đ".repeat(mb * 512 * 1024)),
      fc.integer({ min: 1, max: 3 }).map((n) => Array.from({ length: n * 100_000 }, (_, i) => i))
    )
    fc.assert(
      fc.property(stored, monster, fc.nat(), fc.boolean(), (s, value, at, extra) => {
        const data = { ...(s.data as Record<string, unknown>) }
        const keys = Object.keys(data)
        if (extra || keys.length === 0) data.extra = value
        else data[keys[at % keys.length]!] = value
        decoded(row(s.type, s.version, data))
        // And as the payload itself, and at the top of an unknown type.
        decoded(row(s.type, s.version, value))
        decoded(row("NotAnEvent", 1, data))
      }),
      runs(40)
    )
  })

  it("a payload with prototype keys pollutes nothing and is read as plain data", () => {
    fc.assert(
      fc.property(stored, fc.constantFrom(...prototypeNames), fc.jsonValue(), (s, name, value) => {
        const data = JSON.parse(
          `{${JSON.stringify(name)}:{"polluted":true,"at":"1999-01-01"},${JSON.stringify(s.data).slice(1)}`.replace(
            ",}",
            "}"
          )
        ) as Record<string, unknown>
        data.nested = JSON.parse(`{"__proto__":${JSON.stringify(value)}}`)
        decoded(row(s.type, s.version, data))
        assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, "Object.prototype is untouched")
        assert.strictEqual(Object.hasOwn(Object.prototype, "polluted"), false)
      }),
      runs(300)
    )
  })

  it("an event this process encoded is never answered for another type or schema version", () => {
    fc.assert(
      fc.property(
        Arbitraries.domainEvent,
        fc.constantFrom(...catalogue),
        fc.constantFrom(0, 2, -1),
        (e, other, version) => {
          const [encoded] = Codec.encode([e])
          const same = decoded(row(encoded!.type, encoded!.schemaVersion, encoded!.data))
          assert.ok(Result.isSuccess(same))
          assert.deepStrictEqual(same.success, e)
          // Another type over the same payload object: decoded as that type, or refused.
          const retyped = decoded(row(other, encoded!.schemaVersion, encoded!.data))
          if (Result.isSuccess(retyped)) assert.strictEqual(retyped.success._tag, other)
          // Another schema version: there is none but the current one (and v0 of InitiativeRecorded).
          const reversioned = decoded(row(encoded!.type, version, encoded!.data))
          if (!(version === 0 && e._tag === "InitiativeRecorded")) assert.ok(Result.isFailure(reversioned))
        }
      ),
      runs(500)
    )
  })
})
