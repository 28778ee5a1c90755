/**
 * Reading a whole in-memory log back and folding a scoreboard: what a read model's rebuild costs.
 * Thi Đua reads `readAll` in pages, decodes every payload (they were parsed from JSON, not
 * encoded by this process) and folds the Scoreboard read model; Emmett reads each stream back
 * with `readStream` (its in-memory store has no read of the whole log) and folds the same tallies
 * (per unit, for the campaign and per phase, self and cross points) in its idiom, without decoding.
 */
import { getInMemoryEventStore } from "@event-driven-io/emmett"
import { ReadModels, Runner, Scoreboard } from "@thidua/projections"
import { EventStore, InMemoryStore } from "@thidua/store"
import { Effect } from "effect"
import { Campaigns, type EmmettCampaign, Logs } from "../campaign/index.js"
import { quiet } from "../Quiet.js"
import { CheckFailed, type Contender, type Workload } from "../Workload.js"

// Emmett's in-memory append counts the events of every stream for each event it appends: a
// thousand streams of a thousand events took 23 s to prepare, two hundred of five thousand 11 s.
const TEMPLATES = 20
const COPIES = 10
const PER_CAMPAIGN = 5_000
const EVENTS = TEMPLATES * COPIES * PER_CAMPAIGN

interface Expected {
  readonly streams: ReadonlyArray<{ readonly campaignId: string; readonly streamId: string; readonly points: number }>
}

const expectedOf = (w: Campaigns.Workload): Expected => ({
  streams: Array.from({ length: COPIES }, (_, k) =>
    w.campaigns.map((plan) => {
      const campaignId = k === 0 ? plan.campaignId : `${plan.campaignId}-k${k}`
      return { campaignId, streamId: `campaign:${campaignId}`, points: plan.points }
    })
  ).flat()
})

const thidua = (w: Campaigns.Workload, logs: Logs.Logs, expected: Expected): Contender => {
  const log = Logs.memoryLog(w, logs, { copies: COPIES, block: 100 })
  if (log.log.length !== EVENTS + logs.directory.length)
    throw new Error(`the log holds ${log.log.length} events, expected ${EVENTS + logs.directory.length}`)
  return {
    name: "thidua",
    round: async () => {
      const store = InMemoryStore.make(log)
      await quiet()
      const t0 = performance.now()
      const { states } = await Effect.runPromise(
        Effect.provideService(
          Runner.rebuild(Scoreboard.projection, { batchSize: 10_000 }),
          EventStore.EventStore,
          store
        )
      )
      const ms = performance.now() - t0
      for (const e of expected.streams) {
        const board = states.get(ReadModels.campaignKey(w.tenantId, e.campaignId))
        const points =
          board === undefined ? 0 : Scoreboard.ranking(board).reduce((n, s) => n + s.tally.self + s.tally.cross, 0)
        if (points !== e.points)
          throw new CheckFailed(`Thi Đua: ${e.campaignId} totals ${points}, expected ${e.points}`)
      }
      return { units: log.log.length, ms }
    }
  }
}

type Tally = { self: number; cross: number }
/** The Emmett side's scoreboard of one campaign: enrolments, tallies for the campaign and per phase. */
type Board = {
  readonly participants: Map<string, string>
  readonly campaign: Map<string, Tally>
  readonly phases: Map<string, Map<string, Tally>>
}

const credit = (tallies: Map<string, Tally>, unitId: string, kind: "self" | "cross", points: number) => {
  let t = tallies.get(unitId)
  if (t === undefined) {
    t = { self: 0, cross: 0 }
    tallies.set(unitId, t)
  }
  t[kind] += points
}

// Mutates the board it is given: the fastest fold Emmett's `readStream` allows, not a straw man.
const evolveBoard = (board: Board, { type, data }: EmmettCampaign.CampaignEvent): Board => {
  switch (type) {
    case "PhaseScheduled":
      board.phases.set(data.phaseId, new Map())
      return board
    case "ParticipantEnrolled":
      board.participants.set(data.unitId, data.sector)
      return board
    case "ScoreAssessed": {
      credit(board.campaign, data.unitId, data.kind, data.points)
      const phase = data.phaseId === undefined ? undefined : board.phases.get(data.phaseId)
      if (phase !== undefined) credit(phase, data.unitId, data.kind, data.points)
      return board
    }
    default:
      return board
  }
}

const emmett = async (logs: Logs.Logs, expected: Expected): Promise<Contender> => {
  const store = getInMemoryEventStore()
  const byTemplate = logs.emmett
  for (const [i, e] of expected.streams.entries())
    await store.appendToStream(e.streamId, [...byTemplate[i % byTemplate.length]!])
  return {
    name: "emmett",
    round: async () => {
      const boards = new Map<string, Board>()
      await quiet()
      const t0 = performance.now()
      let events = 0
      for (const e of expected.streams) {
        const read = await store.readStream<EmmettCampaign.CampaignEvent>(e.streamId)
        let board: Board = { participants: new Map(), campaign: new Map(), phases: new Map() }
        for (const event of read.events) board = evolveBoard(board, event)
        boards.set(e.campaignId, board)
        events += read.events.length
      }
      const ms = performance.now() - t0
      for (const e of expected.streams) {
        let points = 0
        for (const t of boards.get(e.campaignId)?.campaign.values() ?? []) points += t.self + t.cross
        if (points !== e.points) throw new CheckFailed(`Emmett: ${e.campaignId} totals ${points}, expected ${e.points}`)
      }
      if (events !== EVENTS) throw new CheckFailed(`Emmett read ${events} events, expected ${EVENTS}`)
      return { units: events, ms }
    }
  }
}

export const readAllFold1m: Workload = {
  id: "readall-fold-1m",
  title: `${EVENTS.toLocaleString("en-US")} events read back and folded into a scoreboard, in memory`,
  unit: "events",
  warmup: 1,
  rounds: 5,
  note:
    `Thi Đua: \`Runner.rebuild(Scoreboard.projection, { batchSize: 10_000 })\` over \`readAll\`, every payload decoded; ` +
    `Emmett: \`readStream\` per stream and a fold of the same tallies into a board it mutates, no decoding. ` +
    `${TEMPLATES * COPIES} campaigns of ${PER_CAMPAIGN.toLocaleString("en-US")} events (${TEMPLATES} generated, each ${COPIES} times), interleaved by 100 in Thi Đua's log: ` +
    "Emmett's in-memory append counts every stream's events for each event appended, so a thousand streams took twice as long to prepare.",
  targets: [
    { kind: "ratio", label: "read all and fold ≥ 1.5× Emmett", min: 1.5 },
    { kind: "rate", label: "rebuild from the in-memory store, decoding included ≥ 2,000,000 events/s", min: 2_000_000 }
  ],
  open: async () => {
    const w = Campaigns.generate({ campaigns: TEMPLATES, commandsPerCampaign: PER_CAMPAIGN })
    const logs = Logs.decideAll(w)
    const expected = expectedOf(w)
    return { contenders: [thidua(w, logs, expected), await emmett(logs, expected)], close: async () => {} }
  }
}
