/**
 * The in-memory store alone: single-event appends through the Effect service and on its
 * synchronous core, `readAll` as a Stream, and the command handler (the Effect face under the
 * engine) on the campaign workload.
 */
import { Command } from "@thidua/core"
import { CommandHandler, EventStore, InMemoryStore, Position } from "@thidua/store"
import { Effect, Result, Stream } from "effect"
import { Campaigns } from "../../campaign/index.js"
import { CheckFailed } from "../../Workload.js"
import { solo, timed } from "./solo.js"

const APPENDS = 200_000
const PER_STREAM = 100
// Ids and stream names exist before the append in a host app: built outside the timing.
const ids = Array.from({ length: APPENDS }, (_, i) => `e-${i}`)
const streams = Array.from({ length: APPENDS / PER_STREAM }, (_, i) => `campaign:${i}`)
const payload = { phaseId: "dot-1", at: "2020-01-02" }
const event = (i: number) => [{ eventId: ids[i]!, type: "PhaseOpened", data: payload, schemaVersion: 1 }]

const checkLog = (log: InMemoryStore.MemoryLog) => {
  if (log.log.length !== APPENDS) throw new CheckFailed(`the log holds ${log.log.length} events, expected ${APPENDS}`)
  for (const s of [streams[0]!, streams[streams.length - 1]!])
    if (log.streamVersion("bench", s) !== PER_STREAM)
      throw new CheckFailed(`${s} at ${log.streamVersion("bench", s)}, expected ${PER_STREAM}`)
}

export const storeAppend = solo({
  id: "store-append",
  title: "In-memory store: single-event appends through the Effect service, ids deduplicated",
  unit: "events",
  targets: [{ kind: "rate", label: "single-event appends in memory ≥ 1,000,000 events/s", min: 1_000_000 }],
  prepare: () => async () => {
    const log = new InMemoryStore.MemoryLog()
    const store = InMemoryStore.make(log)
    const { ms } = await timed(() =>
      Effect.runPromise(
        Effect.gen(function* () {
          for (let i = 0; i < APPENDS; i++)
            yield* store.append("bench", streams[(i / PER_STREAM) | 0]!, i % PER_STREAM, event(i))
        })
      )
    )
    checkLog(log)
    return { units: APPENDS, ms }
  }
})

export const storeAppendLog = solo({
  id: "store-append-log",
  title: "In-memory store: the same appends on its synchronous core (`MemoryLog`)",
  unit: "events",
  targets: [{ kind: "rate", label: "single-event appends on MemoryLog ≥ 1,000,000 events/s", min: 1_000_000 }],
  prepare: () => async () => {
    const log = new InMemoryStore.MemoryLog()
    const { ms } = await timed(() => {
      for (let i = 0; i < APPENDS; i++) log.append("bench", streams[(i / PER_STREAM) | 0]!, i % PER_STREAM, event(i))
    })
    checkLog(log)
    return { units: APPENDS, ms }
  }
})

const READ = 1_000_000

export const storeReadAll = solo({
  id: "store-readall",
  title: `In-memory store: \`readAll\` as a Stream, pages of 10,000 (${READ.toLocaleString("en-US")} events)`,
  unit: "events",
  targets: [{ kind: "rate", label: "readAll in memory ≥ 5,000,000 events/s", min: 5_000_000 }],
  prepare: () => {
    const log = new InMemoryStore.MemoryLog()
    for (let i = 0; i < READ; i++)
      log.append("bench", `campaign:${(i / PER_STREAM) | 0}`, "any", [
        { eventId: `r-${i}`, type: "PhaseOpened", data: payload, schemaVersion: 1 }
      ])
    const store = InMemoryStore.make(log)
    return async () => {
      // Page by page, reading each event, as a runner consumes the log (a count of pages alone
      // would measure array slices).
      const { value, ms } = await timed(() => {
        let n = 0
        let versions = 0
        return Effect.runPromise(
          Stream.runForEachArray(store.readAll(Position.start, { batchSize: 10_000 }), (page) =>
            Effect.sync(() => {
              for (const r of page) {
                n++
                versions += r.version
              }
            })
          )
        ).then(() => ({ n, versions }))
      })
      const expected = (READ / PER_STREAM) * ((PER_STREAM * (PER_STREAM + 1)) / 2)
      if (value.n !== READ || value.versions !== expected)
        throw new CheckFailed(
          `read ${value.n} events (versions summing to ${value.versions}), expected ${READ} (${expected})`
        )
      return { units: value.n, ms }
    }
  }
})

export const handlerCommands = solo({
  id: "handler-commands",
  title: "Command handler (`CommandHandler.make()`, the Effect face) on the in-memory store: 20,000 campaign commands",
  unit: "commands",
  note: "The commands of `memory-commands` (200 campaigns of 100), decoded beforehand, one `handler.campaign` after another in one Effect: the engine's `execute` without its decoding and Promise.",
  targets: [{ kind: "rate", label: "command handler in memory ≥ 250,000 commands/s", min: 250_000 }],
  prepare: () => {
    const w = Campaigns.generate({ campaigns: 200, commandsPerCampaign: 100 })
    const decode = <C>(r: Result.Result<C, unknown>) => {
      if (Result.isFailure(r)) throw new Error(`a generated command does not decode: ${String(r.failure)}`)
      return r.success
    }
    const directory = w.directory.map((s) => ({
      command: decode(Command.decodeDirectory(s.command)),
      principal: s.principal
    }))
    const steps = w.steps.map((s) => ({
      command: decode(Command.decodeCampaign(s.command)),
      options: { principal: s.principal },
      campaign: s.campaign
    }))
    return async () => {
      const store = InMemoryStore.make()
      const run = <A, E>(effect: Effect.Effect<A, E, EventStore.EventStore>) =>
        Effect.runPromise(Effect.provideService(effect, EventStore.EventStore, store))
      const handler = await run(CommandHandler.make())
      await run(
        Effect.forEach(directory, (s) => handler.directory(s.command, { principal: s.principal }), { discard: true })
      )
      const versions: Array<number> = new Array(w.campaigns.length).fill(0)
      const { ms } = await timed(() =>
        run(
          Effect.gen(function* () {
            for (const s of steps) versions[s.campaign] = (yield* handler.campaign(s.command, s.options)).version
          })
        )
      )
      for (const [c, plan] of w.campaigns.entries())
        if (versions[c] !== plan.version)
          throw new CheckFailed(`${plan.streamId} at ${versions[c]}, expected ${plan.version}`)
      return { units: steps.length, ms }
    }
  }
})
