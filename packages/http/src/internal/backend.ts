/**
 * What the server needs of the engine, as Effects: the engine's Effect service gives it as it is,
 * and `createThiDua`'s Promise face is adapted to it, so one implementation serves both hosts.
 *
 * @internal
 */
import type { Directory } from "@thidua/core"
import type { Engine, ThiDua } from "@thidua/engine"
import { Effect, Stream } from "effect"

/** @internal */
export interface Backend {
  readonly execute: (command: unknown, options: Engine.ExecuteOptions) => Effect.Effect<Engine.Executed, unknown>
  readonly campaignAt: (tenantId: string, campaignId: string) => Effect.Effect<Engine.Versioned | undefined, unknown>
  readonly directory: (tenantId: string) => Effect.Effect<Directory.State, unknown>
  readonly read: <S>(model: Engine.ReadModel<S>, key: Engine.ReadKey) => Effect.Effect<S | undefined, unknown>
  readonly events: (options: Engine.EventsOptions) => Stream.Stream<Engine.LoggedEvent, unknown>
}

// A rejected Promise of the engine carries one of its errors: it is the failure, as it is.
const promise = <A>(run: () => Promise<A>): Effect.Effect<A, unknown> =>
  Effect.tryPromise({ try: run, catch: (error) => error })

/** The Promise face as a backend. @internal */
export const fromThiDua = (td: ThiDua.ThiDua): Backend => ({
  execute: (command, options) =>
    Effect.flatMap(
      promise(() => td.execute(command, options)),
      (r): Effect.Effect<Engine.Executed, unknown> =>
        r.ok
          ? Effect.succeed({ events: r.events, streamId: r.streamId, version: r.version, duplicate: r.duplicate })
          : Effect.fail(r.error)
    ),
  campaignAt: (tenantId, campaignId) => promise(() => td.campaignAt(tenantId, campaignId)),
  directory: (tenantId) => promise(() => td.directory(tenantId)),
  read: (model, key) => promise(() => td.read(model, key)),
  // The iterator's `return` (called when the stream is interrupted) ends the engine's subscription.
  // A closed engine throws at the call, not at the first `next`: a failure of the stream then, as
  // the engine's Effect face gives it, not a defect.
  events: (options) =>
    Stream.unwrap(
      Effect.try({
        try: () => Stream.fromAsyncIterable(td.events(options), (error) => error),
        catch: (error) => error
      })
    )
})
