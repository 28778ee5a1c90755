/**
 * The engine for plain TypeScript: `createThiDua` gives an object whose calls return Promises, with
 * no Effect to learn. It runs the Effect service of `Engine` underneath, so both faces behave the
 * same, call for call.
 *
 * @since 0.5.0
 */
import type { Campaign, Directory, Eligibility } from "@thidua/core"
import type { Runner } from "@thidua/workflow"
import { Cause, Effect, Exit, ManagedRuntime, Result, Stream } from "effect"
import * as Engine from "./Engine.js"
import { EngineClosed } from "./EngineError.js"

/**
 * What `execute` answers: the command's events, or the error that refused it. Nothing throws for
 * a refused command; `executeOrThrow` throws instead.
 *
 * @since 0.5.0
 */
export type ExecuteResult =
  | ({ readonly ok: true } & Engine.Executed)
  | { readonly ok: false; readonly error: Engine.ExecuteError | EngineClosed }

/**
 * The engine, with Promises.
 *
 * @since 0.5.0
 */
export interface ThiDua {
  /**
   * Executes a command (a typed object from `Commands`, or unknown JSON, decoded here) for the
   * principal the host authenticated. Resolves with `{ ok: true, events, version, duplicate }` or
   * `{ ok: false, error }`; `error` is an `Error` with `code` (a rule id such as `C5`, or
   * `CommandDecodeError`, `AUTH-PRINCIPAL`, ...) and `messages.vi` / `messages.en`.
   */
  readonly execute: (command: unknown, options: Engine.ExecuteOptions) => Promise<ExecuteResult>
  /**
   * Executes commands in order for one principal and resolves with each one's answer, as
   * `execute` one after another would. On the in-memory store a run of commands to one campaign
   * is decided on its state and appended at once: the fastest way to feed many commands.
   */
  readonly executeAll: (
    commands: ReadonlyArray<unknown>,
    options: Engine.ExecuteAllOptions
  ) => Promise<ReadonlyArray<ExecuteResult>>
  /** As `execute`, but rejects with the error. */
  readonly executeOrThrow: (command: unknown, options: Engine.ExecuteOptions) => Promise<Engine.Executed>
  /** One partition of a read model, up to date with the log; `undefined` before its first event. */
  readonly read: <S>(model: Engine.ReadModel<S>, key: Engine.ReadKey) => Promise<S | undefined>
  /** A campaign's state; `undefined` when it was never planned. */
  readonly campaign: (tenantId: string, campaignId: string) => Promise<Campaign.State | undefined>
  /** A campaign's state with the version of its stream it was folded to; `undefined` when it was never planned. */
  readonly campaignAt: (tenantId: string, campaignId: string) => Promise<Engine.Versioned | undefined>
  /** A tenant's directory of organizations. */
  readonly directory: (tenantId: string) => Promise<Directory.State>
  /** A tenant's events in log order (`for await`); with `live`, follows new ones until you break. */
  readonly events: (options: Engine.EventsOptions) => AsyncIterable<Engine.LoggedEvent>
  /** Runs the workflows once, until nothing more is due at the clock's time. */
  readonly tick: () => Promise<Runner.Report>
  /**
   * May a member or unit receive an award for a period: the verdict `GrantAward` is judged by, on
   * the tenant's commendation record (up to date), its directory and the engine's rulebook.
   * `failures` holds every failing rule as an error of the shape `execute` refuses with (`code` the
   * rule id, `details`, `messages.vi` / `messages.en`); `unknown` the rules the record lacks the
   * facts for. Input that is not a question rejects with `ENGINE-OPTION`.
   */
  readonly eligibility: (query: Engine.EligibilityQuery) => Promise<Eligibility.Verdict>
  /** Every title a member or unit could aim for in a year and what it lacks, with the text in Vietnamese and English. */
  readonly explain: (query: Engine.ExplainQuery) => Promise<Eligibility.Explanation>
  /** A member's or unit's commendation record year by year; empty when the record never met it. */
  readonly record: (query: Engine.RecordQuery) => Promise<Engine.RecordYears>
  /**
   * Stops the workflows and releases the store, once the calls in flight have settled (10 s at
   * most). Live `events` iterations end with `EngineClosed`; calls after it reject with
   * `EngineClosed` (`execute` resolves `{ ok: false, error }`).
   */
  readonly close: () => Promise<void>
}

/**
 * Makes an engine. Every field of the config is optional: `createThiDua()` keeps events in
 * memory, with the standard rulebook and the built-in read models.
 *
 * @example
 * ```ts
 * import { createThiDua } from "@thidua/engine"
 * import { Commands } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const td = await createThiDua({ store: "memory" })
 * const principal = { tenantId: "hanoi", organizationId: "ldld-ha-noi", role: "executive" } as const
 * const register = Commands.registerOrganization({
 *   commandId: "dir-1", tenantId: "hanoi", actor: { organizationId: "ldld-ha-noi", role: "executive" },
 *   at: "2020-01-02", organizationId: "ldld-ha-noi", name: "Liên đoàn Lao động thành phố Hà Nội", level: "federation"
 * })
 * const done = await td.execute(register, { principal })
 * assert.ok(done.ok && done.version === 1)
 * // The same command id again: nothing new is written.
 * const again = await td.execute(register, { principal })
 * assert.ok(again.ok && again.duplicate)
 * // A caller who is not the command's actor is refused.
 * const forged = await td.execute({ ...register, commandId: "dir-2" }, { principal: { ...principal, role: "officer" } })
 * assert.ok(!forged.ok && forged.error.code === "AUTH-PRINCIPAL")
 * await td.close()
 * ```
 *
 * @since 0.5.0
 */
export const createThiDua = async (config: Engine.Config = {}): Promise<ThiDua> => {
  const runtime = ManagedRuntime.make(Engine.layer(config))
  const engine = await runtime.runPromise(Effect.service(Engine.Engine)).catch(async (error: unknown) => {
    await runtime.dispose()
    throw error
  })
  let closed = false
  let closing: Promise<void> | undefined
  let signalClosed: () => void = () => {}
  const closedSignal = new Promise<void>((resolve) => {
    signalClosed = resolve
  })
  // Calls in flight: `close` lets them finish (for a while) before it releases the store.
  let inFlight = 0
  let drained: () => void = () => {}
  const run = async <A, E>(effect: Effect.Effect<A, E>): Promise<A> => {
    if (closed) throw new EngineClosed()
    inFlight++
    try {
      const exit = await runtime.runPromiseExit(effect)
      if (Exit.isSuccess(exit)) return exit.value
      // A call cut short because the engine closed under it (past close's wait) says so.
      throw Cause.hasInterruptsOnly(exit.cause) ? new EngineClosed() : Cause.squash(exit.cause)
    } finally {
      inFlight--
      if (inFlight === 0) drained()
    }
  }
  return {
    execute: async (command, options) => {
      const r: Result.Result<Engine.Executed, Engine.ExecuteError | EngineClosed> = await run(
        Effect.result(engine.execute(command, options))
      ).catch((error: unknown) => {
        if (error instanceof EngineClosed) return Result.fail(error)
        throw error
      })
      return Result.isSuccess(r) ? { ok: true, ...r.success } : { ok: false, error: r.failure }
    },
    executeAll: async (commands, options) => {
      const results = await run(engine.executeAll(commands, options))
      return results.map(
        (r): ExecuteResult => (Result.isSuccess(r) ? { ok: true, ...r.success } : { ok: false, error: r.failure })
      )
    },
    executeOrThrow: (command, options) => run(engine.execute(command, options)),
    read: (model, key) => run(engine.read(model, key)),
    campaign: (tenantId, campaignId) => run(engine.campaign(tenantId, campaignId)),
    campaignAt: (tenantId, campaignId) => run(engine.campaignAt(tenantId, campaignId)),
    directory: (tenantId) => run(engine.directory(tenantId)),
    events: (options) => {
      if (closed) throw new EngineClosed()
      // Checked again when the iteration starts, and ended with EngineClosed when close() comes.
      const stream = Stream.suspend(
        (): Stream.Stream<Engine.LoggedEvent, Engine.ReadError | EngineClosed> =>
          closed ? Stream.fail(new EngineClosed()) : engine.events(options)
      ).pipe(
        Stream.interruptWhen(
          Effect.andThen(
            Effect.promise(() => closedSignal),
            Effect.fail(new EngineClosed())
          )
        )
      )
      return Stream.toAsyncIterable(stream)
    },
    tick: () => run(engine.tick),
    eligibility: (query) => run(engine.eligibility(query)),
    explain: (query) => run(engine.explain(query)),
    record: (query) => run(engine.record(query)),
    close: () => {
      if (closing !== undefined) return closing
      closed = true
      signalClosed()
      const settled = new Promise<void>((resolve) => {
        drained = resolve
        if (inFlight === 0) resolve()
      })
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref())
      closing = Promise.race([settled, deadline]).then(() => runtime.dispose())
      return closing
    }
  }
}
