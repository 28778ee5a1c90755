/**
 * What the test files share: the conformance suite as tests, the corrupt-event check, and a fresh
 * database on the shared server for each file.
 */

import { PgClient } from "@effect/sql-pg"
import { assert, type Vitest } from "@effect/vitest"
import { Codec, Conformance, EventStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Context, Effect, Layer, Redacted } from "effect"
import { Reactivity } from "effect/reactivity"
import { SqlClient } from "effect/sql"

type It = Vitest.MethodsNonLive<EventStore.EventStore | SqlClient.SqlClient>

/** Every check of the conformance suite, as a test on the layer's store. */
export const registerConformance = (it: It) => {
  for (const check of Conformance.checks) it.effect(check.name, () => check.run)
  for (const check of Conformance.foreignChecks) it.effect(check.name, () => check.run)
}

/** The store options of the test layers: the conformance suite's foreign type is let in. */
export const storeOptions: PostgresStore.Options = { foreignTypes: [Conformance.foreignType] }

/** A row written behind the store's back, with a payload its schema rejects, reads as a CorruptEvent. */
export const corruptEventCheck = (it: It) =>
  it.effect(
    "a stored payload that fails its schema decodes to a CorruptEvent naming stream, version and position",
    () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const store = yield* EventStore.EventStore
        const tenant = `t-corrupt-${crypto.randomUUID()}`
        yield* sql`INSERT INTO thidua_streams (tenant_id, stream_id, version) VALUES (${tenant}, 'campaign:bad', 1)`
        yield* sql`INSERT INTO thidua_events (tenant_id, stream_id, version, event_id, type, data, schema_version)
        VALUES (${tenant}, 'campaign:bad', 1, ${crypto.randomUUID()}, 'PhaseOpened', '{"phaseId": 5}'::jsonb, 1)`
        const [read] = yield* store.readStream(tenant, "campaign:bad")
        assert.isDefined(read)
        const error = yield* Effect.flip(Codec.decode(read!))
        assert.strictEqual(error._tag, "CorruptEvent")
        assert.strictEqual(error.tenantId, tenant)
        assert.strictEqual(error.streamId, "campaign:bad")
        assert.strictEqual(error.version, 1)
        assert.strictEqual(error.position, read!.position)
        assert.match(error.position, /^\d{20}:\d{20}$/)
      })
  )

/** The server to test against, if any: `THIDUA_PG_URL`. */
export const serverUrl = process.env.THIDUA_PG_URL

/**
 * Whether the server suites must run: a missing or unreachable server then fails them. `.ci/run`
 * sets `THIDUA_PG_REQUIRED` on machines where PostgreSQL is installed; where it is not, the same
 * tests run on PGlite only.
 */
export const inCi = process.env.CI === "true" && process.env.THIDUA_PG_REQUIRED === "true"

/** A database of its own on the shared server, created for one test file and dropped after it. */
export class TestDatabase extends Context.Service<TestDatabase, { readonly url: string }>()("test/TestDatabase") {}

/** Creates `thidua_test_<random>` on the server at `url`, and drops it (closing its sessions) at the end. */
export const testDatabase = (url: string): Layer.Layer<TestDatabase, unknown> =>
  Layer.effect(
    TestDatabase,
    Effect.gen(function* () {
      const admin = yield* PgClient.makeClient({ url: Redacted.make(url), connectTimeout: "5 seconds" })
      const name = `thidua_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`
      yield* admin`CREATE DATABASE ${admin(name)}`
      yield* Effect.addFinalizer(() => Effect.ignore(admin`DROP DATABASE IF EXISTS ${admin(name)} WITH (FORCE)`))
      const target = new URL(url)
      target.pathname = `/${name}`
      return { url: target.toString() }
    })
  ).pipe(Layer.provide(Reactivity.layer))

/**
 * The store on a fresh database of the server, for a `layer(...)` block. Under CI a missing
 * `THIDUA_PG_URL` is an error, so the block fails instead of being left out.
 */
export const serverStore = (
  options: { readonly maxConnections?: number } & PostgresStore.Options = {}
): Layer.Layer<EventStore.EventStore | PgClient.PgClient | SqlClient.SqlClient | TestDatabase, unknown> =>
  serverUrl === undefined
    ? Layer.unwrap(
        Effect.fail(new Error("CI=true but THIDUA_PG_URL is not set: the PostgreSQL server suites must run under CI"))
      )
    : Layer.unwrap(
        Effect.map(Effect.service(TestDatabase), ({ url }) =>
          PostgresStore.layer(
            options.maxConnections === undefined ? { url } : { url, maxConnections: options.maxConnections },
            { ...storeOptions, ...options }
          )
        )
      ).pipe(Layer.provideMerge(testDatabase(serverUrl)))

/** Whether the server suites run here: with a server, or under CI (where they must). */
export const runServerSuites = serverUrl !== undefined || inCi
