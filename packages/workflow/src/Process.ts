/**
 * One instance of a process manager, as its stream records it, and the pure steps the runner
 * takes with it: fold the stream into the instance, and turn an input and the manager's decision
 * into the events appended together (the input first, then what was decided on it).
 *
 * Everything an input leads to gets an id derived from the instance and the input: event ids
 * (`<input>/<n>`), so that appending the same input twice appends nothing, and command ids, so
 * that the command handler answers a command sent twice once.
 *
 * @since 0.4.0
 */
import { type Event, Stream, Upcast } from "@thidua/core"
import { CommandHandler } from "@thidua/store"
import { Result } from "effect"
import type { Decision, EventInput, Input, ProcessManager, Step, TimerInput } from "./ProcessManager.js"

/**
 * A pending timer of an instance.
 *
 * @since 0.4.0
 */
export interface Pending {
  readonly dueAt: Event.Instant
  readonly reason: string
  /** The version of the stream at which it was set. */
  readonly scheduled: number
}

/**
 * An instance: the manager's state, and what the runner keeps beside it.
 *
 * @since 0.4.0
 */
export interface Instance<S> {
  readonly tenantId: string
  readonly instanceId: string
  readonly streamId: string
  readonly state: S
  /** The version of its stream. */
  readonly version: number
  /** The global position of the last event input it took: inputs at or before it are done. */
  readonly lastPosition: string
  /** Timers set and not yet fired or cancelled. */
  readonly pending: ReadonlyMap<string, Pending>
}

/**
 * An instance with nothing recorded yet.
 *
 * @since 0.4.0
 */
export const empty = <S>(manager: ProcessManager<S>, tenantId: string, instanceId: string): Instance<S> => ({
  tenantId,
  instanceId,
  streamId: Stream.process(manager.name, instanceId),
  state: manager.initialState,
  version: 0,
  lastPosition: "",
  pending: new Map()
})

/**
 * The event input an `InputReceived` records, decoded (and upcast) as the event is today.
 *
 * @since 0.4.0
 */
export const inputOf = (
  tenantId: string,
  received: Event.InputReceived
): Result.Result<EventInput, Upcast.EventDecodeError> => {
  const decoded = Upcast.decode(received.type, received.schemaVersion, received.data)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
  return Result.succeed({
    _tag: "Event",
    event: decoded.success as EventInput["event"],
    tenantId,
    streamId: received.streamId,
    version: received.version,
    position: received.position,
    at: received.at
  })
}

/**
 * Folds recorded process events into an instance. An `InputReceived` whose event no longer reads
 * fails with the decoding error.
 *
 * @since 0.4.0
 */
export const evolveAll = <S>(
  manager: ProcessManager<S>,
  instance: Instance<S>,
  events: ReadonlyArray<Event.ProcessEvent>
): Result.Result<Instance<S>, Upcast.EventDecodeError> => {
  let state = instance.state
  let lastPosition = instance.lastPosition
  const pending = new Map(instance.pending)
  let version = instance.version
  for (const e of events) {
    version++
    let step: Step
    switch (e._tag) {
      case "InputReceived": {
        const input = inputOf(instance.tenantId, e)
        if (Result.isFailure(input)) return Result.fail(input.failure)
        step = input.success
        lastPosition = e.position
        break
      }
      case "TimerFired": {
        const timer: TimerInput = {
          _tag: "Timer",
          tenantId: instance.tenantId,
          timerId: e.timerId,
          dueAt: e.dueAt,
          reason: pending.get(e.timerId)?.reason ?? "",
          firedAt: e.firedAt,
          scheduled: pending.get(e.timerId)?.scheduled ?? 0
        }
        pending.delete(e.timerId)
        step = timer
        break
      }
      case "TimerScheduled":
        pending.set(e.timerId, { dueAt: e.dueAt, reason: e.reason, scheduled: version })
        step = e
        break
      case "TimerCancelled":
        pending.delete(e.timerId)
        step = e
        break
      default:
        step = e
    }
    state = manager.evolve(state, step)
  }
  return Result.succeed({ ...instance, state, version: instance.version + events.length, lastPosition, pending })
}

/**
 * The key of an input within its instance: the event's global position, or the timer, the instant
 * it fell due and the version at which it was set (a timer set again is another input).
 *
 * @since 0.4.0
 */
export const inputKey = (input: Input): string =>
  input._tag === "Event" ? `in:${input.position}` : `timer:${input.timerId}@${input.dueAt}#${input.scheduled}`

/**
 * The id of the n-th command decided on an input: `wf.<manager>.<hash>.<n>`, the hash of the
 * tenant, the instance and the input, so that it is the same whoever decides it again.
 *
 * @example
 * ```ts
 * import { Process } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const a = Process.commandId("calendar", "hanoi", "hm-2020", "in:00000000000000000007", 0)
 * assert.equal(a, Process.commandId("calendar", "hanoi", "hm-2020", "in:00000000000000000007", 0))
 * assert.notEqual(a, Process.commandId("calendar", "hanoi", "hm-2020", "in:00000000000000000007", 1))
 * assert.match(a, /^wf\.calendar\.[0-9a-f]{16}\.0$/)
 * ```
 *
 * @since 0.4.0
 */
export const commandId = (manager: string, tenantId: string, instanceId: string, key: string, n: number): string =>
  `wf.${manager}.${CommandHandler.digest({ _tag: "k", tenantId, instanceId, key } as { readonly _tag: string }).slice(2)}.${n}`

/**
 * The process events that record an input and what the manager decided on it, in the order they
 * are appended: the input, the commands, the timers, the manager's own events. A timer set again
 * while pending moves (it is recorded as set again); cancelling a timer that is not pending
 * records nothing.
 *
 * @since 0.4.0
 */
export const record = <S>(
  manager: ProcessManager<S>,
  instance: Instance<S>,
  input: Input,
  received: Event.InputReceived | Event.TimerFired,
  decision: Decision
): ReadonlyArray<Event.ProcessEvent> => {
  const key = inputKey(input)
  const out: Array<Event.ProcessEvent> = [received]
  const commands = decision.commands ?? []
  for (let i = 0; i < commands.length; i++) {
    const id = commandId(manager.name, instance.tenantId, instance.instanceId, key, i)
    // Not `make`: a command the schemas refuse is the store's to refuse, as an `InvalidInput`.
    out.push({ _tag: "CommandIssued", commandId: id, command: { ...commands[i]!, commandId: id } } as never)
  }
  const pending = new Set(instance.pending.keys())
  if (input._tag === "Timer") pending.delete(input.timerId)
  for (const t of decision.timers ?? []) {
    if (t._tag === "Schedule") {
      out.push({ _tag: "TimerScheduled", timerId: t.timerId, dueAt: t.dueAt, reason: t.reason })
      pending.add(t.timerId)
    } else if (pending.delete(t.timerId)) out.push({ _tag: "TimerCancelled", timerId: t.timerId })
  }
  for (const e of decision.events ?? []) out.push(e)
  return out
}
