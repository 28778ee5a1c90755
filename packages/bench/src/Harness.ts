/**
 * Runs a workload: opens it, runs its contenders alternately round by round (warm-ups first, the
 * order reversed every other round so that neither always runs on a machine the other just
 * heated), and keeps the measured rounds. A round that throws ends its contender's line: a
 * `CheckFailed` is a wrong result, anything else a crash; neither ever becomes a figure.
 */
import { inspect } from "node:util"
import type * as Profile from "./Profile.js"
import { CheckFailed, type Contender, type Round, type Workload } from "./Workload.js"
import { natsMissing } from "./workloads/nats/deployments.js"

export interface Measured extends Round {
  /** `units / (ms / 1000)`. */
  readonly rate: number
}

export interface Failure {
  readonly kind: "check" | "crash"
  readonly message: string
  /** The round it happened in, warm-ups counted from 0; undefined when the workload failed to open. */
  readonly round?: number
}

export interface ContenderResult {
  readonly name: Contender["name"]
  readonly rounds: ReadonlyArray<Measured>
  readonly failure?: Failure
  /** Median, lowest and highest rate of the measured rounds; absent on failure. */
  readonly median?: number
  readonly min?: number
  readonly max?: number
  /** Median wall time of a round, ms. */
  readonly medianMs?: number
  /** Highest peak heap over the rounds, where the workload measures it. */
  readonly peakHeap?: number
}

export interface WorkloadResult {
  readonly workload: Workload
  readonly contenders: ReadonlyArray<ContenderResult>
  /** Why it did not run (no PostgreSQL server configured, no nats-server). */
  readonly skipped?: string
  /** The workload failed to open or close. */
  readonly failure?: Failure
  readonly server?: string
}

/** The median of numbers (the mean of the middle two for an even count). */
export const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const messageOf = (error: unknown): string =>
  error instanceof Error
    ? `${error.message}${error instanceof CheckFailed ? "" : ` (${error.name})`}`
    : inspect(error, { depth: 3, breakLength: Number.POSITIVE_INFINITY }).slice(0, 500)

const failureOf = (error: unknown, round?: number): Failure => ({
  kind: error instanceof CheckFailed ? "check" : "crash",
  message: messageOf(error),
  ...(round !== undefined ? { round } : {})
})

const summarize = (name: Contender["name"], rounds: ReadonlyArray<Measured>, failure?: Failure): ContenderResult => {
  if (failure !== undefined || rounds.length === 0)
    return { name, rounds, failure: failure ?? { kind: "crash", message: "no round measured" } }
  const rates = rounds.map((r) => r.rate)
  const heaps = rounds.flatMap((r) => (r.peakHeap !== undefined ? [r.peakHeap] : []))
  return {
    name,
    rounds,
    median: median(rates),
    min: Math.min(...rates),
    max: Math.max(...rates),
    medianMs: median(rounds.map((r) => r.ms)),
    ...(heaps.length > 0 ? { peakHeap: Math.max(...heaps) } : {})
  }
}

/** Progress, on stderr so that `--json` stays clean. */
export type Progress = (line: string) => void

/** Runs the workload's contenders, or only those named in `sides`. */
export const run = async (
  workload: Workload,
  progress: Progress,
  sides?: ReadonlyArray<string>,
  profiler?: Profile.Profiler
): Promise<WorkloadResult> => {
  if (workload.needs === "postgres" && !process.env.THIDUA_PG_URL)
    return { workload, contenders: [], skipped: "no PostgreSQL server configured (set THIDUA_PG_URL)" }
  const noNats = workload.needs === "nats" ? natsMissing() : undefined
  if (noNats !== undefined) return { workload, contenders: [], skipped: noNats }
  progress(`${workload.id}: preparing`)
  let opened: Awaited<ReturnType<Workload["open"]>>
  try {
    opened = await workload.open()
  } catch (error) {
    return { workload, contenders: [], failure: failureOf(error) }
  }
  const lines = opened.contenders
    .filter((c) => sides === undefined || sides.includes(c.name))
    .map((contender) => ({
      contender,
      rounds: [] as Array<Measured>,
      failure: undefined as Failure | undefined
    }))
  let closeFailure: Failure | undefined
  try {
    const total = workload.warmup + workload.rounds
    for (let i = 0; i < total; i++) {
      const order = i % 2 === 0 ? lines : [...lines].reverse()
      for (const line of order) {
        if (line.failure !== undefined) continue
        const profiled = profiler !== undefined && i >= workload.warmup
        try {
          if (profiled) await profiler.start()
          const r = await line.contender
            .round(i)
            .finally(() => (profiled ? profiler.stop(`${workload.id} ${line.contender.name}`) : undefined))
          if (!(r.units > 0 && r.ms > 0 && Number.isFinite(r.ms)))
            throw new CheckFailed(`round ${i} reported ${r.units} units in ${r.ms} ms`)
          const rate = r.units / (r.ms / 1000)
          const warm = i < workload.warmup
          if (!warm) line.rounds.push({ ...r, rate })
          progress(
            `${workload.id}: ${warm ? "warm-up" : `round ${i - workload.warmup + 1}/${workload.rounds}`} ` +
              `${line.contender.name} ${Math.round(rate).toLocaleString("en-US")} ${workload.unit}/s`
          )
        } catch (error) {
          line.failure = failureOf(error, i)
          progress(`${workload.id}: ${line.contender.name} FAILED in round ${i}: ${line.failure.message}`)
        }
      }
    }
  } finally {
    try {
      await opened.close()
    } catch (error) {
      closeFailure = failureOf(error)
    }
  }
  return {
    workload,
    contenders: lines.map((l) => summarize(l.contender.name, l.rounds, l.failure)),
    ...(closeFailure !== undefined ? { failure: closeFailure } : {}),
    ...(opened.server !== undefined ? { server: opened.server } : {})
  }
}

/** True when a line failed (a wrong result or a crash): the process then exits with 1. */
export const failed = (r: WorkloadResult): boolean =>
  r.failure !== undefined || r.contenders.some((c) => c.failure !== undefined)
