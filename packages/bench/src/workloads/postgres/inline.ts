/**
 * `pg-inline-1` and `pg-inline-8` (Thi Đua only): single-event appends through `Inline.layerSql`
 * with the Scoreboard folded in the append's own transaction, from 1 writer and from 8 (on
 * campaigns of their own). What an inline read model costs an append, against the ceiling of the
 * machine (a bare INSERT a transaction). Ported from `packages/projections/bench/inline.ts`.
 */
import { Inline, ReadModels, Scoreboard } from "@thidua/projections"
import { EventStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer, ManagedRuntime } from "effect"
import { quiet } from "../../Quiet.js"
import { CheckFailed, type Workload } from "../../Workload.js"
import { openOn } from "./database.js"

const score = (i: number) => ({
  eventId: crypto.randomUUID(),
  type: "ScoreAssessed",
  data: {
    unitId: `cdcs-${i % 40}`,
    contentId: "nd-1",
    points: i % 13,
    kind: "self",
    assessorId: `cdcs-${i % 40}`,
    at: "2024-06-01"
  },
  schemaVersion: 1
})

const inline = (writers: 1 | 8, appends: number): Workload => ({
  id: `pg-inline-${writers}`,
  title: `Single-event appends with the Scoreboard inline (same transaction), ${writers} writer${writers > 1 ? "s" : ""}`,
  unit: "events",
  warmup: 1,
  rounds: 5,
  needs: "postgres",
  note: "Thi Đua only: `Inline.layerSql([Scoreboard.projection])` over `PostgresStore`; each append also locks, reads and writes its campaign's scoreboard row.",
  targets: [
    {
      kind: "share",
      label: `inline appends (${writers} writer${writers > 1 ? "s" : ""}) ≥ 0.4 of the PostgreSQL ceiling`,
      workload: `pg-ceiling-${writers}`,
      contender: "postgres",
      min: 0.4
    }
  ],
  open: () =>
    openOn(`inline${writers}`, async (db) => {
      const runtime = ManagedRuntime.make(
        Inline.layerSql([Scoreboard.projection]).pipe(
          Layer.provideMerge(PostgresStore.layer({ url: db.url, maxConnections: writers + 2 }))
        )
      )
      const [store, models] = await runtime.runPromise(
        Effect.all([Effect.service(EventStore.EventStore), Effect.service(ReadModels.ReadModels)])
      )
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
              const per = appends / writers
              await quiet()
              const t0 = performance.now()
              await Promise.all(
                Array.from({ length: writers }, async (_, w) => {
                  for (let i = 0; i < per; i++)
                    await runtime.runPromise(
                      store.append(tenantId, `campaign:${w}`, i === 0 ? "no-stream" : i, [score(i)])
                    )
                })
              )
              const ms = performance.now() - t0
              let expected = 0
              for (let i = 0; i < per; i++) expected += i % 13
              for (let w = 0; w < writers; w++) {
                const board = await runtime.runPromise(
                  models.get(Scoreboard.projection, ReadModels.campaignKey(tenantId, String(w)))
                )
                const points = board === undefined ? 0 : sumSelf(board)
                if (board?.units.length !== Math.min(40, per) || points !== expected)
                  throw new CheckFailed(`campaign:${w} scoreboard holds ${points} points, expected ${expected}`)
              }
              return { units: appends, ms }
            }
          }
        ]
      }
    })
})

// Every unit's self-assessed points, enrolled or not (the appends score units that never enrolled,
// which a ranking leaves out): the first of the 13 counts of each unit (`Scoreboard.Tallies`).
const sumSelf = (board: Scoreboard.State): number => {
  let n = 0
  for (let u = 0; u < board.units.length; u++) n += board.campaign[u * 13]!
  return n
}

/** `pg-inline-1` and `pg-inline-8`. */
export const inlineWorkloads: ReadonlyArray<Workload> = [inline(1, 600), inline(8, 1_600)]
