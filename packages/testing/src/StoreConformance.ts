/**
 * The checks every event store passes, for authors of store adapters: run each against your
 * store's layer with the test runner you use.
 *
 * ```ts no-run
 * import { StoreConformance } from "@thidua/testing"
 * for (const check of StoreConformance.checks) it.live(check.name, () => check.run.pipe(Effect.provide(MyStore.layer)))
 * ```
 *
 * @since 0.1.0
 */
import { Conformance } from "@thidua/store"

/** The checks, from `@thidua/store`'s `Conformance`. @since 0.1.0 */
export const checks: ReadonlyArray<Conformance.Check> = Conformance.checks

/** @since 0.1.0 */
export type Check = Conformance.Check
