import { describe, expect, it } from "@effect/vitest"
import { Command, Event, Ids, Limits, LocalDate, Upcast } from "@thidua/core"
import { Arbitraries } from "@thidua/testing"
import { Result, Schema, type SchemaAST } from "effect"
import fc from "fast-check"
import { runs } from "../../../scripts/properties.js"
import { canGenerate, generateReader } from "../src/internal/generate.js"
import { checksOf } from "../src/internal/predicates.js"
import { compile, interpret } from "../src/internal/validator.js"

// The compiled validators must answer exactly as the schemas do, on valid values and near misses.
const schemaOf = (tag: string) => (Event.schemas as unknown as Record<string, Schema.Top>)[tag]!
const oddValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    "",
    "bad id",
    "2020-02-30",
    "2020-13-01",
    "31/12/2024",
    -1,
    1.5,
    2 ** 53,
    Number.NaN,
    null,
    [],
    {},
    "x".repeat(70)
  )
)

const mutate = fc
  .tuple(Arbitraries.domainEvent, fc.nat(), oddValue, fc.constantFrom("replace", "delete", "add", "nested"))
  .map(([event, k, value, how]) => {
    const e = structuredClone(event) as Record<string, unknown>
    const keys = Object.keys(e).filter((x) => x !== "_tag")
    const key = keys[k % Math.max(1, keys.length)]
    if (key === undefined) return e
    switch (how) {
      case "replace":
        e[key] = value
        break
      case "delete":
        delete e[key]
        break
      case "add":
        e[`extra${k}`] = value
        break
      case "nested": {
        const inner = e[key]
        if (typeof inner === "object" && inner !== null) {
          const innerKeys = Object.keys(inner)
          const ik = innerKeys[k % Math.max(1, innerKeys.length)]
          // Half the time a key inside is changed, half the time one is added.
          if (k % 2 === 0 && ik !== undefined) (inner as Record<string, unknown>)[ik] = value
          else (inner as Record<string, unknown>)[`extra${k}`] = value
        } else e[key] = value
      }
    }
    return e
  })

describe("compiled validators", () => {
  it("exist for every event type", () => {
    for (const tag of Object.keys(Event.schemas)) expect(compile(schemaOf(tag).ast), tag).toBeDefined()
  })

  it("accept every valid event, as the schemas do", () =>
    fc.assert(
      fc.property(Arbitraries.domainEvent, (e) => {
        expect(compile(schemaOf(e._tag).ast)!(e)).toBe(true)
      }),
      { numRuns: 3000 }
    ))

  // A validator may only say yes where the exact decoder says yes, with the same value; where it
  // says no, the decoder runs. It says yes to every valid event (above), so it is not trivially no.
  it("never accept what the exact decoder refuses, on near misses: a field replaced, removed, added, or changed inside", () =>
    fc.assert(
      fc.property(mutate, (e) => {
        const schema = schemaOf(e._tag as string) as Schema.Codec<unknown>
        const exact = Schema.decodeUnknownResult(schema, { onExcessProperty: "error" })(e)
        if (compile(schema.ast)!(e)) {
          expect(Result.isSuccess(exact)).toBe(true)
          if (Result.isSuccess(exact)) expect(e).toEqual(exact.success)
        }
        if (Result.isFailure(exact)) expect(compile(schema.ast)!(e)).toBe(false)
      }),
      { numRuns: runs(5_000, 20_000) }
    ))

  it("give Upcast.decode the same result as the full decoder, extra keys dropped", () =>
    fc.assert(
      fc.property(mutate, (e) => {
        const { _tag, ...data } = e as { _tag: string }
        const fast = Upcast.decode(_tag, Event.versions[_tag as Event.EventType], data)
        const full = Schema.decodeUnknownResult(schemaOf(_tag) as Schema.Codec<unknown>)({ ...data, _tag })
        expect(Result.isSuccess(fast)).toBe(Result.isSuccess(full))
        if (Result.isSuccess(fast) && Result.isSuccess(full)) {
          expect(fast.success).toEqual(full.success)
        }
      }),
      { numRuns: 5000 }
    ))
})

// Where functions can be made from source the validators are generated (internal/generate.ts);
// elsewhere the closures run (`interpret`). Both must answer as the schemas do, and alike.
describe("generated validators and the closures they stand for", () => {
  it("are generated here, for every event type", () => {
    expect(canGenerate).toBe(true)
    for (const tag of Object.keys(Event.schemas)) {
      expect(compile(schemaOf(tag).ast), tag).not.toBe(interpret(schemaOf(tag).ast))
      expect(generateReader(schemaOf(tag).ast, tag, interpret), tag).toBeDefined()
    }
  })

  it("the closures accept every valid event and never what the exact decoder refuses, as the generated ones", () =>
    fc.assert(
      fc.property(Arbitraries.domainEvent, mutate, (valid, e) => {
        expect(interpret(schemaOf(valid._tag).ast)!(valid)).toBe(true)
        const schema = schemaOf(e._tag as string) as Schema.Codec<unknown>
        const exact = Schema.decodeUnknownResult(schema, { onExcessProperty: "error" })(e)
        const interpreted = interpret(schema.ast)!(e)
        if (Result.isFailure(exact)) expect(interpreted).toBe(false)
        expect(compile(schema.ast)!(e)).toBe(interpreted)
      }),
      { numRuns: runs(3_000, 20_000) }
    ))

  // The reader builds the event from the payload without copying it first: it may only accept a
  // payload whose copy `{ ...payload, _tag }` validates, with an equal event, and must accept every
  // valid one.
  it("a type's reader answers as the validator of the payload's copy with its tag", () =>
    fc.assert(
      fc.property(fc.oneof(Arbitraries.domainEvent as fc.Arbitrary<Record<string, unknown>>, mutate), (e) => {
        const { _tag, ...payload } = e as { _tag: string }
        const read = generateReader(schemaOf(_tag).ast, _tag, interpret)!
        const candidate = { ...payload, _tag }
        const valid = compile(schemaOf(_tag).ast)!(candidate)
        const event = read(payload)
        expect(event !== undefined).toBe(valid)
        if (event !== undefined) expect(event).toStrictEqual(candidate)
        // A payload that carries a tag of its own (it is replaced), or another prototype (the
        // slower way), changes nothing of what is decoded.
        const tagged = read({ ...payload, _tag: "Other" })
        if (valid) expect(tagged).toStrictEqual(candidate)
        const other = read(Object.assign(Object.create({ inherited: 1 }), payload))
        expect(other).toBeUndefined()
        const decoded = Upcast.decode(
          _tag,
          Event.versions[_tag as Event.EventType],
          Object.assign(Object.create({ inherited: 1 }), payload)
        )
        if (valid) expect(Result.isSuccess(decoded) && decoded.success).toStrictEqual(candidate)
      }),
      { numRuns: runs(3_000, 20_000) }
    ))

  it("a field that holds undefined, or one inherited, is not read as a field", () => {
    const payload = {
      unitId: "cdcs-1",
      contentId: "nd-1",
      points: 1,
      kind: "self",
      assessorId: "cdcs-1",
      at: "2020-02-01"
    }
    const read = generateReader(schemaOf("ScoreAssessed").ast, "ScoreAssessed", interpret)!
    expect(read(payload)).toStrictEqual({ _tag: "ScoreAssessed", ...payload })
    expect(read({ ...payload, phaseId: undefined })).toBeUndefined()
    const { at, ...noDate } = payload
    expect(read(Object.assign(Object.create({ at }), noDate))).toBeUndefined()
    expect(Result.isFailure(Upcast.decode("ScoreAssessed", 1, Object.assign(Object.create({ at }), noDate)))).toBe(true)
  })
})

// Effect's number checks run as comparisons: each must answer as its check does, on any double.
describe("the number checks as comparisons", () => {
  const numbers = [
    Schema.Finite,
    Schema.Int,
    Schema.Number.check(Schema.isGreaterThanOrEqualTo(0)),
    Schema.Number.check(Schema.isGreaterThanOrEqualTo(-2.5)),
    Schema.Number.check(Schema.isBetween({ minimum: -10_000, maximum: 10_000 })),
    Schema.Number.check(Schema.isBetween({ minimum: 0, maximum: 1, exclusiveMinimum: true })),
    Schema.Number.check(Schema.isBetween({ minimum: 0, maximum: 1, exclusiveMaximum: true }))
  ]
  const doubles = fc.oneof(
    fc.double(),
    fc.integer({ min: -20_000, max: 20_000 }),
    fc.constantFrom(0, -0, 1, -1, -2.5, 10_000, -10_000, 2 ** 53, -(2 ** 53), Number.NaN, Infinity, -Infinity)
  )
  it.each(numbers.map((s, i) => [i, s] as const))("check %i", (_, schema) => {
    const ast = schema.ast
    const checks = checksOf(ast.checks, ast)
    const filters = (ast.checks ?? []).flatMap((c) => (c._tag === "FilterGroup" ? c.checks : [c])) as Array<
      SchemaAST.Filter<unknown>
    >
    expect(checks.length).toBe(filters.length)
    fc.assert(
      fc.property(doubles, (x) => {
        for (const [i, check] of checks.entries()) expect(check(x)).toBe(filters[i]!.run(x, ast, {}) === undefined)
        expect(compile(ast)!(x)).toBe(Schema.is(schema)(x))
      }),
      { numRuns: 2_000 }
    )
  })
})

describe("compiled command validators", () => {
  const commandSchema = (tag: string) =>
    (Command.schemas as unknown as Record<string, Schema.Top>)[tag]! as Schema.Codec<unknown>
  const mutated = fc.tuple(Arbitraries.domainCommand, fc.nat(), oddValue, fc.boolean()).map(([c, k, value, add]) => {
    const e = structuredClone(c) as Record<string, unknown>
    const keys = Object.keys(e).filter((x) => x !== "_tag")
    const key = keys[k % keys.length]!
    if (add) e[`extra${k}`] = value
    else e[key] = value
    return e
  })

  it("Command.decode answers as the full decoder does, on valid commands and near misses", () =>
    fc.assert(
      fc.property(fc.oneof(Arbitraries.domainCommand as fc.Arbitrary<Record<string, unknown>>, mutated), (c) => {
        const fast = Command.decode(c)
        const full = Schema.decodeUnknownResult(commandSchema(c._tag as string), { onExcessProperty: "error" })(c)
        expect(Result.isSuccess(fast)).toBe(Result.isSuccess(full))
        if (Result.isSuccess(fast) && Result.isSuccess(full)) expect(fast.success).toEqual(full.success)
      }),
      { numRuns: runs(5_000, 20_000) }
    ))
})

// Ids and dates carry a plain predicate ("thidua/holds") that the compiled validators run instead
// of the pattern: it must answer as the pattern (and the calendar check) do, on any string.
describe("the plain predicates of ids and dates", () => {
  const near = (alphabet: string, maxLength: number) =>
    fc.string({ unit: fc.constantFrom(...alphabet.split("")), maxLength })

  it("an id is valid for the compiled validator exactly when the schema says so", () => {
    const validate = compile(Ids.OrganizationId.ast)!
    fc.assert(
      fc.property(
        fc.oneof(
          near("aZ09-_.:/ é\u0000", 70),
          fc.string({ maxLength: 80 }),
          fc.string({ unit: "grapheme", maxLength: 66 })
        ),
        (s) => {
          expect(validate(s)).toBe(Schema.is(Ids.OrganizationId)(s))
        }
      ),
      { numRuns: 5_000 }
    )
  })

  it("a date is valid for the compiled validator exactly when the schema says so", () => {
    const validate = compile(LocalDate.LocalDate.ast)!
    const dates = fc
      .tuple(fc.integer({ min: 1800, max: 2299 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`)
    fc.assert(
      fc.property(fc.oneof(dates, near("0123456789-/ 2", 12), fc.string({ maxLength: 12 })), (s) => {
        expect(validate(s)).toBe(Schema.is(LocalDate.LocalDate)(s))
      }),
      { numRuns: 5_000 }
    )
  })
})

// Texts and arrays carry their limits and the storable check as plain predicates too ("thidua/holds",
// one per check and one for the group of a text's checks): each must answer as its check does.
describe("the plain predicates of texts and array limits", () => {
  const isWellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()
  const units = fc.constantFrom(
    "a",
    "đ",
    " ",
    "\n",
    "\u0000",
    "\ud800",
    "\udbff",
    "\udc00",
    "\udfff",
    "\ue000",
    "\uffff",
    "😀",
    "𠀀"
  )
  const around = (max: number) =>
    fc.tuple(fc.integer({ min: Math.max(0, max - 3), max: max + 3 }), units, fc.nat()).map(([n, c, at]) => {
      const s = "x".repeat(Math.max(0, n - c.length))
      const i = at % (s.length + 1)
      return s.slice(0, i) + c + s.slice(i)
    })
  const texts = [
    ["a name (Limits.nameLength)", Command.SchedulePhase.fields.name, Limits.nameLength],
    ["a free text (Limits.textLength)", Command.CancelCampaign.fields.reason, Limits.textLength]
  ] as const

  it.each(texts)("%s is valid for the compiled validator exactly when the schema says so", (_, schema, max) => {
    const validate = compile(schema.ast)!
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: units, maxLength: 12 }),
          fc.string({ unit: "binary", maxLength: 20 }),
          around(max),
          around(1)
        ),
        (s) => {
          const expected = s.length >= 1 && s.length <= max && isWellFormed(s) && !s.includes("\u0000")
          expect(Schema.is(schema)(s)).toBe(expected)
          expect(validate(s)).toBe(expected)
        }
      ),
      { numRuns: 5_000 }
    )
  })

  const passes = (c: SchemaAST.Check<unknown>, s: string, ast: SchemaAST.AST): boolean =>
    c._tag === "FilterGroup" ? c.checks.every((inner) => passes(inner, s, ast)) : c.run(s, ast, {}) === undefined

  it.each(texts)("each check of %s has a predicate that answers as the check does", (_, schema, max) => {
    const checks = (schema.ast.checks ?? []).flatMap((c) => (c._tag === "FilterGroup" ? [c, ...c.checks] : [c]))
    expect(checks.length).toBe(4)
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: units, maxLength: 12 }), around(max)), (s) => {
        for (const c of checks) {
          const holds = (c.annotations as { readonly "thidua/holds"?: (u: unknown) => boolean })["thidua/holds"]!
          expect(holds(s)).toBe(passes(c, s, schema.ast))
        }
      }),
      { numRuns: 3_000 }
    )
  })

  it.each([
    ["pledge signers (unique, Limits.pledgeSigners)", Command.SignPledge.fields.signerIds, Limits.pledgeSigners],
    ["cluster members (unique, Limits.clusterMembers)", Command.FormCluster.fields.memberIds, Limits.clusterMembers],
    ["titles offered (Limits.titlesOffered)", Command.PlanCampaign.fields.titlesOffered, Limits.titlesOffered]
  ] as const)(
    "an array of %s is valid for the compiled validator exactly when the schema says so",
    (_, schema, max) => {
      const validate = compile(schema.ast)!
      const item = schema === Command.PlanCampaign.fields.titlesOffered ? "lao-dong-tien-tien" : "cdcs"
      const arrays = fc
        .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: -2, max: 2 }), fc.boolean())
        .map(([small, offset, dupe]) => {
          const n = small % 2 === 0 ? small : max + offset
          const out = Array.from({ length: n }, (_, i) => (item === "cdcs" ? `cdcs-${i}` : item))
          if (dupe && out.length > 1) out[1] = out[0]!
          return out
        })
      fc.assert(
        fc.property(arrays, (a) => {
          expect(validate(a)).toBe(Schema.is(schema as Schema.Top)(a))
        }),
        { numRuns: 300 }
      )
    }
  )
})
