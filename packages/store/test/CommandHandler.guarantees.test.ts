/**
 * What a host relies on when it hands the handler a command: the caller it authenticated is the
 * one the command claims, a command id means one command per tenant, and "only if still at
 * version n" holds. Every refusal here changes nothing in the log.
 */
import { assert, describe, it } from "@effect/vitest"
import { Campaign, Command, Rulebook } from "@thidua/core"
import { Seeds } from "@thidua/testing"
import { Effect, Result, Stream } from "effect"
import fc from "fast-check"
import { Codec, CommandHandler, EventStore, InMemoryStore, Position, Principal, StoreError } from "../src/index.js"

const seed = Seeds.hoangMai2020
const directory = seed.directory.map((raw) => Result.getOrThrow(Command.decodeDirectory(raw)))
const campaign = seed.campaign.map((raw) => Result.getOrThrow(Command.decodeCampaign(raw)))
const by = (c: Command.CampaignCommand | Command.DirectoryCommand) => ({ principal: Principal.trustClaim(c) })
const stream = CommandHandler.streams.campaign(campaign[0]!.campaignId)
const tenant = campaign[0]!.tenantId

const setUp = (commands = 4) =>
  Effect.gen(function* () {
    const handler = yield* CommandHandler.make()
    for (const c of directory) yield* handler.directory(c, by(c))
    for (const c of campaign.slice(0, commands)) yield* handler.campaign(c, by(c))
    return handler
  })

// The whole log, to compare before and after a refusal.
const everything = Effect.flatMap(Effect.service(EventStore.EventStore), (store) =>
  Stream.runCollect(store.readAll(Position.start))
)

describe("the principal", () => {
  const launch = campaign[1]!
  const proven = Principal.trustClaim(launch)

  it.effect("a command that claims another tenant, organization or role than its caller is refused", () =>
    Effect.gen(function* () {
      const handler = yield* setUp(1)
      const before = yield* everything
      const forged: ReadonlyArray<[Principal.Principal, string]> = [
        [{ ...proven, tenantId: "other-tenant" }, "tenantId"],
        [{ ...proven, organizationId: "cdcs-trung-thanh" }, "actor.organizationId"],
        [{ ...proven, role: proven.role === "officer" ? "executive" : "officer" }, "actor.role"]
      ]
      for (const [principal, field] of forged) {
        const error = yield* Effect.flip(handler.campaign(launch, { principal }))
        assert.strictEqual(error._tag, "PrincipalMismatch")
        assert.strictEqual(error.code, "AUTH-PRINCIPAL")
        assert.ok(error instanceof Error)
        if (error._tag === "PrincipalMismatch") assert.strictEqual(error.field, field)
      }
      assert.deepStrictEqual(yield* everything, before)
      // The true caller goes through.
      assert.strictEqual((yield* handler.campaign(launch, { principal: proven })).version, 2)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("any principal that differs from the claim in any field changes nothing (property)", () =>
    Effect.gen(function* () {
      const handler = yield* setUp(1)
      const before = yield* everything
      const principals = fc.sample(
        fc
          .record({
            tenantId: fc.constantFrom(proven.tenantId, "b", "hanoi ", ""),
            organizationId: fc.constantFrom(proven.organizationId, "ldld-ha-noi", "cdcs-trung-thanh", "x"),
            role: fc.constantFrom("executive", "council", "officer")
          })
          .filter(
            (p) =>
              p.tenantId !== proven.tenantId || p.organizationId !== proven.organizationId || p.role !== proven.role
          ),
        { numRuns: 60, seed: 7 }
      )
      for (const principal of principals) {
        const error = yield* Effect.flip(handler.campaign(launch, { principal }))
        assert.strictEqual(error._tag, "PrincipalMismatch")
      }
      assert.deepStrictEqual(yield* everything, before)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )
})

describe("command ids", () => {
  it.effect("the same id with other content is an IdempotencyConflict naming both, warm or cold", () =>
    Effect.gen(function* () {
      const handler = yield* setUp(4)
      const before = yield* everything
      // The fifth command re-uses the id of the second (the launch).
      const reused = { ...campaign[4]!, commandId: campaign[1]!.commandId }
      const warm = yield* Effect.flip(handler.campaign(reused, by(reused)))
      assert.strictEqual(warm._tag, "IdempotencyConflict")
      if (warm._tag === "IdempotencyConflict") {
        assert.strictEqual(warm.first?.content, "LaunchCampaign")
        assert.strictEqual(warm.attempted, reused._tag)
      }
      // A handler that never saw the first command learns it from the store.
      const cold = yield* CommandHandler.make()
      const error = yield* Effect.flip(cold.campaign(reused, by(reused)))
      assert.strictEqual(error._tag, "IdempotencyConflict")
      if (error._tag === "IdempotencyConflict") {
        assert.strictEqual(error.first?.content, "LaunchCampaign")
        assert.match(error.messages.vi, /LaunchCampaign/)
      }
      assert.deepStrictEqual(yield* everything, before)
      // The same content is still the first result.
      const again = yield* cold.campaign(campaign[1]!, by(campaign[1]!))
      assert.strictEqual(again.duplicate, true)
      assert.deepStrictEqual(
        again.events.map((e) => e._tag),
        ["CampaignLaunched"]
      )
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("a command id is unique per tenant: re-used on another campaign, it is refused", () =>
    Effect.gen(function* () {
      const handler = yield* setUp(1)
      const before = yield* everything
      const plan = campaign[0]!
      const other = { ...plan, campaignId: "hoang-mai-2020-copy" } as Command.CampaignCommand
      const error = yield* Effect.flip(handler.campaign(other, by(other)))
      assert.strictEqual(error._tag, "IdempotencyConflict")
      if (error._tag === "IdempotencyConflict") {
        assert.strictEqual(error.first?.streamId, stream)
        assert.strictEqual(error.streamId, "campaign:hoang-mai-2020-copy")
      }
      assert.deepStrictEqual(yield* everything, before)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )
})

describe("command ids without a fingerprint", () => {
  // The launch appended as an earlier version of the library (or an import) wrote it: its command
  // id on its events, no fingerprint kept.
  const legacyLaunch = Effect.gen(function* () {
    const handler = yield* setUp(1)
    const store = yield* EventStore.EventStore
    const launch = campaign[1]!
    const decider = Campaign.decider({ directory: yield* handler.directoryState(tenant), rulebook: Rulebook.standard })
    const events = Result.getOrThrow(decider.decide(yield* handler.campaignState(tenant, launch.campaignId), launch))
    yield* store.append(tenant, stream, 1, Codec.encode(events), { commandId: launch.commandId, actor: launch.actor })
    return handler
  })

  it.effect("is judged by deciding the command again: the same command is a duplicate, another a conflict", () =>
    Effect.gen(function* () {
      const warm = yield* legacyLaunch
      const before = yield* everything
      const launch = campaign[1]!
      for (const handler of [warm, yield* CommandHandler.make()]) {
        const again = yield* handler.campaign(launch, by(launch))
        assert.strictEqual(again.duplicate, true)
        assert.deepStrictEqual(
          again.events.map((e) => e._tag),
          ["CampaignLaunched"]
        )
        const other = { ...launch, at: "2020-01-03" } as typeof launch
        const error = yield* Effect.flip(handler.campaign(other, by(other)))
        assert.strictEqual(error._tag, "IdempotencyConflict")
        const reused = { ...campaign[2]!, commandId: launch.commandId } as Command.CampaignCommand
        assert.strictEqual((yield* Effect.flip(handler.campaign(reused, by(reused))))._tag, "IdempotencyConflict")
      }
      assert.deepStrictEqual(yield* everything, before)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("an event id is no command id: a command whose id equals one on the stream runs", () =>
    Effect.gen(function* () {
      const handler = yield* setUp(1)
      const store = yield* EventStore.EventStore
      // The launch, appended with no command id at all.
      const launch = campaign[1]!
      const decider = Campaign.decider({
        directory: yield* handler.directoryState(tenant),
        rulebook: Rulebook.standard
      })
      const events = Result.getOrThrow(decider.decide(yield* handler.campaignState(tenant, launch.campaignId), launch))
      const [launched] = (yield* store.append(tenant, stream, 1, Codec.encode(events))).events
      const cold = yield* CommandHandler.make()
      const next = { ...campaign[2]!, commandId: launched!.eventId } as Command.CampaignCommand
      const done = yield* cold.campaign(next, by(next))
      assert.strictEqual(done.duplicate, false)
      assert.strictEqual(yield* store.streamVersion(tenant, stream), 3)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )
})

describe("beforeCommit", () => {
  it("an append made from inside another's beforeCommit is refused; the outer one commits whole", () => {
    const log = new InMemoryStore.MemoryLog()
    const phase = (id: string) => ({
      eventId: id,
      type: "PhaseOpened",
      data: { phaseId: id, at: "2020-01-02" },
      schemaVersion: 1
    })
    let inner: unknown
    const outer = log.append(
      "t",
      "campaign:c",
      "no-stream",
      [phase("a")],
      {},
      {
        beforeCommit: () => {
          inner = log.append("t", "campaign:c", "any", [phase("b")])
        }
      }
    )
    assert.strictEqual((inner as StoreError.InvalidInput)._tag, "InvalidInput")
    assert.ok(!("_tag" in outer))
    assert.deepStrictEqual(
      log.log.map((e) => [e.eventId, e.version, e.position]),
      [["a", 1, "00000000000000000001"]]
    )
  })
})

describe("expected version", () => {
  it.effect("a command runs only if its stream is still at the version the host showed", () =>
    Effect.gen(function* () {
      const handler = yield* setUp(3)
      const store = yield* EventStore.EventStore
      const version = yield* store.streamVersion(tenant, stream)
      const before = yield* everything
      const next = campaign[3]!
      const stale = yield* Effect.flip(handler.campaign(next, { ...by(next), expectedVersion: version - 1 }))
      assert.strictEqual(stale._tag, "WrongExpectedVersion")
      if (stale._tag === "WrongExpectedVersion") {
        assert.strictEqual(stale.actual, version)
        assert.strictEqual(stale.expected, version - 1)
      }
      assert.deepStrictEqual(yield* everything, before)
      const ahead = yield* Effect.flip(handler.campaign(next, { ...by(next), expectedVersion: version + 5 }))
      assert.strictEqual(ahead._tag, "WrongExpectedVersion")
      const done = yield* handler.campaign(next, { ...by(next), expectedVersion: version })
      assert.strictEqual(done.duplicate, false)
      // Re-sent with the version it was sent with, it is the first result, not a conflict.
      const again = yield* handler.campaign(next, { ...by(next), expectedVersion: version })
      assert.strictEqual(again.duplicate, true)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("a cold handler reads the stream before it judges the version", () =>
    Effect.gen(function* () {
      yield* setUp(3)
      const store = yield* EventStore.EventStore
      const version = yield* store.streamVersion(tenant, stream)
      const cold = yield* CommandHandler.make()
      const next = campaign[3]!
      assert.strictEqual((yield* cold.campaign(next, { ...by(next), expectedVersion: version })).duplicate, false)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.live("conflicts are retried up to maxAttempts with jittered waits, never with an expected version", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      let appends = 0
      // A store whose every append conflicts.
      const conflicting: EventStore.Shape = {
        ...store,
        append: (tenantId, streamId, expected) =>
          Effect.suspend(() => {
            appends++
            return Effect.flatMap(store.streamVersion(tenantId, streamId), (actual) =>
              Effect.fail(new StoreError.WrongExpectedVersion({ tenantId, streamId, expected, actual: actual + 1 }))
            )
          })
      }
      const register = directory[0]!
      const handler = yield* CommandHandler.make({ backoff: "5 millis" }).pipe(
        Effect.provideService(EventStore.EventStore, conflicting)
      )
      const started = Date.now()
      const error = yield* Effect.flip(handler.directory(register, by(register)))
      assert.strictEqual(error._tag, "WrongExpectedVersion")
      assert.strictEqual(appends, 20)
      // Nineteen waits of up to 5, 10, 20 … 200 ms: some time passes, though each is random.
      assert.ok(Date.now() - started >= 5, `waited ${Date.now() - started} ms`)
      appends = 0
      const once = yield* Effect.flip(handler.directory(register, { ...by(register), expectedVersion: 0 }))
      assert.strictEqual(once._tag, "WrongExpectedVersion")
      assert.strictEqual(appends, 1)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )
})
