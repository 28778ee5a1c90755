/**
 * The tables of the PostgreSQL store, as versioned migrations run by the generic `Migrator` of
 * `effect/sql`. The store's layers run them on start; `run` runs them on their own (a deploy step,
 * a test that wants the tables without a store).
 *
 * Each migration is recorded in `thidua_migrations` and runs once; its statements also use
 * `IF NOT EXISTS`, so a database that already has the tables (the migrations table dropped, a
 * restore) is left as it is. Concurrent starts are safe: the migrator locks its table first.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Migrator, SqlClient, type SqlError } from "effect/sql"

/**
 * The names of the store's tables.
 *
 * @since 0.1.0
 */
export const tables = {
  events: "thidua_events",
  streams: "thidua_streams",
  commands: "thidua_commands",
  checkpoints: "thidua_checkpoints",
  migrations: "thidua_migrations"
} as const

// The driver speaks the extended protocol, which takes one statement per query.
const statements = (...list: ReadonlyArray<string>) =>
  SqlClient.SqlClient.use((sql) => Effect.forEach(list, (text) => sql.unsafe(text), { discard: true }))

// `transaction_id` orders the global log by the writing transaction (see PostgresStore): a reader
// takes only transactions older than every one still running, so a transaction that commits late
// never lands behind a position a subscriber has already passed.
// `event_id` is text, not uuid: the port takes any string as an event id.
const createEvents = statements(
  `CREATE TABLE IF NOT EXISTS thidua_events (
    global_position bigserial PRIMARY KEY,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    tenant_id text NOT NULL,
    stream_id text NOT NULL,
    version integer NOT NULL,
    event_id text NOT NULL,
    type text NOT NULL,
    data jsonb NOT NULL,
    schema_version integer NOT NULL,
    command_id text,
    actor jsonb,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT thidua_events_stream_version UNIQUE (tenant_id, stream_id, version),
    CONSTRAINT thidua_events_stream_event_id UNIQUE (tenant_id, stream_id, event_id)
  )`,
  "CREATE INDEX IF NOT EXISTS thidua_events_log ON thidua_events (transaction_id, global_position)",
  // Per-tenant readers (a tenant's projections) walk their own slice of the log.
  "CREATE INDEX IF NOT EXISTS thidua_events_tenant_log ON thidua_events (tenant_id, transaction_id, global_position)",
  `CREATE INDEX IF NOT EXISTS thidua_events_command ON thidua_events (tenant_id, stream_id, command_id)
    WHERE command_id IS NOT NULL`,
  // One row per stream, the compare-and-set target of optimistic concurrency: appends to one stream
  // queue on its row, appends to different streams never meet.
  `CREATE TABLE IF NOT EXISTS thidua_streams (
    tenant_id text NOT NULL,
    stream_id text NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (tenant_id, stream_id)
  )`
)

// A projection stores its position here in the same transaction as its rows, so a crash never
// leaves the rows ahead of, or behind, the position.
const createCheckpoints = statements(
  `CREATE TABLE IF NOT EXISTS thidua_checkpoints (
    name text NOT NULL,
    partition text NOT NULL DEFAULT '',
    position text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, partition)
  )`
)

// Where a page of the global log ends: the key of the `size`-th event after a cursor that readers
// may see, or no row when fewer are left. Readers (see PostgresStore) take the events up to that
// key. Without statistics (a new database, or a large import that autovacuum has not analyzed
// yet) the planner expects a handful of rows and reads a page with a bitmap scan that sorts every
// remaining event of the log: 10–20 times slower per page, and quadratic over a catch-up. The
// `SET enable_sort = off` here, which holds only while the function runs, keeps it walking the
// log's index in order, from the index alone, and stopping after one page, whatever it believes;
// bounded by the key, the reader's own query touches one page of rows whatever plan it gets. Only
// the key comes out of the function: a function's rows are copied through a tuple store, which
// cost a quarter more per page when it returned whole events.
// Two functions, not one with an optional tenant: a function's query is planned without its
// arguments' values, and `tenant IS NULL OR tenant_id = tenant` could not use the tenant's index.
const createPageEnds = statements(
  `CREATE OR REPLACE FUNCTION thidua_log_page_end(after_tx xid8, after_gp bigint, size integer,
    OUT tx xid8, OUT gp bigint) LANGUAGE sql STABLE SET enable_sort = off AS $$
    SELECT transaction_id, global_position FROM thidua_events
    WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      AND (transaction_id, global_position) > (after_tx, after_gp)
    ORDER BY transaction_id, global_position
    OFFSET size - 1 LIMIT 1
  $$`,
  `CREATE OR REPLACE FUNCTION thidua_tenant_log_page_end(tenant text, after_tx xid8, after_gp bigint, size integer,
    OUT tx xid8, OUT gp bigint) LANGUAGE sql STABLE SET enable_sort = off AS $$
    SELECT transaction_id, global_position FROM thidua_events
    WHERE tenant_id = tenant
      AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      AND (transaction_id, global_position) > (after_tx, after_gp)
    ORDER BY transaction_id, global_position
    OFFSET size - 1 LIMIT 1
  $$`
)

// A command id is unique per tenant, across its streams, and the database enforces it: an append
// with a command id inserts its row here in the same statement as its events, so of two appends
// racing with one id, the second waits for the first to commit and then fails on the key (the
// store then answers it as a re-send or a conflict). `digest` is the command's fingerprint, when
// the writer sent one. Existing events are carried over: the first stream each id wrote to (by
// position) keeps it; ids that earlier versions let write to two streams stay readable, and a
// re-send on the second stream is then a conflict. Stop every writer of an earlier version before
// this migration runs: their appends do not write this table, so their command ids would not be
// seen.
const createCommands = statements(
  `CREATE TABLE IF NOT EXISTS thidua_commands (
    tenant_id text NOT NULL,
    command_id text NOT NULL,
    stream_id text NOT NULL,
    digest text,
    PRIMARY KEY (tenant_id, command_id)
  )`,
  `INSERT INTO thidua_commands (tenant_id, command_id, stream_id, digest)
    SELECT DISTINCT ON (tenant_id, command_id) tenant_id, command_id, stream_id, NULL
    FROM (
      SELECT tenant_id, command_id, stream_id, min(global_position) AS first_position
      FROM thidua_events WHERE command_id IS NOT NULL
      GROUP BY tenant_id, command_id, stream_id
    ) AS used
    ORDER BY tenant_id, command_id, first_position
    ON CONFLICT DO NOTHING`
)

// The id of the transaction that last wrote to each stream: a writer whose transaction is older
// does not write (see PostgresStore), so a stream's events are in version order in the log,
// which is ordered by transaction id. Streams written before are as if written by transaction 0.
const addLastTransaction = statements(
  "ALTER TABLE thidua_streams ADD COLUMN IF NOT EXISTS last_tx xid8 NOT NULL DEFAULT '0'::xid8"
)

/**
 * The migrations by `<id>_<name>`, in the form `Migrator.fromRecord` takes. Never edit one that
 * has shipped: add the next id.
 *
 * @since 0.1.0
 */
export const migrations: Record<string, Effect.Effect<void, SqlError.SqlError, SqlClient.SqlClient>> = {
  "1_events_and_streams": createEvents,
  "2_checkpoints": createCheckpoints,
  "3_log_page_ends": createPageEnds,
  "4_commands": createCommands,
  "5_stream_last_transaction": addLastTransaction
}

/**
 * Runs the migrations that have not run on this database yet, and returns those it ran.
 *
 * @example
 * ```ts no-run
 * import { Migrations } from "@thidua/store-postgres"
 * import { PgClient } from "@effect/sql-pg"
 * import { Effect, Redacted } from "effect"
 *
 * await Effect.runPromise(
 *   Migrations.run.pipe(Effect.provide(PgClient.layer({ url: Redacted.make(process.env.DATABASE_URL!) })))
 * )
 * ```
 *
 * @since 0.1.0
 */
export const run: Effect.Effect<
  ReadonlyArray<readonly [id: number, name: string]>,
  Migrator.MigrationError | SqlError.SqlError,
  SqlClient.SqlClient
> = Migrator.make({})({ loader: Migrator.fromRecord(migrations), table: tables.migrations })
