/**
 * The races of the "guarantees" issue, written once for every store: eight appends with one
 * command id (item 1: they were all stored), one command id raced on eight streams of a tenant
 * (item 2), and a DVU-style verifier (PERF-RELIABILITY T2) that keeps its own ledger of every
 * acknowledged append and checks the log against it at the end.
 *
 * Nothing here asks the store under test what to expect: the expectations come from what the
 * writers sent and from the acknowledgements they received. Randomness comes from one seed
 * (`THIDUA_RACE_SEED` to replay), printed when a test fails.
 */
import { assert } from "@effect/vitest"
import { Command, type Event } from "@thidua/core"
import {
  CommandHandler,
  Conformance,
  EventStore,
  Position,
  Principal,
  type Recorded,
  type StoreError
} from "@thidua/store"
import { Seeds } from "@thidua/testing"
import { Effect, Exit, Fiber, Result, Stream } from "effect"
import { SqlClient } from "effect/sql"

// ---------------------------------------------------------------------------------------------
// Seeds and JSON

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export const random = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The seed of a run: `THIDUA_RACE_SEED` when set, else a fresh one (printed if the test fails). */
export const seedOfRun = (): number => {
  const env = process.env.THIDUA_RACE_SEED
  return env !== undefined && env !== "" ? Number(env) >>> 0 : Math.floor(Math.random() * 2 ** 31)
}

/** Prints the seed when the effect fails, so that the run can be replayed. */
export const printSeedOnFailure =
  (name: string, seed: number) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.onError(self, () =>
      Effect.sync(() => console.error(`${name} failed with seed ${seed}: replay with THIDUA_RACE_SEED=${seed}`))
    )

/** JSON with object keys sorted at every level: jsonb keeps keys in an order of its own. */
export const canonical = (value: unknown): string => {
  if (typeof value !== "object" || value === null) return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    .join(",")}}`
}

const pick = <A>(r: () => number, xs: ReadonlyArray<A>): A => xs[Math.floor(r() * xs.length)]!
const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))

// Text and numbers at the edges of what JSON and jsonb carry faithfully.
const texts = [
  "Thi đua yêu nước",
  "Thi đua yêu nước".normalize("NFD"),
  "Mừng Đảng quang vinh – Mừng sinh nhật Bác",
  "👩🏽‍🔧🇻🇳🏆",
  '"\\\n\t\u0001\u001f\u007f\u2028\u2029',
  "",
  " ",
  "Đ".repeat(300)
]
const numbers = [0, 1, -1, 0.1 + 0.2, -12.5, 1e-7, 1e21, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 5e-324]

/** A payload that says who wrote it (writer, sequence, index in its batch), with edge values around. */
export const payload = (r: () => number, w: number, s: number, i: number, extra: Record<string, unknown> = {}) => {
  const data: Record<string, unknown> = {
    w,
    s,
    i,
    text: pick(r, texts),
    n: pick(r, numbers),
    flags: [r() < 0.5, null, pick(r, numbers)],
    nested: { Đ: { "a b": [pick(r, texts), { "": between(r, 0, 9) }] } },
    ...extra
  }
  // An own key named like the prototype: JSON carries it as a plain key.
  if (r() < 0.1) Object.defineProperty(data, "__proto__", { value: { x: s }, enumerable: true, writable: true })
  return data
}

const foreign = Conformance.foreignType

// ---------------------------------------------------------------------------------------------
// Item 1 and item 2: one command id, eight appends

/** How many appends race in each round. */
export const contenders = 8

/** The expected version the contenders of a round send. */
export type RaceMode = "any" | "stream-exists" | "exact" | "no-stream" | "mixed"

/** What one contender sent and got back. */
export interface Contender {
  readonly sent: ReadonlyArray<Recorded.NewEvent>
  readonly expected: Recorded.ExpectedVersion
  readonly outcome: Result.Result<Recorded.AppendResult, EventStore.AppendError>
}

/** One round: the stream, its version before (by the test's own count), and every contender. */
export interface Round {
  readonly stream: string
  readonly before: number
  readonly contenders: ReadonlyArray<Contender>
  /** The appends of the round's command id found in the stream afterwards (events / batch size). */
  readonly storedAppends: number
  readonly after: ReadonlyArray<Recorded.RecordedEvent>
}

// The same two events for every contender of a round (one foreign, one domain), with fresh ids.
const batchOf = (round: number, mode: string, k: number): ReadonlyArray<Recorded.NewEvent> => [
  { eventId: `r${round}-${mode}-${k}-0`, type: foreign, data: { round, mode, part: 0 }, schemaVersion: 1 },
  {
    eventId: `r${round}-${mode}-${k}-1`,
    type: "PhaseOpened",
    data: { phaseId: `dot-${round}`, at: "2020-01-02" },
    schemaVersion: 1
  }
]

/** Events per append in the races. */
export const batchSize = 2

const expectedFor = (mode: RaceMode, before: number, k: number): Recorded.ExpectedVersion =>
  mode === "mixed" ? (["any", "stream-exists", before, "any"] as const)[k % 4]! : mode === "exact" ? before : mode

/**
 * Eight appends with one command id at once on one stream; `before` is the stream's version as
 * the test counted it. Returns what each got and what the stream holds afterwards.
 */
export const sameStreamRound = (
  store: EventStore.Shape,
  tenant: string,
  stream: string,
  before: number,
  round: number,
  mode: RaceMode
): Effect.Effect<Round, StoreError.StoreUnavailable> =>
  Effect.gen(function* () {
    const commandId = `cmd-${mode}-${round}`
    const sent = Array.from({ length: contenders }, (_, k) => ({
      sent: batchOf(round, mode, k),
      expected: expectedFor(mode, before, k)
    }))
    const outcomes = yield* Effect.forEach(
      sent,
      (c) => Effect.result(store.append(tenant, stream, c.expected, c.sent, { commandId })),
      { concurrency: "unbounded" }
    )
    const after = yield* store.readStream(tenant, stream)
    return {
      stream,
      before,
      contenders: sent.map((c, k) => ({ ...c, outcome: outcomes[k]! })),
      storedAppends: after.filter((e) => e.commandId === commandId).length / batchSize,
      after
    }
  })

/**
 * Item 1's contract for a round: exactly one append is stored (the stream grew by one batch, the
 * winner's, at the versions after `before`); every other contender got `duplicate: true` with the
 * winner's events. Contenders that expect the version the stream was at can lose only to the
 * winner, and learn it only once the winner committed; idempotency comes first, so a
 * WrongExpectedVersion would tell a caller that someone else wrote when its own command did.
 */
export const assertOneStored = (round: Round, label: string) => {
  const at = `${label} (${round.stream}, from version ${round.before})`
  const failures = round.contenders.filter((c) => Result.isFailure(c.outcome))
  assert.deepStrictEqual(
    failures.map((c) => (Result.isFailure(c.outcome) ? `${c.outcome.failure._tag}: ${c.outcome.failure.message}` : "")),
    [],
    `${at}: every contender gets an answer`
  )
  const results = round.contenders.map((c) => (c.outcome as Result.Success<Recorded.AppendResult, never>).success)
  const winners = round.contenders.filter((_, k) => !results[k]!.duplicate)
  assert.strictEqual(winners.length, 1, `${at}: ${winners.length} appends were not duplicates`)
  assert.strictEqual(round.storedAppends, 1, `${at}: ${round.storedAppends} appends stored`)
  const winner = winners[0]!
  const won = results[round.contenders.indexOf(winner)]!
  assert.deepStrictEqual(
    won.events.map((e) => [e.eventId, e.version, e.type, canonical(e.data)]),
    winner.sent.map((e, i) => [e.eventId, round.before + i + 1, e.type, canonical(e.data)]),
    `${at}: the winner's events at the next versions`
  )
  assert.strictEqual(won.version, round.before + batchSize)
  for (const r of results)
    if (r.duplicate) {
      assert.deepStrictEqual(r.events, won.events, `${at}: a duplicate gets the winner's events`)
      assert.strictEqual(r.version, round.before + batchSize, `${at}: a duplicate gets the stream's version`)
    }
  assert.strictEqual(round.after.length, round.before + batchSize, `${at}: the stream grew by one append`)
  assert.deepStrictEqual(
    round.after.slice(round.before).map((e) => [e.eventId, e.version, e.position]),
    won.events.map((e) => [e.eventId, e.version, e.position]),
    `${at}: the stream holds the acknowledged events`
  )
}

/** One command id raced on eight streams of a tenant; `existing` streams hold an event already. */
export const crossStreamRound = (store: EventStore.Shape, tenant: string, round: number, existing: boolean) =>
  Effect.gen(function* () {
    const commandId = `cmd-cross-${round}`
    const streams = Array.from({ length: contenders }, (_, k) => `cross-${round}-${k}`)
    if (existing)
      yield* Effect.forEach(streams, (s, k) =>
        store.append(tenant, s, "no-stream", [
          { eventId: `seed-${round}-${k}`, type: foreign, data: { seed: k }, schemaVersion: 1 }
        ])
      )
    const before = existing ? 1 : 0
    const sent = streams.map((stream, k) => ({ stream, events: batchOf(round, "cross", k) }))
    const outcomes = yield* Effect.forEach(
      sent,
      (c) => Effect.result(store.append(tenant, c.stream, existing ? "stream-exists" : "any", c.events, { commandId })),
      { concurrency: "unbounded" }
    )
    const after = yield* Effect.forEach(streams, (s) => store.readStream(tenant, s))
    return { commandId, before, sent, outcomes, after }
  })

/** Item 2's contract: one stream gets the command; each other gets an IdempotencyConflict naming it. */
export const assertOneStream = (round: Effect.Success<ReturnType<typeof crossStreamRound>>, label: string) => {
  const won = round.outcomes.flatMap((o, k) => (Result.isSuccess(o) ? [k] : []))
  assert.strictEqual(won.length, 1, `${label}: ${won.length} streams took ${round.commandId}`)
  const w = won[0]!
  const winner = round.outcomes[w] as Result.Success<Recorded.AppendResult, never>
  assert.strictEqual(winner.success.duplicate, false)
  assert.deepStrictEqual(
    winner.success.events.map((e) => [e.eventId, e.version]),
    round.sent[w]!.events.map((e, i) => [e.eventId, round.before + i + 1])
  )
  round.outcomes.forEach((o, k) => {
    const stored = round.after[k]!.map((e) => e.eventId)
    if (k === w) {
      assert.deepStrictEqual(
        stored.slice(round.before),
        round.sent[k]!.events.map((e) => e.eventId)
      )
      return
    }
    assert.ok(Result.isFailure(o), `${label}: stream ${k} took it too`)
    const error = o.failure
    assert.strictEqual(error._tag, "IdempotencyConflict", `${label}: ${error._tag}: ${error.message}`)
    if (error._tag === "IdempotencyConflict") {
      assert.strictEqual(error.first?.streamId, round.sent[w]!.stream, `${label}: names the stream that has it`)
      assert.strictEqual(error.streamId, round.sent[k]!.stream)
      assert.match(error.key, new RegExp(round.commandId))
      assert.ok(error instanceof Error && error.messages.vi.length > 0)
    }
    assert.strictEqual(stored.length, round.before, `${label}: stream ${k} got nothing`)
  })
}

/**
 * Item 1 as a test body: `rounds` rounds of eight appends with one command id, on one stream per
 * mode ("any", "stream-exists", an exact version, a mix), and "no-stream" on a new stream each
 * round. Returns how many appends each round stored, by mode.
 */
export const raceCommandIds = (rounds: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const tenant = `race-command-${crypto.randomUUID()}`
    const modes: ReadonlyArray<RaceMode> = ["any", "stream-exists", "exact", "mixed"]
    // One stream per mode, its version counted by the test.
    const versions = new Map<RaceMode, number>()
    for (const m of modes) {
      yield* store.append(tenant, `hot-${m}`, "no-stream", [
        { eventId: `first-${m}`, type: "PhaseOpened", data: { phaseId: "dot-0", at: "2020-01-02" }, schemaVersion: 1 }
      ])
      versions.set(m, 1)
    }
    for (let round = 1; round <= rounds; round++) {
      for (const mode of modes) {
        const before = versions.get(mode)!
        assertOneStored(
          yield* sameStreamRound(store, tenant, `hot-${mode}`, before, round, mode),
          `round ${round}, ${mode}`
        )
        versions.set(mode, before + batchSize)
      }
      assertOneStored(
        yield* sameStreamRound(store, tenant, `fresh-${round}`, 0, round, "no-stream"),
        `round ${round}, no-stream`
      )
    }
  })

/** Item 2 as a test body: `rounds` rounds of one command id on eight streams, new and existing. */
export const raceCommandAcrossStreams = (rounds: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const tenant = `race-streams-${crypto.randomUUID()}`
    for (let round = 1; round <= rounds; round++) {
      const existing = round % 2 === 0
      assertOneStream(
        yield* crossStreamRound(store, tenant, round, existing),
        `round ${round} (${existing ? "existing streams, stream-exists" : "new streams, any"})`
      )
    }
    // The same ids are free in another tenant.
    assertOneStream(yield* crossStreamRound(store, `${tenant}-other`, 1, false), "another tenant")
  })

// ---------------------------------------------------------------------------------------------
// The verifier (DVU, PERF-RELIABILITY T2)

/** How big a verification run is. */
export interface VerifierConfig {
  readonly seed: number
  readonly writers: number
  readonly appendsPerWriter: number
  readonly streamsPerTenant: number
  /** Prefix of the run's two tenants (unique per run). */
  readonly run: string
}

type Mode = "exact" | "any" | "stream-exists" | "no-stream"

/** An acknowledged append, as the writer sent it and as the store acknowledged it. */
export interface Ack {
  readonly tenant: string
  readonly stream: string
  readonly commandId: string | undefined
  readonly digest: string | undefined
  readonly sent: ReadonlyArray<Recorded.NewEvent>
  readonly recorded: ReadonlyArray<Recorded.RecordedEvent>
  readonly label: string
}

/** What a verification run saw, for the checks and the report. */
export interface Verified {
  readonly tenants: ReadonlyArray<string>
  readonly acks: ReadonlyArray<Ack>
  readonly problems: ReadonlyArray<string>
  readonly counts: Readonly<Record<string, number>>
  /** Per tenant, the log as `readAll` gives it at the end, and as the subscriber saw it. */
  readonly logs: ReadonlyMap<string, ReadonlyArray<Recorded.RecordedEvent>>
  readonly subscribed: ReadonlyMap<string, ReadonlyArray<Recorded.RecordedEvent>>
}

const key = (...parts: ReadonlyArray<string>) => parts.join("\u0000")

const sameEvent = (a: Recorded.RecordedEvent, b: Recorded.RecordedEvent) =>
  a.eventId === b.eventId &&
  a.version === b.version &&
  a.position === b.position &&
  a.type === b.type &&
  a.streamId === b.streamId &&
  a.tenantId === b.tenantId &&
  a.commandId === b.commandId &&
  canonical(a.data) === canonical(b.data)

const show = (e: Recorded.RecordedEvent) => `${e.streamId}@${e.version} ${e.eventId} ${e.position}`

/**
 * Runs `writers` writers of `appendsPerWriter` appends each over a few hot streams of two
 * tenants, with a subscriber per tenant following the log, and keeps a ledger of every
 * acknowledgement. Outcomes that contradict the ledger are collected as problems; the end state
 * is checked by {@link checkVerified}.
 */
export const verify = (config: VerifierConfig): Effect.Effect<Verified, unknown, EventStore.EventStore> =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const tenants = [`${config.run}-a`, `${config.run}-b`]
    const streams = Array.from({ length: config.streamsPerTenant }, (_, k) => `dvu:hot-${k}`)
    const problems: Array<string> = []
    const problem = (text: string) => {
      if (problems.length < 50) problems.push(text)
    }
    const counts: Record<string, number> = {}
    const count = (name: string) => {
      counts[name] = (counts[name] ?? 0) + 1
    }

    const acks: Array<Ack> = []
    const byCommand = new Map<string, Ack>() // tenant, command id
    const stored = new Set<string>() // tenant, stream, event id of every acknowledged event
    const reserved = new Set<string>() // command and event keys of appends in flight that may take them
    const highest = new Map<string, number>() // tenant, stream: the highest version acknowledged

    const acknowledge = (ack: Ack) => {
      acks.push(ack)
      if (ack.commandId !== undefined) byCommand.set(key(ack.tenant, ack.commandId), ack)
      for (const e of ack.sent) stored.add(key(ack.tenant, ack.stream, e.eventId))
      const top = ack.recorded.at(-1)?.version ?? 0
      const k = key(ack.tenant, ack.stream)
      if (top > (highest.get(k) ?? 0)) highest.set(k, top)
    }

    // The subscribers start before the first write and follow the log throughout.
    const subscribed = new Map<string, Array<Recorded.RecordedEvent>>()
    const followers = yield* Effect.forEach(tenants, (tenant) => {
      const seen: Array<Recorded.RecordedEvent> = []
      subscribed.set(tenant, seen)
      return Effect.forkChild(
        Stream.runForEach(store.subscribe(Position.start, { tenantId: tenant, batchSize: 64 }), (e) =>
          Effect.sync(() => {
            seen.push(e)
          })
        )
      )
    })

    const writer = (w: number) =>
      Effect.gen(function* () {
        const r = random((config.seed + Math.imul(w + 1, 0x9e3779b9)) >>> 0)
        const known = new Map<string, number>() // this writer's last known version of each stream
        const unused: Array<{ readonly tenant: string; readonly commandId: string }> = [] // ids of refused appends

        // A new append (or a refused command id tried again): the ack is checked against what was
        // sent and the versions this writer may assume; a refusal against the expected version.
        // A twin sends the same command twice at once (a client that re-sends before the first
        // answer): one is stored and the other is its duplicate, or both are refused.
        const fresh = (
          label: string,
          tenant: string,
          stream: string,
          mode: Mode,
          events: ReadonlyArray<Recorded.NewEvent>,
          commandId: string | undefined,
          digest: string | undefined,
          twin = false
        ) =>
          Effect.gen(function* () {
            const sk = key(tenant, stream)
            const floor = highest.get(sk) ?? 0
            const expected: Recorded.ExpectedVersion = mode === "exact" ? (known.get(sk) ?? 0) : mode
            const metadata = {
              ...(commandId === undefined ? {} : { commandId }),
              ...(digest === undefined ? {} : { commandDigest: digest }),
              ...(r() < 0.3 ? { actor: { organizationId: `org-${w}` as never, role: "officer" as const } } : {})
            }
            const at = `${label} ${tenant}/${stream} expected ${expected} (${config.seed})`
            const sent = twin ? [events, events.map((e) => ({ ...e, eventId: `${e.eventId}-twin` }))] : [events]
            const outcomes = yield* Effect.forEach(
              sent,
              (batch) => Effect.result(store.append(tenant, stream, expected, batch, metadata)),
              { concurrency: "unbounded" }
            )
            const refused = outcomes.flatMap((o) => (Result.isFailure(o) ? [o.failure] : []))
            if (refused.length === outcomes.length) {
              for (const error of refused) {
                if (error._tag !== "WrongExpectedVersion") {
                  problem(`${at}: failed with ${error._tag}: ${error.message}`)
                  return
                }
                count(`${label}: WrongExpectedVersion (${mode})`)
                if (mode === "any") problem(`${at}: "any" refused`)
                if (mode === "stream-exists" && floor > 0) problem(`${at}: refused on an existing stream`)
                if (typeof expected === "number" && error.actual <= expected)
                  problem(`${at}: refused, yet actual ${error.actual} is not past the expected version`)
                if (error.actual < floor) problem(`${at}: actual ${error.actual} below the acknowledged ${floor}`)
                if (error.expected !== expected || error.streamId !== stream || error.tenantId !== tenant)
                  problem(`${at}: the refusal names ${error.tenantId}/${error.streamId} ${error.expected}`)
                known.set(sk, Math.max(known.get(sk) ?? 0, error.actual))
              }
              if (commandId !== undefined) unused.push({ tenant, commandId })
              return
            }
            // A twin refused while the other is stored: only where the refusal can come first, a
            // stream not known to exist yet, with "stream-exists" (the stream was created between).
            if (refused.length > 0 && !(mode === "stream-exists" && floor === 0)) {
              problem(`${at}: one twin stored, the other refused: ${refused.map((e) => `${e._tag}: ${e.message}`)}`)
              return
            }
            for (const error of refused)
              if (error._tag !== "WrongExpectedVersion") problem(`${at}: failed with ${error._tag}: ${error.message}`)
            const answered = outcomes.flatMap((o, k) => (Result.isSuccess(o) ? [k] : []))
            const results = answered.map((k) => (outcomes[k] as Result.Success<Recorded.AppendResult, never>).success)
            const winners = results.flatMap((x, k) => (x.duplicate ? [] : [k]))
            if (winners.length !== 1) {
              problem(`${at}: ${winners.length} of ${results.length} stored`)
              return
            }
            const k = winners[0]!
            const result = results[k]!
            const batch = sent[answered[k]!]!
            count(`${label}: appended (${mode})`)
            const rec = result.events
            if (rec.length !== batch.length) problem(`${at}: ${rec.length} events acknowledged of ${batch.length}`)
            const first = rec[0]?.version ?? 0
            if (first <= floor) problem(`${at}: version ${first} at or below the acknowledged ${floor}`)
            if (mode === "no-stream" && first !== 1) problem(`${at}: no-stream appended at version ${first}`)
            if (mode === "stream-exists" && first === 1) problem(`${at}: stream-exists created the stream`)
            if (typeof expected === "number" && first !== expected + 1)
              problem(`${at}: appended at version ${first}, expected ${expected + 1}`)
            if (result.version !== rec.at(-1)?.version)
              problem(`${at}: version ${result.version} is not the last event's`)
            rec.forEach((e, i) => {
              const s = batch[i]
              if (
                s === undefined ||
                e.eventId !== s.eventId ||
                e.type !== s.type ||
                e.schemaVersion !== s.schemaVersion ||
                canonical(e.data) !== canonical(s.data) ||
                e.tenantId !== tenant ||
                e.streamId !== stream ||
                e.commandId !== commandId ||
                e.version !== first + i ||
                (i > 0 && !(e.position > rec[i - 1]!.position)) ||
                (metadata.actor !== undefined && canonical(e.actor) !== canonical(metadata.actor))
              )
                problem(`${at}: acknowledged event ${i} is not what was sent: ${show(e)}`)
            })
            results.forEach((x, j) => {
              if (j !== k && !(x.events.length === rec.length && x.events.every((e, i) => sameEvent(e, rec[i]!))))
                problem(`${at}: the twin's duplicate is not the stored append: ${x.events.map(show).join(", ")}`)
            })
            known.set(sk, Math.max(known.get(sk) ?? 0, result.version))
            acknowledge({ tenant, stream, commandId, digest, sent: batch, recorded: rec, label })
          })

        // A re-send that must come back as a duplicate with the ledger's events.
        const duplicate = (
          label: string,
          tenant: string,
          stream: string,
          events: ReadonlyArray<Recorded.NewEvent>,
          metadata: Recorded.AppendMetadata,
          expect: ReadonlyArray<Recorded.RecordedEvent>
        ) =>
          Effect.gen(function* () {
            const sk = key(tenant, stream)
            const floor = highest.get(sk) ?? 0
            const mode = pick(r, ["exact", "any", "stream-exists", "no-stream"] as const)
            const expected: Recorded.ExpectedVersion = mode === "exact" ? (known.get(sk) ?? 0) : mode
            const outcome = yield* Effect.result(store.append(tenant, stream, expected, events, metadata))
            const at = `${label} ${tenant}/${stream} expected ${expected} (${config.seed})`
            count(`${label}`)
            if (Result.isFailure(outcome)) {
              problem(`${at}: must be a duplicate, failed with ${outcome.failure._tag}: ${outcome.failure.message}`)
              return
            }
            const result = outcome.success
            if (!result.duplicate) problem(`${at}: must be a duplicate, appended ${result.events.map(show).join(", ")}`)
            if (result.events.length !== expect.length || !result.events.every((e, i) => sameEvent(e, expect[i]!)))
              problem(
                `${at}: returned ${result.events.map(show).join(", ")}, the ledger has ${expect.map(show).join(", ")}`
              )
            if (result.version < floor) problem(`${at}: version ${result.version} below the acknowledged ${floor}`)
          })

        // A re-send that must be refused as an IdempotencyConflict.
        const conflict = (
          label: string,
          tenant: string,
          stream: string,
          events: ReadonlyArray<Recorded.NewEvent>,
          metadata: Recorded.AppendMetadata,
          firstStream: string | undefined
        ) =>
          Effect.gen(function* () {
            const sk = key(tenant, stream)
            const mode = pick(r, ["exact", "any", "stream-exists", "no-stream"] as const)
            const expected: Recorded.ExpectedVersion = mode === "exact" ? (known.get(sk) ?? 0) : mode
            const outcome = yield* Effect.result(store.append(tenant, stream, expected, events, metadata))
            const at = `${label} ${tenant}/${stream} expected ${expected} (${config.seed})`
            count(label)
            if (Result.isSuccess(outcome)) {
              problem(`${at}: must be an IdempotencyConflict, got ${outcome.success.events.map(show).join(", ")}`)
              return
            }
            const error = outcome.failure
            if (error._tag !== "IdempotencyConflict") {
              problem(`${at}: must be an IdempotencyConflict, failed with ${error._tag}: ${error.message}`)
              return
            }
            if (error.streamId !== stream || error.tenantId !== tenant) problem(`${at}: names ${error.streamId}`)
            if (firstStream !== undefined && error.first?.streamId !== firstStream)
              problem(`${at}: names the first use on ${error.first?.streamId}, not ${firstStream}`)
          })

        const withCommand = () => acks.filter((a) => a.commandId !== undefined)

        for (let s = 0; s < config.appendsPerWriter; s++) {
          const t = between(r, 0, tenants.length - 1)
          const tenant = tenants[t]!
          const stream = pick(r, streams)
          const size = between(r, 1, 5)
          const newEvents = (extra: Record<string, unknown> = {}) =>
            Array.from(
              { length: size },
              (_, i): Recorded.NewEvent => ({
                eventId: `e-w${w}-s${s}-${i}`,
                type: foreign,
                data: payload(r, w, s, i, extra),
                schemaVersion: 1
              })
            )
          const mode = (): Mode =>
            ((x) => (x < 0.35 ? "exact" : x < 0.65 ? "any" : x < 0.85 ? "stream-exists" : "no-stream"))(r())
          const renamed = (ack: Ack, tag: string) =>
            ack.sent.map((e, i) => ({ ...e, eventId: `${tag}-w${w}-s${s}-${i}` }))
          const roll = r()
          const commanded = withCommand()

          if (roll < 0.08 && commanded.length > 0) {
            // The same command again, with fresh event ids (a re-decided command), in any mode.
            const ack = pick(r, commanded)
            const metadata =
              ack.digest !== undefined && r() < 0.7
                ? { commandId: ack.commandId!, commandDigest: ack.digest }
                : { commandId: ack.commandId! }
            yield* duplicate("command re-sent", ack.tenant, ack.stream, renamed(ack, "again"), metadata, ack.recorded)
          } else if (roll < 0.13 && commanded.length > 0) {
            // The same command id with other content.
            const ack = pick(r, commanded)
            const changed = ack.sent.map((e, i) => ({
              ...e,
              eventId: `other-w${w}-s${s}-${i}`,
              data: { ...e.data, changed: true }
            }))
            const digest = ack.digest === undefined || r() < 0.5 ? undefined : `${ack.digest}-other`
            yield* conflict(
              "command id with other content",
              ack.tenant,
              ack.stream,
              changed,
              digest === undefined
                ? { commandId: ack.commandId! }
                : { commandId: ack.commandId!, commandDigest: digest },
              ack.stream
            )
          } else if (roll < 0.17 && commanded.length > 0) {
            // The same command on another stream of its tenant.
            const ack = pick(r, commanded)
            const other = pick(
              r,
              streams.filter((x) => x !== ack.stream)
            )
            yield* conflict(
              "command id on another stream",
              ack.tenant,
              other,
              renamed(ack, "moved"),
              ack.digest === undefined
                ? { commandId: ack.commandId! }
                : { commandId: ack.commandId!, commandDigest: ack.digest },
              ack.stream
            )
          } else if (roll < 0.2 && commanded.length > 0) {
            // A command id of one tenant is free in the other: a new append there.
            const ack = pick(r, commanded)
            const other = tenants[1 - tenants.indexOf(ack.tenant)]!
            const k = key(other, ack.commandId!)
            if (byCommand.has(k) || reserved.has(k)) {
              count("command id of the other tenant: skipped")
              continue
            }
            reserved.add(k)
            yield* fresh("command id of the other tenant", other, stream, "any", newEvents(), ack.commandId, undefined)
            reserved.delete(k)
          } else if (roll < 0.23 && unused.length > 0) {
            // A command id whose append was refused was not used up.
            const { tenant: ut, commandId } = unused.splice(between(r, 0, unused.length - 1), 1)[0]!
            yield* fresh("refused command id tried again", ut, stream, "any", newEvents(), commandId, undefined)
          } else if (roll < 0.28 && acks.length > 0) {
            // The same events again (all of a batch, or one of it), without a command id.
            const ack = pick(r, acks)
            const j = between(r, 0, ack.sent.length - 1)
            const whole = r() < 0.5
            yield* duplicate(
              whole ? "events re-sent" : "one event re-sent",
              ack.tenant,
              ack.stream,
              whole ? ack.sent : [ack.sent[j]!],
              {},
              whole ? ack.recorded : [ack.recorded[j]!]
            )
          } else if (roll < 0.31 && acks.length > 0) {
            // An event id with other content.
            const ack = pick(r, acks)
            const e = pick(r, ack.sent)
            yield* conflict(
              "event id with other content",
              ack.tenant,
              ack.stream,
              [{ ...e, data: { ...e.data, changed: s } }],
              {},
              undefined
            )
          } else if (roll < 0.34 && acks.length > 0) {
            // A batch of which only a part was appended before.
            const ack = pick(r, acks)
            yield* conflict(
              "partly new batch",
              ack.tenant,
              ack.stream,
              [pick(r, ack.sent), ...newEvents().slice(0, 1)],
              {},
              undefined
            )
          } else if (roll < 0.37 && acks.length > 0) {
            // Event ids are unique per stream: on another stream the same ids are new events.
            const ack = pick(r, acks)
            const other = pick(
              r,
              streams.filter((x) => x !== ack.stream)
            )
            const keys = ack.sent.map((e) => key(ack.tenant, other, e.eventId))
            if (keys.some((k) => stored.has(k) || reserved.has(k))) {
              count("event ids on another stream: skipped")
              continue
            }
            for (const k of keys) reserved.add(k)
            yield* fresh("event ids on another stream", ack.tenant, other, "any", ack.sent, undefined, undefined)
            for (const k of keys) reserved.delete(k)
          } else if (roll < 0.4 && commanded.length > 0) {
            // A probe without events asks what a command id did.
            const ack = pick(r, commanded)
            yield* duplicate("probe", ack.tenant, ack.stream, [], { commandId: ack.commandId! }, ack.recorded)
          } else if (roll < 0.45) {
            // The same new command twice at once.
            const twinMode = pick(r, ["any", "stream-exists", "exact"] as const)
            yield* fresh("twins", tenant, stream, twinMode, newEvents(), `twin-w${w}-s${s}`, undefined, true)
          } else {
            const commandId = r() < 0.8 ? `cmd-w${w}-s${s}` : undefined
            const digest = commandId !== undefined && r() < 0.3 ? `Probe:${w}-${s}` : undefined
            yield* fresh("new", tenant, stream, mode(), newEvents(), commandId, digest)
          }
        }
      })

    yield* Effect.forEach(
      Array.from({ length: config.writers }, (_, w) => w),
      writer,
      { concurrency: "unbounded", discard: true }
    )

    // The log as it stands, and the subscribers once they have seen as much (and a while more).
    const logs = new Map<string, ReadonlyArray<Recorded.RecordedEvent>>()
    for (const tenant of tenants)
      logs.set(tenant, yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant, batchSize: 97 })))
    const deadline = Date.now() + 30_000
    while (
      tenants.some(
        (t) => subscribed.get(t)!.length < acks.filter((a) => a.tenant === t).flatMap((a) => a.recorded).length
      ) &&
      Date.now() < deadline
    )
      yield* Effect.sleep("20 millis")
    yield* Effect.sleep("400 millis")
    yield* Effect.forEach(followers, Fiber.interrupt, { discard: true })
    return { tenants, acks, problems, counts, logs, subscribed }
  })

/**
 * The end state against the ledger: every acknowledged event stored once, where and as it was
 * acknowledged; nothing else stored; each stream 1..n without gaps, in version order in the log;
 * positions increasing; `readStream`, the tenant's `readAll`, the global `readAll` and the
 * subscriber all agree. Every property is checked, and each one broken is reported with how often
 * and its first examples, so that one broken property does not hide another.
 */
export const checkVerified = (v: Verified, seed: number): Effect.Effect<void, unknown, EventStore.EventStore> =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const broken = new Map<string, Array<string>>()
    const fail = (property: string, example: string) => {
      const list = broken.get(property) ?? []
      list.push(example)
      broken.set(property, list)
    }
    for (const p of v.problems) fail("an outcome contradicts the ledger", p)
    const global = (yield* Stream.runCollect(store.readAll(Position.start, { batchSize: 211 }))).filter((e) =>
      v.tenants.includes(e.tenantId)
    )
    for (let i = 1; i < global.length; i++)
      if (!(global[i]!.position > global[i - 1]!.position))
        fail("the global log is in increasing positions", `${show(global[i - 1]!)} then ${show(global[i]!)}`)
    for (const tenant of v.tenants) {
      const log = v.logs.get(tenant)!
      const acked = v.acks.filter((a) => a.tenant === tenant)
      const expected = new Map<string, Recorded.RecordedEvent>()
      for (const a of acked)
        for (const e of a.recorded) {
          const k = key(e.streamId, e.eventId)
          if (expected.has(k)) fail("an event is acknowledged once", show(e))
          expected.set(k, e)
        }
      // Each stored event was acknowledged, as it was acknowledged; and none is missing.
      const stored = new Map<string, Recorded.RecordedEvent>()
      for (const e of log) {
        const k = key(e.streamId, e.eventId)
        if (stored.has(k)) fail("an event is stored once", show(e))
        stored.set(k, e)
        const ack = expected.get(k)
        if (ack === undefined) fail("every stored event was acknowledged", show(e))
        else if (!sameEvent(e, ack)) fail("a stored event is as acknowledged", `${show(e)}, acknowledged ${show(ack)}`)
      }
      for (const e of expected.values())
        if (!stored.has(key(e.streamId, e.eventId))) fail("every acknowledged event is stored", show(e))
      // The sent payloads, byte for byte after the round trip (keys in canonical order).
      for (const a of acked)
        a.sent.forEach((s, i) => {
          const e = stored.get(key(a.stream, s.eventId))
          if (e !== undefined && (canonical(e.data) !== canonical(s.data) || e.version !== a.recorded[i]!.version))
            fail("the stored payload is the one sent", `${show(e)}: ${canonical(e.data)} sent as ${canonical(s.data)}`)
        })
      // Log order: increasing positions, each stream's versions 1..n in it.
      for (let i = 1; i < log.length; i++)
        if (!(log[i]!.position > log[i - 1]!.position))
          fail("the tenant's log is in increasing positions", `${show(log[i - 1]!)} then ${show(log[i]!)}`)
      const byStream = new Map<string, Array<Recorded.RecordedEvent>>()
      for (const e of log) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e])
      for (const [stream, events] of byStream) {
        const versions = events.map((e) => e.version)
        const sorted = [...versions].sort((a, b) => a - b)
        if (!sorted.every((x, i) => x === i + 1)) fail("a stream's versions are 1..n", `${tenant}/${stream}`)
        events.forEach((e, i) => {
          if (i > 0 && e.version < events[i - 1]!.version)
            fail(
              "the log holds each stream in version order (positions consistent with versions)",
              `${tenant}: ${show(events[i - 1]!)} comes before ${show(e)}`
            )
        })
        const version = yield* store.streamVersion(tenant, stream)
        if (version !== events.length) fail("streamVersion counts the stream", `${tenant}/${stream}: ${version}`)
        const read = yield* store.readStream(tenant, stream)
        const byVersion = [...events].sort((a, b) => a.version - b.version)
        if (
          read.length !== byVersion.length ||
          !read.every((e, i) => e.eventId === byVersion[i]!.eventId && e.position === byVersion[i]!.position)
        )
          fail("readStream agrees with the log", `${tenant}/${stream}`)
      }
      // No command id on two streams.
      const streamsOf = new Map<string, Set<string>>()
      for (const e of log)
        if (e.commandId !== undefined)
          streamsOf.set(e.commandId, (streamsOf.get(e.commandId) ?? new Set()).add(e.streamId))
      for (const [id, s] of streamsOf)
        if (s.size !== 1) fail("a command id is on one stream of its tenant", `${tenant}: ${id} on ${[...s]}`)
      // The global log, restricted to the tenant, is the tenant's log.
      const mine = global.filter((e) => e.tenantId === tenant)
      if (mine.length !== log.length || !mine.every((e, i) => e.position === log[i]!.position))
        fail("the global log agrees with the tenant's", tenant)
      // The subscriber saw exactly this sequence, each event once.
      const seen = v.subscribed.get(tenant)!
      if (
        seen.length !== log.length ||
        !seen.every((e, i) => e.position === log[i]!.position && e.eventId === log[i]!.eventId)
      )
        fail(
          "the subscriber saw the log, each event once",
          `${tenant}: saw ${seen.length} events, the log has ${log.length}; first difference at ${seen.findIndex((e, i) => e.position !== log[i]?.position)}`
        )
    }
    assert.deepStrictEqual(
      [...broken].map(
        ([property, examples]) => `${property}: ${examples.length} times, e.g. ${examples.slice(0, 3).join(" | ")}`
      ),
      [],
      `the log against the ledger (seed ${seed})`
    )
  })

/**
 * A verification run as a test body: the run, the end state against the ledger, and a line of
 * figures. The run must have produced every kind of outcome it is for.
 */
export const runVerifier = <R = never>(
  name: string,
  config: Omit<VerifierConfig, "seed" | "run">,
  more?: (v: Verified, seed: number) => Effect.Effect<void, unknown, R>
): Effect.Effect<Verified, unknown, EventStore.EventStore | R> => {
  const seed = seedOfRun()
  return Effect.gen(function* () {
    const started = Date.now()
    const v = yield* verify({ ...config, seed, run: `dvu-${crypto.randomUUID().slice(0, 8)}` })
    const events = v.acks.reduce((n, a) => n + a.recorded.length, 0)
    console.log(
      `${name}, seed ${seed}: ${v.acks.length} appends acknowledged (${events} events) in ${Date.now() - started} ms`,
      v.counts
    )
    // Every check runs, whatever an earlier one found.
    const checks = [yield* Effect.exit(checkVerified(v, seed))]
    if (more !== undefined) checks.push(yield* Effect.exit(more(v, seed)))
    for (const exit of checks) if (Exit.isFailure(exit)) return yield* Effect.failCause(exit.cause)
    for (const outcome of [
      "new: WrongExpectedVersion (exact)",
      "new: appended (any)",
      "new: appended (stream-exists)",
      "command re-sent",
      "command id with other content",
      "command id on another stream",
      "events re-sent",
      "event id with other content",
      "partly new batch",
      "twins: appended (any)"
    ])
      assert.ok((v.counts[outcome] ?? 0) > 0, `no "${outcome}" in this run (seed ${seed})`)
    return v
  }).pipe(printSeedOnFailure(name, seed))
}

/**
 * The database's own tables against the ledger: `thidua_commands` holds exactly the acknowledged
 * command ids, each with the stream and fingerprint of its acknowledged append (a refused append
 * uses no id up), and no command id has events on two streams of a tenant.
 */
export const checkTables = (v: Verified, seed: number): Effect.Effect<void, unknown, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const at = `(seed ${seed})`
    const commands = yield* sql<{
      readonly tenant_id: string
      readonly command_id: string
      readonly stream_id: string
      readonly digest: string | null
    }>`SELECT tenant_id, command_id, stream_id, digest FROM thidua_commands WHERE ${sql.in("tenant_id", v.tenants)}`
    assert.deepStrictEqual(
      commands.map((c) => `${c.tenant_id} ${c.command_id} ${c.stream_id} ${c.digest}`).sort(),
      v.acks
        .filter((a) => a.commandId !== undefined)
        .map((a) => `${a.tenant} ${a.commandId} ${a.stream} ${a.digest ?? null}`)
        .sort(),
      `thidua_commands holds the acknowledged command ids ${at}`
    )
    const twice = yield* sql<{ readonly tenant_id: string; readonly command_id: string }>`
      SELECT tenant_id, command_id FROM thidua_events
      WHERE ${sql.in("tenant_id", v.tenants)} AND command_id IS NOT NULL
      GROUP BY tenant_id, command_id HAVING count(DISTINCT stream_id) > 1`
    assert.deepStrictEqual(twice, [], `no command id on two streams of a tenant ${at}`)
    const used = yield* sql<{ readonly tenant_id: string; readonly command_id: string; readonly n: number }>`
      SELECT tenant_id, command_id, count(*)::int AS n FROM thidua_events
      WHERE ${sql.in("tenant_id", v.tenants)} AND command_id IS NOT NULL GROUP BY tenant_id, command_id`
    assert.deepStrictEqual(
      used.map((u) => `${u.tenant_id} ${u.command_id} ${u.n}`).sort(),
      v.acks
        .filter((a) => a.commandId !== undefined)
        .map((a) => `${a.tenant} ${a.commandId} ${a.recorded.length}`)
        .sort(),
      `each command id's events are its acknowledged append ${at}`
    )
  })

// ---------------------------------------------------------------------------------------------
// Command handlers contending for one campaign

const officer = (organizationId: string) => ({ organizationId, role: "officer" as const })
const trungThanh = "cdcs-trung-thanh"
const ubndQuan = "cdcs-co-quan-ubnd-hoang-mai"
// The campaign commands of the seed up to both registrations approved: Đợt 1 is open, both units
// are enrolled.
const setUpCommands = 11

/** What contending handlers did: each command's outcome, and what the campaign's stream holds. */
export interface Contention {
  readonly stream: string
  readonly setUpEvents: number
  readonly commands: ReadonlyArray<Command.CampaignCommand>
  /** The event each command must append, as this test's model of the decider says. */
  readonly expected: ReadonlyMap<string, { readonly type: string; readonly data: Record<string, unknown> }>
  readonly outcomes: ReadonlyArray<
    Result.Result<CommandHandler.Handled<Event.CampaignEvent>, CommandHandler.HandleError>
  >
  readonly stored: ReadonlyArray<Recorded.RecordedEvent>
  readonly millis: number
}

/**
 * The seed campaign Hoàng Mai 2020 (in a tenant of its own) up to Đợt 1 open, then `handlers`
 * command handlers, each with its own cache, sending `perHandler` commands each at once: scores
 * and initiatives of the two enrolled units, which go in any order.
 */
export const contend = (
  tenant: string,
  handlers: number,
  perHandler: number,
  options: CommandHandler.Options
): Effect.Effect<Contention, unknown, EventStore.EventStore> =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const seed = Seeds.hoangMai2020
    const mine = (raw: unknown) => ({ ...(raw as Record<string, unknown>), tenantId: tenant })
    const directory = seed.directory.map((raw) => Result.getOrThrow(Command.decodeDirectory(mine(raw))))
    const campaign = seed.campaign.map((raw) => Result.getOrThrow(Command.decodeCampaign(mine(raw))))
    const by = (c: Command.CampaignCommand | Command.DirectoryCommand) => ({ principal: Principal.trustClaim(c) })
    const setUp = yield* CommandHandler.make()
    for (const c of directory) yield* setUp.directory(c, by(c))
    let setUpEvents = 0
    for (const c of campaign.slice(0, setUpCommands)) setUpEvents += (yield* setUp.campaign(c, by(c))).events.length
    const { campaignId } = campaign[0]!

    const expected = new Map<string, { readonly type: string; readonly data: Record<string, unknown> }>()
    const raw = Array.from({ length: handlers }, (_, h) =>
      Array.from({ length: perHandler }, (_, j) => {
        const unitId = (h + j) % 2 === 0 ? trungThanh : ubndQuan
        const at = `2020-0${3 + (j % 3)}-1${h % 10}`
        const commandId = `contend-${h}-${j}`
        const base = { commandId, tenantId: tenant, campaignId, actor: officer(unitId), at }
        if (j % 2 === 0) {
          const contentId = unitId === trungThanh ? `hm2020-dn-${1 + (j % 6)}` : `hm2020-hc-${1 + (j % 3)}`
          const points = ((h * 7 + j) % 20) / 2
          expected.set(commandId, {
            type: "ScoreAssessed",
            data: { unitId, phaseId: "dot-1", contentId, points, kind: "self", assessorId: unitId, at }
          })
          return { _tag: "AssessScore", ...base, unitId, phaseId: "dot-1", contentId, points, kind: "self" }
        }
        const fields = {
          initiativeId: `hm2020-sk-contend-${h}-${j}`,
          phaseId: "dot-1",
          unitId,
          kind: "initiative",
          title: `Sáng kiến cải tiến số ${h}-${j} của ${unitId}`,
          benefitVnd: 1_000_000 * (h + 1) + j
        }
        expected.set(commandId, { type: "InitiativeRecorded", data: { ...fields, at } })
        return { _tag: "RecordInitiative", ...base, ...fields }
      })
    )
    const commands = raw.map((cs) => cs.map((c) => Result.getOrThrow(Command.decodeCampaign(c))))
    const started = Date.now()
    const outcomes = yield* Effect.forEach(
      commands,
      (cs) =>
        Effect.flatMap(CommandHandler.make(options), (handler) =>
          Effect.forEach(cs, (c) => Effect.result(handler.campaign(c, by(c))))
        ),
      { concurrency: "unbounded" }
    )
    const millis = Date.now() - started
    const stream = CommandHandler.streams.campaign(campaignId)
    return {
      stream,
      setUpEvents,
      commands: commands.flat(),
      expected,
      outcomes: outcomes.flat(),
      stored: yield* store.readStream(tenant, stream),
      millis
    }
  })

/**
 * What contention must leave: each command that succeeded appended exactly its one event, the one
 * the model expects, once; each command that gave up (a WrongExpectedVersion after its last
 * attempt) appended nothing; the stream is the set-up, then those events, versions 1..n.
 * Returns how many gave up.
 */
export const checkContention = (c: Contention, label: string): number => {
  let gaveUp = 0
  const byCommand = new Map<string, Array<Recorded.RecordedEvent>>()
  for (const e of c.stored.slice(c.setUpEvents))
    if (e.commandId !== undefined) byCommand.set(e.commandId, [...(byCommand.get(e.commandId) ?? []), e])
  c.commands.forEach((command, i) => {
    const outcome = c.outcomes[i]!
    const stored = byCommand.get(command.commandId) ?? []
    const want = c.expected.get(command.commandId)!
    if (Result.isFailure(outcome)) {
      assert.strictEqual(
        outcome.failure._tag,
        "WrongExpectedVersion",
        `${label}: ${command.commandId}: ${outcome.failure.message}`
      )
      assert.strictEqual(stored.length, 0, `${label}: ${command.commandId} gave up, yet appended`)
      gaveUp++
      return
    }
    assert.strictEqual(outcome.success.duplicate, false, `${label}: ${command.commandId} was sent once`)
    assert.deepStrictEqual(
      outcome.success.events.map((e) => e._tag),
      [want.type]
    )
    assert.strictEqual(stored.length, 1, `${label}: ${command.commandId} appended ${stored.length} events`)
    assert.strictEqual(stored[0]!.type, want.type)
    assert.strictEqual(canonical(stored[0]!.data), canonical(want.data), `${label}: ${command.commandId}'s event`)
  })
  assert.strictEqual(
    c.stored.length,
    c.setUpEvents + c.commands.length - gaveUp,
    `${label}: the set-up and one event per command that succeeded`
  )
  assert.deepStrictEqual(
    c.stored.map((e) => e.version),
    c.stored.map((_, i) => i + 1)
  )
  return gaveUp
}
