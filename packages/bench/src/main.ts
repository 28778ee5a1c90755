/**
 * `pnpm bench`: every workload against Thi Đua and Emmett in one process, alternating round by
 * round. Prints a table (or `--json`); `--only a,b` runs some workloads; `--write-docs` puts the
 * table in docs/benchmarks.md. Exits with 1 when a line failed (a wrong result or a crash), never
 * because a target was missed.
 */
import { fileURLToPath } from "node:url"
import * as Docs from "./Docs.js"
import * as Harness from "./Harness.js"
import * as Machine from "./Machine.js"
import * as Profile from "./Profile.js"
import * as Report from "./Report.js"
import * as Targets from "./Targets.js"
import { workloads } from "./workloads/index.js"

const usage = `pnpm bench [--only id,id] [--contenders name,name] [--json] [--write-docs] [--list]
  --only        run these workloads (ids from --list)
  --contenders  run only these contenders (thidua, emmett, postgres, nats, nats-r3)
  --profile     print the functions with the most self time in each contender's measured rounds
  --json        print the results as JSON (progress still goes to stderr)
  --write-docs  regenerate the table in docs/benchmarks.md (rows of workloads not run are kept)
  --list        print the workloads' ids and titles`

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const optionValue = (name: string): string | undefined => {
  const eq = args.find((a) => a.startsWith(`${name}=`))
  if (eq !== undefined) return eq.slice(name.length + 1)
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}

const known = new Set(["--only", "--contenders", "--profile", "--json", "--write-docs", "--list", "--help"])
const unknown = args.filter((a) => a.startsWith("--") && !known.has(a.split("=")[0]!))
if (flag("--help") || unknown.length > 0) {
  console.error(unknown.length > 0 ? `unknown option ${unknown.join(", ")}\n${usage}` : usage)
  process.exit(unknown.length > 0 ? 2 : 0)
}
if (flag("--list")) {
  for (const w of workloads)
    console.log(
      `${w.id.padEnd(28)} ${w.title}${w.needs === "postgres" ? " (PostgreSQL)" : w.needs === "nats" ? " (nats-server)" : ""}`
    )
  process.exit(0)
}

const list = (name: string) =>
  optionValue(name)
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
const only = list("--only")
const sides = list("--contenders")
const missing = (only ?? []).filter((id) => !workloads.some((w) => w.id === id))
if (missing.length > 0) {
  console.error(`no workload ${missing.join(", ")}; there are: ${workloads.map((w) => w.id).join(", ")}`)
  process.exit(2)
}
if (flag("--write-docs") && (sides !== undefined || flag("--profile"))) {
  console.error("--write-docs needs every contender, unprofiled: run it without --contenders and --profile")
  process.exit(2)
}
const selected = only === undefined ? workloads : workloads.filter((w) => only.includes(w.id))

const started = new Date()
const load = Machine.load()
const progress: Harness.Progress = (line) => process.stderr.write(`${line}\n`)
const results: Array<Harness.WorkloadResult> = []
const profiler = flag("--profile") ? await Profile.make() : undefined
for (const w of selected) results.push(await Harness.run(w, progress, sides, profiler))

const byId = new Map(results.map((r) => [r.workload.id, r]))
const judged: ReadonlyArray<Report.Judgement> = results.map((result) => ({
  result,
  targets: Targets.evaluate(result, byId)
}))
const machine = Machine.describe(started, results.find((r) => r.server !== undefined)?.server, load)
const ok = !results.some(Harness.failed)

if (flag("--json")) console.log(JSON.stringify(Report.json(judged, machine, ok), null, 2))
else console.log(Report.table(judged, machine))
if (profiler !== undefined) process.stderr.write(`\n${profiler.summary(20)}\n`)

if (flag("--write-docs")) {
  const path = fileURLToPath(new URL("../../../docs/benchmarks.md", import.meta.url))
  await Docs.write(
    path,
    judged,
    machine,
    workloads.map((w) => w.id)
  )
  progress(`wrote ${path}`)
}

// Stores, runtimes and pools a workload left open must not keep the process alive.
process.exit(ok ? 0 : 1)
