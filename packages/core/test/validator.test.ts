import { describe, expect, it } from "@effect/vitest"
import { Event, Upcast } from "@thidua/core"
import { Arbitraries } from "@thidua/testing"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { compile } from "../src/internal/validator.js"

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
          if (ik !== undefined) (inner as Record<string, unknown>)[ik] = value
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

  it("agree with Schema.is on near misses: a field replaced, removed, added, or changed inside", () =>
    fc.assert(
      fc.property(mutate, (e) => {
        const schema = schemaOf(e._tag as string)
        expect(compile(schema.ast)!(e)).toBe(Schema.is(schema as Schema.Codec<unknown>)(e))
      }),
      { numRuns: 20_000 }
    ))

  it("give Upcast.decode the same result as the full decoder, extra keys dropped", () =>
    fc.assert(
      fc.property(mutate, (e) => {
        const { _tag, ...data } = e as { _tag: string }
        const fast = Upcast.decode(_tag, Event.versions[_tag as Event.EventType], data)
        const full = Schema.decodeUnknownResult(schemaOf(_tag) as Schema.Codec<unknown>)({ ...data, _tag })
        expect(Result.isSuccess(fast)).toBe(Result.isSuccess(full))
        if (Result.isSuccess(fast) && Result.isSuccess(full)) expect(fast.success).toEqual(full.success)
      }),
      { numRuns: 5000 }
    ))
})
