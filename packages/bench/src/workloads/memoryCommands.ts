/**
 * Commands one after another on the in-memory stores: Thi Đua's plain-TypeScript face
 * (`createThiDua()`, `await thidua.execute(command, { principal })`) against Emmett's
 * `CommandHandler` on `getInMemoryEventStore()`, the same campaign commands on both. Each round
 * starts from a fresh store with the directory prepared untimed, and checks every command's
 * outcome, each stream's final version and each campaign's score total.
 */
import { getInMemoryEventStore } from "@event-driven-io/emmett"
import { createThiDua } from "@thidua/engine"
import { Scoreboard } from "@thidua/projections"
import { Campaigns, EmmettCampaign } from "../campaign/index.js"
import { quiet } from "../Quiet.js"
import { CheckFailed, type Contender, type Target, type Workload } from "../Workload.js"

const CAMPAIGNS = 1_000
const PER_CAMPAIGN = 100

interface Outcome {
  readonly versions: ReadonlyArray<number>
  readonly refused: number
  /** The first command whose outcome was not the generator's. */
  readonly wrong: string | undefined
}

const checkOutcome = (side: string, w: Campaigns.Workload, o: Outcome, points: ReadonlyArray<number>) => {
  if (o.wrong !== undefined) throw new CheckFailed(`${side}: ${o.wrong}`)
  const expected = Object.values(w.refused).reduce((a, b) => a + b, 0)
  if (o.refused !== expected) throw new CheckFailed(`${side}: ${o.refused} commands refused, expected ${expected}`)
  for (const [c, plan] of w.campaigns.entries()) {
    if (o.versions[c] !== plan.version)
      throw new CheckFailed(`${side}: ${plan.streamId} at version ${o.versions[c]}, expected ${plan.version}`)
    if (points[c] !== plan.points)
      throw new CheckFailed(`${side}: ${plan.campaignId} totals ${points[c]} points, expected ${plan.points}`)
  }
}

const thidua = (w: Campaigns.Workload): Contender => ({
  name: "thidua",
  round: async () => {
    const td = await createThiDua()
    try {
      for (const s of w.directory) await td.executeOrThrow(s.command, { principal: s.principal })
      const versions: Array<number> = new Array(w.campaigns.length).fill(0)
      let refused = 0
      let wrong: string | undefined
      await quiet()
      const t0 = performance.now()
      for (const s of w.steps) {
        const r = await td.execute(s.command, { principal: s.principal })
        if (r.ok) {
          versions[s.campaign] = r.version
          if (s.refused !== undefined) wrong ??= `${s.command.commandId} accepted, expected ${s.refused.code}`
        } else {
          refused++
          if (s.refused?.code !== r.error.code)
            wrong ??= `${s.command.commandId} refused with ${r.error.code}: ${r.error.message}`
        }
      }
      const ms = performance.now() - t0
      // The totals as a host reads them: the Scoreboard read model, folded from the log.
      const points: Array<number> = []
      for (const plan of w.campaigns) {
        const board = await td.read(Scoreboard, { tenantId: w.tenantId, campaignId: plan.campaignId })
        points.push(
          board === undefined ? 0 : Scoreboard.ranking(board).reduce((n, s) => n + s.tally.self + s.tally.cross, 0)
        )
      }
      checkOutcome("Thi Đua", w, { versions, refused, wrong }, points)
      return { units: w.steps.length, ms }
    } finally {
      await td.close()
    }
  }
})

const emmett = (w: Campaigns.Workload): Contender => {
  // The host builds Emmett's commands from the same requests: outside the timing, as Thi Đua's JSON.
  const commands = w.steps.map((s) => EmmettCampaign.toEmmett(s.command))
  const streams = w.campaigns.map((c) => c.streamId)
  const directory = EmmettCampaign.directoryOf(w.directory)
  return {
    name: "emmett",
    round: async () => {
      const store = getInMemoryEventStore()
      let refused = 0
      let wrong: string | undefined
      await quiet()
      const t0 = performance.now()
      for (let i = 0; i < commands.length; i++) {
        const s = w.steps[i]!
        const command = commands[i]!
        try {
          await EmmettCampaign.handle(store, streams[s.campaign]!, (state) =>
            EmmettCampaign.decide(command, state, directory)
          )
          if (s.refused !== undefined) wrong ??= `${s.command.commandId} accepted, expected ${s.refused.kind}`
        } catch (error) {
          refused++
          if (s.refused === undefined || !(error instanceof EmmettCampaign.expectedError(s.refused)))
            wrong ??= `${s.command.commandId} refused: ${error instanceof Error ? error.message : String(error)}`
        }
      }
      const ms = performance.now() - t0
      const versions: Array<number> = []
      const points: Array<number> = []
      for (const name of streams) {
        const read = await store.readStream<EmmettCampaign.CampaignEvent>(name)
        versions.push(Number(read.currentStreamVersion))
        let p = 0
        for (const e of read.events) if (e.type === "ScoreAssessed") p += e.data.points
        points.push(p)
      }
      checkOutcome("Emmett", w, { versions, refused, wrong }, points)
      return { units: w.steps.length, ms }
    }
  }
}

const make = (options: {
  readonly id: string
  readonly title: string
  readonly refusedEvery?: number
  readonly targets: ReadonlyArray<Target>
  readonly note: string
}): Workload => ({
  id: options.id,
  title: options.title,
  unit: "commands",
  warmup: 1,
  rounds: 5,
  note: options.note,
  targets: options.targets,
  open: async () => {
    const w = Campaigns.generate({
      campaigns: CAMPAIGNS,
      commandsPerCampaign: PER_CAMPAIGN,
      ...(options.refusedEvery !== undefined ? { refusedEvery: options.refusedEvery } : {})
    })
    return { contenders: [thidua(w), emmett(w)], close: async () => {} }
  }
})

export const memoryCommands = make({
  id: "memory-commands",
  title: `${(CAMPAIGNS * PER_CAMPAIGN).toLocaleString("en-US")} campaign commands one after another over ${CAMPAIGNS.toLocaleString("en-US")} streams, in memory`,
  targets: [{ kind: "ratio", label: "in-memory commands ≥ 10× Emmett", min: 10 }],
  note:
    "Thi Đua: `await thidua.execute(json, { principal })` on `createThiDua()` (decoding, principal check, decide, append, idempotency record); " +
    "Emmett: `await handle(store, stream, (state) => decide(command, state, directory))`, which reads and folds the whole stream for every command. " +
    "Campaigns interleaved; a lifecycle prefix of 15 commands then scores."
})

export const memoryCommandsRefused = make({
  id: "memory-commands-refused",
  title: `The same with one score in ten refused (not enrolled, phase not open, before the start, points out of bounds)`,
  refusedEvery: 10,
  targets: [{ kind: "ratio", label: "commands with refusals ≥ 1× Emmett (report only)", min: 1 }],
  note:
    "Thi Đua's refusals are `{ ok: false, error }` with the rule id as `code`, each checked; Emmett's are thrown " +
    "`IllegalStateError` / `ValidationError`, each checked by type."
})
