/**
 * How fast the pure core is: decide + evolve per command, evolve alone per event (a rebuild), and
 * decoding commands from JSON (the edge). Prints figures; run with `pnpm bench:core`.
 *
 * It imports the built packages (`dist/`), as a host app does: `pnpm bench:core` builds first.
 *
 * The commands are the steps of generated campaign histories (valid ones and near misses), so the
 * mix is that of a real campaign, not one command repeated.
 */
import { Campaign, Command, Event, Upcast } from "@thidua/core"
import { History } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"

const histories = fc.sample(History.campaign({ noise: 0.2, maxSteps: 150 }), { numRuns: 400, seed: 42 })
const steps = histories.flatMap((h) => h.steps.map((s) => ({ h, s })))
const events: ReadonlyArray<Event.CampaignEvent> = histories.flatMap((h) => h.events)
const json = steps.map(({ s }) => JSON.parse(JSON.stringify(s.command)) as unknown)
// Stored events as a store reads them back: a type, a version and a parsed JSON payload.
const stored = events.map(({ _tag, ...data }) => ({
  type: _tag,
  version: Event.versions[_tag],
  data: JSON.parse(JSON.stringify(data)) as unknown
}))

const time = (label: string, unit: string, count: number, rounds: number, f: () => void) => {
  f() // warm up
  const t0 = performance.now()
  for (let i = 0; i < rounds; i++) f()
  const ms = performance.now() - t0
  const rate = (count * rounds) / (ms / 1000)
  console.log(`${label.padEnd(44)} ${Math.round(rate).toLocaleString("en-US").padStart(12)} ${unit}/s`)
}

console.log(
  `${histories.length} histories, ${steps.length} commands, ${events.length} events (Node ${process.version})`
)

time("decide + evolve (per command)", "commands", steps.length, 20, () => {
  for (const { h, s } of steps) {
    const r = Campaign.decide(s.before, s.command, h.context)
    if (Result.isSuccess(r)) {
      let state = s.before
      for (const e of r.success) state = Campaign.evolve(state, e)
    }
  }
})

time("decide only", "commands", steps.length, 20, () => {
  for (const { h, s } of steps) Campaign.decide(s.before, s.command, h.context)
})

time("evolve (rebuild from events)", "events", events.length, 20, () => {
  for (const h of histories) {
    let state = Campaign.initialState
    for (const e of h.events) state = Campaign.evolve(state, e)
  }
})

time("Command.decode (JSON at the edge)", "commands", json.length, 20, () => {
  for (const j of json) Command.decode(j)
})

time("Upcast.decode (stored events at the edge)", "events", stored.length, 20, () => {
  for (const e of stored) Upcast.decode(e.type, e.version, e.data)
})
