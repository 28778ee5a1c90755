import { describe, expect, layer } from "@effect/vitest"
import { EventStore, StoreError } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { History } from "@thidua/testing"
import { Effect, Exit, Layer } from "effect"
import { SqlClient } from "effect/sql"
import fc from "fast-check"
import { runs } from "../../../scripts/properties.js"
import {
  AwardRoll,
  InitiativeLedger,
  Inline,
  Participation,
  Projection,
  ProjectionError,
  ReadModelStore,
  ReadModels,
  Runner,
  Scoreboard,
  SqlReadModelStore,
  Timeline
} from "../src/index.js"
import { appendHistory, byType, naive } from "./support.js"

const url = process.env.THIDUA_PG_URL
const backends: ReadonlyArray<readonly [string, PostgresStore.Config]> = [
  ["PGlite", {}],
  ...(url !== undefined ? ([["server", { url }]] as const) : [])
]

// Events per tenant: one partition that every append of the tenant changes. The faulty one has
// bugs: it throws on a phase named "boom" and forgets to return the state for "forgetful".
const perTenant = (name: string, faulty = false) =>
  Projection.make({
    name,
    version: 1,
    init: () => ({ n: 0 }),
    partition: Projection.byTenant,
    handlers: {
      PhaseOpened: (s, e) => {
        if (faulty && e.phaseId === "boom") throw new Error("projection bug")
        if (faulty && e.phaseId === "forgetful") return undefined as never
        s.n++
        return s
      }
    }
  })

const opened = (phaseId: string) => ({
  eventId: crypto.randomUUID(),
  type: "PhaseOpened",
  data: { phaseId, at: "2024-01-02" },
  schemaVersion: 1
})

const unique = () => crypto.randomUUID().slice(0, 8)
// A state that PostgreSQL's JSON cannot keep, once a phase named "nan" opens.
const averaging = Projection.make({
  name: `inline-average-${unique()}`,
  version: 1,
  init: () => ({ sum: 0, n: 0, average: 0 }),
  partition: Projection.byCampaign,
  handlers: {
    PhaseOpened: (s, e) => {
      if (e.phaseId === "nan") s.average = s.sum / s.n
      else s.n++
      return s
    }
  }
})
const visits = { ...byType(`inline-visits-${unique()}`) }
const counts = byType(`inline-counts-${unique()}`)
const tenantWide = perTenant(`inline-tenant-${unique()}`)
const buggy = perTenant(`inline-faulty-${unique()}`, true)
// Every built-in read model, under names of this run.
const builtIns = [
  Scoreboard.projection,
  InitiativeLedger.projection,
  AwardRoll.projection,
  Participation.projection,
  Timeline.projection
].map((p) => ({ ...p, name: `inline-${p.name}-${unique()}` })) as ReadonlyArray<Projection.Projection<unknown>>

for (const [backend, config] of backends) {
  const layers = Inline.layerSql([counts, tenantWide, buggy, averaging, visits, ...builtIns]).pipe(
    Layer.provideMerge(SqlReadModelStore.layer),
    Layer.provideMerge(PostgresStore.layer(config, { foreignTypes: ["VisitLogged"] }))
  )
  layer(layers, { timeout: "120 seconds", excludeTestServices: true })(`Inline.layerSql on ${backend}`, (it) => {
    describe("read models change in the append's transaction", () => {
      it.effect("inline equals a rebuild and a naive fold, for generated valid histories and every built-in", () =>
        Effect.gen(function* () {
          // Long histories, that reach reviews, awards and the close: the first three by default,
          // the first six with THIDUA_LONG_PROPERTIES=1.
          const count = runs(3, 6)
          const histories = fc
            .sample(History.campaign({ valid: true, maxSteps: 200 }), { numRuns: 60, seed: 11 })
            .filter((h) => h.events.length >= 60)
            .slice(0, count)
          expect(histories.length).toBe(count)
          for (const h of histories) {
            const tenantId = `t-${unique()}`
            yield* appendHistory(h, tenantId)
            const key = ReadModels.campaignKey(tenantId, "campaign-1")
            const inline = yield* ReadModels.get(counts, key)
            expect(inline ?? { byType: new Map() }).toEqual(naive(h.events))
            for (const p of builtIns) {
              const rebuilt = yield* Runner.rebuild(p, { tenantId })
              const partition = p.partition === Projection.byTenant ? tenantId : key
              expect(yield* ReadModels.get(p, partition), p.name).toEqual(rebuilt.states.get(partition))
            }
          }
        })
      )

      it.effect("a stale version changes nothing: the append fails, the read model stays", () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const tenantId = `t-${unique()}`
          yield* store.append(tenantId, "campaign:a", "no-stream", [opened("dot-1")])
          const stale = yield* Effect.flip(store.append(tenantId, "campaign:a", 0, [opened("dot-2")]))
          expect(stale).toBeInstanceOf(StoreError.WrongExpectedVersion)
          expect(yield* ReadModels.get(tenantWide, tenantId)).toEqual({ n: 1 })
        })
      )

      it.effect("a re-sent command counts once", () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const tenantId = `t-${unique()}`
          const events = [opened("dot-1"), opened("dot-2")]
          const first = yield* store.append(tenantId, "campaign:a", "no-stream", events, { commandId: "cmd-1" })
          const again = yield* store.append(tenantId, "campaign:a", "no-stream", events, { commandId: "cmd-1" })
          expect([first.duplicate, again.duplicate]).toEqual([false, true])
          expect(yield* ReadModels.get(tenantWide, tenantId)).toEqual({ n: 2 })
        })
      )

      it.effect("a projection that throws fails the append: neither the events nor any read model change", () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const tenantId = `t-${unique()}`
          yield* store.append(tenantId, "campaign:a", "no-stream", [opened("dot-1")])
          const error = yield* Effect.flip(store.append(tenantId, "campaign:a", 1, [opened("dot-2"), opened("boom")]))
          // Typed: the append is aborted by the projection, named with the event it failed on.
          expect(error).toBeInstanceOf(StoreError.AppendAborted)
          expect((error as StoreError.AppendAborted).cause).toBeInstanceOf(ProjectionError.ProjectionFailed)
          expect((error as StoreError.AppendAborted).cause).toMatchObject({
            projection: buggy.name,
            projectionVersion: 1,
            tenantId,
            streamId: "campaign:a",
            version: 3,
            type: "PhaseOpened"
          })
          expect(yield* store.streamVersion(tenantId, "campaign:a")).toBe(1)
          expect(yield* ReadModels.get(tenantWide, tenantId)).toEqual({ n: 1 })
          expect(yield* ReadModels.get(buggy, tenantId)).toEqual({ n: 1 })
        })
      )

      it.effect("a state JSON cannot keep refuses the append with an UnstorableState naming where", () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const tenantId = `t-${unique()}`
          const error = yield* Effect.flip(store.append(tenantId, "campaign:a", "no-stream", [opened("nan")]))
          expect(error).toBeInstanceOf(StoreError.AppendAborted)
          expect((error as StoreError.AppendAborted).cause).toBeInstanceOf(ProjectionError.UnstorableState)
          expect((error as StoreError.AppendAborted).cause).toMatchObject({
            projection: averaging.name,
            partition: Projection.streamKey(tenantId, "campaign:a"),
            path: "$.average",
            reason: "NaN"
          })
          expect(yield* store.streamVersion(tenantId, "campaign:a")).toBe(0)
          expect(yield* ReadModels.get(averaging, Projection.streamKey(tenantId, "campaign:a"))).toBeUndefined()
        })
      )

      it.effect("a stored state that does not read fails the read and the append with a CorruptState", () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const sql = yield* SqlClient.SqlClient
          const tenantId = `t-${unique()}`
          yield* store.append(tenantId, "campaign:a", "no-stream", [opened("dot-1")])
          yield* sql`UPDATE thidua_read_models SET state = '{"n": {"$map": 5}}'::jsonb
            WHERE name = ${tenantWide.name} AND partition = ${tenantId}`
          const read = yield* Effect.flip(ReadModels.get(tenantWide, tenantId))
          expect(read).toBeInstanceOf(ProjectionError.CorruptState)
          expect(read).toMatchObject({ projection: tenantWide.name, partition: tenantId, path: "$.n.$map" })
          const append = yield* Effect.flip(store.append(tenantId, "campaign:a", 1, [opened("dot-2")]))
          expect((append as StoreError.AppendAborted).cause).toBeInstanceOf(ProjectionError.CorruptState)
          expect(yield* store.streamVersion(tenantId, "campaign:a")).toBe(1)
        })
      )

      it.effect("events of the host's own types pass through, folded by no projection", () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const tenantId = `t-${unique()}`
          yield* store.append(tenantId, "campaign:a", "no-stream", [opened("dot-1")])
          yield* store.append(tenantId, "crm:visits", "no-stream", [
            { eventId: crypto.randomUUID(), type: "VisitLogged", data: { by: "an" }, schemaVersion: 1 }
          ])
          // `visits` folds every domain type (no tags): the foreign one is not among them.
          expect(yield* ReadModels.get(visits, Projection.streamKey(tenantId, "crm:visits"))).toBeUndefined()
          expect((yield* Runner.rebuild(visits, { tenantId })).states.size).toBe(1)
        })
      )

      it.effect("tenant a/b with stream c and tenant a with stream b/c are two partitions", () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const t = unique()
          yield* store.append(`${t}/b`, "c", "no-stream", [opened("dot-1")])
          yield* store.append(t, "b/c", "no-stream", [opened("dot-1"), opened("dot-2")])
          expect(yield* ReadModels.get(counts, Projection.streamKey(`${t}/b`, "c"))).toEqual({
            byType: new Map([["PhaseOpened", 1]])
          })
          expect(yield* ReadModels.get(counts, Projection.streamKey(t, "b/c"))).toEqual({
            byType: new Map([["PhaseOpened", 2]])
          })
        })
      )

      it.effect("concurrent appends of one tenant, on eight streams, are all counted once", () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const tenantId = `t-${unique()}`
          yield* Effect.forEach(
            Array.from({ length: 8 }, (_, w) => w),
            (w) =>
              Effect.gen(function* () {
                for (let i = 0; i < 25; i++)
                  yield* store.append(tenantId, `campaign:w${w}`, i === 0 ? "no-stream" : i, [opened(`dot-${i}`)])
              }),
            { concurrency: 8 }
          )
          expect(yield* ReadModels.get(tenantWide, tenantId)).toEqual({ n: 200 })
          const rebuilt = yield* Runner.rebuild(tenantWide, { tenantId })
          expect(rebuilt.states.get(tenantId)).toEqual({ n: 200 })
        })
      )

      it.effect("a runner refuses a projection kept inline", () =>
        Effect.gen(function* () {
          const exit = yield* Effect.exit(Runner.catchUp(tenantWide))
          expect(Exit.isFailure(exit)).toBe(true)
          if (Exit.isFailure(exit)) expect(String(exit.cause)).toMatch(/is kept inline/)
        })
      )

      it.effect("only projections with a handler for an appended event are read and written", () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const tenantId = `t-${unique()}`
          yield* store.append(tenantId, "campaign:a", "no-stream", [opened("dot-1")])
          const scoreboard = builtIns[0]!
          expect(Projection.handles(scoreboard, "PhaseOpened")).toBe(false)
          expect(yield* ReadModels.get(scoreboard, ReadModels.campaignKey(tenantId, "a"))).toBeUndefined()
          expect(yield* ReadModels.get(tenantWide, tenantId)).toEqual({ n: 1 })
        })
      )

      it.effect("a handler that returns no state fails the append with a message that says so", () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const tenantId = `t-${unique()}`
          const error = yield* Effect.flip(store.append(tenantId, "campaign:a", "no-stream", [opened("forgetful")]))
          const cause = (error as StoreError.AppendAborted).cause
          expect(cause).toBeInstanceOf(ProjectionError.ProjectionFailed)
          expect((cause as ProjectionError.ProjectionFailed).message).toMatch(/a handler must return the state/)
          expect(yield* store.streamVersion(tenantId, "campaign:a")).toBe(0)
        })
      )

      it.effect("refuses to fold inline a projection a runner keeps", () =>
        Effect.gen(function* () {
          const kept = perTenant(`kept-${unique()}`)
          yield* (yield* ReadModelStore.ReadModelStore).save(kept.name, kept.version, {
            states: new Map(),
            position: "00000000000000000001" as never
          })
          // The same database: the store and client of this suite.
          const context = Layer.mergeAll(
            Layer.succeed(EventStore.EventStore, yield* EventStore.EventStore),
            Layer.succeed(SqlClient.SqlClient, yield* SqlClient.SqlClient)
          )
          const exit = yield* Effect.exit(
            Effect.scoped(Layer.build(Inline.layerSql([kept]).pipe(Layer.provide(context))))
          )
          expect(Exit.isFailure(exit)).toBe(true)
          if (Exit.isFailure(exit)) expect(String(exit.cause)).toMatch(/kept by a runner/)
        })
      )
    })
  })
}
