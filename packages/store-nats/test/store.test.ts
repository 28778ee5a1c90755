/**
 * What the conformance suite cannot see of the JetStream store: several processes' ledgers on one
 * group (each store here has its own connection and ledger, as a process would), groups, the
 * server's payload limit, a closed store, positions.
 */
import { assert, describe, it } from "@effect/vitest"
import { Conformance, type EventStore, Position, type Recorded } from "@thidua/store"
import { Deferred, Effect, Exit, Fiber, type Scope, Stream } from "effect"
import { NatsStore } from "../src/index.js"
import { describeNats, type Server, startServer } from "./support/servers.js"
import { storeOptions } from "./support/store.js"

const probe = (eventId: string, data: Record<string, unknown> = {}): Recorded.NewEvent => ({
  eventId,
  type: Conformance.foreignType,
  data,
  schemaVersion: 1
})

const withServer = <A>(
  body: (server: Server) => Effect.Effect<A, unknown, Scope.Scope>,
  options: Parameters<typeof startServer>[0] = {}
) =>
  Effect.scoped(
    Effect.flatMap(
      Effect.acquireRelease(
        Effect.promise(() => startServer(options)),
        (server) => Effect.promise(() => server.stop())
      ),
      body
    )
  )

const open = (server: Server, config: Omit<NatsStore.Config, "servers"> = {}, options = storeOptions) =>
  NatsStore.make({ ...config, servers: server.url }, options)

describeNats({ describe, it }, "NatsStore: ledgers, groups and limits", () => {
  it.live(
    "a store whose ledger is behind answers from the log: versions, duplicates and command ids written by another",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const a = yield* open(server)
          const b = yield* open(server)
          // b learns the tenant first, then a writes behind its back.
          yield* b.append("hn", "s", "no-stream", [probe("e-1")])
          const first = yield* a.append("hn", "s", 1, [probe("e-2"), probe("e-3")], { commandId: "c-1" })
          yield* a.append("hn", "other", "no-stream", [probe("e-4")], { commandId: "c-2" })
          // The version the log is at, which b's ledger has not seen: taken, not refused from the ledger.
          assert.strictEqual((yield* b.append("hn", "s", 3, [probe("e-8")])).version, 4)
          yield* a.append("hn", "s", 4, [probe("e-9")])
          // A version that was right for b's ledger: refused with the log's version, not b's.
          const stale = yield* Effect.flip(b.append("hn", "s", 4, [probe("e-5")]))
          assert.strictEqual(stale._tag === "WrongExpectedVersion" && stale.actual, 5)
          // a's command, re-sent through b: a duplicate with a's events and the stream's version.
          const again = yield* b.append("hn", "s", "any", [probe("e-2"), probe("e-3")], { commandId: "c-1" })
          assert.strictEqual(again.duplicate, true)
          assert.deepStrictEqual(again.events, first.events)
          assert.strictEqual(again.version, 5)
          // a's command id on another stream, through b: a conflict naming a's stream.
          const conflict = yield* Effect.flip(b.append("hn", "s", "any", [probe("e-6")], { commandId: "c-2" }))
          assert.strictEqual(conflict._tag === "IdempotencyConflict" && conflict.first?.streamId, "other")
          // An empty append asks for the version: the log's, after a wrote once more.
          yield* a.append("hn", "s", 5, [probe("e-10")])
          assert.strictEqual((yield* b.append("hn", "s", "any", [])).version, 6)
          assert.deepStrictEqual(
            (yield* a.readStream("hn", "s")).map((e) => e.eventId),
            ["e-1", "e-2", "e-3", "e-8", "e-9", "e-10"]
          )
        })
      )
  )

  it.live("tenants placed on groups live on streams of their own; a store of several groups reads per tenant", () =>
    withServer((server) =>
      Effect.gen(function* () {
        const store = yield* open(server, {
          groups: { main: {}, big: {} },
          place: (t) => (t === "big-tenant" ? "big" : t === "lost" ? "nowhere" : "main")
        })
        yield* store.append("big-tenant", "s", "no-stream", [probe("b-1")])
        yield* store.append("small", "s", "no-stream", [probe("s-1"), probe("s-2")])
        // Each group's stream starts at sequence 1: the big tenant's event is the first of its own.
        const big = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: "big-tenant" }))
        assert.deepStrictEqual(
          big.map((e) => [e.eventId, e.position]),
          [["b-1", NatsStore.position(1, 0)]]
        )
        const small = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: "small" }))
        assert.deepStrictEqual(
          small.map((e) => e.position),
          [NatsStore.position(1, 0), NatsStore.position(1, 1)]
        )
        const across = yield* Effect.flip(Stream.runCollect(store.readAll(Position.start)))
        assert.strictEqual(across._tag, "StoreUnavailable")
        const nowhere = yield* Effect.flip(store.append("lost", "s", "any", [probe("x")]))
        assert.strictEqual(nowhere._tag === "InvalidInput" && nowhere.field, "tenantId")
        // A store of one group reads across its tenants, in one order.
        const one = yield* open(server, { name: "solo" })
        yield* one.append("a", "s", "no-stream", [probe("a-1")])
        yield* one.append("b", "s", "no-stream", [probe("b-1")])
        const all = yield* Stream.runCollect(one.readAll(Position.start))
        assert.deepStrictEqual(
          all.map((e) => e.tenantId),
          ["a", "b"]
        )
      })
    )
  )

  it.live("an append over the server's max_payload is refused with LimitExceeded and writes nothing", () =>
    withServer(
      (server) =>
        Effect.gen(function* () {
          const store = yield* open(server)
          const big = probe("big", { text: "x".repeat(1_100_000) })
          const error = yield* Effect.flip(store.append("hn", "s", "no-stream", [big]))
          assert.strictEqual(error._tag === "LimitExceeded" && error.limit, "appendBytes")
          assert.strictEqual(error._tag === "LimitExceeded" && error.max, 1024 * 1024)
          assert.strictEqual(yield* store.streamVersion("hn", "s"), 0)
          yield* store.append("hn", "s", "no-stream", [probe("small")])
          assert.strictEqual(yield* store.streamVersion("hn", "s"), 1)
        }),
      { maxPayload: "1MB" }
    )
  )

  it.live("positions: another store's is refused; the store's own read on after the event they name", () =>
    withServer((server) =>
      Effect.gen(function* () {
        const store = yield* open(server)
        yield* store.append("hn", "s", "no-stream", [probe("e-1"), probe("e-2"), probe("e-3")])
        yield* store.append("hn", "s", 3, [probe("e-4")])
        const all = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: "hn" }))
        // After the middle event of the first message: the rest of it, then the next message.
        const rest = yield* Stream.runCollect(store.readAll(all[1]!.position, { tenantId: "hn" }))
        assert.deepStrictEqual(
          rest.map((e) => e.eventId),
          ["e-3", "e-4"]
        )
        const foreign = yield* Effect.flip(
          Stream.runCollect(store.readAll("00000000000000000745:00000000000000000012" as Position.Position))
        )
        assert.strictEqual(foreign._tag, "StoreUnavailable")
        // Every position of this store sorts after every PostgreSQL and in-memory one.
        assert.ok(all[0]!.position > "99999999999999999999:99999999999999999999")
        assert.ok(all[0]!.position > Position.fromCount(Number.MAX_SAFE_INTEGER))
      })
    )
  )

  it.live("a subscription started before the first append gets every event, in order, as they come", () =>
    withServer((server) =>
      Effect.gen(function* () {
        const store = yield* open(server)
        const writer = yield* open(server)
        const fiber = yield* Effect.forkChild(
          Stream.runCollect(store.subscribe(Position.start, { tenantId: "hn" }).pipe(Stream.take(30)))
        )
        for (let i = 0; i < 10; i++)
          yield* writer.append("hn", `s-${i % 3}`, "any", [probe(`e-${i}-a`), probe(`e-${i}-b`), probe(`e-${i}-c`)])
        const seen = yield* Effect.timeout(Fiber.join(fiber), "20 seconds")
        assert.deepStrictEqual(
          seen.map((e) => e.eventId),
          Array.from({ length: 10 }, (_, i) => [`e-${i}-a`, `e-${i}-b`, `e-${i}-c`]).flat()
        )
      })
    )
  )

  it.live("a closed store fails at once, without waiting for a server", () =>
    withServer((server) =>
      Effect.gen(function* () {
        let closed: EventStore.Shape | undefined
        yield* Effect.scoped(
          Effect.map(open(server), (s): void => {
            closed = s
          })
        )
        const started = Date.now()
        const error = yield* Effect.flip(closed!.append("hn", "s", "any", [probe("late")]))
        assert.strictEqual(error._tag, "StoreUnavailable")
        assert.ok(Date.now() - started < 2_000, `failed after ${Date.now() - started} ms`)
      })
    )
  )

  it.live(
    "an append interrupted before it is sent sends nothing; once committing, the interrupt waits for its end",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const store = yield* open(server)
          // Eight megabytes keep the group busy for a while: the next append queues behind them.
          const big = Array.from({ length: 4 }, (_, i) => probe(`big-${i}`, { text: "x".repeat(1_900_000) }))
          const first = yield* Effect.forkChild(store.append("hn", "big", "no-stream", big))
          const queued = yield* Effect.forkChild(store.append("hn", "s", "no-stream", [probe("queued")]))
          // Queued behind the first: started, waiting its turn.
          yield* Effect.sleep("50 millis")
          yield* Fiber.interrupt(queued)
          yield* Fiber.join(first)
          assert.strictEqual(yield* store.streamVersion("hn", "s"), 0, "an interrupted, unsent append wrote nothing")
          // The next append of the process is not held up by the abandoned one.
          yield* store.append("hn", "s", "no-stream", [probe("next")])
          // Interrupted from its hook on: the interrupt returns once the message has landed.
          const hooked = yield* Deferred.make<void>()
          const committing = yield* Effect.forkChild(
            store.append(
              "hn",
              "big",
              4,
              big.map((e, i) => ({ ...e, eventId: `again-${i}` })),
              undefined,
              {
                beforeCommit: () => Deferred.doneUnsafe(hooked, Exit.void)
              }
            )
          )
          yield* Deferred.await(hooked)
          yield* Fiber.interrupt(committing)
          assert.strictEqual(yield* store.streamVersion("hn", "big"), 8, "the interrupt waited for the append to land")
        })
      )
  )
})
