/**
 * Commands to one campaign in batches, in memory: a federation entering the scores it assessed
 * (cross-assessment, one principal) with `thidua.executeAll(commands, { principal })`, a thousand
 * a call. The engine decides a run of commands to one campaign one after another on its state and
 * appends them at once. Thi Đua alone: Emmett has no batch of commands, and its figure one after
 * another is the line `memory-commands`.
 */
import { Commands } from "@thidua/core"
import { createThiDua } from "@thidua/engine"
import { Scoreboard } from "@thidua/projections"
import { Principal } from "@thidua/store"
import { Campaigns } from "../campaign/index.js"
import { quiet } from "../Quiet.js"
import { CheckFailed, type Contender, type Workload } from "../Workload.js"

const CAMPAIGNS = 100
const PER_CAMPAIGN = 2_000
const BATCH = 1_000

// The generated campaigns, with every score assessed by the issuer: one principal per campaign's
// scores, as a federation's officer enters a spreadsheet of them.
const prepare = () => {
  const w = Campaigns.generate({ campaigns: CAMPAIGNS, commandsPerCampaign: PER_CAMPAIGN })
  const issuer = { organizationId: w.issuerId, role: "executive" as const }
  const principal = Principal.trustClaim({ tenantId: w.tenantId, actor: issuer })
  const campaigns = w.campaigns.map((plan) => {
    const prefix = plan.steps.filter((s) => s.command._tag !== "AssessScore")
    const scores = plan.steps
      .filter((s) => s.command._tag === "AssessScore")
      .map((s) => {
        const { _tag, ...fields } = s.command as ReturnType<typeof Commands.assessScore>
        return Commands.assessScore({ ...fields, actor: issuer, kind: "cross" })
      })
    return { plan, prefix, scores }
  })
  return { w, principal, campaigns }
}

const thidua = (p: ReturnType<typeof prepare>): Contender => ({
  name: "thidua",
  round: async () => {
    const td = await createThiDua()
    try {
      for (const s of p.w.directory) await td.executeOrThrow(s.command, { principal: s.principal })
      for (const c of p.campaigns)
        for (const s of c.prefix) await td.executeOrThrow(s.command, { principal: s.principal })
      const commands = p.campaigns.reduce((n, c) => n + c.scores.length, 0)
      const versions: Array<number> = []
      let wrong: string | undefined
      await quiet()
      const t0 = performance.now()
      for (const c of p.campaigns) {
        let version = 0
        for (let i = 0; i < c.scores.length; i += BATCH) {
          const results = await td.executeAll(c.scores.slice(i, i + BATCH), { principal: p.principal })
          for (const r of results)
            if (r.ok) version = r.version
            else wrong ??= `${c.plan.campaignId}: refused with ${r.error.code}: ${r.error.message}`
        }
        versions.push(version)
      }
      const ms = performance.now() - t0
      if (wrong !== undefined) throw new CheckFailed(`Thi Đua: ${wrong}`)
      for (const [i, c] of p.campaigns.entries()) {
        if (versions[i] !== c.plan.version)
          throw new CheckFailed(`Thi Đua: ${c.plan.streamId} at version ${versions[i]}, expected ${c.plan.version}`)
        const board = await td.read(Scoreboard, { tenantId: p.w.tenantId, campaignId: c.plan.campaignId })
        const points =
          board === undefined ? 0 : Scoreboard.ranking(board).reduce((n, s) => n + s.tally.self + s.tally.cross, 0)
        if (points !== c.plan.points)
          throw new CheckFailed(`Thi Đua: ${c.plan.campaignId} totals ${points} points, expected ${c.plan.points}`)
      }
      return { units: commands, ms }
    } finally {
      await td.close()
    }
  }
})

export const memoryBatched: Workload = {
  id: "memory-commands-batched",
  title: `${(CAMPAIGNS * (PER_CAMPAIGN - 15)).toLocaleString("en-US")} scores to ${CAMPAIGNS} campaigns in batches of ${BATCH.toLocaleString("en-US")}, in memory`,
  unit: "commands",
  warmup: 1,
  rounds: 5,
  note:
    "Thi Đua: `await thidua.executeAll(json[], { principal })`, each command decoded, checked against the principal, " +
    "decided on the campaign's state and fingerprinted, a run appended at once (every event still validated by the store). " +
    "The lifecycle prefix runs untimed; totals read back from the Scoreboard.",
  targets: [{ kind: "rate", label: "batched in-memory commands ≥ 250,000/s", min: 250_000 }],
  open: async () => {
    const p = prepare()
    return { contenders: [thidua(p)], close: async () => {} }
  }
}
