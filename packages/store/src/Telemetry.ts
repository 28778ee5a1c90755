/**
 * What Thi Đua tells an operator: the names of its spans, of their attributes and of its metrics,
 * defined here once (a name found here is found everywhere it is used with one search), and the
 * switch that turns them on.
 *
 * Telemetry is off unless `Enabled` is `true` where a command handler, a store or a runner is
 * made: each reads it once, when it is made, and one made with it off creates no span and touches
 * no metric on any of its paths. `@thidua/engine`'s `Telemetry` turns it on with an exporter (OTLP
 * over HTTP, or in memory); an Effect host with a `Tracer` of its own provides `enable` beside it.
 *
 * @since 0.7.0
 */
import { Context, Effect, type Exit, Layer, Metric, Option, type Tracer } from "effect"
import type { Shape } from "./EventStore.js"
import type { Position } from "./Position.js"
import type { StoreUnavailable } from "./StoreError.js"

/**
 * Whether what is made in its scope records spans and metrics. Default `false`.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/store"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * assert.equal(Effect.runSync(Effect.service(Telemetry.Enabled)), false)
 * assert.equal(Effect.runSync(Effect.provide(Effect.service(Telemetry.Enabled), Telemetry.enable)), true)
 * ```
 *
 * @since 0.7.0
 * @category switch
 */
export const Enabled = Context.Reference<boolean>("@thidua/store/Telemetry/Enabled", { defaultValue: () => false })

/**
 * A layer that turns telemetry on for the handlers, stores and runners made with it. The spans go
 * to the `Tracer` in context and the metrics to the `Metric.MetricRegistry` in context.
 *
 * @example
 * ```ts
 * import { CommandHandler, InMemoryStore, Telemetry } from "@thidua/store"
 * import { Effect, Layer, Tracer } from "effect"
 * import assert from "node:assert"
 *
 * const names: Array<string> = []
 * const tracer = Tracer.make({ span: (options) => { names.push(options.name); return new Tracer.NativeSpan(options) } })
 * const program = Effect.gen(function*() {
 *   const handler = yield* CommandHandler.make()
 *   const actor = { organizationId: "ldld-hn", role: "executive" } as const
 *   const principal = { tenantId: "hanoi", ...actor }
 *   yield* handler.directory({ _tag: "RegisterOrganization", commandId: "c-1", tenantId: "hanoi", actor, at: "2020-01-01", organizationId: "ldld-hn", name: "LĐLĐ Hà Nội", level: "federation" } as never, { principal })
 * })
 * await Effect.runPromise(program.pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, Telemetry.enable)), Effect.withTracer(tracer)))
 * assert.deepEqual(names, ["thidua.command", "thidua.command.decide", "thidua.command.append", "thidua.command.inline"])
 * ```
 *
 * @since 0.7.0
 * @category switch
 */
export const enable: Layer.Layer<never> = Layer.succeed(Enabled, true)

/**
 * The span names. A command is `command`, with a child per step: `decode` (the engine's, from
 * JSON), `decide` (once per attempt), `append`, and `inline` (the appended events folded into the
 * handler's state). Appends to a store adapter are `storeAppend`; a page a projection runner
 * folds is `projectionBatch`; an input a workflow manager takes, a timer it fires or a command it
 * sends is `workflowStep`.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.equal(Telemetry.spans.command, "thidua.command")
 * ```
 *
 * @since 0.7.0
 * @category names
 */
export const spans = {
  command: "thidua.command",
  decode: "thidua.command.decode",
  decide: "thidua.command.decide",
  append: "thidua.command.append",
  inline: "thidua.command.inline",
  storeAppend: "thidua.store.append",
  projectionBatch: "thidua.projection.batch",
  workflowStep: "thidua.workflow.step"
} as const

/**
 * The attribute keys an operator filters by.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.equal(Telemetry.attributes.ruleId, "thidua.rule_id")
 * ```
 *
 * @since 0.7.0
 * @category names
 */
export const attributes = {
  tenant: "thidua.tenant_id",
  stream: "thidua.stream_id",
  commandType: "thidua.command.type",
  commandId: "thidua.command.id",
  /** `accepted`, `duplicate`, `refused` (a typed error: a rule, a principal, a version) or `failed`. */
  outcome: "thidua.command.outcome",
  /** The rule a domain refusal names (`C5`, `G1`, ...). */
  ruleId: "thidua.rule_id",
  /** The `code` of any typed error (a rule id, `AUTH-PRINCIPAL`, `STORE-VERSION`, ...). */
  errorCode: "thidua.error.code",
  eventCount: "thidua.event_count",
  /** The stream's version after the command or append. */
  version: "thidua.version",
  /** Which attempt of the command a decision belongs to, from 1. */
  attempt: "thidua.attempt",
  /** `memory` or `postgres`. */
  store: "thidua.store",
  projection: "thidua.projection",
  /** The position a runner's page starts after, and the position of its last event. */
  fromPosition: "thidua.position.from",
  toPosition: "thidua.position.to",
  manager: "thidua.workflow.manager",
  instance: "thidua.workflow.instance",
  /** `input`, `inputs` (a run of one instance's inputs in one append), `timer` or `send`. */
  step: "thidua.workflow.step_kind",
  /** For a workflow input: `taken`, or `skipped` when taken before. */
  taken: "thidua.workflow.taken",
  commandsIssued: "thidua.workflow.commands_issued"
} as const

/**
 * How a command ended, as the `outcome` attribute and the commands counter say it.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const outcome: Telemetry.Outcome = Telemetry.judge({ _tag: "PrincipalMismatch", code: "AUTH-PRINCIPAL" }).outcome
 * assert.equal(outcome, "refused")
 * ```
 *
 * @since 0.7.0
 * @category names
 */
export type Outcome = "accepted" | "duplicate" | "refused" | "failed"

/**
 * The metrics. Units are in the description (OTLP carries it) and in the guide's table.
 *
 * - `commands` (counter, commands): by `thidua.command.outcome`, `thidua.command.type`, and on a
 *   refusal `thidua.error.code` and, for a rule, `thidua.rule_id`.
 * - `appendDuration` (histogram, milliseconds): each append, by `thidua.store`.
 * - `projectionLagEvents` / `projectionLagSeconds` (gauges, events / seconds): how far a runner
 *   is behind the log's readable head, by `thidua.projection` (events counted up to 100,000).
 * - `horizonHeldSeconds` (gauge, seconds): on PostgreSQL, how long committed events have been
 *   kept from readers by an older transaction still open (0 when none are).
 * - `horizonHeldExceeded` (counter): each time that wait went past the store's threshold.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.equal(Telemetry.metrics.commands.id, "thidua.commands")
 * ```
 *
 * @since 0.7.0
 * @category metrics
 */
export const metrics = {
  commands: Metric.counter("thidua.commands", {
    description: "Commands handled, by outcome (accepted, duplicate, refused, failed) and rule id (unit: commands)",
    incremental: true
  }),
  appendDuration: Metric.histogram("thidua.store.append.duration", {
    description: "Time an append takes, from the call to its answer (unit: ms)",
    boundaries: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000]
  }),
  projectionLagEvents: Metric.gauge("thidua.projection.lag.events", {
    description: "Events a projection runner has yet to fold, up to 100,000 (unit: events)"
  }),
  projectionLagSeconds: Metric.gauge("thidua.projection.lag.seconds", {
    description: "Age of the oldest event a projection runner has yet to fold (unit: s)"
  }),
  horizonHeldSeconds: Metric.gauge("thidua.store.horizon.held.seconds", {
    description: "How long committed events have been hidden from readers by an older open transaction (unit: s)"
  }),
  horizonHeldExceeded: Metric.counter("thidua.store.horizon.held.exceeded", {
    description: "Times the horizon was held past the store's threshold (unit: episodes)",
    incremental: true
  })
} as const

/**
 * How far a reader at a position is behind the log's readable head.
 *
 * @example
 * ```ts
 * import { InMemoryStore, Position, Telemetry } from "@thidua/store"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * const lag: Telemetry.Lag = Effect.runSync(Telemetry.lagProbeOf(InMemoryStore.make())!(Position.start, "hanoi"))
 * assert.deepEqual(lag, { events: 0, seconds: 0 })
 * ```
 *
 * @since 0.7.0
 * @category lag
 */
export interface Lag {
  /** Events after the position that the reader may read now (counted up to `maxLagCount`). */
  readonly events: number
  /** Age of the first of them, in seconds; 0 when there are none. */
  readonly seconds: number
}

/**
 * A store's answer to "how far behind is a reader at this position", for its tenant or all.
 *
 * @example
 * ```ts
 * import { type Position, Telemetry } from "@thidua/store"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * // A store of one's own registers one beside its readAll.
 * const store = { readAll: () => undefined }
 * const probe: Telemetry.LagProbe = (_after: Position.Position) => Effect.succeed({ events: 3, seconds: 1.5 })
 * Telemetry.registerLagProbe(store, probe)
 * assert.equal(Telemetry.lagProbeOf(store), probe)
 * ```
 *
 * @since 0.7.0
 * @category lag
 */
export type LagProbe = (after: Position, tenantId: string | undefined) => Effect.Effect<Lag, StoreUnavailable>

/**
 * The most events a lag probe counts: a runner far behind is said to be that far, not counted
 * event by event at every page.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.equal(Telemetry.maxLagCount, 100_000)
 * ```
 *
 * @since 0.7.0
 * @category lag
 */
export const maxLagCount = 100_000

// The probe of each store that has one, found by the store's own `readAll` function (as
// `InMemoryStore.logOf` finds a log by `append`): the port stays as it is.
const probes = new WeakMap<object, LagProbe>()

/**
 * Registers the lag probe of a store made by an adapter (the in-memory and PostgreSQL stores do).
 *
 * @example
 * ```ts
 * import { InMemoryStore, Telemetry } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.ok(Telemetry.lagProbeOf(InMemoryStore.make()) !== undefined)
 * ```
 *
 * @since 0.7.0
 * @category lag
 */
export const registerLagProbe = (store: { readonly readAll: unknown }, probe: LagProbe): void => {
  probes.set(store.readAll as object, probe)
}

/**
 * The lag probe of a store, or `undefined` for a store without one (a runner then reports no lag).
 *
 * @example
 * ```ts
 * import { InMemoryStore, Telemetry } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const store = InMemoryStore.make()
 * assert.equal(typeof Telemetry.lagProbeOf(store), "function")
 * // A wrapper that keeps the store's readAll keeps its probe.
 * assert.equal(Telemetry.lagProbeOf({ ...store, append: store.append }), Telemetry.lagProbeOf(store))
 * assert.equal(Telemetry.lagProbeOf({ ...store, readAll: () => store.readAll("" as never) }), undefined)
 * ```
 *
 * @since 0.7.0
 * @category lag
 */
export const lagProbeOf = (store: { readonly readAll: unknown }): LagProbe | undefined =>
  probes.get(store.readAll as object)

/**
 * Records a command's outcome on the commands counter.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/store"
 * import { Effect, Metric } from "effect"
 * import assert from "node:assert"
 *
 * const registry = new Map()
 * const program = Effect.gen(function*() {
 *   yield* Telemetry.countCommand("refused", "OpenPhase", "C5", "C5")
 *   return yield* Metric.snapshot
 * })
 * const [snapshot] = Effect.runSync(Effect.provideService(program, Metric.MetricRegistry, registry))
 * assert.deepEqual(snapshot?.attributes, { "thidua.command.outcome": "refused", "thidua.command.type": "OpenPhase", "thidua.error.code": "C5", "thidua.rule_id": "C5" })
 * ```
 *
 * @since 0.7.0
 * @category metrics
 */
export const countCommand = (
  outcome: Outcome,
  commandType: string,
  errorCode?: string,
  ruleId?: string
): Effect.Effect<void> => {
  const set: Record<string, string> = { [attributes.outcome]: outcome, [attributes.commandType]: commandType }
  if (errorCode !== undefined) set[attributes.errorCode] = errorCode
  if (ruleId !== undefined) set[attributes.ruleId] = ruleId
  return Metric.update(Metric.withAttributes(metrics.commands, set), 1)
}

/**
 * What an error says to the counter and the span: its `code`, and its rule when it is a refusal
 * by a rule (a `DomainError`); a typed error is a refusal, anything else a failure.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.deepEqual(Telemetry.judge({ _tag: "DomainError", code: "C5" }), { outcome: "refused", code: "C5", ruleId: "C5" })
 * assert.deepEqual(Telemetry.judge({ _tag: "StoreUnavailable", code: "STORE-UNAVAILABLE" }), { outcome: "failed", code: "STORE-UNAVAILABLE", ruleId: undefined })
 * ```
 *
 * @since 0.7.0
 * @category metrics
 */
export const judge = (
  error: unknown
): { readonly outcome: Outcome; readonly code: string | undefined; readonly ruleId: string | undefined } => {
  const e = error as { readonly _tag?: unknown; readonly code?: unknown } | undefined
  const code = typeof e?.code === "string" ? e.code : undefined
  const tag = typeof e?._tag === "string" ? e._tag : undefined
  const failed = tag === undefined || tag === "StoreUnavailable" || tag === "CorruptEvent" || tag === "AppendAborted"
  return { outcome: failed ? "failed" : "refused", code, ruleId: tag === "DomainError" ? code : undefined }
}

/**
 * Emits a finished span with times of its own under a parent: for steps timed inside one
 * synchronous run (the in-memory command path), which no Effect wraps.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/store"
 * import { Effect, Exit, Tracer } from "effect"
 * import assert from "node:assert"
 *
 * const spans: Array<Tracer.NativeSpan> = []
 * const tracer = Tracer.make({ span: (o) => { const s = new Tracer.NativeSpan(o); spans.push(s); return s } })
 * await Effect.runPromise(Effect.withSpan(Effect.gen(function*() {
 *   const parent = yield* Effect.currentSpan
 *   Telemetry.emitSpan(yield* Effect.tracer, parent, "step", 1_000n, 3_000n, { n: 1 }, Exit.void)
 * }), "parent").pipe(Effect.withTracer(tracer)))
 * const step = spans.find((s) => s.name === "step")!
 * assert.equal(step.status._tag === "Ended" && step.status.endTime - step.status.startTime, 2_000n)
 * assert.equal(step.parent._tag === "Some" && step.parent.value.spanId, spans.find((s) => s.name === "parent")!.spanId)
 * ```
 *
 * @since 0.7.0
 * @category spans
 */
export const emitSpan = (
  tracer: Tracer.Tracer,
  parent: Tracer.AnySpan,
  name: string,
  startNanos: bigint,
  endNanos: bigint,
  attributes: Readonly<Record<string, unknown>>,
  exit: Exit.Exit<unknown, unknown>
): void => {
  const span = tracer.span({
    name,
    parent: Option.some(parent),
    annotations: Context.empty(),
    links: [],
    startTime: startNanos,
    kind: "internal",
    root: false,
    sampled: parent.sampled
  })
  for (const key in attributes) span.attribute(key, attributes[key])
  span.end(endNanos, exit)
}

/**
 * The span the current fiber is in, or `undefined`.
 *
 * @example
 * ```ts
 * import { Telemetry } from "@thidua/store"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * assert.equal(Effect.runSync(Telemetry.currentSpan), undefined)
 * assert.equal(Effect.runSync(Effect.withSpan(Telemetry.currentSpan, "outer"))?.name, "outer")
 * ```
 *
 * @since 0.7.0
 * @category spans
 */
export const currentSpan: Effect.Effect<Tracer.Span | undefined> = Effect.map(
  Effect.option(Effect.currentSpan),
  Option.getOrUndefined
)

/**
 * A store whose appends each get a `thidua.store.append` span (tenant, stream, event count,
 * version, outcome) and are timed on the append latency histogram, by `thidua.store`. Everything
 * else is the store's own. The store adapters do this themselves when made with telemetry on.
 *
 * @example
 * ```ts
 * import { InMemoryStore, Telemetry } from "@thidua/store"
 * import { Effect, Metric } from "effect"
 * import assert from "node:assert"
 *
 * const store = Telemetry.traceAppends(InMemoryStore.make(), "memory")
 * const program = Effect.gen(function*() {
 *   yield* store.append("hanoi", "campaign:c", "no-stream", [{ eventId: "e-1", type: "PhaseOpened", data: { phaseId: "dot-1", at: "2020-01-02" }, schemaVersion: 1 }])
 *   return yield* Metric.snapshot
 * })
 * const [histogram] = Effect.runSync(Effect.provideService(program, Metric.MetricRegistry, new Map()))
 * assert.equal(histogram?.id, "thidua.store.append.duration")
 * assert.equal((histogram?.state as Metric.HistogramState).count, 1)
 * ```
 *
 * @since 0.7.0
 * @category spans
 */
export const traceAppends = (store: Shape, storeName: string): Shape => {
  const histogram = Metric.withAttributes(metrics.appendDuration, { [attributes.store]: storeName })
  const append: Shape["append"] = (tenantId, streamId, expected, events, metadata, options) =>
    Effect.suspend(() => {
      const start = performance.now()
      return store.append(tenantId, streamId, expected, events, metadata, options).pipe(
        Effect.tap((r) =>
          Effect.annotateCurrentSpan({ [attributes.version]: r.version, "thidua.duplicate": r.duplicate })
        ),
        Effect.tapError((e) => Effect.annotateCurrentSpan(attributes.errorCode, e.code)),
        Effect.onExit(() => Metric.update(histogram, performance.now() - start)),
        Effect.withSpan(spans.storeAppend, {
          attributes: {
            [attributes.tenant]: tenantId,
            [attributes.stream]: streamId,
            [attributes.eventCount]: events.length,
            [attributes.store]: storeName
          }
        })
      )
    })
  return { ...store, append }
}
