/**
 * Where a projection's states and its checkpoint are kept, saved together so that a runner that
 * stops anywhere resumes with no event lost or counted twice.
 *
 * @since 0.1.0
 */

import type { Position } from "@thidua/store"
import { Context, Effect, Layer } from "effect"
import type { CorruptState, UnstorableState } from "./ProjectionError.js"

/**
 * What a runner saved: every partition's state, and the position of the last event applied.
 *
 * @since 0.1.0
 */
export interface Saved<S> {
  readonly states: ReadonlyMap<string, S>
  readonly position: Position.Position
}

/**
 * A store of read models. One that keeps states as documents fails a load with `CorruptState`
 * when a stored document does not read, and a save with `UnstorableState` (saving nothing) when a
 * state holds what it cannot keep.
 *
 * @since 0.1.0
 */
export interface Shape {
  /** The saved states of a projection's version, if any. */
  readonly load: <S>(name: string, version: number) => Effect.Effect<Saved<S> | undefined, CorruptState>
  /** One partition's saved state, if any: what a query reads. */
  readonly partition: <S>(
    name: string,
    version: number,
    partition: string
  ) => Effect.Effect<S | undefined, CorruptState>
  /** Removes a version's states and checkpoint: the old version, once readers use a rebuilt one. */
  readonly drop: (name: string, version: number) => Effect.Effect<void>
  /** Saves states and position at once; `changed` names the partitions that moved since the last save. */
  readonly save: <S>(
    name: string,
    version: number,
    saved: Saved<S>,
    changed?: ReadonlySet<string>
  ) => Effect.Effect<void, UnstorableState>
}

/**
 * The read model store service.
 *
 * @since 0.1.0
 */
export class ReadModelStore extends Context.Service<ReadModelStore, Shape>()("@thidua/projections/ReadModelStore") {}

/**
 * Read models in memory. States are copied (`structuredClone`) on save and on load, because
 * handlers mutate the states they fold: what was saved must not move when the runner goes on.
 *
 * @example
 * ```ts
 * import { ReadModelStore } from "@thidua/projections"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* ReadModelStore.ReadModelStore
 *   const states = new Map([["all", { count: 1 }]])
 *   yield* store.save("count", 1, { states, position: "00000000000000000001" as never })
 *   states.get("all")!.count = 99
 *   return (yield* store.load<{ count: number }>("count", 1))?.states.get("all")?.count
 * })
 * assert.equal(await Effect.runPromise(program.pipe(Effect.provide(ReadModelStore.layerMemory))), 1)
 * ```
 *
 * @since 0.1.0
 */
export const layerMemory: Layer.Layer<ReadModelStore> = Layer.sync(ReadModelStore, () => {
  const saved = new Map<string, Saved<unknown>>()
  return {
    load: <S>(name: string, version: number) =>
      Effect.sync(() => {
        const s = saved.get(`${name}@${version}`) as Saved<S> | undefined
        return s === undefined
          ? undefined
          : { states: structuredClone(s.states) as ReadonlyMap<string, S>, position: s.position }
      }),
    partition: <S>(name: string, version: number, partition: string) =>
      Effect.sync(() => {
        const state = saved.get(`${name}@${version}`)?.states.get(partition)
        return state === undefined ? undefined : (structuredClone(state) as S)
      }),
    drop: (name: string, version: number) => Effect.sync(() => void saved.delete(`${name}@${version}`)),
    save: <S>(name: string, version: number, s: Saved<S>) =>
      Effect.sync(
        () => void saved.set(`${name}@${version}`, { states: structuredClone(s.states), position: s.position })
      )
  }
})
