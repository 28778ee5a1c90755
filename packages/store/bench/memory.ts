/**
 * The in-memory store and the command handler, measured. Prints figures; run with
 * `pnpm bench:store` (it builds first and imports the built packages, as a host app does).
 */
import type { Command } from "@thidua/core"
import { CommandHandler, EventStore, InMemoryStore, Position, Principal } from "@thidua/store"
import { History } from "@thidua/testing"
import { Effect, Result, Stream } from "effect"
import fc from "fast-check"

const rate = (n: number, ms: number) =>
  Math.round(n / (ms / 1000))
    .toLocaleString("en-US")
    .padStart(12)
const line = (label: string, n: number, ms: number, unit: string) =>
  console.log(`${label.padEnd(52)} ${rate(n, ms)} ${unit}/s`)

const N = 1_000_000
const ids = Array.from({ length: N }, (_, i) => `e-${i}`)
// Stream ids and event ids exist before the append in a host app: build them outside the timing.
const streams = Array.from({ length: N / 100 }, (_, i) => `campaign:${i}`)
const payload = { phaseId: "dot-1", at: "2020-01-02" }

// 1. Single-event appends through the Effect service, one stream per 100 events, ids deduplicated.
const appends = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  const t0 = performance.now()
  for (let i = 0; i < N; i++) {
    yield* store.append("bench", streams[(i / 100) | 0]!, i % 100, [
      { eventId: ids[i]!, type: "PhaseOpened", data: payload, schemaVersion: 1 }
    ])
  }
  line("append, 1 event per call (Effect service)", N, performance.now() - t0, "events")
  const t1 = performance.now()
  let n = 0
  yield* Stream.runForEach(store.readAll(Position.start, { batchSize: 10_000 }), () => Effect.sync(() => void n++))
  line("readAll (Stream, pages of 10,000)", n, performance.now() - t1, "events")
})
await Effect.runPromise(appends.pipe(Effect.provide(InMemoryStore.layer)))

// The same appends on the store's synchronous core, without an Effect per call.
{
  const log = new InMemoryStore.MemoryLog()
  const t0 = performance.now()
  for (let i = 0; i < N; i++)
    log.append("bench", streams[(i / 100) | 0]!, i % 100, [
      { eventId: ids[i]!, type: "PhaseOpened", data: payload, schemaVersion: 1 }
    ])
  line("append, 1 event per call (MemoryLog, synchronous)", N, performance.now() - t0, "events")
}

// 2. Commands through the handler: generated campaign histories, each in a tenant of its own.
const histories = fc.sample(History.campaign({ maxSteps: 150 }), { numRuns: 300, seed: 9 })
const work = histories.map((h, i) => {
  const tenantId = `tenant-${i}`
  const retag = <C extends { readonly tenantId: string; readonly commandId: string }>(c: C): C => ({
    ...c,
    tenantId,
    commandId: `${i}-${c.commandId}`
  })
  return {
    directory: h.world.commands.map(retag) as ReadonlyArray<Command.DirectoryCommand>,
    campaign: h.steps
      .filter((s) => Result.isSuccess(s.result))
      .map((s) => retag(s.command)) as ReadonlyArray<Command.CampaignCommand>
  }
})
const commands = work.reduce((n, w) => n + w.campaign.length, 0)
const handle = Effect.gen(function* () {
  const handler = yield* CommandHandler.make()
  for (const w of work) for (const c of w.directory) yield* handler.directory(c, { principal: Principal.trustClaim(c) })
  // The principals exist before the command in a host app (its session): built outside the timing.
  const principals = work.map((w) => w.campaign.map((c) => ({ principal: Principal.trustClaim(c) })))
  const t0 = performance.now()
  for (const [i, w] of work.entries())
    for (const [j, c] of w.campaign.entries()) yield* handler.campaign(c, principals[i]![j]!)
  line(`command handler: decide + append (${commands} commands)`, commands, performance.now() - t0, "commands")
})
await Effect.runPromise(handle.pipe(Effect.provide(InMemoryStore.layer)))
