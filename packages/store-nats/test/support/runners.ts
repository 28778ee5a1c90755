/**
 * What the runner tests on the NATS store share: a nats-server and a SQL database for the whole
 * file, the seed campaigns sent through the command handler, the read models compared between
 * stores, a log made comparable across stores (whose positions, and the ids derived from them,
 * differ), and stores that count what their callers do.
 */
import { randomUUID } from "node:crypto"
import { jetstream } from "@nats-io/jetstream"
import { connect } from "@nats-io/transport-node"
import { Command } from "@thidua/core"
import {
  AwardRoll,
  CommendationRecord,
  InitiativeLedger,
  Participation,
  Projection,
  Scoreboard,
  Timeline
} from "@thidua/projections"
import { type CommandHandler, type EventStore, Principal, type Recorded } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import type { Seeds } from "@thidua/testing"
import { Context, Duration, Effect, Layer, Result, Stream } from "effect"
import type { SqlClient } from "effect/sql"
import { freshDatabase } from "../../../projections/test/support.js"
import * as Message from "../../src/internal/message.js"
import { type Server, startServer } from "./servers.js"

/** The nats-server of the file. */
export class NatsServer extends Context.Service<NatsServer, Server>()("test/NatsServer") {}

/** One nats-server, started for the layer and stopped with it. */
export const natsServer: Layer.Layer<NatsServer> = Layer.effect(
  NatsServer,
  Effect.acquireRelease(
    Effect.promise(() => startServer()),
    (server) => Effect.promise(() => server.stop())
  )
)

/**
 * The SQL database of the read models and leases: a database of its own on the server at
 * `THIDUA_PG_URL` when it is set, else embedded PGlite.
 */
export const sqlDatabase: Layer.Layer<SqlClient.SqlClient, unknown> =
  process.env.THIDUA_PG_URL === undefined
    ? PostgresStore.layerClient({})
    : Layer.unwrap(
        Effect.map(freshDatabase(process.env.THIDUA_PG_URL), (url) =>
          PostgresStore.layerClient({ url, maxConnections: 4 })
        )
      )

/** A seed's commands, as a host receives them: its directory, then its campaign. */
export const commandsOf = (seed: Seeds.Seed): ReadonlyArray<unknown> => [...seed.directory, ...seed.campaign]

/** Decodes a seed's command and sends it as its own claim (tests trust the seeds as a host its imports). */
export const send = (handler: CommandHandler.CommandHandler, raw: unknown) => {
  const c = Result.getOrThrow(Command.decode(raw))
  const principal = Principal.trustClaim(c)
  return "campaignId" in c
    ? Effect.asVoid(handler.campaign(c as Command.CampaignCommand, { principal }))
    : Effect.asVoid(handler.directory(c as Command.DirectoryCommand, { principal }))
}

/**
 * Counts the events of every domain type per stream: an event folded twice, or missed, changes a
 * count, where the built-in read models (sets and maps keyed by id) might not show it.
 */
export const counting: Projection.Projection<Record<string, number>> = {
  ...Projection.make({
    name: "test.counting",
    version: 1,
    init: (): Record<string, number> => ({}),
    partition: Projection.byCampaign,
    handlers: {}
  }),
  tags: undefined,
  apply: (state, event) => {
    state[event._tag] = (state[event._tag] ?? 0) + 1
    return state
  }
}

/** The read models compared between stores: every built-in one, and the count. */
// biome-ignore lint/suspicious/noExplicitAny: read models of different states, each compared with its own.
export const readModels: ReadonlyArray<Projection.Projection<any>> = [
  AwardRoll.projection,
  CommendationRecord.projection,
  InitiativeLedger.projection,
  Participation.projection,
  Scoreboard.projection,
  Timeline.projection,
  counting
]

// What differs between two stores holding the same history: positions (and what is derived from
// them: process event ids, the ids of commands decided on events), and the random ids of the
// events the command handler makes. Each is replaced by its kind and its rank of first appearance.
const volatile: ReadonlyArray<readonly [kind: string, pattern: RegExp]> = [
  ["position", /n\d{25}/g], // the NATS store's
  ["position", /\b\d{20}\b/g], // the in-memory store's
  ["command", /\bwf\.[A-Za-z0-9_-]+\.[0-9a-f]{16}\.\d+\b/g], // a command id a manager derived from an input
  ["event", /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g] // an event id the handler made
]

/**
 * A log as lines that two stores holding the same history give alike: stream, version, type,
 * data, command id and actor, streams in order of their ids, with what each store makes up for
 * itself replaced by its kind and rank.
 */
export const comparable = (events: ReadonlyArray<Recorded.RecordedEvent>): ReadonlyArray<string> => {
  const lines = [...events]
    .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : a.version - b.version))
    .map(
      (e) =>
        `${e.streamId}#${e.version} ${e.type} ${JSON.stringify(e.data)} command=${e.commandId ?? "-"} actor=${JSON.stringify(e.actor ?? null)}`
    )
  const ranks = new Map<string, Map<string, number>>()
  return lines.map((line) =>
    volatile.reduce(
      (text, [kind, pattern]) =>
        text.replace(pattern, (token) => {
          const rank = ranks.get(kind) ?? new Map<string, number>()
          ranks.set(kind, rank)
          if (!rank.has(token)) rank.set(token, rank.size)
          return `<${kind} ${rank.get(token)}>`
        }),
      line
    )
  )
}

/** A store that counts the events its readers read (`readAll` and `subscribe`). */
export const counted = (store: EventStore.Shape): { readonly store: EventStore.Shape; readonly read: () => number } => {
  let read = 0
  const tally = (e: Recorded.RecordedEvent) => {
    read++
    return e
  }
  return {
    store: {
      ...store,
      readAll: (after, options) => Stream.map(store.readAll(after, options), tally),
      subscribe: (after, options) => Stream.map(store.subscribe(after, options), tally)
    },
    read: () => read
  }
}

/** An append a store was asked to make: by whom, when (ms), to which stream. */
export interface Attempt {
  readonly by: string
  readonly at: number
  readonly streamId: string
}

/** A store that notes every append asked of it in `attempts`, before making it. */
export const noting = (store: EventStore.Shape, by: string, attempts: Array<Attempt>): EventStore.Shape => ({
  ...store,
  append: (tenantId, streamId, expected, events, metadata, options) =>
    Effect.suspend(() => {
      attempts.push({ by, at: Date.now(), streamId })
      return store.append(tenantId, streamId, expected, events, metadata, options)
    })
})

/**
 * Writes a long log of one tenant to the `main` group of the store named `name`, one event per
 * message in the store's own format, published without waiting for each answer: a year's worth of
 * one-event appends in a second, where the store's appends take a round trip each. The group's
 * stream must exist (a store made on it creates it).
 */
export const publishLog = async (
  url: string,
  name: string,
  tenantId: string,
  appends: ReadonlyArray<readonly [streamId: string, event: Recorded.NewEvent]>
): Promise<void> => {
  const nc = await connect({ servers: url })
  try {
    const js = jetstream(nc)
    const versions = new Map<string, number>()
    const pending: Array<Promise<unknown>> = []
    for (const [streamId, event] of appends) {
      const version = (versions.get(streamId) ?? 0) + 1
      versions.set(streamId, version)
      const body = Message.body(tenantId, streamId, version, Date.now(), randomUUID(), [event], {})
      pending.push(
        js.publish(`${name}.main.${Message.token(tenantId)}.${Message.token(streamId)}`, Message.encode(body))
      )
      if (pending.length >= 500) await Promise.all(pending.splice(0))
    }
    await Promise.all(pending)
  } finally {
    await nc.close()
  }
}

/** Polls `check` on the real clock until it gives a value other than `undefined`, or fails after `within`. */
export const eventually = <A, E, R>(
  what: string,
  check: Effect.Effect<A | undefined, E, R>,
  within: Duration.Input = "20 seconds"
): Effect.Effect<A, E | Error, R> =>
  Effect.gen(function* () {
    const deadline = Date.now() + Duration.toMillis(Duration.fromInputUnsafe(within))
    for (;;) {
      const value = yield* check
      if (value !== undefined) return value
      if (Date.now() > deadline) return yield* Effect.fail(new Error(`timed out waiting for ${what}`))
      yield* Effect.sleep("25 millis")
    }
  })
