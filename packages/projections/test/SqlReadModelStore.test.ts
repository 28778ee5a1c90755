import { describe, expect, it, layer } from "@effect/vitest"
import type { Event } from "@thidua/core"
import { Codec, EventStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { History } from "@thidua/testing"
import { Effect, Fiber, Layer } from "effect"
import fc from "fast-check"
import { Projection, ReadModelStore, Runner, SqlReadModelStore } from "../src/index.js"

// Counts events by type per campaign, in a Map, so the JSON codec of states is exercised too.
const counting: Projection.Projection<{ byType: Map<string, number> }> = {
  ...Projection.make({
    name: "counts",
    version: 1,
    init: () => ({ byType: new Map<string, number>() }),
    partition: Projection.byCampaign,
    handlers: {}
  }),
  // Every type counts: apply is replaced so the test does not list 32 handlers.
  tags: undefined,
  apply: (state, event) => {
    state.byType.set(event._tag, (state.byType.get(event._tag) ?? 0) + 1)
    return state
  }
}

const naive = (events: ReadonlyArray<Event.CampaignEvent>) => {
  const byType = new Map<string, number>()
  for (const e of events) byType.set(e._tag, (byType.get(e._tag) ?? 0) + 1)
  return { byType }
}

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
          const store = yield* EventStore.EventStore
          const histories = fc.sample(History.campaign({ maxSteps: 60 }), { numRuns: 4, seed: 5 })
          for (const [i, h] of histories.entries()) {
            const tenantId = `t-${crypto.randomUUID()}`
            const projection = { ...counting, name: `counts-${crypto.randomUUID()}` }
            const writer = yield* Effect.forkChild(
              Effect.gen(function* () {
                let version = 0
                for (const step of h.steps) {
                  if (step.result._tag !== "Success" || step.result.success.length === 0) continue
                  version = (yield* store.append(
                    tenantId,
                    "campaign:campaign-1",
                    version,
                    Codec.encode(step.result.success)
                  )).version
                }
              })
            )
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
