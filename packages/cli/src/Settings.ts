/**
 * The config file, `thidua.json`: where the store is. `thidua init` writes it; every other
 * subcommand reads it from `--config <file>`, else from `THIDUA_CONFIG`, else from `thidua.json` in
 * the working directory. A data folder is kept relative to the file, so a folder moved with its
 * config still works.
 *
 * ```json
 * { "store": { "dataDir": "thidua-data" } }
 * { "store": { "url": "postgres://thidua@db.example:5432/thidua" } }
 * ```
 *
 * @since 0.7.0
 */
import { access, constants, readFile, stat, writeFile } from "node:fs/promises"
import { dirname, isAbsolute, relative, resolve } from "node:path"
import type { Engine } from "@thidua/engine"
import { Effect, Option } from "effect"
import { Flag, GlobalFlag } from "effect/cli"
import { BadConfig, FileUnwritable, NoConfig } from "./CliError.js"
import { Env } from "./Env.js"

/**
 * The name of the config file looked for in the working directory.
 *
 * @since 0.7.0
 */
export const fileName = "thidua.json"

/**
 * What the config file holds: the store, a PGlite data folder (relative to the file, or absolute)
 * or a PostgreSQL server's URL.
 *
 * @since 0.7.0
 */
export interface Settings {
  readonly store: { readonly dataDir: string } | { readonly url: string }
}

/**
 * The config file as read: where it is, what it says, and the store config the engine takes
 * (a data folder made absolute).
 *
 * @since 0.7.0
 */
export interface Loaded {
  readonly path: string
  readonly settings: Settings
  readonly store: Engine.StoreConfig
  /** The store for a person to read: the folder relative to the working directory, or the URL without its password. */
  readonly where: string
}

/**
 * The global `--config <file>` flag.
 *
 * @since 0.7.0
 */
export const flag = GlobalFlag.Setting("config")({
  flag: Flag.String("config").pipe(
    Flag.optional,
    Flag.withMetavar("file"),
    Flag.withDescription("The config file (default: $THIDUA_CONFIG, else ./thidua.json)")
  )
})

/**
 * The config file of this run, as an absolute path: `--config`, else `THIDUA_CONFIG`, else
 * `thidua.json` in the working directory.
 *
 * @since 0.7.0
 */
export const locate: Effect.Effect<string, never, GlobalFlag.Setting.Identifier<"config">> = Effect.gen(function* () {
  const given = yield* flag
  const env = yield* Env
  const fromEnv = env.vars.THIDUA_CONFIG
  const path = Option.isSome(given) ? given.value : fromEnv !== undefined && fromEnv !== "" ? fromEnv : fileName
  return resolve(env.cwd, path)
})

/**
 * A URL with its password hidden, for printing.
 *
 * @example
 * ```ts
 * import { Settings } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Settings.redact("postgres://thidua:s3cret@db:5432/thidua"), "postgres://thidua:***@db:5432/thidua")
 * assert.equal(Settings.redact("postgres://postgres@127.0.0.1/test"), "postgres://postgres@127.0.0.1/test")
 * ```
 *
 * @since 0.7.0
 */
export const redact = (url: string): string => url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, "$1:***@")

/**
 * Where a store is, for a person to read.
 *
 * @since 0.7.0
 */
export const describe = (store: Engine.StoreConfig, cwd: string): string => {
  if (typeof store === "string") return store
  if ("url" in store) return redact(store.url)
  if ("nats" in store)
    return `nats ${(typeof store.nats.servers === "string" ? [store.nats.servers] : store.nats.servers).map(redact).join(", ")}`
  const rel = relative(cwd, store.dataDir)
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? store.dataDir : `./${rel}`
}

const parse = (path: string, text: string): Settings | string => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    return `not JSON (${cause instanceof Error ? cause.message : String(cause)})`
  }
  const store = (json as { readonly store?: unknown } | null)?.store
  if (typeof store !== "object" || store === null || Array.isArray(store)) return `no "store" object in ${path}`
  const keys = Object.keys(store)
  const value = (store as { readonly [k: string]: unknown })[keys[0] ?? ""]
  if (keys.length !== 1 || (keys[0] !== "dataDir" && keys[0] !== "url") || typeof value !== "string" || value === "")
    return `"store" must be { "dataDir": "<folder>" } or { "url": "postgres://..." }`
  if (keys[0] === "url" && !/^postgres(ql)?:\/\//.test(value)) return `"store.url" must start with postgres://`
  return keys[0] === "url" ? { store: { url: value } } : { store: { dataDir: value } }
}

/**
 * Reads the config file at a path: `NoConfig` when there is none, `BadConfig` when it is not one.
 *
 * @since 0.7.0
 */
export const read = (path: string): Effect.Effect<Loaded, NoConfig | BadConfig> =>
  Effect.gen(function* () {
    const env = yield* Env
    const text = yield* Effect.tryPromise({
      try: () => readFile(path, "utf8"),
      catch: (cause) =>
        (cause as { readonly code?: unknown }).code === "ENOENT"
          ? new NoConfig({ path })
          : new BadConfig({ path, reason: cause instanceof Error ? cause.message : String(cause) })
    })
    const settings = parse(path, text)
    if (typeof settings === "string") return yield* new BadConfig({ path, reason: settings })
    const store: Engine.StoreConfig =
      "url" in settings.store
        ? { url: settings.store.url }
        : { dataDir: resolve(dirname(path), settings.store.dataDir) }
    return { path, settings, store, where: describe(store, env.cwd) }
  })

/**
 * Writes a config file (a data folder kept relative to the file when it lies beside or below it).
 *
 * @example
 * ```ts
 * import { Settings } from "@thidua/cli"
 * import { Effect } from "effect"
 * import { mkdtempSync } from "node:fs"
 * import { tmpdir } from "node:os"
 * import { join } from "node:path"
 * import assert from "node:assert"
 *
 * const dir = mkdtempSync(join(tmpdir(), "thidua-"))
 * const path = join(dir, "thidua.json")
 * await Effect.runPromise(Settings.write(path, { store: { dataDir: join(dir, "data") } }))
 * const loaded = await Effect.runPromise(Settings.read(path))
 * assert.deepEqual(loaded.settings, { store: { dataDir: "data" } })
 * assert.deepEqual(loaded.store, { dataDir: join(dir, "data") })
 * ```
 *
 * @since 0.7.0
 */
export const write = (path: string, settings: Settings): Effect.Effect<void, FileUnwritable> => {
  const store =
    "dataDir" in settings.store
      ? { dataDir: keepRelative(dirname(path), settings.store.dataDir) }
      : { url: settings.store.url }
  return Effect.tryPromise({
    try: () => writeFile(path, `${JSON.stringify({ store }, null, 2)}\n`, "utf8"),
    catch: (cause) => new FileUnwritable({ path, reason: cause instanceof Error ? cause.message : String(cause) })
  })
}

/**
 * Checks that a config file can be written where it is to go (its folder exists and may be
 * written in), so that `init` says so before it creates a store the config would not name.
 *
 * @since 0.7.0
 */
export const writable = (path: string, shown: string): Effect.Effect<void, FileUnwritable> =>
  Effect.tryPromise({
    try: async () => {
      const folder = dirname(path)
      const info = await stat(folder).catch(() => undefined)
      if (info === undefined || !info.isDirectory()) throw new Error(`no such folder: ${folder}`)
      await access(folder, constants.W_OK).catch(() => {
        throw new Error(`the folder ${folder} may not be written in`)
      })
      const file = await stat(path).catch(() => undefined)
      if (file !== undefined && !file.isFile()) throw new Error("not a file")
    },
    catch: (cause) =>
      new FileUnwritable({ path: shown, reason: cause instanceof Error ? cause.message : String(cause) })
  })

const keepRelative = (base: string, dataDir: string): string => {
  const rel = relative(base, resolve(base, dataDir))
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? resolve(base, dataDir) : rel
}
