/**
 * Campaign commands through the command handler on PostgreSQL: Thi Đua as a host calls it
 * (`createThiDua({ store: { url } })`, `await execute(json, { principal })`) against Emmett's
 * `CommandHandler` on `getPostgreSQLEventStore(url)` with the shared Emmett decider. One client
 * sending commands one after another, or 8 clients at once on disjoint campaigns, each awaiting its
 * commands one after another.
 *
 * Two states of the database. **Imported**: every round on a database of its own, where the
 * tenant's history (200,000 events) was loaded in bulk right before the timed commands, with no
 * ANALYZE of the host's: Thi Đua's `BulkImport` (which analyzes what it wrote), Emmett's
 * `appendToStream` of whole streams. **Steady**: the history loaded once and analyzed, then each
 * round's commands in a tenant (Emmett: streams) of their own.
 */
import { getPostgreSQLEventStore, type PostgresEventStore } from "@event-driven-io/emmett-postgresql"
import { createThiDua, type ThiDua } from "@thidua/engine"
import { Campaigns, EmmettCampaign } from "../../campaign/index.js"
import { quiet } from "../../Quiet.js"
import { CheckFailed, type Contender, type Target, type Workload } from "../../Workload.js"
import { createDatabase, type Database, openOn, query } from "./database.js"
import * as History from "./history.js"

const perCampaign = 60

type Clients = 1 | 8

// Campaigns per round: 10 for one client, 2 a client for 8.
const campaignsFor = (clients: Clients) => (clients === 1 ? 10 : 16)

const generate = (clients: Clients, tenantId: string) =>
  Campaigns.generate({ campaigns: campaignsFor(clients), commandsPerCampaign: perCampaign, tenantId })

// Each client's steps: its campaigns, interleaved as `steps` interleaves them.
const lanes = (w: Campaigns.Workload, clients: Clients) =>
  Array.from({ length: clients }, (_, k) => w.steps.filter((s) => s.campaign % clients === k))

interface Totals {
  readonly version: number
  readonly points: number
}

const check = (side: string, w: Campaigns.Workload, found: ReadonlyMap<string, Totals>) => {
  for (const plan of w.campaigns) {
    const t = found.get(plan.streamId)
    if (t?.version !== plan.version || t.points !== plan.points)
      throw new CheckFailed(
        `${side}: ${plan.streamId} at version ${t?.version} with ${t?.points} points, expected ${plan.version} and ${plan.points}`
      )
  }
}

// What the log holds, read by SQL outside the timing: each stream's last version and points.
const thiduaTotals = async (url: string, tenantId: string): Promise<ReadonlyMap<string, Totals>> => {
  const rows = await query<{ stream_id: string; version: number; points: number }>(
    url,
    `SELECT stream_id, max(version)::int AS version,
       coalesce(sum((data->>'points')::int) FILTER (WHERE type = 'ScoreAssessed'), 0)::int AS points
     FROM thidua_events WHERE tenant_id = $1 AND stream_id LIKE 'campaign:bench-%' GROUP BY stream_id`,
    [tenantId]
  )
  return new Map(rows.map((r) => [r.stream_id, { version: r.version, points: r.points }]))
}

const emmettTotals = async (url: string, prefix: string): Promise<ReadonlyMap<string, Totals>> => {
  const rows = await query<{ stream_id: string; version: number; points: number }>(
    url,
    `SELECT stream_id, max(stream_position)::int AS version,
       coalesce(sum((message_data->>'points')::int) FILTER (WHERE message_type = 'ScoreAssessed'), 0)::int AS points
     FROM emt_messages WHERE stream_id LIKE $1 GROUP BY stream_id`,
    [`${prefix}campaign:%`]
  )
  return new Map(rows.map((r) => [r.stream_id.slice(prefix.length), { version: r.version, points: r.points }]))
}

const runThidua = async (td: ThiDua.ThiDua, w: Campaigns.Workload, clients: Clients) => {
  await quiet()
  const t0 = performance.now()
  await Promise.all(
    lanes(w, clients).map(async (steps) => {
      for (const s of steps) {
        const r = await td.execute(s.command, { principal: s.principal })
        if (!r.ok) throw new CheckFailed(`Thi Đua: ${s.command.commandId} refused: ${r.error.message}`)
      }
    })
  )
  return performance.now() - t0
}

const runEmmett = async (store: PostgresEventStore, w: Campaigns.Workload, clients: Clients, prefix: string) => {
  // The host builds Emmett's commands from the same requests, outside the timing as Thi Đua's JSON.
  const directory = EmmettCampaign.directoryOf(w.directory)
  const work = lanes(w, clients).map((steps) =>
    steps.map((s) => ({
      stream: `${prefix}${w.campaigns[s.campaign]!.streamId}`,
      command: EmmettCampaign.toEmmett(s.command)
    }))
  )
  await quiet()
  const t0 = performance.now()
  await Promise.all(
    work.map(async (steps) => {
      for (const { stream, command } of steps)
        await EmmettCampaign.handle(store, stream, (state) => EmmettCampaign.decide(command, state, directory))
    })
  )
  return performance.now() - t0
}

// Rounds number themselves: tenants and stream prefixes must never repeat within a database.
const counter = () => {
  let n = 0
  return () => n++
}

/** Every round on a fresh database, the history bulk-loaded right before the commands. */
const imported = (clients: Clients): ReadonlyArray<Contender> => {
  const next = counter()
  const fresh = async <A>(side: string, f: (db: Database) => Promise<A>): Promise<A> => {
    const db = await createDatabase(`cmd${clients}${side}${next()}`)
    try {
      return await f(db)
    } finally {
      await db.drop()
    }
  }
  return [
    {
      name: "thidua",
      round: () =>
        fresh("t", async (db) => {
          const w = generate(clients, "tenant")
          await History.importThidua(db.url, w.tenantId)
          const td = await createThiDua({ store: { url: db.url } })
          try {
            // The directory came with the history: the commands find it in the store.
            const ms = await runThidua(td, w, clients)
            check("Thi Đua", w, await thiduaTotals(db.url, w.tenantId))
            return { units: w.steps.length, ms }
          } finally {
            await td.close()
          }
        })
    },
    {
      name: "emmett",
      round: () =>
        fresh("e", async (db) => {
          const w = generate(clients, "tenant")
          const store = getPostgreSQLEventStore(db.url)
          try {
            await store.schema.migrate()
            await History.importEmmett(store, "")
            const ms = await runEmmett(store, w, clients, "")
            check("Emmett", w, await emmettTotals(db.url, ""))
            return { units: w.steps.length, ms }
          } finally {
            await store.close()
          }
        })
    }
  ]
}

/** One database, the history loaded and analyzed once; each round in a tenant of its own. */
const steady = (clients: Clients) =>
  openOn(`cmd${clients}steady`, async (db) => {
    const td = await createThiDua({ store: { url: db.url } })
    const store = getPostgreSQLEventStore(db.url)
    const close = async () => {
      await td.close()
      await store.close()
    }
    try {
      await store.schema.migrate()
      await History.importThidua(db.url, "history")
      await History.importEmmett(store, "history/")
      await query(db.url, "ANALYZE")
    } catch (error) {
      await close()
      throw error
    }
    const nextThidua = counter()
    const nextEmmett = counter()
    const contenders: ReadonlyArray<Contender> = [
      {
        name: "thidua",
        round: async () => {
          const w = generate(clients, `round-${nextThidua()}`)
          for (const s of w.directory) await td.executeOrThrow(s.command, { principal: s.principal })
          const ms = await runThidua(td, w, clients)
          check("Thi Đua", w, await thiduaTotals(db.url, w.tenantId))
          return { units: w.steps.length, ms }
        }
      },
      {
        name: "emmett",
        round: async () => {
          const w = generate(clients, "tenant")
          const prefix = `round-${nextEmmett()}/`
          const ms = await runEmmett(store, w, clients, prefix)
          check("Emmett", w, await emmettTotals(db.url, prefix))
          return { units: w.steps.length, ms }
        }
      }
    ]
    return { contenders, close }
  })

const ceilingShare = (clients: Clients, state: string): ReadonlyArray<Target> =>
  clients === 1
    ? [
        {
          kind: "share",
          label: `commands (1 client, ${state}) ≥ 0.4 of the PostgreSQL ceiling`,
          workload: "pg-ceiling-1",
          contender: "postgres",
          min: 0.4
        }
      ]
    : []

const make = (clients: Clients, state: "imported" | "steady"): Workload => {
  const commands = campaignsFor(clients) * perCampaign
  const who = clients === 1 ? "1 client" : `${clients} clients on disjoint campaigns`
  return {
    id: state === "steady" ? `pg-commands-${clients}` : `pg-commands-${clients}-imported`,
    title:
      state === "steady"
        ? `${commands.toLocaleString("en-US")} campaign commands on PostgreSQL, ${who}, steady (history analyzed)`
        : `The same right after a bulk import of ${(History.campaigns * History.perCampaign).toLocaleString("en-US")} events, no manual ANALYZE`,
    unit: "commands",
    warmup: state === "steady" ? 1 : 0,
    rounds: state === "steady" ? 5 : 3,
    needs: "postgres",
    note:
      state === "steady"
        ? "Thi Đua: `await thidua.execute(json, { principal })` on `createThiDua({ store: { url } })`; Emmett: its `CommandHandler` on `getPostgreSQLEventStore(url)`, which reads the whole stream for every command; campaigns of 60 commands (15 of lifecycle, then scores)."
        : "Each round on a new database: Thi Đua `BulkImport.run` (events with their command ids; no ANALYZE but the import's own), Emmett `appendToStream` of whole streams, three at a time; the import is untimed.",
    targets: [
      { kind: "ratio", label: `PostgreSQL commands (${who}, ${state}) ≥ 2× Emmett`, min: 2 },
      ...ceilingShare(clients, state)
    ],
    open: async () => (state === "steady" ? steady(clients) : { contenders: imported(clients), close: async () => {} })
  }
}

/** `pg-commands-1`, `pg-commands-8` (steady) and their `-imported` variants. */
export const commandWorkloads: ReadonlyArray<Workload> = [
  make(1, "steady"),
  make(8, "steady"),
  make(1, "imported"),
  make(8, "imported")
]
