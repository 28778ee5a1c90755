import { describe, expect, it } from "@effect/vitest"
import { ReadModelStore } from "@thidua/projections"
import { CommandHandler, EventStore, InMemoryStore } from "@thidua/store"
import { Seeds } from "@thidua/testing"
import { Effect, Fiber, Layer } from "effect"
import { TestClock } from "effect/testing"
import { CampaignCalendar, Lease, ProcessManager, Runner } from "../src/index.js"
import { all, type Cmd, echo, hoangMai, launched, send } from "./support.js"

const seed = Seeds.hoangMai2020
const campaignCommands = hoangMai
const rogueClose = (e: { phaseId: string }, tenantId: string): ProcessManager.Decision => ({
  commands: [
    {
      _tag: "ClosePhase",
      tenantId,
      campaignId: "hoang-mai-2020",
      actor: { organizationId: "cdcs-trung-thanh", role: "executive" },
      at: "2020-01-03",
      phaseId: e.phaseId
    } as ProcessManager.Issue
  ]
})

// What a hostile review of the runner found, each kept as the test that showed it.
describe("the runner under what hosts and managers get wrong", () => {
  // a refused command re-sent by a second runner (lost read models / raced outbox) re-appends
  // CommandRefused with a different `at` under the same event id -> IdempotencyConflict, forever.
  it.effect("a runner that rebuilt its read models re-sends a refused command without failing", () =>
    Effect.gen(function* () {
      const handler = yield* launched
      yield* send(handler, campaignCommands[4]!) // OpenPhase dot-1
      const rogue = echo("rogue", rogueClose)
      const models1 = yield* Layer.build(ReadModelStore.layerMemory)
      const first = yield* Runner.make({ managers: [rogue] }).pipe(Effect.provide(models1))
      expect((yield* first.tick).commandsRefused).toBe(1)
      yield* TestClock.adjust("1 millis")
      const models2 = yield* Layer.build(ReadModelStore.layerMemory)
      const second = yield* Runner.make({ managers: [rogue] }).pipe(Effect.provide(models2))
      const r1 = yield* Effect.result(second.tick)
      const r2 = yield* Effect.result(second.tick)
      expect([r1._tag, r2._tag]).toEqual(["Success", "Success"])
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  // per-tenant runners share the checkpoint names: tenant B's inputs are skipped.
  it.effect("two per-tenant runners over one read model store each take their tenant's events", () =>
    Effect.gen(function* () {
      const other = Seeds.hanoiPeak2019
      yield* TestClock.setTime(Date.parse("2020-01-02T03:00:00.000Z"))
      const handler = yield* CommandHandler.make({ backoff: 0 })
      for (const c of other.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
      for (const c of (other.campaign as ReadonlyArray<Cmd>).slice(0, 3)) yield* send(handler, c)
      yield* launched
      const calendar = CampaignCalendar.make()
      const hm = yield* Runner.make({ managers: [calendar], tenantId: seed.tenantId })
      const hn = yield* Runner.make({ managers: [calendar], tenantId: other.tenantId })
      yield* hm.tick
      yield* hn.tick
      const store = yield* EventStore.EventStore
      const hnStream = yield* store.readStream(other.tenantId, CampaignCalendar.streamOf(other.tenantId))
      const hmStream = yield* store.readStream(seed.tenantId, CampaignCalendar.streamOf(seed.tenantId))
      expect(hmStream.filter((e) => e.type === "InputReceived").length).toBeGreaterThan(0)
      expect(hnStream.filter((e) => e.type === "InputReceived").length).toBeGreaterThan(0)
    }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)))
  )

  // a timer set again, after it fired, at the same dueAt collides with the first firing's ids.
  it.effect("a timer id reused after firing, at the same dueAt, fires again", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2020-01-02T03:00:00.000Z"))
      const handler = yield* CommandHandler.make({ backoff: 0 })
      for (const c of seed.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
      for (const c of campaignCommands.slice(0, 3)) yield* send(handler, c)
      // On every PhaseScheduled: remind at a fixed instant (in the past), note when it fires.
      const reminder = ProcessManager.make<number>({
        name: "reminder",
        version: 1,
        inputs: ["PhaseScheduled"],
        route: (input) => input.tenantId,
        initialState: 0,
        decide: (_, input) =>
          input._tag === "Event"
            ? {
                timers: [
                  { _tag: "Schedule", timerId: "remind", dueAt: "2020-01-01T00:00:00.000Z" as never, reason: "r" }
                ]
              }
            : { events: [{ _tag: "ProcessNoted", note: "reminded", data: {} } as never] },
        evolve: (n) => n
      })
      const runner = yield* Runner.make({ managers: [reminder] })
      yield* runner.tick
      yield* TestClock.adjust("1 hour")
      yield* send(handler, campaignCommands[3]!) // second PhaseScheduled
      const r = yield* Effect.result(runner.tick)
      expect(r._tag).toBe("Success")
      const notes = (yield* all).filter((e) => e.type === "ProcessNoted")
      expect(notes.length).toBe(2)
    }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)))
  )

  // Same, but the clock did not move: the second firing is silently a "duplicate", the timer is lost.
  it.effect("a timer id reused after firing, same dueAt, same clock: fires again", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2020-01-02T03:00:00.000Z"))
      const handler = yield* CommandHandler.make({ backoff: 0 })
      for (const c of seed.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
      for (const c of campaignCommands.slice(0, 3)) yield* send(handler, c)
      const reminder = ProcessManager.make<number>({
        name: "reminder",
        version: 1,
        inputs: ["PhaseScheduled"],
        route: (input) => input.tenantId,
        initialState: 0,
        decide: (_, input) =>
          input._tag === "Event"
            ? {
                timers: [
                  { _tag: "Schedule", timerId: "remind", dueAt: "2020-01-01T00:00:00.000Z" as never, reason: "r" }
                ]
              }
            : { events: [{ _tag: "ProcessNoted", note: "reminded", data: {} } as never] },
        evolve: (n) => n
      })
      const runner = yield* Runner.make({ managers: [reminder] })
      yield* runner.tick
      yield* send(handler, campaignCommands[3]!)
      const r = yield* Effect.result(runner.tick)
      expect(r._tag).toBe("Success")
      const inst = yield* runner.instance(reminder, seed.tenantId, seed.tenantId)
      expect([...inst.pending.keys()]).toEqual([])
      expect((yield* all).filter((e) => e.type === "ProcessNoted").length).toBe(2)
    }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)))
  )

  // Poison route
  for (const [label, id] of [
    ["300 chars", "x".repeat(300)],
    ["NUL", "a\u0000b"],
    ["empty", ""]
  ] as const)
    it.effect(`a route to an instance id with ${label}`, () =>
      Effect.gen(function* () {
        const handler = yield* launched
        yield* send(handler, campaignCommands[4]!)
        const bad = ProcessManager.make<number>({
          name: "bad",
          version: 1,
          inputs: ["PhaseOpened"],
          route: () => id,
          initialState: 0,
          decide: () => ({}),
          evolve: (n) => n
        })
        const calendar = CampaignCalendar.make()
        const runner = yield* Runner.make({ managers: [bad, calendar] })
        const e1 = yield* Effect.result(runner.tick)
        expect(e1._tag).toBe("Failure")
        expect(e1._tag === "Failure" && (e1.failure as { _tag: string })._tag).toBe("ManagerFailed")
        expect(e1._tag === "Failure" && (e1.failure as { manager?: string }).manager).toBe("bad")
        // Nothing appended for the poison input.
        expect((yield* all).filter((e) => e.streamId.startsWith("process:bad"))).toEqual([])
      }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)))
    )

  // Split hosting: the outbox is one part; its holder sends every manager's commands, hosted
  // there or not (it once skipped the others' and moved the shared checkpoint past them).
  it.effect("two runners hosting different managers: every manager's commands are sent", () =>
    Effect.gen(function* () {
      const handler = yield* launched
      const a = echo("a", () => ({}))
      const b = echo("b", rogueClose)
      const ra = yield* Runner.make({ managers: [a] })
      const rb = yield* Runner.make({ managers: [b] })
      const options = { ttl: "3 days", idle: "1 day" } as const
      const fa = yield* Effect.forkChild(ra.run({ holder: "A", ...options }))
      // A holds the outbox (it came first); B hosts the manager that issues.
      yield* TestClock.adjust("1 second")
      const fb = yield* Effect.forkChild(rb.run({ holder: "B", ...options }))
      yield* TestClock.adjust("1 second")
      yield* send(handler, campaignCommands[4]!) // OpenPhase dot-1
      for (let i = 0; i < 5; i++) yield* TestClock.adjust("1 day")
      const events = yield* all
      expect(events.filter((e) => e.type === "CommandIssued").length).toBe(1)
      // b's ClosePhase is refused (rogue actor) -- as long as it is sent at all.
      expect(events.filter((e) => e.type === "CommandRefused").length).toBe(1)
      yield* Fiber.interrupt(fa)
      yield* Fiber.interrupt(fb)
    }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory, Lease.layerMemory)))
  )
})
