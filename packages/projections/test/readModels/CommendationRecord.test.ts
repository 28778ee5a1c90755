/**
 * The commendation record read model over the seed campaigns, run through a store: the grants it
 * holds per member and unit and year are the seeds' own GrantAward commands, a revocation marks
 * its grant, and the fold gives the same record however it is run — rebuilt from the start, caught
 * up in two steps, or reloaded from the JSON a PostgreSQL read model store keeps.
 */
import { describe, expect, it } from "@effect/vitest"
import { Command, Commands, Record } from "@thidua/core"
import { Codec, CommandHandler, EventStore, InMemoryStore, Position, Principal } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Seeds } from "@thidua/testing"
import { Effect, Layer, Result, Stream } from "effect"
import { CommendationRecord, ReadModelStore, Runner, SqlReadModelStore } from "../../src/index.js"

type Raw = {
  readonly _tag: string
  readonly tenantId: string
  readonly actor: { readonly organizationId: string; readonly role: "executive" | "council" | "officer" }
} & { readonly [k: string]: unknown }
type Grant = Raw & {
  readonly awardId: string
  readonly kind: string
  readonly decisionNo?: string
  readonly recipient:
    | { readonly _tag: "Member"; readonly memberId: string }
    | { readonly _tag: "Unit"; readonly organizationId: string }
  readonly period: { readonly end: string }
}

const by = (c: Principal.Claim & { readonly actor: { readonly role: "executive" | "council" | "officer" } }) => ({
  principal: Principal.trustClaim(c)
})

const execute = (handler: CommandHandler.CommandHandler, raw: unknown) => {
  const c = Result.getOrThrow(Command.decode(raw))
  return "campaignId" in c
    ? Effect.asVoid(handler.campaign(c as Command.CampaignCommand, by(c)))
    : Effect.asVoid(handler.directory(c as Command.DirectoryCommand, by(c)))
}

const runSeed = (handler: CommandHandler.CommandHandler, seed: Seeds.Seed) =>
  Effect.forEach([...seed.directory, ...seed.campaign], (raw) => execute(handler, raw), { discard: true })

const campaignOf = (seed: Seeds.Seed) =>
  String((seed.campaign as ReadonlyArray<Raw>).find((c) => c._tag === "PlanCampaign")?.campaignId)

// What the seed granted, by recipient: "year kind awardId campaign grantor decision", from its commands.
const expected = (seed: Seeds.Seed) => {
  const out: { [key: string]: Array<string> } = {}
  for (const c of seed.campaign as ReadonlyArray<Raw>) {
    if (c._tag !== "GrantAward") continue
    const g = c as Grant
    const key = g.recipient._tag === "Member" ? `member:${g.recipient.memberId}` : `unit:${g.recipient.organizationId}`
    const list = out[key] ?? []
    out[key] = list
    list.push(
      [g.period.end.slice(0, 4), g.kind, g.awardId, campaignOf(seed), g.actor.organizationId, g.decisionNo ?? "-"].join(
        " "
      )
    )
  }
  for (const list of Object.values(out)) list.sort()
  return out
}

// What the record holds, in the same form.
const held = (record: CommendationRecord.State) => {
  const out: { [key: string]: Array<string> } = {}
  for (const subjects of [record.members.values(), record.units.values()])
    for (const s of subjects)
      if (s.grants.length > 0)
        out[s.key] = s.grants
          .map((g) => [g.year, g.kind, g.awardId, g.campaignId, g.grantedById, g.decisionNo ?? "-"].join(" "))
          .sort()
  return out
}

const rebuild = (tenantId: string) =>
  Effect.map(Runner.rebuild(CommendationRecord.projection, { tenantId }), (r) => r.states.get(tenantId)!)

const decodeCampaign = (raw: unknown) => Result.getOrThrow(Command.decodeCampaign(raw))

// Hoàng Mai 2020: the Advanced Worker title of Trung Thành's worker 4, revoked for a false dossier.
const hoangMai = Seeds.hoangMai2020
const revoke = decodeCampaign(
  Commands.revokeAward({
    commandId: "revoke-1",
    tenantId: hoangMai.tenantId,
    campaignId: campaignOf(hoangMai),
    actor: { organizationId: "cdcs-trung-thanh", role: "executive" },
    at: "2021-03-01",
    awardId: "hm2020-ldtt-3",
    reason: "false-dossier"
  })
)
const worker4 = { _tag: "Member", memberId: "trung-thanh-cnld-04", organizationId: "cdcs-trung-thanh" } as never

describe("CommendationRecord", () => {
  it.effect("holds every seed's grants per member, unit and year, as the seed's GrantAward commands give them", () =>
    Effect.gen(function* () {
      const handler = yield* CommandHandler.make()
      for (const seed of Seeds.all) yield* runSeed(handler, seed)
      for (const seed of Seeds.all) {
        const record = yield* rebuild(seed.tenantId)
        const want = expected(seed)
        expect(Object.keys(want).length, seed.name).toBeGreaterThan(0)
        expect(held(record), seed.name).toEqual(want)
        // The year view lists each grant under the year its period ends, none revoked.
        for (const [key, grants] of Object.entries(want)) {
          const subject = key.startsWith("unit:")
            ? { _tag: "Unit", organizationId: key.slice(5) }
            : { _tag: "Member", memberId: key.slice(7), organizationId: "" }
          const years = Record.years(record, subject as never)
          expect(
            years.flatMap((y) => y.grants.map((g) => `${y.year} ${g.kind} ${g.awardId} ${g.revoked}`)).sort(),
            key
          ).toEqual(grants.map((g) => `${g.split(" ").slice(0, 3).join(" ")} false`).sort())
        }
      }
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("marks a revoked grant, and rebuilt from the start or caught up in two steps gives the same record", () =>
    Effect.gen(function* () {
      const handler = yield* CommandHandler.make()
      yield* runSeed(handler, hoangMai)
      const tenantId = hoangMai.tenantId
      // Caught up once before the revocation (saved, copied by the store), once after.
      const before = (yield* Runner.catchUp(CommendationRecord.projection, { tenantId })).states.get(tenantId)!
      yield* handler.campaign(revoke, by(revoke))
      const after = (yield* Runner.catchUp(CommendationRecord.projection, { tenantId })).states.get(tenantId)!
      const fresh = yield* rebuild(tenantId)
      expect(after).toEqual(fresh)
      expect(held(after)).toEqual(expected(hoangMai))
      const revoked = Record.years(fresh, worker4).flatMap((y) => y.grants)
      expect(revoked.map((g) => [g.awardId, g.revoked])).toEqual([["hm2020-ldtt-3", true]])
      expect(Record.member(fresh, "trung-thanh-cnld-04")?.grants[0]?.revoked?.reason).toBe("false-dossier")
      // Every other grant stands.
      const standing = [...fresh.members.values(), ...fresh.units.values()].flatMap((s) =>
        s.grants.filter((g) => g.revoked === undefined)
      )
      expect(standing.length).toBe(Object.values(expected(hoangMai)).flat().length - 1)
      expect(Record.years(before, worker4).flatMap((y) => y.grants.map((g) => g.revoked))).toEqual([false])
      // And the record of the command handler, folded on its own, is the same.
      expect(fresh).toEqual(yield* handler.record(tenantId))
    }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)))
  )

  it.effect(
    "a record read back from its JSON document goes on folding as the whole log: a later revocation still counts",
    () =>
      Effect.gen(function* () {
        const handler = yield* CommandHandler.make()
        yield* runSeed(handler, hoangMai)
        yield* handler.campaign(revoke, by(revoke))
        const store = yield* EventStore.EventStore
        const log = [...(yield* Stream.runCollect(store.readAll(Position.start, { tenantId: hoangMai.tenantId })))]
        const { apply, init } = CommendationRecord.projection
        const fold = (state: CommendationRecord.State, records: typeof log) =>
          records.reduce((s, r) => apply(s, Result.getOrThrow(Codec.decodeResult(r)), r), state)
        // The JSON document a PostgreSQL store keeps holds the grant twice, as two copies.
        const cut = log.findIndex((r) => r.type === "AwardRevoked")
        const json = JSON.parse(
          JSON.stringify(Result.getOrThrow(SqlReadModelStore.encodeState(fold(init(), log.slice(0, cut)))))
        )
        const reloaded = Result.getOrThrow(SqlReadModelStore.decodeState(json)) as CommendationRecord.State
        const resumed = fold(reloaded, log.slice(cut))
        expect(resumed).toEqual(fold(init(), log))
        expect(Record.years(resumed, worker4).flatMap((y) => y.grants.map((g) => g.revoked))).toEqual([true])
      }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect(
    "kept by a runner in PostgreSQL (PGlite), caught up before and after a revocation, equals a rebuild",
    () =>
      Effect.gen(function* () {
        const handler = yield* CommandHandler.make()
        const tenantId = hoangMai.tenantId
        yield* runSeed(handler, hoangMai)
        yield* Runner.catchUp(CommendationRecord.projection, { tenantId })
        yield* handler.campaign(revoke, by(revoke))
        const saved = yield* Runner.catchUp(CommendationRecord.projection, { tenantId })
        const fresh = yield* rebuild(tenantId)
        expect(saved.states.get(tenantId)).toEqual(fresh)
        const read = yield* (yield* ReadModelStore.ReadModelStore).partition<CommendationRecord.State>(
          CommendationRecord.projection.name,
          CommendationRecord.projection.version,
          tenantId
        )
        expect(Record.years(read!, worker4).flatMap((y) => y.grants.map((g) => g.revoked))).toEqual([true])
      }).pipe(Effect.provide(SqlReadModelStore.layer.pipe(Layer.provideMerge(PostgresStore.layer({}))))),
    60_000
  )
})
