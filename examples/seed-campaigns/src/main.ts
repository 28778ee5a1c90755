/**
 * The seed campaigns demo: the five campaigns of the source articles at the articles' scale, from
 * their plan to their close, through the engine (`createThiDua`) on the embedded store —
 * PostgreSQL on PGlite, in memory — with the campaign calendar opening and closing the phases.
 *
 * `--json` prints one JSON array, an object per seed, and nothing else on stdout.
 * `THIDUA_PG_URL` points it at a PostgreSQL server instead; `THIDUA_STORE=memory` keeps the
 * events in memory.
 */
import { CampaignCalendar, createThiDua, type Engine } from "@thidua/engine"
import { Seeds } from "@thidua/testing"
import { describe, report } from "./report.js"
import { calendar, run } from "./run.js"

const json = process.argv.includes("--json")
const url = process.env.THIDUA_PG_URL
const [storeName, store]: readonly [string, Engine.StoreConfig] =
  process.env.THIDUA_STORE === "memory"
    ? ["the in-memory store", "memory"]
    : url !== undefined && url !== ""
      ? ["PostgreSQL at THIDUA_PG_URL", { url }]
      : ["PostgreSQL on embedded PGlite", "embedded"]

// A bar on the terminal for the large seeds; nothing when stderr is not a terminal.
const bar = (name: string) => (done: number, total: number) => {
  if (!process.stderr.isTTY || total < 2_000 || (done % 250 !== 0 && done !== total)) return
  const width = 30
  const filled = Math.round((done / total) * width)
  process.stderr.write(
    `\r  ${name} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done.toLocaleString("vi-VN")}/${total.toLocaleString("vi-VN")}`
  )
  if (done === total) process.stderr.write("\r\u001b[2K")
}

const startOf = (seed: Seeds.Seed): string =>
  (seed.campaign[0] as { readonly period?: { readonly start: string } }).period?.start ?? ""

const started = performance.now()
const clock = calendar()
const td = await createThiDua({ store, workflows: [CampaignCalendar.make()], clock: clock.now })
const reports = []
if (!json) console.log(`Thi Đua — the seed campaigns at the articles' scale, on ${storeName}\n`)
try {
  // One engine, one calendar: its clock only moves forward, so the campaigns run in the order of
  // their dates, from 2019 to 2026.
  for (const seed of [...Seeds.all].sort((a, b) => startOf(a).localeCompare(startOf(b)))) {
    const r = await report(td, await run(td, clock, seed, bar(seed.name)))
    reports.push(r)
    if (!json) console.log(`${describe(r).join("\n")}\n`)
  }
} finally {
  await td.close()
}
const refused = reports.reduce((n, r) => n + r.refused.length, 0)
if (json) console.log(JSON.stringify(reports, null, 2))
else console.log(`Five campaigns in ${Math.round((performance.now() - started) / 100) / 10} s.`)
if (refused > 0) {
  console.error(`${refused} commands were refused`)
  process.exitCode = 1
}
