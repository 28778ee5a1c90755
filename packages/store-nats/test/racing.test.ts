/**
 * The racing suite of the guarantees issue (`store-postgres/test/racing.ts`, unchanged) on a
 * nats-server: eight connections, each with its own ledger, append at once, as eight processes
 * would; JetStream's condition on the group's last sequence is all that keeps them apart.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { Conformance, EventStore, Position, type Recorded } from "@thidua/store"
import { Effect, Stream } from "effect"
import {
  checkContention,
  contend,
  contenders,
  raceCommandAcrossStreams,
  raceCommandIds,
  runVerifier
} from "../../store-postgres/test/racing.js"
import { describeNats } from "./support/servers.js"
import { pooledOnServer } from "./support/store.js"

const probe = (eventId: string): Recorded.NewEvent => ({
  eventId,
  type: Conformance.foreignType,
  data: {},
  schemaVersion: 1
})

describeNats({ describe, it }, "NatsStore: command ids under racing writers on eight connections", () => {
  layer(pooledOnServer(8), { timeout: "180 seconds", excludeTestServices: true })("races", (it) => {
    it.effect("item 1: eight appends with one command id store one append, 20 rounds in every mode", () =>
      raceCommandIds(20)
    )

    it.effect("item 2: one command id raced on eight streams of a tenant lands on exactly one, 20 rounds", () =>
      raceCommandAcrossStreams(20)
    )

    it.effect("a DVU verifier: 8 writers × 100 appends over hot streams of two tenants agree with their ledger", () =>
      runVerifier("DVU on NATS", { writers: 8, appendsPerWriter: 100, streamsPerTenant: 3 })
    )

    it.effect("the log keeps a stream in version order when writers queue for it with stream-exists", () =>
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const tenant = `order-${crypto.randomUUID()}`
        yield* store.append(tenant, "s", "no-stream", [probe("first")])
        for (let round = 0; round < 20; round++)
          yield* Effect.forEach(
            Array.from({ length: contenders }, (_, k) => k),
            (k) => store.append(tenant, "s", "stream-exists", [probe(`e-${round}-${k}`)]),
            { concurrency: "unbounded" }
          )
        const log = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant }))
        assert.strictEqual(log.length, 1 + 20 * contenders)
        assert.deepStrictEqual(
          log.map((e) => e.version),
          log.map((_, i) => i + 1)
        )
      })
    )

    it.effect("8 command handlers contending for one campaign: none gives up, every command lands once", () =>
      Effect.gen(function* () {
        const c = yield* contend(`contend-${crypto.randomUUID().slice(0, 8)}`, 8, 20, {})
        assert.strictEqual(checkContention(c, "defaults"), 0)
      })
    )
  })
})
