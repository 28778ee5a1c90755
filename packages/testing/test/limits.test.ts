import { describe, expect, it } from "@effect/vitest"
import { Event, Limits, Upcast } from "@thidua/core"
import { Limits as StoreLimits } from "@thidua/store"
import { Result, Schema, type SchemaAST } from "effect"

// The limits of `@thidua/core` (text lengths, array sizes) are chosen so that the largest event any
// command can lead to still fits in one event of the store (`Limits.eventBytes` of `@thidua/store`).
// This builds, for every event type, the largest payload its schema accepts — every optional field
// present, every array at its limit, every text at its limit in characters JSON writes as six bytes
// (`\u0001`), every id at 64 characters — and measures it.

const maxItemsOf = (ast: SchemaAST.AST): number | undefined => {
  for (const c of ast.checks ?? []) {
    const representation = c.annotations?.representation as { readonly id?: string; readonly payload?: unknown }
    if (representation?.id === "effect/schema/isMaxLength")
      return (representation.payload as { readonly maxLength: number }).maxLength
  }
  return undefined
}

const accepts = (ast: SchemaAST.AST, u: unknown) => Schema.is(Schema.make<Schema.Top>(ast))(u)
const size = (u: unknown) => Buffer.byteLength(JSON.stringify(u), "utf8")
const largest = (candidates: ReadonlyArray<unknown>) =>
  candidates.reduce((a, b) => (size(b) > size(a) ? b : a), candidates[0])

// `salt` makes the ids of one array all different (pledge signers, cluster members are unique).
const biggest = (ast: SchemaAST.AST, salt: number): unknown => {
  switch (ast._tag) {
    case "Literal":
      return ast.literal
    case "Boolean":
      return false
    case "Number": {
      const fits = [-(2 ** 53 - 1), 2 ** 53 - 1, -9999.999999999998, 2199, 1].filter((n) => accepts(ast, n))
      return largest(fits)
    }
    case "String": {
      const id = `${salt}`.padStart(64, "a")
      const fits = [
        "\u0001".repeat(Limits.textLength),
        "\u0001".repeat(Limits.nameLength),
        id,
        "2199-12-31",
        "2199-12-31T23:59:59.999Z"
      ].filter((s) => accepts(ast, s))
      expect(fits.length, "a string no candidate fits").toBeGreaterThan(0)
      return fits[0]
    }
    case "Union":
      return largest(ast.types.map((t) => biggest(t, salt)).filter((v, i) => accepts(ast.types[i]!, v)))
    case "Objects":
      return Object.fromEntries(ast.propertySignatures.map((ps) => [ps.name, biggest(ps.type, salt)]))
    case "Arrays": {
      const n = maxItemsOf(ast)
      expect(n, "an array without a limit").toBeDefined()
      const item = ast.rest[0] ?? ast.elements[0]!
      return Array.from({ length: n! }, (_, i) => biggest(item, i))
    }
    default:
      throw new Error(`no largest value for ${ast._tag}`)
  }
}

describe("the limits of core keep every event within the store's limit of one event", () => {
  it.each(Object.keys(Event.schemas) as Array<Event.EventType>)("%s at its limits", (type) => {
    const { _tag, ...payload } = biggest((Event.schemas[type] as Schema.Top).ast, 0) as Record<string, unknown>
    // It is a valid event: the store would have to accept it.
    expect(Result.isSuccess(Upcast.decode(type, Event.versions[type], payload))).toBe(true)
    expect(size(payload)).toBeLessThanOrEqual(StoreLimits.eventBytes)
  })

  it("the largest events are the plans and the pledges, and they leave room", () => {
    const sizes = Object.fromEntries(
      (Object.keys(Event.schemas) as Array<Event.EventType>).map((type) => [
        type,
        size(biggest((Event.schemas[type] as Schema.Top).ast, 0))
      ])
    )
    expect(Math.max(...Object.values(sizes))).toBeLessThan(0.8 * StoreLimits.eventBytes)
    expect(sizes.CampaignPlanned).toBeGreaterThan(1_000_000)
    expect(sizes.PledgeSigned).toBeGreaterThan(1_000_000)
  })
})
