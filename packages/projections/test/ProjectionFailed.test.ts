/**
 * A projection whose code throws is a typed `ProjectionFailed`, naming the projection and the
 * event, for every way of running it: `Projection.fold`, `rebuild`, `catchUp`, `run` and the
 * inline layers (whose appends fail with `AppendAborted` carrying it).
 */
import { describe, expect, it } from "@effect/vitest"
import { ThiDuaError } from "@thidua/core"
import { EventStore, InMemoryStore } from "@thidua/store"
import { Effect, Layer } from "effect"
import { Projection, ProjectionError, ReadModelStore, Runner } from "../src/index.js"

const buggy = (name: string, fixed = false) =>
  Projection.make({
    name,
    version: 3,
    init: () => ({ opened: [] as Array<string> }),
    partition: Projection.byCampaign,
    handlers: {
      PhaseOpened: (s, e) => {
        if (!fixed && e.phaseId === "dot-2") throw new RangeError("phase dot-2 is out of range")
        s.opened.push(e.phaseId)
        return s
      }
    }
  })

const opened = (phaseId: string) => ({
  eventId: `${phaseId}-${crypto.randomUUID()}`,
  type: "PhaseOpened",
  data: { phaseId, at: "2024-01-02" },
  schemaVersion: 1
})

const expected = {
  _tag: "ProjectionFailed",
  code: "ProjectionFailed",
  projection: "buggy",
  projectionVersion: 3,
  tenantId: "hanoi",
  streamId: "campaign:a",
  version: 2,
  position: "00000000000000000002",
  type: "PhaseOpened"
}

const given = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  yield* store.append("hanoi", "campaign:a", "no-stream", [opened("dot-1"), opened("dot-2"), opened("dot-3")])
})

const checkError = (error: unknown) => {
  expect(error).toBeInstanceOf(ProjectionError.ProjectionFailed)
  expect(ThiDuaError.isThiDuaError(error)).toBe(true)
  expect(error).toMatchObject(expected)
  const e = error as ProjectionError.ProjectionFailed
  expect(e.cause).toBeInstanceOf(RangeError)
  expect(e.message).toBe(
    "Projection buggy@3 failed on PhaseOpened 2 of campaign:a (hanoi, position 00000000000000000002): phase dot-2 is out of range"
  )
  expect(e.messages.vi).toBe(
    "Phép chiếu buggy@3 gặp lỗi ở sự kiện PhaseOpened số 2 của luồng campaign:a (hanoi, vị trí 00000000000000000002): phase dot-2 is out of range"
  )
}

describe("ProjectionFailed", () => {
  it.effect("Runner.rebuild fails with it, typed", () =>
    Effect.gen(function* () {
      yield* given
      checkError(yield* Effect.flip(Runner.rebuild(buggy("buggy"))))
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("Runner.catchUp fails with it and saves nothing of the page; fixed, it resumes from the last save", () =>
    Effect.gen(function* () {
      yield* given
      checkError(yield* Effect.flip(Runner.catchUp(buggy("buggy"), { batchSize: 1 })))
      const saved = yield* (yield* ReadModelStore.ReadModelStore).load<{ opened: Array<string> }>("buggy", 3)
      expect(saved?.position).toBe("00000000000000000001")
      const resumed = yield* Runner.catchUp(buggy("buggy", true), { batchSize: 1 })
      expect(resumed.states.get(Projection.streamKey("hanoi", "campaign:a"))).toEqual({
        opened: ["dot-1", "dot-2", "dot-3"]
      })
    }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)))
  )

  it.effect("Runner.run fails with it, typed, instead of dying", () =>
    Effect.gen(function* () {
      yield* given
      checkError(yield* Effect.flip(Runner.run(buggy("buggy"))))
    }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)))
  )

  it("Projection.fold throws it, for plain code", () => {
    const meta = (version: number) => ({
      tenantId: "hanoi",
      streamId: "campaign:a",
      version,
      position: String(version).padStart(20, "0") as never,
      recordedAt: 0
    })
    const log = ["dot-1", "dot-2"].map((phaseId, i) => ({
      event: { _tag: "PhaseOpened" as const, phaseId, at: "2024-01-02" } as never,
      meta: meta(i + 1)
    }))
    let thrown: unknown
    try {
      Projection.fold(buggy("buggy"), log)
    } catch (e) {
      thrown = e
    }
    checkError(thrown)
  })
})
