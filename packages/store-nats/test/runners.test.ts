/**
 * Projections and the workflow runner, unchanged, on the NATS store. Their checkpoints stay in the
 * read model store (PostgreSQL: PGlite here, or a database of its own on `THIDUA_PG_URL`), the
 * runners' leases in `SqlLease` on the same database; JetStream holds the log only. Every
 * expectation comes from the same writes on the in-memory store, never from the NATS run itself.
 */
import { describe, expect, it, layer } from "@effect/vitest"
import {
  Inline,
  Projection,
  ProjectionError,
  ReadModelStore,
  ReadModels,
  Runner,
  SqlReadModelStore
} from "@thidua/projections"
import { CommandHandler, EventStore, InMemoryStore, Position, type Recorded, StoreError } from "@thidua/store"
import { Seeds } from "@thidua/testing"
import { CampaignCalendar, ProcessManager, SqlLease, Runner as Workflow } from "@thidua/workflow"
import { Effect, Exit, Fiber, Layer, Scope, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { TestClock } from "effect/testing"
import * as Echo from "../../workflow/test/twoProcesses/echo.js"
import { NatsStore } from "../src/index.js"
import {
  type Attempt,
  commandsOf,
  comparable,
  counted,
  counting,
  eventually,
  NatsServer,
  natsServer,
  noting,
  publishLog,
  readModels,
  send,
  sqlDatabase
} from "./support/runners.js"
import { describeNats } from "./support/servers.js"

const hoangMai = Seeds.hoangMai2020
const tenantId = hoangMai.tenantId
type Raw = { readonly _tag: string; readonly at: string; readonly [k: string]: unknown }

/** The log a read of these options reads, from the start. */
const logOf = (options: EventStore.ReadAllOptions) =>
  Effect.flatMap(Effect.service(EventStore.EventStore), (store) =>
    Stream.runCollect(store.readAll(Position.start, options))
  )

// ---------------------------------------------------------------------------------------------
// Projection runners

// The writes, in three parts: another tenant's campaign and the start of Hoàng Mai's; more of it
// while runners follow the log live; the rest once they are restarted on a new connection.
const own = commandsOf(hoangMai)
const parts: ReadonlyArray<ReadonlyArray<unknown>> = [
  [...commandsOf(Seeds.namTuLiem2021), ...own.slice(0, 20)],
  own.slice(20, 34),
  own.slice(34)
]
// Pages smaller than most appends of a command: checkpoints fall inside a message, and a runner
// resumes from the middle of one.
const batchSize = 5

/** Every read model's states after each part, as the same writes give them on the in-memory store. */
const expectedStates = (scope: { readonly tenantId?: string }) =>
  Effect.gen(function* () {
    const handler = yield* CommandHandler.make()
    const after: Array<ReadonlyArray<ReadonlyMap<string, unknown>>> = []
    for (const part of parts) {
      for (const c of part) yield* send(handler, c)
      after.push(yield* Effect.forEach(readModels, (p) => Effect.map(Runner.rebuild(p, scope), (r) => r.states)))
    }
    return after
  }).pipe(Effect.provide(InMemoryStore.layer))

/**
 * Writes the parts to a group of their own (`name`) on the server, with runners of every read
 * model over `scope` (a tenant, or the whole group), and checks them against the in-memory run:
 * a catch-up, then `Runner.run` following live appends, then a runner on a new connection that
 * resumes from the saved checkpoint and reads only what came after it.
 */
const runnersFollow = (name: string, scope: { readonly tenantId?: string }) =>
  Effect.gen(function* () {
    const { url } = yield* NatsServer
    const models = yield* ReadModelStore.ReadModelStore
    const expected = yield* expectedStates(scope)
    const config = { servers: url, name }
    const options = { ...scope, batchSize }
    // A runner of one tenant keeps a checkpoint of its own: its projection gets a name of its own.
    const projections = readModels.map((p) =>
      scope.tenantId === undefined ? p : { ...p, name: `${p.name}@${scope.tenantId}` }
    )
    const saved = Effect.forEach(projections, (p) => models.load(p.name, p.version))
    const savedStates = Effect.map(saved, (all) => all.map((s) => s?.states))

    // A first process: writes, catches up, then follows the log while more is written.
    yield* Effect.scoped(
      Effect.gen(function* () {
        const handler = yield* CommandHandler.make()
        const followers = yield* Effect.forEach(projections, (p) => Runner.follower(p, options))
        for (const c of parts[0]!) yield* send(handler, c)
        yield* Effect.forEach(projections, (p) => Runner.catchUp(p, options))
        expect(yield* savedStates, "caught up").toEqual(expected[0])
        yield* Effect.forEach(followers, (f) => f.catchUp)
        expect(followers.map((f) => f.states)).toEqual(expected[0])

        const running = yield* Effect.forEach(projections, (p) => Effect.forkChild(Runner.run(p, options)))
        for (const c of parts[1]!) yield* send(handler, c)
        const end = (yield* logOf(scope)).at(-1)!.position
        yield* eventually(
          "every runner to save the end of the log",
          Effect.map(saved, (all) => (all.every((s) => s?.position === end) ? true : undefined))
        )
        yield* Effect.forEach(running, Fiber.interrupt)
        expect(yield* savedStates, "followed live").toEqual(expected[1])
        yield* Effect.forEach(followers, (f) => f.catchUp)
        expect(followers.map((f) => f.states)).toEqual(expected[1])
      }).pipe(Effect.provideServiceEffect(EventStore.EventStore, NatsStore.make(config)))
    )

    // Restarted: a new connection, new runners; the read models and checkpoints are where they were.
    yield* Effect.scoped(
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const handler = yield* CommandHandler.make()
        const before = (yield* logOf(scope)).length
        for (const c of parts[2]!) yield* send(handler, c)
        const log = yield* logOf(scope)
        const reader = counted(store)
        yield* Effect.forEach(projections, (p) =>
          Runner.catchUp(p, options).pipe(Effect.provideService(EventStore.EventStore, reader.store))
        )
        // Each runner read what came after its checkpoint, and nothing before it.
        expect(reader.read()).toBe((log.length - before) * projections.length)
        expect(yield* savedStates, "resumed").toEqual(expected[2])
        expect((yield* saved).map((s) => s?.position)).toEqual(projections.map(() => log.at(-1)!.position))
        // And a rebuild from the start on this connection gives the same.
        expect(
          yield* Effect.forEach(readModels, (p) => Effect.map(Runner.rebuild(p, options), (r) => r.states))
        ).toEqual(expected[2])
      }).pipe(Effect.provideServiceEffect(EventStore.EventStore, NatsStore.make(config)))
    )
  })

// ---------------------------------------------------------------------------------------------
// The workflow runner

const utc = (iso: string) => Date.parse(iso)
// Two runners on real time, as in the workflow's two-process test: leases of 1.5 s renewed every
// 250 ms, each initiative applied 300 ms after it is recorded.
const ttl = 1500
const idle = 250
const delay = 300
const day = 86_400_000
const byCalendar = new Set(["OpenPhase", "ClosePhase"])
const people = (hoangMai.campaign as ReadonlyArray<Raw>).filter((c) => !byCalendar.has(c._tag))

/** A store on `now` (the clock of `recordedAt`); each call after the first is a new connection to the same log. */
type Connect = (now: () => number) => Effect.Effect<EventStore.Shape, StoreError.StoreUnavailable, Scope.Scope>

const inMemory = (): Connect => {
  let store: EventStore.Shape | undefined
  return (now) => Effect.sync(() => (store ??= InMemoryStore.make(new InMemoryStore.MemoryLog({ now }))))
}

/**
 * Hoàng Mai 2020 through the year on a TestClock, a day at a time (as the calendar's own tests
 * run it): the people's commands on their days, the phases opened and closed by the campaign
 * calendar, by a runner of the tenant (`tenantId`). The runner is down from 20/6 to 5/7 and comes
 * back on a new connection. At the end a runner that lost its checkpoints and timers ticks once
 * more. `recordedAt` follows the TestClock, so both stores record the same times.
 */
const calendarYear = (connect: Connect) =>
  Effect.gen(function* () {
    let wall = 0
    const setTime = (t: number) =>
      Effect.andThen(
        TestClock.setTime(t),
        Effect.sync(() => {
          wall = t
        })
      )
    let connection = yield* Scope.make()
    const open = Effect.gen(function* () {
      const store = yield* connect(() => wall).pipe(Scope.provide(connection))
      const on = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        Effect.provideService(effect, EventStore.EventStore, store)
      const handler = yield* on(CommandHandler.make({ backoff: 0 }))
      const runner = yield* on(Workflow.make({ managers: [CampaignCalendar.make()], tenantId }))
      return { on, handler, runner }
    })
    yield* setTime(utc("2019-12-01T01:00:00.000Z"))
    let at = yield* open
    for (const c of hoangMai.directory) yield* send(at.handler, c)
    const todo = [...people]
    let down = false
    for (let t = utc("2019-12-01T01:00:00.000Z"); t <= utc("2021-03-01T01:00:00.000Z"); t += day) {
      yield* setTime(t)
      const today = new Date(t + 7 * 3_600_000).toISOString().slice(0, 10)
      if (down && today >= "2020-07-05") {
        yield* Scope.close(connection, Exit.void)
        connection = yield* Scope.make()
        down = false
        at = yield* open
      }
      while (todo.length > 0 && todo[0]!.at <= today) yield* send(at.handler, todo.shift()!)
      if (today >= "2020-06-20" && today < "2020-07-05") down = true
      else yield* at.runner.tick
    }
    const forgetful = yield* at.on(
      Workflow.make({ managers: [CampaignCalendar.make()], tenantId }).pipe(
        Effect.provide(Layer.fresh(ReadModelStore.layerMemory))
      )
    )
    const again = yield* forgetful.tick
    const log = yield* at.on(logOf({ tenantId }))
    yield* Scope.close(connection, Exit.void)
    return { log, again }
  }).pipe(Effect.provide(Layer.mergeAll(TestClock.layer(), ReadModelStore.layerMemory)))

/** A manager of the test's own: it notes each phase opened, in the campaign's instance. */
const noter = ProcessManager.make<number>({
  name: "noter",
  version: 1,
  inputs: ["PhaseOpened"],
  route: (input) => input.streamId.slice("campaign:".length),
  initialState: 0,
  decide: () => ({ events: [{ _tag: "ProcessNoted", note: "seen", data: {} }] }),
  evolve: (n, step) => (step._tag === "Event" ? n + 1 : n)
})

// ---------------------------------------------------------------------------------------------

const phase = (phaseId: string): Recorded.NewEvent => ({
  eventId: `${phaseId}-${crypto.randomUUID()}`,
  type: "PhaseOpened",
  data: { phaseId, at: "2020-01-02" },
  schemaVersion: 1
})

/** Counts the phases opened, and throws on Đợt 9, which no campaign has. */
const picky = Projection.make({
  name: "test.picky",
  version: 1,
  init: () => ({ n: 0 }),
  handlers: {
    PhaseOpened: (s, e) => {
      if (e.phaseId === "dot-9") throw new Error("no ninth phase")
      s.n++
      return s
    }
  }
})

/** Every read model's inline states after each of Hoàng Mai 2020's commands, on a fresh store of `store`. */
const inlineRun = <E>(store: Layer.Layer<EventStore.EventStore, E>) =>
  Effect.scoped(
    Effect.gen(function* () {
      const handler = yield* CommandHandler.make()
      const inline = yield* Inline.InlineReadModels
      const events = yield* EventStore.EventStore
      for (const c of own) {
        yield* send(handler, c)
        // Read right after the command: its events are folded in the append that wrote them.
        const campaign = (c as Raw).campaignId
        if (typeof campaign !== "string") continue
        const counts = inline.states(counting).get(ReadModels.campaignKey(tenantId, campaign)) ?? {}
        const sum = Object.values(counts).reduce((a, b) => a + b, 0)
        expect(sum, JSON.stringify(c)).toBe(yield* events.streamVersion(tenantId, `campaign:${campaign}`))
      }
      return readModels.map((p) => new Map(inline.states(p)))
    }).pipe(Effect.provide(Inline.layer(readModels).pipe(Layer.provide(store))))
  )

// ---------------------------------------------------------------------------------------------

describeNats({ describe, it }, "Projections and workflows on the NATS store", () => {
  layer(Layer.mergeAll(natsServer, SqlReadModelStore.layer.pipe(Layer.provideMerge(sqlDatabase))), {
    timeout: "60 seconds",
    excludeTestServices: true
  })("runners on one server, read models and leases in SQL", (it) => {
    describe("projection runners: checkpoints in the read model store", () => {
      it.effect(
        "per tenant: catch-up, live follow and a restart on a new connection equal the in-memory run",
        () => runnersFollow("tenantrun", { tenantId }),
        60_000
      )
      it.effect(
        "the whole group: catch-up, live follow and a restart on a new connection equal the in-memory run",
        () => runnersFollow("grouprun", {}),
        60_000
      )

      it.effect(
        "a long log of one-event appends is caught up at the runner's default page size in moments",
        () =>
          Effect.scoped(
            Effect.gen(function* () {
              const { url } = yield* NatsServer
              // Most commands append one event: a page of 1,000 events is 1,000 messages, and a
              // year's log is millions of them.
              const appends = Array.from(
                { length: 20_000 },
                (_, i) => [`campaign:c-${i % 10}`, phase(`dot-${i}`)] as const
              )
              const expected = yield* Effect.gen(function* () {
                const store = yield* EventStore.EventStore
                for (const [streamId, event] of appends) yield* store.append("hanoi", streamId, "any", [event])
                return yield* Runner.rebuild(counting)
              }).pipe(Effect.provide(InMemoryStore.layer))
              const store = yield* NatsStore.make({ servers: url, name: "longlog" })
              yield* Effect.promise(() => publishLog(url, "longlog", "hanoi", appends))
              const started = Date.now()
              const caught = yield* Runner.catchUp({ ...counting, name: "test.counting@longlog" }).pipe(
                Effect.provideService(EventStore.EventStore, store),
                Effect.timeoutOrElse({
                  duration: "20 seconds",
                  orElse: () => Effect.fail(new Error("20,000 events not caught up within 20 s"))
                })
              )
              const took = Date.now() - started
              expect(caught.states).toEqual(expected.states)
              // Over 15,000 events a second from one local server on a loaded two-core machine; a
              // read the server filters by a wildcard subject went at about a thousand.
              expect(took, `20,000 events caught up in ${took} ms`).toBeLessThan(5000)
            })
          ),
        60_000
      )

      it.effect(
        "several groups: a runner of the whole log is refused; a runner per group reads through a store of that group alone",
        () =>
          Effect.scoped(
            Effect.gen(function* () {
              const { url } = yield* NatsServer
              const other = Seeds.namTuLiem2021
              // Hoàng Mai's tenant in group `a`, Nam Từ Liêm's in group `b`.
              const groups = { a: {}, b: {} }
              const place = (t: string) => (t === tenantId ? "a" : "b")
              const both = yield* NatsStore.make({ servers: url, name: "groups", groups, place })
              const handler = yield* CommandHandler.make().pipe(Effect.provideService(EventStore.EventStore, both))
              for (const c of [...own, ...commandsOf(other)]) yield* send(handler, c)
              const refused = yield* Effect.flip(
                Runner.catchUp({ ...counting, name: "test.counting@groups" }).pipe(
                  Effect.provideService(EventStore.EventStore, both)
                )
              )
              expect(refused._tag).toBe("StoreUnavailable")
              // The same writes of group b on the in-memory store: Nam Từ Liêm's alone.
              const expected = yield* Effect.gen(function* () {
                const memory = yield* CommandHandler.make()
                for (const c of commandsOf(other)) yield* send(memory, c)
                return yield* Effect.forEach(readModels, (p) => Effect.map(Runner.rebuild(p), (r) => r.states))
              }).pipe(Effect.provide(InMemoryStore.layer))
              const groupB = yield* NatsStore.make({ servers: url, name: "groups", groups: { b: {} } })
              const caught = yield* Effect.forEach(readModels, (p) =>
                Effect.map(Runner.catchUp({ ...p, name: `${p.name}@group-b` }, { batchSize }), (r) => r.states)
              ).pipe(Effect.provideService(EventStore.EventStore, groupB))
              expect(caught).toEqual(expected)
            })
          ),
        60_000
      )
    })

    describe("the workflow runner", () => {
      it.effect(
        "the campaign calendar through Hoàng Mai 2020's year: the same log as on the in-memory store, each command once",
        () =>
          Effect.gen(function* () {
            const { url } = yield* NatsServer
            const expected = yield* calendarYear(inMemory())
            const nats = yield* calendarYear((now) => NatsStore.make({ servers: url, name: "calendar" }, { now }))
            expect(comparable(nats.log)).toEqual(comparable(expected.log))
            const campaign = nats.log.filter((e) => e.streamId === "campaign:hoang-mai-2020")
            expect(
              campaign.filter((e) => e.type === "PhaseOpened" || e.type === "PhaseClosed").map((e) => e.data.phaseId)
            ).toEqual(["dot-1", "dot-1", "dot-2", "dot-2"])
            // Each command landed once: its events are one append, consecutive versions.
            const versions = new Map<string, Array<number>>()
            for (const e of campaign)
              if (e.commandId !== undefined)
                versions.set(e.commandId, [...(versions.get(e.commandId) ?? []), e.version])
            for (const [id, vs] of versions) expect(vs, id).toEqual(vs.map((_, i) => vs[0]! + i))
            // A runner with no checkpoints and no timers takes nothing again, sends nothing again.
            expect(nats.again).toEqual({ inputs: 0, timersFired: 0, commandsSent: 0, commandsRefused: 0 })
            expect(expected.again).toEqual(nats.again)
          }),
        60_000
      )

      it.effect(
        "two runners on their own connections share SqlLease: one works while it lives, the other takes over, each thing is done once",
        () =>
          Effect.scoped(
            Effect.gen(function* () {
              const { url } = yield* NatsServer
              const sql = yield* SqlClient.SqlClient
              const config = { servers: url, name: "tworunners" }
              const campaign = hoangMai.campaign as ReadonlyArray<Raw>
              const firstRecord = campaign.findIndex((c) => c._tag === "RecordInitiative")
              const template = campaign[firstRecord]!
              const campaignId = template.campaignId as string
              // The people's side: the campaign launched, Đợt 1 open, its units enrolled.
              const writer = yield* NatsStore.make(config)
              const handler = yield* CommandHandler.make().pipe(Effect.provideService(EventStore.EventStore, writer))
              for (const c of [...hoangMai.directory, ...campaign.slice(0, firstRecord)]) yield* send(handler, c)

              const attempts: Array<Attempt> = []
              const start = (holder: string) =>
                Effect.gen(function* () {
                  const store = noting(yield* NatsStore.make(config), holder, attempts)
                  const runner = yield* Workflow.make({ managers: [Echo.make(delay)] }).pipe(
                    Effect.provideService(EventStore.EventStore, store)
                  )
                  return yield* Effect.forkChild(runner.run({ holder, ttl, idle }))
                })
              const leases = sql<{ readonly name: string; readonly holder: string; readonly fence: string }>`
                SELECT name, holder, fence::text AS fence FROM thidua_leases ORDER BY name`.pipe(Effect.orDie)
              const a = yield* start("runner-a")
              yield* eventually(
                "runner-a to hold every part",
                Effect.map(leases, (rows) =>
                  rows.length === 3 && rows.every((r) => r.holder === "runner-a") ? true : undefined
                )
              )
              const b = yield* start("runner-b")
              const ids = Array.from({ length: 12 }, (_, i) => `hm2020-nats-${i}`)
              const applied = Effect.map(
                writer.readStream(tenantId, `campaign:${campaignId}`),
                (events) => events.filter((e) => e.type === "InitiativeApplied").length
              )
              const record = (initiativeId: string) =>
                send(handler, {
                  ...template,
                  commandId: `record-${initiativeId}`,
                  initiativeId,
                  at: Echo.day,
                  title: `Sáng kiến ${initiativeId}`
                }).pipe(Effect.andThen(Effect.sleep("50 millis")))
              for (const id of ids.slice(0, 6)) yield* record(id)
              yield* eventually(
                "the first six applied",
                Effect.map(applied, (n) => (n >= 6 ? true : undefined))
              )
              yield* Fiber.interrupt(a)
              const stopped = Date.now()
              for (const id of ids.slice(6)) yield* record(id)
              yield* eventually(
                "all twelve applied",
                Effect.map(applied, (n) => (n >= 12 ? true : undefined))
              )
              // A while longer, for anything done twice to show.
              yield* Effect.sleep(ttl)
              yield* Fiber.interrupt(b)

              // One at a time: runner-b asked for no append while runner-a lived, runner-a none after.
              expect(attempts.filter((x) => x.by === "runner-b" && x.at < stopped)).toEqual([])
              expect(attempts.filter((x) => x.by === "runner-a" && x.at > stopped)).toEqual([])
              expect(new Set(attempts.map((x) => x.by))).toEqual(new Set(["runner-a", "runner-b"]))
              // Each part passed from a to b once.
              expect((yield* leases).map((r) => [r.name, r.holder, r.fence])).toEqual([
                ["workflow:manager:echo", "runner-b", "2"],
                ["workflow:outbox", "runner-b", "2"],
                ["workflow:timers", "runner-b", "2"]
              ])

              const events = yield* writer.readStream(tenantId, `campaign:${campaignId}`)
              const process = yield* writer.readStream(tenantId, `process:echo:${campaignId}`)
              const ofType = (type: string) => process.filter((e) => e.type === type)
              const recorded = events.filter(
                (e) => e.type === "InitiativeRecorded" && ids.includes(e.data.initiativeId as string)
              )
              expect(recorded).toHaveLength(ids.length)
              // Each input taken once, its timer set and fired once, its command issued once and applied once.
              expect(
                ofType("InputReceived")
                  .map((e) => e.data.eventId)
                  .sort()
              ).toEqual(recorded.map((e) => e.eventId).sort())
              const timers = (type: string) =>
                ofType(type)
                  .map((e) => e.data.timerId as string)
                  .sort()
              const expectedTimers = ids.map((id) => `apply:${id}`).sort()
              expect(timers("TimerScheduled")).toEqual(expectedTimers)
              expect(timers("TimerFired")).toEqual(expectedTimers)
              const issued = ofType("CommandIssued").map((e) => e.data.commandId as string)
              expect(new Set(issued).size).toBe(ids.length)
              expect(ofType("CommandRefused")).toEqual([])
              const done = events.filter((e) => e.type === "InitiativeApplied")
              expect(done.map((e) => e.data.initiativeId).sort()).toEqual([...ids].sort())
              expect(done.map((e) => e.commandId).sort()).toEqual([...issued].sort())
            }).pipe(Effect.provide(SqlLease.layer))
          ),
        60_000
      )

      it.effect(
        "runners of one tenant each, on a store of two groups, sharing SqlLease with lease names of their tenant",
        () =>
          Effect.scoped(
            Effect.gen(function* () {
              const { url } = yield* NatsServer
              const sql = yield* SqlClient.SqlClient
              const seeds = [hoangMai, Seeds.phucTho2024]
              const config = {
                servers: url,
                name: "tenantrunners",
                groups: { a: {}, b: {} },
                place: (t: string) => (t === tenantId ? "a" : "b")
              }
              const writer = yield* NatsStore.make(config)
              const handler = yield* CommandHandler.make().pipe(Effect.provideService(EventStore.EventStore, writer))
              for (const seed of seeds) for (const c of commandsOf(seed)) yield* send(handler, c)
              // The phases each seed opens, as the same commands open them on the in-memory store.
              const expected = yield* Effect.gen(function* () {
                const memory = yield* CommandHandler.make()
                for (const seed of seeds) for (const c of commandsOf(seed)) yield* send(memory, c)
                return yield* Effect.forEach(seeds, (seed) =>
                  Effect.map(
                    logOf({ tenantId: seed.tenantId }),
                    (log) => log.filter((e) => e.type === "PhaseOpened").length
                  )
                )
              }).pipe(Effect.provide(InMemoryStore.layer))
              const running = yield* Effect.forEach(seeds, (seed) =>
                Effect.gen(function* () {
                  const store = yield* NatsStore.make(config)
                  const runner = yield* Workflow.make({ managers: [noter], tenantId: seed.tenantId }).pipe(
                    Effect.provideService(EventStore.EventStore, store)
                  )
                  return yield* Effect.forkChild(runner.run({ holder: `runner-${seed.name}`, ttl, idle }))
                })
              )
              const noted = Effect.forEach(seeds, (seed) =>
                Effect.map(
                  Stream.runCollect(writer.readAll(Position.start, { tenantId: seed.tenantId })),
                  (log) =>
                    log.filter((e) => e.streamId.startsWith("process:noter:") && e.type === "InputReceived").length
                )
              )
              const seen = yield* eventually(
                "each tenant's phases noted",
                Effect.map(noted, (n) => (n.every((k, i) => k === expected[i]) ? n : undefined))
              )
              yield* Effect.forEach(running, Fiber.interrupt)
              expect(seen).toEqual(expected)
              expect(expected.every((n) => n > 0)).toBe(true)
              const holders = yield* sql<{ readonly name: string; readonly holder: string }>`
                SELECT name, holder FROM thidua_leases WHERE name LIKE 'workflow:manager:noter@%' ORDER BY name`
              expect(holders.map((l) => [l.name, l.holder])).toEqual(
                seeds
                  .map((seed) => [`workflow:manager:noter@${seed.tenantId}`, `runner-${seed.name}`])
                  .sort((x, y) => (x[0]! < y[0]! ? -1 : 1))
              )
            }).pipe(Effect.provide(SqlLease.layer))
          ),
        60_000
      )
    })

    describe("Inline.layer over the NATS store", () => {
      it.effect(
        "each command's events are folded in its own append, as on the in-memory store; a new connection folds the log again",
        () =>
          Effect.gen(function* () {
            const { url } = yield* NatsServer
            const config = { servers: url, name: "inline" }
            const expected = yield* inlineRun(InMemoryStore.layer)
            expect(yield* inlineRun(NatsStore.layer(config))).toEqual(expected)
            // Built again on a new connection: the whole log folded at start gives the same.
            const again = yield* Effect.scoped(
              Effect.map(Inline.InlineReadModels, (inline) => readModels.map((p) => new Map(inline.states(p)))).pipe(
                Effect.provide(Inline.layer(readModels).pipe(Layer.provide(NatsStore.layer(config))))
              )
            )
            expect(again).toEqual(expected)
          }),
        60_000
      )

      it.effect(
        "an append that meets another connection's write is decided again and folded once",
        () =>
          Effect.scoped(
            Effect.gen(function* () {
              const { url } = yield* NatsServer
              const config = { servers: url, name: "inlineraced" }
              // Another process, writing to another tenant of the same group.
              const other = yield* NatsStore.make(config)
              let hooked = 0
              // The store under the inline layer, counting the calls of its hook.
              const counted = Layer.effect(
                EventStore.EventStore,
                Effect.map(NatsStore.make(config), (store) => ({
                  ...store,
                  append: (t, s, expected, events, metadata, options) =>
                    store.append(t, s, expected, events, metadata, {
                      ...options,
                      beforeCommit: (recorded) => {
                        hooked++
                        options?.beforeCommit?.(recorded)
                      }
                    })
                }))
              )
              yield* Effect.gen(function* () {
                const store = yield* EventStore.EventStore
                yield* store.append("hanoi", "campaign:c", "no-stream", [phase("dot-1")])
                // The group moves on behind this connection's back. Before it calls a hook the
                // store makes its ledger current (it reads what was written), so the hook is
                // called once, for the publish that lands.
                yield* other.append("hcm", "campaign:c", "no-stream", [phase("dot-1")])
                hooked = 0
                yield* store.append("hanoi", "campaign:c", 1, [phase("dot-2")])
                expect(hooked).toBe(1)
                expect(yield* ReadModels.get(counting, ReadModels.campaignKey("hanoi", "c"))).toEqual({
                  PhaseOpened: 2
                })
                expect(yield* store.streamVersion("hanoi", "campaign:c")).toBe(2)
              }).pipe(Effect.provide(Inline.layer([counting]).pipe(Layer.provide(counted))))
            })
          ),
        60_000
      )

      it.effect("a projection that throws refuses the append: the log and the read model stay as they were", () =>
        Effect.scoped(
          Effect.gen(function* () {
            const { url } = yield* NatsServer
            const config = { servers: url, name: "inlinerefused" }
            // Another process's view of the log, with no inline projection.
            const other = yield* NatsStore.make(config)
            const seen = Effect.map(Stream.runCollect(other.readAll(Position.start, { tenantId: "hanoi" })), (events) =>
              events.map((e) => e.data.phaseId)
            )
            yield* Effect.gen(function* () {
              const store = yield* EventStore.EventStore
              yield* store.append("hanoi", "campaign:c", "no-stream", [phase("dot-1")])
              const refused = yield* Effect.flip(
                store.append("hanoi", "campaign:c", 1, [phase("dot-2"), phase("dot-9")])
              )
              expect(refused).toBeInstanceOf(StoreError.AppendAborted)
              expect((refused as StoreError.AppendAborted).cause).toBeInstanceOf(ProjectionError.ProjectionFailed)
              expect(yield* store.streamVersion("hanoi", "campaign:c")).toBe(1)
              expect(yield* seen).toEqual(["dot-1"])
              expect(yield* ReadModels.get(picky, "all")).toEqual({ n: 1 })
              // The next append goes through, counted once.
              yield* store.append("hanoi", "campaign:c", 1, [phase("dot-2")])
              expect(yield* ReadModels.get(picky, "all")).toEqual({ n: 2 })
              expect(yield* seen).toEqual(["dot-1", "dot-2"])
            }).pipe(Effect.provide(Inline.layer([picky]).pipe(Layer.provide(NatsStore.layer(config)))))
          })
        )
      )
    })
  })
})
