/**
 * A runner in a process of its own, for the two-process test: `Runner.run` with the echo manager,
 * SqlLease, SqlReadModelStore and PostgresStore on the test's database. It prints one JSON line per
 * event the test watches: `ready`, each lease it takes (a new tenure), each lease it renewed later
 * than its ttl (`lapsed`), each second the number of lease attempts so far. With `TWO_DIE_AFTER=n` it kills itself with SIGKILL right after its n-th
 * append of an input to a process stream: after the append, before the checkpoint that covers it.
 */
import { SqlReadModelStore } from "@thidua/projections"
import { EventStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer } from "effect"
import * as Lease from "../../src/Lease.js"
import * as Runner from "../../src/Runner.js"
import * as SqlLease from "../../src/SqlLease.js"
import * as Echo from "./echo.js"

const env = (name: string) => {
  const value = process.env[name]
  if (value === undefined) throw new Error(`${name} is not set`)
  return value
}
const url = env("THIDUA_PG_URL")
const holder = env("TWO_HOLDER")
const ttl = Number(env("TWO_TTL"))
const idle = Number(env("TWO_IDLE"))
const delay = Number(env("TWO_DELAY"))
const dieAfter = process.env.TWO_DIE_AFTER === undefined ? undefined : Number(process.env.TWO_DIE_AFTER)

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ holder, ...line })}\n`)

// Inputs (events taken) appended to process streams, counted; the append that reaches the n-th is
// the last.
let inputs = 0
const store = Layer.effect(
  EventStore.EventStore,
  Effect.map(Effect.service(EventStore.EventStore), (inner) =>
    EventStore.EventStore.of({
      ...inner,
      append: (tenantId, streamId, expected, events, metadata, options) =>
        Effect.tap(inner.append(tenantId, streamId, expected, events, metadata, options), (appended) =>
          Effect.sync(() => {
            if (appended.duplicate || !streamId.startsWith("process:")) return
            // One append may take several inputs of an instance (the runner batches them): a line each.
            for (const _ of events.filter((e) => e.type === "InputReceived")) {
              inputs++
              say({ input: inputs, at: Date.now() })
            }
            if (dieAfter !== undefined && inputs >= dieAfter) process.kill(process.pid, "SIGKILL")
          })
        )
    })
  )
)

// Lease attempts, counted; a lease taken that this runner did not hold at its last attempt is said.
let attempts = 0
const heldBefore = new Set<string>()
const renewed = new Map<string, number>()
const leases = Layer.effect(
  Lease.Lease,
  Effect.map(Effect.service(Lease.Lease), (inner) =>
    Lease.Lease.of({
      acquire: (name, who, ms) =>
        Effect.tap(inner.acquire(name, who, ms), (held) =>
          Effect.sync(() => {
            attempts++
            const now = Date.now()
            if (held && !heldBefore.has(name)) say({ acquired: name, at: now })
            // Renewed later than its ttl: the lease lapsed while this runner thought it held it.
            const last = renewed.get(name)
            if (held && heldBefore.has(name) && last !== undefined && now - last > ms)
              say({ lapsed: name, gap: now - last, at: now })
            if (held) {
              heldBefore.add(name)
              renewed.set(name, now)
            } else heldBefore.delete(name)
          })
        ),
      release: inner.release
    })
  )
).pipe(Layer.provide(SqlLease.layer))

const base = PostgresStore.layer({ url, maxConnections: 4 })
const layer = Layer.mergeAll(store, leases, SqlReadModelStore.layer).pipe(Layer.provide(base))

setInterval(() => say({ attempts, at: Date.now() }), 1000).unref()

await Effect.runPromise(
  Effect.gen(function* () {
    const runner = yield* Runner.make({ managers: [Echo.make(delay)] })
    say({ ready: true, at: Date.now() })
    return yield* runner.run({ holder, ttl, idle })
  }).pipe(Effect.provide(layer))
)
