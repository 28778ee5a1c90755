/**
 * How many cases the property tests run: one setting, `THIDUA_LONG_PROPERTIES`, for every test
 * project.
 *
 * - Unset (or `0`), as `pnpm test` runs on a newcomer's machine: each property runs its short
 *   count, chosen so that the whole suite ends in a few minutes on two cores while every property
 *   still meets the cases it was written to find.
 * - `THIDUA_LONG_PROPERTIES=1`, as `.ci/run` runs it: each property runs its long count (100,000
 *   generated histories, 2,000 histories of 300 steps per rulebook, ...).
 *
 * A property names both counts where it runs: `numRuns: runs(5_000, 100_000)`.
 */

const setting = process.env.THIDUA_LONG_PROPERTIES ?? ""

if (!["", "0", "1", "false", "true"].includes(setting))
  throw new Error(`THIDUA_LONG_PROPERTIES is "${setting}": set it to 1 for the long property runs, or leave it unset`)

/** Whether the long property runs are on (`THIDUA_LONG_PROPERTIES=1`). */
export const long: boolean = setting === "1" || setting === "true"

/** The number of cases of a property: `short` by default, `full` with `THIDUA_LONG_PROPERTIES=1`. */
export const runs = (short: number, full: number): number => (long ? full : short)
