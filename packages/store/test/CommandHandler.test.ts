import { describe, expect, it } from "@effect/vitest"
import { Command, Rulebook, Stream } from "@thidua/core"
import { Scenario, Seeds } from "@thidua/testing"
import { Effect, Result } from "effect"
import { CommandHandler, EventStore, InMemoryStore, Principal, StoreError } from "../src/index.js"

// These commands come from the seed files, trusted as a whole.
const by = (command: Principal.Claim & { readonly actor: { readonly role: "executive" | "council" | "officer" } }) => ({
  principal: Principal.trustClaim(command)
})

const decodeAll = (seed: Seeds.Seed) => ({
  directory: seed.directory.map((raw) => Result.getOrThrow(Command.decodeDirectory(raw))),
  campaign: seed.campaign.map((raw) => Result.getOrThrow(Command.decodeCampaign(raw)))
})

const runSeed = (seed: Seeds.Seed) =>
  Effect.gen(function* () {
    const handler = yield* CommandHandler.make()
    const { directory, campaign } = decodeAll(seed)
    for (const c of directory) yield* handler.directory(c, by(c))
    for (const c of campaign) yield* handler.campaign(c, by(c))
    return handler
  })

describe("CommandHandler", () => {
  it.effect("runs every seed campaign through the store to its close", () =>
    Effect.gen(function* () {
      for (const seed of Seeds.all) {
        const handler = yield* runSeed(seed)
        const first = decodeAll(seed).campaign[0]!
        const state = yield* handler.campaignState(first.tenantId, first.campaignId)
        expect(state.status).toBe("Closed")
      }
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("a second handler, starting cold, reads the same state from the store", () =>
    Effect.gen(function* () {
      const seed = Seeds.hoangMai2020
      yield* runSeed(seed)
      const cold = yield* CommandHandler.make()
      const first = decodeAll(seed).campaign[0]!
      expect((yield* cold.campaignState(first.tenantId, first.campaignId)).status).toBe("Closed")
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("re-sending a command id appends nothing and returns the events of the first time", () =>
    Effect.gen(function* () {
      const seed = Seeds.hoangMai2020
      const handler = yield* runSeed(seed)
      const store = yield* EventStore.EventStore
      const { campaign } = decodeAll(seed)
      const first = campaign[0]!
      const version = yield* store.streamVersion(first.tenantId, Stream.campaign(first.campaignId))
      const again = yield* handler.campaign(campaign[1]!, by(campaign[1]!))
      expect(again.duplicate).toBe(true)
      expect(again.events.map((e) => e._tag)).toEqual(["CampaignLaunched"])
      // A cold handler knows it too: the command id lives in the events' metadata.
      const cold = yield* CommandHandler.make()
      expect((yield* cold.campaign(campaign[1]!, by(campaign[1]!))).duplicate).toBe(true)
      expect(yield* store.streamVersion(first.tenantId, Stream.campaign(first.campaignId))).toBe(version)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("a refused command is a typed DomainError and changes nothing", () =>
    Effect.gen(function* () {
      const s = Scenario.make(2020)
      const handler = yield* CommandHandler.make()
      const store = yield* EventStore.EventStore
      const launch = s.launch()
      const error = yield* Effect.flip(handler.campaign(launch, by(launch)))
      expect(error._tag).toBe("DomainError")
      expect(error._tag === "DomainError" && error.code).toBe("REF-MISSING")
      expect(yield* store.streamVersion("hanoi", Stream.campaign(s.campaignId))).toBe(0)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.live("two handlers racing on one campaign: the loser reloads and decides again", () =>
    Effect.gen(function* () {
      const seed = Seeds.hoangMai2020
      const { directory, campaign } = decodeAll(seed)
      const a = yield* CommandHandler.make()
      const b = yield* CommandHandler.make()
      for (const c of directory) yield* a.directory(c, by(c))
      // Plan and launch through a, so b's cache is empty, then let both handle different commands.
      yield* a.campaign(campaign[0]!, by(campaign[0]!))
      yield* a.campaign(campaign[1]!, by(campaign[1]!))
      const rest = campaign.slice(2)
      for (const [i, c] of rest.entries()) yield* (i % 2 === 0 ? a : b).campaign(c, by(c))
      const first = campaign[0]!
      expect((yield* b.campaignState(first.tenantId, first.campaignId)).status).toBe("Closed")
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("a refusal decided on a stale cache is decided again on fresh state before it is reported", () =>
    Effect.gen(function* () {
      const a = yield* CommandHandler.make()
      const b = yield* CommandHandler.make()
      const store = yield* EventStore.EventStore
      const seed = Seeds.hoangMai2020
      const { directory, campaign } = decodeAll(seed)
      for (const c of directory) yield* a.directory(c, by(c))
      yield* a.campaign(campaign[0]!, by(campaign[0]!))
      yield* a.campaign(campaign[1]!, by(campaign[1]!))
      const schedule = campaign.findIndex((c) => c._tag === "SchedulePhase")
      const open = campaign.findIndex((c) => c._tag === "OpenPhase")
      // b schedules the phase; a, whose cache has no phase, opens it.
      for (const c of campaign.slice(2, schedule + 1)) yield* b.campaign(c, by(c))
      for (const c of campaign.slice(schedule + 1, open)) yield* b.campaign(c, by(c))
      const opened = yield* a.campaign(campaign[open]!, by(campaign[open]!))
      expect(opened.events.map((e) => e._tag)).toEqual(["PhaseOpened"])
      const first = campaign[0]!
      expect(opened.version).toBe(yield* store.streamVersion(first.tenantId, Stream.campaign(first.campaignId)))
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.live("gives up after maxAttempts when conflicts persist, with WrongExpectedVersion", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      // A store whose every append conflicts.
      const conflicting: EventStore.Shape = {
        ...store,
        append: (tenantId, streamId, expected) =>
          Effect.flatMap(store.streamVersion(tenantId, streamId), (actual) =>
            Effect.fail(new StoreError.WrongExpectedVersion({ tenantId, streamId, expected, actual: actual + 1 }))
          )
      }
      const handler = yield* CommandHandler.make({ maxAttempts: 3 }).pipe(
        Effect.provideService(EventStore.EventStore, conflicting)
      )
      const seed = Seeds.hoangMai2020
      const register = decodeAll(seed).directory[0]!
      const error = yield* Effect.flip(handler.directory(register, by(register)))
      expect(error._tag).toBe("WrongExpectedVersion")
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("tenants are isolated: a command of another tenant cannot see the first tenant's directory", () =>
    Effect.gen(function* () {
      const seed = Seeds.hoangMai2020
      yield* runSeed(seed)
      const handler = yield* CommandHandler.make()
      const plan = decodeAll(seed).campaign[0]!
      const foreign = { ...plan, tenantId: "da-nang" as never, campaignId: "copy" as never, commandId: "c-x" as never }
      const error = yield* Effect.flip(handler.campaign(foreign, by(foreign)))
      expect(error._tag === "DomainError" && error.code).toBe("AUTH-ACTOR")
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("a stored event of a type foreign to its stream is a CorruptEvent naming its place", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      // The escape hatch lets a foreign type in; the handler never folds it into a campaign.
      yield* store.append("hanoi", "campaign:broken", "no-stream", [
        { eventId: "e-1", type: "LegacyNote", data: { text: "ghi chú" }, schemaVersion: 1 }
      ])
      const handler = yield* CommandHandler.make({ rulebook: Rulebook.standard })
      const error = yield* Effect.flip(handler.campaignState("hanoi", "broken"))
      expect(error._tag).toBe("CorruptEvent")
      expect(error).toMatchObject({ streamId: "campaign:broken", version: 1, position: "00000000000000000001" })
    }).pipe(Effect.provide(InMemoryStore.layerWith({ foreignTypes: ["LegacyNote"] })))
  )
})
