/**
 * What a benchmark workload is: contenders run side by side in one process, alternating, after a
 * warm-up, for several rounds; each round prepares untimed, runs timed and checks its result.
 */

/** One timed round of one contender. */
export interface Round {
  /** What was done (commands, events): the figure is `units / (ms / 1000)`. */
  readonly units: number
  /** Wall time of the timed part only. */
  readonly ms: number
  /** Peak heap seen during the round, in bytes, where the workload measures it. */
  readonly peakHeap?: number
}

/** Thrown by a round whose result is wrong: the line is reported as failed, never as a figure. */
export class CheckFailed extends Error {
  readonly _tag = "CheckFailed"
}

/**
 * A contender: Thi Đua, Emmett, or the bare database for ceilings; on the NATS lines, Thi Đua's
 * NATS store on one server (`nats`) and on a cluster of three (`nats-r3`), "thidua" being its
 * PostgreSQL store there as on every PostgreSQL line.
 */
export interface Contender {
  readonly name: "thidua" | "emmett" | "postgres" | "nats" | "nats-r3"
  /** Prepares (untimed), runs (timed) and checks one round; throws `CheckFailed` on a wrong result. */
  readonly round: (index: number) => Promise<Round>
}

/** A target line: PASS or FAIL, the process never fails on a miss. */
export type Target =
  /** Thi Đua's median rate is at least `min` units/s. */
  | { readonly kind: "rate"; readonly label: string; readonly min: number }
  /** Thi Đua's median rate is at least `min` times Emmett's. */
  | { readonly kind: "ratio"; readonly label: string; readonly min: number }
  /** Thi Đua's median rate is at least `min` times the median of `contender` in workload `workload` (same run). */
  | {
      readonly kind: "share"
      readonly label: string
      readonly workload: string
      readonly contender: Contender["name"]
      readonly min: number
    }
  /** Thi Đua's median round takes at most `max` seconds. */
  | { readonly kind: "seconds"; readonly label: string; readonly max: number }
  /** Thi Đua's peak heap is at most `max` bytes. */
  | { readonly kind: "heap"; readonly label: string; readonly max: number }

export interface Opened {
  readonly contenders: ReadonlyArray<Contender>
  readonly close: () => Promise<void>
  /** The database server's version (`SHOW server_version`), for the machine line of the report. */
  readonly server?: string
}

export interface Workload {
  /** Stable id, used by `--only` and in the JSON. */
  readonly id: string
  /** The line's text in the table. */
  readonly title: string
  /** "commands", "events", "transactions". */
  readonly unit: string
  readonly warmup: number
  readonly rounds: number
  /**
   * Skipped, with the reason printed, when no PostgreSQL server is configured (`THIDUA_PG_URL`), or
   * when there is no nats-server binary to start.
   */
  readonly needs?: "postgres" | "nats"
  /** What the figure leaves out or how it was shaped, one sentence, printed under the table. */
  readonly note?: string
  readonly open: () => Promise<Opened>
  readonly targets: ReadonlyArray<Target>
}
