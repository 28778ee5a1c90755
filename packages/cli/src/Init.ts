/**
 * `thidua init`: creates a store and the config file that names it. `--data-dir <dir>` keeps the
 * store in embedded PGlite in that folder (default `./thidua-data`); `--url postgres://...` puts it
 * on a PostgreSQL server. The tables are created (the store's migrations) before the config is
 * written, so a config always names a store that works. Running it again on the same store is
 * harmless; a config naming another store is left alone.
 *
 * @since 0.7.0
 */
import { existsSync } from "node:fs"
import { resolve } from "node:path"
import type { Engine } from "@thidua/engine"
import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { openEngine } from "./Backend.js"
import { Usage } from "./CliError.js"
import { Env } from "./Env.js"
import * as Lang from "./Lang.js"
import * as Output from "./Output.js"
import * as Settings from "./Settings.js"

/**
 * The folder `init` keeps an embedded store in when given neither `--data-dir` nor `--url`.
 *
 * @since 0.7.0
 */
export const defaultDataDir = "thidua-data"

const same = (a: Engine.StoreConfig, b: Engine.StoreConfig): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * The `init` subcommand.
 *
 * @example
 * ```ts
 * import { Cli } from "@thidua/cli"
 * import { Effect } from "effect"
 * import { mkdtempSync, readFileSync } from "node:fs"
 * import { tmpdir } from "node:os"
 * import { join } from "node:path"
 * import assert from "node:assert"
 *
 * const dir = mkdtempSync(join(tmpdir(), "thidua-init-"))
 * const code = await Effect.runPromise(Cli.runNode(["init", "--config", join(dir, "thidua.json"), "--data-dir", join(dir, "data")]))
 * assert.equal(code, 0)
 * assert.deepEqual(JSON.parse(readFileSync(join(dir, "thidua.json"), "utf8")), { store: { dataDir: "data" } })
 * ```
 *
 * @since 0.7.0
 */
export const command = Command.make(
  "init",
  {
    dataDir: Flag.String("data-dir").pipe(
      Flag.optional,
      Flag.withMetavar("dir"),
      Flag.withDescription(`Keep the store in embedded PGlite in this folder (default ./${defaultDataDir})`)
    ),
    url: Flag.String("url").pipe(
      Flag.optional,
      Flag.withMetavar("postgres://..."),
      Flag.withDescription("Keep the store on this PostgreSQL server (13 or later)")
    )
  },
  ({ dataDir, url }) =>
    Output.guard(
      Effect.scoped(
        Effect.gen(function* () {
          const lang = yield* Lang.current
          const env = yield* Env
          if (Option.isSome(dataDir) && Option.isSome(url))
            return yield* new Usage({
              en: "give --data-dir or --url, not both",
              vi: "chỉ dùng một trong hai: --data-dir hoặc --url"
            })
          if (Option.isSome(url) && !/^postgres(ql)?:\/\//.test(url.value))
            return yield* new Usage({
              en: `--url must be a postgres:// URL, got ${Settings.redact(url.value)}`,
              vi: `--url phải là địa chỉ postgres://, nhận được ${Settings.redact(url.value)}`
            })
          const store: Engine.StoreConfig = Option.isSome(url)
            ? { url: url.value }
            : {
                dataDir: resolve(
                  env.cwd,
                  Option.getOrElse(dataDir, () => defaultDataDir)
                )
              }
          const path = yield* Settings.locate
          if (existsSync(path)) {
            const existing = yield* Settings.read(path)
            if (!same(existing.store, store))
              return yield* new Usage({
                en: `${path} already names another store (${existing.where}); remove it, or give --config <another file>`,
                vi: `${path} đã ghi một kho khác (${existing.where}); hãy xóa tệp, hoặc dùng --config <tệp khác>`
              })
          }
          const where = Settings.describe(store, env.cwd)
          const file = Settings.describe({ dataDir: path }, env.cwd)
          // Before the store: a config that cannot be written would leave a store nothing names.
          yield* Settings.writable(path, file)
          // Opening the engine runs the store's migrations: the tables exist before the config says so.
          yield* openEngine(store, where)
          const settings: Settings.Settings = {
            store: "url" in store ? { url: store.url } : { dataDir: store.dataDir }
          }
          yield* Settings.write(path, settings)
          const kind = "url" in store ? "PostgreSQL" : "PGlite"
          yield* Console.log(
            Lang.pick(lang, {
              en: `Store ready: ${kind} in ${where} (tables created).\nConfig written: ${file}`,
              vi: `Kho dữ liệu đã sẵn sàng: ${kind} tại ${where} (đã tạo bảng).\nĐã ghi cấu hình: ${file}`
            })
          )
        })
      )
    )
).pipe(
  Command.withDescription(
    "Create a store (embedded PGlite in a folder, or a PostgreSQL server) and the config file naming it · Tạo kho dữ liệu và tệp cấu hình"
  )
)
