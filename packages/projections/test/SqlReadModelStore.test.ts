import { describe, expect, it, layer } from "@effect/vitest"
import { PostgresStore } from "@thidua/store-postgres"
import { History } from "@thidua/testing"
import { Effect, Fiber, Layer } from "effect"
import fc from "fast-check"
import { ReadModelStore, Runner, SqlReadModelStore } from "../src/index.js"
import { appendHistory, byType, naive } from "./support.js"

const counting = byType("counts")

describe("the state codec", () => {
  const roundTrip = (u: unknown) =>
    SqlReadModelStore.decodeState(JSON.parse(JSON.stringify(SqlReadModelStore.encodeState(u))))

  it("keeps Maps, Sets, and objects that look like their encodings", () => {
    const state = {
      units: new Map([["cdcs-1", { points: 3, seen: new Set(["a"]) }]]),
      tricky: { $set: [1, 2] },
      nested: [{ $map: [] }, { $obj: { a: 1 } }]
    }
    expect(roundTrip(state)).toEqual(state)
    expect((roundTrip(state) as typeof state).tricky).not.toBeInstanceOf(Set)
  })

  it("refuses what JSON would change: a Date, a bigint", () => {
    expect(() => SqlReadModelStore.encodeState({ at: new Date(0) })).toThrow(/Date/)
    expect(() => SqlReadModelStore.encodeState({ n: 1n })).toThrow(/bigint/)
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
