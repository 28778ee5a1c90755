/**
 * The PostgreSQL store under conditions the conformance suite does not set up: reads with keys the
 * server would mangle, races that involve the bulk import and probes, migration 4 on a database
 * whose earlier versions wrote one command id on two streams (and handler re-sends afterwards),
 * concurrent migrations, and random sequences of appends answered alike by the in-memory store and
 * PostgreSQL.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { Command } from "@thidua/core"
import {
  CommandHandler,
  Conformance,
  EventStore,
  InMemoryStore,
  Position,
  Principal,
  type Recorded
} from "@thidua/store"
import { BulkImport, Migrations, PostgresStore } from "@thidua/store-postgres"
import { Seeds } from "@thidua/testing"
import { Effect, Exit, Layer, Result, Stream } from "effect"
import { Migrator, SqlClient } from "effect/sql"
import fc from "fast-check"
import { runServerSuites, serverStore, serverUrl, storeOptions, TestDatabase, testDatabase } from "./support.js"

const foreign = Conformance.foreignType
const ev = (data: object, eventId: string = crypto.randomUUID(), schemaVersion = 1): Recorded.NewEvent => ({
  eventId,
  type: foreign,
  data: data as Record<string, unknown>,
  schemaVersion
})
const uid = (p: string) => `${p}-${crypto.randomUUID()}`

describe.runIf(runServerSuites)("PostgreSQL store: reliability", () => {
  layer(serverStore({ maxConnections: 12 }), { timeout: "120 seconds", excludeTestServices: true })("store", (it) => {
    it.effect("holds: a read with a key PostgreSQL would mangle never returns another tenant's events", () =>
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const tenant = `\ufffd${uid("m")}`
        yield* store.append(tenant, "s\ufffd", "any", [ev({ n: 1 })])
        const lone = tenant.replace("\ufffd", "\ud800")
        assert.strictEqual((yield* store.readStream(lone, "s\ud800")).length, 0)
        assert.strictEqual(yield* store.streamVersion(lone, "s\udfff"), 0)
        assert.strictEqual((yield* Stream.runCollect(store.readAll(Position.start, { tenantId: lone }))).length, 0)
        assert.strictEqual((yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant }))).length, 1)
        const nul = yield* Effect.exit(store.readStream(`${tenant}\u0000`, "s"))
        assert.ok(Exit.isSuccess(nul) && nul.value.length === 0)
      })
    )

    it.effect("races: BulkImport vs appends with one command id; a probe vs a real append; one id in two tenants", () =>
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const sql = yield* SqlClient.SqlClient
        for (let round = 0; round < 15; round++) {
          const tenant = uid("race")
          const other = uid("race-b")
          const command = `c-${round}`
          const results = yield* Effect.all(
            [
              Effect.exit(
                BulkImport.run(
                  [
                    { tenantId: tenant, streamId: "imported", events: [ev({ n: 1 })], metadata: { commandId: command } }
                  ],
                  storeOptions
                )
              ),
              ...Array.from({ length: 4 }, (_, k) =>
                Effect.exit(store.append(tenant, `s-${k}`, "any", [ev({ n: 1 })], { commandId: command }))
              ),
              Effect.exit(store.append(tenant, "s-0", "any", [], { commandId: command })),
              ...Array.from({ length: 3 }, (_, k) =>
                Effect.exit(store.append(other, `s-${k}`, "any", [ev({ n: 1 })], { commandId: command }))
              )
            ],
            { concurrency: "unbounded" }
          )
          const [{ n }] = (yield* sql<{ n: number }>`SELECT count(DISTINCT stream_id)::int AS n FROM thidua_events
            WHERE tenant_id = ${tenant} AND command_id = ${command}`) as unknown as [{ n: number }]
          const [{ m }] = (yield* sql<{ m: number }>`SELECT count(DISTINCT stream_id)::int AS m FROM thidua_events
            WHERE tenant_id = ${other} AND command_id = ${command}`) as unknown as [{ m: number }]
          assert.strictEqual(n, 1, `round ${round}: one stream holds the command in tenant A`)
          assert.strictEqual(m, 1, `round ${round}: one stream holds the command in tenant B`)
          const failures = (results as ReadonlyArray<Exit.Exit<unknown, unknown>>)
            .filter(Exit.isFailure)
            .map((e) => String(e.cause))
          assert.ok(
            failures.every((f) => /IdempotencyConflict|ImportFailed/.test(f)),
            failures.join("\n")
          )
        }
      })
    )
  })
})

// --- migration 4 on a database with history --------------------------------------------------------

const upTo = (n: number) =>
  Migrator.make({})({
    loader: Migrator.fromRecord(
      Object.fromEntries(Object.entries(Migrations.migrations).filter(([k]) => Number(k.split("_")[0]) <= n))
    ),
    table: Migrations.tables.migrations
  })

const clientFor = (url: string) => PostgresStore.layerClient({ url })

const seed = Seeds.hoangMai2020
const directory = seed.directory.map((raw) => Result.getOrThrow(Command.decodeDirectory(raw)))
const campaign = seed.campaign.map((raw) => Result.getOrThrow(Command.decodeCampaign(raw)))
const by = (c: Command.CampaignCommand | Command.DirectoryCommand) => ({ principal: Principal.trustClaim(c) })

describe.runIf(runServerSuites)("PostgreSQL store: migrations", () => {
  const database = testDatabase(serverUrl ?? "postgres://invalid")

  it.effect("migration 4 on a database whose old bug wrote one command id on two streams; re-sends after it", () =>
    Effect.gen(function* () {
      const { url } = yield* TestDatabase
      // The database as 81686df left it: migrations 1-3, a command id on two streams.
      yield* upTo(3).pipe(Effect.provide(clientFor(url)))
      yield* Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        for (const [stream, data] of [
          ["a", { n: 1 }],
          ["b", { n: 2 }]
        ] as const) {
          yield* sql`INSERT INTO thidua_streams (tenant_id, stream_id, version) VALUES ('t', ${stream}, 1)`
          yield* sql`INSERT INTO thidua_events (tenant_id, stream_id, version, event_id, type, data, schema_version, command_id)
            VALUES ('t', ${stream}, 1, ${`e-${stream}`}, ${foreign}, ${JSON.stringify(data)}::jsonb, 1, 'dup')`
        }
      }).pipe(Effect.provide(clientFor(url)))
      // Two processes start at once on it.
      const started = yield* Effect.all(
        [
          Effect.exit(Migrations.run.pipe(Effect.provide(clientFor(url)))),
          Effect.exit(Migrations.run.pipe(Effect.provide(clientFor(url))))
        ],
        { concurrency: "unbounded" }
      )
      assert.ok(started.every(Exit.isSuccess), String(started.map((e) => (Exit.isFailure(e) ? e.cause : "ok"))))
      yield* Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const sql = yield* SqlClient.SqlClient
        const commands = yield* sql`SELECT stream_id, digest FROM thidua_commands WHERE tenant_id = 't'`
        assert.deepStrictEqual(commands, [{ stream_id: "a", digest: null }])
        // The true re-send on the first stream is a duplicate.
        const onA = yield* store.append("t", "a", "any", [ev({ n: 1 }, "e-a")], { commandId: "dup" })
        assert.strictEqual(onA.duplicate, true)
        // The true re-send on the second stream, which the old version accepted, is now a conflict.
        const onB = yield* Effect.flip(store.append("t", "b", "any", [ev({ n: 2 }, "e-b")], { commandId: "dup" }))
        assert.strictEqual(onB._tag, "IdempotencyConflict")
        // A probe (the handler's re-send path) with any fingerprint is a duplicate: digest is NULL.
        const probe = yield* store.append("t", "a", "any", [], { commandId: "dup", commandDigest: "Other:0000" })
        assert.strictEqual(probe.duplicate, true)
      }).pipe(Effect.provide(PostgresStore.layer({ url }, storeOptions)))
    }).pipe(Effect.provide(database))
  )

  it.effect(
    "after migration 4 a handler re-send of a carried-over command id with other content is a conflict; as sent, a duplicate",
    () =>
      Effect.gen(function* () {
        const { url } = yield* TestDatabase
        yield* Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const handler = yield* CommandHandler.make()
          for (const c of directory) yield* handler.directory(c, by(c))
          yield* handler.campaign(campaign[0]!, by(campaign[0]!))
          // As migration 4 carries rows over: without a fingerprint.
          yield* sql`UPDATE thidua_commands SET digest = NULL`
          const other = { ...campaign[0]!, title: "Một phong trào hoàn toàn khác" } as Command.CampaignCommand
          const cold = yield* CommandHandler.make()
          const result = yield* Effect.flip(cold.campaign(other, by(other)))
          assert.strictEqual(result._tag, "IdempotencyConflict")
          assert.strictEqual((yield* cold.campaign(campaign[0]!, by(campaign[0]!))).duplicate, true)
        }).pipe(Effect.provide(PostgresStore.layer({ url }, storeOptions)))
      }).pipe(Effect.provide(database))
  )

  it.effect("eight processes migrate one fresh database at once; then again (idempotent)", () =>
    Effect.gen(function* () {
      const { url } = yield* TestDatabase
      for (let round = 0; round < 2; round++) {
        const exits = yield* Effect.all(
          Array.from({ length: 8 }, () => Effect.exit(Migrations.run.pipe(Effect.provide(clientFor(url))))),
          { concurrency: "unbounded" }
        )
        assert.ok(exits.every(Exit.isSuccess), String(exits.filter(Exit.isFailure).map((e) => e.cause)))
        const ran = exits.flatMap((e) => (Exit.isSuccess(e) ? e.value : []))
        assert.strictEqual(ran.length, round === 0 ? 5 : 0, JSON.stringify(ran))
      }
    }).pipe(Effect.provide(Layer.fresh(database)))
  )
})

// --- the in-memory store and PostgreSQL, the same operations ---------------------------------------

interface Op {
  readonly tenant: string
  readonly stream: string
  readonly expected: Recorded.ExpectedVersion
  readonly events: ReadonlyArray<{ readonly eventId: string; readonly data: number }>
  readonly commandId: string | undefined
  readonly digest: string | undefined
}
const payloads: ReadonlyArray<Record<string, unknown>> = [
  { n: 1 },
  { n: 2 },
  { b: 1, a: [1, { y: 2, x: 1 }] },
  { a: [1, { x: 1, y: 2 }], b: 1 },
  { z: -0 },
  { z: 0 },
  { "1": "x", "10": "y", "2": "z" },
  JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 2, "a": 1}'),
  JSON.parse('{"a": 1, "constructor": 2, "__proto__": {"polluted": 1}}'),
  { s: "Thi đua".normalize("NFD") },
  { s: "Thi đua".normalize("NFC") }
]
const op: fc.Arbitrary<Op> = fc.record({
  tenant: fc.constantFrom("a", "b"),
  stream: fc.constantFrom("s1", "s2"),
  expected: fc.constantFrom<Recorded.ExpectedVersion>(0, 1, 2, 3, "no-stream", "stream-exists", "any"),
  events: fc.array(
    fc.record({ eventId: fc.constantFrom("e1", "e2", "e3", "e4"), data: fc.nat({ max: payloads.length - 1 }) }),
    {
      maxLength: 3
    }
  ),
  commandId: fc.constantFrom(undefined, "c1", "c2"),
  digest: fc.constantFrom(undefined, "D:1", "D:2")
})

// Payloads compared as JSON with sorted keys (-0 and key order are known to differ).
const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x
  )

const outcome = (exit: Exit.Exit<Recorded.AppendResult, { readonly _tag: string }>, prefix: string) =>
  Exit.isSuccess(exit)
    ? {
        ok: true,
        version: exit.value.version,
        duplicate: exit.value.duplicate,
        events: exit.value.events.map((e) => [
          e.tenantId.slice(prefix.length),
          e.streamId,
          e.version,
          e.eventId,
          canon(e.data),
          e.commandId
        ])
      }
    : {
        ok: false,
        error: Exit.isFailure(exit)
          ? (() => {
              const e = exit.cause.reasons.find((r) => r._tag === "Fail") as
                | { error: Record<string, unknown> }
                | undefined
              return e === undefined
                ? "defect"
                : {
                    tag: e.error._tag,
                    actual: e.error.actual,
                    first: (e.error.first as { streamId?: string } | undefined)?.streamId
                  }
            })()
          : undefined
      }

describe.runIf(runServerSuites)("the in-memory store and PostgreSQL agree", () => {
  layer(serverStore({ maxConnections: 4 }), { timeout: "300 seconds", excludeTestServices: true })(
    "differential",
    (it) => {
      it.effect("random sequences of appends (ids, fingerprints, versions, probes) answer alike (property)", () =>
        Effect.gen(function* () {
          const pg = yield* EventStore.EventStore
          const samples = fc.sample(fc.array(op, { minLength: 1, maxLength: 14 }), {
            numRuns: Number(process.env.REVIEW_RUNS ?? 150),
            seed: Number(process.env.REVIEW_SEED ?? 42)
          })
          let i = 0
          for (const ops of samples) {
            const memory = InMemoryStore.make({ foreignTypes: [foreign] })
            const prefix = `d${i++}-${crypto.randomUUID().slice(0, 8)}-`
            for (const [k, o] of ops.entries()) {
              const events = o.events.map((e) => ev(payloads[e.data]!, e.eventId))
              const meta = {
                ...(o.commandId === undefined ? {} : { commandId: o.commandId }),
                ...(o.digest === undefined ? {} : { commandDigest: o.digest })
              }
              const m = outcome(
                yield* Effect.exit(memory.append(prefix + o.tenant, o.stream, o.expected, events, meta)),
                prefix
              )
              const p = outcome(
                yield* Effect.exit(pg.append(prefix + o.tenant, o.stream, o.expected, events, meta)),
                prefix
              )
              assert.deepStrictEqual(p, m, `step ${k} of ${JSON.stringify(ops)}`)
            }
            for (const t of ["a", "b"])
              for (const s of ["s1", "s2"]) {
                const a = (yield* memory.readStream(prefix + t, s)).map((e) => [
                  e.eventId,
                  e.version,
                  canon(e.data),
                  e.commandId
                ])
                const b = (yield* pg.readStream(prefix + t, s)).map((e) => [
                  e.eventId,
                  e.version,
                  canon(e.data),
                  e.commandId
                ])
                assert.deepStrictEqual(b, a)
              }
          }
        })
      )
    }
  )
})
