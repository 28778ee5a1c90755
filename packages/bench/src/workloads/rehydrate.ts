/**
 * Rehydrating one long campaign stream (100,000 events, nearly all scores) from the in-memory
 * store: the cost of the first command on a stream a process has not seen. The payloads were not
 * encoded by this process (parsed from JSON), so Thi Đua decodes and validates every one, as it
 * does for events written by another process.
 */
import { getInMemoryEventStore } from "@event-driven-io/emmett"
import { Campaign, Command, Stream } from "@thidua/core"
import { CommandHandler, EventStore, InMemoryStore } from "@thidua/store"
import { Effect, Result } from "effect"
import { Campaigns, EmmettCampaign, Logs } from "../campaign/index.js"
import { quiet } from "../Quiet.js"
import { CheckFailed, type Contender, type Workload } from "../Workload.js"

const EVENTS = 100_000

const summary = (s: Campaign.State) =>
  JSON.stringify({
    status: s.status,
    phases: s.phases.map((p) => [p.id, p.status]),
    participants: [...Campaign.participants(s)].map((p) => p.unitId).sort()
  })

const emmettSummary = (s: EmmettCampaign.CampaignState) =>
  JSON.stringify({
    status: s.status,
    phases: s.phases.map((p) => [p.id, p.open]),
    participants: Object.keys(s.participants).sort()
  })

const thidua = (w: Campaigns.Workload, logs: Logs.Logs): Contender => {
  const log = Logs.memoryLog(w, logs)
  const plan = w.campaigns[0]!
  const expected = summary(logs.states[0]!)
  // A command sent with an expected version one past the stream's: refused with the version the
  // handler folded to, which tells the fold read every event (the state itself holds no count).
  const last = plan.steps[plan.steps.length - 1]!
  const probe = Command.decodeCampaign({ ...last.command, commandId: "bench-probe" })
  if (Result.isFailure(probe)) throw probe.failure
  return {
    name: "thidua",
    round: async () => {
      const store = InMemoryStore.make(log)
      const run = <A, E>(effect: Effect.Effect<A, E, EventStore.EventStore>) =>
        Effect.runPromise(Effect.provideService(effect, EventStore.EventStore, store))
      const handler = await run(CommandHandler.make())
      await quiet()
      const t0 = performance.now()
      const state = await run(handler.campaignState(w.tenantId, plan.campaignId))
      const ms = performance.now() - t0
      const got = summary(state)
      if (got !== expected) throw new CheckFailed(`Thi Đua folded ${got}, expected ${expected}`)
      const r = await run(
        Effect.flip(
          handler.campaign(probe.success as never, { principal: last.principal, expectedVersion: plan.version + 1 })
        )
      )
      if (r._tag !== "WrongExpectedVersion" || r.actual !== plan.version)
        throw new CheckFailed(
          `Thi Đua's handler is at ${r._tag === "WrongExpectedVersion" ? r.actual : r._tag}, expected version ${plan.version}`
        )
      return { units: plan.version, ms }
    }
  }
}

const emmett = async (w: Campaigns.Workload, logs: Logs.Logs): Promise<Contender> => {
  const plan = w.campaigns[0]!
  const expected = emmettSummary(logs.emmettStates[0]!)
  const store = getInMemoryEventStore()
  await store.appendToStream(plan.streamId, [...logs.emmett[0]!])
  return {
    name: "emmett",
    round: async () => {
      await quiet()
      const t0 = performance.now()
      const { state, currentStreamVersion } = await store.aggregateStream(plan.streamId, {
        evolve: EmmettCampaign.evolve,
        initialState: EmmettCampaign.initialState
      })
      const ms = performance.now() - t0
      const got = emmettSummary(state)
      if (got !== expected) throw new CheckFailed(`Emmett folded ${got}, expected ${expected}`)
      if (Number(currentStreamVersion) !== plan.version)
        throw new CheckFailed(`Emmett's stream is at ${currentStreamVersion}, expected ${plan.version}`)
      return { units: plan.version, ms }
    }
  }
}

export const rehydrate100k: Workload = {
  id: "rehydrate-100k",
  title: `A campaign's state folded from its stream of ${EVENTS.toLocaleString("en-US")} events, in memory`,
  unit: "events",
  warmup: 1,
  rounds: 5,
  note:
    "Thi Đua: `CommandHandler.make()` then `campaignState(tenant, campaign)` on a store holding payloads parsed from JSON " +
    "(decoded and validated, as events another process wrote; `thidua.campaign()` runs the same call, but an engine cannot be given a prepared store); " +
    "Emmett: `aggregateStream(stream, { evolve, initialState })`, no decoding. One event per command; 15 lifecycle events then scores.",
  targets: [{ kind: "ratio", label: "rehydration ≥ 2× Emmett", min: 2 }],
  open: async () => {
    const w = Campaigns.generate({ campaigns: 1, commandsPerCampaign: EVENTS })
    const logs = Logs.decideAll(w)
    if (w.campaigns[0]!.streamId !== Stream.campaign(w.campaigns[0]!.campaignId))
      throw new Error("the generator's stream ids are not Thi Đua's")
    return { contenders: [thidua(w, logs), await emmett(w, logs)], close: async () => {} }
  }
}
