/**
 * What a run prints: a table (medians [min–max] per contender, the ratio Thi Đua/Emmett, target
 * lines), or the same as JSON with every round.
 */
import type { ContenderResult, WorkloadResult } from "./Harness.js"
import * as Machine from "./Machine.js"
import { type Judged, ratio } from "./Targets.js"
import type { Contender, Target } from "./Workload.js"

export interface Judgement {
  readonly result: WorkloadResult
  readonly targets: ReadonlyArray<Judged>
}

export const contenders: ReadonlyArray<Contender["name"]> = ["thidua", "emmett", "postgres", "nats", "nats-r3"]
export const labels: { readonly [K in Contender["name"]]: string } = {
  thidua: "Thi Đua",
  emmett: "Emmett",
  postgres: "bare PostgreSQL",
  nats: "Thi Đua on NATS",
  "nats-r3": "Thi Đua on NATS R3"
}

export const number = (n: number): string =>
  n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toLocaleString("en-US", { maximumSignificantDigits: 3 })

/** `62,100 [58,000–64,000]`, or why there is no figure. */
export const cell = (c: ContenderResult | undefined): string => {
  if (c === undefined) return "—"
  if (c.failure !== undefined) return `FAILED (${c.failure.kind === "check" ? "wrong result" : "crash"})`
  return `${number(c.median!)} [${number(c.min!)}–${number(c.max!)}]`
}

export const ratioCell = (r: WorkloadResult): string => {
  const x = ratio(r)
  return x === undefined ? "—" : `${x.toFixed(x >= 10 ? 1 : 2)}×`
}

const bytes = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString("en-US")} MiB`

/** The figure a target is judged on, in its own terms. */
export const targetValue = (t: Target, value: number): string => {
  switch (t.kind) {
    case "rate":
      return `${number(value)}/s`
    case "ratio":
    case "share":
      return `${value.toFixed(2)}×`
    case "seconds":
      return `${value.toFixed(1)} s`
    case "heap":
      return bytes(value)
  }
}

export const targetLine = (j: Judged): string =>
  `${j.status.padEnd(4)} ${j.target.label}${
    j.value !== undefined ? `: ${targetValue(j.target, j.value)}` : j.reason !== undefined ? ` (${j.reason})` : ""
  }`

const present = (judged: ReadonlyArray<Judgement>) =>
  contenders.filter((name) => judged.some((j) => j.result.contenders.some((c) => c.name === name)))

export const table = (judged: ReadonlyArray<Judgement>, machine: Machine.Machine): string => {
  const names = present(judged)
  const header = ["workload", "unit/s", ...names.map((n) => labels[n]), "ratio"]
  const rows = judged.map(({ result: r }) =>
    r.skipped !== undefined
      ? [r.workload.id, r.workload.unit, `skipped: ${r.skipped}`]
      : [
          r.workload.id,
          r.workload.unit,
          ...names.map((n) => cell(r.contenders.find((c) => c.name === n))),
          ratioCell(r)
        ]
  )
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.filter((row) => row.length === header.length).map((row) => row[i]!.length))
  )
  const format = (row: ReadonlyArray<string>) =>
    row.length === header.length
      ? row
          .map((c, i) => c.padEnd(widths[i]!))
          .join("  ")
          .trimEnd()
      : row.join("  ")
  const out = [`Thi Đua and Emmett side by side, median [min–max] of the measured rounds`, Machine.text(machine), ""]
  out.push(format(header))
  for (const [i, j] of judged.entries()) {
    out.push(format(rows[i]!))
    for (const t of j.targets) out.push(`    ${targetLine(t)}`)
    for (const c of j.result.contenders)
      if (c.failure !== undefined)
        out.push(`    ${labels[c.name]} failed in round ${c.failure.round ?? "?"}: ${c.failure.message}`)
    if (j.result.failure !== undefined) out.push(`    the workload failed: ${j.result.failure.message}`)
  }
  const notes = judged.filter((j) => j.result.workload.note !== undefined)
  if (notes.length > 0) {
    out.push("")
    for (const j of notes) out.push(`${j.result.workload.id}: ${j.result.workload.note}`)
  }
  out.push(
    "",
    `Rounds: ${[...new Set(judged.filter((j) => j.result.skipped === undefined).map((j) => `${j.result.workload.warmup} warm-up + ${j.result.workload.rounds}`))].join(", ")} per contender, alternating. Figures from one run on one machine: compare lines within a run, not across machines.`
  )
  return out.join("\n")
}

export const json = (judged: ReadonlyArray<Judgement>, machine: Machine.Machine, ok: boolean) => ({
  machine,
  ok,
  workloads: judged.map(({ result: r, targets }) => ({
    id: r.workload.id,
    title: r.workload.title,
    unit: r.workload.unit,
    warmup: r.workload.warmup,
    rounds: r.workload.rounds,
    ...(r.workload.note !== undefined ? { note: r.workload.note } : {}),
    ...(r.skipped !== undefined ? { skipped: r.skipped } : {}),
    ...(r.failure !== undefined ? { failure: r.failure } : {}),
    contenders: r.contenders.map((c) => ({
      name: c.name,
      ...(c.failure !== undefined
        ? { failure: c.failure }
        : { median: c.median, min: c.min, max: c.max, medianMs: c.medianMs }),
      ...(c.peakHeap !== undefined ? { peakHeap: c.peakHeap } : {}),
      rounds: c.rounds
    })),
    ratio: ratio(r) ?? null,
    targets: targets.map((t) => ({
      ...t.target,
      status: t.status,
      ...(t.value !== undefined ? { value: t.value } : {}),
      ...(t.reason !== undefined ? { reason: t.reason } : {})
    }))
  }))
})
