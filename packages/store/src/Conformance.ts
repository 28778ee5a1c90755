/**
 * The contract every store keeps, as a list of checks any test runner can run. The in-memory store
 * and the PostgreSQL store (on a server and on PGlite) pass the same list; an adapter author runs
 * it against their own store:
 *
 * ```ts no-run
 * for (const check of Conformance.checks) it.effect(check.name, () => check.run.pipe(Effect.provide(MyStore.layer)))
 * ```
 *
 * Each check uses streams and tenants of its own, so the checks run in any order against one
 * store, a durable one included.
 *
 * @since 0.1.0
 */
import assert from "node:assert/strict"
import { Effect, Fiber, Stream } from "effect"
import { EventStore, type Shape } from "./EventStore.js"
import * as Position from "./Position.js"
import type { NewEvent, RecordedEvent } from "./Recorded.js"

/** One check of the contract. @since 0.1.0 */
export interface Check {
  readonly name: string
  readonly run: Effect.Effect<void, unknown, EventStore>
}

let counter = 0
const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${(++counter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`
const uuid = () => globalThis.crypto.randomUUID()
const event = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  eventId: uuid(),
  type,
  data,
  schemaVersion: 1
})
const events = (n: number, type = "PhaseOpened") =>
  Array.from({ length: n }, (_, i) => event(type, { phaseId: `dot-${i + 1}`, at: "2020-01-02" }))
const isIncreasing = (xs: ReadonlyArray<RecordedEvent>) =>
  xs.every((e, i) => i === 0 || e.position > xs[i - 1]!.position)

const check = (name: string, body: (store: Shape) => Effect.Effect<void, unknown>): Check => ({
  name,
  run: Effect.flatMap(Effect.service(EventStore), body)
})

/**
 * The checks.
 *
 * @since 0.1.0
 */
export const checks: ReadonlyArray<Check> = [
  check("appends to a new stream and reads it back in order", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("campaign")
      const input = events(3)
      const result = yield* store.append(tenant, stream, "no-stream", input, {
        commandId: "c-1",
        actor: { organizationId: "ldld-hn" as never, role: "executive" }
      })
      assert.equal(result.version, 3)
      assert.equal(result.duplicate, false)
      const read = yield* store.readStream(tenant, stream)
      assert.deepEqual(
        read.map((e) => [e.version, e.eventId, e.type, e.data]),
        input.map((e, i) => [i + 1, e.eventId, e.type, e.data])
      )
      assert.ok(isIncreasing(read))
      assert.deepEqual(read, result.events)
      assert.equal(read[0]!.commandId, "c-1")
      assert.deepEqual(read[0]!.actor, { organizationId: "ldld-hn", role: "executive" })
      assert.equal(typeof read[0]!.recordedAt, "number")
      assert.equal(yield* store.streamVersion(tenant, stream), 3)
      assert.deepEqual(
        (yield* store.readStream(tenant, stream, 3)).map((e) => e.version),
        [3]
      )
    })
  ),

  check("a missing stream is at version 0 and reads empty", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      assert.equal(yield* store.streamVersion(tenant, "nothing"), 0)
      assert.deepEqual(yield* store.readStream(tenant, "nothing"), [])
    })
  ),

  check("an exact expected version wins once; the loser gets WrongExpectedVersion with the actual version", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      yield* store.append(tenant, stream, 0, events(2))
      yield* store.append(tenant, stream, 2, events(1))
      const error = yield* Effect.flip(store.append(tenant, stream, 2, events(1)))
      assert.equal(error._tag, "WrongExpectedVersion")
      if (error._tag === "WrongExpectedVersion") assert.equal(error.actual, 3)
      assert.equal(yield* store.streamVersion(tenant, stream), 3)
    })
  ),

  check("no-stream, stream-exists and any behave as named", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      assert.equal(
        (yield* Effect.flip(store.append(tenant, stream, "stream-exists", events(1))))._tag,
        "WrongExpectedVersion"
      )
      yield* store.append(tenant, stream, "no-stream", events(1))
      assert.equal(
        (yield* Effect.flip(store.append(tenant, stream, "no-stream", events(1))))._tag,
        "WrongExpectedVersion"
      )
      yield* store.append(tenant, stream, "stream-exists", events(1))
      yield* store.append(tenant, stream, "any", events(1))
      assert.equal(yield* store.streamVersion(tenant, stream), 3)
    })
  ),

  check("appending nothing writes nothing", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      yield* store.append(tenant, stream, "no-stream", events(1))
      const result = yield* store.append(tenant, stream, 1, [])
      assert.equal(result.version, 1)
      assert.equal(yield* store.streamVersion(tenant, stream), 1)
      assert.equal((yield* Effect.flip(store.append(tenant, stream, 0, [])))._tag, "WrongExpectedVersion")
    })
  ),

  check("re-sending the same events appends nothing and returns the first result", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      const input = events(2)
      const first = yield* store.append(tenant, stream, "no-stream", input)
      const again = yield* store.append(tenant, stream, 0, input)
      assert.equal(again.duplicate, true)
      assert.deepEqual(again.events, first.events)
      assert.equal(yield* store.streamVersion(tenant, stream), 2)
    })
  ),

  check("an event id re-used with other content, or in a partly new batch, is an IdempotencyConflict", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      const [a] = events(1)
      yield* store.append(tenant, stream, "no-stream", [a!])
      const changed = { ...a!, data: { phaseId: "dot-9", at: "2020-01-02" } }
      assert.equal((yield* Effect.flip(store.append(tenant, stream, 1, [changed])))._tag, "IdempotencyConflict")
      assert.equal(
        (yield* Effect.flip(store.append(tenant, stream, 1, [a!, ...events(1)])))._tag,
        "IdempotencyConflict"
      )
      assert.equal(yield* store.streamVersion(tenant, stream), 1)
    })
  ),

  check("an event id twice in one batch is an IdempotencyConflict; key order does not change content", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      const [a] = events(1)
      assert.equal(
        (yield* Effect.flip(store.append(tenant, stream, "no-stream", [a!, a!])))._tag,
        "IdempotencyConflict"
      )
      assert.equal(yield* store.streamVersion(tenant, stream), 0)
      const first = yield* store.append(tenant, stream, "no-stream", [
        { ...a!, data: { phaseId: "dot-1", at: "2020-01-02" } }
      ])
      const again = yield* store.append(tenant, stream, 0, [{ ...a!, data: { at: "2020-01-02", phaseId: "dot-1" } }])
      assert.equal(again.duplicate, true)
      assert.deepEqual(again.events, first.events)
    })
  ),

  check("a command id seen before returns its events; with other content it is a conflict", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      const input = events(2)
      const first = yield* store.append(tenant, stream, "no-stream", input, { commandId: "cmd-1" })
      const renamed = input.map((e) => ({ ...e, eventId: uuid() }))
      const again = yield* store.append(tenant, stream, 0, renamed, { commandId: "cmd-1" })
      assert.equal(again.duplicate, true)
      assert.deepEqual(again.events, first.events)
      const other = yield* Effect.flip(
        store.append(tenant, stream, 2, events(1, "PhaseClosed"), { commandId: "cmd-1" })
      )
      assert.equal(other._tag, "IdempotencyConflict")
      assert.equal(yield* store.streamVersion(tenant, stream), 2)
    })
  ),

  check("tenants never meet: one stream id in two tenants is two streams", (store) =>
    Effect.gen(function* () {
      const a = unique("ta")
      const b = unique("tb")
      const stream = unique("campaign")
      yield* store.append(a, stream, "no-stream", events(2))
      yield* store.append(b, stream, "no-stream", events(1))
      assert.equal(yield* store.streamVersion(a, stream), 2)
      assert.equal(yield* store.streamVersion(b, stream), 1)
      const onlyB = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: b }))
      assert.deepEqual(
        onlyB.map((e) => e.tenantId),
        [b]
      )
    })
  ),

  check("readAll returns the log after a position, in increasing positions, across pages", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const s1 = unique("s")
      const s2 = unique("s")
      yield* store.append(tenant, s1, "no-stream", events(3))
      yield* store.append(tenant, s2, "no-stream", events(4))
      yield* store.append(tenant, s1, 3, events(2))
      const all = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant, batchSize: 2 }))
      assert.equal(all.length, 9)
      assert.ok(isIncreasing(all))
      assert.deepEqual(
        all.filter((e) => e.streamId === s1).map((e) => e.version),
        [1, 2, 3, 4, 5]
      )
      const rest = yield* Stream.runCollect(store.readAll(all[3]!.position, { tenantId: tenant }))
      assert.deepEqual(
        rest.map((e) => e.eventId),
        all.slice(4).map((e) => e.eventId)
      )
    })
  ),

  check("subscribe catches up, then follows new appends", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      yield* store.append(tenant, stream, "no-stream", events(2))
      const fiber = yield* Effect.forkChild(
        Stream.runCollect(store.subscribe(Position.start, { tenantId: tenant }).pipe(Stream.take(5)))
      )
      yield* Effect.sleep("20 millis")
      yield* store.append(tenant, stream, 2, events(1))
      yield* Effect.sleep("20 millis")
      yield* store.append(tenant, stream, 3, events(2))
      const seen = yield* Fiber.join(fiber).pipe(Effect.timeout("10 seconds"))
      assert.deepEqual(
        seen.map((e) => e.version),
        [1, 2, 3, 4, 5]
      )
    })
  ),

  check("payloads round-trip: Vietnamese text, nesting, safe integers", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      const data = {
        title: "Phong trào thi đua “Mừng Đảng quang vinh – Mừng sinh nhật Bác”",
        benefitVnd: 9_007_199_254_740_991,
        nested: { list: [1, "hai", { ba: true }], empty: {} },
        points: -12.5
      }
      yield* store.append(tenant, stream, "no-stream", [event("CampaignPlanned", data)])
      const [read] = yield* store.readStream(tenant, stream)
      assert.deepEqual(read!.data, data)
    })
  )
]
