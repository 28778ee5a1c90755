/**
 * What the machine allows: one single-row INSERT per transaction (autocommit, `synchronous_commit`
 * as the server has it) into a table shaped like an event table, through `pg` with a prepared
 * statement, from 1 and from 8 connections. The PostgreSQL targets of Thi Đua are shares of these.
 */
import pg from "pg"
import { CheckFailed, type Workload } from "../../Workload.js"
import { openOn } from "./database.js"

// Shaped as PERF-RELIABILITY §1c measured it: a sequence key, the writer's transaction id, a unique
// event id, a unique (stream, version) and two jsonb columns, about 280 bytes of JSON a row.
const table = `CREATE TABLE ceiling_events (
  global_position bigserial PRIMARY KEY,
  tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id uuid NOT NULL UNIQUE,
  stream_id text NOT NULL,
  version int NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  UNIQUE (stream_id, version)
)`

const data = JSON.stringify({
  unitId: "cdcs-cong-ty-may-10",
  contentId: "nd-1",
  points: 9,
  kind: "self",
  assessorId: "cdcs-cong-ty-may-10",
  at: "2024-06-01",
  phaseId: "dot-1",
  note: "Hoàn thành vượt mức kế hoạch sản xuất quý II"
})
const metadata = JSON.stringify({
  commandId: "c-00000000",
  actor: { organizationId: "ldld-ha-noi", role: "executive" }
})

const insert = {
  name: "ceiling_insert",
  text: `INSERT INTO ceiling_events (event_id, stream_id, version, type, data, metadata)
    VALUES ($1, $2, $3, 'ScoreAssessed', $4, $5)`
}

const ceiling = (connections: number, perRound: number): Workload => ({
  id: `pg-ceiling-${connections}`,
  title: `PostgreSQL ceiling: single-row INSERT per transaction, ${connections} connection${connections > 1 ? "s" : ""}`,
  unit: "transactions",
  warmup: 1,
  rounds: 5,
  needs: "postgres",
  note: "pg with a prepared statement, autocommit; every other figure on PostgreSQL is bounded by this one",
  targets: [],
  open: () =>
    openOn(`ceiling${connections}`, async (db) => {
      const clients = Array.from({ length: connections }, () => new pg.Client({ connectionString: db.url }))
      await Promise.all(clients.map((c) => c.connect()))
      await clients[0]!.query(table)
      const close = async () => {
        await Promise.all(clients.map((c) => c.end()))
      }
      // Rounds number themselves: the runner's index may repeat between warm-up and timed rounds.
      let rounds = 0
      return {
        close,
        contenders: [
          {
            name: "postgres",
            round: async () => {
              const index = rounds++
              const per = perRound / connections
              const t0 = performance.now()
              await Promise.all(
                clients.map(async (client, c) => {
                  const stream = `campaign:r${index}-c${c}`
                  for (let v = 1; v <= per; v++)
                    await client.query({ ...insert, values: [crypto.randomUUID(), stream, v, data, metadata] })
                })
              )
              const ms = performance.now() - t0
              const [row] = (
                await clients[0]!.query<{ n: number }>(
                  "SELECT count(*)::int AS n FROM ceiling_events WHERE stream_id LIKE $1",
                  [`campaign:r${index}-%`]
                )
              ).rows
              if (row?.n !== per * connections)
                throw new CheckFailed(`round ${index}: ${per * connections} inserts, ${row?.n} rows`)
              return { units: per * connections, ms }
            }
          }
        ]
      }
    })
})

/** `pg-ceiling-1` and `pg-ceiling-8`. */
export const ceilings: ReadonlyArray<Workload> = [ceiling(1, 1_000), ceiling(8, 2_400)]
