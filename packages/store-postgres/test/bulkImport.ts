/**
 * The bulk import, on whichever database the layer gives (PGlite and the server run the same
 * checks): what it writes (versions, positions, streams' rows, metadata), that the log reads it
 * back once and in order, and that a failure leaves exactly a prefix of the input and nothing
 * after it.
 */

import { assert, type Vitest } from "@effect/vitest"
import { Conformance, EventStore, Limits, Position, type Recorded, StoreError } from "@thidua/store"
import { BulkImport } from "@thidua/store-postgres"
import { Effect, Fiber, Stream } from "effect"
import { SqlClient } from "effect/sql"

type It = Vitest.MethodsNonLive<EventStore.EventStore | SqlClient.SqlClient>

const tenantFor = (name: string) => `import-${name}-${crypto.randomUUID()}`

const events = (stream: string, n: number): Array<BulkImport.ImportEvent> =>
  Array.from({ length: n }, (_, i) => ({
    eventId: `${stream}-${i + 1}`,
    type: i === 0 ? "PhaseOpened" : "PhaseClosed",
    data: { phaseId: `dot-${i + 1}`, at: "2020-01-02" },
    schemaVersion: 1
  }))

// Streams of uneven sizes: `sizes[i]` events for stream i.
const streamsOf = (tenant: string, prefix: string, sizes: ReadonlyArray<number>): Array<BulkImport.ImportStream> =>
  sizes.map((n, i) => ({ tenantId: tenant, streamId: `${prefix}-${i}`, events: events(`${prefix}-${i}`, n) }))

const readAll = (store: EventStore.Shape, tenant: string, batchSize: number) =>
  Stream.runCollect(store.readAll(Position.start, { tenantId: tenant, batchSize }))

const isIncreasing = (xs: ReadonlyArray<Recorded.RecordedEvent>) =>
  xs.every((e, i) => i === 0 || e.position > xs[i - 1]!.position)

// Every stream of `input` stored as given: versions 1..n, ids and payloads in order, positions
// increasing with versions, the stream's row at n.
const checkStored = (store: EventStore.Shape, input: ReadonlyArray<BulkImport.ImportStream>) =>
  Effect.forEach(input, (s) =>
    Effect.gen(function* () {
      const stored = yield* store.readStream(s.tenantId, s.streamId)
      assert.deepStrictEqual(
        stored.map((e) => [e.version, e.eventId, e.type, e.data]),
        s.events.map((e, i) => [i + 1, e.eventId, e.type, e.data]),
        `${s.streamId} as imported`
      )
      assert.ok(isIncreasing(stored), `${s.streamId}: positions follow versions`)
      assert.strictEqual(yield* store.streamVersion(s.tenantId, s.streamId), s.events.length)
    })
  )

const failure = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
  Effect.flip(effect).pipe(Effect.map((e) => e as BulkImport.ImportFailed))

/** The import's checks, as tests on the layer's store. */
export const registerImportChecks = (it: It) => {
  it.effect("imports many streams: versions 1..n, positions in order, the log reads each event once", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const tenant = tenantFor("many")
      // Uneven streams, batches of about 250 events over 3 connections, and one stream of 5,200
      // events: more than one INSERT in its transaction.
      const sizes = Array.from({ length: 60 }, (_, i) => 1 + ((i * 37) % 120))
      const input = [...streamsOf(tenant, "campaign:a", sizes), ...streamsOf(tenant, "campaign:big", [5_200])]
      const total = input.reduce((n, s) => n + s.events.length, 0)
      const imported = yield* BulkImport.run(input, { batchSize: 250, concurrency: 3 })
      assert.deepStrictEqual(imported, { streams: input.length, events: total })
      yield* checkStored(store, input)

      // The log: every event once, positions strictly increasing (pages of 97 cross every digit
      // boundary of the sequence), each stream in version order.
      const all = yield* readAll(store, tenant, 97)
      assert.strictEqual(all.length, total)
      assert.strictEqual(new Set(all.map((e) => `${e.streamId}/${e.eventId}`)).size, total, "no event twice")
      assert.ok(isIncreasing(all), "log order")
      const lastVersion = new Map<string, number>()
      for (const e of all) {
        assert.strictEqual(e.version, (lastVersion.get(e.streamId) ?? 0) + 1, `${e.streamId} in version order`)
        lastVersion.set(e.streamId, e.version)
      }
      assert.deepStrictEqual(
        (yield* readAll(store, tenant, 1_000)).map((e) => e.position),
        all.map((e) => e.position),
        "the same log whatever the page size"
      )
      // The streams' rows are where appends expect them.
      const next = yield* store.append(tenant, "campaign:a-0", sizes[0]!, events("after", 1))
      assert.strictEqual(next.version, sizes[0]! + 1)
    })
  )

  it.effect("keeps metadata: stream defaults, each event's own command id, actor and recorded time", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const tenant = tenantFor("metadata")
      const actor = { organizationId: "ldld-hn" as never, role: "executive" as const }
      const other = { organizationId: "cdcs-hn" as never, role: "executive" as const }
      const recordedAt = Date.parse("2019-05-01T08:30:00.123Z")
      const [first, second, third] = events("m", 3)
      yield* BulkImport.run([
        {
          tenantId: tenant,
          streamId: "campaign:m",
          metadata: { commandId: "migration", actor },
          events: [first!, { ...second!, commandId: "c-2", actor: other, recordedAt }, third!]
        }
      ])
      const stored = yield* store.readStream(tenant, "campaign:m")
      assert.deepStrictEqual(
        stored.map((e) => [e.commandId, e.actor]),
        [
          ["migration", actor],
          ["c-2", other],
          ["migration", actor]
        ]
      )
      assert.strictEqual(stored[1]!.recordedAt, recordedAt)
      assert.ok(Math.abs(stored[0]!.recordedAt - Date.now()) < 60_000, "the import's time by default")
      // A re-sent command finds the imported events, as it would have found appended ones.
      const resent = yield* store.append(tenant, "campaign:m", "any", [{ ...second!, eventId: "new-id" }], {
        commandId: "c-2"
      })
      assert.isTrue(resent.duplicate)
      assert.strictEqual(resent.events[0]!.eventId, second!.eventId)
    })
  )

  it.effect("refuses an existing stream: the batches before it are in, nothing of its batch or after it", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const tenant = tenantFor("existing")
      yield* store.append(tenant, "campaign:taken", "no-stream", events("taken", 2))
      const before = streamsOf(
        tenant,
        "campaign:before",
        Array.from({ length: 10 }, () => 10)
      )
      const taken: BulkImport.ImportStream = {
        tenantId: tenant,
        streamId: "campaign:taken",
        events: events("taken-again", 10)
      }
      const after = streamsOf(
        tenant,
        "campaign:after",
        Array.from({ length: 20 }, () => 10)
      )
      // Batches of 3 streams: [b0 b1 b2] [b3 b4 b5] [b6 b7 b8] [b9 taken a0] [a1 a2 a3] …, three at a
      // time, so batches after the failing one have written their events when it fails.
      const error = yield* failure(BulkImport.run([...before, taken, ...after], { batchSize: 25, concurrency: 3 }))
      assert.strictEqual(error._tag, "ImportFailed")
      assert.deepStrictEqual(error.imported, { streams: 9, events: 90 })
      assert.instanceOf(error.cause, StoreError.WrongExpectedVersion)
      assert.deepInclude(error.cause, { streamId: "campaign:taken", expected: "no-stream", actual: 2 })

      yield* checkStored(store, before.slice(0, 9))
      for (const s of [before[9]!, ...after])
        assert.strictEqual(yield* store.streamVersion(tenant, s.streamId), 0, `${s.streamId} not written`)
      assert.strictEqual(yield* store.streamVersion(tenant, "campaign:taken"), 2)
      const all = yield* readAll(store, tenant, 1_000)
      assert.strictEqual(all.length, 2 + 90, "the log holds the earlier stream and the prefix, nothing more")

      // Going on from the prefix, without the stream that exists, imports the rest.
      yield* BulkImport.run([before[9]!, ...after], { batchSize: 25, concurrency: 3 })
      yield* checkStored(store, [...before, ...after])
    })
  )

  it.effect("a stream twice in the input meets its first occurrence as an existing stream", () =>
    Effect.gen(function* () {
      const tenant = tenantFor("twice")
      const [x, y] = streamsOf(tenant, "campaign:x", [3, 4])
      const error = yield* failure(BulkImport.run([x!, y!, { ...x!, events: events("x-again", 2) }]))
      assert.deepStrictEqual(error.imported, { streams: 2, events: 7 })
      assert.deepInclude(error.cause, { _tag: "WrongExpectedVersion", streamId: x!.streamId, actual: 3 })
    })
  )

  it.effect(
    "refuses an event id twice in a stream, and a payload that is not JSON; nothing of the batch is written",
    () =>
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const tenant = tenantFor("refused")
        const [ok] = streamsOf(tenant, "campaign:ok", [2])
        const [e1, e2] = events("dup", 2)
        const duplicate = yield* failure(
          BulkImport.run([ok!, { tenantId: tenant, streamId: "campaign:dup", events: [e1!, e2!, { ...e1! }] }])
        )
        assert.deepStrictEqual(duplicate.imported, { streams: 0, events: 0 })
        assert.deepInclude(duplicate.cause, {
          _tag: "IdempotencyConflict",
          streamId: "campaign:dup",
          key: "event dup-1"
        })
        assert.strictEqual(yield* store.streamVersion(tenant, ok!.streamId), 0, "its batch is not written")

        const notJson = yield* failure(
          BulkImport.run([
            ok!,
            { tenantId: tenant, streamId: "campaign:bigint", events: [{ ...e1!, data: { n: BigInt(1) } }] }
          ])
        )
        assert.strictEqual(notJson.cause._tag, "InvalidInput")
        assert.strictEqual(yield* store.streamVersion(tenant, ok!.streamId), 0)

        // Whatever an append refuses, an import refuses too, and nothing of its batch is written.
        const refused: ReadonlyArray<readonly [BulkImport.ImportStream, string]> = [
          [
            {
              tenantId: tenant,
              streamId: "campaign:d",
              events: [{ ...e1!, data: { phaseId: "d", at: "2024-02-30" } }]
            },
            "InvalidInput"
          ],
          [
            {
              tenantId: tenant,
              streamId: "campaign:n",
              events: [{ ...e1!, data: { phaseId: "d\u0000", at: "2024-02-03" } }]
            },
            "InvalidInput"
          ],
          [{ tenantId: `${tenant}\ud800`, streamId: "campaign:k", events: [e1!] }, "InvalidInput"],
          [{ tenantId: tenant, streamId: "campaign:t", events: [{ ...e1!, type: "Unknown" }] }, "InvalidInput"],
          [
            {
              tenantId: tenant,
              streamId: "campaign:a",
              events: [e1!],
              metadata: { actor: { organizationId: "ldld\u0000" as never, role: "executive" } }
            },
            "InvalidInput"
          ],
          [
            {
              tenantId: tenant,
              streamId: "campaign:a2",
              events: [{ ...e1!, actor: { organizationId: "x".repeat(5000) as never, role: "executive" } }]
            },
            "LimitExceeded"
          ],
          [{ tenantId: tenant, streamId: "campaign:w", events: [{ ...e1!, recordedAt: Number.NaN }] }, "InvalidInput"],
          [
            {
              tenantId: tenant,
              streamId: "campaign:big",
              events: [{ ...e1!, type: Conformance.foreignType, data: { text: "x".repeat(Limits.eventBytes) } }]
            },
            "LimitExceeded"
          ]
        ]
        for (const [stream, tag] of refused) {
          const error = yield* failure(BulkImport.run([ok!, stream], { foreignTypes: [Conformance.foreignType] }))
          assert.strictEqual(error.cause._tag, tag, error.message)
          assert.strictEqual(yield* store.streamVersion(tenant, ok!.streamId), 0)
        }

        // A command id is the tenant's, across streams: one the tenant used before is refused.
        yield* store.append(tenant, "campaign:used", "no-stream", events("used", 1), { commandId: "cmd-used" })
        const reused = yield* failure(
          BulkImport.run([
            ok!,
            { tenantId: tenant, streamId: "campaign:r", events: [e1!], metadata: { commandId: "cmd-used" } }
          ])
        )
        assert.deepInclude(reused.cause, { _tag: "IdempotencyConflict", key: "command cmd-used" })
        assert.strictEqual(yield* store.streamVersion(tenant, ok!.streamId), 0)
        const twice = yield* failure(
          BulkImport.run([
            { ...ok!, metadata: { commandId: "cmd-twice" } },
            { tenantId: tenant, streamId: "campaign:r2", events: [e1!], metadata: { commandId: "cmd-twice" } }
          ])
        )
        assert.deepInclude(twice.cause, { _tag: "IdempotencyConflict", key: "command cmd-twice" })
        assert.strictEqual(yield* store.streamVersion(tenant, ok!.streamId), 0)
      })
  )

  it.effect("runs in the caller's transaction: rolled back with it, committed with it", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const sql = yield* SqlClient.SqlClient
      const tenant = tenantFor("transaction")
      const input = streamsOf(tenant, "campaign:t", [5, 5, 5])
      const rolledBack = yield* Effect.flip(
        sql.withTransaction(
          Effect.andThen(BulkImport.run(input, { batchSize: 5, concurrency: 3 }), Effect.fail("abort" as const))
        )
      )
      assert.strictEqual(rolledBack, "abort")
      assert.strictEqual((yield* readAll(store, tenant, 1_000)).length, 0)
      yield* sql.withTransaction(BulkImport.run(input, { batchSize: 5, concurrency: 3 }))
      yield* checkStored(store, input)
    })
  )

  it.effect("a subscriber following the log sees every imported event once, in order", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const tenant = tenantFor("subscriber")
      const seen: Array<Recorded.RecordedEvent> = []
      const subscriber = yield* Effect.forkChild(
        Stream.runForEach(store.subscribe(Position.start, { tenantId: tenant, batchSize: 100 }), (e) =>
          Effect.sync(() => {
            seen.push(e)
          })
        )
      )
      const input = streamsOf(
        tenant,
        "campaign:s",
        Array.from({ length: 40 }, (_, i) => 5 + (i % 17))
      )
      const total = input.reduce((n, s) => n + s.events.length, 0)
      // From a Stream, as a migration reads another system.
      yield* BulkImport.run(Stream.fromIterable(input), { batchSize: 60, concurrency: 2 })
      const deadline = Date.now() + 20_000
      while (seen.length < total && Date.now() < deadline) yield* Effect.sleep("20 millis")
      yield* Effect.sleep("300 millis")
      yield* Fiber.interrupt(subscriber)
      assert.strictEqual(seen.length, total)
      assert.ok(isIncreasing(seen), "log order")
      assert.deepStrictEqual(
        seen.map((e) => e.position),
        (yield* readAll(store, tenant, 1_000)).map((e) => e.position)
      )
    })
  )
}
