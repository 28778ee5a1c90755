/**
 * Runs one seed campaign the way a host app would: every command arrives as JSON, is decoded at
 * the edge, and goes through the command handler to the event store; a refusal is reported with
 * its rule id and its Vietnamese message.
 */
import { Command, type DomainError, type Event } from "@thidua/core"
import { CommandHandler, type EventStore } from "@thidua/store"
import type { Seeds } from "@thidua/testing"
import { Effect, Result } from "effect"

export interface Report {
  readonly name: string
  readonly title: string
  readonly regime: string
  readonly status: string
  readonly version: number
  readonly events: ReadonlyArray<Event.CampaignEvent>
  readonly refused: ReadonlyArray<{ readonly index: number; readonly code: string; readonly message: string }>
}

export const run = (seed: Seeds.Seed): Effect.Effect<Report, CommandHandler.HandleError, EventStore.EventStore> =>
  Effect.gen(function* () {
    const handler = yield* CommandHandler.make()
    for (const raw of seed.directory) yield* handler.directory(Result.getOrThrow(Command.decodeDirectory(raw)))
    const events: Array<Event.CampaignEvent> = []
    const refused: Array<Report["refused"][number]> = []
    let tenantId = ""
    let campaignId = ""
    for (const [index, raw] of seed.campaign.entries()) {
      const command = Result.getOrThrow(Command.decodeCampaign(raw))
      tenantId = command.tenantId
      campaignId = command.campaignId
      const result = yield* handler
        .campaign(command)
        .pipe(
          Effect.catchTag("DomainError", (error: DomainError.DomainError) =>
            Effect.sync(() => void refused.push({ index, code: error.code, message: error.message.vi }))
          )
        )
      if (result !== undefined) events.push(...result.events)
    }
    const state = yield* handler.campaignState(tenantId, campaignId)
    return {
      name: seed.name,
      title: seed.title,
      regime: state.plan?.regime ?? "-",
      status: state.status,
      version: events.length,
      events,
      refused
    } satisfies Report
  })

const count = (events: ReadonlyArray<Event.CampaignEvent>, tag: Event.CampaignEvent["_tag"]) =>
  events.filter((e) => e._tag === tag).length

export const describe = (r: Report): ReadonlyArray<string> => {
  const benefit = r.events.reduce((sum, e) => (e._tag === "InitiativeRecorded" ? sum + e.benefitVnd : sum), 0)
  return [
    `${r.title}`,
    `  ${r.name} · ${r.regime} · ${r.events.length} events · ${r.status}`,
    `  ${count(r.events, "PhaseScheduled")} phases, ${count(r.events, "ParticipantEnrolled")} units enrolled, ${count(r.events, "PledgeSigned")} pledges, ${count(r.events, "InitiativeRecorded")} initiatives (${benefit.toLocaleString("vi-VN")} đ), ${count(r.events, "AwardGranted")} awards`,
    ...r.refused.map(({ index, code, message }) => `  refused command ${index}: ${code} ${message}`)
  ]
}
