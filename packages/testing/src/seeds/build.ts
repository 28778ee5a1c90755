/**
 * What the seed modules share: the actors, and the stamping of command ids, tenant and campaign
 * onto the steps each module writes. The steps are typed as the commands' encoded (JSON) shape,
 * so a misspelt field is a compile error; the seeds themselves stay plain data.
 *
 * @since 0.1.0
 * @internal
 */
import type { Command } from "@thidua/core"

type Step<C> = C extends unknown ? Omit<C, "commandId" | "tenantId" | "campaignId"> : never

/** A directory command without its id and tenant. @internal */
export type DirectoryStep = Step<typeof Command.DirectoryCommand.Encoded>

/** A campaign command without its id, tenant and campaign. @internal */
export type CampaignStep = Step<typeof Command.CampaignCommand.Encoded>

/** An organization's Ban Chấp hành or Ban Thường vụ. @internal */
export const executive = (organizationId: string) => ({ organizationId, role: "executive" as const })

/** An organization's Hội đồng Thi đua – Khen thưởng. @internal */
export const council = (organizationId: string) => ({ organizationId, role: "council" as const })

/** A union officer (cán bộ công đoàn) recording the day-to-day work. @internal */
export const officer = (organizationId: string) => ({ organizationId, role: "officer" as const })

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/**
 * Numbers directory steps `<prefix>-dir-001`, ... and stamps the tenant on each. The numbers have
 * three digits, or as many as the longest number needs.
 *
 * @internal
 */
export const directory = (
  prefix: string,
  tenantId: string,
  steps: ReadonlyArray<DirectoryStep>
): ReadonlyArray<unknown> => {
  const width = Math.max(3, String(steps.length).length)
  return steps.map((step, i) => ({ commandId: `${prefix}-dir-${pad(i + 1, width)}`, tenantId, ...step }))
}

/**
 * Numbers campaign steps `<prefix>-cmd-001`, ... and stamps the tenant and the campaign on each.
 * The numbers have three digits, or as many as the longest number needs.
 *
 * @internal
 */
export const campaign = (
  prefix: string,
  tenantId: string,
  campaignId: string,
  steps: ReadonlyArray<CampaignStep>
): ReadonlyArray<unknown> => {
  const width = Math.max(3, String(steps.length).length)
  return steps.map((step, i) => ({ commandId: `${prefix}-cmd-${pad(i + 1, width)}`, tenantId, campaignId, ...step }))
}
