/**
 * How fast the PostgreSQL store is: single-event appends from one writer and from 8, 100-event
 * batches from 8 writers on 8 connections, a bulk import of new streams (`BulkImport.run`, default
 * options), and reading the whole log back (the appends' events and the imported ones) with every
 * event decoded. Prints events per second; run with `pnpm bench:postgres`.
 *
 * With `THIDUA_PG_URL` it runs on that server, in a database of its own that it drops at the end;
 * without, on PGlite in memory (where the 8 writers share PGlite's one connection).
 */
import { PgClient } from "@effect/sql-pg"
import { Codec, EventStore, Position } from "@thidua/store"
import { BulkImport, PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer, Redacted, Stream } from "effect"
import { Reactivity } from "effect/reactivity"

const serverUrl = process.env.THIDUA_PG_URL

// A phase as a campaign schedules it: about 170 bytes of JSON, Vietnamese text included.
const phase = (i: number) =>
  Codec.encode([
    {
      _tag: "PhaseScheduled",
      phaseId: `dot-${i}`,
      name: `Đợt thi đua ${i}: “Lao động giỏi, lao động sáng tạo”`,
      kind: i % 5 === 0 ? "peak" : "regular",
      start: "2020-03-01",
      end: "2020-06-30",
      theme: "Mừng Đảng quang vinh – Mừng sinh nhật Bác"
    } as never
  ])[0]!

const report = (label: string, events: number, ms: number) =>
  console.log(
    `${label.padEnd(58)} ${Math.round(events / (ms / 1000))
      .toLocaleString("en-US")
      .padStart(9)} events/s  (${events.toLocaleString("en-US")} in ${(ms / 1000).toFixed(2)} s)`
  )

const timed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const t0 = performance.now()
    const a = yield* effect
    return [a, performance.now() - t0] as const
  })

const run = (target: string, singles: number, batchesPerWriter: number, importedStreams: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const tenant = `bench-${Date.now()}`
    console.log(`PostgresStore on ${target} (Node ${process.version})`)

    // Warm up: connections, prepared statements, JIT.
    yield* Effect.forEach(
      Array.from({ length: 50 }, (_, i) => i),
      (i) => store.append(`${tenant}-warm`, "campaign:warm", i, [phase(i)])
    )

    const [, singleMs] = yield* timed(
      Effect.forEach(
        Array.from({ length: singles }, (_, i) => i),
        (i) => store.append(tenant, "campaign:single", i, [phase(i)])
      )
    )
    report("single-event appends, 1 writer", singles, singleMs)

    const writers = 8
    const [, concurrentMs] = yield* timed(
      Effect.forEach(
        Array.from({ length: writers }, (_, w) => w),
        (w) =>
          Effect.forEach(
            Array.from({ length: singles / writers }, (_, i) => i),
            (i) => store.append(tenant, `campaign:single-${w}`, i, [phase(i)])
          ),
        { concurrency: writers }
      )
    )
    report(`single-event appends, ${writers} writers`, singles, concurrentMs)

    const [, batchMs] = yield* timed(
      Effect.forEach(
        Array.from({ length: writers }, (_, w) => w),
        (w) =>
          Effect.forEach(
            Array.from({ length: batchesPerWriter }, (_, b) => b),
            (b) =>
              store.append(
                tenant,
                `campaign:batch-${w}`,
                b * 100,
                Array.from({ length: 100 }, (_, i) => phase(b * 100 + i))
              )
          ),
        { concurrency: writers }
      )
    )
    report(`100-event batches, ${writers} writers`, writers * batchesPerWriter * 100, batchMs)

    // New streams of 100 events, as a migration from another system brings them.
    const streams = Array.from({ length: importedStreams }, (_, s) => ({
      tenantId: tenant,
      streamId: `campaign:imported-${s}`,
      events: Array.from({ length: 100 }, (_, i) => phase(s * 100 + i))
    }))
    const [imported, importMs] = yield* timed(BulkImport.run(streams))
    report(`bulk import, ${importedStreams.toLocaleString("en-US")} streams of 100 events`, imported.events, importMs)

    const [count, readMs] = yield* timed(
      Stream.runFold(
        store.readAll(Position.start, { tenantId: tenant }),
        () => 0,
        (n, e) => {
          const decoded = Codec.decodeResult(e)
          if (decoded._tag === "Failure") throw new Error(decoded.failure.message)
          return n + 1
        }
      )
    )
    report("readAll + Codec.decode, pages of 1,000", count, readMs)
  })

// A database of its own on the server, dropped at the end.
const benchDatabase = (url: string) =>
  Layer.unwrap(
    Effect.gen(function* () {
      const admin = yield* PgClient.makeClient({ url: Redacted.make(url) })
      const name = `thidua_bench_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`
      yield* admin`CREATE DATABASE ${admin(name)}`
      yield* Effect.addFinalizer(() => Effect.ignore(admin`DROP DATABASE IF EXISTS ${admin(name)} WITH (FORCE)`))
      const target = new URL(url)
      target.pathname = `/${name}`
      return PostgresStore.layer({ url: target.toString(), maxConnections: 8 })
    })
  ).pipe(Layer.provide(Reactivity.layer))

const main =
  serverUrl === undefined
    ? run("PGlite (in memory, one connection)", 1_000, 10, 500).pipe(Effect.provide(PostgresStore.layer({})))
    : run(`a server (${new URL(serverUrl).host})`, 2_000, 30, 2_000).pipe(Effect.provide(benchDatabase(serverUrl)))

await Effect.runPromise(main)
