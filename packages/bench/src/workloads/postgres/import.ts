/**
 * `pg-import` (Thi Đua only): `BulkImport.run` (default options) of new campaign streams whose
 * events carry their command ids, as a restore of a Thi Đua log brings them. Ported from the bulk
 * import line of `packages/store-postgres/bench/append.ts`, with command ids added: its check of
 * the ids once grew with the square of the batch (200,000 events took 207 s instead of 9), which
 * no line measured.
 */
import { Stream } from "@thidua/core"
import { BulkImport, PostgresStore } from "@thidua/store-postgres"
import { ManagedRuntime } from "effect"
import { quiet } from "../../Quiet.js"
import { CheckFailed, type Workload } from "../../Workload.js"
import { openOn, query } from "./database.js"
import * as History from "./history.js"

// The first campaigns of the history: 50,000 events, one command id each (5 batches of the default size).
const campaigns = 500

export const bulkImport: Workload = {
  id: "pg-import",
  title: `Bulk import of ${(campaigns * History.perCampaign).toLocaleString("en-US")} events with their command ids`,
  unit: "events",
  warmup: 1,
  rounds: 3,
  needs: "postgres",
  note: "Thi Đua only: `BulkImport.run` with default options into a new tenant each round; every event carries its command id.",
  targets: [{ kind: "rate", label: "bulk import ≥ 40,000 events/s (PERF-RELIABILITY)", min: 40_000 }],
  open: () =>
    openOn("import", async (db) => {
      const runtime = ManagedRuntime.make(PostgresStore.layer({ url: db.url, maxConnections: 6 }))
      let rounds = 0
      return {
        close: async () => {
          await runtime.dispose()
        },
        contenders: [
          {
            name: "thidua",
            round: async () => {
              const tenantId = `round-${rounds++}`
              // The directory is left out: only the campaigns, each a new stream.
              const streams = History.importStreams(tenantId, { campaigns }).filter(
                (s) => s.streamId !== Stream.directory(tenantId)
              )
              const events = streams.reduce((n, s) => n + s.events.length, 0)
              await quiet()
              const t0 = performance.now()
              const imported = await runtime.runPromise(BulkImport.run(streams))
              const ms = performance.now() - t0
              const [row] = await query<{ events: number; commands: number }>(
                db.url,
                `SELECT (SELECT count(*)::int FROM thidua_events WHERE tenant_id = $1) AS events,
                 (SELECT count(*)::int FROM thidua_commands WHERE tenant_id = $1) AS commands`,
                [tenantId]
              )
              if (imported.events !== events || row?.events !== events || row.commands !== events)
                throw new CheckFailed(
                  `imported ${imported.events}, ${row?.events} events and ${row?.commands} command ids stored, expected ${events}`
                )
              return { units: events, ms }
            }
          }
        ]
      }
    })
}
