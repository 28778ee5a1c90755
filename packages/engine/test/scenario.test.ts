/**
 * One scenario, two faces: a seed campaign from its plan to its close, then every kind of bad
 * input a host can send, through the Promise face and the Effect face. Each face must give the
 * same answers, and the answers are checked against the seed's own data (what it enrolled, what
 * it recorded), never against what the engine computes elsewhere.
 */
import { describe, expect, it } from "@effect/vitest"
import { Commands, createThiDua, InitiativeLedger, Scoreboard } from "@thidua/engine"
import { Seeds } from "@thidua/testing"
import { type Face, faces } from "./faces.js"

const seed = Seeds.hoangMai2020
type Raw = { readonly tenantId: string; readonly actor: { readonly organizationId: string; readonly role: string } }
const claimOf = (raw: unknown) => {
  const r = raw as Raw
  return { principal: { tenantId: r.tenantId, organizationId: r.actor.organizationId, role: r.actor.role } as never }
}
const commands = [...seed.directory, ...seed.campaign] as ReadonlyArray<Record<string, unknown>>
const campaignId = String(commands.find((c) => c._tag === "PlanCampaign")?.campaignId)
const tenantId = seed.tenantId
const executive = { organizationId: "ldld-hoang-mai", role: "executive" } as const
const principal = { tenantId, ...executive } as const

const runSeed = async (face: Face) => {
  const results = []
  for (const raw of commands) results.push(await face.execute(raw, claimOf(raw)))
  return results
}

// What a face answers to everything the scenario asks, in a form both faces can be compared on.
const scenario = async (face: Face) => {
  const results = await runSeed(face)
  const state = await face.campaign(tenantId, campaignId)
  const board = await face.read(Scoreboard, { tenantId, campaignId })
  const ledger = await face.read(InitiativeLedger, { tenantId, campaignId })
  const log = await face.events({ tenantId })
  return {
    refused: results.filter((r) => !r.ok).length,
    versions: results.map((r) => (r.ok ? r.version : -1)),
    status: state?.status,
    ranked: board === undefined ? [] : Scoreboard.top(board, 100).map((s) => s.unitId),
    initiatives: ledger === undefined ? undefined : InitiativeLedger.totals(ledger),
    events: log.map((e) => [e.streamId, e.version, e.event._tag])
  }
}

describe("the engine, through the Promise face and the Effect face", () => {
  it("runs a seed campaign from its plan to its close with the same results on both faces", async () => {
    const answers = []
    for (const f of faces) {
      const face = await f.make({ store: "memory" })
      answers.push(await scenario(face))
      await face.close()
    }
    const [promise, effect] = answers
    expect(effect).toEqual(promise)
    // Checked against the seed's own data.
    expect(promise!.refused).toBe(0)
    expect(promise!.status).toBe("Closed")
    const enrolled = commands.filter((c) => c._tag === "EnrollParticipant").map((c) => c.unitId)
    expect([...promise!.ranked].sort()).toEqual([...new Set(enrolled)].sort())
    const recorded = commands.filter((c) => c._tag === "RecordInitiative")
    expect(promise!.initiatives?.count).toBe(recorded.length)
    expect(promise!.initiatives?.benefitVnd).toBe(recorded.reduce((n, c) => n + Number(c.benefitVnd), 0))
    expect(promise!.events.filter(([s]) => s === `campaign:${campaignId}`).length).toBe(
      Math.max(...promise!.versions.slice(seed.directory.length))
    )
  })

  for (const f of faces)
    describe(`${f.name} face`, () => {
      const launched = async () => {
        const face = await f.make({ store: "memory" })
        // The seed up to its first OpenPhase: planned, launched, phases scheduled.
        for (const raw of commands.slice(
          0,
          commands.findIndex((c) => c._tag === "OpenPhase")
        )) {
          const r = await face.execute(raw, claimOf(raw))
          expect(r.ok).toBe(true)
        }
        return face
      }
      const count = async (face: Face) => (await face.events({ tenantId })).length
      const open = (commandId: string) =>
        Commands.openPhase({ commandId, tenantId, campaignId, actor: executive, at: "2020-02-10", phaseId: "dot-1" })

      // Each bad input gets a typed error with a stable code and both messages, and writes nothing.
      const refusals: ReadonlyArray<readonly [string, unknown, unknown, string]> = [
        ["not an object", "OpenPhase", { principal }, "CommandDecodeError"],
        ["null", null, { principal }, "CommandDecodeError"],
        ["an unknown command", { ...open("x-1"), _tag: "DropDatabase" }, { principal }, "CommandDecodeError"],
        ["a missing field", { ...open("x-2"), phaseId: undefined }, { principal }, "CommandDecodeError"],
        ["an unknown field", { ...open("x-3"), admin: true }, { principal }, "CommandDecodeError"],
        ["an impossible date", { ...open("x-4"), at: "2020-02-30" }, { principal }, "CommandDecodeError"],
        ["a NUL character", { ...open("x-5"), phaseId: "dot\u00001" }, { principal }, "CommandDecodeError"],
        ["a huge value", { ...open("x-6"), phaseId: "d".repeat(1_000_000) }, { principal }, "CommandDecodeError"],
        ["no principal", open("x-7"), {}, "ENGINE-PRINCIPAL"],
        [
          "a principal with a role that does not exist",
          open("x-8"),
          { principal: { ...principal, role: "admin" } },
          "ENGINE-PRINCIPAL"
        ],
        [
          "a principal with extra claims",
          open("x-9"),
          { principal: { ...principal, superuser: true } },
          "ENGINE-PRINCIPAL"
        ],
        [
          "a principal of another tenant",
          open("x-10"),
          { principal: { ...principal, tenantId: "other" } },
          "AUTH-PRINCIPAL"
        ],
        [
          "a principal of another organization",
          open("x-11"),
          { principal: { ...principal, organizationId: "cdcs-trung-thanh" } },
          "AUTH-PRINCIPAL"
        ],
        [
          "a principal with another role",
          open("x-12"),
          { principal: { ...principal, role: "officer" } },
          "AUTH-PRINCIPAL"
        ],
        ["a stale version", open("x-13"), { principal, expectedVersion: 1 }, "WrongExpectedVersion"],
        ["a negative version", open("x-14"), { principal, expectedVersion: -1 }, "ENGINE-OPTION"],
        ["a fractional version", open("x-15"), { principal, expectedVersion: 1.5 }, "ENGINE-OPTION"],
        [
          "a command refused by a rule",
          Commands.closePhase({
            commandId: "x-16",
            tenantId,
            campaignId,
            actor: executive,
            at: "2020-02-10",
            phaseId: "dot-9"
          }),
          { principal },
          "REF-MISSING"
        ]
      ]
      it("refuses bad input with a typed error and writes nothing", async () => {
        const face = await launched()
        const before = await count(face)
        const codes: Array<string> = []
        for (const [, command, options] of refusals) {
          const r = await face.execute(command, options as never)
          expect(r.ok).toBe(false)
          if (r.ok) continue
          expect(r.error).toBeInstanceOf(Error)
          expect(typeof r.error.message).toBe("string")
          expect(r.error.messages.vi.length).toBeGreaterThan(0)
          expect(r.error.messages.en.length).toBeGreaterThan(0)
          codes.push(r.error.code)
        }
        expect(codes).toEqual(refusals.map(([, , , code]) => code))
        expect(await count(face)).toBe(before)
        await face.close()
      })

      it("answers a re-sent command with its first result, and refuses its id reused for another", async () => {
        const face = await launched()
        const first = await face.execute(open("o-1"), { principal })
        const again = await face.execute(open("o-1"), { principal })
        expect(first.ok && !first.duplicate).toBe(true)
        expect(again.ok && again.duplicate).toBe(true)
        if (first.ok && again.ok) expect(again.events).toEqual(first.events)
        const before = await count(face)
        const reused = await face.execute({ ...open("o-1"), at: "2020-02-11" }, { principal })
        expect(reused.ok ? "accepted" : reused.error.code).toBe("IdempotencyConflict")
        expect(await count(face)).toBe(before)
        await face.close()
      })

      it("reads a read model only with the key it is kept by", async () => {
        const face = await launched()
        await expect(face.read(Scoreboard, { tenantId })).rejects.toMatchObject({ code: "ENGINE-OPTION" })
        expect(await face.read(Scoreboard, { tenantId: "nobody", campaignId })).toBeUndefined()
        expect(await face.campaign(tenantId, "never-planned")).toBeUndefined()
        await face.close()
      })

      it("gives a tenant's events after a position, and none of another tenant's", async () => {
        const face = await launched()
        const other = { tenantId: "other", organizationId: "ldld-other", role: "executive" } as const
        const r = await face.execute(
          Commands.registerOrganization({
            commandId: "o-dir-1",
            tenantId: "other",
            actor: { organizationId: "ldld-other", role: "executive" },
            at: "2020-01-01",
            organizationId: "ldld-other",
            name: "Liên đoàn Lao động khác",
            level: "federation"
          }),
          { principal: other }
        )
        expect(r.ok).toBe(true)
        const all = await face.events({ tenantId })
        expect(all.every((e) => e.tenantId === tenantId)).toBe(true)
        const after = await face.events({ tenantId, after: all[2]!.position })
        expect(after).toEqual(all.slice(3))
        await expect(face.events({ tenantId, after: "not a position" })).rejects.toMatchObject({
          code: "ENGINE-OPTION"
        })
        // One stream, in its order, from a position on.
        const stream = `campaign:${campaignId}`
        const ofStream = await face.events({ tenantId, streamId: stream })
        expect(ofStream).toEqual(all.filter((e) => e.streamId === stream))
        expect(ofStream.map((e) => e.version)).toEqual(ofStream.map((_, i) => i + 1))
        expect(await face.events({ tenantId, streamId: stream, after: ofStream[1]!.position })).toEqual(
          ofStream.slice(2)
        )
        expect(await face.events({ tenantId: "other", streamId: stream })).toEqual([])
        await face.close()
      })
    })

  it("refuses every call once closed (Promise face)", async () => {
    const td = await createThiDua()
    await td.close()
    const r = await td.execute({}, { principal })
    expect(r.ok ? "accepted" : r.error.code).toBe("ENGINE-CLOSED")
    await expect(td.campaign(tenantId, campaignId)).rejects.toMatchObject({ code: "ENGINE-CLOSED" })
  })
})
