import { describe, expect, it } from "@effect/vitest"
import { Campaign, Decider, Directory, type Event, Rulebook } from "@thidua/core"
import { Arbitraries, History } from "@thidua/testing"
import { Equal, HashMap } from "effect"
import fc from "fast-check"
import { runs } from "../../../scripts/properties.js"

type State = Campaign.State

// What a state holds, read out: plain fields as they are, each map as its entries in iteration
// order (the order the guards meet them in), so two states compare field by field. (Comparing the
// maps' objects would compare their internal edit marks, which a fold in place sets.)
const readOut = (s: State) =>
  Object.fromEntries(
    Object.entries(s).map(([k, v]) => [k, HashMap.isHashMap(v) ? { entries: [...HashMap.entries(v)] } : v])
  )

const expectSame = (actual: State, expected: State) => {
  expect(readOut(actual)).toStrictEqual(readOut(expected))
  for (const [k, v] of Object.entries(expected))
    if (HashMap.isHashMap(v)) expect(Equal.equals(v, actual[k as keyof State]), k).toBe(true)
}

const oneByOne = (from: State, events: ReadonlyArray<Event.CampaignEvent>) => events.reduce(Campaign.evolve, from)

// Arbitrary campaign events whose ids come from a pool of three, so that they meet each other: a
// registration approved that is a covenant, an award revoked twice, a nomination published again.
const pooled = (value: unknown, key: string, n: number): unknown => {
  if (typeof value === "string") return /Id$/.test(key) ? `id-${n % 3}` : value
  if (Array.isArray(value)) return value.map((v, i) => pooled(v, /Ids$/.test(key) ? "xId" : key, n + i))
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pooled(v, k, n)]))
  return value
}
const meetingEvents = fc
  .array(fc.tuple(Arbitraries.campaignEvent, fc.nat()), { maxLength: 60 })
  .map((xs) => xs.map(([e, n]) => pooled(e, "", n) as Event.CampaignEvent))

describe("Campaign.evolveAll", () => {
  it("reaches the state evolve reaches one event at a time, on generated histories, from any point of them", () =>
    fc.assert(
      fc.property(
        fc.oneof(History.campaign({ valid: true, maxSteps: 150 }), History.campaign({ noise: 0.3, maxSteps: 120 })),
        fc.nat(),
        (h, cut) => {
          const events = h.events
          expectSame(Campaign.evolveAll(Campaign.initialState, events), h.final)
          // From a state folded elsewhere: that state is not changed by the fold.
          const at = cut % (events.length + 1)
          const from = oneByOne(Campaign.initialState, events.slice(0, at))
          const before = readOut(from)
          expectSame(Campaign.evolveAll(from, events.slice(at)), h.final)
          expect(readOut(from)).toStrictEqual(before)
          // What it returns is persistent again: changing it one event at a time leaves it be.
          const folded = Campaign.evolveAll(Campaign.initialState, events)
          const snapshot = readOut(folded)
          for (const e of events) Campaign.evolve(folded, e)
          expect(readOut(folded)).toStrictEqual(snapshot)
        }
      ),
      { numRuns: runs(150, 2_000) }
    ))

  it("reaches the state evolve reaches on arbitrary events that refer to each other", () =>
    fc.assert(
      fc.property(meetingEvents, meetingEvents, (first, then) => {
        const from = oneByOne(Campaign.initialState, first)
        const before = readOut(from)
        expectSame(Campaign.evolveAll(from, then), oneByOne(from, then))
        expect(readOut(from)).toStrictEqual(before)
        expectSame(Campaign.evolveAll(Campaign.initialState, [...first, ...then]), oneByOne(from, then))
      }),
      { numRuns: runs(1_000, 20_000) }
    ))

  it("returns the state it was given when no event changes anything", () => {
    const scored = Array.from(
      { length: 20 },
      (_, i) =>
        ({
          _tag: "ScoreAssessed",
          unitId: "cdcs-1",
          contentId: "nd-1",
          points: i,
          kind: "self",
          assessorId: "cdcs-1",
          at: "2020-02-01"
        }) as Event.CampaignEvent
    )
    expect(Campaign.evolveAll(Campaign.initialState, scored)).toBe(Campaign.initialState)
  })

  it("is what Decider.fold folds an array with", () => {
    const [h] = fc.sample(History.campaign({ valid: true, maxSteps: 150 }), { numRuns: 1, seed: 7 })
    const decider = Campaign.decider({ directory: Directory.initialState, rulebook: Rulebook.standard })
    expect(decider.evolveAll).toBe(Campaign.evolveAll)
    expectSame(Decider.fold(decider, [...h!.events]), h!.final)
    expectSame(Decider.fold(decider, new Set(h!.events)), h!.final)
  })
})
