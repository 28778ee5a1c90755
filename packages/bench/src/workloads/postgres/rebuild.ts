/**
 * `pg-rebuild` (Thi Đua only): the Scoreboard rebuilt from a log of 500,000 events in PostgreSQL
 * (`Runner.rebuild`, pages of 5,000), the heap sampled all along: the runner reads the log in
 * pages and holds the read model, never the log. Ported from `packages/projections/bench/heap.ts`
 * (which ran 10,000,000 events under a 1 GB heap; the log is smaller here so that a round stays
 * short).
 */
import v8 from "node:v8"
import { Runner, Scoreboard } from "@thidua/projections"
import { BulkImport, PostgresStore } from "@thidua/store-postgres"
import { ManagedRuntime } from "effect"
import { quiet } from "../../Quiet.js"
import { CheckFailed, type Workload } from "../../Workload.js"
import { openOn, query } from "./database.js"

const streams = 500
const perStream = 1_000
const tenantId = "rebuild"
const MB = 1024 * 1024

/** A scoring stream: forty units enrolled, then scores with an initiative in ten events. */
const scoringEvents = (s: number) =>
  Array.from({ length: perStream }, (_, i) => {
    const unitId = `cdcs-${s}-${i % 40}`
    const eventId = `${s}-${i}`
    if (i < 40)
      return {
        eventId,
        type: "ParticipantEnrolled",
        data: { unitId, sector: "enterprise", at: "2024-01-05" },
        schemaVersion: 1
      }
    if (i % 10 === 5)
      return {
        eventId,
        type: "InitiativeRecorded",
        data: {
          initiativeId: `sk-${i}`,
          unitId,
          phaseId: "dot-1",
          kind: "initiative",
          title: "Cải tiến quy trình",
          benefitVnd: i * 1_000_000,
          at: "2024-03-01"
        },
        schemaVersion: 1
      }
    return {
      eventId,
      type: "ScoreAssessed",
      data: {
        unitId,
        ...(i % 2 === 0 ? { phaseId: "dot-1" } : {}),
        contentId: "nd-1",
        points: i % 13,
        kind: i % 3 === 0 ? "cross" : "self",
        assessorId: unitId,
        at: "2024-06-01"
      },
      schemaVersion: 1
    }
  })

// What a stream's scores total, self and cross.
const expectedPoints = (() => {
  let n = 0
  for (let i = 40; i < perStream; i++) if (i % 10 !== 5) n += i % 13
  return n * streams
})()

export const rebuild: Workload = {
  id: "pg-rebuild",
  title: `Scoreboard rebuilt from ${(streams * perStream).toLocaleString("en-US")} events in PostgreSQL, heap watched`,
  unit: "events",
  warmup: 1,
  rounds: 3,
  needs: "postgres",
  note: "Thi Đua only: `Runner.rebuild(Scoreboard.projection, { batchSize: 5000 })`; peak heap sampled every 10 ms, the read model (500 campaigns, 20,000 units) included.",
  targets: [
    { kind: "rate", label: "rebuild from PostgreSQL ≥ 100,000 events/s", min: 100_000 },
    // Coarse: the heap in use, garbage included, which V8 lets grow with its limit and with what
    // ran before (113–122 MB alone, 513–708 MB after other workloads under an 8 GB limit); the
    // bounded-heap fold at scale is held to its target by `national-scale`.
    { kind: "heap", label: "rebuild peak heap ≤ 1 GB (heap in use, garbage included)", max: 1024 * MB }
  ],
  open: () =>
    openOn("rebuild", async (db) => {
      const runtime = ManagedRuntime.make(PostgresStore.layer({ url: db.url, maxConnections: 4 }))
      await runtime.runPromise(
        BulkImport.run(
          Array.from({ length: streams }, (_, s) => ({ tenantId, streamId: `campaign:${s}`, events: scoringEvents(s) }))
        )
      )
      await query(db.url, "ANALYZE")
      return {
        close: async () => {
          await runtime.dispose()
        },
        contenders: [
          {
            name: "thidua",
            round: async () => {
              await quiet()
              let peakHeap = v8.getHeapStatistics().used_heap_size
              const timer = setInterval(() => {
                peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size)
              }, 10)
              const t0 = performance.now()
              const { states } = await runtime
                .runPromise(Runner.rebuild(Scoreboard.projection, { tenantId, batchSize: 5_000 }))
                .finally(() => clearInterval(timer))
              const ms = performance.now() - t0
              peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size)
              let points = 0
              for (const state of states.values())
                for (const s of Scoreboard.ranking(state)) points += s.tally.self + s.tally.cross
              if (states.size !== streams || points !== expectedPoints)
                throw new CheckFailed(
                  `${states.size} scoreboards totalling ${points} points, expected ${streams} and ${expectedPoints}`
                )
              return { units: streams * perStream, ms, peakHeap }
            }
          }
        ]
      }
    })
}
