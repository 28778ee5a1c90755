/**
 * Vitest's global setup: the first lines of a run say what it covers. Whether the PostgreSQL
 * server suites run (they need `THIDUA_PG_URL`; without it they are skipped and the stores run on
 * embedded PGlite only), and which property counts run (`THIDUA_LONG_PROPERTIES`, see
 * `properties.ts`).
 */
import { long } from "./properties.ts"

const example = "postgres://postgres@127.0.0.1:5432/test"

/** The server's address without its password. */
const redacted = (url: string) => {
  try {
    const u = new URL(url)
    if (u.password !== "") u.password = "***"
    return u.toString()
  } catch {
    return "(not a URL)"
  }
}

const postgres = (): string => {
  const url = process.env.THIDUA_PG_URL
  if (url !== undefined) return `PostgreSQL: the server suites run on ${redacted(url)} (THIDUA_PG_URL), PGlite's too.`
  if (process.env.CI === "true" && process.env.THIDUA_PG_REQUIRED === "true")
    return [
      "PostgreSQL: THIDUA_PG_REQUIRED=true but THIDUA_PG_URL is not set: the server suites fail, as CI wants.",
      `  Set THIDUA_PG_URL (e.g. ${example}), or unset THIDUA_PG_REQUIRED to skip them.`
    ].join("\n")
  return [
    "PostgreSQL: THIDUA_PG_URL is not set, so the server suites are skipped (store-postgres's server, racing,",
    "  concurrency, ordering, crash and reliability files; the server cases of projections and workflow);",
    "  the store, read model and lease suites run on embedded PGlite only.",
    `  To run them: start PostgreSQL and set THIDUA_PG_URL=${example}`,
    "  (a role that may CREATE DATABASE: each file works in a database of its own). `bash .ci/run` starts",
    "  an installed server and sets it."
  ].join("\n")
}

const nats = (): string =>
  process.env.THIDUA_NATS_REQUIRED === "true"
    ? "NATS: the store-nats suites run on nats-server processes they start (THIDUA_NATS_REQUIRED=true)."
    : process.env.THIDUA_NATS === "1"
      ? "NATS: the store-nats suites run on nats-server processes they start (THIDUA_NATS=1)."
      : "NATS: the store-nats suites are skipped; THIDUA_NATS=1 runs them (they start nats-server processes of their own)."

const properties = (): string =>
  long
    ? "Properties: the long runs (THIDUA_LONG_PROPERTIES=1)."
    : "Properties: the short runs. THIDUA_LONG_PROPERTIES=1 runs the long ones, as CI does."

export default function setup(): void {
  console.log(`\n${postgres()}\n${nats()}\n${properties()}\n`)
}
