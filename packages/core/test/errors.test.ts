import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { inspect } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import { Command, DomainError, Rule, ThiDuaError, Upcast, Vietnamese } from "../src/index.js"

// Every error class of core, made the way the library makes them: one DomainError per rule, and
// the decode errors of commands and events for each kind of problem.
const failure = <E>(r: Result.Result<unknown, E>): E => {
  if (Result.isSuccess(r)) throw new Error("expected a failure")
  return r.failure
}
const command = {
  _tag: "OpenPhase",
  commandId: "cmd-1",
  tenantId: "hanoi",
  actor: { organizationId: "ldld-hoang-mai", role: "executive" },
  at: "2020-01-01",
  campaignId: "hoang-mai-2020",
  phaseId: "dot-1"
}
const { phaseId: _, ...onCampaign } = command

interface Case {
  readonly name: string
  readonly tag: string
  readonly code: string
  readonly error: unknown
}

const cases: ReadonlyArray<Case> = [
  ...Rule.all.map((rule) => ({
    name: `DomainError ${rule.id}`,
    tag: "DomainError",
    code: rule.id,
    error: rule.error(rule.example as never)
  })),
  ...(
    [
      ["not an object", "x"],
      ["unknown type", { _tag: "Nope" }],
      ["missing field", { _tag: "OpenPhase" }],
      ["wrong literal", { ...command, actor: { organizationId: "ldld-hoang-mai", role: "king" } }],
      ["unknown field", { ...command, extra: 1 }],
      ["NUL in a text", { ...onCampaign, _tag: "CancelCampaign", reason: "a\u0000" }],
      ["over a limit", { ...onCampaign, _tag: "CancelCampaign", reason: "x".repeat(5000) }],
      ["inherited fields", Object.create(command)]
    ] as const
  ).map(([name, input]) => ({
    name: `CommandDecodeError: ${name}`,
    tag: "CommandDecodeError",
    code: "CommandDecodeError",
    error: failure(Command.decode(input))
  })),
  ...(
    [
      ["unknown type", "Nope", 1, {}],
      ["future version", "PhaseOpened", 9, {}],
      ["not an object", "PhaseOpened", 1, 42],
      ["bad field", "PhaseOpened", 1, { phaseId: "dot-1", at: "2020-02-30" }],
      ["lone surrogate", "RegistrationRejected", 1, { pledgeId: "p", reason: "\udc00", at: "2020-01-01" }]
    ] as const
  ).map(([name, type, version, payload]) => ({
    name: `EventDecodeError: ${name}`,
    tag: "EventDecodeError",
    code: "EventDecodeError",
    error: failure(Upcast.decode(type, version, payload))
  })),
  ...(
    [
      ["a malformed group", Vietnamese.parseNumber("3.5829")],
      ["a fraction of a đồng", Vietnamese.parseAmount("1,2345678 triệu")],
      ["an impossible date", Vietnamese.parseDate("30/02/2020")]
    ] as const
  ).map(([name, result]) => ({
    name: `VietnameseInputError: ${name}`,
    tag: "VietnameseInputError",
    code: "INPUT-VI",
    error: failure<unknown>(result)
  }))
]

describe("every error of core is an Error of the one base", () => {
  it.each(cases)("$name", ({ tag, code, error }) => {
    // An Error, with a stack whose first line is readable.
    expect(error).toBeInstanceOf(Error)
    expect(ThiDuaError.isThiDuaError(error)).toBe(true)
    const e = error as ThiDuaError.ThiDuaError
    expect(e.name).toBe(tag)
    expect(typeof e.stack).toBe("string")
    expect(e.stack?.split("\n")[0]).toBe(`${tag}: ${e.message}`)
    // Stable tag and code; a string message, which is the English one; both languages filled.
    expect(e._tag).toBe(tag)
    expect(e.code).toBe(code)
    expect(typeof e.message).toBe("string")
    expect(e.message).toBe(e.messages.en)
    expect(typeof e.messages.en).toBe("string")
    expect(typeof e.messages.vi).toBe("string")
    expect(e.messages.en.trim().length).toBeGreaterThan(0)
    expect(e.messages.vi.trim().length).toBeGreaterThan(0)
    expect(e.messages.vi).not.toBe(e.messages.en)
    // Printed, it reads as text: never an object's default string.
    for (const printed of [String(e), `${e}`, inspect(e)]) {
      expect(printed).not.toContain("[object Object]")
      expect(printed).toContain(e.message)
    }
    expect(JSON.stringify(e)).not.toContain("[object Object]")
    const json = JSON.parse(JSON.stringify(e)) as Record<string, unknown>
    expect(json).toMatchObject({ _tag: tag, code, message: e.message, messages: e.messages })
    // An Effect error: yielding it fails the effect, and catchTag finds it by its tag.
    const failed = Effect.runSync(
      Effect.flip(
        Effect.gen(function* () {
          return yield* e
        })
      )
    )
    expect(failed).toBe(e)
    const caught = Effect.runSync(
      Effect.fail(e as DomainError.DomainError).pipe(
        Effect.catchTag(tag as "DomainError", () => Effect.succeed("caught"))
      )
    )
    expect(caught).toBe("caught")
  })

  it("a DomainError prints its rule id and its English message", () => {
    const error = DomainError.make("C5", { phaseId: "dot-2", reason: "overlap", other: "dot-1" })
    expect(String(error)).toBe("C5: Phase dot-2 overlaps phase dot-1.")
    expect(error.message).toBe("Phase dot-2 overlaps phase dot-1.")
    expect(error.messages.vi).toBe("Đợt thi đua dot-2 trùng thời gian với đợt dot-1.")
    expect(JSON.parse(JSON.stringify(error)).details).toEqual({ phaseId: "dot-2", reason: "overlap", other: "dot-1" })
  })

  it("a CommandDecodeError says each problem in both languages, with its path", () => {
    const error = failure(Command.decode({ ...command, actor: { organizationId: "bad id", role: "king" } }))
    expect(error.path).toBe("actor.organizationId")
    expect(error.issues.map((i) => i.path)).toEqual(["actor.organizationId", "actor.role"])
    for (const issue of error.issues) {
      expect(issue.message).toBe(issue.messages.en)
      expect(issue.messages.vi.length).toBeGreaterThan(0)
    }
    expect(error.messages.vi).toMatch(/^Lệnh không hợp lệ: trường actor\.organizationId phải là một mã định danh/)
  })

  // A new error class must join the cases above: this finds every class core declares.
  it("the cases cover every error class declared in core's sources", () => {
    const dir = join(import.meta.dirname, "..", "src")
    // ThiDuaError.ts is the base itself, built on Data.Error.
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".ts") && f !== "ThiDuaError.ts"
    )
    const declared = new Set<string>()
    for (const file of files) {
      const source = readFileSync(join(dir, file), "utf8")
      // The other shapes of error are gone: Data's tagged classes, and Error subclasses of their own.
      expect(source, file).not.toMatch(/Data\.(TaggedClass|TaggedError|Error)\b|\bextends Error\b/)
      for (const m of source.matchAll(/ThiDuaError\.Tagged\("(\w+)"\)/g)) declared.add(m[1]!)
    }
    expect([...declared].sort()).toEqual([...new Set(cases.map((c) => c.tag))].sort())
  })
})
