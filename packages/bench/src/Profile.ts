/**
 * `--profile`: the CPU profile of each contender's measured rounds (their untimed preparation and
 * checks included, warm-ups left out), summarized as the functions with the most self time, each
 * placed in the source through the source maps (tsx compiles the sources onto one line).
 */
import { readFileSync } from "node:fs"
import { Session } from "node:inspector/promises"
import { findSourceMap } from "node:module"
import { fileURLToPath } from "node:url"

interface Node {
  readonly id: number
  readonly callFrame: {
    readonly functionName: string
    readonly url: string
    readonly lineNumber: number
    readonly columnNumber: number
  }
}
interface Profile {
  readonly nodes: ReadonlyArray<Node>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

export interface Profiler {
  readonly start: () => Promise<void>
  readonly stop: (key: string) => Promise<void>
  /** The top `n` functions by self time, per key (workload and contender). */
  readonly summary: (n: number) => string
}

const lines = new Map<string, ReadonlyArray<string>>()
const sourceLine = (url: string, line: number): string => {
  try {
    const path = url.startsWith("file:") ? fileURLToPath(url) : url
    let text = lines.get(path)
    if (text === undefined) {
      text = readFileSync(path, "utf8").split("\n")
      lines.set(path, text)
    }
    return (text[line - 1] ?? "").trim().slice(0, 70)
  } catch {
    return ""
  }
}

const place = (frame: Node["callFrame"]): string => {
  const { url, lineNumber, columnNumber, functionName } = frame
  if (url === "") return functionName || "(native)"
  const entry = findSourceMap(url)?.findEntry(lineNumber, columnNumber)
  const mapped = entry !== undefined && "originalSource" in entry ? entry : undefined
  const source = mapped?.originalSource ?? url
  const line = mapped !== undefined ? mapped.originalLine + 1 : lineNumber + 1
  const short = source
    .replace(/^.*?\/(packages|node_modules)\//, "$1/")
    .replace(/^.*\/\.pnpm\/[^/]+\/node_modules\//, "")
  const name = functionName && functionName !== "(anonymous)" ? `${functionName} ` : ""
  return `${name}${short}:${line}  ${mapped !== undefined ? sourceLine(source, line) : ""}`.trimEnd()
}

const idle = (frame: Node["callFrame"]) =>
  frame.functionName === "(idle)" || frame.functionName === "(program)" || frame.url.startsWith("node:inspector")

export const make = async (): Promise<Profiler> => {
  process.setSourceMapsEnabled(true)
  const session = new Session()
  session.connect()
  await session.post("Profiler.enable")
  await session.post("Profiler.setSamplingInterval", { interval: 200 })
  const self = new Map<string, Map<string, number>>()
  const totals = new Map<string, number>()
  return {
    start: async () => {
      await session.post("Profiler.start")
    },
    stop: async (key) => {
      const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile }
      const byId = new Map(profile.nodes.map((n) => [n.id, n]))
      const times = self.get(key) ?? new Map<string, number>()
      self.set(key, times)
      for (let i = 0; i < profile.samples.length; i++) {
        const node = byId.get(profile.samples[i]!)
        const dt = profile.timeDeltas[i] ?? 0
        // Waiting (the pause before a timed part, the profiler's own calls) is no one's cost.
        if (node === undefined || idle(node.callFrame)) continue
        const where = place(node.callFrame)
        times.set(where, (times.get(where) ?? 0) + dt)
        totals.set(key, (totals.get(key) ?? 0) + dt)
      }
    },
    summary: (n) => {
      const out: Array<string> = []
      for (const [key, times] of self) {
        const total = totals.get(key) ?? 1
        out.push(`${key}: ${Math.round(total / 1000).toLocaleString("en-US")} ms sampled, top self time`)
        for (const [where, t] of [...times].sort((a, b) => b[1] - a[1]).slice(0, n))
          out.push(`  ${((t / total) * 100).toFixed(1).padStart(5)}%  ${where}`)
      }
      return out.join("\n")
    }
  }
}
