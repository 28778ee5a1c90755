/**
 * The five seed campaigns sent over HTTP, every command with a principal equal to its actor (the
 * test's hook maps one bearer token to each actor), and the read models read over HTTP: they
 * equal what the same commands give in process through createThiDua.
 */

import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Campaign } from "@thidua/core"
import { AwardRoll, createThiDua, InitiativeLedger, Scoreboard, Views } from "@thidua/engine"
import { Seeds } from "@thidua/testing"
import { get, type Principal, post, type Running, start } from "./support.js"

interface Raw {
  readonly _tag: string
  readonly tenantId: string
  readonly campaignId?: string
  readonly actor: { readonly organizationId: string; readonly role: Principal["role"]; readonly memberId?: string }
}

const principalOf = (raw: Raw): Principal => ({
  tenantId: raw.tenantId,
  organizationId: raw.actor.organizationId,
  role: raw.actor.role,
  ...(raw.actor.memberId === undefined ? {} : { memberId: raw.actor.memberId })
})
const tokenOf = (p: Principal) => `${p.tenantId}.${p.organizationId}.${p.role}.${p.memberId ?? ""}`

let t: Running
beforeAll(async () => {
  t = await start()
})
afterAll(() => t.close())

describe("the seed campaigns over HTTP", () => {
  for (const seed of Seeds.all) {
    it(`${seed.name}: every command over HTTP, and the read models equal the in-process run`, async () => {
      const commands = [...seed.directory, ...seed.campaign] as ReadonlyArray<Raw>
      for (const raw of commands) t.tokens.set(tokenOf(principalOf(raw)), principalOf(raw))
      const inProcess = await createThiDua()
      try {
        // Read halfway too: the campaign's state is then brought up to date from where it was.
        const halfway = seed.directory.length + Math.floor(seed.campaign.length / 2)
        for (const [i, raw] of commands.entries()) {
          if (i === halfway) {
            const early = await get(
              t.url,
              `/v1/tenants/${raw.tenantId}/campaigns/${raw.campaignId}`,
              tokenOf(principalOf(raw))
            )
            expect(early.status).toBe(200)
            expect(early.body.status).toBe((await inProcess.campaign(raw.tenantId, raw.campaignId!))?.status)
          }
          const expected = await inProcess.execute(raw, { principal: principalOf(raw) })
          // The seeds are sequences the rules accept: a refusal here is a broken seed, not a pass.
          expect(expected.ok, `${i} ${raw._tag}`).toBe(true)
          const r = await post(t.url, raw.tenantId, raw, { token: tokenOf(principalOf(raw)) })
          expect([r.status, r.body.code], `${i} ${raw._tag}`).toEqual(
            expected.ok ? [200, undefined] : [expect.any(Number), expected.error.code]
          )
          if (expected.ok) {
            expect(r.body.version).toBe(expected.version)
            expect(r.etag).toBe(`"${expected.version}"`)
            expect(r.body.events).toEqual(JSON.parse(JSON.stringify(expected.events)))
          }
        }
        const tenantId = seed.tenantId
        const campaignId = (seed.campaign[0] as Raw).campaignId!
        const token = tokenOf(principalOf(seed.campaign[0] as Raw))
        const base = `/v1/tenants/${tenantId}`
        const names = Views.names(await inProcess.directory(tenantId))

        const campaign = await get(t.url, `${base}/campaigns/${campaignId}`, token)
        const state = (await inProcess.campaign(tenantId, campaignId))!
        expect(campaign.status).toBe(200)
        expect(campaign.body.status).toBe(state.status)
        expect(campaign.body.plan).toEqual(JSON.parse(JSON.stringify(state.plan)))
        expect(campaign.body.phases).toEqual(JSON.parse(JSON.stringify(state.phases)))
        for (const [field, all] of [
          ["participants", [...Campaign.participants(state)].map((p) => p.unitId)],
          ["pledges", [...Campaign.pledges(state)].map((p) => p.id)],
          ["initiatives", [...Campaign.initiatives(state)].map((i) => i.id)],
          ["nominations", [...Campaign.nominations(state)].map((n) => n.id)],
          ["awards", [...Campaign.awards(state)].map((a) => a.id)]
        ] as const) {
          const key = field === "participants" ? "unitId" : "id"
          expect(
            campaign.body[field].map((x: Record<string, string>) => x[key]),
            field
          ).toEqual([...all].sort())
        }
        const streamEvents: Array<unknown> = []
        for await (const e of inProcess.events({ tenantId, streamId: `campaign:${campaignId}` })) streamEvents.push(e)
        expect(campaign.etag).toBe(`"${streamEvents.length}"`)
        expect(campaign.body.version).toBe(streamEvents.length)

        const scoreboard = await get(t.url, `${base}/campaigns/${campaignId}/scoreboard`, token)
        const board = await inProcess.read(Scoreboard, { tenantId, campaignId })
        expect(scoreboard.body).toEqual({ rows: JSON.parse(JSON.stringify(Views.scoreboard(board, { names }))) })
        expect(scoreboard.body.rows.length).toBeGreaterThan(0)

        const initiatives = await get(t.url, `${base}/campaigns/${campaignId}/initiatives`, token)
        const ledger = await inProcess.read(InitiativeLedger, { tenantId, campaignId })
        expect(initiatives.body).toEqual(JSON.parse(JSON.stringify(Views.ledger(ledger, { names }))))

        const awards = await get(t.url, `${base}/campaigns/${campaignId}/awards`, token)
        const roll = await inProcess.read(AwardRoll, { tenantId })
        expect(awards.body).toEqual({ rows: JSON.parse(JSON.stringify(Views.awards(roll, { campaignId, names }))) })

        const directory = await get(t.url, `${base}/directory`, token)
        expect(directory.body.rows.map((o: { id: string; name: string }) => [o.id, o.name])).toEqual(
          [...names.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
        )
      } finally {
        await inProcess.close()
      }
    })
  }
})
