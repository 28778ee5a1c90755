/**
 * The example server: one engine (`createThiDua`), the Hoàng Mai 2020 seed loaded into it, and
 * `@thidua/http` serving the API and the page of `public/`. `start` is what the tests call and what
 * `main.ts` runs; a host copies it and puts its own store, hook and pages in.
 *
 * @since 0.7.0
 */
import { fileURLToPath } from "node:url"
import { createThiDua, type Engine, type ThiDua } from "@thidua/engine"
import { Server } from "@thidua/http"
import { authenticate } from "./auth.js"
import * as Seed from "./seed.js"

/**
 * The folder of the page: `index.html`, `app.js`, `style.css`.
 *
 * @since 0.7.0
 */
export const publicDir = fileURLToPath(new URL("../public", import.meta.url))

/**
 * How to start the server. Every field is optional.
 *
 * @since 0.7.0
 */
export interface Options {
  /** Where the events are kept: `"memory"` by default (gone when the server stops). */
  readonly store?: Engine.StoreConfig
  /** Default 0: any free port. */
  readonly port?: number
  /** Default `"127.0.0.1"`: reachable from this machine only. */
  readonly host?: string
}

/**
 * A running server.
 *
 * @since 0.7.0
 */
export interface Started {
  /** The server's address, `http://127.0.0.1:PORT`; the page is at its root. */
  readonly url: string
  /** The engine behind it, for a test or a host that also works in-process. */
  readonly thidua: ThiDua.ThiDua
  /** What loading the seed did (nothing written when the store already held it). */
  readonly seeded: Seed.Loaded
  /** Stops serving, then closes the engine. */
  readonly close: () => Promise<void>
}

/**
 * Starts the engine, loads the seed (unless the store already holds it) and serves the API and
 * the page.
 *
 * @example
 * ```ts no-run
 * const server = await start({ port: 0 })
 * const answer = await fetch(`${server.url}/openapi.json`)
 * await server.close()
 * ```
 *
 * @since 0.7.0
 */
export const start = async (options: Options = {}): Promise<Started> => {
  const thidua = await createThiDua({ store: options.store ?? "memory" })
  try {
    const seeded = await Seed.load(thidua)
    const server = await Server.serve(thidua, {
      authenticate: authenticate(),
      port: options.port ?? 0,
      host: options.host ?? "127.0.0.1",
      staticDir: publicDir
    })
    return {
      url: server.url,
      thidua,
      seeded,
      close: async () => {
        // The server first: requests in flight still find the engine open.
        await server.close()
        await thidua.close()
      }
    }
  } catch (error) {
    await thidua.close()
    throw error
  }
}
