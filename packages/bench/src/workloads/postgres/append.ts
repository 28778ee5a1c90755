/**
 * `pg-append-100`: appends of 100 events a call from one writer, each expecting the stream's
 * version: Thi Đua's `EventStore.append` on `PostgresStore` against Emmett's `appendToStream` on
 * `getPostgreSQLEventStore`. The events are the scores of the shared campaign workload, built before
 * the clock starts (Thi Đua's with their event ids; Emmett makes its own ids when appending).
 */
import { getPostgreSQLEventStore } from "@event-driven-io/emmett-postgresql"
import { EventStore, type Recorded } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Effect, ManagedRuntime } from "effect"
import { quiet } from "../../Quiet.js"
import { CheckFailed, type Workload } from "../../Workload.js"
import { openOn, query } from "./database.js"

const perAppend = 100
const appends = 30

const score = (i: number) => ({
  unitId: `cdcs-bench-${String(i % 10).padStart(3, "0")}`,
  phaseId: "dot-1",
  contentId: `nd-${1 + (i % 3)}`,
  points: 1 + (i % 10),
  kind: i % 5 === 4 ? "cross" : "self",
  assessorId: i % 5 === 4 ? "ldld-quan-bench" : `cdcs-bench-${String(i % 10).padStart(3, "0")}`,
  at: "2024-03-15"
})

const batches = (): ReadonlyArray<ReadonlyArray<Recorded.NewEvent>> =>
  Array.from({ length: appends }, (_, b) =>
    Array.from({ length: perAppend }, (_, i) => ({
      eventId: crypto.randomUUID(),
      type: "ScoreAssessed",
      data: score(b * perAppend + i),
      schemaVersion: 1
    }))
  )

const expectVersion = async (side: string, url: string, sql: string, stream: string) => {
  const [row] = await query<{ n: number; v: number }>(url, sql, [stream])
  if (row?.n !== appends * perAppend || row.v !== appends * perAppend)
    throw new CheckFailed(
      `${side}: ${stream} holds ${row?.n} events up to version ${row?.v}, expected ${appends * perAppend}`
    )
}

export const append100: Workload = {
  id: "pg-append-100",
  title: `Appends of ${perAppend} events, 1 writer, on PostgreSQL`,
  unit: "events",
  warmup: 1,
  rounds: 5,
  needs: "postgres",
  note: `${appends} appends a round to a new stream, each expecting the version before it; no command id.`,
  targets: [{ kind: "ratio", label: "100-event appends ≥ 1.5× Emmett", min: 1.5 }],
  open: () =>
    openOn("append100", async (db) => {
      const runtime = ManagedRuntime.make(PostgresStore.layer({ url: db.url, maxConnections: 4 }))
      const store = await runtime.runPromise(Effect.service(EventStore.EventStore))
      const emmett = getPostgreSQLEventStore(db.url)
      await emmett.schema.migrate()
      let thiduaRounds = 0
      let emmettRounds = 0
      return {
        close: async () => {
          await runtime.dispose()
          await emmett.close()
        },
        contenders: [
          {
            name: "thidua",
            round: async () => {
              const stream = `campaign:append-${thiduaRounds++}`
              const all = batches()
              await quiet()
              const t0 = performance.now()
              for (let b = 0; b < all.length; b++)
                await runtime.runPromise(store.append("bench", stream, b === 0 ? "no-stream" : b * perAppend, all[b]!))
              const ms = performance.now() - t0
              await expectVersion(
                "Thi Đua",
                db.url,
                "SELECT count(*)::int AS n, max(version)::int AS v FROM thidua_events WHERE tenant_id = 'bench' AND stream_id = $1",
                stream
              )
              return { units: appends * perAppend, ms }
            }
          },
          {
            name: "emmett",
            round: async () => {
              const stream = `campaign:append-${emmettRounds++}`
              const all = batches().map((events) => events.map((e) => ({ type: e.type, data: e.data })))
              await quiet()
              const t0 = performance.now()
              for (let b = 0; b < all.length; b++)
                await emmett.appendToStream(stream, all[b]!, { expectedStreamVersion: BigInt(b * perAppend) })
              const ms = performance.now() - t0
              await expectVersion(
                "Emmett",
                db.url,
                "SELECT count(*)::int AS n, max(stream_position)::int AS v FROM emt_messages WHERE stream_id = $1",
                stream
              )
              return { units: appends * perAppend, ms }
            }
          }
        ]
      }
    })
}
