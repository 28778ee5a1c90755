/**
 * Given/when/then for any decider, from events: `given(events).when(command).thenEmits(events)`,
 * `.thenFails(code)` or `.thenNothing()`; and for any projection: `given(events).thenStates(states)`. Assertions use `node:assert`, so they work in vitest,
 * in `node --test` and in plain scripts alike.
 *
 * @since 0.1.0
 */
import assert from "node:assert/strict"
import type { Decider, Event } from "@thidua/core"
import { Projection } from "@thidua/projections"
import type { Position } from "@thidua/store"
import { Result } from "effect"

/** @since 0.1.0 */
export interface When<E, Err> {
  /** Asserts the command produced exactly these events. */
  readonly thenEmits: (expected: ReadonlyArray<E>) => void
  /** Asserts the command was refused with an error whose `code` (or `_tag`) is this. */
  readonly thenFails: (code: string) => Err
  /** Asserts the command was accepted with no events. */
  readonly thenNothing: () => void
}

/**
 * A specification for a decider.
 *
 * @example
 * ```ts
 * import { Campaign, Directory, Rulebook } from "@thidua/core"
 * import { Spec } from "@thidua/testing"
 *
 * const spec = Spec.decider(Campaign.decider({ directory: Directory.initialState, rulebook: Rulebook.standard }))
 * spec.given([]).when({
 *   _tag: "OpenPhase", commandId: "c-1", tenantId: "hanoi",
 *   actor: { organizationId: "ldld-hn", role: "officer" }, at: "2020-01-02", campaignId: "hn-2020", phaseId: "dot-1"
 * } as never).thenFails("REF-MISSING")
 * ```
 *
 * @since 0.1.0
 */
export const decider = <S, C, E, Err>(d: Decider.Decider<S, C, E, Err>) => ({
  given: (events: ReadonlyArray<E>) => {
    const state = events.reduce(d.evolve, d.initialState)
    return {
      state,
      when: (command: C): When<E, Err> => {
        const result = d.decide(state, command)
        const events = (): ReadonlyArray<E> => {
          if (Result.isFailure(result))
            assert.fail(`expected events, the command was refused: ${String(result.failure)}`)
          return result.success
        }
        return {
          thenEmits: (expected) => assert.deepEqual(events(), expected),
          thenNothing: () => assert.deepEqual(events(), []),
          thenFails: (code) => {
            if (Result.isSuccess(result)) assert.fail(`expected ${code}, the command was accepted`)
            const error = result.failure as Err & { readonly code?: string; readonly _tag?: string }
            assert.equal(error.code ?? error._tag, code, String(error))
            return result.failure
          }
        }
      }
    }
  }
})

/**
 * A specification for a projection: `given(events).thenStates(expected)` folds the events (with
 * metadata made up for one campaign stream unless given) and compares every partition's state.
 *
 * @example
 * ```ts
 * import { Projection } from "@thidua/projections"
 * import { Spec } from "@thidua/testing"
 *
 * const opened = Projection.make({ name: "opened", version: 1, init: () => ({ n: 0 }), handlers: { PhaseOpened: (s) => { s.n++; return s } } })
 * Spec.projection(opened)
 *   .given([{ _tag: "PhaseOpened", phaseId: "dot-1", at: "2020-01-02" } as never])
 *   .thenStates(new Map([["all", { n: 1 }]]))
 * ```
 *
 * @since 0.1.0
 */
export const projection = <S>(p: Projection.Projection<S>) => ({
  given: (events: ReadonlyArray<Event.DomainEvent>, meta: Partial<Projection.Meta> = {}) => {
    const states = Projection.fold(
      p,
      events.map((event, i) => ({
        event,
        meta: {
          tenantId: "tenant-1",
          streamId: "campaign:campaign-1",
          version: i + 1,
          position: String(i + 1).padStart(20, "0") as Position.Position,
          recordedAt: 0,
          ...meta
        }
      }))
    )
    return {
      states,
      /** Asserts the partitions' states equal these. */
      thenStates: (expected: ReadonlyMap<string, S>) => assert.deepEqual(states, expected)
    }
  }
})
