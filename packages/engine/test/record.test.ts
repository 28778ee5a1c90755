/**
 * The commendation record's questions, through the Promise face and the Effect face: every seed
 * award judged before it is granted, a grant the record does not support refused with its rule id,
 * the explain view, the year view, and bad questions. Expectations come from the seeds' own
 * commands (what they grant, to whom, for which year), never from the engine's answers elsewhere.
 */
import { describe, expect, it } from "@effect/vitest"
import { Commands, CommendationRecord, type Engine } from "@thidua/engine"
import { Seeds } from "@thidua/testing"
import { type Face, faces } from "./faces.js"

type Raw = {
  readonly _tag: string
  readonly tenantId: string
  readonly actor: { readonly organizationId: string; readonly role: string }
  readonly [k: string]: unknown
}
type GrantAward = Raw & {
  readonly awardId: string
  readonly kind: string
  readonly recipient: Engine.SubjectInput
  readonly period: { readonly start: string; readonly end: string }
  readonly extraordinary: boolean
  readonly nominationId?: string
}

const claimOf = (r: Raw) => ({
  principal: { tenantId: r.tenantId, organizationId: r.actor.organizationId, role: r.actor.role } as never
})
const commandsOf = (seed: Seeds.Seed) => [...seed.directory, ...seed.campaign] as ReadonlyArray<Raw>
const campaignOf = (seed: Seeds.Seed) => String(commandsOf(seed).find((c) => c._tag === "PlanCampaign")?.campaignId)

const seed = Seeds.hoangMai2020
const tenantId = seed.tenantId
const campaignId = campaignOf(seed)
const year = { start: "2020-01-01", end: "2020-12-31" }
const trungThanh = "cdcs-trung-thanh"
const worker = (n: number) =>
  ({ _tag: "Member", memberId: `trung-thanh-cnld-${String(n).padStart(2, "0")}`, organizationId: trungThanh }) as const

// Hoàng Mai 2020 up to the Grassroots Emulation Fighter's nomination: eight Advanced Workers granted.
const beforeNomination = async (face: Face) => {
  const commands = commandsOf(seed)
  for (const c of commands.slice(
    0,
    commands.findIndex((c) => c._tag === "ProposeNomination")
  )) {
    const r = await face.execute(c, claimOf(c))
    expect(r.ok).toBe(true)
  }
}

const count = async (face: Face) => (await face.events({ tenantId })).length

for (const f of faces)
  describe(`${f.name} face: the commendation record`, () => {
    it("judges every seed award eligible before GrantAward accepts it, and records it under its year", async () => {
      const face = await f.make({ store: "memory" })
      for (const s of Seeds.all) {
        const votes = new Map<unknown, { votesFor: number; councilSize: number }>()
        const granted: Array<GrantAward> = []
        for (const c of commandsOf(s)) {
          if (c._tag === "HoldDeliberation")
            votes.set(c.nominationId, { votesFor: Number(c.votesFor), councilSize: Number(c.councilSize) })
          if (c._tag === "GrantAward") {
            const g = c as GrantAward
            const vote = g.nominationId === undefined ? undefined : votes.get(g.nominationId)
            const verdict = await face.eligibility({
              tenantId: s.tenantId,
              subject: g.recipient,
              awardKind: g.kind as never,
              period: g.period,
              campaignId: campaignOf(s),
              ...(vote === undefined ? {} : { deliberation: vote })
            })
            // An extraordinary award needs no registration (G1): the rest the GrantAward judges too.
            const failures = verdict.failures.filter((e) => !(g.extraordinary && e.code === "G1"))
            expect(
              failures.map((e) => e.code),
              `${s.name} ${g.awardId}`
            ).toEqual([])
            expect(verdict.year).toBe(Number(g.period.end.slice(0, 4)))
            granted.push(g)
          }
          const r = await face.execute(c, claimOf(c))
          expect(r.ok ? "accepted" : `${r.error.code}: ${r.error.message}`, `${s.name} ${c._tag}`).toBe("accepted")
        }
        expect(granted.length, s.name).toBeGreaterThan(0)
        for (const g of granted) {
          const years = await face.record({ tenantId: s.tenantId, subject: g.recipient })
          const entry = years.find((y) => y.year === Number(g.period.end.slice(0, 4)))
          expect(
            entry?.grants.find((a) => a.awardId === g.awardId),
            `${s.name} ${g.awardId}`
          ).toMatchObject({
            kind: g.kind,
            campaignId: campaignOf(s),
            grantedById: g.actor.organizationId,
            revoked: false
          })
        }
      }
      await face.close()
    })

    it("refuses a Grassroots Emulation Fighter without the Advanced Worker title (T3): the verdict says so, GrantAward says the same, nothing changes", async () => {
      const face = await f.make({ store: "memory" })
      await beforeNomination(face)
      const nine = worker(9)
      const verdict = await face.eligibility({
        tenantId,
        subject: nine,
        awardKind: "chien-si-thi-dua-co-so",
        period: year,
        campaignId
      })
      expect(verdict.eligible).toBe(false)
      expect(verdict.failures.map((e) => e.code)).toEqual(["T3"])
      const before = await count(face)
      const recordBefore = await face.record({ tenantId, subject: nine })
      const r = await face.execute(
        Commands.grantAward({
          commandId: "cstd-9",
          tenantId,
          campaignId,
          actor: { organizationId: trungThanh, role: "executive" },
          at: "2021-01-15",
          awardId: "hm2020-cstdcs-9",
          recipient: nine,
          kind: "chien-si-thi-dua-co-so",
          reason: "Thành tích xuất sắc",
          basis: "campaign",
          period: year,
          extraordinary: false
        }),
        { principal: { tenantId, organizationId: trungThanh, role: "executive" } }
      )
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.code).toBe("T3")
      // The verdict's failure is the error execute refuses with: the same code, details, messages.
      expect(JSON.parse(JSON.stringify(verdict.failures[0]))).toEqual(JSON.parse(JSON.stringify(r.error)))
      expect(r.error.messages.vi.length).toBeGreaterThan(0)
      expect(await count(face)).toBe(before)
      expect(await face.record({ tenantId, subject: nine })).toEqual(recordBefore)
      await face.close()
    })

    it("explains a worker's year in Vietnamese and English, held titles first-hand from the seed", async () => {
      const face = await f.make({ store: "memory" })
      for (const c of commandsOf(seed)) expect((await face.execute(c, claimOf(c))).ok).toBe(true)
      const one = worker(1)
      // The seed grants worker 1 the Advanced Worker title, then the Grassroots Emulation Fighter.
      const e = await face.explain({ tenantId, subject: one, year: 2020 })
      const status = Object.fromEntries(e.lines.map((l) => [l.kind, l.status]))
      expect(status["lao-dong-tien-tien"]).toBe("held")
      expect(status["chien-si-thi-dua-co-so"]).toBe("held")
      expect(e.text.vi).toMatch(/Lao động tiên tiến: đã đạt/)
      expect(e.text.en).toMatch(/Advanced Worker: held/)
      expect(e.text.vi).toMatch(/năm 2020/)
      // Narrowed to one kind, for a worker with no title: what it lacks, rule by rule.
      const nine = await face.explain({ tenantId, subject: worker(9), year: 2020, kinds: ["chien-si-thi-dua-co-so"] })
      expect(nine.lines.map((l) => [l.kind, l.status])).toEqual([["chien-si-thi-dua-co-so", "not-eligible"]])
      expect(nine.text.vi).toMatch(/\[T3\]/)
      expect(nine.text.en).toMatch(/\[T3\]/)
      // The year view and the read model say the same.
      const years = await face.record({ tenantId, subject: one })
      expect(years.map((y) => [y.year, y.grants.map((g) => g.awardId).sort()])).toEqual([
        [2020, ["hm2020-cstdcs-1", "hm2020-ldtt-8"]]
      ])
      const state = await face.read(CommendationRecord, { tenantId })
      expect(state?.members.get(one.memberId)?.grants.length).toBe(2)
      // Another tenant's record is another: nothing of this one shows there.
      expect(await face.record({ tenantId: "other-tenant", subject: one })).toEqual([])
      await face.close()
    })

    it("refuses questions that are not questions with ENGINE-OPTION, and changes nothing", async () => {
      const face = await f.make({ store: "memory" })
      await beforeNomination(face)
      const before = await count(face)
      const ok = { tenantId, subject: worker(2), awardKind: "lao-dong-tien-tien", period: year } as const
      const throwing = {
        ...ok,
        get subject(): never {
          throw new Error("a host's getter")
        }
      }
      const bad: ReadonlyArray<readonly [string, () => Promise<unknown>, string]> = [
        [
          "an unknown award kind",
          () => face.eligibility({ ...ok, awardKind: "huy-chuong-vang" as never }),
          "awardKind"
        ],
        [
          "a day not in the calendar",
          () => face.eligibility({ ...ok, period: { ...year, end: "2020-02-30" } }),
          "period.end"
        ],
        [
          "a period that ends before it starts",
          () => face.eligibility({ ...ok, period: { start: "2021-01-01", end: "2020-12-31" } }),
          "period.end"
        ],
        [
          "a NUL in a member id",
          () => face.eligibility({ ...ok, subject: { ...worker(2), memberId: "cnld\u000002" } }),
          "subject.memberId"
        ],
        ["a NUL in the tenant", () => face.eligibility({ ...ok, tenantId: `${tenantId}\u0000` }), "tenantId"],
        ["no tenant", () => face.eligibility({ ...ok, tenantId: undefined as never }), "tenantId"],
        [
          "a subject that is a string",
          () => face.eligibility({ ...ok, subject: "trung-thanh-cnld-02" as never }),
          "subject"
        ],
        [
          "a member without its unit",
          () => face.eligibility({ ...ok, subject: { _tag: "Member", memberId: "trung-thanh-cnld-02" } as never }),
          "subject.organizationId"
        ],
        ["an unknown field", () => face.eligibility({ ...ok, admin: true } as never), "admin"],
        [
          "more votes than members",
          () => face.eligibility({ ...ok, deliberation: { votesFor: 8, councilSize: 7 } }),
          "deliberation"
        ],
        ["not an object", () => face.eligibility(null as never), "query"],
        ["a getter that throws", () => face.eligibility(throwing as never), "query"],
        ["a fractional year", () => face.explain({ tenantId, subject: worker(2), year: 2020.5 }), "year"],
        ["a year no day has", () => face.explain({ tenantId, subject: worker(2), year: 20_200 }), "year"],
        [
          "an unknown kind to explain",
          () => face.explain({ tenantId, subject: worker(2), year: 2020, kinds: ["x"] as never }),
          "kinds.0"
        ],
        [
          "a unit with a NUL",
          () => face.record({ tenantId, subject: { _tag: "Unit", organizationId: "cdcs\u0000" } }),
          "subject.organizationId"
        ]
      ]
      const answers = []
      for (const [name, call] of bad) {
        const error = await call().then(
          (v) => ({ accepted: v }),
          (e: { code: string; option: string; messages: { vi: string; en: string } }) => e
        )
        answers.push([name, "code" in error ? error.code : "accepted", "option" in error ? error.option : undefined])
        if ("code" in error) expect(error.messages.vi.length, name).toBeGreaterThan(0)
      }
      expect(answers).toEqual(bad.map(([name, , option]) => [name, "ENGINE-OPTION", option]))
      expect(await count(face)).toBe(before)
      await face.close()
    })
  })
