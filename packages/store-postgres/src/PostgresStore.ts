/**
 * The EventStore port on PostgreSQL: a server (`{ url }`) or embedded PGlite (`{ dataDir }`, in
 * memory when absent), with the same tables, the same SQL and the same conformance suite.
 *
 * **The global log.** A sequence number is taken when a row is inserted, not when its transaction
 * commits, so a reader that trusted `global_position` alone could pass position 7 while the
 * transaction holding position 6 is still open, and never see 6. Every event therefore also stores
 * the id of the transaction that wrote it (`xid8`), the log is ordered by
 * `(transaction_id, global_position)`, and a reader takes only events whose transaction is older
 * than every transaction still running (`pg_snapshot_xmin`). Those transactions have all ended, so
 * nothing can ever appear before a position a reader has passed. The position string is the pair,
 * each zero-padded to 20 digits, so string order is log order.
 *
 * **Appends** are one statement, so one round trip and one transaction: a compare-and-set of the
 * stream's row in `thidua_streams`, the command id's row in `thidua_commands`, and the insert of
 * every event through `unnest`. Nothing is looked up first: the unique keys of the command ids (per
 * tenant) and of the event ids (per stream) refuse a write made before, as the rows go in, and the
 * statement then writes nothing. Neither check can be planned through another index, whatever the
 * statistics say (see `internal/appendSql.ts`). When it writes nothing, a second look says why: a
 * duplicate (the earlier events come back), an `IdempotencyConflict`, or a `WrongExpectedVersion`
 * with the stream's actual version. Writers to one stream queue on its row; writers to different
 * streams never meet.
 *
 * **Subscriptions** poll, and are woken early: by this store's own appends (in process), and on a
 * server by `LISTEN`/`NOTIFY` for appends from other processes. See {@link Options}.
 *
 * @since 0.1.0
 */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { PgClient } from "@effect/sql-pg"
import { PGlite } from "@electric-sql/pglite"
import { PGLiteSocketServer } from "@electric-sql/pglite-socket"
import type { Organization } from "@thidua/core"
import { EventStore, Position, type Recorded, StoreError, Telemetry, Validation } from "@thidua/store"
import { Deferred, Duration, Effect, Exit, Fiber, Layer, Option, Queue, Redacted, type Scope, Stream } from "effect"
import { SqlClient, SqlError } from "effect/sql"
import * as AppendSql from "./internal/appendSql.js"
import * as Observed from "./internal/telemetry.js"
import * as Migrations from "./Migrations.js"

/**
 * Where the database is: a PostgreSQL server, or embedded PGlite.
 *
 * @since 0.1.0
 */
export type Config = ServerConfig | EmbeddedConfig

/**
 * A PostgreSQL server (13 or later: the store needs `xid8` and `pg_current_snapshot`).
 *
 * @since 0.1.0
 */
export interface ServerConfig {
  /** `postgres://user:password@host:port/database` */
  readonly url: string
  /** Connections in the pool. Default 10. */
  readonly maxConnections?: number
}

/**
 * Embedded PGlite (PostgreSQL compiled to WebAssembly), in this process.
 *
 * @since 0.1.0
 */
export interface EmbeddedConfig {
  /** A directory for the data files; in memory when absent. */
  readonly dataDir?: string
}

/**
 * How the store wakes its subscribers.
 *
 * @since 0.1.0
 */
export interface Options extends Validation.Options {
  /**
   * Wake subscribers by `LISTEN`/`NOTIFY` when another process appends. It holds one connection
   * per store while anyone subscribes. On by default on a server; off on PGlite, where this store
   * is the only writer and its own appends already wake its subscribers, and where the one
   * connection cannot be held by a listener.
   */
  readonly listen?: boolean
  /** The longest a subscriber waits before it looks again without a wake-up. Default 200 ms. */
  readonly maxPollInterval?: Duration.Input
  /**
   * With telemetry on (`Telemetry.Enabled` from `@thidua/store`), how often the store samples how
   * long an open transaction has held back the horizon readers read up to. Default 5 s.
   */
  readonly horizonCheckInterval?: Duration.Input
  /**
   * With telemetry on, how long the horizon may be held before `thidua.store.horizon.held.exceeded`
   * counts an episode. Default 30 s.
   */
  readonly horizonHeldThreshold?: Duration.Input
}

/** The channel the store notifies on after an append commits. @since 0.1.0 */
export const channel = "thidua_events"

// The shortest time between two NOTIFYs of one store (see `make`).
const notifyEvery = Duration.millis(10)

const pad = (digits: string) => digits.padStart(20, "0")

/**
 * The position of an event from its transaction id and global position.
 *
 * @example
 * ```ts
 * import { PostgresStore } from "@thidua/store-postgres"
 * import assert from "node:assert"
 *
 * // A transaction that commits later sorts later, whatever its sequence numbers.
 * assert.ok(PostgresStore.position("9", "120") < PostgresStore.position("10", "5"))
 * ```
 *
 * @since 0.1.0
 */
export const position = (transactionId: string, globalPosition: string): Position.Position =>
  `${pad(transactionId)}:${pad(globalPosition)}` as Position.Position

const positionPattern = /^(\d{1,20}):(\d{1,20})$/

/**
 * The transaction id and global position of a position, without padding; `["0", "0"]` for
 * `Position.start`. `undefined` for a position that this store did not make.
 *
 * @since 0.1.0
 */
export const parsePosition = (p: Position.Position): readonly [string, string] | undefined => {
  if (p === Position.start) return ["0", "0"]
  const m = positionPattern.exec(p)
  return m === null ? undefined : [BigInt(m[1]!).toString(), BigInt(m[2]!).toString()]
}

interface EventRow {
  readonly tenant_id: string
  readonly stream_id: string
  readonly version: number
  readonly event_id: string
  readonly type: string
  readonly data: Readonly<Record<string, unknown>>
  readonly schema_version: number
  readonly command_id: string | null
  readonly actor: Organization.Actor | null
  readonly recorded_at: Date
  readonly tx: string
  readonly gp: string
}

// Optional fields are added only when present, after the fixed ones, so that the events of a
// catch-up share a few shapes; spreading `{}` for the absent ones cost more than the rest.
const toRecorded = (row: EventRow): Recorded.RecordedEvent => {
  const event: { -readonly [K in keyof Recorded.RecordedEvent]: Recorded.RecordedEvent[K] } = {
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    schemaVersion: row.schema_version,
    tenantId: row.tenant_id,
    streamId: row.stream_id,
    version: row.version,
    position: position(row.tx, row.gp),
    recordedAt: row.recorded_at.getTime()
  }
  if (row.command_id !== null) event.commandId = row.command_id
  if (row.actor !== null) event.actor = row.actor
  return event
}

// Pages of the log come as positional rows, in this order: the driver then builds no object per
// row, and a read for one tenant leaves the tenant out (it is the one asked for). The casts need
// their aliases: unnamed, they would take the columns' names, and `ORDER BY transaction_id` would
// sort by the text.
const pageColumns = (withTenant: boolean) =>
  `stream_id, version, event_id, type, data, schema_version, command_id, actor, recorded_at,
  transaction_id::text AS tx, global_position::text AS gp${withTenant ? ", tenant_id" : ""}`

// `toRecorded` for a positional page row.
const fromPageRow = (row: ReadonlyArray<unknown>, tenantId: string | undefined): Recorded.RecordedEvent => {
  const event: { -readonly [K in keyof Recorded.RecordedEvent]: Recorded.RecordedEvent[K] } = {
    eventId: row[2] as string,
    type: row[3] as string,
    data: row[4] as Recorded.RecordedEvent["data"],
    schemaVersion: row[5] as number,
    tenantId: tenantId ?? (row[11] as string),
    streamId: row[0] as string,
    version: row[1] as number,
    position: position(row[9] as string, row[10] as string),
    recordedAt: (row[8] as Date).getTime()
  }
  if (row[6] !== null) event.commandId = row[6] as string
  if (row[7] !== null) event.actor = row[7] as Organization.Actor
  return event
}

// JSON with object keys sorted at every level: jsonb keeps its own key order (and drops duplicate
// keys), so stored and re-sent payloads are compared as values, never as text.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  )

const sameContent = (
  stored: ReadonlyArray<{ readonly type: string; readonly data: unknown }>,
  sent: ReadonlyArray<{ readonly type: string; readonly data: unknown }>
) =>
  stored.length === sent.length &&
  stored.every((e, i) => e.type === sent[i]!.type && canonical(e.data) === canonical(sent[i]!.data))

const matches = (expected: Recorded.ExpectedVersion, current: number) =>
  typeof expected === "number"
    ? expected === current
    : expected === "no-stream"
      ? current === 0
      : expected === "stream-exists"
        ? current > 0
        : true

// An append that did not write because its transaction's id is older than the stream's last
// writer's (see `compareAndSet`).
const olderTransaction = Symbol("olderTransaction")

const validKeys = (tenantId: string, streamId: string) =>
  Validation.keyProblem(tenantId) === undefined && Validation.keyProblem(streamId) === undefined

const isUniqueViolation = (e: unknown): e is SqlError.SqlError =>
  SqlError.isSqlError(e) && e.reason._tag === "UniqueViolation"

const unavailable =
  (operation: string) =>
  (cause: unknown): StoreError.StoreUnavailable =>
    new StoreError.StoreUnavailable({ operation, cause })

/**
 * The store over the `SqlClient` in context, whose database has the tables (see `Migrations`).
 * With a `PgClient` in context and `listen` on (the default), subscribers also wake on `NOTIFY`.
 * Background fibers (the notifier, the listener) live in the scope.
 *
 * @since 0.1.0
 */
export const make = (
  options: Options = {}
): Effect.Effect<EventStore.Shape, never, SqlClient.SqlClient | Scope.Scope> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const validator = Validation.make(options)
    const pg = options.listen === false ? Option.none() : yield* Effect.serviceOption(PgClient.PgClient)
    const scope = yield* Effect.scope
    const maxPoll = Duration.toMillis(Duration.fromInputUnsafe(options.maxPollInterval ?? "200 millis"))

    // Wake-ups: a Deferred that is completed and replaced at every append this store commits, or
    // notification it hears. A subscriber takes the current one before it reads, so an append that
    // lands between its read and its wait still wakes it.
    let signal = Deferred.makeUnsafe<void>()
    const wake = () => {
      const done = signal
      signal = Deferred.makeUnsafe<void>()
      Deferred.doneUnsafe(done, Exit.void)
    }

    // NOTIFY after the commit, not inside the append's transaction: a transaction that notifies
    // takes a lock, global to the cluster, from its commit until its end, which serialises every
    // notifying commit (measured: a third to a half less throughput with 8 writers). One fiber sends the
    // notifications, one at a time and at most one every `notifyEvery`: the first append after a
    // quiet spell is announced at once, and every append that commits while a NOTIFY is on its way,
    // or within `notifyEvery` after it, shares the next one. A writer making a thousand appends a
    // second then costs the server a hundred NOTIFYs, not a thousand (each a round trip and a
    // transaction of its own), and a subscriber in another process hears of an append at most
    // `notifyEvery` later.
    const notifications = Option.isSome(pg) ? yield* Queue.dropping<void>(1) : undefined
    if (notifications !== undefined) {
      yield* Queue.take(notifications).pipe(
        Effect.andThen(sql`SELECT pg_notify(${channel}, '')`),
        Effect.catchCause((cause) => Effect.logWarning("thidua: NOTIFY failed; subscribers will poll", cause)),
        Effect.andThen(Effect.sleep(notifyEvery)),
        Effect.forever,
        Effect.forkIn(scope)
      )
    }
    const committed = Effect.sync(() => {
      wake()
      if (notifications !== undefined) Queue.offerUnsafe(notifications, undefined)
    })

    // One LISTEN per store, from the first subscription on; after a lost connection it listens
    // again, and wakes everyone since notifications may have been missed meanwhile.
    let listening = false
    const listen = Effect.suspend(() => {
      if (listening || Option.isNone(pg)) return Effect.void
      listening = true
      const client = pg.value
      return Effect.scoped(
        Effect.gen(function* () {
          const heard = yield* client.listen(channel)
          wake()
          return yield* Effect.forever(Effect.andThen(Queue.take(heard), Effect.sync(wake)))
        })
      ).pipe(
        Effect.catchCause((cause) => Effect.logWarning("thidua: LISTEN lost; listening again in 1 s", cause)),
        Effect.andThen(Effect.sleep("1 second")),
        Effect.forever,
        Effect.forkIn(scope),
        Effect.asVoid
      )
    })

    const run = <A extends object>(query: AppendSql.Query) => sql.unsafe<A>(query.text, query.params)

    const readVersion = (tenantId: string, streamId: string) =>
      Effect.map(run<{ version: number }>(AppendSql.streamVersion(tenantId, streamId)), (rows) => rows[0]?.version ?? 0)

    // What the command id, or else the event ids, did before, with the stream's version: what an
    // idempotent re-send gets back. `undefined` when nothing was seen.
    const earlier = (
      tenantId: string,
      streamId: string,
      events: ReadonlyArray<Recorded.NewEvent>,
      metadata: Recorded.AppendMetadata
    ): Effect.Effect<Recorded.AppendResult | undefined, StoreError.IdempotencyConflict | SqlError.SqlError, never> =>
      Effect.gen(function* () {
        const commandId = metadata.commandId
        if (commandId !== undefined) {
          const [used] = yield* run<{ readonly stream_id: string; readonly digest: string | null }>(
            AppendSql.commandRow(tenantId, commandId)
          )
          if (used !== undefined) {
            const rows = yield* run<EventRow & { readonly current: number }>(
              AppendSql.commandEvents(tenantId, used.stream_id, commandId)
            )
            const digest = used.digest ?? undefined
            const same =
              used.stream_id === streamId &&
              (digest !== undefined && metadata.commandDigest !== undefined
                ? digest === metadata.commandDigest
                : events.length === 0 || sameContent(rows, events))
            if (same) {
              const result = { events: rows.map(toRecorded), version: rows[0]?.current ?? 0, duplicate: true }
              return digest === undefined ? result : { ...result, commandDigest: digest }
            }
            return yield* new StoreError.IdempotencyConflict({
              tenantId,
              streamId,
              key: `command ${commandId}`,
              reason: used.stream_id === streamId ? "used before with other content" : "used before on another stream",
              first: { streamId: used.stream_id, content: StoreError.describeContent(digest, rows) },
              attempted: StoreError.describeContent(metadata.commandDigest, events)
            })
          }
        }
        if (events.length === 0) return undefined
        const rows = yield* run<EventRow & { readonly current: number }>(
          AppendSql.eventsById(
            tenantId,
            streamId,
            events.map((e) => e.eventId)
          )
        )
        if (rows.length === 0) return undefined
        const current = rows[0]!.current
        const byId = new Map(rows.map((r) => [r.event_id, r]))
        const seen = events.filter((e) => byId.has(e.eventId))
        const stored = events.map((e) => byId.get(e.eventId)!)
        if (seen.length === events.length && sameContent(stored, events))
          return { events: stored.map(toRecorded), version: current, duplicate: true }
        return yield* new StoreError.IdempotencyConflict({
          tenantId,
          streamId,
          key: `event ${seen[0]!.eventId}`,
          reason:
            seen.length === events.length
              ? "appended before with other content"
              : "some events of the batch were appended before, others not"
        })
      })

    // The events as written, from what the append sent and what the statement gave back (version,
    // transaction id, position, time), without reading them back: the payload as the database keeps
    // it is the JSON sent, decoded (jsonb may order its keys otherwise, which no comparison of
    // values sees).
    const recordedOf = (
      tenantId: string,
      streamId: string,
      events: ReadonlyArray<Recorded.NewEvent>,
      metadata: Recorded.AppendMetadata,
      payloads: ReadonlyArray<string>,
      actor: string | null,
      rows: ReadonlyArray<ReadonlyArray<unknown>>
    ): Array<Recorded.RecordedEvent> => {
      const byVersion = rows.length > 1 ? [...rows].sort((a, b) => (a[0] as number) - (b[0] as number)) : rows
      return events.map((e, i) => {
        const row = byVersion[i]!
        const event: { -readonly [K in keyof Recorded.RecordedEvent]: Recorded.RecordedEvent[K] } = {
          eventId: e.eventId,
          type: e.type,
          data: JSON.parse(payloads[i]!),
          schemaVersion: e.schemaVersion,
          tenantId,
          streamId,
          version: row[0] as number,
          position: position(row[1] as string, row[2] as string),
          recordedAt: (row[3] as Date).getTime()
        }
        if (metadata.commandId !== undefined) event.commandId = metadata.commandId
        if (actor !== null) event.actor = JSON.parse(actor)
        return event
      })
    }

    const appendOnce = (
      tenantId: string,
      streamId: string,
      expected: Recorded.ExpectedVersion,
      events: ReadonlyArray<Recorded.NewEvent>,
      metadata: Recorded.AppendMetadata,
      beforeCommit: ((events: ReadonlyArray<Recorded.RecordedEvent>) => void) | undefined
    ) =>
      Effect.gen(function* () {
        // Appending nothing writes nothing, not even the stream's row.
        if (events.length === 0) {
          if (metadata.commandId !== undefined) {
            const before = yield* earlier(tenantId, streamId, events, metadata)
            if (before !== undefined) return before
          }
          const current = yield* readVersion(tenantId, streamId)
          if (!matches(expected, current))
            return yield* new StoreError.WrongExpectedVersion({ tenantId, streamId, expected, actual: current })
          return { events: [], version: current, duplicate: false } satisfies Recorded.AppendResult
        }
        // Checked by the validator already: every payload is JSON.
        const payloads = events.map((e) => JSON.stringify(e.data))
        const actor = metadata.actor === undefined ? null : JSON.stringify(metadata.actor)
        const rows = yield* run(AppendSql.write(tenantId, streamId, expected, events, metadata, payloads, actor)).values
        if (rows.length === 0) {
          // Seen before (a re-send whose stream has moved on), or the stream moved, or this
          // transaction's id is older than the stream's last writer's.
          const before = yield* earlier(tenantId, streamId, events, metadata)
          if (before !== undefined) return before
          const current = yield* readVersion(tenantId, streamId)
          if (matches(expected, current)) return yield* Effect.fail(olderTransaction)
          return yield* new StoreError.WrongExpectedVersion({ tenantId, streamId, expected, actual: current })
        }
        const recorded = recordedOf(tenantId, streamId, events, metadata, payloads, actor, rows)
        if (beforeCommit !== undefined)
          yield* Effect.try({
            try: () => beforeCommit(recorded),
            catch: (cause) => new StoreError.AppendAborted({ tenantId, streamId, cause })
          })
        yield* sql.afterCommit(committed)
        return { events: recorded, version: recorded.at(-1)!.version, duplicate: false } as Recorded.AppendResult
      })

    const append: EventStore.Shape["append"] = (
      tenantId,
      streamId,
      expected,
      events,
      metadata = {},
      appendOptions = {}
    ) =>
      Effect.gen(function* () {
        const refused = Validation.checkExpected(expected) ?? validator.append(tenantId, streamId, events, metadata)
        if (refused !== undefined) return yield* refused
        const ids = new Set(events.map((e) => e.eventId))
        if (ids.size !== events.length)
          return yield* new StoreError.IdempotencyConflict({
            tenantId,
            streamId,
            key: `event ${events.find((e, i) => events.findIndex((f) => f.eventId === e.eventId) !== i)!.eventId}`,
            reason: "the batch holds the same event id twice"
          })
        // On its own the write is one statement and needs no transaction, unless a hook must run
        // before it commits. Inside the caller's transaction it gets a savepoint, so that a failed
        // attempt leaves the caller's work intact.
        const inTransaction = Option.isSome(yield* Effect.serviceOption(sql.transactionService))
        const once = appendOnce(tenantId, streamId, expected, events, metadata, appendOptions.beforeCommit)
        const attempt = inTransaction || appendOptions.beforeCommit !== undefined ? sql.withTransaction(once) : once
        const wrongVersion = Effect.flatMap(readVersion(tenantId, streamId), (actual) =>
          Effect.fail(new StoreError.WrongExpectedVersion({ tenantId, streamId, expected, actual }))
        )
        // A transaction whose id is older than the stream's last writer's tries again in a new
        // one, whose id is newer; inside the caller's transaction it cannot, and the caller's
        // whole transaction must be tried again, as after any conflict.
        type Attempt = Effect.Effect<
          Recorded.AppendResult,
          Exclude<Effect.Error<typeof attempt>, typeof olderTransaction> | SqlError.SqlError
        >
        const ordered = (n: number): Attempt =>
          Effect.catchIf(
            attempt,
            (e): e is typeof olderTransaction => e === olderTransaction,
            () => (inTransaction || n >= 20 ? wrongVersion : ordered(n + 1))
          ) as Attempt
        return yield* ordered(1).pipe(
          // A unique key refused the write (and the statement wrote nothing): the command id or an
          // event id was written before, or by an append that committed while this one waited for
          // it. What was written says whether this is a re-send or a conflict. When nothing is
          // found (a version taken behind the store's back), one more attempt, then the stream's
          // version.
          Effect.catchIf(isUniqueViolation, () =>
            Effect.flatMap(earlier(tenantId, streamId, events, metadata), (before) =>
              before === undefined ? ordered(1) : Effect.succeed(before)
            )
          ),
          Effect.catchIf(isUniqueViolation, () => wrongVersion),
          Effect.catchIf(SqlError.isSqlError, (e) => Effect.fail(unavailable("append")(e)))
        )
      })

    // One page of the log after a cursor: the events up to where the migrations' page-end function
    // says the page ends (the key of its last event), so the query reads one page of rows whatever
    // plan the server picks for it, statistics or none (see Migrations). One statement, so the end
    // and the page come from one snapshot. No end (fewer events left than a page) leaves the page
    // open above.
    const page = (
      cursor: readonly [string, string],
      size: number,
      tenantId: string | undefined
    ): Effect.Effect<ReadonlyArray<ReadonlyArray<unknown>>, StoreError.StoreUnavailable> =>
      sql`WITH page_end AS MATERIALIZED (
          SELECT tx, gp FROM ${
            tenantId === undefined
              ? sql`thidua_log_page_end(${cursor[0]}::xid8, ${cursor[1]}::bigint, ${size}::int)`
              : sql`thidua_tenant_log_page_end(${tenantId}::text, ${cursor[0]}::xid8, ${cursor[1]}::bigint, ${size}::int)`
          }
        )
        SELECT ${sql.literal(pageColumns(tenantId === undefined))} FROM thidua_events
        WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          AND (transaction_id, global_position) > (${cursor[0]}::xid8, ${cursor[1]}::bigint)
          AND (transaction_id, global_position) <= (
            coalesce((SELECT tx FROM page_end), '18446744073709551615'::xid8),
            coalesce((SELECT gp FROM page_end), 9223372036854775807::bigint))
          ${tenantId === undefined ? sql.literal("") : sql`AND tenant_id = ${tenantId}`}
        ORDER BY transaction_id, global_position
        LIMIT ${size}`.values.pipe(Effect.mapError(unavailable("readAll")))

    // A page asked for ahead of time, with the wake-up that was current when it was asked for: an
    // append that commits after the read began must still end the wait that follows an empty page.
    interface Ahead {
      readonly rows: Fiber.Fiber<ReadonlyArray<ReadonlyArray<unknown>>, StoreError.StoreUnavailable>
      readonly wakeUp: Deferred.Deferred<void>
    }

    interface Cursor {
      readonly at: readonly [string, string]
      readonly wait: number
      readonly ahead: Ahead | undefined
    }
    type Step = readonly [ReadonlyArray<Recorded.RecordedEvent>, Option.Option<Cursor>]

    // The log as pages after a cursor. After a full page the next one is asked for at once, so
    // that the server finds it, and the network carries it, while the consumer works through this
    // one (measured: 15–20 % more events/s on a server on the same machine; more when it is
    // farther away). The driver still decodes its rows on this thread, so a catch-up cannot go
    // faster than this process can decode and consume. The read starts immediately, not when this
    // fiber next yields: a consumer that folds a page without yielding would otherwise send it only
    // when it asks for it. The stream's scope interrupts a read nobody will take. `follow`: when a
    // page comes back empty, wait for a wake-up or the poll interval (doubling from 5 ms to the
    // maximum while nothing comes), then look again.
    const pages = (after: Position.Position, options: EventStore.ReadAllOptions, follow: boolean) => {
      const size = options.batchSize ?? 1000
      const tenantId = options.tenantId
      if (tenantId !== undefined && Validation.keyProblem(tenantId) !== undefined)
        return follow ? Stream.never : Stream.empty
      const start = parsePosition(after)
      if (start === undefined)
        return Stream.fail(unavailable("readAll")(new Error(`${after} is not a position of the PostgreSQL store`)))
      return Stream.unwrap(
        Effect.gen(function* () {
          const scope = yield* Effect.scope
          if (follow) yield* listen
          const readAhead = (at: readonly [string, string]) =>
            Effect.suspend(() => {
              const wakeUp = signal
              return Effect.map(
                Effect.forkIn(page(at, size, tenantId), scope, { startImmediately: true }),
                (rows): Ahead => ({ rows, wakeUp })
              )
            })
          return Stream.paginate<Cursor, Recorded.RecordedEvent, StoreError.StoreUnavailable>(
            { at: start, wait: 5, ahead: undefined },
            (cursor) =>
              Effect.suspend(() => {
                const wakeUp = cursor.ahead?.wakeUp ?? signal
                const read =
                  cursor.ahead === undefined ? page(cursor.at, size, tenantId) : Fiber.join(cursor.ahead.rows)
                return Effect.flatMap(read, (rows): Effect.Effect<Step> => {
                  if (rows.length > 0) {
                    const events = rows.map((row) => fromPageRow(row, tenantId))
                    const full = rows.length === size
                    if (!full && !follow) return Effect.succeed([events, Option.none()])
                    const last = rows[rows.length - 1]!
                    const at = [last[9] as string, last[10] as string] as const
                    return Effect.map(
                      full ? readAhead(at) : Effect.undefined,
                      (ahead): Step => [events, Option.some({ at, wait: 5, ahead })]
                    )
                  }
                  if (!follow) return Effect.succeed([[], Option.none()])
                  return Effect.raceFirst(Deferred.await(wakeUp), Effect.sleep(cursor.wait)).pipe(
                    Effect.as<Step>([
                      [],
                      Option.some({ at: cursor.at, wait: Math.min(cursor.wait * 2, maxPoll), ahead: undefined })
                    ])
                  )
                })
              })
          )
        })
      )
    }

    const store = EventStore.EventStore.of({
      append,
      // A key no write lets in names no stream; asked for, PostgreSQL would turn a lone surrogate
      // into U+FFFD and might find another tenant's stream.
      readStream: (tenantId, streamId, fromVersion = 1) =>
        !validKeys(tenantId, streamId) || Validation.firstVersion(fromVersion) > 2_147_483_647
          ? Effect.succeed([])
          : run<EventRow>(AppendSql.streamEvents(tenantId, streamId, Validation.firstVersion(fromVersion))).pipe(
              Effect.map((rows) => rows.map(toRecorded)),
              Effect.mapError(unavailable("readStream"))
            ),
      streamVersion: (tenantId, streamId) =>
        !validKeys(tenantId, streamId)
          ? Effect.succeed(0)
          : readVersion(tenantId, streamId).pipe(Effect.mapError(unavailable("streamVersion"))),
      readAll: (after, options = {}) => pages(after, options, false),
      subscribe: (after, options = {}) => pages(after, options, true)
    })
    Telemetry.registerLagProbe(store, Observed.lagProbe(sql, parsePosition, unavailable("lag")))
    // Read once: with telemetry off, appends are not traced and nothing samples the horizon.
    if (!(yield* Telemetry.Enabled)) return store
    yield* Effect.forkIn(
      Observed.watchHorizon(
        sql,
        options.horizonCheckInterval ?? "5 seconds",
        options.horizonHeldThreshold ?? "30 seconds"
      ),
      scope
    )
    return Telemetry.traceAppends(store, "postgres")
  })

/**
 * The store over the `SqlClient` in context: runs the migrations, then builds the store. For an
 * app that has its own client (and wants the store's writes in its own transactions).
 *
 * @since 0.1.0
 */
export const layerFromClient = (
  options: Options = {}
): Layer.Layer<EventStore.EventStore, StoreError.StoreUnavailable, SqlClient.SqlClient> =>
  Layer.effect(
    EventStore.EventStore,
    Effect.andThen(Migrations.run.pipe(Effect.mapError(unavailable("migrate"))), make(options))
  )

// PGlite keeps no lock of its own: two of them on one folder run two databases over the same files,
// and whichever closes last overwrites the other's. A lock file inside the folder, holding the
// owner's pid, keeps a second one out (in this process or another); a lock left by a process that
// died is taken over.
const lockName = "thidua.lock"

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (cause) {
    return (cause as { code?: string }).code === "EPERM"
  }
}

const lockDataDir = (dataDir: string): string => {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, lockName)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: "wx" })
      return path
    } catch (cause) {
      if ((cause as { code?: string }).code !== "EEXIST") throw cause
      const pid = Number(readFileSync(path, "utf8"))
      if (Number.isSafeInteger(pid) && pid > 0 && isAlive(pid))
        throw new Error(`the data directory ${dataDir} is in use by process ${pid} (${path})`)
      rmSync(path, { force: true })
    }
  }
  throw new Error(`the data directory ${dataDir} could not be locked (${path})`)
}

const pgliteServer = (dataDir: string | undefined) =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: async () => {
        const lock = dataDir === undefined || dataDir.startsWith("memory://") ? undefined : lockDataDir(dataDir)
        const unlock = () => {
          if (lock !== undefined) rmSync(lock, { force: true })
        }
        let db: PGlite
        try {
          db = await PGlite.create(dataDir ?? "memory://")
        } catch (cause) {
          unlock()
          throw cause
        }
        // One connection at a time: PGlite runs one session, and a second socket client
        // interleaving transactions on it fails ("portal does not exist"). The pool holds one
        // connection (below); the server takes a second only so that the pool
        // can replace a connection it dropped (a query interrupted mid-way) while the server is
        // still freeing the first one's slot: it refused such reconnects now and then.
        const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 2 })
        try {
          await server.start()
        } catch (cause) {
          await db.close()
          unlock()
          throw cause
        }
        return { db, server, unlock }
      },
      catch: unavailable("start PGlite")
    }),
    ({ db, server, unlock }) =>
      Effect.promise(async () => {
        try {
          await server.stop()
          await db.close()
        } finally {
          unlock()
        }
      })
  )

/**
 * A `PgClient` (and `SqlClient`) for a config: a pool on a server, or one connection to PGlite
 * served on a loopback socket in this process, stopped with the layer.
 *
 * @since 0.1.0
 */
export const layerClient = (
  config: Config
): Layer.Layer<PgClient.PgClient | SqlClient.SqlClient, StoreError.StoreUnavailable> =>
  PgClient.layerFrom(
    "url" in config
      ? PgClient.make({
          url: Redacted.make(config.url),
          maxConnections: config.maxConnections ?? 10
        }).pipe(Effect.mapError(unavailable("connect")))
      : Effect.flatMap(pgliteServer(config.dataDir), ({ server }) =>
          PgClient.make({
            url: Redacted.make(`postgres://postgres@${server.getServerConn()}/postgres`),
            // The pool keeps its one connection: PGlite's server frees a closed slot late, and a
            // reconnect right after a close is refused.
            minConnections: 1,
            maxConnections: 1,
            idleTimeout: "1 hour"
          }).pipe(Effect.mapError(unavailable("connect")))
        )
  )

/**
 * The store for a config, with its client: migrations run on start, and everything (the pool,
 * PGlite) is released with the layer. Also provides the `SqlClient`, for projections that write
 * their rows and checkpoints in one transaction.
 *
 * @example
 * ```ts no-run
 * import { EventStore } from "@thidua/store"
 * import { PostgresStore } from "@thidua/store-postgres"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function* () {
 *   const store = yield* EventStore.EventStore
 *   yield* store.append("hanoi", "campaign:hm-2020", "no-stream", [
 *     { eventId: crypto.randomUUID(), type: "CampaignLaunched", data: { at: "2020-01-02" }, schemaVersion: 1 }
 *   ])
 *   return yield* store.streamVersion("hanoi", "campaign:hm-2020")
 * })
 * // A server:
 * await Effect.runPromise(program.pipe(Effect.provide(PostgresStore.layer({ url: "postgres://postgres@127.0.0.1/app" }))))
 * // Embedded, in memory:
 * await Effect.runPromise(program.pipe(Effect.provide(PostgresStore.layer({}))))
 * ```
 *
 * @since 0.1.0
 */
export const layer = (
  config: Config,
  options: Options = {}
): Layer.Layer<EventStore.EventStore | PgClient.PgClient | SqlClient.SqlClient, StoreError.StoreUnavailable> =>
  layerFromClient({ listen: "url" in config, ...options }).pipe(Layer.provideMerge(layerClient(config)))
