/**
 * The NOTIFY a store on a server sends after its appends commit, as a listener in another process
 * hears it: every append is announced (a NOTIFY follows its commit), and a burst costs at most one
 * NOTIFY every 10 ms, not one per append.
 */
import { PgClient } from "@effect/sql-pg"
import { assert, describe, layer } from "@effect/vitest"
import { EventStore, type Recorded } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Effect, Queue } from "effect"
import { runServerSuites, serverStore } from "./support.js"

const event = (i: number): Recorded.NewEvent => ({
  eventId: crypto.randomUUID(),
  type: "PhaseOpened",
  data: { phaseId: `dot-${i}`, at: "2020-01-02" },
  schemaVersion: 1
})

describe.runIf(runServerSuites)("PostgresStore on a server: NOTIFY", () => {
  layer(serverStore(), { timeout: "60 seconds", excludeTestServices: true })("notifications", (it) => {
    it.effect("a burst of appends is announced at most once every 10 ms, and after its last commit", () =>
      Effect.scoped(
        Effect.gen(function* () {
          const pg = yield* PgClient.PgClient
          const store = yield* EventStore.EventStore
          const tenant = `notify-${crypto.randomUUID()}`
          const heard: Array<number> = []
          const notifications = yield* pg.listen(PostgresStore.channel)
          yield* Effect.forkChild(
            Effect.forever(
              Effect.andThen(
                Queue.take(notifications),
                Effect.sync(() => heard.push(performance.now()))
              )
            )
          )
          // Appends until the listener hears one: it is listening from then on.
          for (let i = 0; heard.length === 0; i++) {
            assert.isBelow(i, 100, "no NOTIFY heard")
            yield* store.append(tenant, "campaign:warm", "any", [event(i)])
            yield* Effect.sleep("50 millis")
          }
          yield* Effect.sleep("50 millis")
          heard.length = 0

          const start = performance.now()
          let lastStarted = start
          for (let i = 0; i < 200; i++) {
            lastStarted = performance.now()
            yield* store.append(tenant, "campaign:burst", i, [event(i)])
          }
          const end = performance.now()
          yield* Effect.sleep("500 millis")
          assert.isAtLeast(heard.length, 1)
          assert.isAbove(heard.at(-1)!, lastStarted, "a NOTIFY came after the last append's commit")
          assert.isAtMost(heard.length, Math.ceil((end - start) / 10) + 2, `${heard.length} in ${end - start} ms`)
        })
      )
    )
  })
})
