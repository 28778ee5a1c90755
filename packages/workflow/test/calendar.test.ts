import { describe, expect, it } from "@effect/vitest"
import { ReadModelStore, SqlReadModelStore } from "@thidua/projections"
import { CommandHandler, EventStore, InMemoryStore, Position } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Seeds } from "@thidua/testing"
import { Effect, Layer, Stream } from "effect"
import { TestClock } from "effect/testing"
import { CampaignCalendar, Runner } from "../src/index.js"
import { type Cmd, send } from "./support.js"

// Hoàng Mai 2020 through the year on a TestClock: the people's commands at their dates, the
// calendar's (opening and closing the phases) left to the workflow engine.
const seed = Seeds.hoangMai2020
const byCalendar = new Set(["OpenPhase", "ClosePhase"])
const people = (seed.campaign as ReadonlyArray<Cmd>).filter((c) => !byCalendar.has(c._tag))

const layer = Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)
const utc = (iso: string) => Date.parse(iso)
const day = 86_400_000

/** The campaign's events as `type@at` (and phase), in order. */
const history = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  const events = yield* store.readStream(seed.tenantId, "campaign:hoang-mai-2020")
  return events.map((e) => `${e.type}@${e.data.at}${e.data.phaseId ? `:${e.data.phaseId}` : ""}`)
})

const processEvents = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  const all = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: seed.tenantId }))
  return all.filter((e) => e.streamId.startsWith("process:"))
})

/**
 * Runs the year from 2019-12-01 to `until`, a day at a time: at each local day, the people's
 * commands of that day, then a tick. `skip` leaves some of the people's commands out; `down`
 * is a span of days during which no runner ticks (a new runner takes over after it).
 */
const year = (options: {
  readonly until: string
  readonly skip?: (c: Cmd) => boolean
  readonly down?: readonly [string, string]
}) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(utc("2019-12-01T01:00:00.000Z"))
    // No backoff: its waits sleep on the TestClock, which only moves when told.
    const handler = yield* CommandHandler.make({ backoff: 0 })
    for (const c of seed.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
    const calendar = CampaignCalendar.make()
    let runner = yield* Runner.make({ managers: [calendar] })
    const todo = people.filter((c) => !(options.skip?.(c) ?? false))
    let wasDown = false
    for (let t = utc("2019-12-01T01:00:00.000Z"); t <= utc(options.until); t += day) {
      yield* TestClock.setTime(t)
      const today = new Date(t + 7 * 3_600_000).toISOString().slice(0, 10)
      while (todo.length > 0 && todo[0]!.at <= today) yield* send(handler, todo.shift()!)
      const down = options.down !== undefined && options.down[0] <= today && today < options.down[1]
      if (down) {
        wasDown = true
        continue
      }
      if (wasDown) {
        // A new runner, as after a restart: nothing held in memory.
        runner = yield* Runner.make({ managers: [calendar] })
        wasDown = false
      }
      yield* runner.tick
    }
    return { runner, calendar }
  })

describe("the campaign calendar drives Hoàng Mai 2020 through the year (TestClock)", () => {
  it.effect("phases open and close on their local days, each once, and the campaign closes as the seed says", () =>
    Effect.gen(function* () {
      yield* year({ until: "2021-03-01T01:00:00.000Z" })
      const h = yield* history
      expect(h.filter((e) => e.startsWith("PhaseOpened") || e.startsWith("PhaseClosed"))).toEqual([
        // Đợt 1 begins on 1/1, before the launch on 2/1: it opens on the day it is scheduled.
        "PhaseOpened@2020-01-02:dot-1",
        "PhaseClosed@2020-06-30:dot-1",
        "PhaseOpened@2020-07-01:dot-2",
        "PhaseClosed@2020-12-31:dot-2"
      ])
      expect(h.at(-1)).toBe("CampaignClosed@2021-01-25")
      // The interim review of Đợt 1 was held (10/7) and the campaign closed before Đợt 2's fell
      // due: no deadline was missed.
      const own = yield* processEvents
      expect(own.filter((e) => e.type === "DeadlineMissed")).toEqual([])
      expect(own.filter((e) => e.type === "CommandRefused")).toEqual([])
    }).pipe(Effect.provide(layer))
  )

  it.effect("Đợt 2 opens at 00:00 on 1/7 local time (17:00 UTC on 30/6), not a millisecond before", () =>
    Effect.gen(function* () {
      const { runner } = yield* year({ until: "2020-06-30T01:00:00.000Z" })
      yield* TestClock.setTime(utc("2020-06-30T16:59:59.999Z"))
      yield* runner.tick
      expect((yield* history).filter((e) => e.startsWith("PhaseOpened") || e.startsWith("PhaseClosed"))).toEqual([
        "PhaseOpened@2020-01-02:dot-1"
      ])
      yield* TestClock.setTime(utc("2020-06-30T17:00:00.000Z"))
      yield* runner.tick
      expect((yield* history).filter((e) => e.startsWith("PhaseOpened") || e.startsWith("PhaseClosed"))).toEqual([
        "PhaseOpened@2020-01-02:dot-1",
        "PhaseClosed@2020-06-30:dot-1",
        "PhaseOpened@2020-07-01:dot-2"
      ])
    }).pipe(Effect.provide(layer))
  )

  it.effect("an interim review not held by its due day is a DeadlineMissed, once", () =>
    Effect.gen(function* () {
      yield* year({
        until: "2020-09-01T01:00:00.000Z",
        skip: (c) => c._tag === "HoldInterimReview" || c.at >= "2020-07-10"
      })
      const missed = (yield* processEvents).filter((e) => e.type === "DeadlineMissed")
      expect(missed.map((e) => [e.data.deadline, e.data.dueAt, e.data.subjects])).toEqual([
        // 30 days (Rulebook interimReviewDays) after Đợt 1 is over (00:00 on 1/7 local).
        ["review:hoang-mai-2020:dot-1", "2020-07-30T17:00:00.000Z", ["ldld-hoang-mai"]]
      ])
    }).pipe(Effect.provide(layer))
  )

  it.effect("a runner down from 20/6 to 5/7 fires what fell due once, in due order, and the year ends the same", () =>
    Effect.gen(function* () {
      yield* year({
        until: "2021-03-01T01:00:00.000Z",
        down: ["2020-06-20", "2020-07-05"],
        // The interim review of 10/7 needs Đợt 1 closed: it comes after the restart.
        skip: () => false
      })
      const h = yield* history
      expect(h.filter((e) => e.startsWith("PhaseOpened") || e.startsWith("PhaseClosed"))).toEqual([
        "PhaseOpened@2020-01-02:dot-1",
        "PhaseClosed@2020-06-30:dot-1",
        "PhaseOpened@2020-07-05:dot-2",
        "PhaseClosed@2020-12-31:dot-2"
      ])
      expect(h.at(-1)).toBe("CampaignClosed@2021-01-25")
      const fired = (yield* processEvents).filter((e) => e.type === "TimerFired").map((e) => e.data.timerId)
      expect(fired.filter((id) => id === "close:hoang-mai-2020:dot-1" || id === "open:hoang-mai-2020:dot-2")).toEqual([
        "close:hoang-mai-2020:dot-1",
        "open:hoang-mai-2020:dot-2"
      ])
      expect(new Set(fired).size).toBe(fired.length)
    }).pipe(Effect.provide(layer))
  )
})

describe("the same calendar on embedded PostgreSQL (PGlite), checkpoints and timers in SQL", () => {
  // One embedded database for the store, the checkpoints and the timers projection.
  const pglite = SqlReadModelStore.layer.pipe(Layer.provideMerge(PostgresStore.layer({})), Layer.fresh)
  it.effect("Đợt 1 and Đợt 2 open and close on their local days, each once, across a runner restart", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(utc("2020-01-02T03:00:00.000Z"))
      const handler = yield* CommandHandler.make({ backoff: 0 })
      for (const c of seed.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
      for (const c of people.filter((c) => c.at <= "2020-01-02")) yield* send(handler, c)
      const first = yield* Runner.make({ managers: [CampaignCalendar.make()] })
      yield* first.tick
      yield* TestClock.setTime(utc("2020-06-30T16:59:59.999Z"))
      yield* first.tick
      // A new runner: what the first knew is in the database.
      const second = yield* Runner.make({ managers: [CampaignCalendar.make()] })
      yield* TestClock.setTime(utc("2020-06-30T17:00:00.000Z"))
      yield* second.tick
      yield* TestClock.setTime(utc("2021-01-01T00:00:00.000Z"))
      yield* second.tick
      yield* second.tick
      expect((yield* history).filter((e) => e.startsWith("PhaseOpened") || e.startsWith("PhaseClosed"))).toEqual([
        "PhaseOpened@2020-01-02:dot-1",
        "PhaseClosed@2020-06-30:dot-1",
        "PhaseOpened@2020-07-01:dot-2",
        "PhaseClosed@2020-12-31:dot-2"
      ])
    }).pipe(Effect.provide(pglite))
  )
})
