import { describe, expect, it } from "@effect/vitest"
import { ReadModelStore } from "@thidua/projections"
import { CommandHandler, EventStore, InMemoryStore, Position } from "@thidua/store"
import { Seeds } from "@thidua/testing"
import { Effect, Layer, Stream } from "effect"
import { TestClock } from "effect/testing"
import * as Cascade from "../src/Cascade.js"
import * as Runner from "../src/Runner.js"
import { type Cmd, send } from "./support.js"

// LĐLĐ thành phố Hà Nội launches its 90-day peak drive on 26/4/2019; its district federations,
// LĐLĐ quận Hoàng Mai and LĐLĐ quận Nam Từ Liêm, are due to launch their responding campaigns
// within 30 days: by the end of 26/5/2019, Hà Nội time (17:00 UTC). The grassroots unions under
// them are not due.
const seed = Seeds.hanoiPeak2019
const tenantId = seed.tenantId
const parent = "ha-noi-cao-diem-90-ngay-2019"
const hoangMai = "ldld-hoang-mai"
const namTuLiem = "ldld-nam-tu-liem"
const deadline = "2019-05-26T17:00:00.000Z"

// The city's own steps up to its launch (the rest of its year plays no part here).
const city = (seed.campaign as ReadonlyArray<Cmd>).filter(
  (c) => c._tag === "PlanCampaign" || c._tag === "LaunchCampaign"
)

const layer = Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)
const utc = (iso: string) => Date.parse(iso)
const day = 86_400_000

/** A district's responding campaign: planned on `planned`, launched on `launched`. */
const respond = (district: string, planned: string, launched: string): ReadonlyArray<Cmd> => {
  const campaignId = `${district}-cao-diem-2019`
  const base = (n: number, at: string) => ({
    commandId: `${campaignId}-cmd-${n}`,
    tenantId,
    campaignId,
    actor: { organizationId: district, role: "executive" },
    at
  })
  return [
    {
      _tag: "PlanCampaign",
      ...base(1, planned),
      issuerId: district,
      title: "Hưởng ứng đợt thi đua cao điểm 90 ngày chào mừng 90 năm Ngày thành lập Công đoàn Việt Nam",
      form: "thematic",
      period: { start: "2019-05-01", end: "2019-07-28" },
      parentCampaignId: parent,
      sectors: [],
      titlesOffered: ["giay-khen"]
    },
    { _tag: "LaunchCampaign", ...base(2, launched) }
  ]
}

const processEvents = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  const all = yield* Stream.runCollect(store.readAll(Position.start, { tenantId }))
  return all.filter((e) => e.streamId === Cascade.streamOf(tenantId))
})

const campaignEvents = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  const all = yield* Stream.runCollect(store.readAll(Position.start, { tenantId }))
  return all.filter((e) => e.streamId.startsWith("campaign:"))
})

/**
 * From 1/4/2019 to `until`, a day at a time (08:00 local): the day's commands, then a tick.
 * During `down` no runner ticks; a new one takes over after it.
 */
const spring = (options: {
  readonly responses: ReadonlyArray<Cmd>
  readonly until: string
  readonly down?: readonly [string, string]
}) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(utc("2019-04-01T01:00:00.000Z"))
    // No backoff: its waits sleep on the TestClock, which only moves when told.
    const handler = yield* CommandHandler.make({ backoff: 0 })
    for (const c of seed.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
    const cascade = Cascade.make()
    let runner = yield* Runner.make({ managers: [cascade] })
    const todo = [...city, ...options.responses].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    let wasDown = false
    for (let t = utc("2019-04-01T01:00:00.000Z"); t <= utc(options.until); t += day) {
      yield* TestClock.setTime(t)
      const today = new Date(t + 7 * 3_600_000).toISOString().slice(0, 10)
      while (todo.length > 0 && todo[0]!.at <= today) yield* send(handler, todo.shift()!)
      if (options.down !== undefined && options.down[0] <= today && today < options.down[1]) {
        wasDown = true
        continue
      }
      if (wasDown) {
        runner = yield* Runner.make({ managers: [cascade] })
        wasDown = false
      }
      yield* runner.tick
    }
    return { runner, cascade }
  })

const missed = Effect.map(processEvents, (events) =>
  events.filter((e) => e.type === "DeadlineMissed").map((e) => [e.data.deadline, e.data.dueAt, e.data.subjects])
)

describe("cascade: Hà Nội's 90-day drive (2019) is answered by its district federations within 30 days", () => {
  it.effect(
    "given Hoàng Mai responds on 6/5 and Nam Từ Liêm does not, when 26/5 is over, then Nam Từ Liêm alone is named, once",
    () =>
      Effect.gen(function* () {
        yield* spring({ responses: respond(hoangMai, "2019-05-02", "2019-05-06"), until: "2019-06-30T01:00:00.000Z" })
        // The responding campaign was accepted by core: a campaign of Hoàng Mai under the city's.
        const launched = (yield* campaignEvents).filter((e) => e.type === "CampaignLaunched").map((e) => e.streamId)
        expect(launched).toEqual([`campaign:${parent}`, `campaign:${hoangMai}-cao-diem-2019`])
        expect(yield* missed).toEqual([[`cascade:${parent}`, deadline, [namTuLiem]]])
        // The cascade issues no command: launching is the districts' own act.
        expect((yield* processEvents).filter((e) => e.type === "CommandIssued")).toEqual([])
      }).pipe(Effect.provide(layer))
  )

  it.effect("given both districts respond in time, when 26/5 is over, then nothing is reported", () =>
    Effect.gen(function* () {
      yield* spring({
        responses: [
          ...respond(hoangMai, "2019-05-02", "2019-05-06"),
          // On the last day of the window.
          ...respond(namTuLiem, "2019-05-20", "2019-05-26")
        ],
        until: "2019-06-30T01:00:00.000Z"
      })
      const own = yield* processEvents
      expect(own.filter((e) => e.type === "TimerFired").map((e) => e.data.timerId)).toEqual([`cascade:${parent}`])
      expect(own.filter((e) => e.type === "DeadlineMissed" || e.type === "ProcessNoted")).toEqual([])
    }).pipe(Effect.provide(layer))
  )

  it.effect(
    "given neither responds, then both are named, sorted; the deadline is 00:00 on 27/5 local, not a millisecond before",
    () =>
      Effect.gen(function* () {
        const { runner } = yield* spring({ responses: [], until: "2019-05-26T01:00:00.000Z" })
        yield* TestClock.setTime(utc(deadline) - 1)
        yield* runner.tick
        expect(yield* missed).toEqual([])
        yield* TestClock.setTime(utc(deadline))
        yield* runner.tick
        expect(yield* missed).toEqual([[`cascade:${parent}`, deadline, [hoangMai, namTuLiem]]])
      }).pipe(Effect.provide(layer))
  )

  it.effect(
    "given Nam Từ Liêm responds on 10/6, after the deadline, then it is noted and nothing is raised again",
    () =>
      Effect.gen(function* () {
        yield* spring({
          responses: [
            ...respond(hoangMai, "2019-05-02", "2019-05-06"),
            ...respond(namTuLiem, "2019-06-05", "2019-06-10")
          ],
          until: "2019-07-15T01:00:00.000Z"
        })
        const own = yield* processEvents
        expect(yield* missed).toEqual([[`cascade:${parent}`, deadline, [namTuLiem]]])
        expect(own.filter((e) => e.type === "ProcessNoted").map((e) => [e.data.note, e.data.data])).toEqual([
          [
            "cascade-late-response",
            {
              campaignId: `${namTuLiem}-cao-diem-2019`,
              parentCampaignId: parent,
              issuerId: namTuLiem,
              launchedOn: "2019-06-10"
            }
          ]
        ])
      }).pipe(Effect.provide(layer))
  )

  it.effect(
    "given the runner is down from 20/5 to 5/6, when a new runner takes over after the deadline, then it reports it once",
    () =>
      Effect.gen(function* () {
        yield* spring({
          responses: respond(hoangMai, "2019-05-02", "2019-05-06"),
          until: "2019-07-01T01:00:00.000Z",
          down: ["2019-05-20", "2019-06-05"]
        })
        const own = yield* processEvents
        expect(yield* missed).toEqual([[`cascade:${parent}`, deadline, [namTuLiem]]])
        // It fired late, when the new runner took over (08:00 on 5/6 local), and only then.
        expect(own.filter((e) => e.type === "TimerFired").map((e) => [e.data.dueAt, e.data.firedAt])).toEqual([
          [deadline, "2019-06-05T01:00:00.000Z"]
        ])
      }).pipe(Effect.provide(layer))
  )
})
