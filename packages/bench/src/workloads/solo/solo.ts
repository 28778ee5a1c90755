/**
 * A line measured on Thi Đua alone (no contender to compare with): the per-package figures the
 * old `bench:core`, `bench:store` and `bench:fold` scripts printed, now with a check per round.
 */
import type { Round, Target, Workload } from "../../Workload.js"

export const solo = (options: {
  readonly id: string
  readonly title: string
  readonly unit: string
  readonly note?: string
  readonly targets?: ReadonlyArray<Target>
  readonly rounds?: number
  /** Prepares what every round shares, and returns the round. */
  readonly prepare: () => Promise<(index: number) => Promise<Round>> | ((index: number) => Promise<Round>)
}): Workload => ({
  id: options.id,
  title: options.title,
  unit: options.unit,
  warmup: 1,
  rounds: options.rounds ?? 5,
  ...(options.note !== undefined ? { note: options.note } : {}),
  targets: options.targets ?? [],
  open: async () => ({ contenders: [{ name: "thidua", round: await options.prepare() }], close: async () => {} })
})

/** Times `f` after letting the machine settle. */
export const timed = async <A>(f: () => A | Promise<A>): Promise<{ readonly value: A; readonly ms: number }> => {
  const { quiet } = await import("../../Quiet.js")
  await quiet()
  const t0 = performance.now()
  const value = await f()
  return { value, ms: performance.now() - t0 }
}
