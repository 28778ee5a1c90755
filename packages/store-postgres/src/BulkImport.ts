/**
 * Loading many new streams at once: a migration from another system, or a restore. About three
 * times as fast as appending (measured on the project's 2-vCPU machine, server on the same
 * machine: 60,000–64,000 events/s, against about 21,000 for 100-event appends from 8 writers),
 * because it writes thousands of events per statement and per transaction, on several
 * connections at once.
 *
 * **The contract.** Every stream of the input must be new: one that exists when its turn comes
 * (in the database, or earlier in the same input) fails the import with a `WrongExpectedVersion`.
 * A stream's events get versions 1 to n in the order given, and positions in the global log in
 * that order. The input is written in transactions of about `batchSize` events (a stream is never
 * split), up to `concurrency` of them at once, and **they commit in input order**: whatever stops
 * the import, what is in the database is a prefix of the input, whole streams only, and the
 * `ImportFailed` error says how long it is. Nothing after it is visible. To go on, import the
 * rest of the input, from the stream after that prefix.
 *
 * Readers of the log stay correct (see `PostgresStore`): each transaction's events become visible
 * at its commit, in order after everything before them. While a transaction runs it holds back
 * readers of the whole log, as any transaction does, for about the time of one batch.
 *
 * **Why not `COPY`.** `@effect/sql-pg` 4.0.5 cannot send `COPY … FROM STDIN` (its connection
 * rejects the server's `CopyInResponse`). `INSERT … SELECT FROM unnest(arrays)` of 5,000 rows
 * through it, on two or three connections, measured as fast as one `COPY` from `psql` on the
 * same table, or faster: 59,000–74,000 rows/s against 60,000.
 *
 * @since 0.1.0
 */
import type { Organization } from "@thidua/core"
import { ThiDuaError } from "@thidua/core"
import { Limits, type Recorded, StoreError, Validation } from "@thidua/store"
import { Deferred, Effect, Exit, Option, Result, Stream } from "effect"
import { SqlClient, SqlError } from "effect/sql"
import { channel } from "./PostgresStore.js"

/**
 * An event to import. Beyond a `NewEvent`, it may carry what a restore must keep: its recorded
 * time, command id and actor (each defaults to the import's time, or to the stream's metadata).
 * A `RecordedEvent` read from a store is an `ImportEvent`; its version and position are not kept
 * (the stream is numbered from 1 in the order given, and the log gives new positions).
 *
 * @example
 * ```ts
 * import type { BulkImport } from "@thidua/store-postgres"
 *
 * const event: BulkImport.ImportEvent = {
 *   eventId: "e-1",
 *   type: "CampaignLaunched",
 *   data: { at: "2020-01-02" },
 *   schemaVersion: 1,
 *   recordedAt: Date.parse("2020-01-02T08:00:00Z")
 * }
 * ```
 *
 * @since 0.1.0
 */
export interface ImportEvent extends Recorded.NewEvent {
  /** Milliseconds since the epoch. Default: the time of the import's transaction. */
  readonly recordedAt?: number
  /** Default: the stream's `metadata.commandId`. */
  readonly commandId?: string
  /** Default: the stream's `metadata.actor`. */
  readonly actor?: Organization.Actor
}

/**
 * One new stream and all its events. A stream without events is skipped: it writes nothing, as
 * an empty append does.
 *
 * @example
 * ```ts
 * import type { BulkImport } from "@thidua/store-postgres"
 *
 * const stream: BulkImport.ImportStream = {
 *   tenantId: "hanoi",
 *   streamId: "campaign:hm-2020",
 *   events: [{ eventId: "e-1", type: "CampaignLaunched", data: { at: "2020-01-02" }, schemaVersion: 1 }],
 *   metadata: { commandId: "migration-2020" }
 * }
 * ```
 *
 * @since 0.1.0
 */
export interface ImportStream {
  readonly tenantId: string
  readonly streamId: string
  readonly events: ReadonlyArray<ImportEvent>
  /** Stored on each event that does not carry its own. */
  readonly metadata?: Recorded.AppendMetadata
}

/**
 * How the import writes.
 *
 * @example
 * ```ts
 * import type { BulkImport } from "@thidua/store-postgres"
 *
 * const options: BulkImport.Options = { batchSize: 20_000, concurrency: 4 }
 * ```
 *
 * @since 0.1.0
 */
export interface Options extends Validation.Options {
  /**
   * Events per transaction, about: a transaction takes whole streams until it reaches this many.
   * Default 10,000. Larger batches hold readers of the log back longer; smaller ones commit more
   * often.
   */
  readonly batchSize?: number
  /**
   * Transactions writing at once, each on a connection of its own: keep it below the pool's
   * size. Default 3. On 2 vCPUs, 2 to 4 measured alike (56,000–64,000 events/s) and 1 a third
   * slower; a server with more cores takes more. Inside the caller's transaction the import runs
   * in it, one batch after another.
   */
  readonly concurrency?: number
}

/**
 * How much of the input is in the database: a prefix of it, in whole streams.
 *
 * @example
 * ```ts
 * import type { BulkImport } from "@thidua/store-postgres"
 *
 * const done: BulkImport.Imported = { streams: 2_000, events: 200_000 }
 * ```
 *
 * @since 0.1.0
 */
export interface Imported {
  /** Streams imported: the first `streams` streams of the input that have events. */
  readonly streams: number
  readonly events: number
}

type Cause =
  | StoreError.WrongExpectedVersion
  | StoreError.IdempotencyConflict
  | StoreError.InvalidInput
  | StoreError.LimitExceeded
  | StoreError.StoreUnavailable

/**
 * The import stopped at a stream that could not be written. The first `imported.streams` streams
 * of the input (those with events) are in the database, and nothing after them is. `cause` says
 * why: a `WrongExpectedVersion` (the stream exists, `actual` is its version), an
 * `IdempotencyConflict` (a stream holds one event id twice, or a command id the tenant used
 * before, on another stream or earlier), an `InvalidInput` or `LimitExceeded` (an event the store
 * would refuse to append: see `Validation` and `Limits` of `@thidua/store`), or a
 * `StoreUnavailable` (a lost connection: when a connection is lost during a commit, that batch may
 * be in the database too).
 *
 * @example
 * ```ts
 * import { StoreError } from "@thidua/store"
 * import { BulkImport } from "@thidua/store-postgres"
 * import assert from "node:assert"
 *
 * const error = new BulkImport.ImportFailed({
 *   cause: new StoreError.WrongExpectedVersion({
 *     tenantId: "hanoi",
 *     streamId: "campaign:hm-2020",
 *     expected: "no-stream",
 *     actual: 3
 *   }),
 *   imported: { streams: 120, events: 11_842 }
 * })
 * assert.match(error.message, /after 120 streams/)
 * ```
 *
 * @since 0.1.0
 */
export class ImportFailed extends ThiDuaError.Tagged("ImportFailed")<{
  readonly cause: Cause
  readonly imported: Imported
}> {
  readonly code = "ImportFailed"
  get messages(): ThiDuaError.Messages {
    return {
      en: `The import stopped after ${this.imported.streams} streams (${this.imported.events} events): ${this.cause.messages.en}`,
      vi: `Việc nhập dữ liệu dừng sau ${this.imported.streams} luồng (${this.imported.events} sự kiện): ${this.cause.messages.vi}`
    }
  }
}

// Rows per INSERT. Measured on one connection: 1,000 rows 39,000/s, 5,000 rows 42,000/s, 10,000
// and 20,000 rows 32,000–37,000/s.
const rowsPerStatement = 5_000

// The columns of one INSERT. Nullable columns are `null` as a whole when every value is null: the
// driver cannot tell the type of an array holding only nulls, and `unnest` reads a missing array as
// nulls anyway.
interface Rows {
  readonly tenantIds: ReadonlyArray<string>
  readonly streamIds: ReadonlyArray<string>
  readonly versions: ReadonlyArray<number>
  readonly eventIds: ReadonlyArray<string>
  readonly types: ReadonlyArray<string>
  readonly payloads: ReadonlyArray<string>
  readonly schemaVersions: ReadonlyArray<number>
  readonly commandIds: ReadonlyArray<string | null> | null
  readonly actors: ReadonlyArray<string | null> | null
  readonly recordedAt: ReadonlyArray<Date | null> | null
}

// The command ids of a batch, a row per (stream, command id), with the stream's fingerprint for
// its own command id.
interface Commands {
  readonly tenantIds: Array<string>
  readonly commandIds: Array<string>
  readonly streamIds: Array<string>
  readonly digests: Array<string | null>
}

const nullable = <A>(values: ReadonlyArray<A | null>): ReadonlyArray<A | null> | null =>
  values.some((v) => v !== null) ? values : null

// Collects the rows of one INSERT.
class RowsBuilder {
  readonly tenantIds: Array<string> = []
  readonly streamIds: Array<string> = []
  readonly versions: Array<number> = []
  readonly eventIds: Array<string> = []
  readonly types: Array<string> = []
  readonly payloads: Array<string> = []
  readonly schemaVersions: Array<number> = []
  readonly commandIds: Array<string | null> = []
  readonly actors: Array<string | null> = []
  readonly recordedAt: Array<Date | null> = []

  build(): Rows {
    return {
      ...this,
      commandIds: nullable(this.commandIds),
      actors: nullable(this.actors),
      recordedAt: nullable(this.recordedAt)
    }
  }
}

// A batch as the columns of its INSERTs (`rowsPerStatement` rows or `Limits.appendBytes` of
// payloads each) and its command ids, or what in it cannot be written. Built before the batch
// takes a connection, so that it overlaps the batches writing. Each event is checked as an append
// checks it: an import never lets in what a read could not read back.
const toRows = (
  streams: ReadonlyArray<ImportStream>,
  validator: Validation.Validator
): Result.Result<
  { readonly statements: ReadonlyArray<Rows>; readonly commands: Commands },
  StoreError.IdempotencyConflict | Validation.Refusal
> => {
  const statements: Array<RowsBuilder> = []
  const commands: Commands = { tenantIds: [], commandIds: [], streamIds: [], digests: [] }
  let rows = new RowsBuilder()
  let bytes = 0
  for (const stream of streams) {
    // The stream's keys and metadata, as an append of its events would check them.
    const keys = validator.append(stream.tenantId, stream.streamId, [], stream.metadata)
    if (keys !== undefined) return Result.fail(keys)
    const ids = new Set<string>()
    // The command ids of the stream.
    const used = new Set<string>()
    const commandId = stream.metadata?.commandId ?? null
    const actor = stream.metadata?.actor === undefined ? null : JSON.stringify(stream.metadata.actor)
    let version = 0
    for (const event of stream.events) {
      if (ids.has(event.eventId))
        return Result.fail(
          new StoreError.IdempotencyConflict({
            tenantId: stream.tenantId,
            streamId: stream.streamId,
            key: `event ${event.eventId}`,
            reason: "the stream holds the same event id twice"
          })
        )
      ids.add(event.eventId)
      const field = `${stream.streamId}[${version}]`
      const size = validator.event(stream.streamId, event, field)
      if (typeof size !== "number") return Result.fail(size)
      const own = event.commandId ?? commandId
      if (event.commandId !== undefined) {
        const bad = Validation.checkKey(`${field}.commandId`, event.commandId)
        if (bad !== undefined) return Result.fail(bad)
      }
      if (event.actor !== undefined) {
        const bad = validator.append(stream.tenantId, stream.streamId, [], { actor: event.actor })
        if (bad !== undefined) return Result.fail(bad)
      }
      if (event.recordedAt !== undefined && !Number.isFinite(new Date(event.recordedAt).getTime()))
        return Result.fail(new StoreError.InvalidInput({ field: `${field}.recordedAt`, reason: "is not a time" }))
      if (rows.eventIds.length === rowsPerStatement || bytes + size > Limits.appendBytes) {
        rows = new RowsBuilder()
        bytes = 0
      }
      if (rows.eventIds.length === 0) statements.push(rows)
      bytes += size
      rows.tenantIds.push(stream.tenantId)
      rows.streamIds.push(stream.streamId)
      rows.versions.push(++version)
      rows.eventIds.push(event.eventId)
      rows.types.push(event.type)
      rows.payloads.push(JSON.stringify(event.data))
      rows.schemaVersions.push(event.schemaVersion)
      rows.commandIds.push(own)
      rows.actors.push(event.actor === undefined ? actor : JSON.stringify(event.actor))
      rows.recordedAt.push(event.recordedAt === undefined ? null : new Date(event.recordedAt))
      if (own !== null) used.add(own)
    }
    for (const id of used) {
      commands.tenantIds.push(stream.tenantId)
      commands.commandIds.push(id)
      commands.streamIds.push(stream.streamId)
      commands.digests.push(id === commandId ? (stream.metadata?.commandDigest ?? null) : null)
    }
  }
  return Result.succeed({ statements: statements.map((r) => r.build()), commands })
}

// The settling of one batch, for the batch after it: whether it has begun its transaction, and
// whether it committed (`true`) or not (`false`).
interface Turn {
  readonly began: Deferred.Deferred<void>
  readonly settled: Deferred.Deferred<boolean>
}

interface Batch {
  readonly streams: ReadonlyArray<ImportStream>
  readonly events: number
  readonly previous: Turn
  readonly turn: Turn
}

const newTurn = (): Turn => ({ began: Deferred.makeUnsafe(), settled: Deferred.makeUnsafe() })

// Before the first batch.
const settledTurn = (): Turn => {
  const turn = newTurn()
  Deferred.doneUnsafe(turn.began, Exit.void)
  Deferred.doneUnsafe(turn.settled, Exit.succeed(true))
  return turn
}

// A batch that did not commit because an earlier one failed: that one reports.
const superseded = Symbol("superseded")

const key = (s: ImportStream) => `${s.tenantId}\u0000${s.streamId}`

/**
 * Imports new streams, from an iterable or a `Stream` (read as the import goes, so the input need
 * not fit in memory), and returns how much it wrote. See the module's documentation for the
 * contract: new streams only, a prefix of the input in the database whatever happens. A failure
 * of the input `Stream` itself stops the import with that error; what was committed before it is
 * then a prefix of the input as well.
 *
 * Subscribers of a store on a server are woken by `NOTIFY` after each commit; elsewhere they see
 * the imported events at their next poll.
 *
 * Once the batches are done (committed, or stopped by a failure after some committed), the import
 * runs `ANALYZE` on the tables it wrote, on a server and on PGlite alike. Until autovacuum gets to
 * them (a minute or more later, and not at all on PGlite), the planner would otherwise go on with
 * the statistics of the tables before the import: a tenant imported whole is absent from them, and
 * every query that names it is planned as if it had no rows (a scan of its whole log looks as
 * cheap as a lookup by key). `ANALYZE` reads a sample of each table (30,000 rows at the default
 * statistics target), so it takes about the same time after a small import as after a large one:
 * from milliseconds to a few seconds on a table of millions of events. Inside the caller's
 * transaction it is not run, since it would keep its lock on the tables until the caller commits:
 * run `ANALYZE thidua_events, thidua_streams, thidua_commands` after the commit.
 *
 * @example
 * ```ts no-run
 * import { BulkImport, PostgresStore } from "@thidua/store-postgres"
 * import { Effect } from "effect"
 *
 * const legacy = Array.from({ length: 1_000 }, (_, i) => ({
 *   tenantId: "hanoi",
 *   streamId: `campaign:legacy-${i}`,
 *   events: [{ eventId: `legacy-${i}-1`, type: "CampaignLaunched", data: { at: "2019-01-02" }, schemaVersion: 1 }]
 * }))
 *
 * const imported = await Effect.runPromise(
 *   BulkImport.run(legacy).pipe(Effect.provide(PostgresStore.layer({ url: process.env.DATABASE_URL! })))
 * )
 * // imported: { streams: 1000, events: 1000 }
 * ```
 *
 * @since 0.1.0
 */
export const run = <E = never, R = never>(
  input: Iterable<ImportStream> | Stream.Stream<ImportStream, E, R>,
  options: Options = {}
): Effect.Effect<Imported, ImportFailed | E, SqlClient.SqlClient | R> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const batchSize = Math.max(1, options.batchSize ?? 10_000)
    const validator = Validation.make(options)
    // Inside the caller's transaction every batch is a savepoint on its one connection, so they
    // cannot overlap.
    const inTransaction = Option.isSome(yield* Effect.serviceOption(sql.transactionService))
    const concurrency = inTransaction ? 1 : Math.max(1, options.concurrency ?? 3)
    let imported: Imported = { streams: 0, events: 0 }

    // Creates every stream's row; the ordinal (from 1) of the first stream that exists already, if
    // any. `ON CONFLICT DO NOTHING` waits for a transaction inserting the same stream to end. The
    // streams refused are found with `EXCEPT`, which hashes or sorts both sides: as `NOT EXISTS`
    // under `LIMIT 1`, the planner, expecting an early match, compared every stream with every
    // stream inserted (10,000 single-event streams: 10^8 comparisons, seconds per batch).
    const createStreams = (streams: ReadonlyArray<ImportStream>) => {
      const tenantIds = streams.map((s) => s.tenantId)
      const streamIds = streams.map((s) => s.streamId)
      return sql<{ readonly ord: number }>`WITH inserted AS (
          INSERT INTO thidua_streams (tenant_id, stream_id, version, last_tx)
          SELECT u.*, pg_current_xact_id()
          FROM unnest(${tenantIds}::text[], ${streamIds}::text[], ${streams.map((s) => s.events.length)}::int4[]) AS u
          ON CONFLICT DO NOTHING
          RETURNING tenant_id, stream_id
        ), refused AS (
          SELECT * FROM unnest(${tenantIds}::text[], ${streamIds}::text[]) AS u(tenant_id, stream_id)
          EXCEPT ALL
          SELECT tenant_id, stream_id FROM inserted
        )
        SELECT u.ord::int AS ord FROM unnest(${tenantIds}::text[], ${streamIds}::text[]) WITH ORDINALITY
          AS u(tenant_id, stream_id, ord)
        JOIN refused r ON r.tenant_id = u.tenant_id AND r.stream_id = u.stream_id
        ORDER BY u.ord
        LIMIT 1`
    }

    // Rows go in the order of the arrays, so each stream's positions follow its versions.
    const insertEvents = (rows: Rows) =>
      sql`INSERT INTO thidua_events
          (tenant_id, stream_id, version, event_id, type, data, schema_version, command_id, actor, recorded_at)
        SELECT u.tenant_id, u.stream_id, u.version, u.event_id, u.type, u.data::jsonb, u.schema_version,
          u.command_id, u.actor::jsonb, coalesce(u.recorded_at, now())
        FROM unnest(${rows.tenantIds}::text[], ${rows.streamIds}::text[], ${rows.versions}::int4[],
          ${rows.eventIds}::text[], ${rows.types}::text[], ${rows.payloads}::text[], ${rows.schemaVersions}::int4[],
          ${rows.commandIds}::text[], ${rows.actors}::text[], ${rows.recordedAt}::timestamptz[])
          AS u(tenant_id, stream_id, version, event_id, type, data, schema_version, command_id, actor, recorded_at)`

    // Takes each command id for its stream; the first that the tenant used before (here, or earlier
    // in this input), if any, with the stream that used it before this import. `ON CONFLICT DO
    // NOTHING` waits for a transaction holding the same id. `EXCEPT`, as for the streams.
    const takeCommands = (commands: Commands) =>
      commands.commandIds.length === 0
        ? Effect.succeed([])
        : sql<{ readonly ord: number; readonly stream_id: string | null }>`WITH inserted AS (
            INSERT INTO thidua_commands (tenant_id, command_id, stream_id, digest)
            SELECT * FROM unnest(${commands.tenantIds}::text[], ${commands.commandIds}::text[], ${commands.streamIds}::text[],
              ${nullable(commands.digests)}::text[])
            ON CONFLICT DO NOTHING
            RETURNING tenant_id, command_id, stream_id
          ), refused AS (
            SELECT * FROM unnest(${commands.tenantIds}::text[], ${commands.commandIds}::text[], ${commands.streamIds}::text[])
              AS u(tenant_id, command_id, stream_id)
            EXCEPT ALL
            SELECT tenant_id, command_id, stream_id FROM inserted
          )
          SELECT u.ord::int AS ord,
            (SELECT c.stream_id FROM thidua_commands c WHERE c.tenant_id = u.tenant_id AND c.command_id = u.command_id)
              AS stream_id
          FROM unnest(${commands.tenantIds}::text[], ${commands.commandIds}::text[], ${commands.streamIds}::text[])
            WITH ORDINALITY AS u(tenant_id, command_id, stream_id, ord)
          JOIN refused r ON r.tenant_id = u.tenant_id AND r.command_id = u.command_id AND r.stream_id = u.stream_id
          ORDER BY u.ord
          LIMIT 1`

    const notify = sql`SELECT pg_notify(${channel}, '')`.pipe(
      Effect.asVoid,
      Effect.catchCause((cause) =>
        Effect.logWarning("thidua: NOTIFY after an import failed; subscribers will poll", cause)
      )
    )

    const write = (batch: Batch): Effect.Effect<void, ImportFailed> =>
      Effect.gen(function* () {
        const rows = toRows(batch.streams, validator)
        // Connections are taken in input order: a batch waits, inside its transaction, for the
        // one before to commit, so it must never hold a connection that one is still waiting for.
        yield* Deferred.await(batch.previous.began)
        const exit = yield* Effect.exit(
          sql.withTransaction(
            Effect.gen(function* () {
              if (Result.isFailure(rows)) return yield* Effect.fail(rows.failure)
              const [existing] = yield* createStreams(batch.streams)
              if (existing !== undefined) {
                const stream = batch.streams[existing.ord - 1]!
                const [row] = yield* sql<{ readonly version: number }>`SELECT version FROM thidua_streams
                  WHERE tenant_id = ${stream.tenantId} AND stream_id = ${stream.streamId}`
                return yield* new StoreError.WrongExpectedVersion({
                  tenantId: stream.tenantId,
                  streamId: stream.streamId,
                  expected: "no-stream",
                  actual: row?.version ?? 0
                })
              }
              const [reused] = yield* takeCommands(rows.success.commands)
              if (reused !== undefined) {
                const c = rows.success.commands
                const i = reused.ord - 1
                return yield* new StoreError.IdempotencyConflict({
                  tenantId: c.tenantIds[i]!,
                  streamId: c.streamIds[i]!,
                  key: `command ${c.commandIds[i]!}`,
                  reason: "the tenant used this command id before",
                  first: { streamId: reused.stream_id ?? "", content: "an earlier write" },
                  attempted: "an import"
                })
              }
              // The next batch begins only now, once this one holds its streams and command ids: had
              // it begun with the transaction, a slow batch could see a later one take a stream or
              // an id first (a stream twice in the input would then fail at its first occurrence).
              Deferred.doneUnsafe(batch.turn.began, Exit.void)
              for (const statement of rows.success.statements) yield* insertEvents(statement)
              // Commits in input order, so that what is committed is always a prefix of the input.
              if (!(yield* Deferred.await(batch.previous.settled))) return yield* Effect.fail(superseded)
            })
          )
        )
        // Also when the transaction could not begin.
        Deferred.doneUnsafe(batch.turn.began, Exit.void)
        if (Exit.isSuccess(exit)) {
          imported = { streams: imported.streams + batch.streams.length, events: imported.events + batch.events }
          Deferred.doneUnsafe(batch.turn.settled, Exit.succeed(true))
          return yield* sql.afterCommit(notify)
        }
        // Reports only once every earlier batch has settled: the failure reported is then the
        // first in input order, and `imported` is exactly what committed before it. After an
        // earlier failure this one says nothing (that one reports, and ends the import).
        const earlierCommitted = yield* Deferred.await(batch.previous.settled)
        Deferred.doneUnsafe(batch.turn.settled, Exit.succeed(false))
        if (!earlierCommitted) return yield* Effect.never
        return yield* Effect.failCause(exit.cause).pipe(
          Effect.catchIf(
            (e): e is typeof superseded => e === superseded,
            () => Effect.never
          ),
          Effect.mapError(
            (e): ImportFailed =>
              new ImportFailed({
                cause: SqlError.isSqlError(e) ? new StoreError.StoreUnavailable({ operation: "import", cause: e }) : e,
                imported
              })
          )
        )
      })

    // Whole streams into batches of about `batchSize` events. A stream seen before in the batch
    // starts the next one, so that it meets its first occurrence, committed by then, as an
    // existing stream.
    const batches = (Stream.isStream(input) ? input : Stream.fromIterable(input)).pipe(
      Stream.mapAccum(
        () => ({ streams: [] as Array<ImportStream>, keys: new Set<string>(), events: 0, previous: settledTurn() }),
        (state, stream: ImportStream) => {
          if (stream.events.length === 0) return [state, []] as const
          const out: Array<Batch> = []
          const close = () => {
            const turn = newTurn()
            out.push({ streams: state.streams, events: state.events, previous: state.previous, turn })
            state = { streams: [], keys: new Set(), events: 0, previous: turn }
          }
          if (state.keys.has(key(stream))) close()
          state.streams.push(stream)
          state.keys.add(key(stream))
          state.events += stream.events.length
          if (state.events >= batchSize) close()
          return [state, out] as const
        },
        {
          onHalt: (state) =>
            state.streams.length === 0
              ? []
              : [{ streams: state.streams, events: state.events, previous: state.previous, turn: newTurn() }]
        }
      )
    )

    const drained = yield* Effect.exit(Stream.runDrain(Stream.mapEffect(batches, write, { concurrency })))
    // Statistics for what is now in the tables, failed import or not (see `run`). A failed ANALYZE
    // fails nothing: autovacuum analyzes later.
    if (!inTransaction && imported.streams > 0)
      yield* sql`ANALYZE thidua_events, thidua_streams, thidua_commands`.pipe(
        Effect.catchCause((cause) =>
          Effect.logWarning("thidua: ANALYZE after an import failed; autovacuum will analyze later", cause)
        )
      )
    if (Exit.isFailure(drained)) return yield* Effect.failCause(drained.cause)
    return imported
  })
