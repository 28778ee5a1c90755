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
import { Campaign, type Command, type Decider, Directory, type DomainError, Event, Rulebook } from "@thidua/core"
import { Effect, Result } from "effect"
import * as Codec from "./Codec.js"
import { EventStore } from "./EventStore.js"
import type { RecordedEvent } from "./Recorded.js"
import { CorruptEvent, type IdempotencyConflict, type StoreUnavailable, WrongExpectedVersion } from "./StoreError.js"

/** @since 0.1.0 */
export interface Options {
  readonly rulebook?: Rulebook.Rulebook
  /** How many times a command is decided before a conflict is given up on. Default 5. */
  readonly maxAttempts?: number
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
export type HandleError =
  | DomainError.DomainError
  | WrongExpectedVersion
  | IdempotencyConflict
  | CorruptEvent
  | StoreUnavailable

/** The stream names of the domain. @since 0.1.0 */
export const streams = {
  campaign: (campaignId: string) => `campaign:${campaignId}`,
  directory: (tenantId: string) => `org:${tenantId}`
} as const

type Any = Decider.Decider<unknown, unknown, Event.DomainEvent, DomainError.DomainError>

// A stream's state as this handler holds it. `handled` (command id to its events) is a plain Map
// the handler owns and only ever adds to: a persistent map per command cost more than the
// decision itself.
interface Cached<S> {
  readonly state: S
  readonly version: number
  readonly handled: Map<string, ReadonlyArray<Event.DomainEvent>>
}

// Which event types each kind of stream holds: a foreign type is corruption, not an event to fold.
const campaignTypes: ReadonlySet<string> = new Set(Event.CampaignEvent.members.map((m) => m.fields._tag.schema.literal))
const directoryTypes: ReadonlySet<string> = new Set(
  Event.DirectoryEvent.members.map((m) => m.fields._tag.schema.literal)
)
const typesOf = (streamId: string) => (streamId.startsWith("org:") ? directoryTypes : campaignTypes)

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
 *   const done = yield* handler.directory({ _tag: "RegisterOrganization", ...base, organizationId: "ldld-hn", name: "LĐLĐ Hà Nội", level: "federation" } as never)
 *   const again = yield* handler.directory({ _tag: "RegisterOrganization", ...base, organizationId: "ldld-hn", name: "LĐLĐ Hà Nội", level: "federation" } as never)
 *   return [done.version, again.duplicate]
 * })
 * assert.deepEqual(await Effect.runPromise(program.pipe(Effect.provide(InMemoryStore.layer))), [1, true])
 * ```
 *
 * @since 0.1.0
 */
export const make = (options: Options = {}) =>
  Effect.map(Effect.service(EventStore), (store) => {
    const rulebook = options.rulebook ?? Rulebook.standard
    const maxAttempts = options.maxAttempts ?? 5
    const cache = new Map<string, Cached<unknown>>()

    const fold = (decider: Any, cached: Cached<unknown>, recorded: ReadonlyArray<RecordedEvent>) => {
      let state = cached.state
      const added: Array<readonly [string, Event.DomainEvent]> = []
      const types = typesOf(recorded[0]?.streamId ?? "")
      for (const r of recorded) {
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
        state = decider.evolve(state, e.success)
        added.push([r.commandId ?? r.eventId, e.success])
      }
      // Only a fold that read everything is kept.
      for (const [id, e] of added) cached.handled.set(id, [...(cached.handled.get(id) ?? []), e])
      return Result.succeed<Cached<unknown>>({
        state,
        version: cached.version + recorded.length,
        handled: cached.handled
      })
    }

    /** The stream's state: from the cache, or caught up with the store when `refresh` or not cached. */
    const load = (tenantId: string, streamId: string, decider: Any, initial: unknown, refresh: boolean) => {
      const key = `${tenantId}\u0000${streamId}`
      const cached = cache.get(key)
      if (cached !== undefined && !refresh) return Effect.succeed(cached)
      const from: Cached<unknown> = cached ?? { state: initial, version: 0, handled: new Map() }
      return Effect.flatMap(store.readStream(tenantId, streamId, from.version + 1), (recorded) => {
        if (recorded.length === 0) {
          cache.set(key, from)
          return Effect.succeed(from)
        }
        return Effect.map(Effect.fromResult(fold(decider, from, recorded)), (next) => {
          cache.set(key, next)
          return next
        })
      })
    }

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

    type Target = { readonly tenantId: string; readonly streamId: string; readonly initial: unknown }

    const run = <
      C extends { readonly commandId: string; readonly actor: Command.CampaignCommand["actor"] },
      E extends Event.DomainEvent
    >(
      target: Target,
      deciderFor: (refresh: boolean) => Effect.Effect<Any, HandleError>,
      command: C
    ): Effect.Effect<Handled<E>, HandleError> => {
      const key = `${target.tenantId}\u0000${target.streamId}`
      const attempt = (n: number, refresh: boolean): Effect.Effect<Handled<E>, HandleError> =>
        Effect.flatMap(deciderFor(refresh), (d) =>
          Effect.flatMap(load(target.tenantId, target.streamId, d, target.initial, refresh), (cached) => {
            const seen = cached.handled.get(command.commandId)
            const decision: Result.Result<Decider.Decision<Event.DomainEvent>, DomainError.DomainError> = seen !==
            undefined
              ? Result.succeed({ events: seen, duplicate: true })
              : Result.map(d.decide(cached.state, command), (events) => ({ events, duplicate: false }))
            if (Result.isFailure(decision))
              // Decided on cached states: decide once more on fresh ones before refusing.
              return refresh ? Effect.fail(decision.failure) : attempt(n, true)
            const { events, duplicate } = decision.success
            if (duplicate || events.length === 0)
              return Effect.succeed({
                events: events as unknown as ReadonlyArray<E>,
                version: cached.version,
                duplicate
              })
            return store
              .append(target.tenantId, target.streamId, cached.version, Codec.encode(events), {
                commandId: command.commandId,
                actor: command.actor
              })
              .pipe(
                Effect.matchEffect({
                  onFailure: (error): Effect.Effect<Handled<E>, HandleError> =>
                    error._tag === "WrongExpectedVersion" && n < maxAttempts
                      ? attempt(n + 1, true)
                      : Effect.fail(error),
                  onSuccess: (appended): Effect.Effect<Handled<E>, HandleError> => {
                    if (appended.duplicate)
                      // Another handler appended this very command first.
                      return Effect.map(Effect.forEach(appended.events, Codec.decode), (decoded) => ({
                        events: decoded as unknown as ReadonlyArray<E>,
                        version: appended.version,
                        duplicate: true
                      }))
                    let state = cached.state
                    for (const e of events) state = d.evolve(state, e)
                    cached.handled.set(command.commandId, events)
                    cache.set(key, { state, version: appended.version, handled: cached.handled })
                    return Effect.succeed({
                      events: events as unknown as ReadonlyArray<E>,
                      version: appended.version,
                      duplicate: false
                    })
                  }
                })
              )
          })
        )
      return Effect.suspend(() => attempt(1, false))
    }

    return {
      /** Handles a directory command of its tenant. */
      directory: (command: Command.DirectoryCommand): Effect.Effect<Handled<Event.DirectoryEvent>, HandleError> =>
        run(
          {
            tenantId: command.tenantId,
            streamId: streams.directory(command.tenantId),
            initial: Directory.initialFor(command.tenantId)
          },
          () => Effect.succeed(Directory.decider as unknown as Any),
          command
        ),
      /** Handles a campaign command, against its tenant's directory. */
      campaign: (command: Command.CampaignCommand): Effect.Effect<Handled<Event.CampaignEvent>, HandleError> =>
        run(
          {
            tenantId: command.tenantId,
            streamId: streams.campaign(command.campaignId),
            initial: Campaign.initialState
          },
          (refresh) =>
            Effect.map(
              directoryState(command.tenantId, refresh),
              (directory) => Campaign.decider({ directory, rulebook }) as unknown as Any
            ),
          command
        ),
      /** A campaign's state, caught up with the store. */
      campaignState: (tenantId: string, campaignId: string): Effect.Effect<Campaign.State, HandleError> =>
        Effect.map(
          load(
            tenantId,
            streams.campaign(campaignId),
            Campaign.decider({ directory: Directory.initialState, rulebook }) as unknown as Any,
            Campaign.initialState,
            true
          ),
          (c) => c.state as Campaign.State
        ),
      /** A tenant's directory, caught up with the store. */
      directoryState: (tenantId: string): Effect.Effect<Directory.State, HandleError> => directoryState(tenantId, true)
    }
  })

/** The handler's type. @since 0.1.0 */
export type CommandHandler = Effect.Success<ReturnType<typeof make>>

export { WrongExpectedVersion }
