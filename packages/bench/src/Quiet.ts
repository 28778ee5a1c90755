/**
 * Lets the machine settle before a timed part: a forced collection of what earlier rounds left,
 * then a pause for the collector's background sweeping. Started right after a forced collection, a
 * timed part shares the cores with the sweeper and measures it (a third off a fold's figure).
 */
const gc = (globalThis as { gc?: () => void }).gc

/** Collects (with `--expose-gc`) and waits `ms` for the sweeping to finish. */
export const quiet = async (ms = 150): Promise<void> => {
  gc?.()
  await new Promise((resolve) => setTimeout(resolve, ms))
}

/** The heap in use now, in bytes. */
export const heapUsed = (): number => process.memoryUsage().heapUsed
