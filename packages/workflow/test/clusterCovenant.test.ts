import { describe, expect, it } from "@effect/vitest"
import { ReadModelStore } from "@thidua/projections"
import { CommandHandler, EventStore, InMemoryStore, Position } from "@thidua/store"
import { Seeds } from "@thidua/testing"
import { Effect, Layer, Stream } from "effect"
import { TestClock } from "effect/testing"
import * as ClusterCovenant from "../src/ClusterCovenant.js"
import * as Runner from "../src/Runner.js"
import { type Cmd, send } from "./support.js"

// LĐLĐ huyện Phúc Thọ launches its 2024 campaign on 11/1/2024, and its emulation clusters sign
// their covenants at the launch. Here the units are not enrolled by hand: the manager enrols the
// members of a cluster whose covenant is signed, and each member is due to sign a pledge of its
// own within 15 days: by the end of 26/1/2024, Hà Nội time (17:00 UTC).
const seed = Seeds.phucTho2024
const tenantId = seed.tenantId
const campaignId = "phuc-tho-2024"
const cum1 = "phuc-tho-2024-cum-1"
const thiTran = "cd-thi-tran-phuc-tho"
const vongXuyen = "cd-xa-vong-xuyen"
const longXuyen = "cd-xa-long-xuyen"
const deadline = "2024-01-26T17:00:00.000Z"

const steps = seed.campaign as ReadonlyArray<Cmd>
// The district's own steps of January: plan, launch, phases.
const district = steps.filter((c) => ["PlanCampaign", "LaunchCampaign", "SchedulePhase", "OpenPhase"].includes(c._tag))
const covenants = steps.filter((c) => c._tag === "SignPledge" && c.kind === "covenant")
const enrolments = steps.filter((c) => c._tag === "EnrollParticipant")

let n = 0
const act = (unitId: string, at: string, step: Record<string, unknown>): Cmd => ({
  commandId: `test-cmd-${++n}`,
  tenantId,
  campaignId,
  actor: { organizationId: unitId, role: "executive" },
  at,
  ...(step as { readonly _tag: string })
})

/** Cụm thi đua số 1's covenant, signed by Công đoàn thị trấn Phúc Thọ (its head) alone. */
const headSigns = act(thiTran, "2024-01-11", {
  _tag: "SignPledge",
  pledgeId: "pt2024-giao-uoc-cum-1",
  kind: "covenant",
  signerIds: [thiTran],
  clusterId: cum1,
  targets: [{ contentId: "pt2024-hc-1", description: "Hoàn thành và hoàn thành vượt mức các chỉ tiêu năm 2024" }]
})

/** A unit registers for Công đoàn cơ sở vững mạnh. */
const registers = (unitId: string, at: string): Cmd =>
  act(unitId, at, {
    _tag: "SignPledge",
    pledgeId: `pt2024-dang-ky-${unitId}`,
    kind: "registration",
    signerIds: [unitId],
    targets: [{ awardKind: "cong-doan-co-so-vung-manh", description: "Đăng ký đạt Công đoàn cơ sở vững mạnh" }]
  })

const layer = Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)
const utc = (iso: string) => Date.parse(iso)
const day = 86_400_000

const all = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  return yield* Stream.runCollect(store.readAll(Position.start, { tenantId }))
})
const processEvents = Effect.map(all, (es) => es.filter((e) => e.streamId === ClusterCovenant.streamOf(tenantId)))
const missed = Effect.map(processEvents, (events) =>
  events.filter((e) => e.type === "DeadlineMissed").map((e) => [e.data.deadline, e.data.dueAt, e.data.subjects])
)
const enrolled = Effect.map(all, (es) =>
  es.filter((e) => e.type === "ParticipantEnrolled").map((e) => [e.data.unitId, e.data.sector, e.data.clusterId])
)

/**
 * From 1/12/2023 to `until`, a day at a time (08:00 local): the day's commands, then a tick.
 * During `down` no runner ticks; a new one takes over after it.
 */
const january = (options: {
  readonly people: ReadonlyArray<Cmd>
  readonly until: string
  readonly down?: readonly [string, string]
}) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(utc("2023-12-01T01:00:00.000Z"))
    // No backoff: its waits sleep on the TestClock, which only moves when told.
    const handler = yield* CommandHandler.make({ backoff: 0 })
    for (const c of seed.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
    const manager = ClusterCovenant.make()
    let runner = yield* Runner.make({ managers: [manager] })
    // Stable: commands of a day keep their order.
    const todo = [...district, ...options.people].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    let wasDown = false
    for (let t = utc("2023-12-01T01:00:00.000Z"); t <= utc(options.until); t += day) {
      yield* TestClock.setTime(t)
      const today = new Date(t + 7 * 3_600_000).toISOString().slice(0, 10)
      while (todo.length > 0 && todo[0]!.at <= today) yield* send(handler, todo.shift()!)
      if (options.down !== undefined && options.down[0] <= today && today < options.down[1]) {
        wasDown = true
        continue
      }
      if (wasDown) {
        runner = yield* Runner.make({ managers: [manager] })
        wasDown = false
      }
      yield* runner.tick
    }
    return { runner, manager }
  })

describe("cluster covenant: Phúc Thọ's clusters (2024) enrol their members, who each sign within 15 days", () => {
  it.effect(
    "given Cụm 1's covenant signed by Thị trấn Phúc Thọ alone and Võng Xuyên registering on 20/1, then the three are enrolled and Long Xuyên alone is named, once",
    () =>
      Effect.gen(function* () {
        yield* january({ people: [headSigns, registers(vongXuyen, "2024-01-20")], until: "2024-02-28T01:00:00.000Z" })
        // Enrolled by the manager as the district's executive, with their sector and cluster.
        expect(yield* enrolled).toEqual([
          [thiTran, "administrative", cum1],
          [vongXuyen, "administrative", cum1],
          [longXuyen, "administrative", cum1]
        ])
        const own = yield* processEvents
        expect(
          own.filter((e) => e.type === "CommandIssued").map((e) => (e.data.command as { actor: unknown }).actor)
        ).toEqual(Array(3).fill({ organizationId: "ldld-phuc-tho", role: "executive" }))
        expect(own.filter((e) => e.type === "CommandRefused")).toEqual([])
        expect(yield* missed).toEqual([[`covenant:${campaignId}:${cum1}`, deadline, [longXuyen]]])
      }).pipe(Effect.provide(layer))
  )

  it.effect(
    "given every cluster's covenant signed by all its members (as in the seed), then all eight are enrolled and nothing is reported",
    () =>
      Effect.gen(function* () {
        yield* january({ people: covenants, until: "2024-02-28T01:00:00.000Z" })
        expect((yield* enrolled).length).toBe(8)
        const own = yield* processEvents
        expect(
          own.filter((e) => ["TimerScheduled", "DeadlineMissed", "CommandRefused", "ProcessNoted"].includes(e.type))
        ).toEqual([])
      }).pipe(Effect.provide(layer))
  )

  it.effect(
    "given the other two sign before the window is over, then the deadline is cancelled and nothing is reported",
    () =>
      Effect.gen(function* () {
        yield* january({
          people: [headSigns, registers(vongXuyen, "2024-01-20"), registers(longXuyen, "2024-01-26")],
          until: "2024-02-28T01:00:00.000Z"
        })
        const own = yield* processEvents
        expect(own.filter((e) => e.type === "TimerCancelled").map((e) => e.data.timerId)).toEqual([
          `covenant:${campaignId}:${cum1}`
        ])
        expect(own.filter((e) => e.type === "TimerFired" || e.type === "DeadlineMissed")).toEqual([])
      }).pipe(Effect.provide(layer))
  )

  it.effect(
    "given Thị trấn Phúc Thọ enrolled by hand before the covenant, then only the other two are enrolled by the manager",
    () =>
      Effect.gen(function* () {
        yield* january({
          people: [enrolments.find((c) => c.unitId === thiTran)!, headSigns],
          until: "2024-01-20T01:00:00.000Z"
        })
        const issued = (yield* processEvents).filter((e) => e.type === "CommandIssued")
        expect(issued.map((e) => (e.data.command as { unitId: string }).unitId)).toEqual([vongXuyen, longXuyen])
        expect((yield* processEvents).filter((e) => e.type === "CommandRefused")).toEqual([])
      }).pipe(Effect.provide(layer))
  )

  it.effect("given Long Xuyên registers on 1/2, after the deadline, then it is noted and nothing is raised again", () =>
    Effect.gen(function* () {
      yield* january({
        people: [headSigns, registers(vongXuyen, "2024-01-20"), registers(longXuyen, "2024-02-01")],
        until: "2024-02-28T01:00:00.000Z"
      })
      expect(yield* missed).toEqual([[`covenant:${campaignId}:${cum1}`, deadline, [longXuyen]]])
      const notes = (yield* processEvents).filter((e) => e.type === "ProcessNoted")
      expect(notes.map((e) => [e.data.note, (e.data.data as { signerIds: unknown }).signerIds])).toEqual([
        ["covenant-late-signature", [longXuyen]]
      ])
    }).pipe(Effect.provide(layer))
  )

  it.effect(
    "given the runner is down from 20/1 to 5/2, when a new runner takes over after the deadline, then it reports it once",
    () =>
      Effect.gen(function* () {
        yield* january({ people: [headSigns], until: "2024-02-28T01:00:00.000Z", down: ["2024-01-20", "2024-02-05"] })
        expect(yield* missed).toEqual([[`covenant:${campaignId}:${cum1}`, deadline, [longXuyen, vongXuyen]]])
        const fired = (yield* processEvents).filter((e) => e.type === "TimerFired")
        expect(fired.map((e) => [e.data.dueAt, e.data.firedAt])).toEqual([[deadline, "2024-02-05T01:00:00.000Z"]])
      }).pipe(Effect.provide(layer))
  )
})
