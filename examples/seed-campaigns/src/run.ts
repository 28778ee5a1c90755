/**
 * Runs one seed campaign: decodes every command as a host app would receive it, decides it,
 * folds the events, and reports what happened.
 */
import { Campaign, Command, Directory, type DomainError, type Event, Rulebook } from "@thidua/core"
import type { Seeds } from "@thidua/testing"
import { Result } from "effect"

export interface Report {
  readonly name: string
  readonly title: string
  readonly regime: string
  readonly status: string
  readonly events: ReadonlyArray<Event.CampaignEvent>
  readonly refused: ReadonlyArray<{ readonly index: number; readonly error: DomainError.DomainError }>
}

export const run = (seed: Seeds.Seed): Report => {
  let directory = Directory.initialState
  for (const raw of seed.directory) {
    const command = Result.getOrThrow(Command.decodeDirectory(raw))
    const decided = Directory.decide(directory, command)
    if (Result.isFailure(decided))
      throw new Error(`${seed.name}: directory command refused: ${String(decided.failure)}`)
    directory = decided.success.reduce(Directory.evolve, directory)
  }
  const context = { directory, rulebook: Rulebook.standard }
  let state = Campaign.initialState
  const events: Array<Event.CampaignEvent> = []
  const refused: Array<Report["refused"][number]> = []
  seed.campaign.forEach((raw, index) => {
    const command = Result.getOrThrow(Command.decodeCampaign(raw))
    const decided = Campaign.decide(state, command, context)
    if (Result.isFailure(decided)) refused.push({ index, error: decided.failure })
    else
      for (const e of decided.success) {
        state = Campaign.evolve(state, e)
        events.push(e)
      }
  })
  return {
    name: seed.name,
    title: seed.title,
    regime: state.plan?.regime ?? "-",
    status: state.status,
    events,
    refused
  }
}

const count = (events: ReadonlyArray<Event.CampaignEvent>, tag: Event.CampaignEvent["_tag"]) =>
  events.filter((e) => e._tag === tag).length

export const describe = (r: Report): ReadonlyArray<string> => {
  const benefit = r.events.reduce((sum, e) => (e._tag === "InitiativeRecorded" ? sum + e.benefitVnd : sum), 0)
  return [
    `${r.title}`,
    `  ${r.name} · ${r.regime} · ${r.events.length} events · ${r.status}`,
    `  ${count(r.events, "PhaseScheduled")} phases, ${count(r.events, "ParticipantEnrolled")} units enrolled, ${count(r.events, "PledgeSigned")} pledges, ${count(r.events, "InitiativeRecorded")} initiatives (${benefit.toLocaleString("vi-VN")} đ), ${count(r.events, "AwardGranted")} awards`,
    ...r.refused.map(({ index, error }) => `  refused command ${index}: ${error.code} ${error.message.vi}`)
  ]
}
