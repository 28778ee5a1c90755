/**
 * Ties the deciders to a store: load the stream, decide, append with the expected version, and on
 * a conflict reload and decide again, a bounded number of times.
 *
 * The handler keeps each stream's folded state between commands and reads only what was appended
 * since; the store's optimistic concurrency keeps that safe with several handlers. The tenant of a
 * command picks its streams (`campaign:<id>` and `org:<tenant>` within that tenant), so a command
 * of tenant A never reads or writes tenant B.
 *
 * @since 0.1.0
 */
import {
  Campaign,
  type Command,
  Decider,
  Directory,
  type DomainError,
  Event,
  Record,
  Rulebook,
  Stream
} from "@thidua/core"
import { Clock, Duration, Effect, Stream as EffectStream, Exit, Metric, Result, Semaphore, type Tracer } from "effect"
import * as Codec from "./Codec.js"
import { type AppendError, EventStore } from "./EventStore.js"
import * as InMemoryStore from "./InMemoryStore.js"
import * as Position from "./Position.js"
import * as Principal from "./Principal.js"
import type { RecordedEvent } from "./Recorded.js"
import {
  CorruptEvent,
  describeContent,
  IdempotencyConflict,
  type StoreUnavailable,
  WrongExpectedVersion
} from "./StoreError.js"
import * as Telemetry from "./Telemetry.js"

/** @since 0.1.0 */
export interface Options {
  readonly rulebook?: Rulebook.Rulebook
  /**
   * How many times a command is decided before a conflict with other writers is given up on.
   * Default 20. Between attempts the handler waits a random time (full jitter) that doubles from
   * `backoff` up to 200 ms, so writers that collided spread out instead of colliding again.
   */
  readonly maxAttempts?: number
  /**
   * The first wait after a conflict, at most. Default 2 ms; `0` retries at once. The waits sleep on
   * Effect's `Clock`: under a `TestClock`, adjust it or set 0.
   */
  readonly backoff?: Duration.Input
}

/**
 * How one command is to be handled.
 *
 * @since 0.2.0
 */
export interface CommandOptions {
  /**
   * Who sends the command, as the host authenticated it (see `Principal`). The command's tenant
   * and actor must be the principal's, or it fails with `PrincipalMismatch` and nothing happens.
   */
  readonly principal: Principal.Principal
  /**
   * Handle the command only if its stream is still at this version (HTTP `If-Match`): the version
   * a host showed its user. Otherwise it fails with `WrongExpectedVersion`, and is not retried. A
   * re-sent command id still returns its first result.
   */
  readonly expectedVersion?: number
}

/**
 * How a batch of commands is to be handled: every command of it is sent by one principal.
 *
 * @since 0.7.0
 */
export interface BatchOptions {
  readonly principal: Principal.Principal
}

/**
 * What handling a command did.
 *
 * @since 0.1.0
 */
export interface Handled<E> {
  readonly events: ReadonlyArray<E>
  /** The stream's version after the command. */
  readonly version: number
  /** True when the command id was handled before: nothing was appended this time. */
  readonly duplicate: boolean
}

/** Everything a command can fail with. @since 0.1.0 */
export type HandleError = DomainError.DomainError | Principal.PrincipalMismatch | AppendError | CorruptEvent

/** The stream names of the domain: core's `Stream.campaign` and `Stream.directory`. @since 0.1.0 */
export const streams = {
  campaign: Stream.campaign,
  directory: Stream.directory
} as const

type Any = Decider.Decider<unknown, unknown, Event.DomainEvent, DomainError.DomainError>

// A command this handler knows was handled on a stream: its events, and its fingerprint when this
// handler appended it (read back from the store, only the events are known).
interface Seen {
  readonly events: ReadonlyArray<Event.DomainEvent>
  readonly digest: string | undefined
}

// The command ids a stream holds and what each did. Those read from the store are indexed at the
// first lookup, not as the stream is folded: indexing cost more than decoding, and a read of the
// state alone (a rebuild, `campaignState`) never looks one up. A command's events are adjacent.
class CommandIndex {
  private readonly byId = new Map<string, Seen>()
  private unindexed: Array<readonly [ReadonlyArray<RecordedEvent>, ReadonlyArray<Event.DomainEvent>]> = []

  add(recorded: ReadonlyArray<RecordedEvent>, decoded: ReadonlyArray<Event.DomainEvent>) {
    if (recorded.length > 0) this.unindexed.push([recorded, decoded])
  }
  get(commandId: string): Seen | undefined {
    if (this.unindexed.length > 0) this.index()
    return this.byId.get(commandId)
  }
  set(commandId: string, seen: Seen) {
    if (this.unindexed.length > 0) this.index()
    this.byId.set(commandId, seen)
  }
  private index() {
    for (const [recorded, decoded] of this.unindexed)
      for (let start = 0, i = 1; i <= recorded.length; i++) {
        const id = recorded[start]!.commandId
        if (i < recorded.length && recorded[i]!.commandId === id) continue
        if (id !== undefined) {
          const seen = this.byId.get(id)
          const events = decoded.slice(start, i)
          this.byId.set(id, { events: seen === undefined ? events : [...seen.events, ...events], digest: seen?.digest })
        }
        start = i
      }
    this.unindexed = []
  }
}

// A stream's state as this handler holds it, with the commands it knows were handled on it (a
// plain index the handler owns and only adds to: a persistent map per command cost more than the
// decision itself).
interface Cached<S> {
  readonly state: S
  readonly version: number
  readonly handled: CommandIndex
}

// A 64-bit hash of a JSON value, fed as it is walked (no text is built): two lanes of
// multiplicative hashing, object keys in sorted order (so two decodings of one command hash alike
// whatever the order of their keys), every string and container prefixed by its length (so no two
// values feed the same sequence). `undefined` members are skipped, as JSON drops them.
let h1 = 0
let h2 = 0
const mix = (c: number) => {
  h1 = Math.imul(h1 ^ c, 2654435761)
  h2 = Math.imul(h2 ^ c, 1597334677)
}
// The lanes are read into locals for the length of a text: module variables in the loop cost a
// third of a command's fingerprint.
const feedText = (text: string) => {
  let a = Math.imul(h1 ^ (0x10000 + text.length), 2654435761)
  let b = Math.imul(h2 ^ (0x10000 + text.length), 1597334677)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 2654435761)
    b = Math.imul(b ^ c, 1597334677)
  }
  h1 = a
  h2 = b
}
// The order of the default sort (UTF-16 code units), which calls no `toString` per comparison.
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const feed = (value: unknown): void => {
  switch (typeof value) {
    case "string":
      mix(0x110001)
      feedText(value)
      break
    case "number":
      mix(0x110002)
      feedText(String(value))
      break
    case "boolean":
      mix(value ? 0x110003 : 0x110004)
      break
    case "object": {
      if (value === null) mix(0x110005)
      else if (Array.isArray(value)) {
        mix(0x110006)
        mix(value.length)
        for (let i = 0; i < value.length; i++) feed(value[i])
      } else {
        const keys = Object.keys(value)
        if (keys.length > 1) keys.sort(byCodeUnits)
        mix(0x110007)
        for (let i = 0; i < keys.length; i++) {
          const v = (value as Record<string, unknown>)[keys[i]!]
          if (v === undefined) continue
          feedText(keys[i]!)
          feed(v)
        }
        mix(0x110008)
      }
      break
    }
    default:
      mix(0x110009)
  }
}
const hash64 = (value: unknown): string => {
  h1 = 0xdeadbeef
  h2 = 0x41c6ce57
  feed(value)
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909)
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0")
}

/**
 * A command's fingerprint: its type and a 64-bit hash of its content (every field, keys in any
 * order). The store keeps it with the command id, so that a command id re-sent with other content
 * is told apart from a true re-send.
 *
 * @example
 * ```ts
 * import { CommandHandler } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const a = CommandHandler.digest({ _tag: "OpenPhase", commandId: "c-1", phaseId: "dot-1" })
 * assert.equal(a, CommandHandler.digest({ phaseId: "dot-1", commandId: "c-1", _tag: "OpenPhase" }))
 * assert.notEqual(a, CommandHandler.digest({ _tag: "OpenPhase", commandId: "c-1", phaseId: "dot-2" }))
 * assert.ok(a.startsWith("OpenPhase:"))
 * ```
 *
 * @since 0.2.0
 */
export const digest = (command: { readonly _tag: string }): string => `${command._tag}:${hash64(command)}`

// Which event types each kind of stream holds: a foreign type is corruption, not an event to fold.
const campaignTypes: ReadonlySet<string> = new Set(Event.CampaignEvent.members.map((m) => m.fields._tag.schema.literal))
const directoryTypes: ReadonlySet<string> = new Set(
  Event.DirectoryEvent.members.map((m) => m.fields._tag.schema.literal)
)
const typesOf = (streamId: string) => (Stream.kindOf(streamId) === "directory" ? directoryTypes : campaignTypes)

// The steps of one command, timed when telemetry is on: the in-memory path decides and appends in
// one synchronous run, which no Effect (and so no span) wraps, so its steps are timed here and
// emitted as child spans of the command's span once it is done.
interface Step {
  readonly name: string
  readonly start: bigint
  readonly end: bigint
  readonly attributes: Readonly<Record<string, unknown>>
  readonly error: unknown
}
class Steps {
  readonly list: Array<Step> = []
  // Appends timed here (not by a store's own span), in milliseconds, for the latency histogram.
  readonly appends: Array<number> = []
  constructor(readonly clock: Clock.Clock) {}
  now(): bigint {
    return this.clock.currentTimeNanosUnsafe()
  }
  add(name: string, start: bigint, attributes: Readonly<Record<string, unknown>>, error?: unknown): bigint {
    const end = this.now()
    this.list.push({ name, start, end, attributes, error })
    return end
  }
}

const appendHistogram = Metric.withAttributes(Telemetry.metrics.appendDuration, {
  [Telemetry.attributes.store]: "memory"
})

// What a handler is made with: the store, whether telemetry is on (read once, here), the clock.
const made = Effect.all([Effect.service(EventStore), Effect.service(Telemetry.Enabled), Effect.service(Clock.Clock)])

/**
 * A command handler over the `EventStore` in context.
 *
 * It appends without reading first when it holds the stream's state: the expected version makes
 * that safe, and a conflict makes it read what it missed and decide again. A refusal decided on
 * cached states is decided once more on fresh ones before it is reported, so another handler's
 * recent writes (a phase scheduled, an organization registered) never cause a false refusal.
 *
 * @example
 * ```ts
 * import { CommandHandler, InMemoryStore } from "@thidua/store"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * const program = Effect.gen(function*() {
 *   const handler = yield* CommandHandler.make()
 *   const base = { commandId: "c-1", tenantId: "hanoi", actor: { organizationId: "ldld-hn", role: "executive" }, at: "2020-01-01" } as const
 *   // Who sends it, as the host authenticated the caller:
 *   const principal = { tenantId: "hanoi", organizationId: "ldld-hn", role: "executive" } as const
 *   const done = yield* handler.directory({ _tag: "RegisterOrganization", ...base, organizationId: "ldld-hn", name: "LĐLĐ Hà Nội", level: "federation" } as never, { principal })
 *   const again = yield* handler.directory({ _tag: "RegisterOrganization", ...base, organizationId: "ldld-hn", name: "LĐLĐ Hà Nội", level: "federation" } as never, { principal })
 *   return [done.version, again.duplicate]
 * })
 * assert.deepEqual(await Effect.runPromise(program.pipe(Effect.provide(InMemoryStore.layer))), [1, true])
 * ```
 *
 * @since 0.1.0
 */
export const make = (options: Options = {}) =>
  Effect.map(made, ([store, telemetry, clock]) => {
    const rulebook = options.rulebook ?? Rulebook.standard
    const maxAttempts = options.maxAttempts ?? 20
    const cache = new Map<string, Cached<unknown>>()

    // Decodes every event (a stored event is checked wherever it is read), then folds them at once:
    // a decider that can (the campaign's `evolveAll`) changes its maps in place for the length of
    // the fold instead of copying them per event.
    const fold = (
      decider: Any,
      cached: Cached<unknown>,
      recorded: ReadonlyArray<RecordedEvent>
    ): Result.Result<Cached<unknown>, CorruptEvent> => {
      const types = typesOf(recorded[0]?.streamId ?? "")
      const decoded: Array<Event.DomainEvent> = new Array(recorded.length)
      for (let i = 0; i < recorded.length; i++) {
        const r = recorded[i]!
        if (!types.has(r.type))
          return Result.fail(
            new CorruptEvent({
              tenantId: r.tenantId,
              streamId: r.streamId,
              version: r.version,
              position: r.position,
              reason: `an event of type ${r.type} does not belong in this stream`
            })
          )
        const e = Codec.decodeResult(r)
        if (Result.isFailure(e)) return Result.fail(e.failure)
        decoded[i] = e.success
      }
      // Only a fold that read everything is kept.
      const state = Decider.fold(decider, decoded, cached.state)
      cached.handled.add(recorded, decoded)
      return Result.succeed({ state, version: cached.version + recorded.length, handled: cached.handled })
    }

    // What a cached state becomes with what was read after it (nothing read: as it was).
    const caughtUp = (key: string, from: Cached<unknown>, decider: Any, recorded: ReadonlyArray<RecordedEvent>) => {
      if (recorded.length === 0) {
        cache.set(key, from)
        return Result.succeed(from)
      }
      const next = fold(decider, from, recorded)
      if (Result.isSuccess(next)) cache.set(key, next.success)
      return next
    }

    /** The stream's state: from the cache, or caught up with the store when `refresh` or not cached. */
    const load = (tenantId: string, streamId: string, decider: Any, initial: unknown, refresh: boolean) => {
      const key = `${tenantId}\u0000${streamId}`
      const cached = cache.get(key)
      if (cached !== undefined && !refresh) return Effect.succeed(cached)
      const from: Cached<unknown> = cached ?? { state: initial, version: 0, handled: new CommandIndex() }
      return Effect.flatMap(store.readStream(tenantId, streamId, from.version + 1), (recorded) =>
        Effect.fromResult(caughtUp(key, from, decider, recorded))
      )
    }

    // The in-memory store's log, when the store is one: then a command is decided and appended in
    // one synchronous step, without an Effect per step (they cost more than the decision).
    const log = InMemoryStore.logOf(store)
    const loadNow = (
      memory: InMemoryStore.MemoryLog,
      tenantId: string,
      streamId: string,
      decider: Any,
      initial: unknown,
      refresh: boolean
    ): Result.Result<Cached<unknown>, CorruptEvent> => {
      const key = `${tenantId}\u0000${streamId}`
      const cached = cache.get(key)
      if (cached !== undefined && !refresh) return Result.succeed(cached)
      const from: Cached<unknown> = cached ?? { state: initial, version: 0, handled: new CommandIndex() }
      return caughtUp(key, from, decider, memory.readStream(tenantId, streamId, from.version + 1))
    }
    const directoryNow = (memory: InMemoryStore.MemoryLog, tenantId: string, refresh: boolean) =>
      Result.map(
        loadNow(
          memory,
          tenantId,
          streams.directory(tenantId),
          Directory.decider as unknown as Any,
          Directory.initialFor(tenantId as never),
          refresh
        ),
        (c) => c.state as Directory.State
      )

    const directoryState = (tenantId: string, refresh: boolean) =>
      Effect.map(
        load(
          tenantId,
          streams.directory(tenantId),
          Directory.decider as unknown as Any,
          Directory.initialFor(tenantId as never),
          refresh
        ),
        (c) => c.state as Directory.State
      )

    // The commendation record of each tenant: folded from its whole log, kept, and caught up before
    // each decision the eligibility engine judges (granting an award, deciding a nomination).
    const records = new Map<string, { readonly record: Record.State; position: Position.Position }>()
    const recordOf = (tenantId: string): Effect.Effect<Record.State, CorruptEvent | StoreUnavailable> =>
      Effect.suspend(() => {
        let entry = records.get(tenantId)
        if (entry === undefined) {
          entry = { record: Record.empty(), position: Position.start }
          records.set(tenantId, entry)
        }
        const e = entry
        return EffectStream.runForEachArray(store.readAll(e.position, { tenantId }), (page) => {
          for (const r of page) {
            // Another catch-up running beside this one may have folded it already.
            if (r.position <= e.position) continue
            if (Stream.kindOf(r.streamId) !== "process") {
              const decoded = Codec.decodeResult(r)
              if (Result.isFailure(decoded)) return Effect.fail(decoded.failure)
              Record.apply(e.record, decoded.success, r.streamId)
            }
            e.position = r.position
          }
          return Effect.void
        }).pipe(Effect.map(() => e.record))
      })
    const judgedByRecord = (tag: string) => tag === "GrantAward" || tag === "DecideNomination"
    // The decisions the record judges run one at a time per tenant in this handler: two grants in
    // two campaigns would otherwise each miss the other (a flag quota per cluster, a prize given
    // once). Across processes the record is as fresh as the last catch-up: see the docs.
    const recordLocks = new Map<string, Semaphore.Semaphore>()
    const recordLock = (tenantId: string): Semaphore.Semaphore => {
      let s = recordLocks.get(tenantId)
      if (s === undefined) {
        s = Semaphore.makeUnsafe(1)
        recordLocks.set(tenantId, s)
      }
      return s
    }

    type Target = { readonly tenantId: string; readonly streamId: string; readonly initial: unknown }

    const maxWait = 200
    const firstWait = Duration.toMillis(Duration.fromInputUnsafe(options.backoff ?? "2 millis"))
    // Full jitter: a random wait up to a bound that doubles with each attempt.
    const pause = (n: number) =>
      firstWait <= 0
        ? Effect.void
        : Effect.sleep(Duration.millis(Math.random() * Math.min(maxWait, firstWait * 2 ** (n - 1))))

    const decodeAll = (events: ReadonlyArray<RecordedEvent>) =>
      Effect.forEach(events, Codec.decode) as Effect.Effect<ReadonlyArray<Event.DomainEvent>, CorruptEvent>

    // The steps' spans, as the handler times them with telemetry on.
    const decided = (
      steps: Steps,
      start: bigint,
      attempt: number,
      refresh: boolean,
      decision: Result.Result<ReadonlyArray<unknown>, DomainError.DomainError>
    ) =>
      steps.add(
        Telemetry.spans.decide,
        start,
        Result.isSuccess(decision)
          ? {
              [Telemetry.attributes.attempt]: attempt,
              "thidua.refresh": refresh,
              [Telemetry.attributes.eventCount]: decision.success.length
            }
          : {
              [Telemetry.attributes.attempt]: attempt,
              "thidua.refresh": refresh,
              [Telemetry.attributes.ruleId]: decision.failure.code
            },
        Result.isFailure(decision) ? decision.failure : undefined
      )
    const appendedNow = (steps: Steps, start: bigint, attempt: number, count: number, appended: object) => {
      const failed = "_tag" in appended ? appended : undefined
      const end = steps.add(
        Telemetry.spans.append,
        start,
        { [Telemetry.attributes.attempt]: attempt, [Telemetry.attributes.eventCount]: count },
        failed
      )
      steps.appends.push(Number(end - start) / 1e6)
    }
    const folded = (steps: Steps, start: bigint, count: number) =>
      steps.add(Telemetry.spans.inline, start, { [Telemetry.attributes.eventCount]: count })

    // A command's span: `thidua.command`, or the one the engine opened around it to time its
    // decode (completed here rather than nested), with the steps timed in one synchronous run as
    // its children, its outcome, and the commands counter.
    const traced = <A extends Handled<unknown>>(
      target: { readonly tenantId: string; readonly streamId: string },
      command: { readonly _tag: string; readonly commandId: string },
      steps: Steps,
      body: Effect.Effect<A, HandleError>
    ): Effect.Effect<A, HandleError> =>
      Effect.flatMap(Telemetry.currentSpan, (outer) => {
        const own: Readonly<Record<string, string>> = {
          [Telemetry.attributes.tenant]: target.tenantId,
          [Telemetry.attributes.stream]: target.streamId,
          [Telemetry.attributes.commandType]: command._tag,
          [Telemetry.attributes.commandId]: command.commandId
        }
        const finish = (span: Tracer.Span, exit: Exit.Exit<A, HandleError>) =>
          Effect.flatMap(Effect.tracer, (tracer) => {
            for (const k in own) span.attribute(k, own[k])
            for (const step of steps.list)
              Telemetry.emitSpan(
                tracer,
                span,
                step.name,
                step.start,
                step.end,
                step.attributes,
                step.error === undefined ? Exit.void : Exit.fail(step.error)
              )
            let outcome: Telemetry.Outcome
            let code: string | undefined
            let ruleId: string | undefined
            if (Exit.isSuccess(exit)) {
              outcome = exit.value.duplicate ? "duplicate" : "accepted"
              span.attribute(Telemetry.attributes.eventCount, exit.value.events.length)
              span.attribute(Telemetry.attributes.version, exit.value.version)
            } else {
              const error = Exit.findErrorOption(exit)
              ;({ outcome, code, ruleId } = Telemetry.judge(error._tag === "Some" ? error.value : undefined))
              if (code !== undefined) span.attribute(Telemetry.attributes.errorCode, code)
              if (ruleId !== undefined) span.attribute(Telemetry.attributes.ruleId, ruleId)
            }
            span.attribute(Telemetry.attributes.outcome, outcome)
            const counted = Telemetry.countCommand(outcome, command._tag, code, ruleId)
            return steps.appends.length === 0
              ? counted
              : Effect.andThen(
                  counted,
                  Effect.forEach(steps.appends, (ms) => Metric.update(appendHistogram, ms), { discard: true })
                )
          })
        if (
          outer !== undefined &&
          outer.name === Telemetry.spans.command &&
          outer.status._tag === "Started" &&
          !outer.attributes.has(Telemetry.attributes.stream)
        )
          return Effect.onExit(body, (exit) => finish(outer, exit))
        return Effect.useSpan(Telemetry.spans.command, { attributes: own }, (span) =>
          Effect.onExit(Effect.withParentSpan(body, span), (exit) => finish(span, exit))
        )
      })

    const campaignAt = (
      tenantId: string,
      campaignId: string
    ): Effect.Effect<{ readonly state: Campaign.State; readonly version: number }, HandleError> =>
      Effect.map(
        load(
          tenantId,
          streams.campaign(campaignId),
          Campaign.decider({ directory: Directory.initialState, rulebook }) as unknown as Any,
          Campaign.initialState,
          true
        ),
        (c) => ({ state: c.state as Campaign.State, version: c.version })
      )

    const run = <
      C extends {
        readonly _tag: string
        readonly commandId: string
        readonly tenantId: string
        readonly actor: Command.CampaignCommand["actor"]
      },
      E extends Event.DomainEvent
    >(
      target: Target,
      deciderFor: (refresh: boolean) => Effect.Effect<Any, HandleError>,
      command: C,
      commandOptions: CommandOptions,
      // The decider without an Effect, on the in-memory store's log; absent, every step is an Effect.
      deciderNow: ((memory: InMemoryStore.MemoryLog, refresh: boolean) => Result.Result<Any, HandleError>) | undefined,
      // How a command used before is judged again: on the stream as it was, without what came
      // since (the commendation record holds the command's own grant and everything after it).
      judgedBy: Effect.Effect<Any, HandleError> = Effect.suspend(() => deciderFor(true))
    ): Effect.Effect<Handled<E>, HandleError> => {
      // Decided when the handler was made: with telemetry off, no step below is timed.
      const steps = telemetry ? new Steps(clock) : undefined
      const mismatch = Principal.check(commandOptions.principal, command)
      if (mismatch !== undefined)
        return steps === undefined ? Effect.fail(mismatch) : traced(target, command, steps, Effect.fail(mismatch))
      const expectedVersion = commandOptions.expectedVersion
      const key = `${target.tenantId}\u0000${target.streamId}`
      const fingerprint = digest(command)
      const handled = (events: ReadonlyArray<Event.DomainEvent>, version: number, duplicate: boolean): Handled<E> => ({
        events: events as unknown as ReadonlyArray<E>,
        version,
        duplicate
      })
      const conflict = (first: string) =>
        new IdempotencyConflict({
          tenantId: target.tenantId,
          streamId: target.streamId,
          key: `command ${command.commandId}`,
          reason: "used before with other content",
          first: { streamId: target.streamId, content: first },
          attempted: describeContent(fingerprint, [])
        })
      // A command id used before with no fingerprint kept (a write of an earlier version, an
      // import): the command is decided again on the state before its first use, and its events
      // compared with those it wrote then.
      const judge = (d: Any, version: number): Effect.Effect<Handled<E>, HandleError> =>
        Effect.flatMap(store.readStream(target.tenantId, target.streamId), (recorded) => {
          const first = recorded.findIndex((r) => r.commandId === command.commandId)
          const used = recorded.filter((r) => r.commandId === command.commandId)
          return Effect.flatMap(decodeAll(recorded.slice(0, Math.max(0, first))), (before) =>
            Effect.flatMap(decodeAll(used), (earlier) => {
              let state = target.initial
              for (const e of before) state = d.evolve(state, e)
              const decision = d.decide(state, command)
              const same =
                Result.isSuccess(decision) &&
                decision.success.length === earlier.length &&
                decision.success.every((e, i) => digest(e) === digest(earlier[i]!))
              return same
                ? Effect.succeed(handled(earlier, version, true))
                : Effect.fail(conflict(describeContent(undefined, used)))
            })
          )
        })
      // A command id this handler saw on the stream: the same command is a re-send, other content
      // a conflict. When only the events are known (read back from the store), the store, which
      // keeps the fingerprint, answers; without a fingerprint, `judge` does.
      const again = (seen: Seen, version: number): Effect.Effect<Handled<E>, HandleError> => {
        if (seen.digest === fingerprint) return Effect.succeed(handled(seen.events, version, true))
        if (seen.digest !== undefined) return Effect.fail(conflict(describeContent(seen.digest, [])))
        return store
          .append(target.tenantId, target.streamId, "any", [], {
            commandId: command.commandId,
            commandDigest: fingerprint,
            actor: command.actor
          })
          .pipe(
            Effect.flatMap((r) =>
              r.duplicate && r.commandDigest === fingerprint
                ? Effect.map(decodeAll(r.events), (events) => handled(events, r.version, true))
                : Effect.flatMap(judgedBy, (plain) => judge(plain, version))
            )
          )
      }
      const attempt = (n: number, refresh: boolean): Effect.Effect<Handled<E>, HandleError> =>
        Effect.flatMap(deciderFor(refresh), (d) =>
          Effect.flatMap(load(target.tenantId, target.streamId, d, target.initial, refresh), (cached) => {
            const seen = cached.handled.get(command.commandId)
            if (seen !== undefined) return again(seen, cached.version)
            if (expectedVersion !== undefined && cached.version !== expectedVersion)
              // A cache behind the store is read up before the version is judged.
              return !refresh && cached.version < expectedVersion
                ? attempt(n, true)
                : Effect.fail(
                    new WrongExpectedVersion({
                      tenantId: target.tenantId,
                      streamId: target.streamId,
                      expected: expectedVersion,
                      actual: cached.version
                    })
                  )
            const t0 = steps?.now()
            const decision = d.decide(cached.state, command)
            if (steps !== undefined) decided(steps, t0!, n, refresh, decision)
            if (Result.isFailure(decision))
              // Decided on cached states: decide once more on fresh ones before refusing.
              return refresh ? Effect.fail(decision.failure) : attempt(n, true)
            const events = decision.success
            if (events.length === 0) return Effect.succeed(handled(events, cached.version, false))
            const appending = store.append(target.tenantId, target.streamId, cached.version, Codec.encode(events), {
              commandId: command.commandId,
              commandDigest: fingerprint,
              actor: command.actor
            })
            return (
              steps === undefined
                ? appending
                : Effect.withSpan(appending, Telemetry.spans.append, {
                    attributes: {
                      [Telemetry.attributes.attempt]: n,
                      [Telemetry.attributes.eventCount]: events.length
                    }
                  })
            ).pipe(
              Effect.matchEffect({
                onFailure: (error): Effect.Effect<Handled<E>, HandleError> =>
                  error._tag === "WrongExpectedVersion" && expectedVersion === undefined && n < maxAttempts
                    ? Effect.andThen(pause(n), attempt(n + 1, true))
                    : Effect.fail(error),
                onSuccess: (appended): Effect.Effect<Handled<E>, HandleError> => {
                  if (appended.duplicate)
                    // Another handler appended this very command first.
                    return Effect.map(decodeAll(appended.events), (decoded) => handled(decoded, appended.version, true))
                  const f0 = steps?.now()
                  let state = cached.state
                  for (const e of events) state = d.evolve(state, e)
                  cached.handled.set(command.commandId, { events, digest: fingerprint })
                  cache.set(key, { state, version: appended.version, handled: cached.handled })
                  if (steps !== undefined) folded(steps, f0!, events.length)
                  return Effect.succeed(handled(events, appended.version, false))
                }
              })
            )
          })
        )
      // The same steps as `attempt`, in one synchronous run on the in-memory log. Nothing else runs
      // in between, so a conflict only means the cache was behind: read up and decide again at once.
      // A command id seen before with another or no fingerprint is left to `attempt` (`again`
      // judges it), as `undefined`.
      const attemptNow = (memory: InMemoryStore.MemoryLog): Result.Result<Handled<E>, HandleError> | undefined => {
        let refresh = false
        for (let n = 1; ; ) {
          const d = deciderNow!(memory, refresh)
          if (Result.isFailure(d)) return Result.fail(d.failure)
          const loaded = loadNow(memory, target.tenantId, target.streamId, d.success, target.initial, refresh)
          if (Result.isFailure(loaded)) return Result.fail(loaded.failure)
          const cached = loaded.success
          const seen = cached.handled.get(command.commandId)
          if (seen !== undefined)
            return seen.digest === fingerprint ? Result.succeed(handled(seen.events, cached.version, true)) : undefined
          if (expectedVersion !== undefined && cached.version !== expectedVersion) {
            if (!refresh && cached.version < expectedVersion) {
              refresh = true
              continue
            }
            return Result.fail(
              new WrongExpectedVersion({
                tenantId: target.tenantId,
                streamId: target.streamId,
                expected: expectedVersion,
                actual: cached.version
              })
            )
          }
          const t0 = steps?.now()
          const decision = d.success.decide(cached.state, command)
          if (steps !== undefined) decided(steps, t0!, n, refresh, decision)
          if (Result.isFailure(decision)) {
            if (refresh) return Result.fail(decision.failure)
            refresh = true
            continue
          }
          const events = decision.success
          if (events.length === 0) return Result.succeed(handled(events, cached.version, false))
          const a0 = steps?.now()
          const appended = memory.append(target.tenantId, target.streamId, cached.version, Codec.encode(events), {
            commandId: command.commandId,
            commandDigest: fingerprint,
            actor: command.actor
          })
          if (steps !== undefined) appendedNow(steps, a0!, n, events.length, appended)
          if ("_tag" in appended) {
            if (appended._tag === "WrongExpectedVersion" && expectedVersion === undefined && n < maxAttempts) {
              n++
              refresh = true
              continue
            }
            return Result.fail(appended)
          }
          if (appended.duplicate) {
            // Another handler appended this very command first.
            const decoded: Array<Event.DomainEvent> = []
            for (const r of appended.events) {
              const e = Codec.decodeResult(r)
              if (Result.isFailure(e)) return Result.fail(e.failure)
              decoded.push(e.success)
            }
            return Result.succeed(handled(decoded, appended.version, true))
          }
          const f0 = steps?.now()
          let state = cached.state
          for (const e of events) state = d.success.evolve(state, e)
          cached.handled.set(command.commandId, { events, digest: fingerprint })
          cache.set(key, { state, version: appended.version, handled: cached.handled })
          if (steps !== undefined) folded(steps, f0!, events.length)
          return Result.succeed(handled(events, appended.version, false))
        }
      }
      const body = Effect.suspend(() => {
        if (log !== undefined && deciderNow !== undefined) {
          const done = attemptNow(log)
          if (done !== undefined)
            return Result.isSuccess(done) ? Effect.succeed(done.success) : Effect.fail(done.failure)
        }
        return attempt(1, false)
      })
      return steps === undefined ? body : traced(target, command, steps, body)
    }

    const campaign = (
      command: Command.CampaignCommand,
      options: CommandOptions
    ): Effect.Effect<Handled<Event.CampaignEvent>, HandleError> => {
      const plain = (refresh: boolean) =>
        Effect.map(
          directoryState(command.tenantId, refresh),
          (directory) => Campaign.decider({ directory, rulebook }) as unknown as Any
        )
      const target = {
        tenantId: command.tenantId,
        streamId: streams.campaign(command.campaignId),
        initial: Campaign.initialState
      }
      const plainNow = (memory: InMemoryStore.MemoryLog, refresh: boolean) =>
        Result.map(
          directoryNow(memory, command.tenantId, refresh),
          (directory) => Campaign.decider({ directory, rulebook }) as unknown as Any
        )
      if (!judgedByRecord(command._tag)) return run(target, plain, command, options, plainNow)
      const withRecord = (refresh: boolean) =>
        Effect.zipWith(
          directoryState(command.tenantId, refresh),
          recordOf(command.tenantId),
          (directory, record) => Campaign.decider({ directory, rulebook, record }) as unknown as Any
        )
      return recordLock(command.tenantId).withPermits(1)(
        run(target, withRecord, command, options, undefined, plain(true))
      )
    }

    // A run of commands to one campaign, decided one after another on the stream's state read up
    // first, and appended at once: the in-memory store's batch. Each command gets its own answer.
    type Outcome = Result.Result<Handled<Event.CampaignEvent>, HandleError>
    const batchNow = (
      memory: InMemoryStore.MemoryLog,
      commands: ReadonlyArray<Command.CampaignCommand>,
      options: BatchOptions
    ): Effect.Effect<ReadonlyArray<Outcome>> => {
      const { tenantId, campaignId } = commands[0]!
      const streamId = streams.campaign(campaignId)
      const key = `${tenantId}\u0000${streamId}`
      const out: Array<Outcome | undefined> = new Array(commands.length)
      // Who may send what is checked before anything is read: a command of another tenant than the
      // principal's reads nothing of it, as on the single path.
      let allowed = 0
      for (let i = 0; i < commands.length; i++) {
        const mismatch = Principal.check(options.principal, commands[i]!)
        if (mismatch === undefined) allowed++
        else out[i] = Result.fail(mismatch)
      }
      if (allowed === 0) return Effect.succeed(out as ReadonlyArray<Outcome>)
      const sameInStore = (commandId: string, fingerprint: string) => {
        const asked = memory.append(tenantId, streamId, "any", [], { commandId, commandDigest: fingerprint })
        return !("_tag" in asked) && asked.duplicate && asked.commandDigest === fingerprint
      }
      const refuseAll = (failure: HandleError) =>
        Effect.succeed(Array.from(commands, (_, i): Outcome => out[i] ?? Result.fail(failure)))
      const d = Result.map(
        directoryNow(memory, tenantId, true),
        (directory) => Campaign.decider({ directory, rulebook }) as unknown as Any
      )
      if (Result.isFailure(d)) return refuseAll(d.failure)
      const decider = d.success
      const loaded = loadNow(memory, tenantId, streamId, decider, Campaign.initialState, true)
      if (Result.isFailure(loaded)) return refuseAll(loaded.failure)
      const cached = loaded.success
      let state = cached.state
      let version = cached.version
      const pending: Array<{
        readonly index: number
        readonly command: Command.CampaignCommand
        readonly events: ReadonlyArray<Event.DomainEvent>
        readonly digest: string
      }> = []
      const inBatch = new Map<string, { readonly events: ReadonlyArray<Event.DomainEvent>; readonly digest: string }>()
      for (let i = 0; i < commands.length; i++) {
        const command = commands[i]!
        if (out[i] !== undefined) continue
        const fingerprint = digest(command)
        const seen = cached.handled.get(command.commandId) ?? inBatch.get(command.commandId)
        if (seen !== undefined) {
          // The same command again is a re-send; anything else is judged by the single path. A
          // command read back from the store has no fingerprint here: the store, which keeps it,
          // says whether this is the same command (an append of nothing asks what the id did).
          if (seen.digest === fingerprint || (seen.digest === undefined && sameInStore(command.commandId, fingerprint)))
            out[i] = Result.succeed({
              events: seen.events as ReadonlyArray<Event.CampaignEvent>,
              version,
              duplicate: true
            })
          continue
        }
        const decision = decider.decide(state, command)
        if (Result.isFailure(decision)) {
          out[i] = Result.fail(decision.failure)
          continue
        }
        const events = decision.success
        if (events.length === 0) {
          out[i] = Result.succeed({ events: [], version, duplicate: false })
          continue
        }
        for (const e of events) state = decider.evolve(state, e)
        version += events.length
        inBatch.set(command.commandId, { events, digest: fingerprint })
        pending.push({ index: i, command, events, digest: fingerprint })
      }
      const written =
        pending.length === 0
          ? []
          : memory.appendCommands(
              tenantId,
              streamId,
              cached.version,
              pending.map((p) => ({
                events: Codec.encode(p.events),
                metadata: { commandId: p.command.commandId, commandDigest: p.digest, actor: p.command.actor }
              }))
            )
      if (written !== undefined && !("_tag" in written)) {
        for (let j = 0; j < pending.length; j++) {
          const p = pending[j]!
          cached.handled.set(p.command.commandId, { events: p.events, digest: p.digest })
          out[p.index] = Result.succeed({
            events: p.events as ReadonlyArray<Event.CampaignEvent>,
            version: written[j]!.version,
            duplicate: false
          })
        }
        if (pending.length > 0) cache.set(key, { state, version, handled: cached.handled })
      } else out.fill(undefined)
      // With telemetry on, the answers the batch gave are counted here (no span per command: a
      // batch is for speed); those it leaves to `campaign` are counted there.
      const counted = telemetry ? countBatch(commands, out) : Effect.void
      // What the batch left (a command id used before with other content), or all of it when the
      // store could not take it as one (its answers were decided on each other): one at a time.
      if (!out.includes(undefined)) return Effect.as(counted, out as ReadonlyArray<Outcome>)
      return Effect.andThen(
        counted,
        Effect.forEach(commands, (command, i) =>
          out[i] !== undefined ? Effect.succeed(out[i]!) : Effect.result(campaign(command, options))
        )
      )
    }

    const countBatch = (
      commands: ReadonlyArray<Command.CampaignCommand>,
      out: ReadonlyArray<Outcome | undefined>
    ): Effect.Effect<void> =>
      Effect.forEach(
        out,
        (o, i) => {
          if (o === undefined) return Effect.void
          if (Result.isSuccess(o))
            return Telemetry.countCommand(o.success.duplicate ? "duplicate" : "accepted", commands[i]!._tag)
          const judged = Telemetry.judge(o.failure)
          return Telemetry.countCommand(judged.outcome, commands[i]!._tag, judged.code, judged.ruleId)
        },
        { discard: true }
      )

    /** Handles commands to campaigns in order, a run of commands to one campaign at once. */
    const campaignBatch = (
      commands: ReadonlyArray<Command.CampaignCommand>,
      options: BatchOptions
    ): Effect.Effect<ReadonlyArray<Outcome>> =>
      Effect.suspend(() => {
        // Runs of one campaign of one tenant; the commendation record's decisions go one at a time.
        const runs: Array<Array<Command.CampaignCommand>> = []
        for (const c of commands) {
          const last = runs.at(-1)?.[0]
          if (
            log !== undefined &&
            last !== undefined &&
            !judgedByRecord(c._tag) &&
            !judgedByRecord(last._tag) &&
            last.tenantId === c.tenantId &&
            last.campaignId === c.campaignId
          )
            runs.at(-1)!.push(c)
          else runs.push([c])
        }
        return Effect.map(
          Effect.forEach(runs, (run) =>
            log !== undefined && !judgedByRecord(run[0]!._tag)
              ? batchNow(log, run, options)
              : Effect.map(Effect.result(campaign(run[0]!, options)), (r) => [r])
          ),
          (outcomes) => outcomes.flat()
        )
      })

    return {
      /** Handles a directory command of its tenant, sent by `options.principal`. */
      directory: (
        command: Command.DirectoryCommand,
        options: CommandOptions
      ): Effect.Effect<Handled<Event.DirectoryEvent>, HandleError> =>
        run(
          {
            tenantId: command.tenantId,
            streamId: streams.directory(command.tenantId),
            initial: Directory.initialFor(command.tenantId)
          },
          () => Effect.succeed(Directory.decider as unknown as Any),
          command,
          options,
          () => Result.succeed(Directory.decider as unknown as Any)
        ),
      campaign,
      campaignBatch,
      /** A campaign's state, caught up with the store. */
      campaignState: (tenantId: string, campaignId: string): Effect.Effect<Campaign.State, HandleError> =>
        Effect.map(campaignAt(tenantId, campaignId), (c) => c.state),
      /** A campaign's state caught up with the store, with the version of the stream it was folded to (0: never planned). */
      campaignAt,
      /** A tenant's commendation record, caught up with the store. Kept by the handler: do not change it. */
      record: (tenantId: string): Effect.Effect<Record.State, CorruptEvent | StoreUnavailable> => recordOf(tenantId),
      /** A tenant's directory, caught up with the store. */
      directoryState: (tenantId: string): Effect.Effect<Directory.State, HandleError> => directoryState(tenantId, true)
    }
  })

/** The handler's type. @since 0.1.0 */
export type CommandHandler = Effect.Success<ReturnType<typeof make>>

export { WrongExpectedVersion }
