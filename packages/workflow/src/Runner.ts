/**
 * The runner: hosts process managers and the timer scheduler on any `EventStore`.
 *
 * One `tick` does everything that is due now, until nothing more is: each manager takes the
 * events of its input types from its checkpoint to the log's end (one append per input, to the
 * instance's stream); the timers due on Effect's `Clock` fire, in the order they fall due (after
 * downtime, everything overdue fires once); the commands the managers issued are sent to the
 * command handler, and a refusal is recorded in the process stream (`CommandRefused`). Commands
 * sent lead to events that managers take in turn, so a tick goes round until a round appends
 * nothing. `run` ticks for ever: after each tick it sleeps until the next timer falls due or the
 * log moves, whichever comes first; with several processes, each part (a manager, the timers, the
 * outbox) is ticked by the holder of its lease only.
 *
 * Nothing is lost or done twice when a runner stops anywhere: an input is appended with the
 * instance's version and ids derived from the input (a second append of it appends nothing),
 * checkpoints are saved after the appends they cover, and commands carry ids derived from the
 * process and its input, which the command handler answers once.
 *
 * @since 0.4.0
 */
import { Event, Limits, Rulebook, Stream as Streams, ThiDuaError } from "@thidua/core"
import { type Projection, type Runner as Projections, ReadModelStore } from "@thidua/projections"
import {
  Codec,
  CommandHandler,
  EventStore,
  Position,
  Principal,
  type Recorded,
  StoreError,
  Telemetry,
  Validation
} from "@thidua/store"
import { Clock, Duration, Effect, Result, Stream } from "effect"
import type { SqlError } from "effect/sql"
import * as Calendar from "./Calendar.js"
import { Lease } from "./Lease.js"
import * as Process from "./Process.js"
import type { EventInput, Input, ProcessManager, TimerInput } from "./ProcessManager.js"
import * as Timers from "./Timers.js"
import { ManagerFailed } from "./WorkflowError.js"

/** @since 0.4.0 */
export interface Options {
  // biome-ignore lint/suspicious/noExplicitAny: managers of every state type run side by side
  readonly managers: ReadonlyArray<ProcessManager<any>>
  /** The rulebook of the command handler that sends the managers' commands. */
  readonly rulebook?: Rulebook.Rulebook
  /** Only this tenant's events and timers. */
  readonly tenantId?: string
  /** Events per page read from the store. Default 1,000. */
  readonly batchSize?: number
  /**
   * The command handler the managers' commands go through; by default the runner's own. A host
   * that also sends commands passes its handler, so that a tenant's award decisions are taken one at
   * a time against one commendation record, whoever sends them.
   */
  readonly handler?: CommandHandler.CommandHandler
}

/**
 * What one tick did.
 *
 * @since 0.4.0
 */
export interface Report {
  /** Inputs appended to process streams (events taken, timers fired). */
  readonly inputs: number
  readonly timersFired: number
  readonly commandsSent: number
  readonly commandsRefused: number
}

/** Everything a tick can stop with. @since 0.4.0 */
export type Errors =
  | ManagerFailed
  | StoreError.CorruptEvent
  | StoreError.StoreUnavailable
  | StoreError.InvalidInput
  | StoreError.LimitExceeded
  | StoreError.AppendAborted
  | StoreError.WrongExpectedVersion
  | StoreError.IdempotencyConflict
  | Projections.Errors

/** The parts of the work, each held by one runner at a time. @since 0.4.0 */
export type Part =
  | { readonly _tag: "Manager"; readonly name: string }
  | { readonly _tag: "Timers" }
  | { readonly _tag: "Outbox" }

/** The lease name of a part. @since 0.4.0 */
export const leaseName = (part: Part): string =>
  part._tag === "Manager"
    ? `workflow:manager:${part.name}`
    : part._tag === "Timers"
      ? "workflow:timers"
      : "workflow:outbox"

const checkpointVersion = 1

// Inputs of one instance taken in one append, at most: well within the store's limits per append.
const batchInputs = 100

// A message within the text limit of an event, never cut between the two halves of a pair.
const clip = (text: string): string => {
  const max = Limits.textLength
  if (text.length <= max) return text
  const high = text.charCodeAt(max - 1)
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max)
}

// biome-ignore lint/suspicious/noExplicitAny: see Options.managers
type Any = ProcessManager<any>

// What taking an input did.
interface Taken {
  readonly done: boolean
  readonly commands: number
}

const toNew = (key: string, events: ReadonlyArray<Event.ProcessEvent>): ReadonlyArray<Recorded.NewEvent> =>
  events.map((e, i) => {
    const { _tag, ...data } = e
    return { eventId: `${key}/${i}`, type: _tag, data, schemaVersion: Event.versions[_tag] }
  })

/**
 * Makes a runner over the `EventStore` and `ReadModelStore` in context (the read model store keeps
 * its checkpoints and the timers projection).
 *
 * @since 0.4.0
 */
export const make = (options: Options) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const models = yield* ReadModelStore.ReadModelStore
    // Read once: with telemetry off, no step below creates a span.
    const telemetry = yield* Telemetry.Enabled
    // A step of a manager as a `thidua.workflow.step` span, when telemetry is on.
    const step = <A, E>(
      kind: "input" | "inputs" | "timer" | "send",
      manager: string,
      tenantId: string,
      instanceId: string,
      effect: Effect.Effect<A, E>,
      attributes: Readonly<Record<string, unknown>> = {}
    ): Effect.Effect<A, E> =>
      telemetry
        ? Effect.withSpan(effect, Telemetry.spans.workflowStep, {
            attributes: {
              [Telemetry.attributes.step]: kind,
              [Telemetry.attributes.manager]: manager,
              [Telemetry.attributes.tenant]: tenantId,
              [Telemetry.attributes.instance]: instanceId,
              ...attributes
            }
          })
        : effect
    // No backoff: its waits sleep on the Clock, which a TestClock holds still.
    const handler =
      options.handler ?? (yield* CommandHandler.make({ backoff: 0, rulebook: options.rulebook ?? Rulebook.standard }))
    const readOptions = {
      ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId }),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize })
    }
    // A runner of one tenant keeps checkpoints of its own: runners of other tenants may share the
    // read model store.
    const scope = options.tenantId === undefined ? "" : `@${options.tenantId}`
    const checkpointOf = (name: string) => `workflow-input-${name}${scope}`
    // Leases too: runners of other tenants may share the lease table, each holding its own parts.
    const leaseOf = (part: Part) => `${leaseName(part)}${scope}`
    const outbox = `workflow-outbox${scope}`
    const timersProjection: Projection.Projection<Timers.State> =
      scope === "" ? Timers.projection : { ...Timers.projection, name: `${Timers.projection.name}${scope}` }
    const managers = new Map<string, Any>(options.managers.map((m) => [m.name, m]))
    if (managers.size !== options.managers.length) throw new Error("Two process managers share a name")
    const inputTypes = new Map<string, ReadonlySet<string>>(
      options.managers.map((m) => [m.name, new Set<string>(m.inputs)])
    )
    const instances = new Map<string, Process.Instance<unknown>>()
    let counts = { inputs: 0, timersFired: 0, commandsSent: 0, commandsRefused: 0 }
    let moved = 0
    // The furthest position any part has read: \`run\` wakes when the log moves past it.
    let lastSeen = Position.start

    const keyOf = (manager: Any, tenantId: string, instanceId: string) =>
      `${manager.name}\u0000${tenantId}\u0000${instanceId}`

    const load = (manager: Any, tenantId: string, instanceId: string, refresh: boolean) =>
      Effect.suspend(() => {
        const key = keyOf(manager, tenantId, instanceId)
        const cached = instances.get(key)
        if (cached !== undefined && !refresh) return Effect.succeed(cached)
        const from = cached ?? Process.empty(manager, tenantId, instanceId)
        return Effect.flatMap(store.readStream(tenantId, from.streamId, from.version + 1), (recorded) => {
          const events: Array<Event.ProcessEvent> = []
          for (const r of recorded) {
            const e = Codec.decodeResult(r)
            if (Result.isFailure(e)) return Effect.fail(e.failure)
            events.push(e.success as Event.ProcessEvent)
          }
          const next = Process.evolveAll(manager, from, events)
          if (Result.isFailure(next))
            return Effect.fail(
              new StoreError.CorruptEvent({
                tenantId,
                streamId: from.streamId,
                version: from.version + 1,
                position: recorded[0]?.position ?? Position.start,
                reason: next.failure.message
              })
            )
          instances.set(key, next.success)
          return Effect.succeed(next.success)
        })
      })

    const failed = (manager: Any, instanceId: string, input: Input, cause: unknown) =>
      new ManagerFailed({
        manager: manager.name,
        instanceId,
        input: Process.inputKey(input),
        cause: ThiDuaError.describeCause(cause)
      })

    /**
     * Appends an input and what the manager decided on it, unless the instance took it before:
     * whether it was taken now, and how many commands it issued.
     */
    const take = (
      manager: Any,
      instanceId: string,
      input: Input,
      received: Event.InputReceived | Event.TimerFired
    ): Effect.Effect<Taken, Errors> => {
      const skipped: Taken = { done: false, commands: 0 }
      const attempt = (refresh: boolean, n: number): Effect.Effect<Taken, Errors> =>
        Effect.flatMap(load(manager, input.tenantId, instanceId, refresh), (instance) => {
          const pending = input._tag === "Timer" ? instance.pending.get(input.timerId) : undefined
          const done =
            input._tag === "Event"
              ? input.position <= instance.lastPosition
              : pending?.dueAt !== input.dueAt || pending.scheduled !== input.scheduled
          if (done) return refresh ? Effect.succeed(skipped) : attempt(true, n)
          let events: ReadonlyArray<Event.ProcessEvent>
          let next: Result.Result<Process.Instance<unknown>, unknown>
          try {
            events = Process.record(manager, instance, input, received, manager.decide(instance.state, input))
            next = Process.evolveAll(manager, instance, events)
          } catch (cause) {
            return Effect.fail(failed(manager, instanceId, input, cause))
          }
          if (Result.isFailure(next)) return Effect.fail(failed(manager, instanceId, input, next.failure))
          return store
            .append(input.tenantId, instance.streamId, instance.version, toNew(Process.inputKey(input), events))
            .pipe(
              Effect.matchEffect({
                onFailure: (error): Effect.Effect<Taken, Errors> =>
                  // Another runner moved the instance, or took this very input: read up and judge again.
                  (error._tag === "WrongExpectedVersion" || error._tag === "IdempotencyConflict") && n < 20
                    ? attempt(true, n + 1)
                    : Effect.fail(error),
                onSuccess: (appended) => {
                  // Appended before (same ids, same content): read up; it is then seen as done.
                  if (appended.duplicate) return n < 20 ? attempt(true, n + 1) : Effect.succeed(skipped)
                  instances.set(keyOf(manager, input.tenantId, instanceId), {
                    ...next.success,
                    version: appended.version
                  })
                  moved++
                  counts.inputs++
                  return Effect.succeed({
                    done: true,
                    commands: events.filter((e) => e._tag === "CommandIssued").length
                  })
                }
              })
            )
        })
      return step(
        input._tag === "Timer" ? "timer" : "input",
        manager.name,
        input.tenantId,
        instanceId,
        telemetry
          ? Effect.tap(attempt(false, 0), (taken) =>
              Effect.annotateCurrentSpan({
                [Telemetry.attributes.taken]: taken.done ? "taken" : "skipped",
                [Telemetry.attributes.commandsIssued]: taken.commands
              })
            )
          : attempt(false, 0),
        input._tag === "Event"
          ? { [Telemetry.attributes.toPosition]: input.position }
          : { "thidua.timer_id": input.timerId }
      )
    }

    /**
     * Takes consecutive inputs of one instance in one append (one round trip instead of one per
     * input). Whenever the instance moved meanwhile, or part of the batch was taken before, the
     * inputs are taken one by one instead, each judged on the instance read up.
     */
    const takeMany = (
      manager: Any,
      tenantId: string,
      instanceId: string,
      batch: ReadonlyArray<readonly [EventInput, Event.InputReceived]>
    ): Effect.Effect<void, Errors> => {
      const oneByOne = Effect.forEach(batch, ([input, received]) => take(manager, instanceId, input, received), {
        discard: true
      })
      if (batch.length === 1) return oneByOne
      const many = Effect.flatMap(load(manager, tenantId, instanceId, false), (start) => {
        let instance = start
        let taken = 0
        const all: Array<Recorded.NewEvent> = []
        for (const [input, received] of batch) {
          // A cached instance is never ahead of the store: an input it has taken is taken.
          if (input.position <= instance.lastPosition) continue
          let next: Result.Result<Process.Instance<unknown>, unknown>
          let events: ReadonlyArray<Event.ProcessEvent>
          try {
            events = Process.record(manager, instance, input, received, manager.decide(instance.state, input))
            next = Process.evolveAll(manager, instance, events)
          } catch (cause) {
            return Effect.fail(failed(manager, instanceId, input, cause))
          }
          if (Result.isFailure(next)) return Effect.fail(failed(manager, instanceId, input, next.failure))
          for (const e of toNew(Process.inputKey(input), events)) all.push(e)
          instance = next.success
          taken++
        }
        if (taken === 0) return Effect.void
        return store.append(tenantId, start.streamId, start.version, all).pipe(
          Effect.matchEffect({
            onFailure: (error): Effect.Effect<void, Errors> =>
              error._tag === "WrongExpectedVersion" || error._tag === "IdempotencyConflict"
                ? oneByOne
                : Effect.fail(error),
            onSuccess: (appended) => {
              if (appended.duplicate) return oneByOne
              instances.set(keyOf(manager, tenantId, instanceId), { ...instance, version: appended.version })
              moved++
              counts.inputs += taken
              return Effect.void
            }
          })
        )
      })
      return step("inputs", manager.name, tenantId, instanceId, many, {
        [Telemetry.attributes.eventCount]: batch.length
      })
    }

    const follow = (
      name: string,
      from: Position.Position,
      onPage: (page: ReadonlyArray<Recorded.RecordedEvent>) => Effect.Effect<void, Errors>
    ) =>
      Effect.gen(function* () {
        let position = from
        yield* Stream.runForEachArray(store.readAll(from, readOptions), (page) =>
          Effect.flatMap(onPage(page), () => {
            position = page[page.length - 1]!.position
            if (position > lastSeen) lastSeen = position
            return models.save(name, checkpointVersion, { states: new Map(), position }, new Set())
          })
        )
        return position
      })

    const checkpoint = (name: string) =>
      Effect.map(models.load<never>(name, checkpointVersion), (saved) => saved?.position ?? Position.start)

    /** A manager takes the events of its input types up to the log's end. */
    const inputs = (manager: Any): Effect.Effect<void, Errors> =>
      Effect.gen(function* () {
        const types = inputTypes.get(manager.name)!
        const name = checkpointOf(manager.name)
        yield* follow(name, yield* checkpoint(name), (page) =>
          Effect.suspend(() => {
            // The page's inputs, routed; runs of one instance are taken in one append each.
            const runs: Array<{
              readonly tenantId: string
              readonly instanceId: string
              readonly batch: Array<readonly [EventInput, Event.InputReceived]>
            }> = []
            for (const r of page) {
              if (!types.has(r.type) || Streams.kindOf(r.streamId) === "process") continue
              const decoded = Codec.decodeResult(r)
              if (Result.isFailure(decoded)) return Effect.fail(decoded.failure)
              const at = Calendar.instant(r.recordedAt)
              const input: EventInput = {
                _tag: "Event",
                event: decoded.success as EventInput["event"],
                tenantId: r.tenantId,
                streamId: r.streamId,
                version: r.version,
                position: r.position,
                at
              }
              let instanceId: string | undefined
              try {
                instanceId = manager.route(input)
              } catch (cause) {
                return Effect.fail(failed(manager, "(route)", input, cause))
              }
              if (instanceId === undefined) continue
              const problem = Validation.keyProblem(Streams.process(manager.name, instanceId))
              if (problem !== undefined || instanceId.length === 0)
                return Effect.fail(
                  failed(
                    manager,
                    "(route)",
                    input,
                    `route gave ${JSON.stringify(instanceId)}, which cannot name a stream: it ${problem ?? "is empty"}`
                  )
                )
              const received: Event.InputReceived = {
                _tag: "InputReceived",
                streamId: r.streamId,
                version: r.version,
                position: r.position,
                eventId: r.eventId,
                type: r.type,
                schemaVersion: r.schemaVersion,
                data: r.data,
                at
              } as Event.InputReceived
              const last = runs[runs.length - 1]
              if (
                last !== undefined &&
                last.tenantId === r.tenantId &&
                last.instanceId === instanceId &&
                last.batch.length < batchInputs
              )
                last.batch.push([input, received])
              else runs.push({ tenantId: r.tenantId, instanceId, batch: [[input, received]] })
            }
            return Effect.forEach(runs, (run) => takeMany(manager, run.tenantId, run.instanceId, run.batch), {
              discard: true
            })
          })
        )
      })

    const managerOf = (streamId: string): Any | undefined => {
      const name = streamId.slice("process:".length, streamId.indexOf(":", "process:".length))
      return managers.get(name)
    }

    // The timers projection: loaded from the read model store once, caught up with the log's
    // new events at each round in memory, saved at the end of a tick (it is derived from the log:
    // a copy saved late is caught up again, never wrong).
    let timerStates: Map<string, Timers.State> | undefined
    let timersAt = Position.start
    let timersMoved = false
    const timers = Effect.gen(function* () {
      if (timerStates === undefined) {
        const saved = yield* models.load<Timers.State>(timersProjection.name, timersProjection.version)
        timerStates = new Map(saved?.states ?? [])
        timersAt = saved?.position ?? Position.start
      }
      const states = timerStates
      yield* Stream.runForEachArray(store.readAll(timersAt, readOptions), (page) =>
        Effect.suspend(() => {
          for (const r of page) {
            if (r.type !== "TimerScheduled" && r.type !== "TimerFired" && r.type !== "TimerCancelled") continue
            const decoded = Codec.decodeResult(r)
            if (Result.isFailure(decoded)) return Effect.fail(decoded.failure)
            const key = timersProjection.partition(r)
            const state = states.get(key) ?? timersProjection.init()
            states.set(key, timersProjection.apply(state, decoded.success, r))
          }
          timersAt = page[page.length - 1]!.position
          timersMoved = true
          return Effect.void
        })
      )
      return states
    })
    const saveTimers = Effect.suspend(() =>
      timerStates === undefined || !timersMoved
        ? Effect.void
        : Effect.andThen(
            models.save(timersProjection.name, timersProjection.version, { states: timerStates, position: timersAt }),
            Effect.sync(() => {
              timersMoved = false
            })
          )
    )

    /**
     * Fires the timers due now, in the order they fall due. An instance's timers fire one after
     * the other until one issues commands: what those commands lead to (a phase opened) may change
     * what its next timer decides, so its next waits for the next round.
     */
    const fire: Effect.Effect<void, Errors> = Effect.gen(function* () {
      const states = yield* timers
      const now = Calendar.instant(yield* Clock.currentTimeMillis)
      const due = [...states.values()].flatMap((s) => Timers.due(s, now)).sort(Timers.byDue)
      const waiting = new Set<string>()
      for (const t of due) {
        const manager = managerOf(t.streamId)
        // A timer of a manager this runner does not host is another runner's.
        if (manager === undefined) continue
        const key = `${t.tenantId}\u0000${t.streamId}`
        if (waiting.has(key)) continue
        const instanceId = t.streamId.slice(`process:${manager.name}:`.length)
        const input: TimerInput = {
          _tag: "Timer",
          tenantId: t.tenantId,
          timerId: t.timerId,
          dueAt: t.dueAt,
          reason: t.reason,
          firedAt: now,
          scheduled: t.scheduled
        }
        const taken = yield* take(manager, instanceId, input, {
          _tag: "TimerFired",
          timerId: t.timerId,
          dueAt: t.dueAt,
          firedAt: now
        } as Event.TimerFired)
        if (taken.done) counts.timersFired++
        if (taken.commands > 0) waiting.add(key)
      }
    })

    /** Sends the commands the managers issued, and records the refusals. */
    const send: Effect.Effect<void, Errors> = Effect.gen(function* () {
      yield* follow(outbox, yield* checkpoint(outbox), (page) =>
        Effect.forEach(
          page,
          (r) => {
            // Every manager's commands, hosted here or not: sending needs only the command, and
            // the outbox is one part, held by one runner.
            if (r.type !== "CommandIssued" || Streams.kindOf(r.streamId) !== "process") return Effect.void
            return Effect.flatMap(Codec.decode(r), (e) => {
              const command = (e as Event.CommandIssued).command
              const principal = Principal.trustClaim(command)
              const sending: Effect.Effect<{ readonly duplicate: boolean }, CommandHandler.HandleError> =
                "campaignId" in command
                  ? handler.campaign(command, { principal })
                  : handler.directory(command, { principal })
              const at = r.streamId.indexOf(":", "process:".length)
              const manager = r.streamId.slice("process:".length, at)
              const sent = step("send", manager, r.tenantId, r.streamId.slice(at + 1), sending, {
                [Telemetry.attributes.commandId]: command.commandId,
                [Telemetry.attributes.commandType]: command._tag
              })
              return sent.pipe(
                Effect.matchEffect({
                  onSuccess: (handled) => {
                    if (!handled.duplicate) {
                      moved++
                      counts.commandsSent++
                    }
                    return Effect.void
                  },
                  onFailure: (error): Effect.Effect<void, Errors> => {
                    // The store is down, or writers kept colliding: stop, and send it again later.
                    if (
                      error._tag === "StoreUnavailable" ||
                      error._tag === "WrongExpectedVersion" ||
                      error._tag === "CorruptEvent"
                    )
                      return Effect.fail(error)
                    // Its content is derived from the command's record alone (dated when the command
                    // was issued), so a runner that sends it again records the same refusal.
                    return Effect.suspend(() =>
                      store
                        .append(r.tenantId, r.streamId, "any", [
                          {
                            eventId: `refused:${command.commandId}`,
                            type: "CommandRefused",
                            data: {
                              commandId: command.commandId,
                              code: error.code,
                              message: { vi: clip(error.messages.vi), en: clip(error.messages.en) },
                              at: Calendar.instant(r.recordedAt)
                            },
                            schemaVersion: 1
                          }
                        ])
                        .pipe(
                          Effect.tap((appended) =>
                            Effect.sync(() => {
                              if (!appended.duplicate) {
                                moved++
                                counts.commandsRefused++
                              }
                            })
                          ),
                          Effect.asVoid,
                          // Recorded before by another sending (its content may differ when it was
                          // recorded by an earlier version): the refusal is on record.
                          Effect.catchTag("IdempotencyConflict", () => Effect.void)
                        )
                    )
                  }
                })
              )
            })
          },
          { discard: true }
        )
      )
    })

    const round = (held: (part: Part) => boolean) =>
      Effect.gen(function* () {
        for (const manager of managers.values())
          if (held({ _tag: "Manager", name: manager.name })) yield* inputs(manager)
        if (held({ _tag: "Timers" })) yield* fire
        if (held({ _tag: "Outbox" })) yield* send
      })

    const tickHeld = (held: (part: Part) => boolean): Effect.Effect<Report, Errors> =>
      Effect.gen(function* () {
        counts = { inputs: 0, timersFired: 0, commandsSent: 0, commandsRefused: 0 }
        // Rounds until one moves nothing: what one part appends is another's input.
        for (;;) {
          const before = moved
          yield* round(held)
          if (moved === before) break
        }
        if (held({ _tag: "Timers" })) yield* saveTimers
        return counts
      })

    /** When the next pending timer falls due, if any. */
    /** When the next pending timer of a manager this runner hosts falls due, if any. */
    const nextDue = Effect.map(timers, (states) => {
      let next: string | undefined
      for (const s of states.values())
        for (const t of Timers.upcoming(s))
          if (managerOf(t.streamId) !== undefined) {
            if (next === undefined || t.dueAt < next) next = t.dueAt
            break
          }
      return next
    })

    // A runner's name in its leases: the host's, or one made once for this runner.
    const anonymous = `runner-${globalThis.crypto.randomUUID()}`
    const holderOf = (o: { readonly holder?: string }) => o.holder ?? anonymous

    return {
      /**
       * Does everything due now, until nothing more is: inputs, timers, commands. For tests and
       * for hosts that drive the engine themselves (a cron job, a serverless function).
       */
      tick: tickHeld(() => true),
      /**
       * Ticks for ever (fork it). With a `Lease` service in context, a part is ticked only by the
       * runner that holds its lease; leases are renewed every `idle` (default a third of `ttl`,
       * 15 s) by a heartbeat apart from the ticks, and given up when the runner stops. `holder`
       * names this runner.
       */
      run: (
        runOptions: { readonly holder?: string; readonly ttl?: Duration.Input; readonly idle?: Duration.Input } = {}
      ) =>
        Effect.gen(function* () {
          const lease = yield* Effect.serviceOption(Lease)
          const holder = holderOf(runOptions)
          const ttl = Duration.toMillis(Duration.fromInputUnsafe(runOptions.ttl ?? "15 seconds"))
          // Wakes at least this often: to renew leases, and to take over a part whose holder died.
          const idle = Duration.toMillis(Duration.fromInputUnsafe(runOptions.idle ?? Duration.millis(ttl / 3)))
          const parts: ReadonlyArray<string> = [
            ...[...managers.keys()].map((name) => leaseOf({ _tag: "Manager", name })),
            leaseOf({ _tag: "Timers" }),
            leaseOf({ _tag: "Outbox" })
          ]
          let held: ReadonlySet<string> = new Set(parts)
          if (lease._tag === "Some") {
            const renew = Effect.gen(function* () {
              const next = new Set<string>()
              for (const name of parts) if (yield* lease.value.acquire(name, holder, ttl)) next.add(name)
              held = next
            }).pipe(
              // A lease store that cannot be reached holds nothing for this runner: it stops
              // ticking until it can renew again.
              Effect.catch(() =>
                Effect.sync(() => {
                  held = new Set()
                })
              )
            )
            yield* renew
            // Heartbeats apart from the ticks: a long tick (a catch-up) keeps its leases.
            yield* Effect.forkChild(Effect.forever(Effect.andThen(Effect.sleep(Duration.millis(idle)), renew)))
          }
          for (;;) {
            const holding = held
            yield* tickHeld((part) => holding.has(leaseOf(part)))
            const now = yield* Clock.currentTimeMillis
            // Only the timers this runner fires wake it; one still overdue after a tick is not
            // its to fire (its manager is elsewhere), and waits for the idle wake-up.
            const due = holding.has(leaseOf({ _tag: "Timers" })) ? yield* nextDue : undefined
            const untilDue = due === undefined || Date.parse(due) <= now ? idle : Math.min(idle, Date.parse(due) - now)
            // The log's end now: what this runner appended, and what the parts it does not hold
            // moved, are not news to wake for.
            yield* Stream.runForEachArray(store.readAll(lastSeen, readOptions), (page) =>
              Effect.sync(() => {
                lastSeen = page[page.length - 1]!.position
              })
            )
            // Sleeps until the next timer falls due, or the log moves past its end.
            yield* Effect.raceFirst(
              Effect.sleep(Duration.millis(untilDue)),
              Stream.runDrain(Stream.take(store.subscribe(lastSeen, readOptions), 1))
            )
          }
        }).pipe(
          // A runner stopped gives its parts up at once, rather than when its leases expire.
          Effect.ensuring(
            Effect.flatMap(Effect.serviceOption(Lease), (lease) =>
              lease._tag === "None"
                ? Effect.void
                : Effect.ignore(
                    Effect.forEach(
                      [
                        ...[...managers.keys()].map((name): Part => ({ _tag: "Manager", name })),
                        { _tag: "Timers" } as Part,
                        { _tag: "Outbox" } as Part
                      ],
                      (part) => lease.value.release(leaseOf(part), holderOf(runOptions)),
                      { discard: true }
                    )
                  )
            )
          )
        ) as Effect.Effect<never, Errors | SqlError.SqlError>,
      /** An instance as its stream stands now. */
      instance: <S>(manager: ProcessManager<S>, tenantId: string, instanceId: string) =>
        Effect.map(load(manager, tenantId, instanceId, true), (i) => i as Process.Instance<S>)
    }
  })

/** A runner. @since 0.4.0 */
export type Runner = Effect.Success<ReturnType<typeof make>>
