/**
 * A caller who is a member: the host proved who the person is, so a command sent in a member's
 * name must name that member, and a command naming a member needs a caller who is that member.
 * The deciders then check the member's seat (AUTH-SEAT). Every refusal here changes nothing.
 */
import { assert, describe, it } from "@effect/vitest"
import { Command } from "@thidua/core"
import { Seeds } from "@thidua/testing"
import { Effect, Result, Stream } from "effect"
import { CommandHandler, EventStore, InMemoryStore, Position, Principal } from "../src/index.js"

const seed = Seeds.hoangMai2020
const tenantId = seed.tenantId
const decode = (raw: unknown) => Result.getOrThrow(Command.decodeDirectory(raw))
const directory = seed.directory.map(decode)
const by = (c: Command.DirectoryCommand) => ({ principal: Principal.trustClaim(c) })

let n = 0
const command = (tag: string, fields: object, actor: object, at = "2020-03-01") =>
  decode({ _tag: tag, commandId: `member-${++n}`, tenantId, actor, at, ...fields })
const hoangMai = { organizationId: "ldld-hoang-mai", role: "executive" }
const asLan = { ...hoangMai, memberId: "m-lan" }

const register = command(
  "RegisterMember",
  { memberId: "m-lan", name: "Nguyễn Thị Lan", organizationId: "cdcs-trung-thanh", recruitedOn: "2015-03-01" },
  hoangMai,
  "2020-01-02"
)
const seat = command(
  "AssignSeat",
  { memberId: "m-lan", organizationId: "ldld-hoang-mai", body: "executive" },
  hoangMai,
  "2020-01-02"
)
const discipline = (actor: object) => command("RecordDiscipline", { memberId: "m-lan", level: "reprimand" }, actor)

const everything = Effect.flatMap(Effect.service(EventStore.EventStore), (store) =>
  Stream.runCollect(store.readAll(Position.start))
)

describe("Principal.check with members", () => {
  const caller: Principal.Principal = { tenantId, organizationId: "ldld-hoang-mai", role: "executive" }
  const claim = (memberId?: string) => ({
    tenantId,
    actor: { organizationId: "ldld-hoang-mai", role: "executive", ...(memberId ? { memberId } : {}) }
  })

  it("a caller and a claim that name the same member, or none, agree", () => {
    assert.strictEqual(Principal.check(caller, claim()), undefined)
    assert.strictEqual(Principal.check({ ...caller, memberId: "m-lan" }, claim("m-lan")), undefined)
  })

  it("a claim naming another member, none, or one the caller does not name, is a mismatch on actor.memberId", () => {
    const cases: ReadonlyArray<[Principal.Principal, ReturnType<typeof claim>]> = [
      [{ ...caller, memberId: "m-lan" }, claim("m-an")],
      [{ ...caller, memberId: "m-lan" }, claim()],
      [caller, claim("m-lan")]
    ]
    for (const [p, c] of cases) {
      const error = Principal.check(p, c)
      assert.strictEqual(error?.field, "actor.memberId")
      assert.strictEqual(error?.code, "AUTH-PRINCIPAL")
    }
  })

  it("trustClaim carries the member a claim names", () => {
    assert.strictEqual(
      Principal.trustClaim({ tenantId, actor: { ...hoangMai, role: "executive", memberId: "m-lan" } }).memberId,
      "m-lan"
    )
    assert.ok(!("memberId" in Principal.trustClaim({ tenantId, actor: { ...hoangMai, role: "executive" } })))
  })
})

describe("the command handler with a caller who is a member", () => {
  it.effect("refuses a command in another member's name, or in none, and changes nothing", () =>
    Effect.gen(function* () {
      const handler = yield* CommandHandler.make()
      for (const c of [...directory, register, seat]) yield* handler.directory(c, by(c))
      const before = yield* everything
      const nobody: Principal.Principal = { tenantId, organizationId: "ldld-hoang-mai", role: "executive" }
      const lan: Principal.Principal = { ...nobody, memberId: "m-lan" }
      const forged: ReadonlyArray<readonly [Command.DirectoryCommand, Principal.Principal]> = [
        [discipline({ ...hoangMai, memberId: "m-an" }), lan],
        [discipline(hoangMai), lan],
        [discipline(asLan), nobody]
      ]
      for (const [cmd, principal] of forged) {
        const error = yield* Effect.flip(handler.directory(cmd, { principal }))
        assert.strictEqual(error._tag, "PrincipalMismatch")
        if (error._tag === "PrincipalMismatch") assert.strictEqual(error.field, "actor.memberId")
      }
      assert.deepStrictEqual(yield* everything, before)
      // The member herself, on the executive committee, goes through.
      const done = yield* handler.directory(discipline(asLan), { principal: lan })
      assert.deepStrictEqual(
        done.events.map((e) => e._tag),
        ["DisciplineRecorded"]
      )
    }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("a member who holds no seat there is refused by the decider (AUTH-SEAT), and nothing changes", () =>
    Effect.gen(function* () {
      const handler = yield* CommandHandler.make()
      for (const c of [...directory, register]) yield* handler.directory(c, by(c))
      const before = yield* everything
      const cmd = discipline(asLan)
      const error = yield* Effect.flip(handler.directory(cmd, by(cmd)))
      assert.strictEqual(error._tag, "DomainError")
      if (error._tag === "DomainError") assert.strictEqual(error.code, "AUTH-SEAT")
      assert.deepStrictEqual(yield* everything, before)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )
})
