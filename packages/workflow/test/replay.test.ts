import { describe, expect, it } from "@effect/vitest"
import type { Event } from "@thidua/core"
import { ReadModelStore } from "@thidua/projections"
import { Codec, CommandHandler, EventStore, InMemoryStore, Principal, type Recorded } from "@thidua/store"
import { Replay, Seeds } from "@thidua/testing"
import { Effect, Layer, Result } from "effect"
import { TestClock } from "effect/testing"
import { Calendar, CampaignCalendar, ProcessManager, Runner } from "../src/index.js"

// Hoàng Mai 2020's calendar stream, recorded by driving the year on a TestClock as
// calendar.test.ts does, then replayed against the calendar and against changed versions of it.
// The calendar has one instance per tenant: its stream holds the tenant's directory events too.
const seed = Seeds.hoangMai2020
const byCalendar = new Set(["OpenPhase", "ClosePhase"])
type Cmd = { readonly _tag: string; readonly at: string; readonly [k: string]: unknown }
const people = (seed.campaign as ReadonlyArray<Cmd>).filter((c) => !byCalendar.has(c._tag))
const layer = Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)
const day = 86_400_000

const send = (handler: CommandHandler.CommandHandler, c: Cmd) => {
  const principal = Principal.trustClaim(c as never)
  return "campaignId" in c ? handler.campaign(c as never, { principal }) : handler.directory(c as never, { principal })
}

/** The year from 2019-12-01 to 2021-03-01, a day at a time; the calendar's stream as recorded. */
const recordYear = Effect.gen(function* () {
  yield* TestClock.setTime(Date.parse("2019-12-01T01:00:00.000Z"))
  // No backoff: its waits sleep on the TestClock, which only moves when told.
  const handler = yield* CommandHandler.make({ backoff: 0 })
  for (const c of seed.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
  const runner = yield* Runner.make({ managers: [CampaignCalendar.make()] })
  const todo = [...people]
  for (let t = Date.parse("2019-12-01T01:00:00.000Z"); t <= Date.parse("2021-03-01T01:00:00.000Z"); t += day) {
    yield* TestClock.setTime(t)
    const today = Calendar.dayOf(t)
    while (todo.length > 0 && todo[0]!.at <= today) yield* send(handler, todo.shift()!)
    yield* runner.tick
  }
  const store = yield* EventStore.EventStore
  return yield* store.readStream(seed.tenantId, CampaignCalendar.streamOf(seed.tenantId))
}).pipe(Effect.provide(layer))

const decodeAll = (recorded: ReadonlyArray<Recorded.RecordedEvent>): ReadonlyArray<Event.ProcessEvent> =>
  recorded.map((r) => Result.getOrThrow(Codec.decodeResult(r)) as Event.ProcessEvent)

/** The 1-based index, among the stream's inputs, of the first input that matches. */
const inputIndex = (events: ReadonlyArray<Event.ProcessEvent>, match: (e: Event.ProcessEvent) => boolean) => {
  const ins = events.filter((e) => e._tag === "InputReceived" || e._tag === "TimerFired")
  return { step: ins.findIndex(match) + 1, input: ins.find(match)! }
}

const calendar = CampaignCalendar.make()

/** Version 2: a phase's close timer falls one day later. */
const closesADayLater = ProcessManager.make<CampaignCalendar.State>({
  ...calendar,
  version: 2,
  decide: (state, input) => {
    const d = calendar.decide(state, input)
    if (d.timers === undefined) return d
    return {
      ...d,
      timers: d.timers.map((t) =>
        t._tag === "Schedule" && t.timerId.startsWith("close:")
          ? { ...t, dueAt: Calendar.instant(Date.parse(t.dueAt) + day) }
          : t
      )
    }
  }
})

/** Version 2: it no longer sends ClosePhase (the phases are closed by hand). */
const closesNothing = ProcessManager.make<CampaignCalendar.State>({
  ...calendar,
  version: 2,
  decide: (state, input) =>
    input._tag === "Timer" && input.timerId.startsWith("close:") ? {} : calendar.decide(state, input)
})

describe("Replay: Hoàng Mai 2020's calendar stream against versions of the calendar", () => {
  it.effect("the stream is what the year recorded: timers set, fired, phases opened and closed", () =>
    Effect.gen(function* () {
      const events = decodeAll(yield* recordYear)
      const tags = new Set(events.map((e) => e._tag))
      for (const tag of ["InputReceived", "TimerScheduled", "TimerFired", "TimerCancelled", "CommandIssued"])
        expect(tags).toContain(tag)
      const issued = events
        .filter((e) => e._tag === "CommandIssued")
        .map((e) => `${e.command._tag}:${(e.command as { phaseId?: string }).phaseId}`)
      expect(issued).toEqual(["OpenPhase:dot-1", "ClosePhase:dot-1", "OpenPhase:dot-2", "ClosePhase:dot-2"])
    })
  )

  it.effect("given the recorded stream, when replayed against the same calendar, then Same at every input", () =>
    Effect.gen(function* () {
      const recorded = yield* recordYear
      const events = decodeAll(recorded)
      const inputs = events.filter((e) => e._tag === "InputReceived" || e._tag === "TimerFired").length
      expect(Replay.replay(recorded, calendar)).toEqual({ _tag: "Same", steps: inputs })
      // As bare process events: the tenant and the instance are found from the stream itself.
      expect(Replay.replay(events, calendar)).toEqual({ _tag: "Same", steps: inputs })
      Replay.assertSame(recorded, calendar)
    })
  )

  it.effect("a refusal the runner recorded later is no divergence", () =>
    Effect.gen(function* () {
      const events = decodeAll(yield* recordYear)
      const at = events.findIndex((e) => e._tag === "CommandIssued")
      const issued = events[at] as Event.CommandIssued
      const refused = {
        _tag: "CommandRefused",
        commandId: issued.commandId,
        code: "P2",
        message: { vi: "bị từ chối", en: "refused" },
        at: "2020-01-02T00:00:00.000Z"
      } as Event.CommandRefused
      // Two inputs later, where a runner's late append would put it.
      const later = events.findIndex((e, i) => i > at + 1 && e._tag === "InputReceived")
      const withRefusal = [...events.slice(0, later + 1), refused, ...events.slice(later + 1)]
      expect(Replay.replay(withRefusal, calendar)._tag).toBe("Same")
    })
  )

  it.effect("a version whose close timer falls a day later diverges at Đợt 1 being scheduled", () =>
    Effect.gen(function* () {
      const recorded = yield* recordYear
      const events = decodeAll(recorded)
      // The first input after which the stream recorded a close timer: PhaseScheduled dot-1.
      const { step, input } = inputIndex(
        events,
        (e) => e._tag === "InputReceived" && e.type === "PhaseScheduled" && e.data.phaseId === "dot-1"
      )
      expect(step).toBeGreaterThan(1)
      const outcome = Replay.replay(recorded, closesADayLater)
      expect(outcome._tag).toBe("Diverged")
      if (outcome._tag !== "Diverged") return
      expect(outcome.step).toBe(step)
      expect(outcome.input).toBe(`in:${(input as Event.InputReceived).position}`)
      const closeTimer = (es: ReadonlyArray<Event.ProcessEvent>) =>
        es.find(
          (e) => e._tag === "TimerScheduled" && e.timerId === "close:hoang-mai-2020:dot-1"
        ) as Event.TimerScheduled
      expect(closeTimer(outcome.expected).dueAt).toBe("2020-06-30T17:00:00.000Z")
      expect(closeTimer(outcome.actual).dueAt).toBe("2020-07-01T17:00:00.000Z")
      expect(outcome.message).toContain(`diverged at input ${step} (${outcome.input})`)
      expect(outcome.message).toContain("the 3rd event recorded on it differs")
      expect(outcome.message).toContain('recorded: TimerScheduled {"dueAt":"2020-06-30T17:00:00.000Z"')
      expect(outcome.message).toContain('decided:  TimerScheduled {"dueAt":"2020-07-01T17:00:00.000Z"')
      expect(() => Replay.assertSame(recorded, closesADayLater)).toThrow(outcome.message)
    })
  )

  it.effect("a version that stops sending ClosePhase diverges at the close timer of Đợt 1", () =>
    Effect.gen(function* () {
      const recorded = yield* recordYear
      const events = decodeAll(recorded)
      const { step, input } = inputIndex(
        events,
        (e) => e._tag === "TimerFired" && e.timerId === "close:hoang-mai-2020:dot-1"
      )
      const fired = input as Event.TimerFired
      expect(fired.dueAt).toBe("2020-06-30T17:00:00.000Z")
      // The version at which the timer was set: the position, in the stream, of the last
      // TimerScheduled of that id before it fired (versions count from 1).
      const firedAt = events.indexOf(input)
      const setAt =
        events
          .slice(0, firedAt)
          .findLastIndex((e) => e._tag === "TimerScheduled" && e.timerId === "close:hoang-mai-2020:dot-1") + 1
      expect(setAt).toBeGreaterThan(0)
      const outcome = Replay.replay(events, closesNothing)
      expect(outcome).toMatchObject({
        _tag: "Diverged",
        step,
        input: `timer:close:hoang-mai-2020:dot-1@2020-06-30T17:00:00.000Z#${setAt}`
      })
      if (outcome._tag !== "Diverged") return
      expect(outcome.expected.map((e) => e._tag)).toEqual(["TimerFired", "CommandIssued"])
      expect(outcome.actual.map((e) => e._tag)).toEqual(["TimerFired"])
      expect(outcome.message).toContain("the 2nd event recorded on it differs")
      expect(outcome.message).toContain('recorded: CommandIssued {"command":{"_tag":"ClosePhase"')
      expect(outcome.message).toContain("decided:  nothing")
    })
  )
})
