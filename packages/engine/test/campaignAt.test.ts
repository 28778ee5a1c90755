/**
 * `campaignAt`: a campaign's state with the version it was folded to. The expected versions are the
 * ones the store gave each command when it was appended (what `execute` answered), counted here,
 * not asked of the fold.
 */
import { createThiDua } from "@thidua/engine"
import { Seeds } from "@thidua/testing"
import { expect, it } from "vitest"

const seed = Seeds.hoangMai2020
type Raw = {
  readonly _tag: string
  readonly campaignId?: string
  readonly tenantId: string
  readonly actor: { readonly organizationId: string; readonly role: "executive" | "council" | "officer" }
}
const commands = [...seed.directory, ...seed.campaign] as ReadonlyArray<Raw>

it("gives the state with the version of the campaign's last command, and undefined before the plan", async () => {
  const td = await createThiDua()
  try {
    const campaignId = String(commands.find((c) => c._tag === "PlanCampaign")?.campaignId)
    expect(await td.campaignAt(seed.tenantId, campaignId)).toBeUndefined()
    let last = 0
    for (const raw of commands) {
      const principal = { tenantId: raw.tenantId, ...raw.actor }
      const r = await td.execute(raw, { principal })
      if (!r.ok) throw r.error
      if (r.streamId !== `campaign:${campaignId}`) continue
      last = r.version
      const at = await td.campaignAt(seed.tenantId, campaignId)
      expect(at?.version).toBe(last)
      expect(at?.state).toEqual(await td.campaign(seed.tenantId, campaignId))
    }
    expect(last).toBeGreaterThan(10)
    await expect(td.campaignAt(seed.tenantId, "")).rejects.toMatchObject({ code: "ENGINE-OPTION" })
  } finally {
    await td.close()
  }
})
