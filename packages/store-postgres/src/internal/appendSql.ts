/**
 * The SQL of an append, as text and parameters: `PostgresStore` runs exactly these, and the plan
 * test (`test/plans.test.ts`) explains exactly these.
 *
 * **No lookup on the fast path.** The append writes, and the unique keys refuse what was written
 * before: the command id by the key of `thidua_commands` (tenant, command id), each event id by
 * `thidua_events_stream_event_id` (tenant, stream, event id). Those checks are made by the indexes
 * themselves as the rows go in, so no planner, with statistics or without, can send them through
 * another index. The one row the statement finds is the stream's, by the key of `thidua_streams`,
 * the only index of that table. A refused write fails the whole statement (`UniqueViolation`),
 * and the store then looks at what was there before (the lookups below).
 *
 * **Lookups** (after a refusal, or a compare-and-set that found the stream elsewhere) give every
 * column of a key an equality, and hide the tenant's and the stream's values from the planner (see
 * `hidden`). A list of event ids is looked up one id at a time: `= ANY(array)` on the key's last
 * column is, up to PostgreSQL 16, a filter over every event of the stream.
 *
 * Each text is a constant per shape, numbered by hand, so that the driver keeps one prepared
 * statement per shape and the server can keep its plan.
 *
 * @internal
 */
import type { Recorded } from "@thidua/store"

/** A statement and its parameters, for `sql.unsafe(text, params)`. */
export interface Query {
  readonly text: string
  readonly params: ReadonlyArray<unknown>
}

/**
 * The columns of an event as the store reads it. The position and the time are built by the
 * client, not in SQL: there `lpad` and `extract(epoch …)` cost the server about a microsecond per
 * event, more than two `padStart`s and a `Date` cost the client (measured: pages a quarter slower).
 */
export const columns = `tenant_id, stream_id, version, event_id, type, data, schema_version, command_id, actor, recorded_at,
  transaction_id::text AS tx, global_position::text AS gp`

/** How an append expects to find its stream: each kind is a statement of its own. */
export type Expectation = "exact" | "stream-exists" | "no-stream" | "any"

export const expectation = (expected: Recorded.ExpectedVersion): Expectation =>
  typeof expected === "number" ? (expected === 0 ? "no-stream" : "exact") : expected

// The compare-and-set of the stream's row, returning its new version; no row when the stream is not
// where the append expects it, or when the stream's last writer has a newer transaction id than
// this one. Its row lock is what queues writers to one stream. The log is ordered by transaction
// id, and a transaction gets its id when it first writes, which may be before it reaches the row's
// lock (a writer queued behind others, or a caller's transaction that wrote earlier): so a writer
// whose id is older than the last writer's does not write, or its events would sort before the
// stream's earlier versions. Outside a caller's transaction, the store tries again in a new one,
// whose id is newer. $1 tenant, $2 stream, $3 the number of events; `expected` names the expected
// version's parameter.
const compareAndSet = (kind: Expectation, expected: string): string => {
  switch (kind) {
    case "exact":
      return `UPDATE thidua_streams SET version = version + $3, last_tx = pg_current_xact_id()
    WHERE tenant_id = $1 AND stream_id = $2 AND version = ${expected} AND last_tx < pg_current_xact_id()
    RETURNING version`
    case "stream-exists":
      return `UPDATE thidua_streams SET version = version + $3, last_tx = pg_current_xact_id()
    WHERE tenant_id = $1 AND stream_id = $2 AND last_tx < pg_current_xact_id()
    RETURNING version`
    case "no-stream":
      return `INSERT INTO thidua_streams (tenant_id, stream_id, version, last_tx)
    VALUES ($1, $2, $3, pg_current_xact_id())
    ON CONFLICT DO NOTHING
    RETURNING version`
    case "any":
      return `INSERT INTO thidua_streams AS t (tenant_id, stream_id, version, last_tx)
    VALUES ($1, $2, $3, pg_current_xact_id())
    ON CONFLICT (tenant_id, stream_id) DO UPDATE
      SET version = t.version + excluded.version, last_tx = excluded.last_tx
      WHERE t.last_tx < excluded.last_tx
    RETURNING version`
  }
}

// $1 tenant, $2 stream, $3 the number of events, $4–$7 the events' ids, types, payloads and schema
// versions, $8 the command id, $9 the actor, then the command's fingerprint (with a command id) and
// the expected version (exact): every parameter is named by the text, since one that is not, and is
// untyped (a null), fails the statement.
const writeText = (kind: Expectation, withCommand: boolean) =>
  `WITH s AS (${compareAndSet(kind, withCommand ? "$11" : "$10")})${
    withCommand
      ? `, c AS (
    INSERT INTO thidua_commands (tenant_id, command_id, stream_id, digest) SELECT $1, $8, $2, $10 FROM s
  )`
      : ""
  }
INSERT INTO thidua_events (tenant_id, stream_id, version, event_id, type, data, schema_version, command_id, actor)
SELECT $1, $2, s.version - $3 + u.ord::int, u.event_id, u.type, u.data::jsonb, u.schema_version, $8::text, $9::jsonb
FROM s, unnest($4::text[], $5::text[], $6::text[], $7::int4[]) WITH ORDINALITY AS u(event_id, type, data, schema_version, ord)
RETURNING version, transaction_id::text, global_position::text, recorded_at`

const writeTexts = new Map<string, string>()
for (const kind of ["exact", "stream-exists", "no-stream", "any"] as const)
  for (const withCommand of [false, true]) writeTexts.set(`${kind}/${withCommand}`, writeText(kind, withCommand))

/**
 * The append as one statement: the compare-and-set of the stream's row, the command's row, and
 * every event through `unnest`, numbered from the row's new version. Positional rows back, one per
 * event: `[version, transaction id, global position, recorded at]`. No row: the stream is not
 * where the append expects it (or its last writer is newer). A `UniqueViolation`: the command id or
 * an event id was written before (or is being written by a transaction that committed meanwhile).
 */
export const write = (
  tenantId: string,
  streamId: string,
  expected: Recorded.ExpectedVersion,
  events: ReadonlyArray<Recorded.NewEvent>,
  metadata: Recorded.AppendMetadata,
  payloads: ReadonlyArray<string>,
  actor: string | null
): Query => {
  const kind = expectation(expected)
  const withCommand = metadata.commandId !== undefined
  const n = events.length
  const ids = new Array<string>(n)
  const types = new Array<string>(n)
  const schemaVersions = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const e = events[i]!
    ids[i] = e.eventId
    types[i] = e.type
    schemaVersions[i] = e.schemaVersion
  }
  const params: Array<unknown> = [
    tenantId,
    streamId,
    n,
    ids,
    types,
    payloads,
    schemaVersions,
    metadata.commandId ?? null,
    actor
  ]
  if (withCommand) params.push(metadata.commandDigest ?? null)
  if (kind === "exact") params.push(expected)
  return { text: writeTexts.get(`${kind}/${withCommand}`)!, params }
}

/** The stream's version; no row for a stream never written. */
export const streamVersion = (tenantId: string, streamId: string): Query => ({
  text: "SELECT version FROM thidua_streams WHERE tenant_id = $1 AND stream_id = $2",
  params: [tenantId, streamId]
})

/** Which stream a command id of the tenant wrote to, and its fingerprint; no row when unused. */
export const commandRow = (tenantId: string, commandId: string): Query => ({
  text: "SELECT stream_id, digest FROM thidua_commands WHERE tenant_id = $1 AND command_id = $2",
  params: [tenantId, commandId]
})

// The tenant and the stream of a lookup in the events are given to the planner as values it cannot
// see, the results of subqueries (`(SELECT $1::text)`): it then counts on a tenant having an
// average tenant's share of the table, as a prepared statement's generic plan does, instead of
// looking the value up in statistics that may not know it yet. A tenant they do not know (imported
// since the last ANALYZE) looks like no rows at all, and reading the whole of it through the
// tenant's log index then costs the planner no more than a lookup by key: it chose so, and read
// 60,000 events for every lookup. With an average share, only the key looks cheap.
const hidden = (n: number) => `(SELECT $${n}::text)`

/** The events a command id wrote to a stream, in version order, with the stream's version. */
export const commandEvents = (tenantId: string, streamId: string, commandId: string): Query => ({
  text: `SELECT ${columns}, (SELECT s.version FROM thidua_streams s WHERE s.tenant_id = $1 AND s.stream_id = $2) AS current
    FROM thidua_events
    WHERE tenant_id = ${hidden(1)} AND stream_id = ${hidden(2)} AND command_id = ${hidden(3)}
    ORDER BY version`,
  params: [tenantId, streamId, commandId]
})

/**
 * The stream's events with these ids, in version order, with the stream's version. One lookup per
 * id, on every column of `thidua_events_stream_event_id`: the subquery is kept apart (`LIMIT 1`: a
 * key has one row), so that it runs once per id, with the id as its key.
 */
export const eventsById = (tenantId: string, streamId: string, eventIds: ReadonlyArray<string>): Query => ({
  text: `SELECT e.*, (SELECT s.version FROM thidua_streams s WHERE s.tenant_id = $1 AND s.stream_id = $2) AS current
    FROM unnest($3::text[]) AS i(event_id), LATERAL (
      SELECT ${columns} FROM thidua_events
      WHERE tenant_id = ${hidden(1)} AND stream_id = ${hidden(2)} AND event_id = i.event_id
      LIMIT 1
    ) AS e
    ORDER BY e.version`,
  params: [tenantId, streamId, eventIds]
})

/**
 * A stream's events from a version on, in order (`readStream`: what a command handler missed).
 * Planned with the values: the order by version makes the stream's key, which gives it, cheaper
 * than any other index even when the statistics do not know the tenant.
 */
export const streamEvents = (tenantId: string, streamId: string, fromVersion: number): Query => ({
  text: `SELECT ${columns} FROM thidua_events
    WHERE tenant_id = $1 AND stream_id = $2 AND version >= $3
    ORDER BY version`,
  params: [tenantId, streamId, fromVersion]
})
