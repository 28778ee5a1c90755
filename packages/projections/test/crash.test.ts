import { spawn } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { BulkImport, PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer } from "effect"
import { Runner, SqlReadModelStore } from "../src/index.js"
import { points } from "./crash/projection.js"

const url = process.env.THIDUA_PG_URL
const required = process.env.CI === "true" && process.env.THIDUA_PG_REQUIRED === "true"

/** Starts the child runner, lets it work for `ms` once it is up, then kills it with SIGKILL. */
const runAndKill = (tenantId: string, name: string, ms: number) =>
  new Promise<void>((resolve, reject) => {
    // Node itself, with tsx as a loader: SIGKILL must reach the runner, not a wrapper process.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@thidua/source", join(import.meta.dirname, "crash", "child.ts")],
      {
        cwd: join(import.meta.dirname, ".."),
        env: { ...process.env, THIDUA_PG_URL: url, CRASH_TENANT: tenantId, CRASH_PROJECTION: name },
        stdio: ["ignore", "pipe", "inherit"]
      }
    )
    child.stdout.once("data", () => setTimeout(() => child.kill("SIGKILL"), ms))
    child.on("exit", (_, signal) =>
      signal === "SIGKILL" ? resolve() : reject(new Error(`the runner ended by itself (${signal})`))
    )
    child.on("error", reject)
  })

const events = (s: number) =>
  Array.from({ length: 100 }, (_, i) =>
    i % 10 === 0
      ? { eventId: `${s}-${i}`, type: "PhaseOpened", data: { phaseId: `dot-${i}`, at: "2020-01-02" }, schemaVersion: 1 }
      : {
          eventId: `${s}-${i}`,
          type: "ScoreAssessed",
          data: {
            unitId: "cdcs-1",
            contentId: "nd-1",
            points: (s + i) % 13,
            kind: "self",
            assessorId: "cdcs-1",
            at: "2020-06-01"
          },
          schemaVersion: 1
        }
  )

describe.runIf(url !== undefined || required)("a PostgreSQL runner killed with SIGKILL", () => {
  it("resumes after each kill and ends equal to a rebuild", async () => {
    if (url === undefined) throw new Error("THIDUA_PG_URL is required here: the crash test needs a PostgreSQL server")
    const tenantId = `crash-${crypto.randomUUID()}`
    const name = `crash-points-${crypto.randomUUID()}`
    const layer = SqlReadModelStore.layer.pipe(Layer.provideMerge(PostgresStore.layer({ url }, { listen: false })))
    await Effect.runPromise(
      BulkImport.run(
        Array.from({ length: 300 }, (_, s) => ({ tenantId, streamId: `campaign:${s}`, events: events(s) }))
      ).pipe(Effect.provide(layer))
    )
    for (const ms of [150, 400, 50, 700]) await runAndKill(tenantId, name, ms)
    const [resumed, rebuilt] = await Effect.runPromise(
      Effect.gen(function* () {
        const resumed = yield* Runner.catchUp(points(name), { tenantId, batchSize: 250 })
        const rebuilt = yield* Runner.rebuild(points(name), { tenantId })
        return [resumed, rebuilt] as const
      }).pipe(Effect.provide(layer))
    )
    expect(resumed.states).toEqual(rebuilt.states)
    expect([...resumed.states.values()].reduce((n, s) => n + s.events, 0)).toBe(30_000)
  }, 120_000)
})
