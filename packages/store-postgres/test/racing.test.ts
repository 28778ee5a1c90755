/**
 * The reliability suite of the "guarantees" issue on a PostgreSQL server, over real parallel
 * connections (see `racing.ts` for what each check asserts):
 *
 * - item 1: eight appends with one command id on one stream store one append (they were all
 *   stored), under "any", "stream-exists", an exact version, "no-stream" and a mix of them;
 * - item 2: one command id raced on eight streams of a tenant lands on one of them;
 * - a DVU-style verifier: 8 writers over hot streams of two tenants, every mode of expected
 *   version, re-sent command and event ids, a subscriber per tenant, checked against a ledger of
 *   every acknowledgement and against the tables themselves;
 * - the log keeps each stream in version order, whoever waited for the stream;
 * - eight command handlers contending for one campaign: none gives up.
 *
 * `concurrency.test.ts` races exact versions without command ids; this file does not repeat it.
 */
import { assert, describe, layer } from "@effect/vitest"
import { Conformance, EventStore, Position, type Recorded } from "@thidua/store"
import { Deferred, Effect, Fiber, Stream } from "effect"
import { SqlClient } from "effect/sql"
import {
  checkContention,
  checkTables,
  contend,
  contenders,
  raceCommandAcrossStreams,
  raceCommandIds,
  runVerifier
} from "./racing.js"
import { runServerSuites, serverStore } from "./support.js"

const probe = (eventId: string, data: Record<string, unknown> = {}): Recorded.NewEvent => ({
  eventId,
  type: Conformance.foreignType,
  data,
  schemaVersion: 1
})

// The events of the log that come after a later version of their own stream.
const outOfOrder = (log: ReadonlyArray<Recorded.RecordedEvent>) => {
  const highest = new Map<string, number>()
  const late: Array<string> = []
  for (const e of log) {
    const top = highest.get(e.streamId) ?? 0
    if (e.version < top) late.push(`${e.streamId}@${e.version} after @${top}`)
    else highest.set(e.streamId, e.version)
  }
  return late
}

describe.runIf(runServerSuites)("PostgresStore: command ids under racing writers", () => {
  layer(serverStore({ maxConnections: 12 }), { timeout: "120 seconds", excludeTestServices: true })("races", (it) => {
    it.effect("item 1: eight appends with one command id store one append, 20 rounds in every mode", () =>
      raceCommandIds(20)
    )

    it.effect("item 2: one command id raced on eight streams of a tenant lands on exactly one, 20 rounds", () =>
      raceCommandAcrossStreams(20)
    )

    it.effect("a DVU verifier: 8 writers × 150 appends over hot streams of two tenants agree with their ledger", () =>
      runVerifier("DVU on the server", { writers: 8, appendsPerWriter: 150, streamsPerTenant: 3 }, checkTables)
    )

    it.effect("the log keeps a stream in version order when writers queue for it with stream-exists", () =>
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const tenant = `order-${crypto.randomUUID()}`
        yield* store.append(tenant, "s", "no-stream", [probe("first")])
        for (let round = 0; round < 30; round++)
          yield* Effect.forEach(
            Array.from({ length: contenders }, (_, k) => k),
            (k) => store.append(tenant, "s", "stream-exists", [probe(`e-${round}-${k}`)]),
            { concurrency: "unbounded" }
          )
        const log = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant }))
        assert.strictEqual(log.length, 1 + 30 * contenders)
        assert.deepStrictEqual(outOfOrder(log).slice(0, 5), [], "versions in log order")
      })
    )

    it.effect("the log keeps a stream in version order when an append runs in an older transaction", () =>
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const sql = yield* SqlClient.SqlClient
        const tenant = `order-tx-${crypto.randomUUID()}`
        const started = yield* Deferred.make<void>()
        const appended = yield* Deferred.make<void>()
        // Another writer, outside the transaction: it creates the stream while the transaction runs.
        const other = yield* Effect.forkChild(
          Effect.gen(function* () {
            yield* Deferred.await(started)
            yield* store.append(tenant, "s", "no-stream", [probe("outside")])
            yield* Deferred.succeed(appended, undefined)
          })
        )
        // A host's transaction that wrote something of its own first, then appends at version 1.
        const result = yield* Effect.result(
          sql.withTransaction(
            Effect.gen(function* () {
              yield* sql`SELECT pg_current_xact_id()::text AS xid`
              yield* Deferred.succeed(started, undefined)
              yield* Deferred.await(appended)
              return yield* store.append(tenant, "s", 1, [probe("inside")])
            })
          )
        )
        yield* Fiber.join(other)
        const log = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant }))
        // Either the append is refused, or the log holds version 1 before version 2.
        if (result._tag === "Failure") assert.strictEqual(log.length, 1)
        assert.deepStrictEqual(
          log.map((e) => e.version),
          log.map((_, i) => i + 1),
          `the log: ${log.map((e) => `${e.eventId}@${e.version} ${e.position}`).join(", ")}`
        )
      })
    )

    it.effect("8 command handlers contending for one campaign: none gives up, every command lands once", () =>
      Effect.gen(function* () {
        const figures: Array<string> = []
        let gaveUpWithDefaults = 0
        for (let run = 1; run <= 2; run++) {
          const c = yield* contend(`contend-${crypto.randomUUID().slice(0, 8)}`, 8, 20, {})
          const gaveUp = checkContention(c, `defaults, run ${run}`)
          gaveUpWithDefaults += gaveUp
          figures.push(`defaults, run ${run}: ${gaveUp} of ${c.commands.length} gave up (${c.millis} ms)`)
        }
        // The old policy, for comparison: it gives up, but what it gives up leaves nothing behind.
        for (let run = 1; run <= 2; run++) {
          const c = yield* contend(`contend-${crypto.randomUUID().slice(0, 8)}`, 8, 20, { maxAttempts: 5, backoff: 0 })
          const gaveUp = checkContention(c, `maxAttempts 5, backoff 0, run ${run}`)
          figures.push(
            `{ maxAttempts: 5, backoff: 0 }, run ${run}: ${gaveUp} of ${c.commands.length} gave up (${c.millis} ms)`
          )
        }
        console.log(figures.join("\n"))
        assert.strictEqual(gaveUpWithDefaults, 0, figures.join("; "))
      })
    )
  })
})
