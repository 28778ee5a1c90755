/**
 * Telemetry of the store on a PostgreSQL server (`THIDUA_PG_URL`): appends traced and timed, the
 * lag probe, and the horizon held back by a real open transaction of another session. PGlite has
 * one connection, so no second session can hold a transaction open beside the store's: these run
 * on a server only.
 */

import { PgClient } from "@effect/sql-pg"
import { describe, expect, it } from "@effect/vitest"
import { EventStore, Position, Telemetry } from "@thidua/store"
import { Deferred, Effect, Fiber, Layer, Metric, Redacted, Tracer } from "effect"
import { Reactivity } from "effect/reactivity"
import { runServerSuites, serverStore, TestDatabase } from "./support.js"

const opened = (n: number) => ({
  eventId: `e-${n}`,
  type: "PhaseOpened",
  data: { phaseId: `dot-${n}`, at: "2024-03-01" },
  schemaVersion: 1
})

const metricValue = (snapshots: ReadonlyArray<Metric.Metric.Snapshot>, id: string): number | undefined => {
  const s = snapshots.find((m) => m.id === id)
  if (s === undefined) return undefined
  return s.type === "Gauge" ? Number(s.state.value) : s.type === "Counter" ? Number(s.state.count) : undefined
}

describe.runIf(runServerSuites)("PostgresStore telemetry on a server", () => {
  it.live(
    "an open transaction of another session holds the horizon: the gauge grows past the threshold, the episode is counted once, the lag probe sees nothing until it ends",
    () => {
      const registry: Metric.MetricRegistry = new Map()
      const spans: Array<Tracer.NativeSpan> = []
      const tracer = Tracer.make({
        span: (options) => {
          const span = new Tracer.NativeSpan(options)
          spans.push(span)
          return span
        }
      })
      const store = serverStore({ horizonCheckInterval: "100 millis", horizonHeldThreshold: "1 second" }).pipe(
        Layer.provide(Layer.mergeAll(Telemetry.enable, Layer.succeed(Metric.MetricRegistry, registry)))
      )
      return Effect.gen(function* () {
        const events = yield* EventStore.EventStore
        const snapshot = Effect.provideService(Metric.snapshot, Metric.MetricRegistry, registry)
        yield* events.append("hanoi", "campaign:c", "no-stream", [opened(1)])
        // Another session opens a transaction and takes a transaction id, as a writer does.
        const { url } = yield* TestDatabase
        const other = yield* PgClient.makeClient({ url: Redacted.make(url) }).pipe(Effect.provide(Reactivity.layer))
        const taken = yield* Deferred.make<void>()
        const release = yield* Deferred.make<void>()
        const holder = yield* Effect.forkChild(
          other.withTransaction(
            Effect.gen(function* () {
              yield* other`SELECT pg_current_xact_id()::text`
              yield* Deferred.succeed(taken, undefined)
              yield* Deferred.await(release)
            })
          )
        )
        yield* Deferred.await(taken)
        // Committed after it began: kept from readers while it is open.
        yield* events.append("hanoi", "campaign:c", 1, [opened(2)])
        const probe = Telemetry.lagProbeOf(events)!
        yield* Effect.sleep("1600 millis")
        const held = yield* snapshot
        expect(metricValue(held, "thidua.store.horizon.held.seconds")).toBeGreaterThan(1)
        expect(metricValue(held, "thidua.store.horizon.held.exceeded")).toBe(1)
        // A reader at the first event sees nothing more to read: the second is behind the horizon.
        const all = yield* probe(Position.start, "hanoi")
        expect(all.events).toBe(1)
        yield* Effect.sleep("300 millis")
        expect(metricValue(yield* snapshot, "thidua.store.horizon.held.exceeded")).toBe(1)
        yield* Deferred.succeed(release, undefined)
        yield* Fiber.join(holder)
        yield* Effect.sleep("400 millis")
        const after = yield* snapshot
        expect(metricValue(after, "thidua.store.horizon.held.seconds")).toBeLessThan(1)
        expect(metricValue(after, "thidua.store.horizon.held.exceeded")).toBe(1)
        expect((yield* probe(Position.start, "hanoi")).events).toBe(2)
        expect((yield* probe(Position.start, "hcm")).events).toBe(0)
        // Appends were traced and timed.
        const appends = spans.filter((s) => s.name === "thidua.store.append")
        expect(appends.map((s) => s.attributes.get("thidua.version"))).toEqual([1, 2])
        expect(appends[0]?.attributes.get("thidua.store")).toBe("postgres")
        const histogram = after.find((m) => m.id === "thidua.store.append.duration")
        expect(histogram?.type === "Histogram" && histogram.state.count).toBe(2)
      }).pipe(
        Effect.scoped,
        Effect.provide(store),
        // The appends' metrics go to the registry of the fiber that appends.
        Effect.provideService(Metric.MetricRegistry, registry),
        Effect.withTracer(tracer)
      )
    },
    60_000
  )
})
