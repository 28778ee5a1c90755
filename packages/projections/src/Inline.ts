/**
 * Inline projections: folded in the same step as the append that produced their events, so a
 * read right after a command sees it. In memory that is right after the append returns; the
 * PostgreSQL store does the same inside the append's transaction.
 *
 * @since 0.1.0
 */
import type { Event } from "@thidua/core"
import { Codec, EventStore } from "@thidua/store"
import { Context, Effect, Layer, Result } from "effect"
import type { Projection } from "./Projection.js"

/** The inline read models: each projection's partitions, by projection name. @since 0.1.0 */
export interface Shape {
  readonly states: <S>(projection: Projection<S>) => ReadonlyMap<string, S>
}

/** @since 0.1.0 */
export class InlineReadModels extends Context.Service<InlineReadModels, Shape>()(
  "@thidua/projections/InlineReadModels"
) {}

/**
 * Decorates the `EventStore` in context: every append that writes events also folds them into
 * the given projections before it returns. A duplicate append folds nothing.
 *
 * @example
 * ```ts
 * import { Inline, Projection } from "@thidua/projections"
 * import { EventStore, InMemoryStore } from "@thidua/store"
 * import { Effect, Layer } from "effect"
 * import assert from "node:assert"
 *
 * const opened = Projection.make({ name: "opened", version: 1, init: () => ({ n: 0 }), handlers: { PhaseOpened: (s) => { s.n++; return s } } })
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   yield* store.append("hanoi", "campaign:c", "no-stream", [{ eventId: "e-1", type: "PhaseOpened", data: { phaseId: "dot-1", at: "2020-01-02" }, schemaVersion: 1 }])
 *   return (yield* Inline.InlineReadModels).states(opened).get("all")?.n
 * })
 * const layer = Inline.layer([opened]).pipe(Layer.provide(InMemoryStore.layer))
 * assert.equal(await Effect.runPromise(program.pipe(Effect.provide(layer))), 1)
 * ```
 *
 * @since 0.1.0
 */
export const layer = (
  // biome-ignore lint/suspicious/noExplicitAny: projections of different states, each folded with its own.
  projections: ReadonlyArray<Projection<any>>
): Layer.Layer<EventStore.EventStore | InlineReadModels, never, EventStore.EventStore> =>
  Layer.effectContext(
    Effect.gen(function* () {
      const inner = yield* EventStore.EventStore
      const states = new Map<string, Map<string, unknown>>(projections.map((p) => [p.name, new Map()]))
      const store: EventStore.Shape = {
        ...inner,
        append: (tenantId, streamId, expected, events, metadata) =>
          Effect.flatMap(inner.append(tenantId, streamId, expected, events, metadata), (result) => {
            if (result.duplicate) return Effect.succeed(result)
            for (const r of result.events) {
              // The events were just encoded from valid domain events: they decode.
              const decoded = Codec.decodeResult(r)
              if (Result.isFailure(decoded)) continue
              const meta = {
                tenantId: r.tenantId,
                streamId: r.streamId,
                version: r.version,
                position: r.position,
                recordedAt: r.recordedAt
              }
              for (const p of projections) {
                const partitions = states.get(p.name)!
                const key = p.partition(meta)
                partitions.set(
                  key,
                  p.apply(partitions.get(key) ?? p.init(), decoded.success as Event.DomainEvent, meta)
                )
              }
            }
            return Effect.succeed(result)
          })
      }
      return Context.make(EventStore.EventStore, store).pipe(
        Context.add(InlineReadModels, {
          states: <S>(p: Projection<S>) => (states.get(p.name) ?? new Map()) as ReadonlyMap<string, S>
        })
      )
    })
  )
