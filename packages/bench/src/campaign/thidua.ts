/**
 * The campaign workload every benchmark line shares, as Thi Đua commands: a tenant's directory,
 * then per campaign a lifecycle prefix (plan, launch, two phases scheduled and the first opened,
 * participants enrolled) and scores. Deterministic: the same options give the same commands, so
 * each round knows the stream versions and score totals it must end with.
 *
 * Commands are the JSON a host receives (built with `Commands`), with the principal the host
 * authenticated beside them (`Principal.trustClaim`): the engine decodes the command itself.
 */
import { Commands } from "@thidua/core"
import { Principal } from "@thidua/store"

/** Why a generated command must be refused, and the code Thi Đua refuses it with. */
export type Refusal =
  /** A unit of the directory that never enrolled is scored. */
  | { readonly kind: "unenrolled"; readonly code: "REF-MISSING" }
  /** A score filed under the second phase, scheduled but not opened. */
  | { readonly kind: "phaseNotOpen"; readonly code: "LIFECYCLE" }
  /** A score dated before the campaign's period. */
  | { readonly kind: "beforeStart"; readonly code: "C4" }
  /** Points beyond the schema's bounds (±10,000): refused at decoding, before any rule. */
  | { readonly kind: "outOfBounds"; readonly code: "CommandDecodeError" }

export type RefusalKind = Refusal["kind"]

const refusals: ReadonlyArray<Refusal> = [
  { kind: "unenrolled", code: "REF-MISSING" },
  { kind: "phaseNotOpen", code: "LIFECYCLE" },
  { kind: "beforeStart", code: "C4" },
  { kind: "outOfBounds", code: "CommandDecodeError" }
]

export type DirectoryCommand = ReturnType<typeof Commands.registerOrganization>
export type CampaignCommand =
  | ReturnType<typeof Commands.planCampaign>
  | ReturnType<typeof Commands.launchCampaign>
  | ReturnType<typeof Commands.schedulePhase>
  | ReturnType<typeof Commands.openPhase>
  | ReturnType<typeof Commands.enrollParticipant>
  | ReturnType<typeof Commands.assessScore>

/** One command to execute, who sends it, and whether it must be refused. */
export interface Step<C> {
  readonly command: C
  readonly principal: Principal.Principal
  readonly refused?: Refusal
}

/** A campaign's commands and what they must leave behind. */
export interface CampaignPlan {
  readonly campaignId: string
  /** Thi Đua's stream id, also the Emmett stream name. */
  readonly streamId: string
  readonly steps: ReadonlyArray<Step<CampaignCommand>>
  /** Events in the stream once every step ran: one per accepted command. */
  readonly version: number
  /** Sum of the points of the accepted scores. */
  readonly points: number
  /** Scores accepted. */
  readonly scores: number
}

export interface Workload {
  readonly tenantId: string
  readonly directory: ReadonlyArray<Step<DirectoryCommand>>
  readonly campaigns: ReadonlyArray<CampaignPlan>
  /** Every campaign step, campaigns interleaved round-robin (many campaigns run at once). */
  readonly steps: ReadonlyArray<Step<CampaignCommand> & { readonly campaign: number }>
  /** How many steps must be refused, by kind. */
  readonly refused: { readonly [K in RefusalKind]: number }
  /** The units enrolled in every campaign, and the one registered but never enrolled. */
  readonly units: ReadonlyArray<string>
  readonly outsider: string
  readonly issuerId: string
  readonly federationId: string
}

export interface Options {
  readonly campaigns: number
  /** Commands per campaign, the lifecycle prefix included. */
  readonly commandsPerCampaign: number
  /** Units enrolled in each campaign. Default 10. */
  readonly participants?: number
  /** Every n-th score of a campaign is one that must be refused (kinds in turn). Default none. */
  readonly refusedEvery?: number
  readonly tenantId?: string
}

const executive = (organizationId: string) => ({ organizationId, role: "executive" as const })
const officer = (organizationId: string) => ({ organizationId, role: "officer" as const })
const step = <C extends { readonly tenantId: string; readonly actor: Principal.Claim["actor"] }>(
  command: C,
  refused?: Refusal
): Step<C> => ({
  command,
  principal: Principal.trustClaim(command as never),
  ...(refused !== undefined ? { refused } : {})
})

/** The contents every campaign scores, one sector. */
export const contents = ["nd-1", "nd-2", "nd-3"] as const
export const period = { start: "2024-01-01", end: "2024-12-31" } as const
export const phases = {
  "dot-1": { start: "2024-01-01", end: "2024-06-30" },
  "dot-2": { start: "2024-07-01", end: "2024-12-31" }
} as const

const pad = (n: number) => String(n).padStart(3, "0")
const day = (i: number) => `2024-${String(2 + (i % 4)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`

/**
 * The commands of `campaigns` campaigns of `commandsPerCampaign` commands each.
 *
 * The lifecycle prefix takes 5 commands and one per participant; the rest are scores (`AssessScore`),
 * self-assessed by the unit's officer, one in five cross-assessed by the issuer.
 */
export const generate = (options: Options): Workload => {
  const tenantId = options.tenantId ?? "bench"
  const participants = options.participants ?? 10
  const federationId = "ldld-bench"
  const issuerId = "ldld-quan-bench"
  const units = Array.from({ length: participants }, (_, i) => `cdcs-bench-${pad(i)}`)
  const outsider = "cdcs-bench-khac"
  const at = "2023-12-01"
  let dir = 0
  const register = (fields: Omit<Commands.Fields<"RegisterOrganization">, "commandId" | "tenantId" | "at">) =>
    step(Commands.registerOrganization({ commandId: `dir-${++dir}`, tenantId, at, ...fields }))
  const directory = [
    register({
      actor: executive(federationId),
      organizationId: federationId,
      name: "Liên đoàn Lao động thành phố (bench)",
      level: "federation"
    }),
    register({
      actor: executive(federationId),
      organizationId: issuerId,
      name: "Liên đoàn Lao động quận (bench)",
      level: "upper",
      parentId: federationId
    }),
    ...[...units, outsider].map((unitId, i) =>
      register({
        actor: executive(issuerId),
        organizationId: unitId,
        name: `Công đoàn cơ sở số ${i + 1}`,
        level: "grassroots",
        parentId: issuerId,
        sector: "enterprise"
      })
    )
  ]
  const refused = { unenrolled: 0, phaseNotOpen: 0, beforeStart: 0, outOfBounds: 0 }
  const prefix = 5 + participants
  if (options.commandsPerCampaign < prefix)
    throw new Error(`a campaign needs at least ${prefix} commands for its lifecycle prefix`)
  const campaigns = Array.from({ length: options.campaigns }, (_, c): CampaignPlan => {
    const campaignId = `bench-${c}`
    let n = 0
    const base = (actor: { readonly organizationId: string; readonly role: "executive" | "officer" }, at: string) => ({
      commandId: `${campaignId}-${++n}`,
      tenantId,
      campaignId,
      actor,
      at
    })
    const steps: Array<Step<CampaignCommand>> = [
      step(
        Commands.planCampaign({
          ...base(executive(issuerId), "2023-12-20"),
          issuerId,
          title: `Phong trào thi đua số ${c + 1} năm 2024`,
          form: "regular",
          period,
          sectors: [
            {
              sector: "enterprise",
              contents: contents.map((contentId, i) => ({ contentId, title: `Nội dung thi đua ${i + 1}` }))
            }
          ],
          titlesOffered: ["lao-dong-tien-tien", "giay-khen"]
        })
      ),
      step(Commands.launchCampaign({ ...base(executive(issuerId), "2024-01-02") })),
      ...(["dot-1", "dot-2"] as const).map((phaseId, i) =>
        step(
          Commands.schedulePhase({
            ...base(executive(issuerId), "2024-01-02"),
            phaseId,
            name: `Đợt ${i + 1}`,
            kind: "regular",
            period: phases[phaseId]
          })
        )
      ),
      step(Commands.openPhase({ ...base(executive(issuerId), "2024-01-02"), phaseId: "dot-1" })),
      ...units.map((unitId) =>
        step(Commands.enrollParticipant({ ...base(executive(unitId), "2024-01-03"), unitId, sector: "enterprise" }))
      )
    ]
    let points = 0
    let scores = 0
    for (let i = 0; steps.length < options.commandsPerCampaign; i++) {
      const unitId = units[(c + i) % participants]!
      const cross = i % 5 === 4
      const score = {
        ...base(cross ? executive(issuerId) : officer(unitId), day(c + i)),
        unitId,
        phaseId: "dot-1",
        contentId: contents[i % contents.length]!,
        points: 1 + ((c * 7 + i * 3) % 10),
        kind: cross ? ("cross" as const) : ("self" as const)
      }
      const every = options.refusedEvery ?? 0
      if (every > 0 && i % every === every - 1) {
        const r = refusals[Math.floor(i / every) % refusals.length]!
        refused[r.kind]++
        const wrong =
          r.kind === "unenrolled"
            ? { ...score, unitId: outsider, actor: executive(issuerId), kind: "cross" as const }
            : r.kind === "phaseNotOpen"
              ? { ...score, phaseId: "dot-2" }
              : r.kind === "beforeStart"
                ? { ...score, phaseId: undefined, at: "2023-12-28" }
                : { ...score, points: 20_000 }
        const { phaseId, ...rest } = wrong
        steps.push(step(Commands.assessScore(phaseId === undefined ? rest : { ...rest, phaseId }), r))
        continue
      }
      points += score.points
      scores++
      steps.push(step(Commands.assessScore(score)))
    }
    const version = steps.filter((s) => s.refused === undefined).length
    return { campaignId, streamId: `campaign:${campaignId}`, steps, version, points, scores }
  })
  const steps: Array<Step<CampaignCommand> & { readonly campaign: number }> = []
  for (let i = 0; i < options.commandsPerCampaign; i++)
    for (const [c, plan] of campaigns.entries()) steps.push({ ...plan.steps[i]!, campaign: c })
  return { tenantId, directory, campaigns, steps, refused, units, outsider, issuerId, federationId }
}
