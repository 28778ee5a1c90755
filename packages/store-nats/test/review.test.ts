/**
 * Defects a hostile review of the JetStream store found, one test each, named after the defect it
 * guards against: each failed on the store as it was, and passes with its fix.
 */
import { assert, describe, it } from "@effect/vitest"
import { jetstream, jetstreamManager } from "@nats-io/jetstream"
import { connect } from "@nats-io/transport-node"
import { Conformance, Position, type Recorded } from "@thidua/store"
import { Cause, Effect, Exit, Fiber, Option, type Scope, Stream } from "effect"
import { NatsStore } from "../src/index.js"
import * as Message from "../src/internal/message.js"
import { describeNats, type Server, startCluster, startServer, waitFor } from "./support/servers.js"
import { storeOptions } from "./support/store.js"

const probe = (eventId: string, data: Record<string, unknown> = {}): Recorded.NewEvent => ({
  eventId,
  type: Conformance.foreignType,
  data,
  schemaVersion: 1
})

const token = (id: string) => Buffer.from(id, "utf8").toString("base64url")

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

const open = (server: Server, config: Omit<NatsStore.Config, "servers"> = {}) =>
  NatsStore.make({ ...config, servers: server.url }, storeOptions)

/** A plain JetStream connection, as an operator's tool or another program would have. */
const client = (servers: string) =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      const nc = await connect({ servers })
      return { nc, js: jetstream(nc), jsm: await jetstreamManager(nc) }
    }),
    ({ nc }) => Effect.promise(() => nc.close())
  )

/** `count` one-event appends to `tenantId`'s stream `s`, as the store writes them, sent at once. */
const history = (js: ReturnType<typeof jetstream>, tenantId: string, count: number) =>
  Effect.promise(async () => {
    const subject = `thidua.main.${token(tenantId)}.${token("s")}`
    for (let i = 0; i < count; i += 500)
      await Promise.all(
        Array.from({ length: Math.min(500, count - i) }, (_, k) =>
          js.publish(
            subject,
            Message.encode(
              Message.body(
                tenantId,
                "s",
                i + k + 1,
                Date.now(),
                `n-${i + k}`,
                [probe(`e-${i + k}`, { pad: "x".repeat(200) })],
                { commandId: `c-${i + k}` }
              )
            )
          )
        )
      )
  })

describeNats({ describe, it }, "NatsStore: defects a hostile review found, each fixed", () => {
  it.live(
    "no responders: an append during a stream leader election fails at once instead of waiting for the new leader",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const cluster = yield* Effect.acquireRelease(
            Effect.promise(() => startCluster()),
            (c) => Effect.promise(() => c.stop())
          )
          const groups = { main: { replicas: 3 } }
          const setup = yield* NatsStore.make({ servers: [...cluster.urls], groups }, storeOptions)
          yield* setup.append("hn", "s", "no-stream", [probe("e-1")])
          const { jsm } = yield* client(cluster.urls[0]!)
          const leader = cluster.indexOf(
            (yield* Effect.promise(() => jsm.streams.info("THIDUA_MAIN"))).cluster!.leader!
          )
          // A store on a server that stays up: its connection never drops, only the leader goes.
          const store = yield* NatsStore.make({ servers: cluster.urls[(leader + 1) % 3]!, groups }, storeOptions)
          yield* store.append("hn", "s", 1, [probe("e-2")])
          yield* Effect.promise(() => cluster.kill(leader))
          // retryFor (30 s) covers an election (4 to 9 s here): the append waits for the new leader.
          const during = yield* Effect.exit(store.append("hn", "s", 2, [probe("e-3")]))
          assert.ok(
            Exit.isSuccess(during),
            `the append failed during the election: ${Exit.isFailure(during) ? Cause.pretty(during.cause).split("\n")[0] : ""}`
          )
        })
      ),
    120_000
  )

  it.live(
    "a message the store cannot read on a stream's subject: the stream's next append never ends and holds up the group",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const { js } = yield* client(server.url)
          // In a scope of its own: closing the store's connection is what ends the loop.
          const [stuck, other] = yield* Effect.scoped(
            Effect.gen(function* () {
              const store = yield* open(server)
              yield* store.append("hn", "s", "no-stream", [probe("e-1")])
              // Any program with publish rights on the subjects (a `nats pub`, another release).
              yield* Effect.promise(() => js.publish(`thidua.main.${token("hn")}.${token("s")}`, "not an append"))
              const stuck = yield* Effect.forkDetach(store.append("hn", "s", "any", [probe("e-2")]))
              const other = yield* Effect.forkDetach(store.append("another", "s", "any", [probe("o-1")]))
              yield* Effect.sleep("8 seconds")
              return [stuck.pollUnsafe(), other.pollUnsafe()] as const
            })
          )
          assert.ok(stuck !== undefined, "the append to the stream ended (with an answer or an error)")
          assert.ok(other !== undefined, "an append to another tenant of the group was not held up")
        })
      ),
    60_000
  )

  it.live(
    "a message the store cannot read as a stream's last: readStream and streamVersion say the stream is empty",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const { js } = yield* client(server.url)
          const store = yield* open(server)
          yield* store.append("hn", "s", "no-stream", [probe("e-1"), probe("e-2")])
          yield* Effect.promise(() => js.publish(`thidua.main.${token("hn")}.${token("s")}`, "not an append"))
          // The stream holds two events: say so, or fail; never "empty".
          const read = yield* Effect.exit(store.readStream("hn", "s"))
          assert.ok(Exit.isFailure(read) || read.value.length === 2, "readStream returned an empty stream")
          const version = yield* Effect.exit(store.streamVersion("hn", "s"))
          assert.ok(Exit.isFailure(version) || version.value === 2, "streamVersion returned 0")
        })
      )
  )

  it.live(
    "a read under way when its server restarts fails with 'consumer not found' instead of taking over",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const { js } = yield* client(server.url)
          const store = yield* open(server)
          // A stream long enough for a read to take a second: 30,000 appends, as the store writes them.
          yield* history(js, "big", 30_000)
          for (const read of [
            Effect.map(store.readStream("big", "s"), (events) => events.length),
            Stream.runCount(store.readAll(Position.start, { batchSize: 10_000 }))
          ]) {
            const reading = yield* Effect.forkChild(Effect.exit(read))
            yield* Effect.sleep("150 millis")
            yield* Effect.promise(() => server.kill())
            yield* Effect.promise(() => server.restart())
            const outcome = yield* Fiber.join(reading)
            assert.ok(
              Exit.isSuccess(outcome) && outcome.value === 30_000,
              `the read ${Exit.isFailure(outcome) ? `failed: ${Cause.pretty(outcome.cause).split("\n")[0]}` : `returned ${outcome.value} events`}`
            )
          }
        })
      ),
    60_000
  )

  it.live(
    "beforeCommit is called for an append the store then answers as a duplicate, with positions never committed",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const a = yield* open(server)
          const b = yield* open(server)
          yield* b.append("hn", "s", "no-stream", [probe("e-1")])
          // a writes twice behind b's back: b's ledger ends before both.
          yield* a.append("hn", "other", "no-stream", [probe("o-1")])
          const first = yield* a.append("hn", "s", 1, [probe("e-2")], { commandId: "c-1" })
          const hooked: Array<ReadonlyArray<Recorded.RecordedEvent>> = []
          const again = yield* b.append(
            "hn",
            "s",
            "any",
            [probe("e-2")],
            { commandId: "c-1" },
            { beforeCommit: (recorded) => void hooked.push(recorded) }
          )
          assert.strictEqual(again.duplicate, true)
          assert.deepStrictEqual(again.events, first.events)
          // Recorded.AppendOptions: "Not called for a duplicate". An inline projection keeps what
          // its hook folded when the append succeeds, duplicate or not.
          assert.deepStrictEqual(
            hooked.map((r) => r.map((e) => e.position)),
            [],
            `the hook saw e-2 at ${hooked[0]?.[0]?.position}; the log has it at ${first.events[0]!.position}`
          )
        })
      )
  )

  it.live(
    "a subscription stalls after a server restart: events appended afterwards wait tens of seconds",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const reader = yield* open(server)
          const writer = yield* open(server)
          const seen: Array<string> = []
          yield* Effect.forkChild(
            Stream.runForEach(reader.subscribe(Position.start, { tenantId: "hn" }), (e) =>
              Effect.sync(() => void seen.push(e.eventId))
            )
          )
          yield* writer.append("hn", "s", "no-stream", [probe("a-1")])
          yield* Effect.promise(() => waitFor(() => seen.length === 1, { timeoutMs: 10_000, what: "a-1" }))
          yield* Effect.promise(() => server.kill())
          yield* Effect.promise(() => server.restart())
          for (let i = 0; i < 4; i++) {
            yield* writer.append("hn", "s", "any", [probe(`b-${i}`)])
            yield* Effect.sleep("1 second")
          }
          // The store promises to take over after the last delivered message: a few seconds, not
          // two of the client's 15 s heartbeats.
          const all = yield* Effect.exit(
            Effect.promise(() => waitFor(() => seen.length >= 5, { timeoutMs: 8_000, what: "every event" }))
          )
          assert.ok(Exit.isSuccess(all), `delivered after the restart: ${seen.slice(1).join(", ")}`)
          assert.deepStrictEqual(seen, ["a-1", "b-0", "b-1", "b-2", "b-3"])
        })
      ),
    60_000
  )

  it.live(
    "a group's stream that exists with retention limits is taken as is: messages go, event ids can be appended again",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const { jsm } = yield* client(server.url)
          // Made by an operator, an earlier tool or a typo: the right subjects, a limit on messages.
          yield* Effect.promise(() =>
            jsm.streams.add({ name: "THIDUA_MAIN", subjects: ["thidua.main.>"], max_msgs: 2 } as never)
          )
          const opened = yield* Effect.exit(open(server))
          // Refusing the stream is a fix; so is keeping the guarantees on it.
          if (Exit.isFailure(opened)) return
          const store = opened.value
          for (const id of ["e-1", "e-2", "e-3"]) yield* store.append("hn", "s", "any", [probe(id)])
          const fresh = yield* open(server)
          const again = yield* fresh.append("hn", "s", "any", [probe("e-1")])
          assert.strictEqual(again.duplicate, true, "e-1 was appended a second time to the stream")
        })
      )
  )

  it.live(
    "a group's stream that exists with deletes allowed is taken as is: a message deleted frees its event ids for another append",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const { jsm } = yield* client(server.url)
          // The right subjects and no limits, but JetStream's defaults otherwise: deletes, purges allowed.
          yield* Effect.promise(() => jsm.streams.add({ name: "THIDUA_MAIN", subjects: ["thidua.main.>"] } as never))
          const opened = yield* Effect.exit(open(server))
          // Refusing the stream is a fix; so is keeping the guarantees on it.
          if (Exit.isFailure(opened)) return
          yield* opened.value.append("hn", "s", "no-stream", [probe("e-1")])
          yield* opened.value.append("hn", "s", 1, [probe("e-2")])
          // An operator's `nats stream rmm`, or any program with the API's rights.
          yield* Effect.promise(() => jsm.streams.deleteMessage("THIDUA_MAIN", 1))
          const fresh = yield* open(server)
          const again = yield* fresh.append("hn", "s", "any", [probe("e-1")])
          assert.strictEqual(again.duplicate, true, "e-1 was appended a second time to the stream")
        })
      )
  )

  it.live("an append whose body fits max_payload but whose headers do not fails with StoreUnavailable", () =>
    withServer(
      (server) =>
        Effect.gen(function* () {
          const store = yield* open(server)
          const max = 1024 * 1024
          // The body as the store writes it, with a 36-character nonce like its own.
          const size = (text: string) =>
            Message.encode(
              Message.body(
                "hn",
                "s",
                1,
                Date.now(),
                "00000000-0000-0000-0000-000000000000",
                [probe("big", { text })],
                {}
              )
            ).length
          const text = "x".repeat(max - 64 - size(""))
          assert.ok(size(text) <= max)
          const outcome = yield* Effect.exit(store.append("hn", "s", "no-stream", [probe("big", { text })]))
          // Over the limit is LimitExceeded, as for a body over it; within it, the append lands.
          const error = Exit.isFailure(outcome) ? Cause.findErrorOption(outcome.cause) : Option.none()
          assert.ok(
            Exit.isSuccess(outcome) || (Option.isSome(error) && error.value._tag === "LimitExceeded"),
            `failed with ${Option.isSome(error) ? `${error.value._tag}: ${error.value.message}` : "a defect"}`
          )
        }),
      { maxPayload: "1MB" }
    )
  )

  it.live("a place that throws: append dies with a defect, readAll and subscribe throw when called", () =>
    withServer((server) =>
      Effect.gen(function* () {
        const store = yield* open(server, {
          groups: { main: {}, big: {} },
          place: (tenantId) => {
            if (tenantId === "unknown") throw new Error("no such tenant in the directory")
            return "main"
          }
        })
        const appended = yield* Effect.exit(store.append("unknown", "s", "any", [probe("e-1")]))
        assert.ok(
          Exit.isFailure(appended) && Option.isSome(Cause.findErrorOption(appended.cause)),
          "append failed with a StoreError, not a defect"
        )
        const calls: Array<[string, () => Stream.Stream<unknown, unknown>]> = [
          ["readAll", () => store.readAll(Position.start, { tenantId: "unknown" })],
          ["subscribe", () => store.subscribe(Position.start, { tenantId: "unknown" })]
        ]
        for (const [name, call] of calls) {
          let stream: Stream.Stream<unknown, unknown> | undefined
          assert.doesNotThrow(() => {
            stream = call()
          }, `${name} threw when called, outside any Effect`)
          // Whatever it reads (nothing, or a typed failure), it must not die.
          const read = yield* Effect.exit(
            Stream.runCollect(stream!.pipe(Stream.take(1))).pipe(Effect.timeout("2 seconds"))
          )
          assert.ok(
            Exit.isSuccess(read) || Option.isSome(Cause.findErrorOption(read.cause)),
            `${name} died with a defect`
          )
        }
      })
    )
  )

  it.live(
    "a process that has not written to a group for a while reads every message the others wrote before its next append",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const { js } = yield* client(server.url)
          const idle = yield* open(server)
          yield* idle.append("hn", "s", "no-stream", [probe("e-1")])
          // Other processes write 100,000 appends (23 MB) to another tenant of the group.
          yield* history(js, "others", 100_000)
          const started = performance.now()
          yield* idle.append("hn", "s", 1, [probe("e-2")])
          const took = performance.now() - started
          // None of them concerns it: its tenant's own subjects say so in a request or two.
          assert.ok(took < 500, `the append took ${Math.round(took)} ms`)
        })
      ),
    180_000
  )

  it.live(
    "a process's first append to a tenant with a long history holds up its appends to every other tenant of the group",
    () =>
      withServer((server) =>
        Effect.gen(function* () {
          const { js } = yield* client(server.url)
          // The group's stream, made by a first store; then the big tenant's history.
          yield* open(server)
          yield* history(js, "big", 50_000)
          const store = yield* open(server)
          yield* store.append("small", "s", "no-stream", [probe("s-1")])
          // The big tenant's history is read at this process's first append to it: a second or more.
          const big = yield* Effect.forkChild(store.append("big", "s", "any", [probe("b-1")]))
          yield* Effect.sleep("20 millis")
          const started = performance.now()
          yield* store.append("small", "s", 1, [probe("s-2")])
          const took = performance.now() - started
          yield* Fiber.join(big)
          assert.ok(took < 300, `the small tenant's append waited ${Math.round(took)} ms`)
        })
      ),
    180_000
  )

  it.live(
    "a group asked for three replicas runs on an existing stream of one, without a word",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const cluster = yield* Effect.acquireRelease(
            Effect.promise(() => startCluster()),
            (c) => Effect.promise(() => c.stop())
          )
          const { jsm } = yield* client(cluster.urls[0]!)
          // Made before the group was given replicas (or by hand), otherwise as the store makes it.
          yield* Effect.promise(() =>
            jsm.streams.add({
              name: "THIDUA_MAIN",
              subjects: ["thidua.main.>"],
              num_replicas: 1,
              deny_delete: true,
              deny_purge: true
            } as never)
          )
          const opened = yield* Effect.exit(
            NatsStore.make({ servers: [...cluster.urls], groups: { main: { replicas: 3 } } }, storeOptions)
          )
          // Refusing the stream is a fix; so is giving it the replicas asked for.
          if (Exit.isFailure(opened)) return
          const info = yield* Effect.promise(() => jsm.streams.info("THIDUA_MAIN"))
          assert.strictEqual(info.config.num_replicas, 3, "the group's events are kept on one server")
        })
      ),
    120_000
  )
})
