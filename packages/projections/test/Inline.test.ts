/**
 * `Inline.layer`, the read models in memory: an append writes its events and folds them into every
 * read model, or does neither; and a layer built on a store that holds events starts from them.
 */
import { describe, expect, it } from "@effect/vitest"
import { EventStore, InMemoryStore, type Recorded, StoreError } from "@thidua/store"
import { Effect, Exit, Layer } from "effect"
import fc from "fast-check"
import { Inline, Projection, ProjectionError, ReadModels, Runner } from "../src/index.js"

// Three read models over the same events, folded in this order: one per tenant, one for the
// whole log, and one per campaign stream that throws on a phase named "boom..." (a bug) — so when
// it throws, the two before it have folded the append already.
const perTenant = Projection.make({
  name: "inline-tenant",
  version: 1,
  init: () => ({ n: 0 }),
  partition: Projection.byTenant,
  handlers: {
    PhaseOpened: (s) => {
      s.n++
      return s
    }
  }
})
const whole = Projection.make({
  name: "inline-whole",
  version: 1,
  init: () => ({ phases: [] as Array<string> }),
  handlers: {
    PhaseOpened: (s, e) => {
      s.phases.push(e.phaseId)
      return s
    }
  }
})
let failOnce = false
const phases = Projection.make({
  name: "inline-phases",
  version: 1,
  init: () => ({ opened: [] as Array<string> }),
  partition: Projection.byCampaign,
  handlers: {
    PhaseOpened: (s, e) => {
      if (e.phaseId.startsWith("boom")) throw new Error(`no phase may be called ${e.phaseId}`)
      if (failOnce) {
        failOnce = false
        throw new Error("a bug that the next deploy fixes")
      }
      s.opened.push(e.phaseId)
      return s
    }
  }
})
const all = [perTenant, whole, phases] as const

let ids = 0
const opened = (phaseId: string) => ({
  eventId: `e-${++ids}`,
  type: "PhaseOpened",
  data: { phaseId, at: "2024-01-02" },
  schemaVersion: 1
})

const inMemory = (projections = all as ReadonlyArray<Projection.Projection<unknown>>) =>
  Inline.layer(projections).pipe(Layer.provideMerge(InMemoryStore.layer))

/** Every read model's partitions, copied: what a reader would see. */
const snapshot = Effect.map(Effect.service(Inline.InlineReadModels), (r) =>
  all.map((p) => structuredClone(new Map(r.states(p as Projection.Projection<unknown>))))
)

/** What the log says the read models are: each rebuilt from the start. */
const rebuilt = Effect.forEach(all, (p) =>
  Effect.map(Runner.rebuild(p as Projection.Projection<unknown>), (r) => r.states)
)

describe("Inline.layer: an append and its folds, all or nothing", () => {
  it.effect("a handler that throws on the second of three events: nothing appended, read models as before", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      yield* store.append("hanoi", "campaign:a", "no-stream", [opened("dot-1")])
      const before = yield* snapshot
      const error = yield* Effect.flip(
        store.append("hanoi", "campaign:a", 1, [opened("dot-2"), opened("boom"), opened("dot-3")])
      )
      expect(error).toBeInstanceOf(StoreError.AppendAborted)
      const cause = (error as StoreError.AppendAborted).cause
      expect(cause).toBeInstanceOf(ProjectionError.ProjectionFailed)
      expect(cause).toMatchObject({
        _tag: "ProjectionFailed",
        projection: "inline-phases",
        projectionVersion: 1,
        tenantId: "hanoi",
        streamId: "campaign:a",
        version: 3,
        position: "00000000000000000003",
        type: "PhaseOpened"
      })
      expect(String((cause as ProjectionError.ProjectionFailed).cause)).toMatch(/no phase may be called boom/)
      expect(yield* store.streamVersion("hanoi", "campaign:a")).toBe(1)
      // The tenant's count and the whole log's list had folded the append: they are restored.
      expect(yield* snapshot).toStrictEqual(before)
      expect(yield* snapshot).toStrictEqual(yield* rebuilt)
    }).pipe(Effect.provide(inMemory()))
  )

  it.effect("a failed append to a new stream leaves no partition behind, and the reader sees none", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const exit = yield* Effect.exit(store.append("hue", "campaign:b", "no-stream", [opened("dot-1"), opened("boom")]))
      expect(Exit.isFailure(exit)).toBe(true)
      expect(yield* ReadModels.get(perTenant, "hue")).toBeUndefined()
      expect(yield* ReadModels.get(phases, Projection.streamKey("hue", "campaign:b"))).toBeUndefined()
      expect(yield* ReadModels.get(whole, "all")).toBeUndefined()
    }).pipe(Effect.provide(inMemory()))
  )

  it.effect("once the handler is fixed, the same append again is written and folded once", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const events = [opened("dot-1"), opened("dot-2"), opened("dot-3")]
      failOnce = true
      yield* Effect.flip(store.append("hanoi", "campaign:c", "no-stream", events, { commandId: "cmd-1" }))
      // A re-sent command: not a duplicate, since the first was never written.
      const again = yield* store.append("hanoi", "campaign:c", "no-stream", events, { commandId: "cmd-1" })
      expect(again.duplicate).toBe(false)
      expect((yield* ReadModels.get(phases, Projection.streamKey("hanoi", "campaign:c")))?.opened).toEqual([
        "dot-1",
        "dot-2",
        "dot-3"
      ])
      expect(yield* snapshot).toStrictEqual(yield* rebuilt)
    }).pipe(Effect.provide(inMemory()))
  )

  it("any sequence of appends, some refused by a handler, leaves the read models equal to a rebuild", () =>
    fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            tenantId: fc.constantFrom("hanoi", "hue", "a/b"),
            streamId: fc.constantFrom("campaign:x", "campaign:y", "b/campaign:x"),
            phases: fc.array(fc.constantFrom("dot", "boom"), { minLength: 1, maxLength: 4 })
          }),
          { maxLength: 12 }
        ),
        fc.boolean(),
        async (appends, concurrent) => {
          const [inline, log] = await Effect.runPromise(
            Effect.gen(function* () {
              const store = yield* EventStore.EventStore
              yield* Effect.forEach(
                appends,
                (a, i) =>
                  Effect.gen(function* () {
                    const exit = yield* Effect.exit(
                      store.append(
                        a.tenantId,
                        a.streamId,
                        "any",
                        a.phases.map((p, k) => opened(`${p}-${i}-${k}`))
                      )
                    )
                    expect(Exit.isFailure(exit)).toBe(a.phases.includes("boom"))
                  }),
                { concurrency: concurrent ? 4 : 1 }
              )
              return [yield* snapshot, yield* rebuilt] as const
            }).pipe(Effect.provide(inMemory()))
          )
          expect(inline).toStrictEqual(log)
        }
      ),
      { numRuns: 150 }
    ))

  it.effect("the caller's own beforeCommit runs first; when it throws nothing is appended or folded", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const seen: Array<number> = []
      yield* store.append("hanoi", "campaign:d", "no-stream", [opened("dot-1")], undefined, {
        beforeCommit: (events) => void seen.push(...events.map((e) => e.version))
      })
      expect(seen).toEqual([1])
      const error = yield* Effect.flip(
        store.append("hanoi", "campaign:d", 1, [opened("dot-2")], undefined, {
          beforeCommit: () => {
            throw new Error("the caller says no")
          }
        })
      )
      expect(error).toMatchObject({ _tag: "AppendAborted" })
      expect(String((error as StoreError.AppendAborted).cause)).toMatch(/the caller says no/)
      expect((yield* ReadModels.get(phases, Projection.streamKey("hanoi", "campaign:d")))?.opened).toEqual(["dot-1"])
    }).pipe(Effect.provide(inMemory()))
  )

  it.effect("a handler that returns no state refuses the append with a ProjectionFailed that says so", () =>
    Effect.gen(function* () {
      const forgetful = Projection.make({
        name: "forgetful",
        version: 1,
        init: () => ({ n: 0 }),
        handlers: { PhaseOpened: (s, e) => (e.phaseId === "dot-2" ? (undefined as never) : s) }
      })
      const error = yield* Effect.flip(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          yield* store.append("hanoi", "campaign:e", "no-stream", [opened("dot-1"), opened("dot-2")])
        }).pipe(Effect.provide(inMemory([forgetful as Projection.Projection<unknown>])))
      )
      expect((error as StoreError.AppendAborted).cause).toMatchObject({
        _tag: "ProjectionFailed",
        projection: "forgetful",
        version: 2
      })
      expect((error as StoreError.AppendAborted).cause).toHaveProperty(
        "message",
        expect.stringMatching(/a handler must return the state/)
      )
    })
  )

  it.effect("an append that fails after its events were folded (its commit) leaves them unfolded", () =>
    Effect.gen(function* () {
      // A store that calls the hook, then fails to commit: nothing reaches the log.
      const memory = InMemoryStore.make()
      const hooked: Array<boolean> = []
      const flaky: EventStore.Shape = {
        ...memory,
        append: (tenantId, streamId, expected, events, metadata, options) =>
          events.some((e) => (e.data as { phaseId: string }).phaseId === "lost")
            ? Effect.suspend(() => {
                hooked.push(options?.beforeCommit !== undefined)
                const recorded: Array<Recorded.RecordedEvent> = events.map((e, i) => ({
                  ...e,
                  tenantId,
                  streamId,
                  version: i + 2,
                  position: `0000000000000000000${i + 2}` as never,
                  recordedAt: 0
                }))
                options?.beforeCommit?.(recorded)
                return Effect.fail(new StoreError.StoreUnavailable({ operation: "commit", cause: "connection lost" }))
              })
            : memory.append(tenantId, streamId, expected, events, metadata, options)
      }
      yield* Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        yield* store.append("hanoi", "campaign:f", "no-stream", [opened("dot-1")])
        const before = yield* snapshot
        const error = yield* Effect.flip(store.append("hanoi", "campaign:f", 1, [opened("lost")]))
        expect(error._tag).toBe("StoreUnavailable")
        expect(hooked).toEqual([true])
        expect(yield* snapshot).toStrictEqual(before)
      }).pipe(Effect.provide(Inline.layer(all).pipe(Layer.provideMerge(Layer.succeed(EventStore.EventStore, flaky)))))
    })
  )
})

describe("Inline.layer on a store that holds events already", () => {
  it("starts from the whole log: a restarted process reads what it read before", () =>
    fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            tenantId: fc.constantFrom("hanoi", "hue"),
            streamId: fc.constantFrom("campaign:x", "campaign:y", "org:hanoi"),
            phases: fc.integer({ min: 1, max: 3 })
          }),
          { maxLength: 10 }
        ),
        async (appends) => {
          // One log, as a database is: written by a first process, read by the next.
          const log = new InMemoryStore.MemoryLog({ foreignTypes: ["VisitLogged"] })
          const database = Layer.sync(EventStore.EventStore, () => InMemoryStore.make(log))
          const project = [perTenant, whole, phases] as ReadonlyArray<Projection.Projection<unknown>>
          const [first, second] = await Effect.runPromise(
            Effect.gen(function* () {
              const write = Effect.gen(function* () {
                const store = yield* EventStore.EventStore
                for (const [i, a] of appends.entries()) {
                  const events = Array.from({ length: a.phases }, (_, k) => opened(`dot-${i}-${k}`))
                  yield* store.append(a.tenantId, a.streamId.startsWith("org:") ? "crm:visits" : a.streamId, "any", [
                    ...(a.streamId.startsWith("org:")
                      ? [{ eventId: `v-${++ids}`, type: "VisitLogged", data: { by: "an" }, schemaVersion: 1 }]
                      : events)
                  ])
                }
                return yield* snapshot
              })
              const first = yield* write.pipe(Effect.provide(Inline.layer(project).pipe(Layer.provideMerge(database))))
              const second = yield* snapshot.pipe(
                Effect.provide(Inline.layer(project).pipe(Layer.provideMerge(database)))
              )
              return [first, second] as const
            })
          )
          expect(second).toStrictEqual(first)
        }
      ),
      { numRuns: 50 }
    ))

  it.effect("a stored event that does not read fails the layer with a CorruptEvent", () =>
    Effect.gen(function* () {
      const log = new InMemoryStore.MemoryLog()
      // Written behind the store's back: the store itself refuses such a payload.
      log.log.push({
        eventId: "bad",
        type: "PhaseOpened",
        data: { phaseId: 7 },
        schemaVersion: 1,
        tenantId: "hanoi",
        streamId: "campaign:x",
        version: 1,
        position: "00000000000000000001" as never,
        recordedAt: 0
      })
      const exit = yield* Effect.exit(
        Effect.scoped(
          Layer.build(
            Inline.layer(all).pipe(Layer.provide(Layer.succeed(EventStore.EventStore, InMemoryStore.make(log))))
          )
        )
      )
      expect(exit).toMatchObject({ _tag: "Failure" })
      if (Exit.isFailure(exit)) expect(String(exit.cause)).toMatch(/CorruptEvent/)
    })
  )

  it.effect("a projection that throws on a stored event fails the layer with a ProjectionFailed", () =>
    Effect.gen(function* () {
      const store = InMemoryStore.make()
      yield* store.append("hanoi", "campaign:x", "no-stream", [opened("dot-1"), opened("boom")])
      const error = yield* Effect.flip(
        Effect.scoped(Layer.build(Inline.layer(all).pipe(Layer.provide(Layer.succeed(EventStore.EventStore, store)))))
      )
      expect(error).toMatchObject({ _tag: "ProjectionFailed", projection: "inline-phases", version: 2 })
    })
  )
})
