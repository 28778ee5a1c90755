/**
 * The seed campaigns demo: the five campaigns of the source articles, from their plan to their
 * close, through the command handler and the embedded default store — PostgreSQL on PGlite, in
 * memory — with the scoreboard, initiative ledger and award roll kept inline (in the appends'
 * transactions). `THIDUA_PG_URL` points it at a server instead; `THIDUA_STORE=memory` uses the
 * in-memory store.
 */
import { Version } from "@thidua/core"
import { Inline, type ReadModels } from "@thidua/projections"
import { type EventStore, InMemoryStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Seeds } from "@thidua/testing"
import { Effect, Layer } from "effect"
import { describe, readModels, run } from "./run.js"

const url = process.env.THIDUA_PG_URL
const postgres = (config: PostgresStore.Config) =>
  Inline.layerSql(readModels).pipe(Layer.provideMerge(PostgresStore.layer(config)))
const [storeName, store]: readonly [string, Layer.Layer<EventStore.EventStore | ReadModels.ReadModels, unknown>] =
  process.env.THIDUA_STORE === "memory"
    ? ["the in-memory store", Inline.layer(readModels).pipe(Layer.provideMerge(InMemoryStore.layer))]
    : url !== undefined
      ? ["PostgreSQL at THIDUA_PG_URL", postgres({ url })]
      : ["PostgreSQL on embedded PGlite", postgres({})]

const program = Effect.gen(function* () {
  console.log(`Thi Đua ${Version.version} — the seed campaigns, on ${storeName}\n`)
  let refused = 0
  for (const seed of Seeds.all) {
    const report = yield* run(seed)
    refused += report.refused.length
    for (const line of describe(report)) console.log(line)
    console.log("")
  }
  return refused
})

const refused = await Effect.runPromise(program.pipe(Effect.provide(store)))
if (refused > 0) {
  console.error(`${refused} commands were refused`)
  process.exit(1)
}
