/**
 * The machine a run was measured on, printed with every report: figures from two machines are
 * not comparable, and the same machine shared with other work is noisy.
 */
import os from "node:os"

export interface Machine {
  readonly cpu: string
  readonly cores: number
  /** Total memory, bytes. */
  readonly memory: number
  readonly node: string
  /** PostgreSQL server version, when a workload used one. */
  readonly postgres?: string
  /** When the run started, ISO 8601 in UTC. */
  readonly date: string
  /** The one-minute load average when the run started: above the core count, other work shared the machine. */
  readonly load: number
}

export const describe = (date: Date, postgres: string | undefined, load: number): Machine => ({
  cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
  cores: os.availableParallelism(),
  memory: os.totalmem(),
  node: process.version,
  ...(postgres !== undefined ? { postgres } : {}),
  date: date.toISOString(),
  load
})

export const text = (m: Machine): string =>
  [
    `${m.cpu}, ${m.cores} cores, ${(m.memory / 2 ** 30).toFixed(1)} GiB RAM`,
    `Node ${m.node}`,
    ...(m.postgres !== undefined ? [`PostgreSQL ${m.postgres}`] : []),
    `${m.date.slice(0, 16).replace("T", " ")} UTC`,
    `load average ${m.load.toFixed(1)} at the start${m.load > m.cores ? " (a shared, noisy machine)" : ""}`
  ].join(", ")

/** The one-minute load average now. */
export const load = (): number => os.loadavg()[0] ?? 0
