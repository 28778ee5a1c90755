/**
 * Two runners in two Node processes on one PostgreSQL database, sharing the work by SqlLease: the
 * first holds every part, is killed with SIGKILL right after appending an input (before the
 * checkpoint that covers it), and the second takes over. Inputs keep coming all along; each is
 * handled once, each command the manager issues is applied once, and nothing is lost.
 *
 * Needs a server: `THIDUA_PG_URL=postgres://postgres@127.0.0.1:5432/test`. Without it the test is
 * skipped (under CI with `THIDUA_PG_REQUIRED=true` it fails instead).
 */
import { type ChildProcess, spawn } from "node:child_process"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { describe, expect, it } from "@effect/vitest"
import { SqlReadModelStore } from "@thidua/projections"
import { CommandHandler, EventStore, Principal, type Recorded } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Seeds } from "@thidua/testing"
import { Effect, Layer, ManagedRuntime } from "effect"
import { SqlClient } from "effect/sql"
import { leaseName } from "../src/Runner.js"
import * as SqlLease from "../src/SqlLease.js"
import * as Echo from "./twoProcesses/echo.js"

const url = process.env.THIDUA_PG_URL
const required = process.env.CI === "true" && process.env.THIDUA_PG_REQUIRED === "true"

const ttl = 1500
const idle = 250
/** How long after an input its timer falls due. */
const delay = 300
/** Inputs sent, one every `every` ms; the first runner dies after taking `dieAfter` of them. */
const inputs = 24
const every = 100
const dieAfter = 6

const seed = Seeds.hoangMai2020
type Cmd = { readonly _tag: string; readonly commandId: string; readonly [k: string]: unknown }
const campaignCommands = seed.campaign as ReadonlyArray<Cmd>
const firstRecord = campaignCommands.findIndex((c) => c._tag === "RecordInitiative")
const template = campaignCommands[firstRecord]!
const campaignId = template.campaignId as string
const processStream = `process:echo:${campaignId}`

const send = (handler: CommandHandler.CommandHandler, c: Cmd): Effect.Effect<unknown, unknown> => {
  const principal = Principal.trustClaim(c as never)
  return "campaignId" in c ? handler.campaign(c as never, { principal }) : handler.directory(c as never, { principal })
}

const admin = <A>(server: string, f: (sql: SqlClient.SqlClient) => Effect.Effect<A, unknown>) =>
  Effect.runPromise(
    Effect.flatMap(SqlClient.SqlClient, f).pipe(
      Effect.provide(PostgresStore.layerClient({ url: server, maxConnections: 1 }))
    )
  )

interface Line {
  readonly holder: string
  readonly at: number
  readonly ready?: true
  readonly acquired?: string
  readonly input?: number
  readonly attempts?: number
  readonly lapsed?: string
  readonly gap?: number
}

/** A child runner, its lines as they come, and how it ended. */
const start = (database: string, holder: string, extra: Record<string, string> = {}) => {
  const lines: Array<Line> = []
  const waiters: Array<() => void> = []
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@thidua/source", join(import.meta.dirname, "twoProcesses", "child.ts")],
    {
      cwd: join(import.meta.dirname, ".."),
      env: {
        ...process.env,
        THIDUA_PG_URL: database,
        TWO_HOLDER: holder,
        TWO_TTL: String(ttl),
        TWO_IDLE: String(idle),
        TWO_DELAY: String(delay),
        ...extra
      },
      stdio: ["ignore", "pipe", "inherit"]
    }
  )
  createInterface({ input: child.stdout! }).on("line", (text) => {
    try {
      lines.push(JSON.parse(text) as Line)
    } catch {
      return
    }
    for (const w of waiters.splice(0)) w()
  })
  const exited = new Promise<{ readonly signal: NodeJS.Signals | null; readonly at: number }>((resolve) =>
    child.on("exit", (_, signal) => resolve({ signal, at: Date.now() }))
  )
  /** The first line that passes, waiting for it up to `ms`. */
  const line = (p: (l: Line) => boolean, ms: number, what: string) =>
    new Promise<Line>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${holder}: no ${what} within ${ms} ms`)), ms)
      const look = () => {
        const found = lines.find(p)
        if (found !== undefined) {
          clearTimeout(timer)
          resolve(found)
        } else waiters.push(look)
      }
      look()
      exited.then(() => look())
    })
  return { child, lines, exited, line }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

if (url === undefined && !required)
  describe("two runner processes on one PostgreSQL database", () => {
    it.skipIf(true)(
      "skipped: needs a PostgreSQL server; set THIDUA_PG_URL (e.g. THIDUA_PG_URL=postgres://postgres@127.0.0.1:5432/test)",
      () => {}
    )
  })
else
  describe("two runner processes on one PostgreSQL database", () => {
    it("the lease holder is SIGKILLed after an append, before its checkpoint; the other takes over and every input is handled once", async () => {
      if (url === undefined)
        throw new Error("CI requires THIDUA_PG_URL: the two-process test needs a PostgreSQL server")
      const name = `thidua_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`
      await admin(url, (sql) => sql`CREATE DATABASE ${sql(name)}`)
      const target = new URL(url)
      target.pathname = `/${name}`
      const database = target.toString()
      // The tables exist before the children start, as after a deploy step.
      const runtime = ManagedRuntime.make(
        Layer.mergeAll(SqlReadModelStore.layer, SqlLease.layer).pipe(
          Layer.provideMerge(PostgresStore.layer({ url: database, maxConnections: 2 }, { listen: false }))
        )
      )
      const children: Array<ChildProcess> = []
      try {
        const handler = await runtime.runPromise(CommandHandler.make({}))
        // The campaign, launched with Đợt 1 open and its units enrolled, up to its first initiative.
        for (const c of [...(seed.directory as ReadonlyArray<Cmd>), ...campaignCommands.slice(0, firstRecord)])
          await runtime.runPromise(send(handler, c))

        const a = start(database, "runner-a", { TWO_DIE_AFTER: String(dieAfter) })
        children.push(a.child)
        for (const part of [leaseName({ _tag: "Manager", name: "echo" }), "workflow:timers", "workflow:outbox"])
          await a.line((l) => l.acquired === part, 20_000, `lease ${part}`)
        const b = start(database, "runner-b")
        children.push(b.child)
        await b.line((l) => l.ready === true, 20_000, "start")

        // Inputs keep coming, before and after the kill.
        const ids = Array.from({ length: inputs }, (_, i) => `hm2020-two-${i}`)
        for (const initiativeId of ids) {
          await runtime.runPromise(
            send(handler, {
              ...template,
              commandId: crypto.randomUUID(),
              initiativeId,
              at: Echo.day,
              title: `Sáng kiến ${initiativeId}`
            })
          )
          await sleep(every)
        }

        const died = await a.exited
        expect(died.signal, "runner-a was killed by its SIGKILL, after its last input's append").toBe("SIGKILL")
        // It dies after the append that takes its `dieAfter`-th input (an append may take several).
        expect(a.lines.filter((l) => l.input !== undefined).length).toBeGreaterThanOrEqual(dieAfter)

        // Every input's command applied; then a while longer, for anything done twice to show.
        const store = await runtime.runPromise(Effect.service(EventStore.EventStore))
        const read = (stream: string) => runtime.runPromise(store.readStream(seed.tenantId, stream))
        const applied = (events: ReadonlyArray<Recorded.RecordedEvent>) =>
          events.filter((e) => e.type === "InitiativeApplied")
        const deadline = Date.now() + 20_000
        while (applied(await read(`campaign:${campaignId}`)).length < inputs && Date.now() < deadline) await sleep(100)
        await sleep(ttl)
        expect(b.child.exitCode === null && b.child.signalCode === null, "runner-b is still running").toBe(true)
        b.child.kill("SIGKILL")
        await b.exited

        const taken = await b.line((l) => l.acquired === leaseName({ _tag: "Manager", name: "echo" }), 0, "takeover")
        const takeover = taken.at - died.at
        // How hard the standby knocked while it waited: 3 parts per wake-up, a wake-up per `idle` at most.
        const ready = b.lines.find((l) => l.ready === true)!
        const waiting = b.lines.filter((l) => l.attempts !== undefined && l.at <= taken.at).at(-1)
        const rate = waiting === undefined ? 0 : Math.round((waiting.attempts! * 1000) / (waiting.at - ready.at))
        console.info(
          `two processes: runner-a took ${dieAfter} inputs and died; runner-b took over ${takeover} ms later (ttl ${ttl} ms, idle ${idle} ms) and took ${b.lines.filter((l) => l.input !== undefined).length}; on standby it tried ${rate} leases/s; its leases lapsed between renewals ${b.lines.filter((l) => l.lapsed !== undefined).length} times (longest gap ${Math.max(0, ...b.lines.map((l) => l.gap ?? 0))} ms)`
        )
        // Never both: runner-b took no lease, and no input, while runner-a was alive.
        expect(b.lines.filter((l) => (l.acquired !== undefined || l.input !== undefined) && l.at < died.at)).toEqual([])
        expect(takeover).toBeLessThan(ttl + idle + 1000)

        const campaign = await read(`campaign:${campaignId}`)
        const own = await read(processStream)
        const ofType = (type: string) => own.filter((e) => e.type === type)
        const received = ofType("InputReceived")
        const recorded = campaign.filter((e) => e.type === "InitiativeRecorded")
        expect(recorded).toHaveLength(inputs)
        // Each input once in the process stream, and none left out.
        expect(received.map((e) => e.data.eventId).sort()).toEqual(recorded.map((e) => e.eventId).sort())
        expect(
          a.lines.filter((l) => l.input !== undefined).length + b.lines.filter((l) => l.input !== undefined).length
        ).toBe(inputs)
        const timers = (type: string) => ofType(type).map((e) => e.data.timerId as string)
        const expected = ids.map((id) => `apply:${id}`).sort()
        expect(timers("TimerScheduled").sort()).toEqual(expected)
        expect(timers("TimerFired").sort()).toEqual(expected)
        const issued = ofType("CommandIssued").map((e) => e.data.commandId as string)
        expect(issued).toHaveLength(inputs)
        expect(new Set(issued).size).toBe(inputs)
        expect(ofType("CommandRefused")).toEqual([])
        // Each command applied once, by its own id.
        const done = applied(campaign)
        expect(done.map((e) => e.data.initiativeId).sort()).toEqual([...ids].sort())
        expect(done.map((e) => e.commandId).sort()).toEqual([...issued].sort())
        const leases = await runtime.runPromise(
          Effect.flatMap(
            Effect.service(SqlClient.SqlClient),
            (sql) => sql<{
              readonly name: string
              readonly holder: string
              readonly fence: string
            }>`SELECT name, holder,
              fence::text AS fence FROM thidua_leases ORDER BY name`
          )
        )
        // Each part went from a to b: one takeover each.
        expect(
          leases.map((l) => [l.name, l.holder, l.fence]),
          JSON.stringify(leases)
        ).toEqual([
          ["workflow:manager:echo", "runner-b", "2"],
          ["workflow:outbox", "runner-b", "2"],
          ["workflow:timers", "runner-b", "2"]
        ])
      } finally {
        for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL")
        await runtime.dispose()
        await admin(url, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`)
      }
    }, 60_000)
  })
