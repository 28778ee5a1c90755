/**
 * A runner in a process of its own, for the crash test to kill with SIGKILL: it follows the log of
 * one tenant into read models in PostgreSQL until it is killed.
 */
import { PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer } from "effect"
import { Runner, SqlReadModelStore } from "../../src/index.js"
import { points } from "./projection.js"

const [url, tenantId, name] = [process.env.THIDUA_PG_URL!, process.env.CRASH_TENANT!, process.env.CRASH_PROJECTION!]
const layer = SqlReadModelStore.layer.pipe(Layer.provideMerge(PostgresStore.layer({ url }, { listen: false })))
console.log("ready")
await Effect.runPromise(Runner.run(points(name), { tenantId, batchSize: 250 }).pipe(Effect.provide(layer)))
