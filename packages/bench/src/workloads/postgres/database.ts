/**
 * The server the PostgreSQL workloads run on (`THIDUA_PG_URL`), and a database of each workload's
 * own on it: created when the workload opens, dropped when it closes, so that no run sees another's
 * rows, statistics or bloat.
 */
import pg from "pg"
import type { Opened } from "../../Workload.js"

/** The server's URL; the workloads that need it declare `needs: "postgres"` and are skipped without it. */
export const serverUrl = (): string => {
  const url = process.env.THIDUA_PG_URL
  if (url === undefined || url === "") throw new Error("THIDUA_PG_URL is not set")
  return url
}

/** A database of its own, and its URL. */
export interface Database {
  readonly name: string
  readonly url: string
  readonly drop: () => Promise<void>
}

const withAdmin = async <A>(f: (client: pg.Client) => Promise<A>): Promise<A> => {
  const client = new pg.Client({ connectionString: serverUrl() })
  await client.connect()
  try {
    return await f(client)
  } finally {
    await client.end()
  }
}

/** Creates `thidua_bench_<label>_<random>` on the server. */
export const createDatabase = async (label: string): Promise<Database> => {
  const name = `thidua_bench_${label.replaceAll(/[^a-z0-9]/g, "_")}_${crypto.randomUUID().slice(0, 8)}`
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`))
  const url = new URL(serverUrl())
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdmin(async (c) => {
        // A pool closed just now may still be ending a connection: terminated under it, the
        // connection's error reaches a pool with no listener left and ends the process. Waits for
        // them to go, a few seconds at most, before forcing the rest.
        for (let i = 0; i < 50; i++) {
          const { rows } = await c.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
            [name]
          )
          if (rows[0]?.n === 0) break
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      })
  }
}

/**
 * Opens a workload on a database of its own: `setup` gets it and returns the contenders and what
 * to release; the database is dropped after that release, or at once when `setup` fails.
 */
export const openOn = async (label: string, setup: (db: Database) => Promise<Opened>): Promise<Opened> => {
  const db = await createDatabase(label)
  let opened: Opened
  try {
    opened = await setup(db)
  } catch (error) {
    await db.drop().catch(() => undefined)
    throw error
  }
  return {
    contenders: opened.contenders,
    close: async () => {
      try {
        await opened.close()
      } finally {
        await db.drop()
      }
    }
  }
}

/** Runs one query on a short-lived connection: for checks, counts and ANALYZE outside the timing. */
export const query = async <R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: ReadonlyArray<unknown> = []
): Promise<ReadonlyArray<R>> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<R>(text, values as Array<unknown>)).rows
  } finally {
    await client.end()
  }
}

/** Wall time of `f`, in milliseconds, with its result. */
export const timed = async <A>(f: () => Promise<A>): Promise<readonly [A, number]> => {
  const t0 = performance.now()
  const a = await f()
  return [a, performance.now() - t0]
}
