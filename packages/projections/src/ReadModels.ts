/**
 * Reading read models from Effect code: a partition's state, by projection and key, wherever the
 * read model is kept — inline in memory (`Inline.layer`), inline in PostgreSQL
 * (`Inline.layerSql`), or saved by a runner in a `ReadModelStore` (`ReadModels.layer`).
 *
 * The queries themselves (`Scoreboard.top`, `InitiativeLedger.byUnit`, ...) are plain functions of
 * a state, so plain code calls them on a state it holds, and Effect code on the state it reads
 * here; each built-in read model also has a `read(tenantId, campaignId)` that does the reading.
 *
 * @since 0.1.0
 */
import { Stream } from "@thidua/core"
import { Context, Effect, Layer } from "effect"
import { type Projection, streamKey } from "./Projection.js"
import type { CorruptState } from "./ProjectionError.js"
import { ReadModelStore } from "./ReadModelStore.js"

/** @since 0.1.0 */
export interface Shape {
  /**
   * A copy of one partition's state, or `undefined` when the partition has seen no event. Fails
   * with `CorruptState` when the stored document does not read.
   */
  readonly get: <S>(projection: Projection<S>, partition: string) => Effect.Effect<S | undefined, CorruptState>
}

/**
 * The read models service.
 *
 * @since 0.1.0
 */
export class ReadModels extends Context.Service<ReadModels, Shape>()("@thidua/projections/ReadModels") {}

/**
 * One partition's state.
 *
 * @example
 * ```ts
 * import { ReadModels, ReadModelStore, Projection } from "@thidua/projections"
 * import { Effect, Layer } from "effect"
 * import assert from "node:assert"
 *
 * const count = Projection.make({ name: "count", version: 1, init: () => ({ n: 0 }), handlers: {} })
 * const program = Effect.gen(function*() {
 *   yield* (yield* ReadModelStore.ReadModelStore).save("count", 1, { states: new Map([["all", { n: 3 }]]), position: "00000000000000000003" as never })
 *   return yield* ReadModels.get(count, "all")
 * })
 * const layer = ReadModels.layer.pipe(Layer.provideMerge(ReadModelStore.layerMemory))
 * assert.deepEqual(await Effect.runPromise(program.pipe(Effect.provide(layer))), { n: 3 })
 * ```
 *
 * @since 0.1.0
 */
export const get = <S>(
  projection: Projection<S>,
  partition: string
): Effect.Effect<S | undefined, CorruptState, ReadModels> =>
  Effect.flatMap(Effect.service(ReadModels), (r) => r.get(projection, partition))

/**
 * The partition key of a campaign's read model (projections partitioned `byCampaign`):
 * `Projection.streamKey(tenantId, Stream.campaign(campaignId))`.
 *
 * @example
 * ```ts
 * import { ReadModels } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * assert.equal(ReadModels.campaignKey("hanoi", "hm-2020"), "hanoi/campaign:hm-2020")
 * ```
 *
 * @since 0.1.0
 */
export const campaignKey = (tenantId: string, campaignId: string): string =>
  streamKey(tenantId, Stream.campaign(campaignId))

/**
 * Read models saved by runners in the `ReadModelStore` in context (in memory or in PostgreSQL).
 *
 * @since 0.1.0
 */
export const layer: Layer.Layer<ReadModels, never, ReadModelStore> = Layer.effect(
  ReadModels,
  Effect.map(Effect.service(ReadModelStore), (store) => ({
    get: <S>(projection: Projection<S>, partition: string) =>
      store.partition<S>(projection.name, projection.version, partition)
  }))
)
