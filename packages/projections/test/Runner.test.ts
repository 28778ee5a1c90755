import { describe, expect, it } from "@effect/vitest"
import type { Event } from "@thidua/core"
import { EventStore, InMemoryStore } from "@thidua/store"
import { History } from "@thidua/testing"
import { Effect, Exit, Fiber, Layer } from "effect"
import fc from "fast-check"
import { Inline, Projection, ReadModelStore, ReadModels, Runner } from "../src/index.js"
import { appendHistory } from "./support.js"

// A projection that counts events by type per campaign, mutating its state as runners allow.
const countAll = Projection.make({
  name: "count-all",
  version: 1,
  init: (): Record<string, number> => ({}),
  partition: Projection.byCampaign,
  handlers: {}
})
// Every type counts: apply is wrapped so the test does not list 32 handlers.
const counting: Projection.Projection<Record<string, number>> = {
  ...countAll,
  tags: undefined,
  apply: (state, event) => {
    state[event._tag] = (state[event._tag] ?? 0) + 1
    return state
  }
}

const naive = (events: ReadonlyArray<Event.CampaignEvent>) => {
  const out: Record<string, number> = {}
  for (const e of events) out[e._tag] = (out[e._tag] ?? 0) + 1
  return out
}

const histories = History.campaign({ noise: 0.2, maxSteps: 100 })

describe("runners", () => {
  it("inline, catch-up, rebuild and a naive fold agree on any generated history", () =>
    fc.assert(
      fc.asyncProperty(histories, fc.integer({ min: 1, max: 50 }), async (h, batchSize) => {
        const layer = Layer.mergeAll(
          Inline.layer([counting]).pipe(Layer.provideMerge(InMemoryStore.layer)),
          ReadModelStore.layerMemory
        )
        const [inline, rebuilt, caught] = await Effect.runPromise(
          Effect.gen(function* () {
            yield* appendHistory(h)
            const inline = (yield* Inline.InlineReadModels).states(counting).get("tenant-1/campaign:campaign-1") ?? {}
            const rebuilt =
              (yield* Runner.rebuild(counting, { batchSize })).states.get("tenant-1/campaign:campaign-1") ?? {}
            const caught =
              (yield* Runner.catchUp(counting, { batchSize })).states.get("tenant-1/campaign:campaign-1") ?? {}
            return [inline, rebuilt, caught] as const
          }).pipe(Effect.provide(layer))
        )
        const expected = naive(h.events)
        expect(inline).toEqual(expected)
        expect(rebuilt).toEqual(expected)
        expect(caught).toEqual(expected)
      }),
      { numRuns: 60 }
    ))

  it("an async runner stopped at any point resumes with nothing lost or counted twice", () =>
    fc.assert(
      fc.asyncProperty(
        histories,
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 5 }),
        async (h, stops) => {
          const layer = Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)
          const result = await Effect.runPromise(
            Effect.gen(function* () {
              const writer = yield* Effect.forkChild(appendHistory(h))
              // Start, run a little, interrupt; again and again while the writer appends.
              for (const ms of stops) {
                const runner = yield* Effect.forkChild(Runner.run(counting, { batchSize: 3 }))
                yield* Effect.sleep(`${ms} millis`)
                yield* Fiber.interrupt(runner)
              }
              yield* Fiber.join(writer)
              return (
                (yield* Runner.catchUp(counting, { batchSize: 3 })).states.get("tenant-1/campaign:campaign-1") ?? {}
              )
            }).pipe(Effect.provide(layer))
          )
          expect(result).toEqual(naive(h.events))
        }
      ),
      { numRuns: 30 }
    ))

  it("a stored payload that does not read stops a rebuild with a CorruptEvent naming its place", () => {
    // Written behind the store's back: the store itself refuses such a payload.
    const log = new InMemoryStore.MemoryLog()
    log.log.push({
      eventId: "e-1",
      type: "PhaseOpened",
      data: { phaseId: 7 },
      schemaVersion: 1,
      tenantId: "hanoi",
      streamId: "campaign:x",
      version: 1,
      position: "00000000000000000001" as never,
      recordedAt: 0
    })
    return Effect.gen(function* () {
      const error = yield* Effect.flip(Runner.rebuild(counting))
      expect(error).toMatchObject({ _tag: "CorruptEvent", streamId: "campaign:x", version: 1 })
    }).pipe(Effect.provide(Layer.succeed(EventStore.EventStore, InMemoryStore.make(log))), Effect.runPromise)
  })
  it("a new version is rebuilt from the start beside the old one, which readers keep until it is dropped", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const models = yield* ReadModelStore.ReadModelStore
      const opened = (n: number) => ({
        eventId: `e-${n}`,
        type: "PhaseOpened",
        data: { phaseId: `dot-${n}`, at: "2020-01-02" },
        schemaVersion: 1
      })
      // Version 1 counts phases opened; version 2 counts them twice (the handlers changed).
      const v1 = Projection.make({
        name: "phases",
        version: 1,
        init: () => ({ n: 0 }),
        handlers: { PhaseOpened: (s) => ({ n: s.n + 1 }) }
      })
      const v2 = {
        ...v1,
        version: 2,
        apply: (s: { n: number }, e: Event.DomainEvent) => (e._tag === "PhaseOpened" ? { n: s.n + 2 } : s)
      }
      yield* store.append("hanoi", "campaign:a", "no-stream", [opened(1), opened(2)])
      yield* Runner.catchUp(v1)
      yield* store.append("hanoi", "campaign:a", 2, [opened(3)])
      const next = yield* Runner.catchUp(v2)
      expect(next.states.get("all")).toEqual({ n: 6 })
      // The old version is untouched (still two events behind) until the app drops it.
      expect(yield* ReadModels.get(v1, "all")).toEqual({ n: 2 })
      yield* models.drop(v1.name, v1.version)
      expect(yield* ReadModels.get(v1, "all")).toBeUndefined()
      expect(yield* ReadModels.get(v2, "all")).toEqual({ n: 6 })
    }).pipe(
      Effect.provide(
        Layer.mergeAll(InMemoryStore.layer, ReadModels.layer.pipe(Layer.provideMerge(ReadModelStore.layerMemory)))
      ),
      Effect.runPromise
    ))

  it("refuses the same projection twice inline, which would count every event twice", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(
        Effect.scoped(Layer.build(Inline.layer([counting, counting]).pipe(Layer.provide(InMemoryStore.layer))))
      )
      expect(Exit.isFailure(exit) && String(exit.cause)).toMatch(/given twice/)
    }).pipe(Effect.runPromise))
})
