/**
 * `thidua rebuild <projection> --tenant <id>`: folds one of the built-in read models again from
 * the tenant's log and replaces its saved copy in the store.
 *
 * What that means for the store: the engine keeps its read models in memory, folded from the log
 * when a process first reads them, so `thidua scoreboard` always shows the log as it stands and
 * never needs a rebuild. A host that serves a read model from the database instead runs
 * `Runner.run` (or `catchUp`) over the store's SQL read model tables (`thidua_read_models`,
 * `thidua_checkpoints`), keeping the tenant's copy under the name `<projection>@<tenant>`
 * (`forTenant`). `rebuild` writes that copy: it reads the tenant's whole log page by page (with a
 * progress bar on a terminal), folds it, then drops the old copy and saves the new one with its
 * checkpoint in one transaction, so a runner started afterwards resumes exactly where the rebuild
 * stopped. Use it after upgrading a projection, or when a saved copy is in doubt. It needs a store
 * in SQL (a data folder or a server); PGlite takes one process at a time, so stop other `thidua`
 * runs on a data folder first.
 *
 * @since 0.7.0
 */
import { AwardRoll, CommendationRecord, InitiativeLedger, Participation, Scoreboard, Timeline } from "@thidua/engine"
import { Projection } from "@thidua/projections"
import { Codec, Position } from "@thidua/store"
import { Clock, Console, Effect, Result, Stream } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { Backend } from "./Backend.js"
import * as Lang from "./Lang.js"
import * as Output from "./Output.js"
import * as Progress from "./Progress.js"

/**
 * The names `rebuild` takes.
 *
 * @since 0.7.0
 */
export type Name = "scoreboard" | "ledger" | "initiatives" | "awards" | "participation" | "timeline" | "record"

/**
 * The read models `rebuild` knows, by the name it is given.
 *
 * @since 0.7.0
 */
export const projections: { readonly [name in Name]: Projection.Projection<unknown> } = {
  scoreboard: Scoreboard.projection,
  ledger: InitiativeLedger.projection,
  initiatives: InitiativeLedger.projection,
  awards: AwardRoll.projection,
  participation: Participation.projection,
  timeline: Timeline.projection,
  record: CommendationRecord.projection
} as never

/**
 * A projection as a tenant's saved copy is kept: the same handlers under the name
 * `<projection>@<tenant>`, so that each tenant's copy has its own checkpoint. Run it with
 * `Runner.run(Rebuild.forTenant(p, tenantId), { tenantId })` to keep the copy `rebuild` saved.
 *
 * @example
 * ```ts
 * import { Rebuild } from "@thidua/cli"
 * import { Scoreboard } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * assert.equal(Rebuild.forTenant(Scoreboard.projection, "hoang-mai").name, "thidua.scoreboard@hoang-mai")
 * ```
 *
 * @since 0.7.0
 */
export const forTenant = <S>(projection: Projection.Projection<S>, tenantId: string): Projection.Projection<S> => ({
  ...projection,
  name: `${projection.name}@${tenantId}`
})

const batchSize = 1000

/**
 * The `rebuild` subcommand.
 *
 * @since 0.7.0
 */
export const command = Command.make(
  "rebuild",
  {
    projection: Argument.Literals("projection", Object.keys(projections) as Array<Name>).pipe(
      Argument.withDescription("scoreboard, ledger (or initiatives), awards, participation, timeline or record")
    ),
    tenant: Flag.String("tenant").pipe(Flag.withDescription("The tenant whose copy to rebuild"))
  },
  ({ projection: chosen, tenant }) =>
    Output.guard(
      Effect.scoped(
        Effect.gen(function* () {
          const lang = yield* Lang.current
          const stores = yield* (yield* Backend).sqlStores
          const projection = forTenant(projections[chosen], tenant)
          const counted = yield* stores.sql<{
            readonly n: number
          }>`SELECT count(*)::int AS n FROM thidua_events WHERE tenant_id = ${tenant}`
          const total = counted[0]?.n ?? 0
          const progress = yield* Progress.make(projection.name, total, lang)
          const started = yield* Clock.currentTimeMillis
          const states = new Map<string, unknown>()
          let position = Position.start
          let done = 0
          yield* Stream.runForEachArray(
            stores.eventStore.readAll(Position.start, { tenantId: tenant, batchSize }),
            (page) =>
              Effect.suspend(() => {
                for (const r of page) {
                  if (!Projection.handles(projection, r.type)) continue
                  const decoded = Codec.decodeResult(r)
                  if (Result.isFailure(decoded)) return Effect.fail(decoded.failure)
                  const key = projection.partition(r)
                  states.set(key, projection.apply(states.get(key) ?? projection.init(), decoded.success, r))
                }
                done += page.length
                position = page[page.length - 1]!.position
                return progress.update(done)
              })
          )
          yield* progress.finish(done)
          // The old copy goes and the new one comes in one transaction: a runner never sees neither.
          yield* stores.sql.withTransaction(
            Effect.andThen(
              stores.readModels.drop(projection.name, projection.version),
              stores.readModels.save(projection.name, projection.version, { states, position })
            )
          )
          const seconds = ((yield* Clock.currentTimeMillis) - started) / 1000
          yield* Console.log(
            Lang.pick(lang, {
              en: `Rebuilt ${projection.name} from ${Output.number(lang, done)} events (${Output.number(lang, states.size)} partitions) in ${Output.number(lang, Math.round(seconds * 10) / 10)} s; saved in ${stores.where}.`,
              vi: `Đã dựng lại ${projection.name} từ ${Output.number(lang, done)} sự kiện (${Output.number(lang, states.size)} phân vùng) trong ${Output.number(lang, Math.round(seconds * 10) / 10)} giây; đã lưu tại ${stores.where}.`
            })
          )
        })
      )
    )
).pipe(
  Command.withDescription(
    "Rebuild a built-in read model of a tenant from its log and replace its saved copy in the store · Dựng lại mô hình đọc từ nhật ký"
  )
)
