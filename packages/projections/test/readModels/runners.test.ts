import { describe, expect, it } from "@effect/vitest"
import { Codec, EventStore, InMemoryStore } from "@thidua/store"
import { History } from "@thidua/testing"
import { Effect, Layer } from "effect"
import fc from "fast-check"
import {
  AwardRoll,
  CommendationRecord,
  InitiativeLedger,
  Inline,
  Participation,
  Projection,
  ReadModelStore,
  Runner,
  Scoreboard,
  Timeline
} from "../../src/index.js"

// Every built-in read model gives the same states whichever way it is run: folded inline with the
// appends, caught up from its checkpoint, rebuilt from the start, or folded by hand.
const builtIns = [
  AwardRoll.projection,
  CommendationRecord.projection,
  InitiativeLedger.projection,
  Participation.projection,
  Scoreboard.projection,
  Timeline.projection
] as ReadonlyArray<Projection.Projection<unknown>>

describe("built-in read models under every runner", () => {
  it("inline == catch-up == rebuild == Projection.fold, on generated histories", () =>
    fc.assert(
      fc.asyncProperty(
        History.campaign({ noise: 0.2, maxSteps: 100 }),
        fc.integer({ min: 1, max: 40 }),
        async (h, batchSize) => {
          const layer = Layer.mergeAll(
            Inline.layer(builtIns).pipe(Layer.provideMerge(InMemoryStore.layer)),
            ReadModelStore.layerMemory
          )
          await Effect.runPromise(
            Effect.gen(function* () {
              const store = yield* EventStore.EventStore
              let version = 0
              const recorded = []
              for (const step of h.steps) {
                if (step.result._tag !== "Success" || step.result.success.length === 0) continue
                const r = yield* store.append(
                  "tenant-1",
                  "campaign:campaign-1",
                  version,
                  Codec.encode(step.result.success)
                )
                version = r.version
                recorded.push(...r.events)
              }
              const inline = yield* Inline.InlineReadModels
              for (const p of builtIns) {
                const byHand = Projection.fold(
                  p,
                  recorded.map((r, i) => ({
                    event: h.events[i]!,
                    meta: {
                      tenantId: r.tenantId,
                      streamId: r.streamId,
                      version: r.version,
                      position: r.position,
                      recordedAt: r.recordedAt
                    }
                  }))
                )
                expect(inline.states(p), p.name).toEqual(byHand)
                expect((yield* Runner.catchUp(p, { batchSize })).states, p.name).toEqual(byHand)
                expect((yield* Runner.rebuild(p, { batchSize })).states, p.name).toEqual(byHand)
              }
            }).pipe(Effect.provide(layer))
          )
        }
      ),
      { numRuns: 40 }
    ))
})
