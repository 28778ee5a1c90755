import { describe, expect, it, layer } from "@effect/vitest"
import { PostgresStore } from "@thidua/store-postgres"
import { History } from "@thidua/testing"
import { Effect, Fiber, Layer, Result } from "effect"
import { SqlClient } from "effect/sql"
import fc from "fast-check"
import { ProjectionError, ReadModelStore, Runner, SqlReadModelStore } from "../src/index.js"
import { appendHistory, byType, naive } from "./support.js"

const counting = byType("counts")

describe("the state codec", () => {
  const roundTrip = (u: unknown) =>
    Result.getOrThrow(
      SqlReadModelStore.decodeState(JSON.parse(JSON.stringify(Result.getOrThrow(SqlReadModelStore.encodeState(u)))))
    )

  it("keeps Maps, Sets, and objects that look like their encodings", () => {
    const state = {
      units: new Map([["cdcs-1", { points: 3, seen: new Set(["a"]) }]]),
      tricky: { $set: [1, 2] },
      nested: [{ $map: [] }, { $obj: { a: 1 } }, { $undefined: true }]
    }
    expect(roundTrip(state)).toEqual(state)
    expect((roundTrip(state) as typeof state).tricky).not.toBeInstanceOf(Set)
  })

  it("refuses what JSON would change: a Date, a bigint", () => {
    const failure = (u: unknown) => Result.flip(SqlReadModelStore.encodeState(u)).pipe(Result.getOrThrow)
    expect(failure({ at: new Date(0) }).reason).toMatch(/Date/)
    expect(failure({ n: 1n }).reason).toMatch(/bigint/)
  })
})

const url = process.env.THIDUA_PG_URL
const backends: ReadonlyArray<readonly [string, PostgresStore.Config]> = [
  ["PGlite", {}],
  ...(url !== undefined ? ([["server", { url }]] as const) : [])
]

for (const [backend, config] of backends) {
  const stores = Layer.mergeAll(SqlReadModelStore.layer).pipe(Layer.provideMerge(PostgresStore.layer(config)))
  layer(stores, { timeout: "60 seconds", excludeTestServices: true })(`SqlReadModelStore on ${backend}`, (it) => {
    describe("read models and checkpoints saved together", () => {
      it.effect("a runner interrupted again and again while events arrive ends equal to a naive fold", () =>
        Effect.gen(function* () {
          const histories = fc.sample(History.campaign({ maxSteps: 60 }), { numRuns: 4, seed: 5 })
          for (const [i, h] of histories.entries()) {
            const tenantId = `t-${crypto.randomUUID()}`
            const projection = { ...counting, name: `counts-${crypto.randomUUID()}` }
            const writer = yield* Effect.forkChild(appendHistory(h, tenantId))
            for (const ms of [0, 3, 7, 1, 12].slice(0, 2 + (i % 3))) {
              const runner = yield* Effect.forkChild(Runner.run(projection, { tenantId, batchSize: 4 }))
              yield* Effect.sleep(`${ms} millis`)
              yield* Fiber.interrupt(runner)
            }
            yield* Fiber.join(writer)
            const { states } = yield* Runner.catchUp(projection, { tenantId, batchSize: 4 })
            expect(states.get(`${tenantId}/campaign:campaign-1`) ?? naive([])).toEqual(naive(h.events))
            // What was saved reads back the same.
            const again = yield* Runner.catchUp(projection, { tenantId })
            expect(again.states).toEqual(states)
          }
        })
      )

      it.effect("a state with NaN is refused with an UnstorableState, and nothing of the save is written", () =>
        Effect.gen(function* () {
          const models = yield* ReadModelStore.ReadModelStore
          const name = `nan-${crypto.randomUUID()}`
          yield* models.save(name, 1, {
            states: new Map([["a", { average: 1 }]]),
            position: "00000000000000000001" as never
          })
          const states = new Map([
            ["a", { average: 2 }],
            ["b", { average: Number.NaN }]
          ])
          const error = yield* Effect.flip(models.save(name, 1, { states, position: "00000000000000000002" as never }))
          expect(error).toBeInstanceOf(ProjectionError.UnstorableState)
          expect(error).toMatchObject({
            projection: name,
            projectionVersion: 1,
            partition: "b",
            path: "$.average",
            reason: "NaN"
          })
          const saved = yield* models.load<{ average: number }>(name, 1)
          expect(saved?.position).toBe("00000000000000000001")
          expect([...(saved?.states ?? [])]).toEqual([["a", { average: 1 }]])
        })
      )

      it.effect("a stored document that does not read fails the load with a CorruptState naming it", () =>
        Effect.gen(function* () {
          const models = yield* ReadModelStore.ReadModelStore
          const sql = yield* SqlClient.SqlClient
          const name = `corrupt-${crypto.randomUUID()}`
          yield* models.save(name, 1, { states: new Map([["a", { n: 1 }]]), position: "00000000000000000001" as never })
          yield* sql`UPDATE thidua_read_models SET state = '{"n": {"$set": {"x": 1}}}'::jsonb WHERE name = ${name}`
          const error = yield* Effect.flip(models.load(name, 1))
          expect(error).toBeInstanceOf(ProjectionError.CorruptState)
          expect(error).toMatchObject({ projection: name, partition: "a", path: "$.n.$set" })
          expect(yield* Effect.flip(models.partition(name, 1, "a"))).toBeInstanceOf(ProjectionError.CorruptState)
        })
      )

      it.effect("a state that is a string is read back as that string", () =>
        Effect.gen(function* () {
          const models = yield* ReadModelStore.ReadModelStore
          const name = `text-${crypto.randomUUID()}`
          yield* models.save(name, 1, {
            states: new Map([["a", "campaign launched"]]),
            position: "00000000000000000001" as never
          })
          expect(yield* models.partition(name, 1, "a")).toBe("campaign launched")
        })
      )

      it.effect("a version is read by partition, and dropped with its checkpoint", () =>
        Effect.gen(function* () {
          const models = yield* ReadModelStore.ReadModelStore
          const name = `drop-${crypto.randomUUID()}`
          const state = { byType: new Map([["PhaseOpened", 2]]) }
          yield* models.save(name, 1, { states: new Map([["a", state]]), position: "00000000000000000002" as never })
          yield* models.save(name, 2, { states: new Map([["a", state]]), position: "00000000000000000002" as never })
          expect(yield* models.partition(name, 1, "a")).toEqual(state)
          expect(yield* models.partition(name, 1, "b")).toBeUndefined()
          yield* models.drop(name, 1)
          expect(yield* models.partition(name, 1, "a")).toBeUndefined()
          expect(yield* models.load(name, 1)).toBeUndefined()
          expect((yield* models.load(name, 2))?.states.get("a")).toEqual(state)
        })
      )
    })
  })
}
