import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Backend, CliError, Rebuild } from "@thidua/cli"
import { Scoreboard } from "@thidua/engine"
import { Runner, SqlReadModelStore } from "@thidua/projections"
import { PostgresStore } from "@thidua/store-postgres"
import { Cause, Effect, Layer } from "effect"
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

  it("a config naming a data folder that holds no store is refused, and no store is made (exit 2)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "thidua-typo-"))
    writeFileSync(join(cwd, "thidua.json"), '{ "store": { "dataDir": "typo-data" } }')
    const en = await cli.run(["scoreboard", "--tenant", "t", "--campaign", "c"], { cwd })
    expect([en.code, en.out]).toEqual([2, []])
    expect(en.err).toEqual([
      'CLI-STORE: No store at ./typo-data: run "thidua init" to create one, or correct store.dataDir in ./thidua.json.'
    ])
    expect(existsSync(join(cwd, "typo-data"))).toBe(false)
    // A folder that is there but empty is no store either; rebuild opens the store its own way.
    mkdirSync(join(cwd, "typo-data"))
    const vi = await cli.run(["rebuild", "scoreboard", "--tenant", "t", "--lang", "vi"], { cwd })
    expect(vi.code).toBe(2)
    expect(vi.err).toEqual([
      'CLI-STORE: Không có kho dữ liệu tại ./typo-data: hãy chạy "thidua init" để tạo, hoặc sửa store.dataDir trong ./thidua.json.'
    ])
    expect(readdirSync(join(cwd, "typo-data"))).toEqual([])
  })

  it("a store config the engine throws on is a CLI-STORE failure, not a throw", async () => {
    const store = {
      get dataDir(): string {
        throw new Error("unreadable setting")
      }
    }
    const exit = await Effect.runPromiseExit(Effect.scoped(Backend.openEngine(store, "./x")))
    expect(exit._tag).toBe("Failure")
    const error = exit._tag === "Failure" ? Cause.squash(exit.cause) : undefined
    expect(error).toBeInstanceOf(CliError.StoreFailed)
    expect((error as CliError.StoreFailed).messages.en).toBe("The store at ./x failed: unreadable setting")
  })

  it("init with a config in a folder that does not exist says it cannot write, before making a store", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "thidua-nodir-"))
    const r = await cli.run(["init", "--config", "nodir/x.json", "--data-dir", "d9"], { cwd })
    expect(r.code).toBe(2)
    expect(r.err).toEqual([`CLI-FILE: Cannot write the file ./nodir/x.json: no such folder: ${join(cwd, "nodir")}`])
    expect(readdirSync(cwd)).toEqual([])
    const vi = await cli.run(["init", "--config", "nodir/x.json", "--data-dir", "d9", "--lang", "vi"], { cwd })
    expect(vi.err[0]).toMatch(/^CLI-FILE: Không ghi được tệp \.\/nodir\/x\.json: /)
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
