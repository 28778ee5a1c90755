import { describe, expect, it } from "@effect/vitest"
import type { Event } from "@thidua/core"
import { History } from "@thidua/testing"
import fc from "fast-check"
import { Projection } from "../src/index.js"
import { byType } from "./support.js"

type Item = { readonly event: Event.DomainEvent; readonly meta: Projection.Meta }

/**
 * The events of several campaigns of two tenants, their streams interleaved in runs of random
 * length, repeated under fresh stream ids until the log is longer than a page of `fold` (4,096).
 */
const logs = fc
  .record({
    histories: fc.array(History.campaign({ valid: true, maxSteps: 60 }), { minLength: 1, maxLength: 4 }),
    runs: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
    tenants: fc.array(fc.constantFrom("hanoi", "hue"), { minLength: 1, maxLength: 4 })
  })
  .map(({ histories, runs, tenants }): ReadonlyArray<Item> => {
    const out: Array<Item> = []
    for (let copy = 0; out.length <= 10_000; copy++) {
      const cursors = histories.map(() => 0)
      const total = histories.reduce((n, h) => n + h.events.length, 0)
      if (total === 0) break
      for (let done = 0, turn = 0; done < total; turn++) {
        const s = turn % histories.length
        const events = histories[s]!.events
        const take = Math.min(runs[turn % runs.length]!, events.length - cursors[s]!)
        for (let k = 0; k < take; k++) {
          const version = ++cursors[s]!
          const meta = {
            tenantId: tenants[s % tenants.length]!,
            streamId: `campaign:${copy}-${s}`,
            version,
            position: String(out.length + 1) as never,
            recordedAt: 0
          }
          out.push({ event: events[version - 1]!, meta })
        }
        done += take
      }
    }
    return out
  })

const naive = (log: ReadonlyArray<Item>): Map<string, Map<string, number>> => {
  const out = new Map<string, Map<string, number>>()
  for (const { event, meta } of log) {
    const key = `${meta.tenantId}/${meta.streamId}`
    const counts = out.get(key) ?? new Map<string, number>()
    counts.set(event._tag, (counts.get(event._tag) ?? 0) + 1)
    out.set(key, counts)
  }
  return out
}

const counts = (states: Map<string, { byType: Map<string, number> }>) =>
  new Map([...states].map(([key, s]) => [key, s.byType]))

function* oneByOne(log: ReadonlyArray<Item>): Generator<Item> {
  yield* log
}

describe("Projection.fold", () => {
  it("folds an array and the same events read one by one (in pages) alike, as a naive count does", () =>
    fc.assert(
      fc.property(logs, (log) => {
        const expected = naive(log)
        expect(counts(Projection.fold(byType("by-type"), log))).toEqual(expected)
        expect(counts(Projection.fold(byType("by-type"), oneByOne(log)))).toEqual(expected)
      }),
      { numRuns: 30 }
    ))

  it("goes on from the states it is given: two halves fold as the whole", () =>
    fc.assert(
      fc.property(logs, fc.double({ min: 0, max: 1, noNaN: true }), (log, cut) => {
        const at = Math.floor(log.length * cut)
        const halves = Projection.fold(
          byType("by-type"),
          oneByOne(log.slice(at)),
          Projection.fold(byType("by-type"), log.slice(0, at))
        )
        expect(counts(halves)).toEqual(naive(log))
      }),
      { numRuns: 30 }
    ))
})
