/**
 * Moving tenants from PostgreSQL (embedded PGlite, and the server when `THIDUA_PG_URL` is set) to
 * a nats-server this file starts: the five seed campaigns copied and verified, then carried on by a
 * command handler on JetStream; a move stopped half-way and run again; tenants refused; writers
 * caught; checkpoints carried over. Each test moves to a JetStream stream of its own (a `name` of
 * its own), from one source loaded once.
 *
 * `THIDUA_MOVE_SCALE=1` adds the measurement of the docs (the Hà Nội drive at scale, to one server
 * and to a three-server cluster).
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { Command, Stream as Streams } from "@thidua/core"
import {
  CommandHandler,
  Conformance,
  EventStore,
  InMemoryStore,
  Position,
  Principal,
  type Recorded
} from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Seeds } from "@thidua/testing"
import { Context, Deferred, Effect, Fiber, Layer, Result, type Scope, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { runServerSuites, serverStore } from "../../store-postgres/test/support.js"
import { Move, NatsStore } from "../src/index.js"
import { describeNats, startCluster, startServer } from "./support/servers.js"
import { storeOptions } from "./support/store.js"

// ---------------------------------------------------------------------------------------------
// The source: the seeds run through a command handler on PostgreSQL, each but its last command

type Decoded = Command.DirectoryCommand | Command.CampaignCommand

const by = (c: Decoded) => ({ principal: Principal.trustClaim(c) })

interface Loaded {
  readonly seed: Seeds.Seed
  readonly tenantId: string
  readonly campaignStream: string
  readonly directory: ReadonlyArray<Command.DirectoryCommand>
  readonly campaign: ReadonlyArray<Command.CampaignCommand>
  /** The campaign's last command, kept back to be sent after the move. */
  readonly held: Command.CampaignCommand
  /** Appends the handler made. */
  readonly appends: number
}

const decode = (seed: Seeds.Seed) => ({
  directory: seed.directory.map((raw) => Result.getOrThrow(Command.decodeDirectory(raw))),
  campaign: seed.campaign.map((raw) => Result.getOrThrow(Command.decodeCampaign(raw)))
})

const load = (seed: Seeds.Seed, commands = decode(seed), hold = true) =>
  Effect.gen(function* () {
    const handler = yield* CommandHandler.make()
    let appends = 0
    for (const c of commands.directory) {
      const r = yield* handler.directory(c, by(c))
      if (!r.duplicate && r.events.length > 0) appends++
    }
    const sent = hold ? commands.campaign.slice(0, -1) : commands.campaign
    for (const c of sent) {
      const r = yield* handler.campaign(c, by(c))
      if (!r.duplicate && r.events.length > 0) appends++
    }
    const first = commands.campaign[0]!
    return {
      seed,
      tenantId: first.tenantId,
      campaignStream: Streams.campaign(first.campaignId),
      directory: commands.directory,
      campaign: commands.campaign,
      held: commands.campaign[commands.campaign.length - 1]!,
      appends
    } satisfies Loaded
  })

interface Loads {
  /** The nats-server of the file. */
  readonly nats: string
  readonly pg: EventStore.Shape
  readonly seeds: ReadonlyArray<Loaded>
}

class Fixture extends Context.Service<Fixture, Loads>()("test/MoveFixture") {}

const natsServer = Effect.acquireRelease(
  Effect.promise(() => startServer()),
  (server) => Effect.promise(() => server.stop())
)

const fixture = <E>(source: Layer.Layer<EventStore.EventStore | SqlClient.SqlClient, E>) =>
  Layer.effect(
    Fixture,
    Effect.gen(function* () {
      const server = yield* natsServer
      const pg = yield* EventStore.EventStore
      const seeds = yield* Effect.forEach(Seeds.all, (seed) => load(seed))
      return { nats: server.url, pg, seeds }
    })
  ).pipe(Layer.provideMerge(source))

// ---------------------------------------------------------------------------------------------
// Helpers

/** A JetStream stream of the test's own. */
const target = (nats: string): NatsStore.Config => ({ servers: nats, name: `m${crypto.randomUUID().slice(0, 8)}` })

const natsStore = (to: NatsStore.Config): Effect.Effect<EventStore.Shape, unknown, Scope.Scope> =>
  NatsStore.make(to, storeOptions)

const all = (store: EventStore.Shape, tenantId: string, after: Position.Position = Position.start) =>
  Stream.runCollect(store.readAll(after, { tenantId }))

/** A source whose log is what `edit` makes of it (readAll and readStream alike). */
const edited = (
  from: EventStore.Shape,
  edit: (e: Recorded.RecordedEvent) => Recorded.RecordedEvent | undefined
): EventStore.Shape => ({
  ...from,
  readAll: (after, options) =>
    from.readAll(after, options).pipe(
      Stream.map(edit),
      Stream.filter((e): e is Recorded.RecordedEvent => e !== undefined)
    ),
  readStream: (tenantId, streamId, fromVersion) =>
    Effect.map(from.readStream(tenantId, streamId, fromVersion), (events) =>
      events.flatMap((e) => {
        const x = edit(e)
        return x === undefined ? [] : [x]
      })
    )
})

/** A source that runs `effect` before it hands over the `n`th event (from 0) of its log. */
const tapped = (from: EventStore.Shape, n: number, effect: Effect.Effect<void, unknown>): EventStore.Shape => ({
  ...from,
  readAll: (after, options) =>
    from.readAll(after, options).pipe(
      // One event at a time: what comes before the `n`th has gone all the way through the move.
      Stream.rechunk(1),
      Stream.zipWithIndex,
      Stream.tap(([, i]) => (i === n ? Effect.orDie(effect) : Effect.void)),
      Stream.map(([e]) => e)
    )
})

const fail = <A>(effect: Effect.Effect<A, Move.MoveError>) =>
  Effect.map(Effect.flip(effect), (e) => {
    assert.instanceOf(e, Move.MoveError)
    return e
  })

/** Messages of a tenant's log on JetStream: events that are the first of theirs. */
const messages = (events: ReadonlyArray<Recorded.RecordedEvent>) =>
  events.filter((e) => NatsStore.parsePosition(e.position)![1] === 0).length

const probe = (eventId: string): Recorded.NewEvent => ({
  eventId,
  type: Conformance.foreignType,
  data: { note: eventId },
  schemaVersion: 1
})

const moveOf = (f: Loads, loaded: Loaded, to = target(f.nats)) =>
  Effect.gen(function* () {
    const digests = yield* Move.digestsFromSql(loaded.tenantId)
    const report = yield* Move.copyTenant({ from: f.pg, tenantId: loaded.tenantId, to, digests })
    return { to, digests, report }
  })

// ---------------------------------------------------------------------------------------------

const suite = <E>(name: string, source: Layer.Layer<EventStore.EventStore | SqlClient.SqlClient, E>) =>
  layer(fixture(source), { timeout: "180 seconds", excludeTestServices: true })(name, (it) => {
    it.effect("copies the five seed tenants, verifies them, and the campaigns go on on JetStream", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const to = target(f.nats)
        for (const loaded of f.seeds) {
          const { tenantId } = loaded
          const { digests, report } = yield* moveOf(f, loaded, to)
          const source = yield* all(f.pg, tenantId)
          // Every command the handler sent kept its fingerprint.
          assert.strictEqual(digests.size, loaded.appends)
          assert.strictEqual(report.appends, loaded.appends)
          assert.strictEqual(report.written, loaded.appends)
          assert.strictEqual(report.resumed, 0)
          assert.strictEqual(report.events, source.length)
          assert.strictEqual(report.streams, new Set(source.map((e) => e.streamId)).size)
          assert.isAbove(report.bytes, 0)

          // Read back on a store of its own: the same events, one message per append.
          const nats = yield* natsStore(to)
          const moved = yield* all(nats, tenantId)
          const fields = (e: Recorded.RecordedEvent) => [
            e.eventId,
            e.streamId,
            e.version,
            e.type,
            e.schemaVersion,
            JSON.stringify(e.data),
            e.recordedAt,
            e.commandId,
            JSON.stringify(e.actor)
          ]
          assert.deepStrictEqual(moved.map(fields), source.map(fields))
          assert.strictEqual(messages(moved), loaded.appends)
          // Positions of the new log sort after every position of the old one.
          const lastOld = source[source.length - 1]!.position
          assert.ok(moved.every((e) => e.position > lastOld))

          // The campaign goes on: the command held back lands after the moved events.
          const before = yield* nats.streamVersion(tenantId, loaded.campaignStream)
          const handler = yield* Effect.provideService(CommandHandler.make(), EventStore.EventStore, nats)
          const closed = yield* handler.campaign(loaded.held, by(loaded.held))
          assert.isFalse(closed.duplicate)
          assert.isAbove(closed.events.length, 0)
          assert.strictEqual(closed.version, before + closed.events.length)
          assert.strictEqual(yield* nats.streamVersion(tenantId, loaded.campaignStream), closed.version)
          assert.strictEqual((yield* handler.campaignState(tenantId, loaded.held.campaignId)).status, "Closed")
          // Commands sent before the move are duplicates after it, for this handler and a cold one.
          const plan = loaded.campaign[0]!
          const again = yield* handler.campaign(plan, by(plan))
          assert.isTrue(again.duplicate)
          assert.strictEqual(again.version, closed.version)
          const cold = yield* Effect.provideService(CommandHandler.make(), EventStore.EventStore, nats)
          const unit = loaded.directory[0]!
          assert.isTrue((yield* cold.directory(unit, by(unit))).duplicate)
          assert.isTrue((yield* cold.campaign(loaded.campaign[1]!, by(loaded.campaign[1]!))).duplicate)
          // The store answers by the fingerprint it was given: the same is a duplicate, another a conflict.
          const asked = yield* nats.append(tenantId, loaded.campaignStream, "any", [], {
            commandId: plan.commandId,
            commandDigest: CommandHandler.digest(plan)
          })
          assert.isTrue(asked.duplicate)
          assert.strictEqual(asked.commandDigest, CommandHandler.digest(plan))
          const other = yield* Effect.flip(
            nats.append(tenantId, loaded.campaignStream, "any", [], {
              commandId: plan.commandId,
              commandDigest: "PlanCampaign:0000000000000000"
            })
          )
          assert.strictEqual(other._tag, "IdempotencyConflict")
        }
      })
    )

    it.effect("a move stopped half-way goes on where it stopped when run again", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const loaded = f.seeds.find((s) => s.seed === Seeds.phucTho2024)!
        const to = target(f.nats)
        const digests = yield* Move.digestsFromSql(loaded.tenantId)
        const source = yield* all(f.pg, loaded.tenantId)
        const reached = yield* Deferred.make<void>()
        const half = Math.floor(source.length / 2)
        const stopping = tapped(f.pg, half, Effect.andThen(Deferred.succeed(reached, undefined), Effect.never))
        const fiber = yield* Effect.forkChild(
          Move.copyTenant({ from: stopping, tenantId: loaded.tenantId, to, digests })
        )
        yield* Deferred.await(reached)
        yield* Fiber.interrupt(fiber)

        const nats = yield* natsStore(to)
        const landed = yield* all(nats, loaded.tenantId)
        assert.isAbove(landed.length, 0)
        assert.isBelow(landed.length, half)
        const before = messages(landed)

        const report = yield* Move.copyTenant({ from: f.pg, tenantId: loaded.tenantId, to, digests })
        assert.strictEqual(report.resumed, before)
        assert.strictEqual(report.written, loaded.appends - before)
        assert.strictEqual(report.appends, loaded.appends)
        const moved = yield* all(nats, loaded.tenantId)
        assert.deepStrictEqual(
          moved.map((e) => e.eventId),
          source.map((e) => e.eventId)
        )
        // What the first run wrote is still where it was.
        assert.deepStrictEqual(moved.slice(0, landed.length), landed)

        // Run once more, it finds everything there and writes nothing.
        const third = yield* Move.copyTenant({ from: f.pg, tenantId: loaded.tenantId, to, digests })
        assert.strictEqual(third.resumed, loaded.appends)
        assert.strictEqual(third.written, 0)
        assert.strictEqual((yield* all(nats, loaded.tenantId)).length, source.length)
      })
    )

    it.effect("other tenants of the group go on writing during a move", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const loaded = f.seeds.find((s) => s.seed === Seeds.hoangMai2020)!
        const to = target(f.nats)
        const nats = yield* natsStore(to)
        const source = yield* all(f.pg, loaded.tenantId)
        let k = 0
        const busy: EventStore.Shape = {
          ...f.pg,
          readAll: (after, options) =>
            f.pg.readAll(after, options).pipe(
              Stream.rechunk(1),
              Stream.tap(() =>
                Effect.orDie(nats.append("another-tenant", "campaign:x", "any", [probe(`other-${k++}`)]))
              )
            )
        }
        const report = yield* Move.copyTenant({
          from: busy,
          tenantId: loaded.tenantId,
          to,
          digests: yield* Move.digestsFromSql(loaded.tenantId)
        })
        assert.strictEqual(report.appends, loaded.appends)
        // The other tenant's appends are between the moved tenant's messages in the group's stream.
        assert.isAtLeast(yield* nats.streamVersion("another-tenant", "campaign:x"), source.length)
      })
    )

    it.effect("refuses a tenant JetStream already holds other events of, and writes nothing", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const loaded = f.seeds.find((s) => s.seed === Seeds.hoangMai2020)!
        const { tenantId } = loaded
        const digests = yield* Move.digestsFromSql(tenantId)

        // Written by a host on JetStream before any move.
        const to = target(f.nats)
        const nats = yield* natsStore(to)
        yield* nats.append(tenantId, loaded.campaignStream, "no-stream", [probe("written-first")])
        const first = yield* fail(Move.copyTenant({ from: f.pg, tenantId, to, digests }))
        assert.strictEqual(first.code, "MOVE-WRITTEN")
        assert.strictEqual(first.reason, "written")
        assert.strictEqual(first.field, "subject")
        assert.strictEqual((yield* all(nats, tenantId)).length, 1)

        // A move whose source has changed since: the messages differ from the 10th append on.
        const moved = target(f.nats)
        yield* Move.copyTenant({ from: f.pg, tenantId, to: moved, digests })
        const source = yield* all(f.pg, tenantId)
        const changed = source[12]!
        const other = edited(f.pg, (e) => (e.eventId === changed.eventId ? { ...e, data: { ...e.data, x: 1 } } : e))
        const differs = yield* fail(Move.copyTenant({ from: other, tenantId, to: moved, digests }))
        assert.strictEqual(differs.code, "MOVE-WRITTEN")
        assert.strictEqual(differs.streamId, changed.streamId)
        assert.match(differs.field ?? "", /^message\.events\[\d+\]\.data$/)
        // The fingerprints are part of what is compared.
        const without = yield* fail(Move.copyTenant({ from: f.pg, tenantId, to: moved, digests: new Map() }))
        assert.strictEqual(without.field, "message.digest")

        // A tenant that went on on JetStream after its move: the source is behind, nothing is written.
        const store = yield* natsStore(moved)
        const handler = yield* Effect.provideService(CommandHandler.make(), EventStore.EventStore, store)
        yield* handler.campaign(loaded.held, by(loaded.held))
        const count = (yield* all(store, tenantId)).length
        const behind = yield* fail(Move.copyTenant({ from: f.pg, tenantId, to: moved, digests }))
        assert.strictEqual(behind.code, "MOVE-WRITTEN")
        assert.strictEqual(behind.field, "message")
        assert.strictEqual(behind.streamId, loaded.campaignStream)
        assert.strictEqual((yield* all(store, tenantId)).length, count)
      })
    )

    it.effect("a writer of the tenant during the move fails it, typed", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const loaded = f.seeds.find((s) => s.seed === Seeds.hoangMai2020)!
        const { tenantId } = loaded
        const digests = yield* Move.digestsFromSql(tenantId)
        const source = yield* all(f.pg, tenantId)
        const half = source.findIndex((e, i) => i > source.length / 2 && e.streamId === loaded.campaignStream)

        // On a stream the move has more to write to: its next message there is refused.
        const to = target(f.nats)
        const host = yield* natsStore(to)
        const writer = Effect.flatMap(host.streamVersion(tenantId, loaded.campaignStream), (v) =>
          host.append(tenantId, loaded.campaignStream, v, [probe("from-a-host")])
        )
        const conflict = yield* fail(Move.copyTenant({ from: tapped(f.pg, half, writer), tenantId, to, digests }))
        assert.strictEqual(conflict.code, "MOVE-CONFLICT")
        assert.strictEqual(conflict.streamId, loaded.campaignStream)
        assert.match(conflict.messages.vi, /tiến trình khác đã ghi/)

        // On a stream the move has done with: the verification finds it.
        const to2 = target(f.nats)
        const host2 = yield* natsStore(to2)
        const directory = Streams.directory(tenantId)
        const late = Effect.flatMap(host2.streamVersion(tenantId, directory), (v) =>
          host2.append(tenantId, directory, v, [probe("from-a-host")])
        )
        const mismatch = yield* fail(Move.copyTenant({ from: tapped(f.pg, half, late), tenantId, to: to2, digests }))
        assert.strictEqual(mismatch.code, "MOVE-MISMATCH")
        assert.strictEqual(mismatch.field, "eventId")
        assert.strictEqual(mismatch.target, JSON.stringify("from-a-host"))

        // During the verification, on a stream of its own, after the messages were counted: the
        // store's read of the log finds it.
        const to3 = target(f.nats)
        const host3 = yield* natsStore(to3)
        let pass = 0
        const verifying: EventStore.Shape = {
          ...f.pg,
          readAll: (after, options) =>
            Stream.unwrap(
              Effect.sync(() => {
                const reading = tapped(
                  f.pg,
                  0,
                  host3.append(tenantId, "note:while-verifying", "no-stream", [probe("while-verifying")])
                )
                return pass++ === 0 ? f.pg.readAll(after, options) : reading.readAll(after, options)
              })
            )
        }
        const during = yield* fail(Move.copyTenant({ from: verifying, tenantId, to: to3, digests }))
        assert.strictEqual(during.code, "MOVE-MISMATCH")
        assert.strictEqual(during.eventId, "while-verifying")
        assert.strictEqual(during.field, "event")
      })
    )

    it.effect("cuts the log into its appends by transaction", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const sql = yield* SqlClient.SqlClient
        const tenantId = `cuts-${crypto.randomUUID().slice(0, 8)}`
        const e = (n: number) => Array.from({ length: n }, () => probe(crypto.randomUUID()))
        // Two appends in one transaction (PostgreSQL takes one a stream in a transaction).
        yield* sql.withTransaction(
          Effect.andThen(
            f.pg.append(tenantId, "s", "no-stream", e(2), { commandId: "c-1" }),
            f.pg.append(tenantId, "t", "no-stream", e(1), { commandId: "c-2" })
          )
        )
        // Two without command ids, told apart by their transactions only: the source says all
        // were recorded in the same millisecond.
        yield* f.pg.append(tenantId, "s", 2, e(2))
        yield* f.pg.append(tenantId, "s", 4, e(1))
        yield* f.pg.append(tenantId, "t", 1, e(1))
        const sameTime = edited(f.pg, (x) => (x.tenantId === tenantId ? { ...x, recordedAt: 1_700_000_000_000 } : x))
        const to = target(f.nats)
        const report = yield* Move.copyTenant({ from: sameTime, tenantId, to })
        assert.strictEqual(report.appends, 5)
        assert.strictEqual(report.events, 7)
        assert.strictEqual(report.streams, 2)
        const moved = yield* all(yield* natsStore(to), tenantId)
        assert.deepStrictEqual(
          moved.map((x) => NatsStore.parsePosition(x.position)![1]),
          [0, 1, 0, 0, 1, 0, 0]
        )
      })
    )

    it.effect("an append larger than a message of the server is cut in messages; an event larger is refused", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const small = yield* Effect.acquireRelease(
          Effect.promise(() => startServer({ maxPayload: "65536" })),
          (server) => Effect.promise(() => server.stop())
        )
        const tenantId = `big-${crypto.randomUUID().slice(0, 8)}`
        const sized = (n: number): Recorded.NewEvent => ({
          ...probe(crypto.randomUUID()),
          data: { text: "x".repeat(n) }
        })
        yield* f.pg.append(tenantId, "s", "no-stream", [sized(30_000), sized(30_000), sized(30_000)], {
          commandId: "c-1"
        })
        const to: NatsStore.Config = { servers: small.url, name: "small" }
        const report = yield* Move.copyTenant({ from: f.pg, tenantId, to })
        assert.strictEqual(report.appends, 2)
        const moved = yield* all(yield* natsStore(to), tenantId)
        assert.deepStrictEqual(
          moved.map((e) => [NatsStore.parsePosition(e.position)![1], e.version, e.commandId]),
          [
            [0, 1, "c-1"],
            [1, 2, "c-1"],
            [0, 3, "c-1"]
          ]
        )
        const huge = sized(70_000)
        yield* f.pg.append(tenantId, "s", 3, [huge])
        const error = yield* fail(Move.copyTenant({ from: f.pg, tenantId, to }))
        assert.strictEqual(error.code, "MOVE-TOO-LARGE")
        assert.strictEqual(error.eventId, huge.eventId)
        assert.strictEqual(error.version, 4)
      })
    )

    it.effect("moves from the in-memory store too, its appends told apart by command id", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        // One clock reading for every append: the command ids alone cut the log.
        const memory = InMemoryStore.make({ now: () => 1_700_000_000_000 })
        const loaded = yield* Effect.provideService(load(Seeds.hoangMai2020), EventStore.EventStore, memory)
        const to = target(f.nats)
        const report = yield* Move.copyTenant({ from: memory, tenantId: loaded.tenantId, to })
        assert.strictEqual(report.appends, loaded.appends)
        const source = yield* all(memory, loaded.tenantId)
        const nats = yield* natsStore(to)
        const moved = yield* all(nats, loaded.tenantId)
        assert.strictEqual(messages(moved), loaded.appends)
        assert.strictEqual(report.translate(source[5]!.position), moved[5]!.position)
        // Without fingerprints, a command sent before the move is still known by its events.
        const handler = yield* Effect.provideService(CommandHandler.make(), EventStore.EventStore, nats)
        const plan = loaded.campaign[0]!
        assert.isTrue((yield* handler.campaign(plan, by(plan))).duplicate)
        assert.isFalse((yield* handler.campaign(loaded.held, by(loaded.held))).duplicate)
      })
    )

    it.effect("translate carries a checkpoint over: the new log read after it is the old one's rest", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const loaded = f.seeds.find((s) => s.seed === Seeds.namTuLiem2021)!
        const { tenantId } = loaded
        const { to, report } = yield* moveOf(f, loaded)
        const nats = yield* natsStore(to)
        const source = yield* all(f.pg, tenantId)
        const moved = yield* all(nats, tenantId)
        const ids = (events: ReadonlyArray<Recorded.RecordedEvent>) => events.map((e) => e.eventId)
        // Every event's position, and one just before it, which falls after the event before.
        for (const [k, e] of source.entries()) {
          assert.strictEqual(report.translate(e.position), moved[k]!.position)
          const [tx, gp] = PostgresStore.parsePosition(e.position)!
          const justBefore = PostgresStore.position(tx, (BigInt(gp) - 1n).toString())
          assert.strictEqual(report.translate(justBefore), k === 0 ? Position.start : moved[k - 1]!.position)
        }
        assert.strictEqual(report.translate(Position.start), Position.start)
        const end = PostgresStore.position("99999999999999999999", "0")
        assert.strictEqual(report.translate(end), moved[moved.length - 1]!.position)
        // A projection that had folded the old log to an event reads the rest, and only the rest.
        for (const k of [0, 1, 7, Math.floor(source.length / 2), source.length - 2, source.length - 1]) {
          const rest = yield* all(nats, tenantId, report.translate(source[k]!.position))
          assert.deepStrictEqual(ids(rest), ids(source.slice(k + 1)))
        }
      })
    )

    it.effect("translate over thousands of events, between another tenant's", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const memory = InMemoryStore.make({ foreignTypes: [Conformance.foreignType] })
        // Two tenants' appends in turn: the other's positions fall between the moved one's.
        for (let i = 0; i < 1500; i++) {
          yield* memory.append("moved", `s-${i % 3}`, "any", [probe(`a-${i}`), probe(`b-${i}`)])
          yield* memory.append("other", "s", "any", [probe(`o-${i}`)])
        }
        const to = target(f.nats)
        const report = yield* Move.copyTenant({ from: memory, tenantId: "moved", to })
        const source = yield* all(memory, "moved")
        const others = yield* all(memory, "other")
        const moved = yield* all(yield* natsStore(to), "moved")
        assert.strictEqual(report.events, 3000)
        for (const [k, e] of source.entries()) assert.strictEqual(report.translate(e.position), moved[k]!.position)
        // The other tenant's i-th append comes after the moved one's i-th (events 2i and 2i+1).
        for (const [i, o] of others.entries())
          assert.strictEqual(report.translate(o.position), moved[2 * i + 1]!.position)
      })
    )

    it.effect("verifyTenant names the first event that differs from the source, and the field", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const loaded = f.seeds.find((s) => s.seed === Seeds.hoanKiem2025)!
        const { tenantId } = loaded
        const { to, digests } = yield* moveOf(f, loaded)
        const verified = yield* Move.verifyTenant({ from: f.pg, tenantId, to, digests })
        const source = yield* all(f.pg, tenantId)
        assert.strictEqual(verified.events, source.length)
        // An append of one event, so that a change to it changes no other append.
        const k = source.findIndex(
          (e, i) =>
            i > 10 &&
            e.actor !== undefined &&
            e.commandId !== undefined &&
            source[i - 1]!.commandId !== e.commandId &&
            source[i + 1]?.commandId !== e.commandId
        )
        const at = source[k]!
        const cases: ReadonlyArray<readonly [string, (e: Recorded.RecordedEvent) => Recorded.RecordedEvent]> = [
          ["data", (e) => ({ ...e, data: { ...e.data, extra: true } })],
          ["type", (e) => ({ ...e, type: `${e.type}X` })],
          ["schemaVersion", (e) => ({ ...e, schemaVersion: e.schemaVersion + 1 })],
          ["recordedAt", (e) => ({ ...e, recordedAt: e.recordedAt + 1 })],
          ["actor", (e) => ({ ...e, actor: { ...e.actor!, organizationId: "someone-else" as never } })],
          ["eventId", (e) => ({ ...e, eventId: `${e.eventId}x` })],
          ["tenantId", (e) => ({ ...e, tenantId: `${e.tenantId}x` })]
        ]
        for (const [field, change] of cases) {
          const other = edited(f.pg, (e) => (e.eventId === at.eventId ? change(e) : e))
          const error = yield* fail(Move.verifyTenant({ from: other, tenantId, to, digests }))
          assert.strictEqual(error.code, "MOVE-MISMATCH", field)
          assert.strictEqual(error.field, field)
          assert.strictEqual(error.streamId, at.streamId)
          assert.strictEqual(error.version, at.version)
        }
        // A fingerprint is compared in the message, where it is kept.
        const command = at.commandId!
        const wrong = new Map(digests)
        wrong.set(command, { ...digests.get(command)!, digest: "x" })
        assert.strictEqual(
          (yield* fail(Move.verifyTenant({ from: f.pg, tenantId, to, digests: wrong }))).field,
          "message.digest"
        )
        // A stream's version as the source says it.
        const ahead: EventStore.Shape = {
          ...f.pg,
          streamVersion: (t, s) => Effect.map(f.pg.streamVersion(t, s), (v) => (s === at.streamId ? v + 1 : v))
        }
        assert.strictEqual(
          (yield* fail(Move.verifyTenant({ from: ahead, tenantId, to, digests }))).field,
          "streamVersion"
        )
      })
    )

    it.effect("a log read short of its end (held back on the source) fails the move's verification", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const loaded = f.seeds.find((s) => s.seed === Seeds.hanoiPeak2019)!
        const { tenantId } = loaded
        const source = yield* all(f.pg, tenantId)
        const last = source[source.length - 1]!
        // readAll stops before the last append, as a transaction held open on the server makes it;
        // readStream, which no horizon holds back, still has it.
        const short: EventStore.Shape = {
          ...f.pg,
          readAll: (after, options) =>
            f.pg.readAll(after, options).pipe(Stream.filter((e) => e.eventId !== last.eventId))
        }
        const error = yield* fail(
          Move.copyTenant({ from: short, tenantId, to: target(f.nats), digests: yield* Move.digestsFromSql(tenantId) })
        )
        assert.strictEqual(error.code, "MOVE-MISMATCH")
        assert.strictEqual(error.eventId, last.eventId)
        assert.strictEqual(error.field, "event")
      })
    )

    it.effect("a tenant placed on a group the config does not have is refused", () =>
      Effect.gen(function* () {
        const f = yield* Fixture
        const error = yield* fail(
          Move.copyTenant({
            from: f.pg,
            tenantId: f.seeds[0]!.tenantId,
            to: { ...target(f.nats), groups: { main: {} }, place: () => "hanoi" }
          })
        )
        assert.strictEqual(error.code, "MOVE-PLACEMENT")
        assert.match(error.message, /"hanoi"/)
      })
    )
  })

describeNats({ describe, it }, "Move.copyTenant", () => {
  suite("from PGlite", PostgresStore.layer({}, { foreignTypes: [Conformance.foreignType] }))
  if (runServerSuites) suite("from a PostgreSQL server", serverStore())
})

describeNats({ describe, it }, "Move.copyTenant of large appends", () => {
  // Fails on the store as it stands: its reads pull 200 messages at a time whatever their size, the
  // server drops the connection as a slow consumer (more than max_pending, 64 MB, waiting for it),
  // and the verification's readAll gives up after retryFor (see the move's report for the fix).
  it.live(
    "moves a tenant of 300 MB (messages of 7.6 MB) and reads it back",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const server = yield* natsServer
          const memory = InMemoryStore.make({ foreignTypes: [Conformance.foreignType] })
          const text = "x".repeat(1_900_000)
          for (let i = 0; i < 40; i++)
            yield* memory.append(
              "large",
              "s",
              i * 4,
              Array.from({ length: 4 }, () => ({ ...probe(crypto.randomUUID()), data: { text } })),
              { commandId: `c-${i}` }
            )
          const report = yield* Move.copyTenant({ from: memory, tenantId: "large", to: target(server.url) })
          assert.strictEqual(report.appends, 40)
          assert.strictEqual(report.events, 160)
          assert.isAbove(report.bytes, 300_000_000)
        })
      ),
    { timeout: 180_000 }
  )
})

// ---------------------------------------------------------------------------------------------
// The figures of docs/concepts/scaling.md, "What a move costs"

const measure = process.env.THIDUA_MOVE_SCALE === "1"

describeNats({ describe, it }, "Move.copyTenant at scale", () => {
  describe.runIf(measure)("the Hà Nội drive at scale (THIDUA_MOVE_SCALE=1)", () => {
    layer(runServerSuites ? serverStore() : PostgresStore.layer({}), {
      timeout: "1800 seconds",
      excludeTestServices: true
    })("scale", (it) => {
      it.effect(
        "copies and verifies about 30,000 appends to one server and to a cluster of three",
        () =>
          Effect.gen(function* () {
            const pg = yield* EventStore.EventStore
            const seed = Seeds.hanoiPeak2019
            const scaled = Seeds.atScale(seed)
            const t0 = performance.now()
            const loaded = yield* load(
              seed,
              {
                directory: scaled.directory.map((raw) => Result.getOrThrow(Command.decodeDirectory(raw))),
                campaign: scaled.campaign.map((raw) => Result.getOrThrow(Command.decodeCampaign(raw)))
              },
              false
            )
            const loadMs = performance.now() - t0
            const digests = yield* Move.digestsFromSql(loaded.tenantId)
            const server = yield* natsServer
            const cluster = yield* Effect.acquireRelease(
              Effect.promise(() => startCluster()),
              (c) => Effect.promise(() => c.stop())
            )
            const line = (what: string, r: Move.Report) =>
              `${what}: ${r.appends} appends, ${r.events} events, ${r.streams} streams, ${r.bytes} bytes; ` +
              `copy ${Math.round(r.copyMs)} ms (${Math.round(r.appends / (r.copyMs / 1000))} appends/s), ` +
              `verify ${Math.round(r.verifyMs)} ms (${Math.round(r.events / (r.verifyMs / 1000))} events/s)`
            const lines = [
              `source: ${runServerSuites ? "PostgreSQL server" : "PGlite"}, loaded in ${Math.round(loadMs)} ms`
            ]
            for (let round = 0; round < 2; round++) {
              const r1 = yield* Move.copyTenant({
                from: pg,
                tenantId: loaded.tenantId,
                to: target(server.url),
                digests
              })
              lines.push(line(`R1 #${round + 1}`, r1))
              const r3 = yield* Move.copyTenant({
                from: pg,
                tenantId: loaded.tenantId,
                to: { ...target(cluster.urls[0]!), servers: cluster.urls, groups: { main: { replicas: 3 } } },
                digests
              })
              lines.push(line(`R3 #${round + 1}`, r3))
              assert.strictEqual(r1.appends, loaded.appends)
              assert.strictEqual(r3.events, r1.events)
            }
            console.log(lines.join("\n"))
          }),
        { timeout: 1_800_000 }
      )
    })
  })
})
