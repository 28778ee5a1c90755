/**
 * The plans of the append's statements when the planner's statistics are stale: the tables were
 * analyzed with one small tenant in them, then a tenant of 60,000 events was imported without an
 * ANALYZE (in a caller's transaction, where `BulkImport` leaves it to the caller), and autovacuum
 * is kept away. The planner then believes the new tenant has no rows, so that reading all of them
 * through the tenant's log index looks as cheap as a lookup by key; before, an append's duplicate
 * checks were planned so, and read the whole tenant on every command (148 commands/s instead of
 * 981 on the project's machine).
 *
 * Each statement is explained exactly as the store sends it (`internal/appendSql.ts`), with the
 * values of the first command after the import: as a custom plan, and as the generic plan a
 * prepared statement may switch to after five runs. Every row must be reached through the unique
 * index it is looked up by, with every column of the index in its condition.
 *
 * Also: `BulkImport.run` analyzes what it loaded. On a server and on PGlite.
 */
import { assert, describe, layer, type Vitest } from "@effect/vitest"
import { EventStore, type Recorded } from "@thidua/store"
import { BulkImport, PostgresStore } from "@thidua/store-postgres"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import * as AppendSql from "../src/internal/appendSql.js"
import { runServerSuites, serverStore, storeOptions } from "./support.js"

type It = Vitest.MethodsNonLive<EventStore.EventStore | SqlClient.SqlClient>

interface PlanNode {
  readonly "Node Type": string
  readonly "Relation Name"?: string
  readonly "Index Name"?: string
  readonly "Index Cond"?: string
  readonly Filter?: string
  readonly "Conflict Arbiter Indexes"?: ReadonlyArray<string>
  readonly Plans?: ReadonlyArray<PlanNode>
}

const nodesOf = (node: PlanNode): ReadonlyArray<PlanNode> => [node, ...(node.Plans ?? []).flatMap(nodesOf)]

const planOf = (rows: ReadonlyArray<Record<string, unknown>>): PlanNode => {
  const cell = rows[0]!["QUERY PLAN"]
  const parsed = (typeof cell === "string" ? JSON.parse(cell) : cell) as ReadonlyArray<{ readonly Plan: PlanNode }>
  return parsed[0]!.Plan
}

const tables = ["thidua_events", "thidua_streams", "thidua_commands"]

// A parameter as an SQL literal, for `EXECUTE`.
const literal = (value: unknown): string =>
  value === null
    ? "NULL"
    : typeof value === "number"
      ? String(value)
      : typeof value === "string"
        ? `'${value.replaceAll("'", "''")}'`
        : Array.isArray(value)
          ? `ARRAY[${value.map(literal).join(", ")}]`
          : assert.fail(`no literal for ${String(value)}`)

let prepared = 0

/** The plan for these values, as the server makes it for one execution. */
const customPlan = (query: AppendSql.Query) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(sql.unsafe<Record<string, unknown>>(`EXPLAIN (FORMAT JSON) ${query.text}`, query.params), planOf)
  )

/** The plan a prepared statement keeps once it no longer plans for each execution's values. */
const genericPlan = (query: AppendSql.Query) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => {
    const name = `thidua_plan_${++prepared}`
    return sql.withTransaction(
      Effect.gen(function* () {
        yield* sql.unsafe("SET LOCAL plan_cache_mode = force_generic_plan")
        yield* sql.unsafe(`PREPARE ${name} AS ${query.text}`)
        return planOf(
          yield* sql
            .unsafe<Record<string, unknown>>(
              `EXPLAIN (FORMAT JSON) EXECUTE ${name}(${query.params.map(literal).join(", ")})`
            )
            .pipe(Effect.ensuring(Effect.ignore(sql.unsafe(`DEALLOCATE ${name}`))))
        )
      })
    )
  })

// The columns of each index a lookup may use, all of which its condition must name.
const keys: Record<string, ReadonlyArray<string>> = {
  thidua_streams_pkey: ["tenant_id", "stream_id"],
  thidua_commands_pkey: ["tenant_id", "command_id"],
  thidua_events_stream_event_id: ["tenant_id", "stream_id", "event_id"],
  thidua_events_command: ["tenant_id", "stream_id", "command_id"],
  thidua_events_stream_version: ["tenant_id", "stream_id", "version"]
}

// How a plan may read a table: through an index (with a bitmap, whose index scan is a node of its
// own); never a scan of the whole table.
const throughIndex = ["Index Scan", "Index Only Scan", "Bitmap Heap Scan", "ModifyTable"]

/**
 * Every table the plan reads is read through one of `indexes`, with every column of the index in
 * its condition (none left to a filter), and each of `indexes` is used.
 */
const assertReachedBy = (label: string, plan: PlanNode, indexes: ReadonlyArray<string>) => {
  const nodes = nodesOf(plan)
  const shown = JSON.stringify(
    nodes
      .filter((n) => n["Relation Name"] !== undefined || n["Index Name"] !== undefined)
      .map((n) => [n["Node Type"], n["Relation Name"], n["Index Name"], n["Index Cond"], n.Filter])
  )
  for (const node of nodes) {
    if (node["Relation Name"] !== undefined) assert.include(throughIndex, node["Node Type"], `${label}: ${shown}`)
    const index = node["Index Name"]
    if (index === undefined) continue
    assert.include(indexes, index, `${label}: reads through ${index}: ${shown}`)
    for (const column of keys[index]!)
      assert.include(node["Index Cond"] ?? "", column, `${label}: ${index} by ${column}: ${shown}`)
  }
  const used = nodes.flatMap((n) => (n["Index Name"] === undefined ? [] : [n["Index Name"]]))
  assert.deepStrictEqual([...new Set(used)].sort(), [...indexes].sort(), `${label}: ${shown}`)
}

const event = (eventId: string, i: number): Recorded.NewEvent => ({
  eventId,
  type: "PhaseOpened",
  data: { phaseId: `dot-${i}`, at: "2020-01-02" },
  schemaVersion: 1
})

// `n` streams of `size` events each, every stream with a command id of its own.
const importInput = (tenant: string, n: number, size: number): Array<BulkImport.ImportStream> =>
  Array.from({ length: n }, (_, s) => ({
    tenantId: tenant,
    streamId: `campaign:${s}`,
    events: Array.from({ length: size }, (_, i) => event(`${tenant}-${s}-${i}`, i)),
    metadata: { commandId: `import-${s}` }
  }))

// The tables as a small tenant left them, analyzed (by the import); autovacuum kept away from what
// follows.
const analyzedSmall = (tenant: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    for (const table of tables) yield* sql.unsafe(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`)
    yield* BulkImport.run(importInput(tenant, 10, 10))
  })

const estimatedRows = (table: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ readonly estimated: number; readonly counted: number }>`SELECT
          (SELECT reltuples FROM pg_class WHERE relname = ${table})::float8 AS estimated,
          (SELECT count(*) FROM ${sql(table)})::float8 AS counted`,
      (rows) => rows[0]!
    )
  )

const registerPlanChecks = (it: It) => {
  it.effect(
    "after an import the planner has not analyzed, every row an append reaches is reached through its unique key",
    () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const store = yield* EventStore.EventStore
        const tenant = `plans-${crypto.randomUUID()}`
        yield* analyzedSmall(`${tenant}-small`)
        // 60,000 events, imported without ANALYZE (inside the caller's transaction).
        const imported = yield* sql.withTransaction(BulkImport.run(importInput(tenant, 2_000, 30)))
        assert.strictEqual(imported.events, 60_000)
        const events = yield* estimatedRows("thidua_events")
        assert.isBelow(events.estimated, 1_000, "the statistics do not know the import")
        assert.isAtLeast(events.counted, 60_000)

        const stream = "campaign:7"
        const [first, second] = [event(crypto.randomUUID(), 1), event(crypto.randomUUID(), 2)]
        const metadata = { commandId: crypto.randomUUID(), commandDigest: "PhaseOpened:1" }
        const payloads = [JSON.stringify(first.data), JSON.stringify(second.data)]
        const cases: Array<readonly [string, AppendSql.Query, ReadonlyArray<string>]> = []
        for (const expected of [30, "stream-exists", "no-stream", "any"] as const)
          for (const command of [metadata, {}])
            cases.push([
              `append (${expected}, ${command === metadata ? "with" : "without"} a command id)`,
              AppendSql.write(tenant, stream, expected, [first, second], command, payloads, null),
              typeof expected === "number" || expected === "stream-exists" ? ["thidua_streams_pkey"] : []
            ])
        cases.push(
          ["the stream's version", AppendSql.streamVersion(tenant, stream), ["thidua_streams_pkey"]],
          ["the command id's row", AppendSql.commandRow(tenant, "import-7"), ["thidua_commands_pkey"]],
          [
            "the command's events",
            AppendSql.commandEvents(tenant, stream, "import-7"),
            ["thidua_events_command", "thidua_streams_pkey"]
          ],
          [
            "the events with these ids",
            AppendSql.eventsById(tenant, stream, [`${tenant}-7-3`, first.eventId]),
            ["thidua_events_stream_event_id", "thidua_streams_pkey"]
          ],
          [
            "the stream's events from a version",
            AppendSql.streamEvents(tenant, stream, 31),
            ["thidua_events_stream_version"]
          ]
        )
        for (const [label, query, indexes] of cases) {
          assertReachedBy(`${label}, custom plan`, yield* customPlan(query), indexes)
          assertReachedBy(`${label}, generic plan`, yield* genericPlan(query), indexes)
        }

        // And the append itself, through the store: the first command after the import.
        const appended = yield* store.append(tenant, stream, 30, [first], metadata)
        assert.strictEqual(appended.version, 31)
        const again = yield* store.append(tenant, stream, 30, [first], metadata)
        assert.strictEqual(again.duplicate, true)
      }),
    // PGlite, on two cores shared with a server and other suites, took a minute at worst.
    180_000
  )

  it.effect(
    "BulkImport analyzes the tables it loaded",
    () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const tenant = `analyzed-${crypto.randomUUID()}`
        yield* analyzedSmall(`${tenant}-small`)
        yield* sql.withTransaction(BulkImport.run(importInput(tenant, 500, 10)))
        const before = yield* estimatedRows("thidua_events")
        assert.isAtMost(before.estimated, before.counted - 5_000, "the statistics do not know the import")
        yield* BulkImport.run(importInput(`${tenant}-more`, 1, 1))
        for (const table of tables) {
          const { estimated, counted } = yield* estimatedRows(table)
          assert.isAtLeast(estimated, counted * 0.9, `${table}: ${estimated} estimated, ${counted} rows`)
        }
      }),
    180_000
  )
}

describe.runIf(runServerSuites)("PostgresStore on a server: plans", () => {
  layer(serverStore(), { timeout: "60 seconds", excludeTestServices: true })("stale statistics", registerPlanChecks)
})

layer(PostgresStore.layer({}, storeOptions), { timeout: "60 seconds", excludeTestServices: true })(
  "PostgresStore on PGlite: plans",
  registerPlanChecks
)
