import { describe, expect, it } from "@effect/vitest"
import { Command } from "@thidua/core"
import { Seeds } from "@thidua/testing"
import { Effect, Layer, Result, Stream } from "effect"
import { CommandHandler, EventStore, InMemoryStore, Position, Principal } from "../src/index.js"

// Decisions the commendation record judges (GrantAward, DecideNomination) across campaigns of one
// tenant: run at once, they must see each other; re-sent, they must be judged as they were.

const seed = Seeds.phucTho2024
const tenantId = seed.tenantId
const by = (c: Command.DomainCommand) => ({ principal: Principal.trustClaim(c) })
let n = 0
const decode = (raw: object) =>
  Result.getOrThrow(Command.decode({ commandId: `rd-${++n}`, tenantId, ...raw })) as Command.CampaignCommand
const executive = (organizationId: string) => ({ organizationId, role: "executive" })
const campaign = (campaignId: string) =>
  [
    {
      _tag: "PlanCampaign",
      campaignId,
      actor: executive("ldld-phuc-tho"),
      at: "2024-01-09",
      issuerId: "ldld-phuc-tho",
      title: `Chuyên đề ${campaignId}`,
      form: "regular",
      period: { start: "2024-01-01", end: "2024-12-31" },
      sectors: [],
      titlesOffered: ["co-thi-dua-ldld"]
    },
    { _tag: "LaunchCampaign", campaignId, actor: executive("ldld-phuc-tho"), at: "2024-01-11" },
    { _tag: "EndCampaign", campaignId, actor: executive("ldld-phuc-tho"), at: "2024-12-31" },
    { _tag: "HoldFinalReview", campaignId, actor: executive("ldld-phuc-tho"), at: "2025-01-10", notes: "Tổng kết" }
  ].map(decode)
const flag = (campaignId: string, awardId: string, unitId: string) =>
  decode({
    _tag: "GrantAward",
    campaignId,
    actor: executive("ldld-ha-noi"),
    at: "2025-02-05",
    awardId,
    recipient: { _tag: "Unit", organizationId: unitId },
    kind: "co-thi-dua-ldld",
    reason: "Dẫn đầu cụm thi đua",
    basis: "campaign",
    period: { start: "2024-01-01", end: "2024-12-31" },
    // Out of these campaigns' registrations: what is judged here is the cluster's quota (K4).
    extraordinary: true
  })

// The seed's directory and campaigns, and a store whose appends take 5 ms, as a database's do:
// long enough for two commands handled at once to interleave.
const world = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  const slow = {
    ...store,
    append: ((...a: Parameters<typeof store.append>) =>
      Effect.andThen(Effect.sleep("5 millis"), store.append(...a))) as typeof store.append
  }
  const handler = yield* CommandHandler.make().pipe(Effect.provideService(EventStore.EventStore, slow))
  for (const raw of seed.directory) {
    const c = Result.getOrThrow(Command.decodeDirectory(raw))
    yield* handler.directory(c, by(c))
  }
  for (const raw of seed.campaign) {
    const c = Result.getOrThrow(Command.decodeCampaign(raw))
    yield* handler.campaign(c, by(c))
  }
  for (const c of [...campaign("cd-b-1"), ...campaign("cd-b-2")]) yield* handler.campaign(c, by(c))
  return handler
})

/** The units of one cluster of the seed for 2024 that hold no flag of the year yet. */
const flaglessPair = (handler: CommandHandler.CommandHandler) =>
  Effect.gen(function* () {
    const record = yield* handler.record(tenantId)
    const holds = (id: string) =>
      record.units.get(id)?.grants.some((g) => g.kind === "co-thi-dua-ldld" && g.year === 2024) ?? false
    const clusters = [...record.clusters.values()].filter((c) => c.year === 2024)
    for (const c of clusters) {
      if (c.memberIds.some(holds)) continue
      if (c.memberIds.length >= 2) return [c.clusterId, c.memberIds[0]!, c.memberIds[1]!] as const
    }
    throw new Error("no cluster of 2024 without a flag")
  })

describe("decisions judged by the commendation record, across campaigns of one tenant", () => {
  // Live clock: the store's 5 ms sleep is real.
  it.live(
    "two flags for one cluster and year, granted at once in two campaigns: one is granted, the other refused by K4",
    () =>
      Effect.gen(function* () {
        const handler = yield* world
        const [, a, b] = yield* flaglessPair(handler)
        const results = yield* Effect.all(
          [
            Effect.result(handler.campaign(flag("cd-b-1", "flag-a", a), by(flag("cd-b-1", "flag-a", a)))),
            Effect.result(handler.campaign(flag("cd-b-2", "flag-b", b), by(flag("cd-b-2", "flag-b", b))))
          ],
          { concurrency: "unbounded" }
        )
        const refused = results.filter(Result.isFailure).map((r) => (r.failure as { code?: string }).code)
        expect([results.filter(Result.isSuccess).length, refused]).toEqual([1, ["K4"]])
        const record = yield* handler.record(tenantId)
        const holders = [...record.units.values()].filter((u) =>
          u.grants.some((g) => g.kind === "co-thi-dua-ldld" && g.year === 2024 && g.revoked === undefined)
        )
        expect(holders.filter((u) => [a, b].includes(u.organizationId))).toHaveLength(1)
      }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("a grant re-sent after the record changed is still a re-send, judged on the record as it was", () =>
    Effect.gen(function* () {
      // The seed's log, imported without command fingerprints (as an import, or an earlier
      // version, writes it): a re-send is then judged by deciding it again on the stream as it was.
      const log = yield* Effect.gen(function* () {
        const handler = yield* CommandHandler.make()
        for (const raw of seed.directory) {
          const c = Result.getOrThrow(Command.decodeDirectory(raw))
          yield* handler.directory(c, by(c))
        }
        for (const raw of seed.campaign) {
          const c = Result.getOrThrow(Command.decodeCampaign(raw))
          yield* handler.campaign(c, by(c))
        }
        const store = yield* EventStore.EventStore
        return yield* Stream.runCollect(store.readAll(Position.start))
        // A store of its own: layers are shared by default, and this log must be imported into another.
      }).pipe(Effect.provide(Layer.fresh(InMemoryStore.layer)))
      const store = yield* EventStore.EventStore
      for (const e of log)
        yield* store.append(
          e.tenantId,
          e.streamId,
          e.version - 1,
          [{ type: e.type, data: e.data, schemaVersion: e.schemaVersion, eventId: e.eventId } as never],
          {
            ...(e.commandId !== undefined ? { commandId: e.commandId } : {}),
            ...(e.actor !== undefined ? { actor: e.actor } : {})
          } as never
        )
      const raw = seed.campaign.find((c) => (c as { awardId?: string }).awardId === "pt2024-ldtt-dn1-02")!
      const grant = Result.getOrThrow(Command.decodeCampaign(raw))
      const handler = yield* CommandHandler.make()
      expect((yield* handler.campaign(grant, by(grant))).duplicate).toBe(true)
      // Since then the worker was registered and reprimanded in 2024: decided today, the grant
      // would be refused (V2). The re-send is still the same command, answered as the first time.
      const dn1 = "cdcs-doanh-nghiep-phuc-tho-1"
      for (const c of [
        {
          _tag: "RegisterMember",
          memberId: "phuc-tho-dn1-cnld-02",
          name: "Công nhân 2",
          organizationId: dn1,
          recruitedOn: "2015-01-01",
          at: "2024-02-01"
        },
        { _tag: "RecordDiscipline", memberId: "phuc-tho-dn1-cnld-02", level: "reprimand", at: "2024-11-01" }
      ]) {
        const d = Result.getOrThrow(
          Command.decodeDirectory({ commandId: `rd-${++n}`, tenantId, actor: executive(dn1), ...c })
        )
        yield* handler.directory(d, by(d))
      }
      for (const h of [handler, yield* CommandHandler.make()]) {
        const again = yield* h.campaign(grant, by(grant))
        expect([again.duplicate, again.events.map((e) => e._tag)]).toEqual([true, ["AwardGranted"]])
      }
    }).pipe(Effect.provide(InMemoryStore.layer))
  )
})
