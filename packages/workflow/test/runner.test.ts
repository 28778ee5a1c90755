import { describe, expect, it } from "@effect/vitest"
import { ReadModelStore } from "@thidua/projections"
import { EventStore, InMemoryStore } from "@thidua/store"
import { Effect, Fiber, Layer } from "effect"
import { TestClock } from "effect/testing"
import { CampaignCalendar, Lease, type ProcessManager, Runner } from "../src/index.js"
import { all, echo, hoangMai, launched, send } from "./support.js"

// The guarantees of the runner, with small managers of the test's own and the calendar over the
// Hoàng Mai 2020 seed: nothing lost, nothing done twice, refusals recorded, failures typed.
const campaignCommands = hoangMai

const typesIn = (events: ReadonlyArray<{ readonly type: string; readonly streamId: string }>, prefix: string) =>
  events.filter((e) => e.streamId.startsWith(prefix)).map((e) => e.type)

// A store kept across runners, and read models (checkpoints, the timers projection) that can be
// thrown away: a runner that lost them must still do nothing twice.
const store = InMemoryStore.layer

describe("a runner stopped anywhere does nothing twice", () => {
  it.effect(
    "with its checkpoints and timers projection lost, a new runner appends no input and sends no command again",
    () =>
      Effect.gen(function* () {
        const models1 = yield* Layer.build(ReadModelStore.layerMemory)
        yield* launched
        const calendar = CampaignCalendar.make()
        const first = yield* Runner.make({ managers: [calendar] }).pipe(Effect.provide(models1))
        const report = yield* first.tick
        expect(report.commandsSent).toBe(1) // Đợt 1 opened
        const before = yield* all
        // Everything the read models held is gone; the store is as it was.
        const models2 = yield* Layer.build(ReadModelStore.layerMemory)
        const second = yield* Runner.make({ managers: [calendar] }).pipe(Effect.provide(models2))
        const again = yield* second.tick
        expect(again).toEqual({ inputs: 0, timersFired: 0, commandsSent: 0, commandsRefused: 0 })
        expect((yield* all).length).toBe(before.length)
      }).pipe(Effect.provide(store))
  )

  it.effect("timers overdue after downtime fire once each, in the order they fall due", () =>
    Effect.gen(function* () {
      yield* launched
      const runner = yield* Runner.make({ managers: [CampaignCalendar.make()] })
      yield* runner.tick
      // Down until 2021: Đợt 1 closes, Đợt 2 opens and closes, the review of Đợt 1 falls due.
      yield* TestClock.setTime(Date.parse("2021-02-01T00:00:00.000Z"))
      yield* runner.tick
      yield* runner.tick
      const fired = (yield* all).filter((e) => e.type === "TimerFired").map((e) => [e.data.timerId, e.data.dueAt])
      // In due order, each once; each phase's close decided after its opening took effect, each
      // review after its close (as the calendar's dates say: 30 days after a phase is over).
      expect(fired).toEqual([
        ["open:hoang-mai-2020:dot-1", "2019-12-31T17:00:00.000Z"],
        ["registration:hoang-mai-2020", "2020-02-01T17:00:00.000Z"],
        ["close:hoang-mai-2020:dot-1", "2020-06-30T17:00:00.000Z"],
        ["open:hoang-mai-2020:dot-2", "2020-06-30T17:00:00.000Z"],
        ["review:hoang-mai-2020:dot-1", "2020-07-30T17:00:00.000Z"],
        ["close:hoang-mai-2020:dot-2", "2020-12-31T17:00:00.000Z"],
        ["review:hoang-mai-2020:dot-2", "2021-01-30T17:00:00.000Z"]
      ])
      expect(typesIn(yield* all, "campaign:").filter((t) => t === "PhaseOpened" || t === "PhaseClosed")).toEqual([
        "PhaseOpened",
        "PhaseClosed",
        "PhaseOpened",
        "PhaseClosed"
      ])
      const missed = (yield* all).filter((e) => e.type === "DeadlineMissed").map((e) => e.data.deadline)
      expect(missed).toEqual(["review:hoang-mai-2020:dot-1", "review:hoang-mai-2020:dot-2"])
    }).pipe(Effect.provide(Layer.mergeAll(store, ReadModelStore.layerMemory)))
  )
})

describe("what a manager gets wrong is recorded or typed, never lost and never half done", () => {
  const opened = Effect.gen(function* () {
    const handler = yield* launched
    yield* send(handler, campaignCommands[4]!) // OpenPhase dot-1
    return handler
  })

  it.effect("a command core refuses is recorded once as CommandRefused, with its rule and both messages", () =>
    Effect.gen(function* () {
      yield* opened
      // A grassroots union may not close its federation's phase.
      const rogue = echo("rogue", (e, tenantId) => ({
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
      }))
      const runner = yield* Runner.make({ managers: [rogue] })
      const report = yield* runner.tick
      expect(report.commandsRefused).toBe(1)
      yield* runner.tick
      const refused = (yield* all).filter((e) => e.type === "CommandRefused")
      expect(refused.length).toBe(1)
      expect(refused[0]!.data.code).toMatch(/^(A\d|AUTH-[A-Z]+|C\d)$/)
      const message = refused[0]!.data.message as { vi: string; en: string }
      expect(message.vi.length).toBeGreaterThan(0)
      expect(message.en.length).toBeGreaterThan(0)
      expect(typesIn(yield* all, "campaign:")).not.toContain("PhaseClosed")
    }).pipe(Effect.provide(Layer.mergeAll(store, ReadModelStore.layerMemory)))
  )

  it.effect(
    "a command the schemas refuse stops the tick with InvalidInput, and nothing of that input is appended",
    () =>
      Effect.gen(function* () {
        yield* opened
        const malformed = echo("malformed", (e, tenantId) => ({
          commands: [
            {
              _tag: "ClosePhase",
              tenantId,
              campaignId: "hoang-mai-2020",
              actor: { organizationId: "ldld-hoang-mai", role: "executive" },
              at: "2020-02-30",
              phaseId: e.phaseId
            } as ProcessManager.Issue
          ]
        }))
        const runner = yield* Runner.make({ managers: [malformed] })
        const error = yield* Effect.flip(runner.tick)
        expect(error._tag).toBe("InvalidInput")
        expect(typesIn(yield* all, "process:")).toEqual([])
      }).pipe(Effect.provide(Layer.mergeAll(store, ReadModelStore.layerMemory)))
  )

  it.effect("a manager that throws stops the tick with ManagerFailed naming it; fixed, it takes the input once", () =>
    Effect.gen(function* () {
      yield* opened
      const broken = echo("flaky", () => {
        throw new Error("no quorum table")
      })
      const first = yield* Runner.make({ managers: [broken] })
      const error = yield* Effect.flip(first.tick)
      expect(error._tag).toBe("ManagerFailed")
      expect(error._tag === "ManagerFailed" && [error.manager, error.instanceId, error.code]).toEqual([
        "flaky",
        "hoang-mai-2020",
        "WF-MANAGER"
      ])
      expect(typesIn(yield* all, "process:")).toEqual([])
      const fixed = echo("flaky", () => ({ events: [{ _tag: "ProcessNoted", note: "seen", data: {} }] }))
      const second = yield* Runner.make({ managers: [fixed] })
      yield* second.tick
      yield* second.tick
      expect(typesIn(yield* all, "process:")).toEqual(["InputReceived", "ProcessNoted"])
    }).pipe(Effect.provide(Layer.mergeAll(store, ReadModelStore.layerMemory)))
  )
})

describe("Runner.run with leases: one holder per part, and a takeover when the holder stops", () => {
  it.effect("two runners in one process: the second takes over the calendar after the first is interrupted", () =>
    Effect.gen(function* () {
      yield* launched
      const calendar = CampaignCalendar.make()
      const a = yield* Runner.make({ managers: [calendar] })
      const b = yield* Runner.make({ managers: [calendar] })
      // Under a TestClock a jump runs every wake-up on the way: runners that wake daily keep a
      // six-month jump to some 180 wake-ups.
      const options = { ttl: "3 days", idle: "1 day" } as const
      const fa = yield* Effect.forkChild(a.run({ holder: "a", ...options }))
      yield* TestClock.adjust("1 second")
      const fb = yield* Effect.forkChild(b.run({ holder: "b", ...options }))
      yield* TestClock.adjust("1 second")
      const lease = yield* Lease.Lease
      // a holds every part (it came first): nobody else can take one, and a opened Đợt 1.
      for (const part of ["workflow:manager:calendar", "workflow:timers", "workflow:outbox"])
        expect(yield* lease.acquire(part, "c", 1_000)).toBe(false)
      expect(typesIn(yield* all, "campaign:").filter((t) => t === "PhaseOpened")).toEqual(["PhaseOpened"])
      yield* Fiber.interrupt(fa)
      // Released on interruption: b takes the parts at its next wake-up and closes Đợt 1 on time.
      yield* TestClock.setTime(Date.parse("2020-06-30T16:59:59.000Z"))
      expect(typesIn(yield* all, "campaign:").filter((t) => t === "PhaseClosed")).toEqual([])
      yield* TestClock.adjust("1 second")
      yield* TestClock.adjust("1 second")
      expect(typesIn(yield* all, "campaign:").filter((t) => t === "PhaseClosed" || t === "PhaseOpened")).toEqual([
        "PhaseOpened",
        "PhaseClosed",
        "PhaseOpened"
      ])
      // b holds the parts now.
      expect(yield* lease.acquire("workflow:timers", "a", 1_000)).toBe(false)
      yield* Fiber.interrupt(fb)
      expect(yield* lease.acquire("workflow:timers", "a", 1_000)).toBe(true)
    }).pipe(Effect.provide(Layer.mergeAll(store, ReadModelStore.layerMemory, Lease.layerMemory)))
  )
})

describe("Runner.run sleeps while a timer it does not fire is overdue", () => {
  it.live("a runner that does not hold the timers sleeps while another runner's timer is overdue", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      // An overdue timer of the calendar, which runner-a (holding every part, then dead) never fired.
      yield* store.append("hanoi", "process:calendar:hm-2020", "no-stream", [
        {
          eventId: "t-1",
          type: "TimerScheduled",
          data: { timerId: "open:dot-1", dueAt: "2020-01-01T00:00:00.000Z", reason: "Đợt 1 mở" },
          schemaVersion: 1
        }
      ])
      const lease = yield* Lease.Lease
      for (const part of ["workflow:manager:calendar", "workflow:timers", "workflow:outbox"])
        yield* lease.acquire(part, "runner-a", 60_000)
      let attempts = 0
      const counting = Lease.Lease.of({
        ...lease,
        acquire: (n, h, t) =>
          Effect.andThen(
            Effect.sync(() => attempts++),
            lease.acquire(n, h, t)
          )
      })
      const runner = yield* Runner.make({ managers: [CampaignCalendar.make()] })
      const fiber = yield* Effect.forkChild(
        runner
          .run({ holder: "runner-b", ttl: "3 seconds", idle: "1 second" })
          .pipe(Effect.provideService(Lease.Lease, counting))
      )
      yield* Effect.sleep("1 second")
      yield* Fiber.interrupt(fiber)
      // 3 parts at each wake-up, a wake-up a second (idle): 6 at most.
      expect(attempts).toBeLessThanOrEqual(6)
    }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory, Lease.layerMemory)))
  )
})
