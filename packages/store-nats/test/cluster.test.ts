/**
 * The store on three nats-servers with routes between them, its groups' streams replicated three
 * times, while the server leading a group's stream is SIGKILLed and later started again. Writers,
 * each a store of its own as separate processes would have, race on a few hot streams with exact
 * expected versions and keep their own record of what was acknowledged; a subscriber follows the
 * log throughout. Nothing acknowledged may be lost, repeated or put out of order, nothing refused
 * may be written, and the subscriber must end with exactly the log.
 *
 * Before the crash, two things every writer of a cluster meets: a store that starts late reads
 * what the others wrote, and a store whose append is refused hears so while others keep writing.
 *
 * `THIDUA_SEED` replays a run's choices of streams and batch sizes (its timing is the machine's).
 */
import { assert, describe, it } from "@effect/vitest"
import { Conformance, type EventStore, Position, type Recorded, StoreError } from "@thidua/store"
import { Effect, Fiber, Stream } from "effect"
import { afterAll, beforeAll } from "vitest"
import { NatsStore } from "../src/index.js"
import {
  acknowledgedAfter,
  admin,
  checkLog,
  emptyLedger,
  figures,
  follow,
  type Ledger,
  readLog,
  type Subscribed,
  type Target,
  writer
} from "./support/cluster.js"
import { type Cluster, describeNats, startCluster, waitFor } from "./support/servers.js"
import { storeOptions } from "./support/store.js"

// This nats-server takes 4 to 9 s to elect a leader when one is killed: appends wait it out.
const options: NatsStore.Options = { ...storeOptions, retryFor: 60_000 }
const seed = Number(process.env.THIDUA_SEED ?? Date.now() % 2 ** 31)
const token = (id: string) => Buffer.from(id, "utf8").toString("base64url")
const seqOf = (e: Recorded.RecordedEvent) => NatsStore.parsePosition(e.position)![0]
const probe = (eventId: string): Recorded.NewEvent => ({
  eventId,
  type: Conformance.foreignType,
  data: {},
  schemaVersion: 1
})

/** Writers, each on a store of its own, until `stop`; `until` waits on them and gives up when one failed. */
const startWriters = (
  stores: ReadonlyArray<readonly [store: EventStore.Shape, targets: ReadonlyArray<Target>]>,
  prefix: string,
  ledger: Ledger
) =>
  Effect.gen(function* () {
    let running = true
    const failures: Array<unknown> = []
    const fiber = yield* Effect.forkChild(
      Effect.forEach(
        stores,
        ([store, targets], i) =>
          writer(store, `${prefix}${i + 1}`, targets, seed + i, ledger, () => running).pipe(
            Effect.catch((e) => Effect.sync(() => failures.push(e)))
          ),
        { concurrency: "unbounded", discard: true }
      )
    )
    const until = (done: () => boolean, what: string, timeoutMs: number) =>
      Effect.promise(() =>
        waitFor(done, {
          timeoutMs,
          what,
          intervalMs: 20,
          abort: () => (failures.length > 0 ? `a writer failed: ${String(failures[0])}` : undefined)
        })
      )
    // Each writer ends with the command in hand: it must be answered, and soon, once asked to stop.
    const stop = Effect.gen(function* () {
      running = false
      const joined = yield* Effect.timeoutOption(Fiber.join(fiber), "20 seconds")
      const pending = ledger.sent.filter((s) => s.outcome === "pending")
      assert.ok(
        joined._tag === "Some",
        `every writer's last command is answered within 20 s of the stop; still waiting: ${pending
          .map(
            (s) => `${s.commandId} (${s.tenant}/${s.stream}, sent ${Math.round(performance.now() - s.sentAt)} ms ago)`
          )
          .join(", ")}`
      )
      assert.deepStrictEqual(failures.map(String), [], "no writer failed")
    })
    return { until, stop }
  })

/** The events' ids and positions, in order: what a subscriber and a read must agree on. */
const idsAt = (events: ReadonlyArray<Recorded.RecordedEvent>) => events.map((e) => `${e.eventId}@${e.position}`)

/** Waits until each subscription has as many events as its tenant's log, then compares; the wait, in ms. */
const subscribersSawTheLog = (
  log: ReadonlyArray<Recorded.RecordedEvent>,
  subscribed: ReadonlyMap<string, Subscribed>,
  timeoutMs: number
) =>
  Effect.gen(function* () {
    const started = performance.now()
    const expected = new Map([...subscribed.keys()].map((t) => [t, log.filter((e) => e.tenantId === t)]))
    const behind = () =>
      [...subscribed]
        .filter(([t, s]) => s.events.length < expected.get(t)!.length)
        .map(([t, s]) => `${t} ${s.events.length} of ${expected.get(t)!.length}`)
    yield* Effect.promise(() =>
      waitFor(() => behind().length === 0, {
        timeoutMs,
        what: "the subscribers to catch up with the log",
        abort: () => {
          const failed = [...subscribed].find(([, s]) => s.failure !== undefined)
          return failed === undefined
            ? undefined
            : `the subscription of ${failed[0]} failed: ${String(failed[1].failure)}`
        }
      }).catch((error: unknown) => {
        throw new Error(`${error instanceof Error ? error.message : String(error)}; seen: ${behind().join(", ")}`)
      })
    )
    for (const [t, s] of subscribed)
      assert.deepStrictEqual(idsAt(s.events), idsAt(expected.get(t)!), `the subscriber of ${t} saw exactly its log`)
    return Math.round(performance.now() - started)
  })

const describeUnavailable = (ledger: Ledger) =>
  ledger.unavailable.size === 0 ? "" : ` (${[...ledger.unavailable].join("; ")})`

describeNats({ describe, it }, "NatsStore on a three-node cluster", () => {
  let cluster: Cluster
  beforeAll(async () => {
    cluster = await startCluster()
  }, 60_000)
  afterAll(() => cluster?.stop())
  const main = () => ({ servers: cluster.urls, groups: { main: { replicas: 3 } } }) satisfies NatsStore.Config

  it.live(
    "a store that starts late catches up at once with 300 appends of another, and reads them back",
    () =>
      Effect.gen(function* () {
        const tenant = `late-${crypto.randomUUID().slice(0, 8)}`
        const early = yield* NatsStore.make(main(), options)
        for (let v = 0; v < 300; v++) yield* early.append(tenant, "campaign:hm-2020", v, [probe(`e-${v + 1}`)])
        const late = yield* NatsStore.make(main(), options)
        let started = performance.now()
        const appended = yield* late.append(tenant, "campaign:hm-2020", 300, [probe("e-301")])
        const appendMs = performance.now() - started
        started = performance.now()
        const read = yield* late.readStream(tenant, "campaign:hm-2020")
        const readMs = performance.now() - started
        assert.strictEqual(appended.version, 301)
        assert.deepStrictEqual(
          read.map((e) => e.eventId),
          Array.from({ length: 301 }, (_, i) => `e-${i + 1}`)
        )
        // Both read 300 messages through one consumer: milliseconds' work, not a wait on the server.
        assert.isBelow(appendMs, 3_000, `the late store's first append took ${Math.round(appendMs)} ms`)
        assert.isBelow(readMs, 3_000, `readStream of 301 events took ${Math.round(readMs)} ms`)
      }),
    60_000
  )

  it.live(
    "an append whose expected version is gone is refused while another store keeps appending to the group",
    () =>
      Effect.gen(function* () {
        const tenant = `busy-${crypto.randomUUID().slice(0, 8)}`
        const busy = yield* NatsStore.make(main(), options)
        const other = yield* NatsStore.make(main(), options)
        yield* other.append(tenant, "campaign:dot-1", "no-stream", [probe("d-1")])
        let writing = true
        let appended = 0
        const until = performance.now() + 10_000
        const fiber = yield* Effect.forkChild(
          Effect.whileLoop({
            while: () => writing && performance.now() < until,
            body: () => busy.append(tenant, "campaign:hm-2020", "any", [probe(`b-${appended}`)]),
            step: () => {
              appended++
            }
          })
        )
        yield* Effect.promise(() =>
          waitFor(() => appended >= 50, { timeoutMs: 10_000, what: "50 appends of the busy store" })
        )
        const started = performance.now()
        const refused = yield* Effect.flip(other.append(tenant, "campaign:dot-1", 0, [probe("d-late")]))
        const refusedMs = performance.now() - started
        const busyMeanwhile = writing && performance.now() < until
        writing = false
        yield* Fiber.join(fiber)
        assert.instanceOf(refused, StoreError.WrongExpectedVersion)
        assert.strictEqual((refused as StoreError.WrongExpectedVersion).actual, 1)
        assert.ok(busyMeanwhile, "the busy store was still appending when the refusal came")
        assert.isBelow(refusedMs, 5_000, `the refusal took ${Math.round(refusedMs)} ms`)
      }),
    60_000
  )

  it.live(
    "four writers and a subscriber go on through a SIGKILL of their stream's leader and its restart; nothing acknowledged is lost, repeated or reordered",
    () =>
      Effect.gen(function* () {
        const run = crypto.randomUUID().slice(0, 8)
        const tenants = [`ha-noi-${run}`, `hai-phong-${run}`]
        const targets = tenants.flatMap((tenant) =>
          ["campaign:hm-2020", "campaign:dot-1"].map((stream) => ({ tenant, stream }))
        )
        const adm = yield* Effect.acquireRelease(
          Effect.promise(() => admin(cluster)),
          (a) => Effect.promise(() => a.close())
        )
        const stores = yield* Effect.forEach([1, 2, 3, 4], () => NatsStore.make(main(), options))
        const reader = yield* NatsStore.make(main(), options)
        const subscribed = new Map(tenants.map((t) => [t, { events: [] } as Subscribed]))
        for (const [t, s] of subscribed) yield* Effect.forkScoped(follow(reader, t, s))

        const ledger = emptyLedger()
        const started = performance.now()
        const writers = yield* startWriters(
          stores.map((s) => [s, targets] as const),
          "w",
          ledger
        )
        yield* writers.until(() => acknowledgedAfter(ledger, 0) >= 200, "200 appends before the kill", 30_000)

        const leader = yield* Effect.promise(() => adm.leaderOf("THIDUA_MAIN"))
        const killed = cluster.indexOf(leader)
        const killedAt = performance.now()
        yield* Effect.promise(() => cluster.kill(killed))
        yield* writers.until(
          () => acknowledgedAfter(ledger, killedAt) >= 100,
          "100 appends after the kill (a new leader)",
          40_000
        )
        const electedAt = performance.now()
        const elected = yield* Effect.promise(() => adm.leaderOf("THIDUA_MAIN"))
        assert.notStrictEqual(elected, leader)
        yield* Effect.sleep("1 second")
        yield* Effect.promise(() => cluster.restart(killed))
        const restartedAt = performance.now()
        yield* writers.until(
          () => acknowledgedAfter(ledger, restartedAt) >= 100 && performance.now() - restartedAt > 1_000,
          "100 appends after the restart",
          30_000
        )
        yield* writers.stop
        const stoppedAt = performance.now()

        // The group's whole log, then this test's tenants in it (the tests before wrote to it too).
        const all = yield* readLog(reader)
        const log = all.filter((e) => subscribed.has(e.tenantId))
        checkLog(ledger, log)
        const caughtUpIn = yield* subscribersSawTheLog(log, subscribed, 20_000)

        // The restarted server holds the whole log: a current replica, then the stream's leader
        // (which answers with its own store's state), and read through a store that knows no other
        // server. (An ordered consumer lives on any replica, so the read alone would prove little.)
        assert.strictEqual(new Set(log.map(seqOf)).size, ledger.sent.filter((s) => s.outcome === "acknowledged").length)
        const lastSeq = seqOf(all.at(-1)!)
        yield* Effect.promise(() => adm.caughtUp("THIDUA_MAIN", leader, lastSeq, 20_000))
        yield* Effect.promise(() => adm.leadFrom("THIDUA_MAIN", leader, 30_000))
        const info = yield* Effect.promise(() => adm.jsm.streams.info("THIDUA_MAIN"))
        assert.deepStrictEqual(
          [info.cluster?.leader, info.state.last_seq, info.state.messages],
          [leader, lastSeq, lastSeq],
          `${leader} leads THIDUA_MAIN and holds all of it`
        )
        const alone = yield* NatsStore.make(
          { ...main(), servers: cluster.urls[killed]!, connection: { ignoreClusterUpdates: true } },
          options
        )
        assert.deepStrictEqual(idsAt(yield* readLog(alone)), idsAt(all), `${leader} alone serves the whole log`)

        const f = figures(ledger, killedAt, stoppedAt)
        console.log(
          `cluster (seed ${seed}): ${f.acknowledged} appends acknowledged (${f.events} events) in ` +
            `${Math.round(stoppedAt - started)} ms, ${f.refused} refused (wrong expected version), ` +
            `${f.resends} re-sends${describeUnavailable(ledger)}, ${f.duplicates} acknowledged as duplicates; ` +
            `${leader} killed, ${elected} elected: no append acknowledged for ${f.longestSilenceMs} ms, ` +
            `100 acknowledged ${Math.round(electedAt - killedAt)} ms after the kill; the longest append took ` +
            `${f.longestAppendMs} ms; the subscribers ended ${caughtUpIn} ms after the writers`
        )
      }),
    75_000
  )

  it.live(
    "a tenant on a stream of its own: its appends land in THIDUA_BIG, its reads and subscription work, and its writers go on through a SIGKILL of that stream's leader",
    () =>
      Effect.gen(function* () {
        const big = "big-tenant"
        const other = `quang-ninh-${crypto.randomUUID().slice(0, 8)}`
        const config: NatsStore.Config = {
          servers: cluster.urls,
          groups: { main: { replicas: 3 }, big: { replicas: 3 } },
          place: (t) => (t === "big-tenant" ? "big" : "main")
        }
        const adm = yield* Effect.acquireRelease(
          Effect.promise(() => admin(cluster)),
          (a) => Effect.promise(() => a.close())
        )
        const reader = yield* NatsStore.make(config, options)
        // Two groups and no order across them: the log without a tenant is refused.
        const whole = yield* Effect.flip(Stream.runCollect(reader.readAll(Position.start)))
        assert.instanceOf(whole, StoreError.StoreUnavailable, "readAll without a tenant, on two groups")
        const bigTargets = ["campaign:a", "campaign:b"].map((stream) => ({ tenant: big, stream }))
        const subscribed = new Map([big, other].map((t) => [t, { events: [] } as Subscribed]))
        for (const [t, s] of subscribed) yield* Effect.forkScoped(follow(reader, t, s))

        const bigLedger = emptyLedger()
        const otherLedger = emptyLedger()
        const bigWriters = yield* startWriters(
          [
            [yield* NatsStore.make(config, options), bigTargets],
            [yield* NatsStore.make(config, options), bigTargets]
          ],
          "b",
          bigLedger
        )
        const otherWriters = yield* startWriters(
          [[yield* NatsStore.make(config, options), [{ tenant: other, stream: "campaign:a" }]]],
          "o",
          otherLedger
        )
        yield* bigWriters.until(() => acknowledgedAfter(bigLedger, 0) >= 100, "100 appends of big-tenant", 30_000)

        const leader = yield* Effect.promise(() => adm.leaderOf("THIDUA_BIG"))
        const mainLeader = yield* Effect.promise(() => adm.leaderOf("THIDUA_MAIN"))
        const killed = cluster.indexOf(leader)
        const killedAt = performance.now()
        yield* Effect.promise(() => cluster.kill(killed))
        yield* bigWriters.until(
          () => acknowledgedAfter(bigLedger, killedAt) >= 50,
          "50 appends of big-tenant after the kill",
          40_000
        )
        yield* Effect.promise(() => cluster.restart(killed))
        const restartedAt = performance.now()
        yield* bigWriters.until(
          () => acknowledgedAfter(bigLedger, restartedAt) >= 50,
          "50 appends of big-tenant after the restart",
          30_000
        )
        yield* bigWriters.stop
        yield* otherWriters.stop
        const stoppedAt = performance.now()

        const bigLog = yield* readLog(reader, big)
        const otherLog = yield* readLog(reader, other)
        checkLog(bigLedger, bigLog)
        checkLog(otherLedger, otherLog)
        for (const { stream } of bigTargets)
          assert.deepStrictEqual(
            idsAt(yield* reader.readStream(big, stream)),
            idsAt(bigLog.filter((e) => e.streamId === stream)),
            `readStream of ${stream}`
          )
        yield* subscribersSawTheLog([...bigLog, ...otherLog], subscribed, 20_000)
        // The election is waited out inside the store (retryFor is 60 s): no append of either
        // group failed as unavailable.
        assert.deepStrictEqual(
          [...bigLedger.unavailable, ...otherLedger.unavailable],
          [],
          "appends failed as unavailable"
        )

        // Where the messages are: big-tenant's in THIDUA_BIG, a subject per stream, none in
        // THIDUA_MAIN; the other tenant's in THIDUA_MAIN.
        const messagesOf = (stream: string) => new Set(bigLog.filter((e) => e.streamId === stream).map(seqOf)).size
        const inBig = yield* Effect.promise(() => adm.jsm.streams.info("THIDUA_BIG", { subjects_filter: ">" }))
        assert.deepStrictEqual(
          inBig.state.subjects,
          Object.fromEntries(
            bigTargets.map(({ stream }) => [`thidua.big.${token(big)}.${token(stream)}`, messagesOf(stream)])
          ),
          "big-tenant's messages in THIDUA_BIG, a subject a stream"
        )
        const bigInMain = yield* Effect.promise(() =>
          adm.jsm.streams.info("THIDUA_MAIN", { subjects_filter: `thidua.*.${token(big)}.>` })
        )
        assert.deepStrictEqual(bigInMain.state.subjects ?? {}, {}, "nothing of big-tenant in THIDUA_MAIN")
        const otherInMain = yield* Effect.promise(() =>
          adm.jsm.streams.info("THIDUA_MAIN", { subjects_filter: `thidua.main.${token(other)}.>` })
        )
        assert.deepStrictEqual(otherInMain.state.subjects ?? {}, {
          [`thidua.main.${token(other)}.${token("campaign:a")}`]: new Set(otherLog.map(seqOf)).size
        })

        const f = figures(bigLedger, killedAt, stoppedAt)
        const o = figures(otherLedger, killedAt, stoppedAt)
        console.log(
          `big-tenant (seed ${seed}): THIDUA_BIG led by ${leader}, THIDUA_MAIN by ${mainLeader}; ${leader} killed. ` +
            `big-tenant: ${f.acknowledged} appends acknowledged, ${f.refused} refused, ${f.resends} re-sends, ` +
            `no append acknowledged for ${f.longestSilenceMs} ms, the longest append took ${f.longestAppendMs} ms; ` +
            `${other} (main): ${o.acknowledged} appends acknowledged, longest silence ${o.longestSilenceMs} ms`
        )
      }),
    75_000
  )
})
