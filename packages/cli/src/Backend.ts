/**
 * Where a run's commands go: the engine on the store the config file names (`layer`, what the
 * `thidua` binary uses), or an engine a host already holds (`layerFromEngine`, to embed the
 * command line in a program of one's own). Each subcommand opens what it needs for its own run
 * and releases it when the run ends, so two runs one after the other share nothing but the store.
 *
 * @since 0.7.0
 */
import { existsSync } from "node:fs"
import { join } from "node:path"
import { Engine } from "@thidua/engine"
import { ReadModelStore, SqlReadModelStore } from "@thidua/projections"
import { EventStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { Cause, Context, Effect, Layer, type Scope } from "effect"
import type { GlobalFlag } from "effect/cli"
import { SqlClient } from "effect/sql"
import { type BadConfig, type NoConfig, NoStore, StoreFailed, Usage } from "./CliError.js"
import { Env } from "./Env.js"
import * as Settings from "./Settings.js"

/**
 * The log and the saved read models of a store kept in SQL: what `rebuild` works on.
 *
 * @since 0.7.0
 */
export interface SqlStores {
  readonly where: string
  readonly eventStore: EventStore.Shape
  readonly readModels: ReadModelStore.Shape
  readonly sql: SqlClient.SqlClient
}

/**
 * What a run may open.
 *
 * @since 0.7.0
 */
export interface Shape {
  /** The engine, open until the scope closes. */
  readonly engine: Effect.Effect<
    Engine.Shape,
    NoConfig | BadConfig | NoStore | StoreFailed,
    Scope.Scope | GlobalFlag.Setting.Identifier<"config">
  >
  /** The store's log and saved read models, open until the scope closes (never with the engine: PGlite takes one process at a time). */
  readonly sqlStores: Effect.Effect<
    SqlStores,
    NoConfig | BadConfig | NoStore | StoreFailed | Usage,
    Scope.Scope | GlobalFlag.Setting.Identifier<"config">
  >
}

/**
 * The backend service.
 *
 * @since 0.7.0
 */
export class Backend extends Context.Service<Backend, Shape>()("@thidua/cli/Backend") {}

// Whatever stops a store from opening (a refused connection, a folder another process holds,
// thrown from inside the driver) is reported as one error naming the store, never as a trace.
const opening = <A, E, R>(where: string, effect: Effect.Effect<A, E, R>): Effect.Effect<A, StoreFailed, R> =>
  Effect.catchCause(effect, (cause) => {
    const error = Cause.squash(cause)
    const reason = error instanceof Error ? error.message : String(error)
    return Effect.fail(new StoreFailed({ where, reason }))
  })

/**
 * Opens the engine on a store config, for the scope.
 *
 * @since 0.7.0
 */
export const openEngine = (
  store: Engine.StoreConfig,
  where: string
): Effect.Effect<Engine.Shape, StoreFailed, Scope.Scope> =>
  opening(
    where,
    // Suspended: a config the engine throws on while making its layer is a failure of the run.
    Effect.suspend(() =>
      Effect.map(Layer.build(Engine.layer({ store }) as Layer.Layer<Engine.Engine, unknown>), (context) =>
        Context.get(context, Engine.Engine)
      )
    )
  )

/**
 * The config file of this run, read, with the store it names checked to exist: a data folder
 * that is missing or holds no PostgreSQL data (`PG_VERSION`) is `NoStore`, since opening it would
 * quietly make a new, empty store where the config has a typo. Only `thidua init` creates a store.
 *
 * @since 0.7.0
 */
export const existing: Effect.Effect<
  Settings.Loaded,
  NoConfig | BadConfig | NoStore,
  GlobalFlag.Setting.Identifier<"config">
> = Effect.gen(function* () {
  const loaded = yield* Settings.read(yield* Settings.locate)
  const store = loaded.store
  if (typeof store === "object" && "dataDir" in store && !existsSync(join(store.dataDir, "PG_VERSION")))
    return yield* new NoStore({
      where: loaded.where,
      config: Settings.describe({ dataDir: loaded.path }, (yield* Env).cwd)
    })
  return loaded
})

/**
 * The backend of the `thidua` binary: the store the config file names, opened for each run.
 *
 * @since 0.7.0
 */
export const layer: Layer.Layer<Backend> = Layer.succeed(Backend, {
  engine: Effect.gen(function* () {
    const loaded = yield* existing
    return yield* openEngine(loaded.store, loaded.where)
  }),
  sqlStores: Effect.gen(function* () {
    const loaded = yield* existing
    const store = loaded.store
    if (typeof store === "string" || "nats" in store)
      return yield* new Usage({
        en: `the store ${typeof store === "string" ? store : "on NATS"} keeps no saved read models`,
        vi: `kho ${typeof store === "string" ? store : "trên NATS"} không lưu mô hình đọc`
      })
    const stores = SqlReadModelStore.layer.pipe(Layer.provideMerge(PostgresStore.layer(store, { listen: false })))
    const context = yield* opening(loaded.where, Layer.build(stores))
    return {
      where: loaded.where,
      eventStore: Context.get(context, EventStore.EventStore),
      readModels: Context.get(context, ReadModelStore.ReadModelStore),
      sql: Context.get(context, SqlClient.SqlClient)
    }
  })
})

/**
 * A backend over an engine the host already runs (in memory, in a server): every run uses it,
 * whatever the config file says. `rebuild`, which works on a store's saved read models, is
 * refused: the host's engine keeps its read models itself.
 *
 * @example
 * ```ts
 * import { Backend, Cli } from "@thidua/cli"
 * import { Engine } from "@thidua/engine"
 * import { Effect, Layer } from "effect"
 * import assert from "node:assert"
 *
 * const backend = Backend.layerFromEngine.pipe(Layer.provide(Engine.layer({ store: "memory" })))
 * assert.equal(await Effect.runPromise(Cli.runNode(["diagram"], backend)), 0)
 * ```
 *
 * @since 0.7.0
 */
export const layerFromEngine: Layer.Layer<Backend, never, Engine.Engine> = Layer.effect(
  Backend,
  Effect.map(Effect.service(Engine.Engine), (engine) => ({
    engine: Effect.succeed(engine),
    sqlStores: Effect.fail(
      new Usage({
        en: "rebuild works on a store's saved read models; this engine keeps its read models itself",
        vi: "rebuild làm việc trên mô hình đọc đã lưu của kho; bộ máy này tự giữ mô hình đọc"
      })
    )
  }))
)
