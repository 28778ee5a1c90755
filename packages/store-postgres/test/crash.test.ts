/**
 * A writer killed with SIGKILL in the middle of its appends, on a PostgreSQL server: every append
 * the store acknowledged is stored whole, no append is stored in part, the streams stay gapless,
 * and the store goes on: the command the writer was sending when it died can be sent again and is
 * stored at most once. Three rounds, killed at different moments.
 */
import { spawn } from "node:child_process"
import { join } from "node:path"
import { assert, describe, layer } from "@effect/vitest"
import { EventStore, Position } from "@thidua/store"
import { Effect, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { runServerSuites, serverStore, TestDatabase } from "./support.js"

interface Ack {
  readonly commandId: string
  readonly stream: string
  readonly version: number
}

/** Runs the writer against `url` and kills it `ms` after it is ready; the appends it acknowledged. */
const runAndKill = (url: string, tenant: string, round: string, ms: number) =>
  Effect.promise(
    () =>
      new Promise<ReadonlyArray<Ack>>((resolve, reject) => {
        // Node itself, with tsx as a loader: SIGKILL must reach the writer, not a wrapper process.
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "--conditions=@thidua/source", join(import.meta.dirname, "crash", "writer.ts")],
          {
            cwd: join(import.meta.dirname, ".."),
            env: { ...process.env, THIDUA_PG_URL: url, CRASH_TENANT: tenant, CRASH_ROUND: round },
            stdio: ["ignore", "pipe", "inherit"]
          }
        )
        let out = ""
        child.stdout.on("data", (chunk: Buffer) => {
          if (out === "") setTimeout(() => child.kill("SIGKILL"), ms)
          out += chunk.toString()
        })
        child.on("exit", (_, signal) => {
          if (signal !== "SIGKILL")
            return reject(new Error(`the writer ended by itself (${signal}): ${out.slice(-500)}`))
          // A line cut by the kill is no acknowledgement.
          const acks = out
            .split("\n")
            .filter((line) => /^ack \S+ \S+ \d+$/.test(line))
            .map((line) => {
              const [, commandId, stream, version] = line.split(" ")
              return { commandId: commandId!, stream: stream!, version: Number(version) }
            })
          resolve(acks)
        })
        child.on("error", reject)
      })
  )

describe.runIf(runServerSuites)("a writer killed mid-append", () => {
  layer(serverStore(), { timeout: "120 seconds", excludeTestServices: true })("on a server", (it) => {
    it.effect("leaves every acknowledged append whole, none in part, and a store that goes on", () =>
      Effect.gen(function* () {
        const store = yield* EventStore.EventStore
        const sql = yield* SqlClient.SqlClient
        const { url } = yield* TestDatabase
        const tenant = `crash-${crypto.randomUUID()}`
        for (const [round, ms] of [
          ["r1", 300],
          ["r2", 700],
          ["r3", 1100]
        ] as const) {
          const acks = yield* runAndKill(url, tenant, round, ms)
          assert.isAbove(acks.length, 0, "the writer appended before it was killed")
          const log = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant }))
          const ours = log.filter((e) => e.commandId?.startsWith(`${round}-`))
          // Each command id's events: three, whole, consecutive in one stream.
          const byCommand = new Map<string, Array<(typeof log)[number]>>()
          for (const e of ours) byCommand.set(e.commandId!, [...(byCommand.get(e.commandId!) ?? []), e])
          for (const [id, events] of byCommand) {
            assert.strictEqual(events.length, 3, `${id} stored whole`)
            assert.ok(events.every((e) => e.streamId === events[0]!.streamId))
            assert.deepStrictEqual(
              events.map((e) => e.version - events[0]!.version),
              [0, 1, 2]
            )
          }
          // Every acknowledged append is there, at the version it was acknowledged with.
          for (const ack of acks) {
            const events = byCommand.get(ack.commandId)
            assert.isDefined(events, `${ack.commandId} acknowledged and stored`)
            assert.strictEqual(events!.at(-1)!.version, ack.version)
            assert.strictEqual(events!.at(-1)!.streamId, ack.stream)
          }
          // At most the one append in flight is stored without its acknowledgement.
          assert.isAtMost(byCommand.size - acks.length, 1)
          // The streams are gapless, and a command id is in one stream only.
          for (let s = 0; s < 4; s++) {
            const stream = yield* store.readStream(tenant, `campaign:crash-${s}`)
            assert.deepStrictEqual(
              stream.map((e) => e.version),
              stream.map((_, i) => i + 1)
            )
          }
          const [row] = yield* sql<{ spread: number }>`SELECT count(*)::int AS spread FROM (
            SELECT command_id FROM thidua_events WHERE tenant_id = ${tenant}
            GROUP BY command_id HAVING count(DISTINCT stream_id) > 1) AS x`
          assert.strictEqual(row?.spread, 0)
          // The command in flight when the writer died, sent again, is stored once.
          const next = acks.length
          const resend = Array.from({ length: 3 }, (_, k) => ({
            eventId: `${round}-${next}-${k + 1}`,
            type: "PhaseOpened",
            data: { phaseId: `dot-${next}-${k + 1}`, at: "2020-01-02" },
            schemaVersion: 1
          }))
          const again = yield* store.append(tenant, `campaign:crash-${next % 4}`, "any", resend, {
            commandId: `${round}-cmd-${next}`
          })
          assert.strictEqual(again.duplicate, byCommand.has(`${round}-cmd-${next}`))
          const after = (yield* Stream.runCollect(store.readAll(Position.start, { tenantId: tenant }))).filter(
            (e) => e.commandId === `${round}-cmd-${next}`
          )
          assert.strictEqual(after.length, 3)
        }
      })
    )
  })
})
