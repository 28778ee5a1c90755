/**
 * Runs one seed campaign the way a host app would: every command arrives as JSON, is decoded at
 * the edge, and goes through the command handler to the event store; a refusal is reported with
 * its rule id and its Vietnamese message. The read models are kept inline, so right after the
 * last command the campaign's scoreboard, initiative ledger and award roll are read as they stand.
 */
import { Command, type DomainError, type Event } from "@thidua/core"
import {
  AwardRoll,
  InitiativeLedger,
  type Projection,
  type ProjectionError,
  type ReadModels,
  Scoreboard
} from "@thidua/projections"
import { CommandHandler, type EventStore, Principal } from "@thidua/store"
import type { Seeds } from "@thidua/testing"
import { Effect, Result } from "effect"

/** The read models the demo keeps inline. */
export const readModels: readonly [
  Projection.Projection<Scoreboard.State>,
  Projection.Projection<InitiativeLedger.State>,
  Projection.Projection<AwardRoll.State>
] = [Scoreboard.projection, InitiativeLedger.projection, AwardRoll.projection]

export interface Report {
  readonly name: string
  readonly title: string
  readonly regime: string
  readonly status: string
  readonly version: number
  readonly events: ReadonlyArray<Event.CampaignEvent>
  readonly refused: ReadonlyArray<{ readonly index: number; readonly code: string; readonly message: string }>
  /** The scoreboard's first three, under the standard policy. */
  readonly top: ReadonlyArray<Scoreboard.Standing>
  readonly initiatives: InitiativeLedger.Totals | undefined
  /** Awards of this campaign still standing, of them presented (trao tặng), and revoked. */
  readonly awards: { readonly standing: number; readonly presented: number; readonly revoked: number }
}

export const run = (
  seed: Seeds.Seed
): Effect.Effect<
  Report,
  CommandHandler.HandleError | ProjectionError.CorruptState,
  EventStore.EventStore | ReadModels.ReadModels
> =>
  Effect.gen(function* () {
    const handler = yield* CommandHandler.make()
    // The seeds are the host's own trusted input: each command's claimed sender is its principal.
    // Commands from users carry the principal the host authenticated instead.
    for (const raw of seed.directory) {
      const command = Result.getOrThrow(Command.decodeDirectory(raw))
      yield* handler.directory(command, { principal: Principal.trustClaim(command) })
    }
    const events: Array<Event.CampaignEvent> = []
    const refused: Array<Report["refused"][number]> = []
    let tenantId = ""
    let campaignId = ""
    for (const [index, raw] of seed.campaign.entries()) {
      const command = Result.getOrThrow(Command.decodeCampaign(raw))
      tenantId = command.tenantId
      campaignId = command.campaignId
      const result = yield* handler
        .campaign(command, { principal: Principal.trustClaim(command) })
        .pipe(
          Effect.catchTag("DomainError", (error: DomainError.DomainError) =>
            Effect.sync(() => void refused.push({ index, code: error.code, message: error.messages.vi }))
          )
        )
      if (result !== undefined) events.push(...result.events)
    }
    const state = yield* handler.campaignState(tenantId, campaignId)
    const board = yield* Scoreboard.read(tenantId, campaignId)
    const ledger = yield* InitiativeLedger.read(tenantId, campaignId)
    const roll = yield* AwardRoll.read(tenantId)
    const ours = roll === undefined ? [] : AwardRoll.entries(roll).filter((a) => a.campaignId === campaignId)
    return {
      name: seed.name,
      title: seed.title,
      regime: state.plan?.regime ?? "-",
      status: state.status,
      version: events.length,
      events,
      refused,
      top: board === undefined ? [] : Scoreboard.top(board, 3),
      initiatives: ledger === undefined ? undefined : InitiativeLedger.totals(ledger),
      awards: {
        standing: ours.filter((a) => a.revoked === undefined).length,
        presented: ours.filter((a) => a.revoked === undefined && a.presented !== undefined).length,
        revoked: ours.filter((a) => a.revoked !== undefined).length
      }
    } satisfies Report
  })

const count = (events: ReadonlyArray<Event.CampaignEvent>, tag: Event.CampaignEvent["_tag"]) =>
  events.filter((e) => e._tag === tag).length

const vnd = (n: number) => `${n.toLocaleString("vi-VN")} đ`

export const describe = (r: Report): ReadonlyArray<string> => {
  const i = r.initiatives
  return [
    `${r.title}`,
    `  ${r.name} · ${r.regime} · ${r.events.length} events · ${r.status}`,
    `  ${count(r.events, "PhaseScheduled")} phases, ${count(r.events, "ParticipantEnrolled")} units enrolled, ${count(r.events, "PledgeSigned")} pledges`,
    i === undefined
      ? "  initiatives: none recorded"
      : `  initiatives: ${i.count} recorded (${vnd(i.benefitVnd)}), ${i.recognized} recognized (${vnd(i.recognizedBenefitVnd)}), ${i.plaqued} works plaqued`,
    `  awards: ${r.awards.standing} standing${r.awards.presented > 0 ? ` (${r.awards.presented} presented)` : ""}${r.awards.revoked > 0 ? `, ${r.awards.revoked} revoked` : ""}`,
    r.top.length === 0
      ? "  scoreboard: no unit enrolled"
      : `  scoreboard: ${r.top.map((s) => `${s.rank}. ${s.unitId} (${s.points} points)`).join(", ")}`,
    ...r.refused.map(({ index, code, message }) => `  refused command ${index}: ${code} ${message}`)
  ]
}
