/**
 * `pnpm --filter @thidua/example-http start`: starts the example server and prints where the page
 * is, and the tokens to send commands with.
 *
 * - `THIDUA_DATA_DIR=<folder>` keeps the events in embedded PostgreSQL (PGlite) files there, so
 *   they outlive the process; without it they are kept in memory and go when it stops.
 * - `PORT` (default 3000; 0 for any free port) and `HOST` (default 127.0.0.1).
 *
 * @since 0.7.0
 */
import type { Engine } from "@thidua/engine"
import { tokens, viewerToken } from "./auth.js"
import * as Seed from "./seed.js"
import { start } from "./server.js"

const portText = process.env.PORT ?? "3000"
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) {
  console.error(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(portText)}`)
  process.exit(2)
}
const port = Number(portText)
const host = process.env.HOST ?? "127.0.0.1"
const dataDir = process.env.THIDUA_DATA_DIR
const store: Engine.StoreConfig = dataDir !== undefined && dataDir !== "" ? { dataDir } : "memory"

const server = await start({ store, port, host })
const page = `${server.url}/?tenant=${Seed.seed.tenantId}&campaign=${Seed.campaignId}`
console.log(`Thi Đua — the example HTTP server
  store:   ${typeof store === "string" ? "in memory (set THIDUA_DATA_DIR to keep the events)" : `PGlite files in ${store.dataDir}`}
  seed:    ${Seed.seed.title}, as of ${Seed.asOf}: ${
    server.seeded.written === 0 ? "already there" : `${server.seeded.written} of ${server.seeded.sent} commands written`
  }
  page:    ${page}
  OpenAPI: ${server.url}/openapi.json

Tokens (Authorization: Bearer <token>):`)
for (const [token, grant] of tokens)
  console.log(`  ${token.padEnd(26)} ${grant.holder}${token === viewerToken ? "" : ` (${grant.principal.role})`}`)
console.log("\nCtrl+C stops the server.")

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await server.close()
  process.exit(0)
}
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
