/**
 * Folding decoded events into the Scoreboard, alone (no store, no decoding): a scoring log (nine
 * in ten events `ScoreAssessed`, as a running campaign mostly produces) and whole generated
 * lifecycles (every kind of event). And appends with the Scoreboard folded inline, in memory.
 */
import type { Event } from "@thidua/core"
import { Inline, Projection, Scoreboard } from "@thidua/projections"
import { EventStore, InMemoryStore, Position } from "@thidua/store"
import { History } from "@thidua/testing"
import { Effect, Layer, Stream } from "effect"
import fc from "fast-check"
import { CheckFailed } from "../../Workload.js"
import { solo, timed } from "./solo.js"

type Logged = { readonly event: Event.DomainEvent; readonly meta: Projection.Meta }

const SIZE = 2_000_000

const logOf = (streams: ReadonlyArray<ReadonlyArray<Event.DomainEvent>>): Array<Logged> => {
  const out: Array<Logged> = []
  for (let s = 0; out.length < SIZE; s++) {
    const events = streams[s % streams.length]!
    const streamId = `campaign:${s}`
    // Fresh copies, laid out in log order, as a rebuild's decoder hands them over.
    for (const [i, event] of events.entries())
      out.push({
        event: { ...event },
        meta: { tenantId: "bench", streamId, version: i + 1, position: String(out.length + 1) as never, recordedAt: 0 }
      })
  }
  return out
}

// Shaped as the campaign's decider makes them (fields in its order, no phaseId when there is none):
// objects of other hidden classes than a rebuild meets measured a quarter slower.
const scoringStream = (s: number): ReadonlyArray<Event.DomainEvent> =>
  Array.from({ length: 1_000 }, (_, i): Event.DomainEvent => {
    const unitId = `cdcs-${s}-${i % 40}`
    if (i < 40) return { _tag: "ParticipantEnrolled", unitId, sector: "enterprise", at: "2024-01-05" } as never
    if (i % 10 === 5)
      return {
        _tag: "InitiativeRecorded",
        at: "2024-03-01",
        initiativeId: `sk-${i}`,
        unitId,
        phaseId: "dot-1",
        kind: "initiative",
        title: "Cải tiến",
        benefitVnd: i * 1_000_000
      } as never
    return {
      _tag: "ScoreAssessed",
      unitId,
      ...(i % 2 === 0 ? { phaseId: "dot-1" } : {}),
      contentId: "nd-1",
      points: i % 13,
      kind: i % 3 === 0 ? "cross" : "self",
      assessorId: unitId,
      at: "2024-06-01"
    } as never
  })

const points = (log: ReadonlyArray<Logged>) => {
  let n = 0
  for (const { event } of log) if (event._tag === "ScoreAssessed") n += event.points
  return n
}

const folding = (log: () => ReadonlyArray<Logged>) => () => {
  const events = log()
  const expected = points(events)
  return async () => {
    const { value: states, ms } = await timed(() => Projection.fold(Scoreboard.projection, events))
    let total = 0
    for (const board of states.values())
      for (const s of Scoreboard.ranking(board)) total += s.tally.self + s.tally.cross
    if (total !== expected) throw new CheckFailed(`the boards total ${total} points, the log ${expected}`)
    return { units: events.length, ms }
  }
}

export const foldScoreboard = solo({
  id: "fold-scoreboard",
  title: "Scoreboard fold of a scoring log (2,000,000 decoded events, no store)",
  unit: "events",
  targets: [{ kind: "rate", label: "Scoreboard fold ≥ 10,000,000 events/s", min: 10_000_000 }],
  prepare: folding(() => logOf(Array.from({ length: 100 }, (_, s) => scoringStream(s))))
})

export const foldLifecycles = solo({
  id: "fold-lifecycles",
  title: "Scoreboard fold over whole generated campaign lifecycles (every kind of event, no store)",
  unit: "events",
  prepare: folding(() =>
    logOf(
      fc.sample(History.campaign({ valid: true, maxSteps: 150 }), { numRuns: 2_000, seed: 42 }).map((h) => h.events)
    )
  )
})

const INLINE = 100_000

export const inlineMemory = solo({
  id: "inline-memory",
  title: "Single-event appends with the Scoreboard folded inline (`Inline.layer`), in memory",
  unit: "events",
  prepare: () => {
    const score = (i: number) => ({
      eventId: `e-${i}`,
      type: "ScoreAssessed",
      data: {
        unitId: `cdcs-${i % 40}`,
        contentId: "nd-1",
        points: i % 13,
        kind: "self",
        assessorId: `cdcs-${i % 40}`,
        at: "2024-06-01"
      },
      schemaVersion: 1
    })
    const events = Array.from({ length: INLINE }, (_, i) => [score(i)])
    return async () => {
      const layer = Inline.layer([Scoreboard.projection]).pipe(Layer.provide(InMemoryStore.layer))
      const { value } = await timed(() =>
        Effect.runPromise(
          Effect.gen(function* () {
            const store = yield* EventStore.EventStore
            const t0 = performance.now()
            for (let i = 0; i < INLINE; i++) yield* store.append("bench", `campaign:${i % 100}`, "any", events[i]!)
            const ms = performance.now() - t0
            return { ms, written: yield* Stream.runCount(store.readAll(Position.start, { tenantId: "bench" })) }
          }).pipe(Effect.provide(layer))
        )
      )
      if (value.written !== INLINE) throw new CheckFailed(`appended ${INLINE} events, the log holds ${value.written}`)
      // The appends alone: the layer's making and the count after them are outside the figure.
      return { units: INLINE, ms: value.ms }
    }
  }
})
