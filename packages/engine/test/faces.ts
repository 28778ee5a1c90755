/**
 * The engine's two faces behind one test interface, so that every scenario runs through both: the
 * Promise face (`createThiDua`) as a plain TypeScript host calls it, and the Effect face (the
 * `Engine` service from `Engine.layer`) as an Effect host composes it.
 */
import { createThiDua, Engine, type ThiDua } from "@thidua/engine"
import { Effect, Exit, Layer, Result, Scope, Stream } from "effect"

export interface Face {
  readonly name: string
  readonly execute: ThiDua.ThiDua["execute"]
  readonly read: ThiDua.ThiDua["read"]
  readonly campaign: ThiDua.ThiDua["campaign"]
  readonly directory: ThiDua.ThiDua["directory"]
  /** The events as an array (the Promise face through `for await`). */
  readonly events: (options: Engine.EventsOptions) => Promise<ReadonlyArray<Engine.LoggedEvent>>
  readonly tick: ThiDua.ThiDua["tick"]
  readonly eligibility: ThiDua.ThiDua["eligibility"]
  readonly explain: ThiDua.ThiDua["explain"]
  readonly record: ThiDua.ThiDua["record"]
  readonly close: () => Promise<void>
}

const promiseFace = async (config: Engine.Config): Promise<Face> => {
  const td = await createThiDua(config)
  return {
    name: "Promise",
    execute: td.execute,
    read: td.read,
    campaign: td.campaign,
    directory: td.directory,
    events: async (options) => {
      const all: Array<Engine.LoggedEvent> = []
      for await (const e of td.events(options)) all.push(e)
      return all
    },
    tick: td.tick,
    eligibility: td.eligibility,
    explain: td.explain,
    record: td.record,
    close: td.close
  }
}

const effectFace = async (config: Engine.Config): Promise<Face> => {
  const scope = await Effect.runPromise(Scope.make())
  const context = await Effect.runPromise(Layer.buildWithScope(Engine.layer(config), scope))
  const run = <A, E>(effect: Effect.Effect<A, E, Engine.Engine>): Promise<A> =>
    Effect.runPromise(Effect.provideContext(effect, context))
  const engine = Effect.service(Engine.Engine)
  return {
    name: "Effect",
    execute: (command, options) =>
      run(
        Effect.map(Effect.result(Effect.flatMap(engine, (e) => e.execute(command, options))), (r) =>
          Result.isSuccess(r) ? { ok: true as const, ...r.success } : { ok: false as const, error: r.failure }
        )
      ),
    read: (model, key) => run(Effect.flatMap(engine, (e) => e.read(model, key))),
    campaign: (tenantId, campaignId) => run(Effect.flatMap(engine, (e) => e.campaign(tenantId, campaignId))),
    directory: (tenantId) => run(Effect.flatMap(engine, (e) => e.directory(tenantId))),
    events: (options) =>
      run(Effect.flatMap(engine, (e) => Stream.runCollect(e.events(options)))).then((chunk) => [...chunk]),
    tick: () => run(Effect.flatMap(engine, (e) => e.tick)),
    eligibility: (query) => run(Effect.flatMap(engine, (e) => e.eligibility(query))),
    explain: (query) => run(Effect.flatMap(engine, (e) => e.explain(query))),
    record: (query) => run(Effect.flatMap(engine, (e) => e.record(query))),
    close: () => Effect.runPromise(Scope.close(scope, Exit.void))
  }
}

/** Both faces, each made with the config. */
export const faces: ReadonlyArray<{ readonly name: string; readonly make: (config: Engine.Config) => Promise<Face> }> =
  [
    { name: "Promise", make: promiseFace },
    { name: "Effect", make: effectFace }
  ]
