/**
 * The generated commands decided once, outside any timing, into the events each store holds:
 * Thi Đua's as stored events (type, version, a payload parsed from JSON as a store reads it back,
 * with the event and command ids), Emmett's as its `{ type, data }` events. Used by the lines that
 * read logs back (rehydrating a stream, folding the whole log) and need many events quickly: the
 * pure deciders take a second where a handler would take many.
 */
import { Campaign, Command, Directory, Event, Rulebook, Stream } from "@thidua/core"
import { InMemoryStore, type Recorded } from "@thidua/store"
import { Result } from "effect"
import * as EmmettCampaign from "./emmett.js"
import type { Workload } from "./thidua.js"

/** A stored event to append, and the command that produced it. */
export interface Stored {
  readonly event: Recorded.NewEvent
  readonly commandId: string
}

export interface Logs {
  /** The directory's events, for the stream `org:<tenant>`. */
  readonly directory: ReadonlyArray<Stored>
  /** Per campaign (in the workload's order), its stored events. */
  readonly thidua: ReadonlyArray<ReadonlyArray<Stored>>
  /** Per campaign, Emmett's events. */
  readonly emmett: ReadonlyArray<ReadonlyArray<EmmettCampaign.CampaignEvent>>
  /** Per campaign, the state Thi Đua's decider folded: what a rehydration must find. */
  readonly states: ReadonlyArray<Campaign.State>
  /** Per campaign, the state Emmett's decider folded. */
  readonly emmettStates: ReadonlyArray<EmmettCampaign.CampaignState>
}

const fail = (what: string, error: unknown): never => {
  throw new Error(`${what}: ${error instanceof Error ? error.message : JSON.stringify(error)}`)
}

// A fresh object from JSON, as a store hands a payload back: not one this process encoded.
const stored = (e: Event.DomainEvent, eventId: string, commandId: string): Stored => {
  const { _tag, ...data } = e
  return {
    event: { eventId, type: _tag, data: JSON.parse(JSON.stringify(data)), schemaVersion: Event.versions[_tag] },
    commandId
  }
}

/** Decides every accepted command of the workload with both deciders. Refused commands are left out. */
export const decideAll = (w: Workload): Logs => {
  let dir = Directory.initialFor(w.tenantId as never)
  const directory: Array<Stored> = []
  for (const s of w.directory) {
    const command = Command.decodeDirectory(s.command)
    if (Result.isFailure(command)) return fail(s.command.commandId, command.failure)
    const decided = Directory.decider.decide(dir, command.success)
    if (Result.isFailure(decided)) return fail(s.command.commandId, decided.failure)
    for (const [i, e] of decided.success.entries()) {
      dir = Directory.decider.evolve(dir, e)
      directory.push(stored(e, `${s.command.commandId}-${i}`, s.command.commandId))
    }
  }
  const ctx = { directory: dir, rulebook: Rulebook.standard }
  const emmettDirectory = EmmettCampaign.directoryOf(w.directory)
  const states: Array<Campaign.State> = []
  const thidua = w.campaigns.map((plan) => {
    let state = Campaign.initialState
    const out: Array<Stored> = []
    for (const s of plan.steps) {
      if (s.refused !== undefined) continue
      const command = Command.decodeCampaign(s.command)
      if (Result.isFailure(command)) return fail(s.command.commandId, command.failure)
      const decided = Campaign.decide(state, command.success, ctx)
      if (Result.isFailure(decided)) return fail(s.command.commandId, decided.failure)
      for (const [i, e] of decided.success.entries()) {
        state = Campaign.evolve(state, e)
        out.push(stored(e, `${s.command.commandId}-${i}`, s.command.commandId))
      }
    }
    states.push(state)
    return out
  })
  const emmettStates: Array<EmmettCampaign.CampaignState> = []
  const emmett = w.campaigns.map((plan) => {
    let state = EmmettCampaign.initialState()
    const out: Array<EmmettCampaign.CampaignEvent> = []
    for (const s of plan.steps) {
      if (s.refused !== undefined) continue
      const e = EmmettCampaign.decide(EmmettCampaign.toEmmett(s.command), state, emmettDirectory)
      state = EmmettCampaign.evolve(state, e)
      out.push(e)
    }
    emmettStates.push(state)
    return out
  })
  return { directory, thidua, emmett, states, emmettStates }
}

/**
 * A Thi Đua in-memory log holding the events, one append per command as the handler made them,
 * with their command ids: the directory, then the campaigns `copies` times each (campaign `c` of
 * copy `k` under the id `<campaignId>` for the first copy, `<campaignId>-k<k>` after), campaigns
 * interleaved in blocks of `block` events so that the log mixes streams as a live one does.
 */
export const memoryLog = (w: Workload, logs: Logs, options: { copies?: number; block?: number } = {}) => {
  const log = new InMemoryStore.MemoryLog()
  const append = (streamId: string, s: Stored, suffix: string) => {
    const r = log.append(w.tenantId, streamId, "any", [{ ...s.event, eventId: `${s.event.eventId}${suffix}` }], {
      commandId: `${s.commandId}${suffix}`
    })
    if ("_tag" in r) throw new Error(`cannot prepare the log: ${r._tag}`)
  }
  for (const s of logs.directory) append(Stream.directory(w.tenantId), s, "")
  const copies = options.copies ?? 1
  const block = options.block ?? Number.POSITIVE_INFINITY
  const longest = Math.max(...logs.thidua.map((l) => l.length))
  for (let from = 0; from < longest; from += block)
    for (let k = 0; k < copies; k++)
      for (const [c, events] of logs.thidua.entries()) {
        const suffix = k === 0 ? "" : `-k${k}`
        const streamId = Stream.campaign(`${w.campaigns[c]!.campaignId}${suffix}`)
        for (const s of events.slice(from, from + block)) append(streamId, s, suffix)
      }
  return log
}
