/**
 * Leases: which runner holds a part of the work (a manager's inputs, the timers, the outbox) when
 * several processes run the workflow engine against one store. A holder renews its lease with
 * heartbeats; a holder that dies (even `kill -9`) stops renewing, its lease expires, and another
 * runner takes the part over.
 *
 * A lease saves work, not correctness: two runners that both believed they held a part would
 * still do each thing once, because process appends are checked by version and event id and
 * issued commands carry ids the command handler answers once.
 *
 * @since 0.4.0
 */
import { Clock, Context, Effect, Layer } from "effect"
import type { SqlError } from "effect/sql"

/**
 * What a lease store does.
 *
 * @since 0.4.0
 */
export interface Shape {
  /**
   * Takes or renews the lease `name` for `holder` for `ttlMillis`, if it is free, expired or
   * already the holder's. True when the holder has it now.
   */
  readonly acquire: (name: string, holder: string, ttlMillis: number) => Effect.Effect<boolean, SqlError.SqlError>
  /** Gives the lease up, if the holder has it. */
  readonly release: (name: string, holder: string) => Effect.Effect<void, SqlError.SqlError>
}

/**
 * The lease service.
 *
 * @since 0.4.0
 */
export class Lease extends Context.Service<Lease, Shape>()("@thidua/workflow/Lease") {}

/**
 * Leases in memory, on Effect's `Clock`: for one process (and for tests, where `TestClock`
 * makes them expire).
 *
 * @example
 * ```ts
 * import { Lease } from "@thidua/workflow"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * const program = Effect.gen(function*() {
 *   const lease = yield* Lease.Lease
 *   const a = yield* lease.acquire("workflow:calendar", "runner-a", 10_000)
 *   const b = yield* lease.acquire("workflow:calendar", "runner-b", 10_000)
 *   yield* lease.release("workflow:calendar", "runner-a")
 *   const c = yield* lease.acquire("workflow:calendar", "runner-b", 10_000)
 *   return [a, b, c]
 * })
 * assert.deepEqual(await Effect.runPromise(program.pipe(Effect.provide(Lease.layerMemory))), [true, false, true])
 * ```
 *
 * @since 0.4.0
 */
export const layerMemory: Layer.Layer<Lease> = Layer.sync(Lease, () => {
  const leases = new Map<string, { holder: string; until: number }>()
  return {
    acquire: (name, holder, ttlMillis) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        const held = leases.get(name)
        if (held !== undefined && held.holder !== holder && held.until > now) return false
        leases.set(name, { holder, until: now + ttlMillis })
        return true
      }),
    release: (name, holder) =>
      Effect.sync(() => {
        if (leases.get(name)?.holder === holder) leases.delete(name)
      })
  }
})
