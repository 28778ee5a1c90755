/**
 * Target lines, judged on the medians of one run: PASS, FAIL, or n/a when a figure it needs is
 * missing (a failed line, a workload not run). A miss is reported, never fatal.
 */
import type { ContenderResult, WorkloadResult } from "./Harness.js"
import type { Target } from "./Workload.js"

export interface Judged {
  readonly target: Target
  readonly status: "PASS" | "FAIL" | "n/a"
  /** The figure compared with the target, in the target's terms (units/s, ×, s, bytes). */
  readonly value?: number
  /** Why it is n/a. */
  readonly reason?: string
}

const contender = (r: WorkloadResult | undefined, name: ContenderResult["name"]) =>
  r?.contenders.find((c) => c.name === name)

/** Thi Đua's median over Emmett's, when both have one. */
export const ratio = (r: WorkloadResult): number | undefined => {
  const t = contender(r, "thidua")?.median
  const e = contender(r, "emmett")?.median
  return t !== undefined && e !== undefined ? t / e : undefined
}

const judge = (target: Target, value: number | undefined, reason: string): Judged => {
  if (value === undefined) return { target, status: "n/a", reason }
  const pass = target.kind === "seconds" || target.kind === "heap" ? value <= target.max : value >= target.min
  return { target, status: pass ? "PASS" : "FAIL", value }
}

export const evaluate = (r: WorkloadResult, all: ReadonlyMap<string, WorkloadResult>): ReadonlyArray<Judged> => {
  const thidua = contender(r, "thidua")
  const missing = r.skipped ?? (thidua?.failure !== undefined ? "Thi Đua's line failed" : "no Thi Đua figure")
  const figure = (target: Target): readonly [number | undefined, string] => {
    switch (target.kind) {
      case "rate":
        return [thidua?.median, missing]
      case "ratio": {
        const emmett = contender(r, "emmett")
        const why = emmett?.failure !== undefined ? "Emmett's line failed" : "no Emmett figure"
        return [ratio(r), thidua?.median === undefined ? missing : why]
      }
      case "share": {
        const other = contender(all.get(target.workload), target.contender)?.median
        const why = `no ${target.contender} figure in ${target.workload} this run`
        return [
          thidua?.median !== undefined && other !== undefined ? thidua.median / other : undefined,
          thidua?.median === undefined ? missing : why
        ]
      }
      case "seconds":
        return [thidua?.medianMs !== undefined ? thidua.medianMs / 1000 : undefined, missing]
      case "heap":
        return [thidua?.peakHeap, thidua?.median === undefined ? missing : "no heap measured"]
    }
  }
  return r.workload.targets.map((target) => {
    const [value, reason] = figure(target)
    return judge(target, value, reason)
  })
}
