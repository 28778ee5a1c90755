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
import * as Limits from "./Limits.js"
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

  check("payloads round-trip: Vietnamese text (NFC and NFD), emoji, the longest text, every sector", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = `campaign:${unique("c")}`
      const nfc = "Phong trào thi đua “Mừng Đảng quang vinh – Mừng sinh nhật Bác” 🇻🇳🏆"
      const data = {
        campaignId: "hn-2025",
        tenantId: tenant,
        issuerId: "ldld-hn",
        title: nfc,
        theme: nfc.normalize("NFD"),
        form: "regular",
        period: { start: "2025-01-01", end: "2025-12-31" },
        sectors: [
          { sector: "enterprise", contents: [{ contentId: "nd-1", title: "Đ".repeat(500) }] },
          { sector: "administrative", contents: [] }
        ],
        titlesOffered: [],
        regime: "R2024",
        at: "2024-12-20"
      }
      yield* store.append(tenant, stream, "no-stream", [event("CampaignPlanned", data)])
      const [read] = yield* store.readStream(tenant, stream)
      assert.deepEqual(read!.data, data)
      // NFC and NFD are different texts, and stay different.
      assert.equal((read!.data as typeof data).theme, nfc.normalize("NFD"))
      assert.notEqual((read!.data as typeof data).theme, (read!.data as typeof data).title)
    })
  ),

  check("readStream from a version reads from the next whole version, at least 1", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      yield* store.append(tenant, stream, "no-stream", events(3))
      const versions = (from: number) =>
        Effect.map(store.readStream(tenant, stream, from), (es) => es.map((e) => e.version))
      assert.deepEqual(yield* versions(Number.NaN), [1, 2, 3])
      assert.deepEqual(yield* versions(-5), [1, 2, 3])
      assert.deepEqual(yield* versions(1.5), [2, 3])
      assert.deepEqual(yield* versions(3), [3])
      assert.deepEqual(yield* versions(4), [])
      assert.deepEqual(yield* versions(Number.POSITIVE_INFINITY), [])
    })
  ),

  check("a command id is unique per tenant: on another stream it is an IdempotencyConflict naming both", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const a = unique("a")
      const b = unique("b")
      yield* store.append(tenant, a, "no-stream", events(1), { commandId: "cmd-1" })
      const error = yield* Effect.flip(store.append(tenant, b, "any", events(1), { commandId: "cmd-1" }))
      assert.equal(error._tag, "IdempotencyConflict")
      if (error._tag === "IdempotencyConflict") assert.equal(error.first?.streamId, a)
      assert.equal(yield* store.streamVersion(tenant, b), 0)
      // Another tenant may use the same id.
      yield* store.append(unique("t"), b, "no-stream", events(1), { commandId: "cmd-1" })
    })
  ),

  check("with a fingerprint, a command id re-sent is a duplicate only with the same fingerprint", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      const first = yield* store.append(tenant, stream, "no-stream", events(2), {
        commandId: "cmd-1",
        commandDigest: "OpenPhase:0123456789abcdef"
      })
      // Re-decided events may differ (fresh ids, a later state): the fingerprint decides.
      const again = yield* store.append(tenant, stream, "any", events(1, "PhaseClosed"), {
        commandId: "cmd-1",
        commandDigest: "OpenPhase:0123456789abcdef"
      })
      assert.equal(again.duplicate, true)
      assert.deepEqual(again.events, first.events)
      // A probe without events asks what the id did.
      const probe = yield* store.append(tenant, stream, "any", [], {
        commandId: "cmd-1",
        commandDigest: "OpenPhase:0123456789abcdef"
      })
      assert.deepEqual(probe.events, first.events)
      const other = yield* Effect.flip(
        store.append(tenant, stream, "any", events(2), {
          commandId: "cmd-1",
          commandDigest: "OpenPhase:ffffffffffffffff"
        })
      )
      assert.equal(other._tag, "IdempotencyConflict")
      assert.equal(yield* store.streamVersion(tenant, stream), 2)
    })
  ),

  check(
    "events the catalogue cannot read are refused with InvalidInput naming the field; nothing is written",
    (store) =>
      Effect.gen(function* () {
        const tenant = unique("t")
        const stream = `campaign:${unique("c")}`
        yield* store.append(tenant, stream, "no-stream", events(1))
        const initiative = {
          initiativeId: "sk-1",
          unitId: "cdcs-1",
          kind: "initiative",
          title: "Cải tiến khuôn",
          benefitVnd: 1_000_000,
          at: "2024-02-28"
        }
        const bad: ReadonlyArray<readonly [NewEvent, string]> = [
          [event("SomethingHappened", { at: "2024-01-01" }), "events[0].type"],
          [event("InitiativeRecorded", { ...initiative, benefitVnd: -1 }), "events[0].data"],
          [event("InitiativeRecorded", { ...initiative, at: "2024-02-30" }), "events[0].data"],
          [event("InitiativeRecorded", { ...initiative, title: "Cải tiến\u0000khuôn" }), "events[0].data.title"],
          [event("InitiativeRecorded", { ...initiative, title: "Cải tiến \ud800" }), "events[0].data.title"],
          [event("InitiativeRecorded", { ...initiative, benefitVnd: Number.NaN }), "events[0].data.benefitVnd"],
          [event("InitiativeRecorded", { ...initiative, memberId: undefined }), "events[0].data.memberId"],
          [event("InitiativeRecorded", { ...initiative, at: new Date() as never }), "events[0].data.at"],
          [{ ...event("InitiativeRecorded", initiative), schemaVersion: 99 }, "events[0].data"],
          [{ ...event("InitiativeRecorded", initiative), schemaVersion: 1.5 }, "events[0].schemaVersion"],
          [{ ...event("InitiativeRecorded", initiative), data: [] as never }, "events[0].data"],
          // A directory event has no place in a campaign's stream.
          [event("OrganizationRestructured", { organizationId: "x", at: "2025-07-01" }), "events[0].type"]
        ]
        for (const [e, field] of bad) {
          const error = yield* Effect.flip(store.append(tenant, stream, 1, [e]))
          assert.equal(error._tag, "InvalidInput", `${field}: ${error.message}`)
          if (error._tag === "InvalidInput") assert.equal(error.field, field, error.message)
          assert.ok(error instanceof Error && typeof error.message === "string" && error.messages.vi.length > 0)
        }
        // What cannot be read, fields the schema does not know: refused too.
        const throwing = Object.defineProperty({ ...initiative }, "title", {
          enumerable: true,
          get: () => {
            throw new Error("no title")
          }
        })
        for (const [e, field] of [
          [event("InitiativeRecorded", throwing), "events[0].data"],
          [event("InitiativeRecorded", { ...initiative, extra: "kept nowhere" }), "events[0].data.extra"]
        ] as const) {
          const error = yield* Effect.flip(store.append(tenant, stream, 1, [e]))
          assert.equal(error._tag === "InvalidInput" && error.field, field, error.message)
        }
        // A field JSON would not write (not enumerable), balanced by one the schema does not know.
        const hidden: Record<string, unknown> = { ...initiative, extra: "x" }
        Object.defineProperty(hidden, "title", { value: "Cải tiến khuôn", enumerable: false })
        const unseen = yield* Effect.flip(store.append(tenant, stream, 1, [event("InitiativeRecorded", hidden)]))
        assert.equal(unseen._tag, "InvalidInput", unseen.message)
        // One bad event refuses the whole append.
        const mixed = yield* Effect.flip(store.append(tenant, stream, 1, [...events(2), bad[1]![0]]))
        assert.equal(mixed._tag, "InvalidInput")
        assert.equal(yield* store.streamVersion(tenant, stream), 1)
        // The stream still reads and takes good events.
        yield* store.append(tenant, stream, 1, [event("InitiativeRecorded", initiative)])
        assert.equal((yield* store.readStream(tenant, stream)).length, 2)
      })
  ),

  check("keys that cannot be stored faithfully are refused with InvalidInput; nothing is written", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      const bad: ReadonlyArray<readonly [string, string, NewEvent, string | undefined, string]> = [
        [`${tenant}\ud800`, stream, event("PhaseOpened", { phaseId: "d", at: "2020-01-02" }), undefined, "tenantId"],
        ["", stream, event("PhaseOpened", { phaseId: "d", at: "2020-01-02" }), undefined, "tenantId"],
        [tenant, `${stream}\u0000`, event("PhaseOpened", { phaseId: "d", at: "2020-01-02" }), undefined, "streamId"],
        [
          tenant,
          "x".repeat(Limits.keyLength + 1),
          event("PhaseOpened", { phaseId: "d", at: "2020-01-02" }),
          undefined,
          "streamId"
        ],
        [
          tenant,
          stream,
          { ...event("PhaseOpened", { phaseId: "d", at: "2020-01-02" }), eventId: "\udc00" },
          undefined,
          "events[0].eventId"
        ],
        [
          tenant,
          stream,
          { ...event("PhaseOpened", { phaseId: "d", at: "2020-01-02" }), eventId: "" },
          undefined,
          "events[0].eventId"
        ],
        [tenant, stream, event("PhaseOpened", { phaseId: "d", at: "2020-01-02" }), "cmd\n1", "metadata.commandId"]
      ]
      for (const expected of [-1, 1.5, Number.NaN, "latest", null]) {
        const error = yield* Effect.flip(store.append(tenant, stream, expected as never, events(1)))
        assert.equal(error._tag === "InvalidInput" && error.field, "expected")
      }
      for (const [t, s, e, commandId, field] of bad) {
        const error = yield* Effect.flip(store.append(t, s, "any", [e], commandId === undefined ? {} : { commandId }))
        assert.equal(error._tag, "InvalidInput")
        if (error._tag === "InvalidInput") assert.equal(error.field, field)
      }
      assert.equal(yield* store.streamVersion(tenant, stream), 0)
      assert.deepEqual(yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant })), [])
    })
  ),

  check("an append over appendBytes or appendEvents is refused with LimitExceeded; nothing is written", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = `campaign:${unique("c")}`
      // Interim reviews with long notes: about 3,000 bytes of Vietnamese each.
      const notes = "Sơ kết đợt thi đua: ".repeat(200).slice(0, 2000)
      const big = Array.from({ length: 4_000 }, (_, i) =>
        event("InterimReviewHeld", { at: "2024-03-01", notes: `${i} ${notes}`.slice(0, 2000) })
      )
      const tooBig = yield* Effect.flip(store.append(tenant, stream, "any", big))
      assert.equal(tooBig._tag, "LimitExceeded")
      if (tooBig._tag === "LimitExceeded") assert.equal(tooBig.limit, "appendBytes")
      const tooMany = yield* Effect.flip(store.append(tenant, stream, "any", events(Limits.appendEvents + 1)))
      assert.equal(tooMany._tag, "LimitExceeded")
      if (tooMany._tag === "LimitExceeded") assert.equal(tooMany.limit, "appendEvents")
      assert.equal(yield* store.streamVersion(tenant, stream), 0)
      // Half of it fits.
      yield* store.append(tenant, stream, "any", big.slice(0, 1_000))
      assert.equal((yield* store.readStream(tenant, stream)).length, 1_000)
    })
  ),

  check("beforeCommit sees the recorded events before anyone else; if it throws, nothing is appended", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      yield* store.append(tenant, stream, "no-stream", events(1))
      let seen: ReadonlyArray<RecordedEvent> = []
      const input = events(2)
      const done = yield* store.append(
        tenant,
        stream,
        1,
        input,
        { commandId: "c-1" },
        {
          beforeCommit: (recorded) => {
            seen = recorded
          }
        }
      )
      assert.deepEqual(
        seen.map((e) => [e.eventId, e.version, e.position]),
        done.events.map((e) => [e.eventId, e.version, e.position])
      )
      const error = yield* Effect.flip(
        store.append(
          tenant,
          stream,
          3,
          events(2),
          { commandId: "c-2" },
          {
            beforeCommit: () => {
              throw new Error("read model refused")
            }
          }
        )
      )
      assert.equal(error._tag, "AppendAborted")
      assert.equal(yield* store.streamVersion(tenant, stream), 3)
      assert.equal((yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant }))).length, 3)
      // The command id was not used up: it can be sent again.
      yield* store.append(tenant, stream, 3, events(1), { commandId: "c-2" })
      assert.equal(yield* store.streamVersion(tenant, stream), 4)
      // A duplicate does not call it.
      let calls = 0
      yield* store.append(tenant, stream, "any", input, { commandId: "c-1" }, { beforeCommit: () => void calls++ })
      assert.equal(calls, 0)
    })
  )
]

/**
 * The event type the foreign-type checks append: run them on a store built with
 * `foreignTypes: [Conformance.foreignType]`.
 *
 * @since 0.2.0
 */
export const foreignType = "ConformanceProbe"

/**
 * Checks of the escape hatch and of payloads at the edges, for a store built with
 * `foreignTypes: [Conformance.foreignType]`.
 *
 * @since 0.2.0
 */
export const foreignChecks: ReadonlyArray<Check> = [
  check("foreign payloads round-trip at the edges: 1 MiB strings, NFC/NFD, emoji, escapes, numbers", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      // Each 1 MiB of UTF-8: two bytes a letter, and one.
      const vietnamese = { text: "Đ".repeat(512 * 1024) }
      const ascii = { text: "a".repeat(1024 * 1024) }
      const edges = {
        nfc: "Thi đua yêu nước".normalize("NFC"),
        nfd: "Thi đua yêu nước".normalize("NFD"),
        emoji: "👩🏽‍🔧🇻🇳",
        escapes: '"\\\n\t\u0001\u001f\u007f\u2028\u2029',
        numbers: [Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e308, 5e-324, 0.1 + 0.2, -12.5, 0],
        keys: { "": 1, "a b": 2, __proto__x: 3, Đ: 4 },
        nested: [[[[{ deep: [true, false, null] }]]]]
      }
      const input = [event(foreignType, vietnamese), event(foreignType, ascii), event(foreignType, edges)]
      yield* store.append(tenant, stream, "no-stream", input)
      const read = yield* store.readStream(tenant, stream)
      assert.deepEqual(
        read.map((e) => e.data),
        input.map((e) => e.data)
      )
      const logged = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant }))
      assert.deepEqual(
        logged.map((e) => e.data),
        input.map((e) => e.data)
      )
    })
  ),

  check("what a write lets in at the limits reads back: a full append of events at eventBytes", (store) =>
    Effect.gen(function* () {
      const tenant = unique("t")
      const stream = unique("s")
      // Arrays of one-digit numbers grow the most as PostgreSQL's jsonb prints them ("0," becomes
      // "0, "); numbers with exponents are counted as printed in full.
      const zeros = (n: number) => ({ zeros: Array.from({ length: n }, () => 0) })
      const size = (n: number) => JSON.stringify(zeros(n)).length
      let n = Math.floor(Limits.eventBytes / 2)
      while (size(n) > Math.min(Limits.eventBytes, Limits.appendBytes / 4)) n--
      const input = Array.from({ length: 4 }, () => event(foreignType, zeros(n)))
      yield* store.append(tenant, stream, "no-stream", input)
      const read = yield* store.readStream(tenant, stream)
      assert.equal(read.length, 4)
      assert.deepEqual(read[3]!.data, input[3]!.data)
      const logged = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant, batchSize: 10 }))
      assert.equal(logged.length, 4)
      // One more is refused: one over the event's limit, or over the append's.
      const wider = yield* Effect.flip(store.append(tenant, stream, 4, [event(foreignType, zeros(n + 8))]))
      assert.equal(wider._tag === "LimitExceeded" && wider.limit, "eventBytes")
      const more = yield* Effect.flip(
        store.append(
          tenant,
          stream,
          4,
          [...input, event(foreignType, zeros(n))].map((e) => ({ ...e, eventId: uuid() }))
        )
      )
      assert.equal(more._tag === "LimitExceeded" && more.limit, "appendBytes")
      assert.equal(yield* store.streamVersion(tenant, stream), 4)
    })
  ),

  check(
    "a foreign event that is not plain JSON, over eventBytes or nested too deep is refused; nothing is written",
    (store) =>
      Effect.gen(function* () {
        const tenant = unique("t")
        const stream = unique("s")
        const huge = yield* Effect.flip(
          store.append(tenant, stream, "any", [event(foreignType, { text: "x".repeat(Limits.eventBytes) })])
        )
        assert.equal(huge._tag, "LimitExceeded")
        if (huge._tag === "LimitExceeded") assert.equal(huge.limit, "eventBytes")
        // Small JSON, but PostgreSQL prints each of these numbers in full: 327 characters each.
        const tiny = yield* Effect.flip(
          store.append(tenant, stream, "any", [event(foreignType, { n: Array.from({ length: 60_000 }, () => 5e-324) })])
        )
        assert.equal(tiny._tag === "LimitExceeded" && tiny.limit, "eventBytes")
        // What JSON.stringify would write otherwise is refused, with its path.
        const sneaky = Object.assign([1], { toJSON: () => "x".repeat(100) })
        const holes = [1, 2, 3]
        delete holes[1]
        class Points extends Array<number> {}
        for (const [e, field] of [
          [event(foreignType, { sneaky }), "events[0].data.sneaky"],
          [event(foreignType, { holes }), "events[0].data.holes"],
          [event(foreignType, { points: Points.from([1, 2]) }), "events[0].data.points"],
          [{ ...event(foreignType, {}), schemaVersion: 2 ** 31 }, "events[0].schemaVersion"]
        ] as const) {
          const error = yield* Effect.flip(store.append(tenant, stream, "any", [e]))
          assert.equal(error._tag === "InvalidInput" && error.field, field, error.message)
        }
        let deep: unknown = 1
        for (let i = 0; i < Limits.depth + 1; i++) deep = [deep]
        const nested = yield* Effect.flip(store.append(tenant, stream, "any", [event(foreignType, { deep })]))
        assert.equal(nested._tag, "InvalidInput")
        const nul = yield* Effect.flip(store.append(tenant, stream, "any", [event(foreignType, { "a\u0000": 1 })]))
        assert.equal(nul._tag, "InvalidInput")
        assert.equal(yield* store.streamVersion(tenant, stream), 0)
      })
  )
]
