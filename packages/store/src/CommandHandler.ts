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
import { Campaign, type Command, Decider, Directory, type DomainError, Event, Rulebook } from "@thidua/core"
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

interface Cached<S> {
  readonly tracked: Decider.Tracked<S, Event.DomainEvent>
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
  Effect.gen(function* () {
    const store = yield* EventStore
    const rulebook = options.rulebook ?? Rulebook.standard
    const maxAttempts = options.maxAttempts ?? 5
    const cache = new Map<string, Cached<unknown>>()

    const fold = <S>(decider: Any, cached: Cached<S>, recorded: ReadonlyArray<RecordedEvent>) => {
      let tracked = cached.tracked as Decider.Tracked<unknown, Event.DomainEvent>
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
        tracked = Decider.evolveTracked(decider, tracked, r.commandId ?? r.eventId, [e.success])
      }
      return Result.succeed({ tracked } as Cached<S>)
    }

    /** The stream's state, caught up with the store. */
    const load = <S>(tenantId: string, streamId: string, decider: Any, initial: S) =>
      Effect.gen(function* () {
        const key = `${tenantId}\u0000${streamId}`
        const cached = (cache.get(key) as Cached<S> | undefined) ?? {
          tracked: Decider.track<S, Event.DomainEvent>(initial)
        }
        const recorded = yield* store.readStream(tenantId, streamId, cached.tracked.version + 1)
        if (recorded.length === 0) return cached
        const next = yield* Effect.fromResult(fold(decider, cached, recorded))
        cache.set(key, next)
        return next
      })

    const run = <
      S,
      C extends {
        readonly commandId: string
        readonly tenantId: string
        readonly actor: Command.CampaignCommand["actor"]
      },
      E extends Event.DomainEvent
    >(
      tenantId: string,
      streamId: string,
      decider: () => Effect.Effect<Decider.Decider<S, C, E, DomainError.DomainError>, HandleError>,
      initial: S,
      command: C
    ): Effect.Effect<Handled<E>, HandleError> =>
      Effect.gen(function* () {
        const key = `${tenantId}\u0000${streamId}`
        for (let attempt = 1; ; attempt++) {
          const d = yield* decider()
          const cached = yield* load(tenantId, streamId, d as unknown as Any, initial)
          const decision = yield* Effect.fromResult(Decider.handle(d, cached.tracked as Decider.Tracked<S, E>, command))
          if (decision.duplicate || decision.events.length === 0)
            return { events: decision.events, version: cached.tracked.version, duplicate: decision.duplicate }
          const appended = yield* store
            .append(tenantId, streamId, cached.tracked.version, Codec.encode(decision.events), {
              commandId: command.commandId,
              actor: command.actor
            })
            .pipe(
              Effect.map((r) => r as typeof r | undefined),
              Effect.catchTag("WrongExpectedVersion", (e) =>
                attempt < maxAttempts ? Effect.succeed(undefined) : Effect.fail(e)
              )
            )
          if (appended === undefined) continue
          if (appended.duplicate) {
            // Another handler appended this very command first.
            const events: Array<E> = []
            for (const r of appended.events) events.push((yield* Codec.decode(r)) as E)
            return { events, version: appended.version, duplicate: true }
          }
          cache.set(key, {
            tracked: Decider.evolveTracked(
              d as unknown as Any,
              cached.tracked as Decider.Tracked<unknown, Event.DomainEvent>,
              command.commandId,
              decision.events
            )
          })
          return { events: decision.events, version: appended.version, duplicate: false }
        }
      })

    const directoryState = (tenantId: string) =>
      load(
        tenantId,
        streams.directory(tenantId),
        Directory.decider as unknown as Any,
        Directory.initialFor(tenantId as never)
      ).pipe(Effect.map((c) => c.tracked.state as Directory.State))

    return {
      /** Handles a directory command of its tenant. */
      directory: (command: Command.DirectoryCommand) =>
        run(
          command.tenantId,
          streams.directory(command.tenantId),
          () => Effect.succeed(Directory.decider),
          Directory.initialFor(command.tenantId),
          command
        ),
      /** Handles a campaign command, against its tenant's directory as it stands now. */
      campaign: (command: Command.CampaignCommand) =>
        run(
          command.tenantId,
          streams.campaign(command.campaignId),
          () => Effect.map(directoryState(command.tenantId), (directory) => Campaign.decider({ directory, rulebook })),
          Campaign.initialState,
          command
        ),
      /** A campaign's state, caught up with the store. */
      campaignState: (tenantId: string, campaignId: string) =>
        load(
          tenantId,
          streams.campaign(campaignId),
          Campaign.decider({ directory: Directory.initialState, rulebook }) as unknown as Any,
          Campaign.initialState
        ).pipe(Effect.map((c) => c.tracked.state as Campaign.State)),
      /** A tenant's directory, caught up with the store. */
      directoryState
    }
  })

/** The handler's type. @since 0.1.0 */
export type CommandHandler = Effect.Success<ReturnType<typeof make>>

export { WrongExpectedVersion }
