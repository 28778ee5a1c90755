/**
 * `pg-catchup`: an asynchronous projection catching up from the start of a log of 5,000 events
 * (the first 50 campaigns of the history of `history.ts`) into a read model kept in PostgreSQL, per campaign: its points and
 * scores. Thi Đua: `Runner.catchUp` with `SqlReadModelStore` (each page folded in memory, then its
 * changed partitions and the checkpoint saved in one transaction). Emmett: a
 * `postgreSQLEventStoreConsumer` with a projector of a `pongoSingleStreamProjection`, as its docs
 * show a read model, pulling 1,000 events a batch without pausing between full batches.
 *
 * Each round starts a new projection (a new name, a new collection) over the same events.
 */
import {
  getPostgreSQLEventStore,
  pongoSingleStreamProjection,
  postgreSQLEventStoreConsumer
} from "@event-driven-io/emmett-postgresql"
import { Projection, Runner, SqlReadModelStore } from "@thidua/projections"
import { PostgresStore } from "@thidua/store-postgres"
import { Layer, ManagedRuntime } from "effect"
import type { EmmettCampaign } from "../../campaign/index.js"
import { quiet } from "../../Quiet.js"
import { CheckFailed, type Workload } from "../../Workload.js"
import { openOn, query } from "./database.js"
import * as History from "./history.js"

const tenantId = "catchup"
const batchSize = 1_000
// The first campaigns of the history: Emmett's projector folded 400–600 events a second here (a
// document read and written, and the checkpoint stored, for every event), and a round must stay short.
const campaigns = 50

interface Points {
  points: number
  scores: number
}

const thiduaProjection = (name: string) =>
  Projection.make<Points>({
    name,
    version: 1,
    init: () => ({ points: 0, scores: 0 }),
    partition: Projection.byCampaign,
    handlers: {
      ScoreAssessed: (s, e) => {
        s.points += e.points
        s.scores++
        return s
      }
    }
  })

type Document = { points: number; scores: number }

const emmettProjection = (collectionName: string) =>
  pongoSingleStreamProjection<Document, EmmettCampaign.ScoreAssessed>({
    collectionName,
    canHandle: ["ScoreAssessed"],
    initialState: () => ({ points: 0, scores: 0 }),
    evolve: (document: Document, event: { readonly data: { readonly points: number } }) => ({
      points: document.points + event.data.points,
      scores: document.scores + 1
    })
  })

interface Expected {
  readonly partitions: number
  readonly points: number
  readonly scores: number
}

const expected = (): Expected => {
  const plans = History.workload().campaigns.slice(0, campaigns)
  return {
    partitions: plans.length,
    points: plans.reduce((n, p) => n + p.points, 0),
    scores: plans.reduce((n, p) => n + p.scores, 0)
  }
}

const checkTotals = (side: string, want: Expected, got: { partitions: number; points: number; scores: number }) => {
  if (got.partitions !== want.partitions || got.points !== want.points || got.scores !== want.scores)
    throw new CheckFailed(
      `${side}: ${got.partitions} campaigns, ${got.points} points, ${got.scores} scores; expected ${want.partitions}, ${want.points}, ${want.scores}`
    )
}

export const catchup: Workload = {
  id: "pg-catchup",
  title: `Projection catch-up from PostgreSQL into PostgreSQL read models, ${(campaigns * History.perCampaign).toLocaleString("en-US")} events`,
  unit: "events",
  warmup: 1,
  rounds: 3,
  needs: "postgres",
  note: `Thi Đua: Runner.catchUp + SqlReadModelStore, pages of ${batchSize}; Emmett: postgreSQLEventStoreConsumer + projector(pongoSingleStreamProjection), batches of ${batchSize}, pullingFrequencyInMs 0; the same events in each store, read models per campaign checked by SQL.`,
  targets: [{ kind: "ratio", label: "projection catch-up ≥ 10× Emmett", min: 10 }],
  open: () =>
    openOn("catchup", async (db) => {
      const store = getPostgreSQLEventStore(db.url)
      await store.schema.migrate()
      await History.importThidua(db.url, tenantId, campaigns)
      // One stream after another: Emmett's consumer keeps its place as a global position while it
      // reads in transaction order, and skipped events of streams appended concurrently (28 of 200
      // campaigns came out short in a trial).
      await History.importEmmett(store, "", { campaigns, concurrency: 1 })
      await store.close()
      await query(db.url, "ANALYZE")
      const want = expected()
      const runtime = ManagedRuntime.make(
        SqlReadModelStore.layer.pipe(Layer.provideMerge(PostgresStore.layer({ url: db.url, maxConnections: 4 })))
      )
      let thiduaRounds = 0
      let emmettRounds = 0
      return {
        close: async () => {
          await runtime.dispose()
        },
        contenders: [
          {
            name: "thidua",
            round: async () => {
              const name = `bench-points-${thiduaRounds++}`
              await quiet()
              const t0 = performance.now()
              await runtime.runPromise(Runner.catchUp(thiduaProjection(name), { tenantId, batchSize }))
              const ms = performance.now() - t0
              const [row] = await query<{ partitions: number; points: number; scores: number }>(
                db.url,
                `SELECT count(*)::int AS partitions, sum((state->>'points')::int)::int AS points,
                 sum((state->>'scores')::int)::int AS scores
               FROM thidua_read_models WHERE name = $1`,
                [name]
              )
              checkTotals("Thi Đua", want, row ?? { partitions: 0, points: 0, scores: 0 })
              return { units: History.events(campaigns), ms }
            }
          },
          {
            name: "emmett",
            round: async () => {
              const collection = `bench_points_${emmettRounds++}`
              const consumer = postgreSQLEventStoreConsumer({
                connectionString: db.url,
                stopWhen: { noMessagesLeft: true },
                pulling: { batchSize, pullingFrequencyInMs: 0 }
              })
              consumer.projector({ projection: emmettProjection(collection) })
              try {
                await quiet()
                const t0 = performance.now()
                await consumer.start()
                const ms = performance.now() - t0
                const [row] = await query<{ partitions: number; points: number; scores: number }>(
                  db.url,
                  `SELECT count(*)::int AS partitions, sum((data->>'points')::int)::int AS points,
                   sum((data->>'scores')::int)::int AS scores
                 FROM ${collection}`
                )
                checkTotals("Emmett", want, row ?? { partitions: 0, points: 0, scores: 0 })
                return { units: History.emmettEvents(campaigns), ms }
              } finally {
                await consumer.close()
              }
            }
          }
        ]
      }
    })
}
