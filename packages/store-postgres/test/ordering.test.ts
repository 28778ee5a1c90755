/**
 * Transactions that commit out of order on a PostgreSQL server. A transaction T1 is held open
 * on a connection of its own while T2 appends and commits: no reader may return T2's event until
 * T1 has ended, because T1's event would then land behind a position the reader has passed. When
 * T1 commits, a reader resuming from its checkpoint gets both, skipping nothing.
 */

import { PgClient } from "@effect/sql-pg"
import { assert, describe, layer } from "@effect/vitest"
import { EventStore, Position, type Recorded } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Deferred, Effect, Fiber, Redacted, Stream } from "effect"
import { Reactivity } from "effect/reactivity"
import { SqlClient } from "effect/sql"
import { runServerSuites, serverStore, TestDatabase } from "./support.js"

const event = (type: string): Recorded.NewEvent => ({
  eventId: crypto.randomUUID(),
  type,
  data: type === "PhaseOpened" ? { phaseId: "dot-1", at: "2020-01-02" } : { at: "2020-01-02" },
  schemaVersion: 1
})

// A second store on a connection of its own, whose transactions the test holds open.
const slowStore = Effect.gen(function* () {
  const { url } = yield* TestDatabase
  const client = yield* PgClient.makeClient({ url: Redacted.make(url) }).pipe(Effect.provide(Reactivity.layer))
  const store = yield* PostgresStore.make({ listen: false }).pipe(Effect.provideService(SqlClient.SqlClient, client))
  return { client, store }
})

const ids = (events: ReadonlyArray<Recorded.RecordedEvent>) => events.map((e) => e.eventId)

describe.runIf(runServerSuites)("PostgresStore with out-of-order commits", () => {
  layer(serverStore(), { timeout: "60 seconds", excludeTestServices: true })("visibility", (it) => {
    it.effect("an event committed while an older transaction is open is held back until that one ends", () =>
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const sql = yield* SqlClient.SqlClient
        const slow = yield* slowStore
        const tenant = `order-${crypto.randomUUID()}`
        const readAll = (after: Position.Position) => Stream.runCollect(store.readAll(after, { tenantId: tenant }))

        const e0 = event("CampaignLaunched")
        yield* store.append(tenant, "campaign:a", "no-stream", [e0])
        const before = yield* readAll(Position.start)
        assert.deepStrictEqual(ids(before), [e0.eventId])
        const checkpoint = before[0]!.position

        const seen: Array<Recorded.RecordedEvent> = []
        const subscriber = yield* Effect.forkChild(
          Stream.runForEach(store.subscribe(checkpoint, { tenantId: tenant }), (e) => Effect.sync(() => seen.push(e)))
        )

        // T1 appends and stays open; T2 appends after it and commits first.
        const inserted = yield* Deferred.make<void>()
        const release = yield* Deferred.make<void>()
        const e1 = event("CampaignEnded")
        const t1 = yield* Effect.forkChild(
          slow.client.withTransaction(
            Effect.gen(function* () {
              yield* slow.store.append(tenant, "campaign:slow", "no-stream", [e1])
              yield* Deferred.succeed(inserted, undefined)
              yield* Deferred.await(release)
            })
          )
        )
        yield* Deferred.await(inserted)
        const e2 = event("PhaseOpened")
        const [t2] = (yield* store.append(tenant, "campaign:fast", "no-stream", [e2])).events

        // The naive reader (by sequence only) already sees T2's event: the gap a poller would skip.
        const naive = yield* sql<{ event_id: string }>`SELECT event_id FROM thidua_events
          WHERE tenant_id = ${tenant} ORDER BY global_position`
        assert.deepStrictEqual(
          naive.map((r) => r.event_id),
          [e0.eventId, e2.eventId]
        )
        assert.deepStrictEqual(ids(yield* readAll(checkpoint)), [], "T2's event is held back while T1 is open")
        assert.ok(!ids(yield* Stream.runCollect(store.readAll(checkpoint))).includes(e2.eventId))
        yield* Effect.sleep("300 millis")
        assert.deepStrictEqual(ids(seen), [], "the subscriber does not pass T1 either")

        yield* Deferred.succeed(release, undefined)
        yield* Fiber.join(t1)
        const after = yield* readAll(checkpoint)
        assert.deepStrictEqual(ids(after), [e1.eventId, e2.eventId], "both, T1's first, nothing skipped")
        assert.strictEqual(after[1]!.position, t2!.position)
        const deadline = Date.now() + 10_000
        while (seen.length < 2 && Date.now() < deadline) yield* Effect.sleep("10 millis")
        assert.deepStrictEqual(ids(seen), [e1.eventId, e2.eventId])
        yield* Fiber.interrupt(subscriber)
      })
    )

    it.effect("a transaction that began first orders first, even when its insert comes after a later commit", () =>
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const slow = yield* slowStore
        const tenant = `order-${crypto.randomUUID()}`
        const readAll = () => Stream.runCollect(store.readAll(Position.start, { tenantId: tenant }))

        const started = yield* Deferred.make<void>()
        const proceed = yield* Deferred.make<void>()
        const e1 = event("CampaignEnded")
        const t1 = yield* Effect.forkChild(
          slow.client.withTransaction(
            Effect.gen(function* () {
              // Takes its transaction id now, before T2 exists.
              yield* slow.client`SELECT pg_current_xact_id()::text`
              yield* Deferred.succeed(started, undefined)
              yield* Deferred.await(proceed)
              return yield* slow.store.append(tenant, "campaign:slow", "no-stream", [e1])
            })
          )
        )
        yield* Deferred.await(started)
        const e2 = event("PhaseOpened")
        const [t2] = (yield* store.append(tenant, "campaign:fast", "no-stream", [e2])).events
        assert.deepStrictEqual(ids(yield* readAll()), [])
        yield* Deferred.succeed(proceed, undefined)
        const [r1] = (yield* Fiber.join(t1)).events
        // T1's row has the later sequence number but the older transaction: it sorts first.
        const gp = (p: Position.Position) => BigInt(PostgresStore.parsePosition(p)![1])
        assert.ok(gp(r1!.position) > gp(t2!.position))
        assert.ok(r1!.position < t2!.position)
        assert.deepStrictEqual(ids(yield* readAll()), [e1.eventId, e2.eventId])
      })
    )
  })
})
