/**
 * A writer for the crash test: appends batches of three events to a few streams of one tenant,
 * as fast as it can, and prints `ack <command id> <stream> <last version>` after each append the
 * store acknowledged. The test kills it with SIGKILL in the middle of this.
 */
import { EventStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Effect } from "effect"

const url = process.env.THIDUA_PG_URL!
const tenant = process.env.CRASH_TENANT!
const round = process.env.CRASH_ROUND!

const batch = (i: number) =>
  [1, 2, 3].map((k) => ({
    eventId: `${round}-${i}-${k}`,
    type: "PhaseOpened",
    data: { phaseId: `dot-${i}-${k}`, at: "2020-01-02" },
    schemaVersion: 1
  }))

const program = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  process.stdout.write("ready\n")
  for (let i = 0; ; i++) {
    const stream = `campaign:crash-${i % 4}`
    const commandId = `${round}-cmd-${i}`
    const result = yield* store.append(tenant, stream, "any", batch(i), { commandId })
    process.stdout.write(`ack ${commandId} ${stream} ${result.version}\n`)
  }
})

Effect.runPromise(program.pipe(Effect.provide(PostgresStore.layer({ url, maxConnections: 2 })))).catch((e) => {
  console.error(e)
  process.exit(1)
})
