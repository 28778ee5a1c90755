/**
 * Partition keys of stream read models (`Projection.byCampaign`) never collide: tenant `a/b` with
 * stream `c` and tenant `a` with stream `b/c` are two partitions, in memory and in PostgreSQL.
 */
import { describe, expect, it, layer } from "@effect/vitest"
import { EventStore, InMemoryStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer, Logger } from "effect"
import { SqlClient } from "effect/sql"
import fc from "fast-check"
import { Projection, ReadModels, Runner, SqlReadModelStore } from "../src/index.js"
import * as Tables from "../src/internal/sqlTables.js"
import { byType } from "./support.js"

const meta = (tenantId: string, streamId: string) => ({
  tenantId,
  streamId,
  version: 1,
  position: "00000000000000000001" as never,
  recordedAt: 0
})
// Ids made of the characters that matter: the separator, the escape and what follows it.
const id = fc.string({ unit: fc.constantFrom("a", "b", "/", "%", "2", "F", "5"), minLength: 1, maxLength: 8 })
// Two (tenant, stream) pairs that a plain `tenant/stream` would write alike: one text, cut at two
// of its slashes.
const meeting = fc.tuple(fc.array(id, { minLength: 3, maxLength: 5 }), fc.nat(), fc.nat()).map(([parts, i, j]) => {
  const cut = (k: number) => [parts.slice(0, k).join("/"), parts.slice(k).join("/")] as const
  const a = 1 + (i % (parts.length - 1))
  const b = 1 + (j % (parts.length - 1))
  return [...cut(a), ...cut(b)] as const
})
const pairs = fc.oneof(fc.tuple(id, id, id, id), meeting)

describe("partition keys of streams", () => {
  it("two (tenant, stream) pairs never share a key; a tenant without / or % is written as it is", () =>
    fc.assert(
      fc.property(pairs, ([t1, s1, t2, s2]) => {
        const k1 = Projection.byCampaign(meta(t1, s1))
        const k2 = Projection.byCampaign(meta(t2, s2))
        expect(k1 === k2).toBe(t1 === t2 && s1 === s2)
        // Keys stored before stay valid for every tenant id of the domain (no / nor %).
        if (!t1.includes("/") && !t1.includes("%")) expect(k1).toBe(`${t1}/${s1}`)
      }),
      { numRuns: 5_000 }
    ))

  it("the keys readers use are the keys runners write", () => {
    expect(ReadModels.campaignKey("a/b", "x")).toBe(Projection.byCampaign(meta("a/b", "campaign:x")))
    expect(ReadModels.campaignKey("hanoi", "hm-2020")).toBe("hanoi/campaign:hm-2020")
    expect(Projection.streamKey("a/b", "c")).toBe("a%2Fb/c")
    expect(Projection.streamKey("a%2Fb", "c")).toBe("a%252Fb/c")
  })

  it.effect("a rebuild keeps tenant a/b's stream c apart from tenant a's stream b/c", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const phase = (n: number) => ({
        eventId: `e-${n}`,
        type: "PhaseOpened",
        data: { phaseId: `dot-${n}`, at: "2020-01-02" },
        schemaVersion: 1
      })
      yield* store.append("a/b", "c", "no-stream", [phase(1)])
      yield* store.append("a", "b/c", "no-stream", [phase(2), phase(3)])
      const { states } = yield* Runner.rebuild(byType("keys"))
      expect(states.size).toBe(2)
      expect(states.get(Projection.streamKey("a/b", "c"))?.byType.get("PhaseOpened")).toBe(1)
      expect(states.get(Projection.streamKey("a", "b/c"))?.byType.get("PhaseOpened")).toBe(2)
    }).pipe(Effect.provide(InMemoryStore.layer))
  )
})

layer(SqlReadModelStore.layer.pipe(Layer.provideMerge(PostgresStore.layer({}))), {
  timeout: "60 seconds",
  excludeTestServices: true
})("partition keys in PostgreSQL", (it) => {
  it.effect("a runner saves the two streams as two rows, and reads each back", () =>
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const t = crypto.randomUUID()
      const phase = () => ({
        eventId: crypto.randomUUID(),
        type: "PhaseOpened",
        data: { phaseId: "dot-1", at: "2020-01-02" },
        schemaVersion: 1
      })
      yield* store.append(`${t}/b`, "c", "no-stream", [phase()])
      yield* store.append(t, "b/c", "no-stream", [phase(), phase()])
      const counts = byType(`keys-${t}`)
      yield* Runner.catchUp(counts)
      const read = (tenantId: string, streamId: string) =>
        ReadModels.get(counts, Projection.streamKey(tenantId, streamId)).pipe(
          Effect.map((s) => s?.byType.get("PhaseOpened"))
        )
      expect(yield* read(`${t}/b`, "c")).toBe(1)
      expect(yield* read(t, "b/c")).toBe(2)
    }).pipe(Effect.provide(ReadModels.layer))
  )

  it.effect("the first start on read models stored before warns once about keys that may mean two streams", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      // As a database written before: no mark, and a row whose key may be tenant "x/y" or stream "y/z".
      yield* sql`DELETE FROM thidua_checkpoints WHERE name = 'thidua:partition-keys'`
      yield* sql`INSERT INTO thidua_read_models (name, version, partition, state)
        VALUES ('old-board', 1, 'x/y/campaign:z', '{}'::jsonb) ON CONFLICT DO NOTHING`
      const warnings: Array<unknown> = []
      const collect = Logger.layer([Logger.make((o) => void warnings.push(o.message))])
      yield* Tables.ensure(sql).pipe(Effect.provide(collect))
      yield* Tables.ensure(sql).pipe(Effect.provide(collect))
      expect(warnings).toHaveLength(1)
      expect(String(warnings[0])).toMatch(/old-board@1: x\/y\/campaign:z/)
      expect(String(warnings[0])).toMatch(/rebuild each projection partitioned by stream under a new version/)
    })
  )
})
