/**
 * `executeAll` answers as `execute` one command after another does: every seed campaign, sent in
 * runs of one actor, against the same commands sent alone to another engine; and bad input in a
 * batch is refused alone, changing nothing else.
 */
import { describe, expect, it } from "@effect/vitest"
import { createThiDua, type ThiDua } from "@thidua/engine"
import { Seeds } from "@thidua/testing"

type Raw = {
  readonly _tag: string
  readonly tenantId: string
  readonly actor: { readonly organizationId: string; readonly role: string }
}
const principalOf = (raw: Raw) =>
  ({ tenantId: raw.tenantId, organizationId: raw.actor.organizationId, role: raw.actor.role }) as never

const answer = (r: ThiDua.ExecuteResult) =>
  r.ok ? { events: r.events, streamId: r.streamId, version: r.version, duplicate: r.duplicate } : { code: r.error.code }

// Runs of commands by one actor: one call each.
const runs = (commands: ReadonlyArray<Raw>) => {
  const out: Array<Array<Raw>> = []
  for (const c of commands) {
    const last = out.at(-1)?.[0]
    if (last !== undefined && JSON.stringify(last.actor) === JSON.stringify(c.actor) && last.tenantId === c.tenantId)
      out.at(-1)!.push(c)
    else out.push([c])
  }
  return out
}

describe("executeAll", () => {
  it("answers every seed campaign as execute does, command by command, and stores the same log", async () => {
    for (const seed of Seeds.all) {
      // Each command twice: the second time a duplicate, answered from the first.
      const commands = [...seed.directory, ...seed.campaign, ...seed.campaign.slice(0, 5)] as ReadonlyArray<Raw>
      const alone = await createThiDua()
      const together = await createThiDua()
      const expected: Array<ThiDua.ExecuteResult> = []
      for (const c of commands) expected.push(await alone.execute(c, { principal: principalOf(c) }))
      const got: Array<ThiDua.ExecuteResult> = []
      for (const run of runs(commands))
        got.push(...(await together.executeAll(run, { principal: principalOf(run[0]!) })))
      expect(got.map(answer)).toEqual(expected.map(answer))
      const log = async (td: typeof alone) => {
        const out = []
        for await (const e of td.events({ tenantId: seed.tenantId }))
          out.push({ streamId: e.streamId, version: e.version, commandId: e.commandId, event: e.event })
        return out
      }
      expect(await log(together)).toEqual(await log(alone))
      await alone.close()
      await together.close()
    }
  })

  it("refuses bad input in a batch alone and runs the rest; a forged principal refuses all; a non-array is refused", async () => {
    const seed = Seeds.hoangMai2020
    const td = await createThiDua()
    for (const c of seed.directory as ReadonlyArray<Raw>) await td.execute(c, { principal: principalOf(c) })
    const [plan, launch] = seed.campaign as ReadonlyArray<Raw & { readonly commandId: string }>
    const principal = principalOf(plan!)
    const results = await td.executeAll(
      [plan, { ...plan, _tag: "NoSuchCommand", commandId: "x-1" }, "not a command", { ...plan, at: "2020-02-30" }],
      { principal }
    )
    expect(results.map((r) => (r.ok ? `ok ${r.version}` : r.error.code))).toEqual([
      "ok 1",
      "CommandDecodeError",
      "CommandDecodeError",
      "CommandDecodeError"
    ])
    const forged = await td.executeAll([launch], {
      principal: { ...(principal as object), organizationId: "not-me" } as never
    })
    expect(forged.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["AUTH-PRINCIPAL"])
    const junk = await td.executeAll([launch], { principal: { tenantId: "" } as never })
    expect(junk.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["ENGINE-PRINCIPAL"])
    const notArray = await td.executeAll("launch" as never, { principal })
    expect(notArray.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["ENGINE-OPTION"])
    // Nothing but the plan was written.
    const written = []
    for await (const e of td.events({ tenantId: seed.tenantId }))
      if (e.streamId.startsWith("campaign:")) written.push(e)
    expect(written.map((e) => e.event._tag)).toEqual(["CampaignPlanned"])
    await td.close()
  })
})
