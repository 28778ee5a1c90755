import { describe, expect, it } from "@effect/vitest"
import { EventStore, InMemoryStore, Position, Telemetry } from "@thidua/store"
import { Effect, Exit, Layer, Metric, Tracer } from "effect"
import { Projection, ReadModelStore, Runner } from "../src/index.js"

// A store whose clock the test sets: events are recorded at `clock.now`, and the lag is read then.
const clock = { now: Date.parse("2024-03-01T08:00:00Z") }
const storeLayer = () =>
  Layer.succeed(EventStore.EventStore, InMemoryStore.make(new InMemoryStore.MemoryLog(() => clock.now)))

const opened = (n: number) => ({
  eventId: `e-${n}`,
  type: "PhaseOpened",
  data: { phaseId: `dot-${n}`, at: "2024-03-01" },
  schemaVersion: 1
})
const appendPhases = (tenantId: string, count: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    for (let n = 1; n <= count; n++) yield* store.append(tenantId, "campaign:c", n - 1, [opened(n)])
  })

// Folds PhaseOpened; throws on the event named in `failAt`, so that a runner stops behind.
const phases = (failAt?: string) =>
  Projection.make({
    name: "phases",
    version: 1,
    init: () => ({ n: 0 }),
    handlers: {
      PhaseOpened: (s, e) => {
        if (e.phaseId === failAt) throw new Error("this read model cannot fold dot-15")
        s.n++
        return s
      }
    }
  })

const recording = () => {
  const spans: Array<Tracer.NativeSpan> = []
  const tracer = Tracer.make({
    span: (options) => {
      const span = new Tracer.NativeSpan(options)
      spans.push(span)
      return span
    }
  })
  return { spans, tracer }
}

const gauge = (snapshots: ReadonlyArray<Metric.Metric.Snapshot>, id: string) =>
  snapshots.find((s) => s.id === id && s.attributes?.["thidua.projection"] === "phases")?.state as
    | Metric.GaugeState<number>
    | undefined

describe("projection runner telemetry", () => {
  it.effect("a runner stopped 15 events behind says so: lag 15 events, 60 s, and one batch span per page", () => {
    const { spans, tracer } = recording()
    return Effect.gen(function* () {
      clock.now = Date.parse("2024-03-01T08:00:00Z")
      yield* appendPhases("hanoi", 25)
      // A minute later, a runner of ten-event pages folds the first page and fails on the second.
      clock.now += 60_000
      const exit = yield* Effect.exit(Runner.catchUp(phases("dot-15"), { tenantId: "hanoi", batchSize: 10 }))
      expect(Exit.isFailure(exit)).toBe(true)
      const snapshots = yield* Metric.snapshot
      expect(gauge(snapshots, "thidua.projection.lag.events")?.value).toBe(15)
      expect(gauge(snapshots, "thidua.projection.lag.seconds")?.value).toBe(60)
      const batches = spans.filter((s) => s.name === "thidua.projection.batch")
      expect(
        batches.map((b) => [
          b.attributes.get("thidua.event_count"),
          b.attributes.get("thidua.position.from"),
          b.attributes.get("thidua.position.to")
        ])
      ).toEqual([
        [10, Position.start, Position.fromCount(10)],
        [10, Position.fromCount(10), Position.fromCount(20)]
      ])
      expect(batches[0]?.attributes.get("thidua.projection")).toBe("phases")
      expect(batches[0]?.attributes.get("thidua.tenant_id")).toBe("hanoi")
      expect(batches[0]?.status._tag === "Ended" && Exit.isSuccess(batches[0].status.exit)).toBe(true)
      // The page the projection threw on ends its span with the failure.
      expect(batches[1]?.status._tag === "Ended" && Exit.isFailure(batches[1].status.exit)).toBe(true)
    }).pipe(
      Effect.provide(Layer.mergeAll(storeLayer(), ReadModelStore.layerMemory)),
      Effect.provide(Telemetry.enable),
      Effect.provideService(Metric.MetricRegistry, new Map()),
      Effect.withTracer(tracer)
    )
  })

  it.effect("a runner that catches up ends at lag 0; another tenant's events are not its lag", () => {
    const { spans, tracer } = recording()
    return Effect.gen(function* () {
      yield* appendPhases("hanoi", 25)
      yield* appendPhases("hcm", 7)
      const follower = yield* Runner.follower(phases(), { tenantId: "hanoi", batchSize: 10 })
      yield* follower.catchUp
      expect(follower.states.get("all")?.n).toBe(25)
      const snapshots = yield* Metric.snapshot
      expect(gauge(snapshots, "thidua.projection.lag.events")?.value).toBe(0)
      expect(gauge(snapshots, "thidua.projection.lag.seconds")?.value).toBe(0)
      expect(
        spans.filter((s) => s.name === "thidua.projection.batch").map((b) => b.attributes.get("thidua.event_count"))
      ).toEqual([10, 10, 5])
      // The probe itself, per tenant: hcm's 7 events, none of hanoi's.
      const probe = Telemetry.lagProbeOf(yield* EventStore.EventStore)!
      expect((yield* probe(Position.start, "hcm")).events).toBe(7)
      expect((yield* probe(Position.start, undefined)).events).toBe(32)
    }).pipe(
      Effect.provide(Layer.mergeAll(storeLayer(), ReadModelStore.layerMemory)),
      Effect.provide(Telemetry.enable),
      Effect.provideService(Metric.MetricRegistry, new Map()),
      Effect.withTracer(tracer)
    )
  })

  it.effect("with telemetry off a runner creates no span and touches no metric", () => {
    const { spans, tracer } = recording()
    const registry: Metric.MetricRegistry = new Map()
    return Effect.gen(function* () {
      yield* appendPhases("hanoi", 25)
      yield* Runner.catchUp(phases(), { batchSize: 10 })
      const follower = yield* Runner.follower(phases(), { batchSize: 10 })
      yield* follower.catchUp
      expect(spans.map((s) => s.name)).toEqual([])
      expect(registry.size).toBe(0)
    }).pipe(
      Effect.provide(Layer.mergeAll(storeLayer(), ReadModelStore.layerMemory)),
      Effect.provideService(Metric.MetricRegistry, registry),
      Effect.withTracer(tracer)
    )
  })
})
