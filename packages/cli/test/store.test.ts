import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Backend, Rebuild } from "@thidua/cli"
import { Scoreboard } from "@thidua/engine"
import { Runner, SqlReadModelStore } from "@thidua/projections"
import { PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { exampleFor, freshTenant, registerRoot } from "./fixtures.js"
import { runner } from "./harness.js"

// The binary's backend: the store the config file names, opened for each run.
const cli = runner(Backend.layer)
afterAll(() => cli.dispose())

const dir = mkdtempSync(join(tmpdir(), "thidua-store-"))

describe("without a config", () => {
  it("every command but init fails clearly, pointing at thidua init (exit 2)", async () => {
    const en = await cli.run(["scoreboard", "--tenant", "t", "--campaign", "c"], { cwd: dir })
    expect(en.code).toBe(2)
    expect(en.err).toEqual([
      `CLI-NO-CONFIG: No config file at ${join(dir, "thidua.json")}: run "thidua init" first, or give --config <file> (or THIDUA_CONFIG).`
    ])
    const vi = await cli.run(["events", "--tenant", "t"], {
      cwd: dir,
      vars: { LANG: "vi_VN.UTF-8", THIDUA_CONFIG: "other.json" }
    })
    expect(vi.err[0]).toMatch(
      new RegExp(`^CLI-NO-CONFIG: Không có tệp cấu hình tại ${join(dir, "other.json")}: hãy chạy "thidua init"`)
    )
  })

  it("a config that is not one is refused (exit 2)", async () => {
    const bad = mkdtempSync(join(tmpdir(), "thidua-bad-"))
    writeFileSync(join(bad, "thidua.json"), '{ "store": { "path": "./data" } }')
    const r = await cli.run(["events", "--tenant", "t"], { cwd: bad })
    expect(r.code).toBe(2)
    expect(r.err[0]).toMatch(/^CLI-CONFIG: The config file .* is not valid: "store" must be/)
  })
})

describe("on a data folder", () => {
  const tenant = freshTenant("hm")
  const cwd = mkdtempSync(join(tmpdir(), "thidua-data-"))

  // Three stores opened on PGlite: seconds each on an idle machine, far more on a busy one.
  it("init creates the store and the config; again is harmless; another store is refused", {
    timeout: 180_000
  }, async () => {
    const r = await cli.run(["init", "--data-dir", "store"], { cwd })
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    expect(r.out).toEqual(["Store ready: PGlite in ./store (tables created).", "Config written: ./thidua.json"])
    expect(JSON.parse(readFileSync(join(cwd, "thidua.json"), "utf8"))).toEqual({ store: { dataDir: "store" } })
    expect((await cli.run(["init", "--data-dir", "store"], { cwd })).code).toBe(0)
    const other = await cli.run(["init", "--data-dir", "elsewhere"], { cwd })
    expect(other.code).toBe(2)
    expect(JSON.parse(readFileSync(join(cwd, "thidua.json"), "utf8"))).toEqual({ store: { dataDir: "store" } })
  })

  it("imports, then rebuilds a tenant's scoreboard into the store, where a runner resumes it", {
    timeout: 180_000
  }, async () => {
    writeFileSync(join(cwd, "c.yaml"), exampleFor(tenant))
    expect((await cli.run(["import", "c.yaml"], { cwd })).code).toBe(0)
    const plain = await cli.run(["rebuild", "scoreboard", "--tenant", tenant], { cwd })
    expect(plain.code).toBe(0)
    expect(plain.err).toEqual([`thidua.scoreboard@${tenant}: 32/32 events (100%), ${plain.err[0]?.split(", ")[1]}`])
    expect(plain.out[0]).toMatch(
      new RegExp(
        `^Rebuilt thidua.scoreboard@${tenant} from 32 events \\(1 partitions\\) in [\\d.]+ s; saved in ./store\\.$`
      )
    )
    // More events after the rebuild: a runner started on the saved copy folds only those.
    const more = {
      ...registerRoot(tenant, "late-1"),
      organizationId: "cdcs-moi",
      name: "Công đoàn cơ sở mới",
      level: "grassroots",
      parentId: "ldld-hoang-mai",
      actor: { organizationId: "ldld-hoang-mai", role: "executive" }
    }
    expect((await cli.run(["exec"], { cwd, stdin: JSON.stringify(more) })).code).toBe(0)
    const stores = SqlReadModelStore.layer.pipe(
      Layer.provideMerge(PostgresStore.layer({ dataDir: join(cwd, "store") }, { listen: false }))
    )
    const [resumed, rebuilt] = await Effect.runPromise(
      Effect.all([
        Runner.catchUp(Rebuild.forTenant(Scoreboard.projection, tenant), { tenantId: tenant }),
        Runner.rebuild(Scoreboard.projection, { tenantId: tenant })
      ]).pipe(Effect.provide(stores))
    )
    expect(resumed.position).toBe(rebuilt.position)
    // The saved copy went through jsonb (keys reordered): compared as values.
    expect(resumed.states).toEqual(rebuilt.states)
    expect([...resumed.states.keys()]).toHaveLength(1)
  })
})

const pgUrl = process.env.THIDUA_PG_URL
const noPg = "skipped: THIDUA_PG_URL is not set (export THIDUA_PG_URL=postgres://postgres@127.0.0.1:5432/test)"
describe("on a PostgreSQL server", () => {
  it("init --url creates the tables on the server and writes the URL", async (ctx) => {
    if (pgUrl === undefined) {
      console.warn(noPg)
      return ctx.skip(noPg)
    }
    const cwd = mkdtempSync(join(tmpdir(), "thidua-pg-"))
    const r = await cli.run(["init", "--url", pgUrl], { cwd })
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    expect(r.out[0]).toMatch(/^Store ready: PostgreSQL in postgres:\/\//)
    expect(JSON.parse(readFileSync(join(cwd, "thidua.json"), "utf8"))).toEqual({ store: { url: pgUrl } })
    const t = freshTenant("pg")
    const done = await cli.run(["exec"], { cwd, stdin: JSON.stringify(registerRoot(t, "c-1")) })
    expect(done.code).toBe(0)
    const log = await cli.run(["events", "--tenant", t, "--json"], { cwd })
    expect(log.out.filter((l) => l).map((l) => JSON.parse(l).commandId)).toEqual(["c-1"])
  })
})
