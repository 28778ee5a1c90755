/**
 * The engine on NATS JetStream (`store: { nats }`), on a nats-server the test starts: the Hoàng
 * Mai 2020 seed through `execute`, with every answer and read model equal to the same seed on the
 * in-memory store (the reference); its events from a position of the JetStream store; a config
 * without servers refused. Runs with THIDUA_NATS=1 (CI requires it).
 */
import { createThiDua, Engine, type ThiDua } from "@thidua/engine"
import { Seeds } from "@thidua/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { describeNats, type Server, startServer } from "../../store-nats/test/support/servers.js"

const seed = Seeds.hoangMai2020
type Raw = {
  readonly _tag: string
  readonly campaignId?: string
  readonly tenantId: string
  readonly actor: { readonly organizationId: string; readonly role: "executive" | "council" | "officer" }
}
const commands = [...seed.directory, ...seed.campaign] as ReadonlyArray<Raw>
const campaignId = String(commands.find((c) => c._tag === "PlanCampaign")?.campaignId)

const run = async (td: ThiDua.ThiDua) => {
  const answers: Array<unknown> = []
  for (const raw of commands) {
    const r = await td.execute(raw, { principal: { tenantId: raw.tenantId, ...raw.actor } })
    answers.push(r.ok ? { ok: true, streamId: r.streamId, version: r.version } : { ok: false, code: r.error.code })
  }
  const models: Record<string, unknown> = {}
  for (const [name, model] of Object.entries(Engine.builtInReadModels))
    models[name] = await td.read(model as never, { tenantId: seed.tenantId, campaignId })
  return { answers, models, campaign: await td.campaign(seed.tenantId, campaignId) }
}

describeNats({ describe, it }, "the engine on NATS JetStream", () => {
  let server: Server
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server?.stop())

  it("runs the Hoàng Mai 2020 seed as the in-memory engine does, and reads its events from a JetStream position", async () => {
    const reference = await createThiDua({ store: "memory" })
    const expected = await run(reference).finally(() => reference.close())
    const td = await createThiDua({ store: { nats: { servers: server.url } } })
    try {
      const got = await run(td)
      expect(got.answers).toEqual(expected.answers)
      expect(got.models).toEqual(expected.models)
      expect(got.campaign).toEqual(expected.campaign)
      // A second engine on the same log (another process, say) folds the same read models.
      const other = await createThiDua({ store: { nats: { servers: server.url } } })
      try {
        expect(await other.read(Engine.builtInReadModels.Scoreboard, { tenantId: seed.tenantId, campaignId })).toEqual(
          expected.models.Scoreboard
        )
      } finally {
        await other.close()
      }
      const logged: Array<Engine.LoggedEvent> = []
      for await (const e of td.events({ tenantId: seed.tenantId, streamId: `campaign:${campaignId}` })) logged.push(e)
      expect(logged.length).toBeGreaterThan(10)
      expect(logged.every((e) => /^n\d{25}$/.test(e.position))).toBe(true)
      const rest: Array<string> = []
      for await (const e of td.events({
        tenantId: seed.tenantId,
        streamId: `campaign:${campaignId}`,
        after: logged[4]!.position
      }))
        rest.push(e.event._tag)
      expect(rest).toEqual(logged.slice(5).map((e) => e.event._tag))
      // A position of the other stores is refused by the engine, with the option named.
      await expect(
        (async () => {
          for await (const _ of td.events({ tenantId: seed.tenantId, after: "00000000000000000001" })) break
        })()
      ).rejects.toMatchObject({ code: "ENGINE-OPTION" })
    } finally {
      await td.close()
    }
  })

  it("refuses a NATS config without servers before connecting to anything", async () => {
    await expect(createThiDua({ store: { nats: {} } as never })).rejects.toMatchObject({ code: "ENGINE-OPTION" })
    await expect(createThiDua({ store: { nats: { servers: [] } } as never })).rejects.toMatchObject({
      code: "ENGINE-OPTION"
    })
  })
})
