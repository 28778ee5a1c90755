/**
 * Spans and metrics for operators, off unless the host asks: `createThiDua({ telemetry })` or
 * `Engine.layer({ telemetry })` with `{ otlp: { url } }` (OTLP over HTTP, JSON, to a collector)
 * or `Telemetry.inMemory()` (an exporter the host reads itself). What is emitted, and its names,
 * are `@thidua/store`'s `Telemetry` (re-exported here as `spans`, `attributes` and `metrics`); the
 * guide `docs/guides/telemetry.md` lists them.
 *
 * Without `telemetry` nothing is traced or measured: the engine, its store, its read models and
 * its workflows are made with telemetry off and create no span on any path. An Effect host with a
 * `Tracer` of its own provides it with `enable` to `Engine.layer`:
 * `Engine.layer().pipe(Layer.provide(Telemetry.enable), Layer.provide(myTracerLayer))`.
 *
 * @since 0.7.0
 */
import { Telemetry as StoreTelemetry } from "@thidua/store"
import { Cause, Context, type Duration, Effect, Exit, Layer, Metric, Tracer } from "effect"
import { FetchHttpClient } from "effect/http"
import { OtlpMetrics, OtlpSerialization, OtlpTracer } from "effect/observability"
import { InvalidOption } from "./EngineError.js"

/**
 * The span names (`thidua.command`, `thidua.command.decode`, ...): see `@thidua/store`'s `Telemetry`.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * assert.equal(Telemetry.spans.projectionBatch, "thidua.projection.batch")
 * ```
 *
 * @since 0.7.0
 * @category names
 */
export const spans = StoreTelemetry.spans

/**
 * The attribute keys (`thidua.tenant_id`, `thidua.rule_id`, ...): see `@thidua/store`'s `Telemetry`.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * assert.equal(Telemetry.attributes.outcome, "thidua.command.outcome")
 * ```
 *
 * @since 0.7.0
 * @category names
 */
export const attributes = StoreTelemetry.attributes

/**
 * The metric names, as `Telemetry.inMemory().metrics()` and OTLP report them.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * assert.equal(Telemetry.metricNames.commands, "thidua.commands")
 * ```
 *
 * @since 0.7.0
 * @category names
 */
export const metricNames = {
  commands: StoreTelemetry.metrics.commands.id,
  appendDuration: StoreTelemetry.metrics.appendDuration.id,
  projectionLagEvents: StoreTelemetry.metrics.projectionLagEvents.id,
  projectionLagSeconds: StoreTelemetry.metrics.projectionLagSeconds.id,
  horizonHeldSeconds: StoreTelemetry.metrics.horizonHeldSeconds.id,
  horizonHeldExceeded: StoreTelemetry.metrics.horizonHeldExceeded.id
} as const

/**
 * Export over OTLP/HTTP with JSON bodies, to a collector's base URL (`/v1/traces` and
 * `/v1/metrics` are added). Spans are sent in batches every `exportInterval` (default 5 s) and
 * metrics every `exportInterval` (default 10 s); what is left is sent when the engine closes.
 *
 * @example
 * ```ts
 * import type { Telemetry } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const otlp: Telemetry.Otlp = { otlp: { url: "http://collector:4318", serviceName: "thidua-hanoi", exportInterval: "5 seconds" } }
 * assert.equal(otlp.otlp.url, "http://collector:4318")
 * ```
 *
 * @since 0.7.0
 * @category config
 */
export interface Otlp {
  readonly otlp: {
    /** The collector, e.g. `http://collector:4318`. */
    readonly url: string
    /** `service.name` of the resource. Default `thidua`. */
    readonly serviceName?: string
    /** Sent with every request (an API key, ...). */
    readonly headers?: Readonly<Record<string, string>>
    /** How often spans and metrics are sent. */
    readonly exportInterval?: Duration.Input
  }
}

/**
 * A span as `InMemory.spans()` gives it: plain data.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const spans: ReadonlyArray<Telemetry.SpanData> = Telemetry.inMemory().spans()
 * assert.deepEqual(spans, [])
 * ```
 *
 * @since 0.7.0
 * @category in memory
 */
export interface SpanData {
  readonly name: string
  readonly spanId: string
  readonly traceId: string
  /** The parent span's id and name, for a child span. */
  readonly parentSpanId: string | undefined
  readonly parent: string | undefined
  readonly attributes: Readonly<Record<string, unknown>>
  /** `ok`, `error` (its `error` says why), or `unset` while the span is open. */
  readonly status: "ok" | "error" | "unset"
  readonly error: string | undefined
  /** Milliseconds since 1970, with fractions; `end` is `undefined` while the span is open. */
  readonly start: number
  readonly end: number | undefined
}

/**
 * A metric as `InMemory.metrics()` gives it: one per name and attribute set. `value` is a
 * counter's count or a gauge's value; a histogram's is its count of observations, with `sum`,
 * `min`, `max` and `buckets` (upper bound → cumulative count) beside it.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const metrics: ReadonlyArray<Telemetry.MetricData> = Telemetry.inMemory().metrics()
 * assert.deepEqual(metrics, [])
 * ```
 *
 * @since 0.7.0
 * @category in memory
 */
export interface MetricData {
  readonly name: string
  readonly type: "counter" | "gauge" | "histogram" | "frequency" | "summary"
  readonly description: string | undefined
  readonly attributes: Readonly<Record<string, string>>
  readonly value: number
  readonly sum?: number
  readonly min?: number
  readonly max?: number
  readonly buckets?: ReadonlyArray<readonly [number, number]>
}

const inMemoryId = Symbol.for("@thidua/engine/Telemetry/InMemory")

/**
 * An exporter that keeps spans and metrics in memory for the host to read: pass it as
 * `telemetry`, then read `spans()` and `metrics()`.
 *
 * @example
 * ```ts
 * import { createThiDua, Telemetry } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const mem: Telemetry.InMemory = Telemetry.inMemory({ limit: 100 })
 * const td = await createThiDua({ telemetry: mem })
 * await td.close()
 * assert.deepEqual(mem.spans(), [])
 * ```
 *
 * @since 0.7.0
 * @category in memory
 */
export interface InMemory {
  readonly [inMemoryId]: { readonly tracer: Tracer.Tracer; readonly registry: Metric.MetricRegistry }
  /** The spans recorded, oldest first (at most `limit`: the oldest are dropped first). */
  readonly spans: () => ReadonlyArray<SpanData>
  /** The metrics as they stand. */
  readonly metrics: () => ReadonlyArray<MetricData>
  /** Forgets the spans recorded so far (metrics keep counting). */
  readonly clearSpans: () => void
}

/**
 * What `telemetry` takes: OTLP, or an in-memory exporter.
 *
 * @example
 * ```ts
 * import { createThiDua, Telemetry } from "@thidua/engine"
 *
 * const config: Telemetry.Config = process.env.OTEL_COLLECTOR === undefined ? Telemetry.inMemory() : { otlp: { url: process.env.OTEL_COLLECTOR } }
 * await (await createThiDua({ telemetry: config })).close()
 * ```
 *
 * @since 0.7.0
 * @category config
 */
export type Config = Otlp | InMemory

const millis = (nanos: bigint): number => Number(nanos / 1000n) / 1000

const spanData = (span: Tracer.NativeSpan): SpanData => {
  const parent = span.parent._tag === "Some" ? span.parent.value : undefined
  const status = span.status
  const failure = status._tag === "Ended" && Exit.isFailure(status.exit) ? status.exit.cause : undefined
  return {
    name: span.name,
    spanId: span.spanId,
    traceId: span.traceId,
    parentSpanId: parent?.spanId,
    parent: parent?._tag === "Span" ? parent.name : undefined,
    attributes: Object.fromEntries(span.attributes),
    status: status._tag === "Started" ? "unset" : failure === undefined ? "ok" : "error",
    error:
      failure === undefined
        ? undefined
        : Cause.hasInterruptsOnly(failure)
          ? "interrupted"
          : String((Cause.squash(failure) as { message?: unknown })?.message ?? Cause.squash(failure)),
    start: millis(span.startTime),
    end: status._tag === "Ended" ? millis(status.endTime) : undefined
  }
}

const metricData = (s: Metric.Metric.Snapshot): MetricData => {
  const base = { name: s.id, description: s.description, attributes: (s.attributes ?? {}) as Record<string, string> }
  switch (s.type) {
    case "Counter":
      return { ...base, type: "counter", value: Number(s.state.count) }
    case "Gauge":
      return { ...base, type: "gauge", value: Number(s.state.value) }
    case "Histogram":
      return {
        ...base,
        type: "histogram",
        value: s.state.count,
        sum: s.state.sum,
        min: s.state.min,
        max: s.state.max,
        buckets: s.state.buckets
      }
    case "Frequency":
      return { ...base, type: "frequency", value: [...s.state.occurrences.values()].reduce((a, b) => a + b, 0) }
    case "Summary":
      return { ...base, type: "summary", value: s.state.count, sum: s.state.sum, min: s.state.min, max: s.state.max }
  }
}

/**
 * Makes an in-memory exporter. It keeps the last `limit` spans (default 10,000) and the metrics of
 * the engines it is given to.
 *
 * @example
 * ```ts
 * import { Commands, createThiDua, Telemetry } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const mem = Telemetry.inMemory()
 * const td = await createThiDua({ telemetry: mem })
 * const actor = { organizationId: "ldld-ha-noi", role: "executive" } as const
 * await td.execute(Commands.registerOrganization({
 *   commandId: "dir-1", tenantId: "hanoi", actor, at: "2020-01-02",
 *   organizationId: "ldld-ha-noi", name: "Liên đoàn Lao động thành phố Hà Nội", level: "federation"
 * }), { principal: { tenantId: "hanoi", ...actor } })
 * const command = mem.spans().find((s) => s.name === "thidua.command")
 * assert.equal(command?.attributes["thidua.command.outcome"], "accepted")
 * assert.deepEqual(mem.spans().filter((s) => s.parentSpanId === command?.spanId).map((s) => s.name),
 *   ["thidua.command.decode", "thidua.command.decide", "thidua.command.append", "thidua.command.inline"])
 * const accepted = mem.metrics().find((m) => m.name === "thidua.commands")
 * assert.equal(accepted?.value, 1)
 * await td.close()
 * ```
 *
 * @since 0.7.0
 * @category in memory
 */
export const inMemory = (options: { readonly limit?: number } = {}): InMemory => {
  const limit = options.limit ?? 10_000
  let recorded: Array<Tracer.NativeSpan> = []
  const registry: Metric.MetricRegistry = new Map()
  const tracer = Tracer.make({
    span: (o) => {
      const span = new Tracer.NativeSpan(o)
      recorded.push(span)
      if (recorded.length > limit) recorded = recorded.slice(-limit)
      return span
    }
  })
  return {
    [inMemoryId]: { tracer, registry },
    spans: () => recorded.map(spanData),
    metrics: () => Metric.snapshotUnsafe(Context.make(Metric.MetricRegistry, registry)).map(metricData),
    clearSpans: () => {
      recorded = []
    }
  }
}

/**
 * Turns telemetry on for an engine made with it, with the `Tracer` and metric registry the host
 * provides (Effect hosts with a tracer of their own; `telemetry` in the config does this itself).
 *
 * @example
 * ```ts
 * import { Engine, Telemetry } from "@thidua/engine"
 * import { Effect, Layer, Tracer } from "effect"
 * import assert from "node:assert"
 *
 * const names: Array<string> = []
 * const tracer = Tracer.make({ span: (o) => { names.push(o.name); return new Tracer.NativeSpan(o) } })
 * const engine = Engine.layer().pipe(Layer.provide(Telemetry.enable), Layer.provide(Layer.succeed(Tracer.Tracer, tracer)))
 * await Effect.runPromise(Effect.gen(function*() {
 *   const e = yield* Engine.Engine
 *   yield* Effect.result(e.execute({ _tag: "Nonsense" }, { principal: { tenantId: "hanoi", organizationId: "ldld-ha-noi", role: "executive" } }))
 * }).pipe(Effect.provide(engine)))
 * assert.deepEqual(names, ["thidua.command", "thidua.command.decode"])
 * ```
 *
 * @since 0.7.0
 * @category layers
 */
export const enable: Layer.Layer<never> = StoreTelemetry.enable

const isRecordOfStrings = (u: unknown): u is Record<string, string> =>
  typeof u === "object" && u !== null && Object.values(u).every((v) => typeof v === "string")

/**
 * The layer `telemetry` becomes: telemetry on, with the exporter's tracer and a metric registry of
 * its own (so two engines in one process report apart). A config that is not one of the two
 * fails with `InvalidOption` naming the field.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/engine"
 * import { Effect, Exit, Layer } from "effect"
 * import assert from "node:assert"
 *
 * const bad = await Effect.runPromiseExit(Layer.build(Telemetry.layer({ otlp: { url: "not a url" } })).pipe(Effect.scoped))
 * assert.ok(Exit.isFailure(bad))
 * ```
 *
 * @since 0.7.0
 * @category layers
 */
export const layer = (config: Config): Layer.Layer<never, InvalidOption> => {
  const refuse = (option: string, reason: string) =>
    Layer.effectDiscard(Effect.fail(new InvalidOption({ option, reason })))
  if (typeof config === "object" && config !== null && inMemoryId in config) {
    const { tracer, registry } = config[inMemoryId]
    return Layer.mergeAll(
      StoreTelemetry.enable,
      Layer.succeed(Tracer.Tracer, tracer),
      Layer.succeed(Metric.MetricRegistry, registry)
    )
  }
  const otlp: unknown = typeof config === "object" && config !== null ? (config as Otlp).otlp : undefined
  if (typeof otlp !== "object" || otlp === null)
    return refuse("telemetry", "expected { otlp: { url } } or Telemetry.inMemory()")
  const o = otlp as Otlp["otlp"]
  let base: URL
  try {
    base = new URL(o.url)
  } catch {
    return refuse("telemetry.otlp.url", `not a URL: ${JSON.stringify(String(o.url).slice(0, 80))}`)
  }
  if (base.protocol !== "http:" && base.protocol !== "https:")
    return refuse("telemetry.otlp.url", `expected http: or https:, got ${base.protocol}`)
  if (o.serviceName !== undefined && (typeof o.serviceName !== "string" || o.serviceName.length === 0))
    return refuse("telemetry.otlp.serviceName", "must be a non-empty string")
  if (o.headers !== undefined && !isRecordOfStrings(o.headers))
    return refuse("telemetry.otlp.headers", "must be an object of strings")
  const root = base.href.replace(/\/+$/, "")
  const resource = { serviceName: o.serviceName ?? "thidua" }
  const registry: Metric.MetricRegistry = new Map()
  const exporters = Layer.mergeAll(
    OtlpTracer.layer({
      url: `${root}/v1/traces`,
      resource,
      headers: o.headers,
      exportInterval: o.exportInterval
    }),
    OtlpMetrics.layer({
      url: `${root}/v1/metrics`,
      resource,
      headers: o.headers,
      exportInterval: o.exportInterval
    })
  ).pipe(
    Layer.provide(OtlpSerialization.layerJson),
    Layer.provide(FetchHttpClient.layer),
    Layer.provideMerge(Layer.succeed(Metric.MetricRegistry, registry))
  )
  // The exporters' flusher comes out too; the engine does not use it (they flush when it closes).
  return Layer.mergeAll(StoreTelemetry.enable, exporters as Layer.Layer<never>)
}
