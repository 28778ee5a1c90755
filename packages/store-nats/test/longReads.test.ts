/**
 * Reads of more than a hundred messages, where the store pulls them from an ordered consumer: a
 * stream read whole, a tenant's page of the log, a ledger catching up with another process's
 * appends. A pull asked for by bytes alone is cut at 100 messages by the client, and the rest came
 * only after the pull expired (7.5 s for each further hundred): these reads must take a moment.
 */
import { assert, describe, it } from "@effect/vitest"
import { Conformance, Position, type Recorded } from "@thidua/store"
import { Effect, type Scope, Stream } from "effect"
import { NatsStore } from "../src/index.js"
import { describeNats, type Server, startServer } from "./support/servers.js"
import { storeOptions } from "./support/store.js"

const messages = 250
// Far below the 15 s that two expired pulls took, far above what 250 small messages take here.
const withinMs = 5_000

const probe = (eventId: string): Recorded.NewEvent => ({
  eventId,
  type: Conformance.foreignType,
  data: {},
  schemaVersion: 1
})

const withServer = <A>(body: (server: Server) => Effect.Effect<A, unknown, Scope.Scope>) =>
  Effect.scoped(
    Effect.flatMap(
      Effect.acquireRelease(
        Effect.promise(() => startServer()),
        (server) => Effect.promise(() => server.stop())
      ),
      body
    )
  )

const open = (server: Server) => NatsStore.make({ servers: server.url }, storeOptions)

/** Wall time of an effect, ms, with its value. */
const timed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const t0 = performance.now()
    const value = yield* effect
    return [value, performance.now() - t0] as const
  })

/** `messages` appends of one event each to `streamId`. */
const fill = (store: Effect.Success<ReturnType<typeof open>>, tenantId: string, streamId: string) =>
  Effect.forEach(
    Array.from({ length: messages }, (_, i) => i),
    (i) => store.append(tenantId, streamId, i === 0 ? "no-stream" : i, [probe(`e-${i}`)]),
    { discard: true }
  )

describeNats({ describe, it }, `NatsStore: reads of more than 100 messages`, () => {
  it.live(
    `reads a stream of ${messages} appends whole at once`,
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const store = yield* open(server)
          yield* fill(store, "hanoi", "campaign:long")
          const [events, ms] = yield* timed(store.readStream("hanoi", "campaign:long"))
          assert.deepStrictEqual(
            events.map((e) => e.version),
            Array.from({ length: messages }, (_, i) => i + 1)
          )
          assert.isBelow(ms, withinMs, `readStream of ${messages} messages took ${Math.round(ms)} ms`)
        })
      ),
    60_000
  )

  it.live(
    `reads a tenant's page of ${messages} messages at once`,
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const store = yield* open(server)
          yield* fill(store, "hanoi", "campaign:long")
          const [events, ms] = yield* timed(
            Stream.runCollect(store.readAll(Position.start, { tenantId: "hanoi", batchSize: 1_000 }))
          )
          assert.strictEqual(events.length, messages)
          assert.isBelow(ms, withinMs, `readAll of ${messages} messages took ${Math.round(ms)} ms`)
        })
      ),
    60_000
  )

  it.live(
    `appends at once after another process appended ${messages} messages to the group`,
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const behind = yield* open(server)
          const other = yield* open(server)
          // The ledger of `behind` knows its tenant up to here; `other` then writes past it.
          yield* behind.append("hanoi", "campaign:mine", "no-stream", [probe("m-0")])
          yield* fill(other, "hcm", "campaign:theirs")
          const [result, ms] = yield* timed(behind.append("hanoi", "campaign:mine", 1, [probe("m-1")]))
          assert.strictEqual(result.version, 2)
          assert.isBelow(ms, withinMs, `an append behind ${messages} messages took ${Math.round(ms)} ms`)
        })
      ),
    60_000
  )
})
