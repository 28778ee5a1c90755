/**
 * Writers racing on a PostgreSQL server over real parallel connections (8 writers × 500 appends),
 * on the same streams and on different streams, with a subscriber following the log throughout:
 * no event lost, duplicated or reordered; one winner per version; every loser a
 * WrongExpectedVersion; the subscriber sees every event exactly once, in log order.
 */
import { assert, describe, layer } from "@effect/vitest"
import { Conformance, EventStore, Position, type Recorded } from "@thidua/store"
import { Effect, Fiber, Result, Stream } from "effect"
import { runServerSuites, serverStore } from "./support.js"

const writers = 8
const appendsPerWriter = 500

/** Every writer at once, each making its appends one after another; the outcomes of all. */
const race = <A, E, R>(append: (writer: number, attempt: number) => Effect.Effect<A, E, R>) =>
  Effect.forEach(
    Array.from({ length: writers }, (_, w) => w),
    (w) =>
      Effect.forEach(
        Array.from({ length: appendsPerWriter }, (_, i) => i),
        (i) => append(w, i)
      ),
    { concurrency: "unbounded" }
  ).pipe(Effect.map((xs) => xs.flat()))

interface Outcome {
  readonly stream: string
  readonly expected: number
  readonly eventId: string
  readonly won: boolean
}

// Follows the tenant's log into an array until stopped.
const follow = (store: EventStore.Shape, tenant: string) =>
  Effect.gen(function* () {
    const seen: Array<Recorded.RecordedEvent> = []
    const fiber = yield* Effect.forkChild(
      Stream.runForEach(store.subscribe(Position.start, { tenantId: tenant, batchSize: 250 }), (e) =>
        Effect.sync(() => {
          seen.push(e)
        })
      )
    )
    // Stops once `count` events arrived and nothing more came for a while (a duplicate would).
    const stopAfter = (count: number) =>
      Effect.gen(function* () {
        const deadline = Date.now() + 30_000
        while (seen.length < count && Date.now() < deadline) yield* Effect.sleep("20 millis")
        yield* Effect.sleep("500 millis")
        yield* Fiber.interrupt(fiber)
        return seen
      })
    return stopAfter
  })

// The log as a subscriber saw it: exactly the winners, each once, in increasing positions, each
// stream in version order, and the same sequence readAll gives.
const checkLog = (
  store: EventStore.Shape,
  tenant: string,
  seen: ReadonlyArray<Recorded.RecordedEvent>,
  winners: ReadonlyArray<Outcome>
) =>
  Effect.gen(function* () {
    assert.strictEqual(seen.length, winners.length, "the subscriber saw each event once")
    assert.strictEqual(new Set(seen.map((e) => e.eventId)).size, seen.length, "no duplicates")
    const won = new Set(winners.map((w) => w.eventId))
    assert.ok(
      seen.every((e) => won.has(e.eventId)),
      "only events that were acknowledged"
    )
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]!.position > seen[i - 1]!.position, "log order")
    const lastVersion = new Map<string, number>()
    for (const e of seen) {
      assert.strictEqual(e.version, (lastVersion.get(e.streamId) ?? 0) + 1, `${e.streamId} in version order`)
      lastVersion.set(e.streamId, e.version)
    }
    const all = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant, batchSize: 333 }))
    assert.deepStrictEqual(
      all.map((e) => e.eventId),
      seen.map((e) => e.eventId),
      "readAll gives the same order"
    )
  })

describe.runIf(runServerSuites)("PostgresStore under concurrent writers", () => {
  layer(serverStore({ maxConnections: 12 }), { timeout: "120 seconds", excludeTestServices: true })("races", (it) => {
    it.effect(
      "8 writers × 500 appends on two shared streams: one winner per version, every loser a WrongExpectedVersion",
      () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const tenant = `race-same-${crypto.randomUUID()}`
          const streams = ["campaign:hot-1", "campaign:hot-2"]
          const stopAfter = yield* follow(store, tenant)
          const outcomes = yield* race((w, i) =>
            Effect.gen(function* () {
              const stream = streams[(w + i) % streams.length]!
              const expected = yield* store.streamVersion(tenant, stream)
              const eventId = crypto.randomUUID()
              const result = yield* Effect.result(
                store.append(tenant, stream, expected, [
                  { eventId, type: Conformance.foreignType, data: { writer: w, attempt: i }, schemaVersion: 1 }
                ])
              )
              if (Result.isFailure(result)) {
                const error = result.failure
                assert.strictEqual(error._tag, "WrongExpectedVersion", `loser failed with ${error._tag}`)
                if (error._tag === "WrongExpectedVersion") assert.ok(error.actual > expected)
                return { stream, expected, eventId, won: false } satisfies Outcome
              }
              assert.strictEqual(result.success.version, expected + 1)
              return { stream, expected, eventId, won: true } satisfies Outcome
            })
          )

          assert.strictEqual(outcomes.length, writers * appendsPerWriter)
          const winners = outcomes.filter((o) => o.won)
          const losers = outcomes.filter((o) => !o.won)
          assert.ok(losers.length > 0, "the writers did race")
          for (const stream of streams) {
            const won = winners.filter((o) => o.stream === stream).sort((a, b) => a.expected - b.expected)
            assert.deepStrictEqual(
              won.map((o) => o.expected + 1),
              won.map((_, i) => i + 1),
              `${stream}: exactly one winner for each version`
            )
            const stored = yield* store.readStream(tenant, stream)
            assert.deepStrictEqual(
              stored.map((e) => [e.version, e.eventId]),
              won.map((o) => [o.expected + 1, o.eventId]),
              `${stream}: stored as acknowledged`
            )
            assert.strictEqual(yield* store.streamVersion(tenant, stream), won.length)
          }
          yield* checkLog(store, tenant, yield* stopAfter(winners.length), winners)
        }),
      60_000
    )

    it.effect("8 concurrent re-sends of one batch append it once; the others get it back as duplicates", () =>
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const tenant = `resend-${crypto.randomUUID()}`
        for (const expected of ["any", "no-stream", "stream-exists"] as const) {
          const stream = `campaign:${expected}`
          if (expected === "stream-exists")
            yield* store.append(tenant, stream, "no-stream", [
              { eventId: crypto.randomUUID(), type: "CampaignLaunched", data: { at: "2020-01-02" }, schemaVersion: 1 }
            ])
          const batch = Array.from({ length: 3 }, (_, i) => ({
            eventId: crypto.randomUUID(),
            type: "PhaseOpened",
            data: { phaseId: `dot-${i + 1}`, at: "2020-01-02" },
            schemaVersion: 1
          }))
          const results = yield* Effect.forEach(
            Array.from({ length: writers }, () => batch),
            (events) => store.append(tenant, stream, expected, events),
            { concurrency: "unbounded" }
          )
          assert.strictEqual(results.filter((r) => !r.duplicate).length, 1, `${expected}: one append`)
          const first = results.find((r) => !r.duplicate)!
          for (const r of results) assert.deepStrictEqual(r.events, first.events)
          const stored = yield* store.readStream(tenant, stream)
          assert.deepStrictEqual(
            stored.slice(-3).map((e) => e.eventId),
            batch.map((e) => e.eventId)
          )
          assert.strictEqual(stored.length, expected === "stream-exists" ? 4 : 3)
        }
      })
    )

    it.effect(
      "8 writers × 500 appends on different streams: every append lands, the log holds each once",
      () =>
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const tenant = `race-apart-${crypto.randomUUID()}`
          const stopAfter = yield* follow(store, tenant)
          const outcomes = yield* race((w, i) =>
            Effect.gen(function* () {
              const stream = `campaign:writer-${w}`
              const eventId = crypto.randomUUID()
              const result = yield* store.append(tenant, stream, i, [
                { eventId, type: Conformance.foreignType, data: { writer: w, attempt: i }, schemaVersion: 1 }
              ])
              assert.strictEqual(result.version, i + 1)
              return { stream, expected: i, eventId, won: true } satisfies Outcome
            })
          )
          for (let w = 0; w < writers; w++) {
            const stored = yield* store.readStream(tenant, `campaign:writer-${w}`)
            assert.deepStrictEqual(
              stored.map((e) => e.data),
              Array.from({ length: appendsPerWriter }, (_, i) => ({ writer: w, attempt: i }))
            )
          }
          yield* checkLog(store, tenant, yield* stopAfter(outcomes.length), outcomes)
        }),
      60_000
    )
  })
})
