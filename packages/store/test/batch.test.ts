import { describe, expect, it } from "@effect/vitest"
import { type Command, Stream } from "@thidua/core"
import { History } from "@thidua/testing"
import { Effect, Layer, Result } from "effect"
import fc from "fast-check"
import { runs } from "../../../scripts/properties.js"
import { CommandHandler, EventStore, InMemoryStore, Principal } from "../src/index.js"

// A batch is judged against the same commands sent one at a time to another store: the answers,
// and what each stream holds (types, payloads, command ids), must be the same.
type Outcome = Result.Result<CommandHandler.Handled<unknown>, CommandHandler.HandleError>
const answer = (o: Outcome) =>
  Result.isSuccess(o)
    ? { ok: o.success.events, version: o.success.version, duplicate: o.success.duplicate }
    : { error: o.failure._tag, code: "code" in o.failure ? o.failure.code : undefined }

const by = (c: Command.CampaignCommand | Command.DirectoryCommand) => ({ principal: Principal.trustClaim(c) })

// Commands of one actor in a row share a principal: they may go in one batch.
const sameActor = (a: Command.CampaignCommand, b: Command.CampaignCommand) =>
  a.tenantId === b.tenantId && JSON.stringify(a.actor) === JSON.stringify(b.actor)

const stored = (tenantId: string, streamId: string) =>
  Effect.map(
    Effect.flatMap(Effect.service(EventStore.EventStore), (s) => s.readStream(tenantId, streamId)),
    (rs) => rs.map((r) => ({ type: r.type, data: r.data, version: r.version, commandId: r.commandId, actor: r.actor }))
  )

// A handler that runs the directory and the first commands, then goes away: the handler under
// test starts cold, with those command ids in the store but not in its cache.
const before = (world: ReadonlyArray<Command.DirectoryCommand>, prefix: ReadonlyArray<Command.CampaignCommand>) =>
  Effect.gen(function* () {
    const warm = yield* CommandHandler.make()
    for (const c of world) yield* warm.directory(c, by(c))
    for (const c of prefix) yield* Effect.result(warm.campaign(c, by(c)))
  })

const oneByOne = (commands: ReadonlyArray<Command.CampaignCommand>) =>
  Effect.gen(function* () {
    const handler = yield* CommandHandler.make()
    const outcomes: Array<Outcome> = []
    for (const c of commands) outcomes.push(yield* Effect.result(handler.campaign(c, by(c))))
    return outcomes
  })

const batched = (commands: ReadonlyArray<Command.CampaignCommand>, cuts: ReadonlyArray<boolean>) =>
  Effect.gen(function* () {
    const handler = yield* CommandHandler.make()
    const outcomes: Array<Outcome> = []
    let batch: Array<Command.CampaignCommand> = []
    const flush = function* () {
      if (batch.length === 0) return
      outcomes.push(...(yield* handler.campaignBatch(batch, by(batch[0]!))))
      batch = []
    }
    for (let i = 0; i < commands.length; i++) {
      const c = commands[i]!
      if (batch.length > 0 && (cuts[i] === true || !sameActor(batch[0]!, c))) yield* flush()
      batch.push(c)
    }
    yield* flush()
    return outcomes
  })

const fresh = Layer.fresh(InMemoryStore.layer)

describe("CommandHandler.campaignBatch", () => {
  it.effect("answers and stores what the same commands sent one at a time do (generated histories)", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(
          History.campaign({ maxSteps: 80, noise: 0.2 }),
          fc.array(fc.boolean(), { maxLength: 120 }),
          fc.nat({ max: 80 }),
          async (h, cuts, cold) => {
            const commands = h.steps.map((s) => s.command)
            const prefix = commands.slice(0, Math.min(cold, commands.length))
            // Some of the first commands again (a re-send after a cold start, before new commands),
            // the rest, then more again (a noisy one reuses an id with other content).
            const resent = [
              ...prefix.filter((_, i) => i % 3 === 2),
              ...commands.slice(prefix.length),
              ...commands.filter((_, i) => i % 7 === 0)
            ]
            const world = h.world.commands
            // The campaign every generated history drives.
            const streamId = Stream.campaign("campaign-1")
            const run = <A>(effect: Effect.Effect<A, unknown, EventStore.EventStore>) =>
              Effect.runPromise(
                Effect.gen(function* () {
                  yield* before(world, prefix)
                  const outcomes = yield* effect
                  return { outcomes, log: yield* stored(h.world.tenantId, streamId) }
                }).pipe(Effect.provide(fresh))
              )
            const single = await run(oneByOne(resent))
            const batch = await run(batched(resent, cuts))
            expect(batch.outcomes.map((o) => answer(o as Outcome))).toEqual(
              single.outcomes.map((o) => answer(o as Outcome))
            )
            expect(batch.log).toEqual(single.log)
          }
        ),
        { numRuns: runs(150, 3_000) }
      )
    )
  )

  it.effect(
    "a re-sent command is a duplicate, an id reused with other content a conflict, a forged actor refused alone",
    () =>
      Effect.gen(function* () {
        const [h] = fc.sample(
          History.campaign({ maxSteps: 40 }).filter(
            (h) => h.steps.filter((s) => Result.isSuccess(s.result)).length > 3
          ),
          { numRuns: 1, seed: 7 }
        )
        const handler = yield* CommandHandler.make()
        for (const c of h!.world.commands) yield* handler.directory(c, by(c))
        const accepted = h!.steps.filter((s) => Result.isSuccess(s.result)).map((s) => s.command)
        const first = accepted[0]!
        const [launched] = yield* handler.campaignBatch([first], by(first))
        expect(Result.isSuccess(launched!) && launched.success.duplicate).toBe(false)
        const other = { ...first, at: "2019-01-01" } as Command.CampaignCommand
        const forged = { ...first, commandId: "forged-1", actor: { organizationId: "someone-else", role: "executive" } }
        const outcomes = yield* handler.campaignBatch(
          [first, other, forged as Command.CampaignCommand, first],
          by(first)
        )
        expect(
          outcomes.map((o) => (Result.isSuccess(o) ? `duplicate ${o.success.duplicate}` : o.failure._tag))
        ).toEqual(["duplicate true", "IdempotencyConflict", "PrincipalMismatch", "duplicate true"])
      }).pipe(Effect.provide(fresh))
  )

  it.effect("a command of another tenant than the principal's reads nothing of that tenant", () =>
    Effect.gen(function* () {
      const log = new InMemoryStore.MemoryLog()
      // Tenant "bank" holds a stream that no longer decodes: reading it would fail with its place.
      const data: { phaseId: string; at?: string } = { phaseId: "dot-1", at: "2020-01-02" }
      log.append("bank", "campaign:secret-1", "any", [{ eventId: "e-1", type: "PhaseOpened", data, schemaVersion: 1 }])
      delete data.at
      const principal = { tenantId: "hanoi", organizationId: "ldld-hn", role: "executive" } as const
      const forged = {
        _tag: "OpenPhase",
        commandId: "x-1",
        tenantId: "bank",
        campaignId: "secret-1",
        phaseId: "dot-2",
        actor: { organizationId: "ldld-hn", role: "executive" },
        at: "2020-01-03"
      } as unknown as Command.CampaignCommand
      const handler = yield* CommandHandler.make().pipe(
        Effect.provideService(EventStore.EventStore, InMemoryStore.make(log))
      )
      const [answer] = yield* handler.campaignBatch([forged], { principal })
      expect(Result.isFailure(answer!) && answer.failure._tag).toBe("PrincipalMismatch")
    })
  )

  it.effect("on a store that is not the in-memory log (a wrapper), the commands go one at a time", () =>
    Effect.gen(function* () {
      const inner = InMemoryStore.make()
      let appends = 0
      const wrapped: EventStore.Shape = {
        ...inner,
        append: (...args) => {
          appends++
          return inner.append(...args)
        }
      }
      const [h] = fc.sample(
        History.campaign({ maxSteps: 30 }).filter((h) => h.steps.filter((s) => Result.isSuccess(s.result)).length > 3),
        { numRuns: 1, seed: 3 }
      )
      const handler = yield* CommandHandler.make().pipe(Effect.provideService(EventStore.EventStore, wrapped))
      const world = h!.world.commands
      for (const c of world) yield* handler.directory(c, by(c))
      const before = appends
      const accepted = h!.steps
        .filter((s) => Result.isSuccess(s.result) && s.result.success.length > 0)
        .map((s) => s.command)
      const run: Array<Command.CampaignCommand> = []
      for (const c of accepted) {
        if (!sameActor(accepted[0]!, c)) break
        run.push(c)
      }
      const outcomes = yield* handler.campaignBatch(run, by(run[0]!))
      expect(outcomes.every(Result.isSuccess)).toBe(true)
      // One append per command: the wrapper was not written around.
      expect(appends - before).toBe(run.length)
    })
  )
})

describe("MemoryLog.appendCommands", () => {
  const e = (id: string) => ({
    eventId: id,
    type: "PhaseOpened",
    data: { phaseId: "dot-1", at: "2020-01-02" },
    schemaVersion: 1
  })
  const command = (id: string, ...events: ReadonlyArray<string>) => ({
    events: events.map(e),
    metadata: { commandId: id, commandDigest: `OpenPhase:${id}` }
  })

  it("writes every command's events with its own metadata, in order, all at once", () => {
    const log = new InMemoryStore.MemoryLog()
    const done = log.appendCommands("t", "campaign:c", 0, [command("c-1", "e-1", "e-2"), command("c-2", "e-3")])
    expect(Array.isArray(done)).toBe(true)
    expect((done as ReadonlyArray<{ version: number }>).map((r) => r.version)).toEqual([2, 3])
    expect(log.readStream("t", "campaign:c").map((r) => `${r.version} ${r.eventId} ${r.commandId}`)).toEqual([
      "1 e-1 c-1",
      "2 e-2 c-1",
      "3 e-3 c-2"
    ])
    // Each command id is known to the store as if appended alone.
    const again = log.append("t", "campaign:c", "any", [], { commandId: "c-2", commandDigest: "OpenPhase:c-2" })
    expect("_tag" in again ? again._tag : again.duplicate).toBe(true)
  })

  it("writes nothing and says so when a command id or event id was used, or the version moved", () => {
    const log = new InMemoryStore.MemoryLog()
    log.append("t", "campaign:c", 0, [e("e-1")], { commandId: "c-1" })
    const cases = [
      log.appendCommands("t", "campaign:c", 1, [command("c-2", "e-2"), command("c-1", "e-3")]),
      log.appendCommands("t", "campaign:c", 1, [command("c-2", "e-2"), command("c-2", "e-3")]),
      log.appendCommands("t", "campaign:c", 1, [command("c-2", "e-1")]),
      log.appendCommands("t", "campaign:c", 1, [command("c-2", "e-2"), command("c-3", "e-2")]),
      log.appendCommands("t", "campaign:c", 1, [{ events: [e("e-2")], metadata: {} }]),
      log.appendCommands("t", "campaign:c", 1, [command("c-2", "e\u0000")])
    ]
    expect(cases).toEqual([undefined, undefined, undefined, undefined, undefined, undefined])
    const moved = log.appendCommands("t", "campaign:c", 0, [command("c-2", "e-2")])
    expect(moved !== undefined && "_tag" in moved ? moved._tag : moved).toBe("WrongExpectedVersion")
    expect(log.readStream("t", "campaign:c").length).toBe(1)
    expect(log.log.length).toBe(1)
  })
})
