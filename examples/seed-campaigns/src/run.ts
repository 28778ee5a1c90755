/**
 * Runs one seed campaign the way a host app would, through the engine (`createThiDua`): every
 * command arrives as JSON and is decoded by the engine; a refusal is kept with its rule id and its
 * Vietnamese message. The seeds run at the scale of their articles (`Seeds.atScale`).
 *
 * The phases are not opened and closed by hand: the campaign calendar (a workflow) does it on the
 * day, and the demo only moves the calendar's clock forward, day by day, as the seed's dates go. A
 * seed's own `OpenPhase` and `ClosePhase` mark the day the calendar must have done it by, and are
 * checked, not sent.
 */
import type { Engine, ThiDua } from "@thidua/engine"
import { Seeds } from "@thidua/testing"

/** A command the engine refused, or a phase the calendar did not move on time. */
export interface Refusal {
  readonly index: number
  readonly command: string
  readonly code: string
  readonly message: string
}

/** What running a seed left in the engine, and the engine's answers. */
export interface Ran {
  readonly seed: Seeds.Seed
  readonly campaignId: string
  readonly commands: number
  readonly refused: ReadonlyArray<Refusal>
  readonly seconds: number
}

/** Moves the calendar's clock: the engine's workflows see `now()`. */
export interface Calendar {
  readonly now: () => number
  readonly set: (millis: number) => void
}

/** The calendar clock of the demo: it starts in 2019 and only moves forward. */
export const calendar = (): Calendar => {
  let now = Date.parse("2019-01-01T00:00:00+07:00")
  return {
    now: () => now,
    set: (millis) => {
      now = Math.max(now, millis)
    }
  }
}

// Days begin at midnight in Hà Nội.
const startOf = (day: string): number => Date.parse(`${day}T00:00:00+07:00`)
const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

interface Raw {
  readonly _tag: string
  readonly commandId: string
  readonly tenantId: string
  readonly campaignId?: string
  readonly phaseId?: string
  readonly at: string
  readonly actor: { readonly organizationId: string; readonly role: "executive" | "council" | "officer" }
}

// The seeds are the host's own trusted input: each command's claimed sender is its principal.
// Commands from users carry the principal the host authenticated instead.
const principalOf = (raw: Raw): Engine.ExecuteOptions => ({
  principal: { tenantId: raw.tenantId, organizationId: raw.actor.organizationId, role: raw.actor.role }
})

/**
 * Runs a seed through the engine, its phases moved by the calendar. `progress` hears of every
 * command done (for a progress bar).
 */
export const run = async (
  td: ThiDua.ThiDua,
  clock: Calendar,
  seed: Seeds.Seed,
  progress: (done: number, total: number) => void = () => {}
): Promise<Ran> => {
  const started = performance.now()
  const { directory, campaign } = Seeds.atScale(seed)
  const total = directory.length + campaign.length
  const refused: Array<Refusal> = []
  let done = 0
  const refuse = (index: number, raw: Raw, code: string, message: string) =>
    refused.push({ index, command: `${raw._tag} ${raw.commandId}`, code, message })
  const execute = async (index: number, raw: Raw) => {
    const r = await td.execute(raw, principalOf(raw))
    if (!r.ok) refuse(index, raw, r.error.code, r.error.messages.vi)
    progress(++done, total)
  }
  const advance = async (millis: number) => {
    clock.set(millis)
    await td.tick()
  }

  for (const [index, raw] of (directory as ReadonlyArray<Raw>).entries()) await execute(index, raw)
  let today = ""
  let campaignId = ""
  for (const [index, raw] of (campaign as ReadonlyArray<Raw>).entries()) {
    campaignId = raw.campaignId ?? campaignId
    if (raw._tag === "OpenPhase" || raw._tag === "ClosePhase") {
      // The calendar opens a phase when its first day begins and closes it when its last is over.
      const opening = raw._tag === "OpenPhase"
      await advance(startOf(opening ? raw.at : nextDay(raw.at)))
      const phase = (await td.campaign(raw.tenantId, campaignId))?.phases.find((p) => p.id === raw.phaseId)
      const expected = opening ? "Open" : "Closed"
      if (phase?.status !== expected && !(opening && phase?.status === "Closed"))
        refuse(
          index,
          raw,
          "CALENDAR",
          `Lịch thi đua chưa ${opening ? "mở" : "đóng"} ${raw.phaseId} (trạng thái: ${phase?.status ?? "không có"})`
        )
      progress(++done, total)
      continue
    }
    if (raw.at !== today) {
      today = raw.at
      await advance(startOf(raw.at))
    }
    await execute(directory.length + index, raw)
  }
  return { seed, campaignId, commands: total, refused, seconds: (performance.now() - started) / 1000 }
}
