/**
 * `Inline.layer` (read models in memory) over PostgreSQL: the fold runs inside the append's
 * transaction, and a process that restarts on the same database comes back with its read models.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { EventStore, StoreError } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer } from "effect"
import { Inline, Projection, ProjectionError, Runner } from "../src/index.js"
import { freshDatabase } from "./support.js"

const phases = Projection.make({
  name: "restart-phases",
  version: 1,
  init: () => ({ opened: [] as Array<string> }),
  partition: Projection.byCampaign,
  handlers: {
    PhaseOpened: (s, e) => {
      if (e.phaseId === "boom") throw new Error("a bug")
      s.opened.push(e.phaseId)
      return s
    }
  }
})
const perTenant = Projection.make({
  name: "restart-tenant",
  version: 1,
  init: () => ({ n: 0 }),
  partition: Projection.byTenant,
  handlers: {
    PhaseOpened: (s) => {
      s.n++
      return s
    }
  }
})
// The tenant-wide one first: it has folded a refused append when the other throws.
const projections = [perTenant, phases] as ReadonlyArray<Projection.Projection<unknown>>

const opened = (phaseId: string) => ({
  eventId: crypto.randomUUID(),
  type: "PhaseOpened",
  data: { phaseId, at: "2024-01-02" },
  schemaVersion: 1
})

const snapshot = Effect.map(Effect.service(Inline.InlineReadModels), (r) =>
  projections.map((p) => structuredClone(new Map(r.states(p))))
)

/** Appends through a first process, and reads through a second one on the same database. */
const restart = (config: PostgresStore.Config) =>
  Effect.gen(function* () {
    const inlineOn = () => Inline.layer(projections).pipe(Layer.provideMerge(PostgresStore.layer(config)))
    const first = yield* Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      yield* store.append("hanoi", "campaign:a", "no-stream", [opened("dot-1"), opened("dot-2")])
      yield* store.append("a/b", "c", "no-stream", [opened("dot-1")])
      yield* store.append("a", "b/c", "no-stream", [opened("dot-9")])
      const before = yield* snapshot
      // Refused in the transaction: neither the log nor the read models change.
      const error = yield* Effect.flip(store.append("hanoi", "campaign:a", 2, [opened("dot-3"), opened("boom")]))
      expect(error).toBeInstanceOf(StoreError.AppendAborted)
      expect((error as StoreError.AppendAborted).cause).toBeInstanceOf(ProjectionError.ProjectionFailed)
      expect(yield* store.streamVersion("hanoi", "campaign:a")).toBe(2)
      expect(yield* snapshot).toStrictEqual(before)
      return before
    }).pipe(Effect.provide(inlineOn()))
    expect(first[1]!.get(Projection.streamKey("hanoi", "campaign:a"))).toEqual({ opened: ["dot-1", "dot-2"] })
    // Two streams whose tenant and id meet at a slash stay apart.
    expect(first[1]!.get(Projection.streamKey("a/b", "c"))).toEqual({ opened: ["dot-1"] })
    expect(first[1]!.get(Projection.streamKey("a", "b/c"))).toEqual({ opened: ["dot-9"] })
    const [second, log] = yield* Effect.gen(function* () {
      const rebuilt = yield* Effect.forEach(projections, (p) => Effect.map(Runner.rebuild(p), (r) => r.states))
      return [yield* snapshot, rebuilt] as const
    }).pipe(Effect.provide(inlineOn()))
    expect(second).toStrictEqual(first)
    expect(second).toStrictEqual(log)
  })

describe("Inline.layer over PostgreSQL", () => {
  it.live(
    "on PGlite with a data directory: the fold is in the transaction, and a restart reads what was read",
    () =>
      Effect.gen(function* () {
        const dataDir = mkdtempSync(join(tmpdir(), "thidua-inline-"))
        yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(dataDir, { recursive: true, force: true })))
        yield* restart({ dataDir })
      }).pipe(Effect.scoped),
    120_000
  )

  const url = process.env.THIDUA_PG_URL
  it.live.runIf(url !== undefined)(
    "on the server: the fold is in the transaction, and a restart reads what was read",
    () => Effect.flatMap(freshDatabase(url!), (url) => restart({ url })).pipe(Effect.scoped),
    120_000
  )
})
