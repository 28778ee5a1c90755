/**
 * Replay: a recorded process stream against a (new version of a) process manager. At each input
 * the stream recorded (an event taken, a timer fired), the manager decides again on the state
 * before it, and what it decides now is compared with what was recorded after that input. A
 * manager whose decisions are unchanged replays its history `Same`; one that changed names the
 * first input on which it decides otherwise, and how.
 *
 * This is what makes a new version of a manager safe to deploy over running instances: their
 * streams hold their inputs, so the new decisions can be checked against every one of them
 * before it takes over.
 *
 * @since 0.4.0
 */
import { type Event, Stream } from "@thidua/core"
import { Codec, type Recorded } from "@thidua/store"
import { Process, type ProcessManager } from "@thidua/workflow"
import { Result } from "effect"

/**
 * A recorded process stream: the process events of one instance, as values, or as a store
 * recorded them (they are decoded with `Codec`).
 *
 * @since 0.4.0
 */
export type History = ReadonlyArray<Event.ProcessEvent> | ReadonlyArray<Recorded.RecordedEvent>

/**
 * Who the instance is. Command ids are derived from the tenant and the instance, and inputs carry
 * the tenant, so a replay needs both. From recorded events they are read from the records;
 * from bare process events, the tenant is taken from the first command issued and the instance
 * from the manager's `route` of the first event input, unless given here.
 *
 * @since 0.4.0
 */
export interface Options {
  readonly tenantId?: string
  readonly instanceId?: string
}

/**
 * Every input decided the same as recorded. `steps`: the inputs replayed.
 *
 * @since 0.4.0
 */
export interface Same {
  readonly _tag: "Same"
  readonly steps: number
}

/**
 * The first input on which the manager decides otherwise.
 *
 * @since 0.4.0
 */
export interface Diverged {
  readonly _tag: "Diverged"
  /** Which input, counting the stream's inputs from 1. */
  readonly step: number
  /** The input's key (`Process.inputKey`): `in:<position>` or `timer:<id>@<dueAt>#<version set>`. */
  readonly input: string
  /** What the stream recorded on it: the input, then what was decided (`CommandRefused` left out). */
  readonly expected: ReadonlyArray<Event.ProcessEvent>
  /** What the manager decides on it now, recorded the same way. */
  readonly actual: ReadonlyArray<Event.ProcessEvent>
  /** Which input, and the first event that differs, in English. */
  readonly message: string
}

/** @since 0.4.0 */
export type Outcome = Same | Diverged

const inputs = new Set<string>(["InputReceived", "TimerFired"])

const isRecorded = (e: Event.ProcessEvent | Recorded.RecordedEvent): e is Recorded.RecordedEvent => !("_tag" in e)

// Key order aside, as the events would be stored (an absent key and an undefined one are alike).
const canonical = (u: unknown): string =>
  JSON.stringify(u, (_, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]])
        )
      : v
  )

const show = (e: Event.ProcessEvent | undefined): string => {
  if (e === undefined) return "nothing"
  const { _tag, ...data } = e
  return `${_tag} ${canonical(data)}`
}

const ordinal = (n: number): string => {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")
  return `${n}${suffix}`
}

/** The process events of a history, decoded when recorded; and who the instance is, when it says. */
const decodeHistory = (
  history: History,
  managerName: string
): { readonly events: ReadonlyArray<Event.ProcessEvent>; readonly tenantId?: string; readonly instanceId?: string } => {
  const first = history[0]
  if (first === undefined || !isRecorded(first)) return { events: history as ReadonlyArray<Event.ProcessEvent> }
  const prefix = `process:${managerName}:`
  const events = (history as ReadonlyArray<Recorded.RecordedEvent>).map((r) => {
    if (r.streamId !== first.streamId || r.tenantId !== first.tenantId)
      throw new Error(
        `A replay takes one process stream: ${first.tenantId}/${first.streamId} and ${r.tenantId}/${r.streamId}`
      )
    if (Stream.kindOf(r.streamId) !== "process") throw new Error(`Not a process stream: ${r.streamId}`)
    const decoded = Codec.decodeResult(r)
    if (Result.isFailure(decoded)) throw decoded.failure
    return decoded.success as Event.ProcessEvent
  })
  return {
    events,
    tenantId: first.tenantId,
    ...(first.streamId.startsWith(prefix) ? { instanceId: first.streamId.slice(prefix.length) } : {})
  }
}

/**
 * Replays a recorded process stream against a manager: at each input, what the manager decides
 * now (`Process.record` of its `decide` on the state before the input) against what was recorded
 * after that input up to the next one. `CommandRefused` is left out of the comparison (the runner
 * records it later, when the command handler answers) but folded where it stands.
 *
 * **When to use**: before deploying a new version of a manager, over the streams of its running
 * instances; in tests, over a stream recorded by driving the manager through a scenario.
 *
 * **Details**: events are compared as they would be stored (key order aside). The state is
 * folded from what was recorded, so the comparison stops at the first input that differs: after
 * it, the new version's instance would not be the recorded one.
 * An input whose event no longer decodes is a divergence; records of more than one stream, or a
 * record that does not decode as a process event, throw (the history is not one to replay).
 *
 * @example
 * ```ts
 * import { Replay } from "@thidua/testing"
 * import { Calendar, ProcessManager } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * // A manager that sets a timer for the end of each phase scheduled; version 2 a day later.
 * const closer = (version: number, extraDays: number) =>
 *   ProcessManager.make<null>({
 *     name: "closer",
 *     version,
 *     inputs: ["PhaseScheduled"],
 *     route: (input) => input.streamId.slice("campaign:".length),
 *     initialState: null,
 *     decide: (_, input) => {
 *       if (input._tag !== "Event" || input.event._tag !== "PhaseScheduled") return {}
 *       const dueAt = Calendar.instant(Date.parse(Calendar.endOfDay(input.event.end)) + extraDays * 86_400_000)
 *       return { timers: [{ _tag: "Schedule", timerId: `close:${input.event.phaseId}`, dueAt, reason: "closes" }] }
 *     },
 *     evolve: (s) => s
 *   })
 *
 * const history = [
 *   {
 *     _tag: "InputReceived", streamId: "campaign:hm-2020", version: 3, position: "00000000000000000003", eventId: "e-3",
 *     type: "PhaseScheduled", schemaVersion: 1, at: "2019-12-20T02:00:00.000Z",
 *     data: { phaseId: "dot-1", name: "Đợt 1", kind: "regular", start: "2020-01-01", end: "2020-06-30" }
 *   },
 *   { _tag: "TimerScheduled", timerId: "close:dot-1", dueAt: "2020-06-30T17:00:00.000Z", reason: "closes" }
 * ] as const
 *
 * assert.deepEqual(Replay.replay(history as never, closer(1, 0)), { _tag: "Same", steps: 1 })
 * const changed = Replay.replay(history as never, closer(2, 1))
 * assert.equal(changed._tag === "Diverged" && changed.step, 1)
 * assert.equal(changed._tag === "Diverged" && changed.input, "in:00000000000000000003")
 * ```
 *
 * @since 0.4.0
 */
export const replay = <S>(
  history: History,
  manager: ProcessManager.ProcessManager<S>,
  options: Options = {}
): Outcome => {
  const decoded = decodeHistory(history, manager.name)
  const events = decoded.events
  const tenantId =
    options.tenantId ??
    decoded.tenantId ??
    (events.find((e) => e._tag === "CommandIssued") as Event.CommandIssued | undefined)?.command.tenantId ??
    ""
  let instance = Process.empty(manager, tenantId, options.instanceId ?? decoded.instanceId ?? "")
  const who = `"${manager.name}" (version ${manager.version})`
  let steps = 0
  let i = 0
  // Whatever stands before the first input (nothing, in a stream a runner wrote) is folded as is.
  while (i < events.length && !inputs.has(events[i]!._tag)) i++
  const folded = Process.evolveAll(manager, instance, events.slice(0, i))
  if (Result.isFailure(folded)) throw folded.failure
  instance = folded.success

  while (i < events.length) {
    const received = events[i] as Event.InputReceived | Event.TimerFired
    let end = i + 1
    while (end < events.length && !inputs.has(events[end]!._tag)) end++
    const group = events.slice(i, end)
    const expected = group.filter((e) => e._tag !== "CommandRefused")
    steps++

    let input: ProcessManager.Input
    if (received._tag === "InputReceived") {
      const read = Process.inputOf(instance.tenantId, received)
      if (Result.isFailure(read)) {
        const key = `in:${received.position}`
        return {
          _tag: "Diverged",
          step: steps,
          input: key,
          expected,
          actual: [],
          message: `Replay of ${who} stopped at input ${steps} (${key}): its ${received.type} no longer decodes: ${read.failure.message}`
        }
      }
      input = read.success
      if (instance.instanceId === "") {
        const routed = manager.route(input)
        if (routed !== undefined)
          instance = { ...instance, instanceId: routed, streamId: Stream.process(manager.name, routed) }
      }
    } else {
      input = {
        _tag: "Timer",
        tenantId: instance.tenantId,
        timerId: received.timerId,
        dueAt: received.dueAt,
        reason: instance.pending.get(received.timerId)?.reason ?? "",
        firedAt: received.firedAt,
        scheduled: instance.pending.get(received.timerId)?.scheduled ?? 0
      }
    }
    const key = Process.inputKey(input)
    const actual = Process.record(manager, instance, input, received, manager.decide(instance.state, input))

    const length = Math.max(expected.length, actual.length)
    for (let n = 0; n < length; n++) {
      if (canonical(expected[n]) === canonical(actual[n])) continue
      const tags = (es: ReadonlyArray<Event.ProcessEvent>) => `[${es.map((e) => e._tag).join(", ")}]`
      return {
        _tag: "Diverged",
        step: steps,
        input: key,
        expected,
        actual,
        message:
          `Replay of ${who} diverged at input ${steps} (${key}): the ${ordinal(n + 1)} event recorded on it differs.\n` +
          `  recorded: ${show(expected[n])}\n` +
          `  decided:  ${show(actual[n])}\n` +
          `  (recorded ${tags(expected)}, decided ${tags(actual)})`
      }
    }

    const next = Process.evolveAll(manager, instance, group)
    if (Result.isFailure(next)) throw next.failure
    instance = next.success
    i = end
  }
  return { _tag: "Same", steps }
}

/**
 * Replays a history and throws an `Error` with the divergence's message when the manager
 * decides otherwise on any input: for tests.
 *
 * @example
 * ```ts
 * import { Replay } from "@thidua/testing"
 * import { ProcessManager } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const history = [{
 *   _tag: "InputReceived", streamId: "campaign:hm-2020", version: 2, position: "00000000000000000002", eventId: "e-2",
 *   type: "CampaignLaunched", schemaVersion: 1, at: "2020-01-02T02:00:00.000Z", data: { at: "2020-01-02" }
 * }]
 * const quiet = ProcessManager.make<null>({
 *   name: "quiet", version: 1, inputs: ["CampaignLaunched"], route: () => "hm-2020",
 *   initialState: null, decide: () => ({}), evolve: (s) => s
 * })
 * const noisy = ProcessManager.make<null>({
 *   ...quiet, version: 2,
 *   decide: () => ({ events: [{ _tag: "ProcessNoted", note: "launched", data: {} }] })
 * })
 * Replay.assertSame(history as never, quiet)
 * assert.throws(() => Replay.assertSame(history as never, noisy), /diverged at input 1 \(in:00000000000000000002\)/)
 * ```
 *
 * @since 0.4.0
 */
export const assertSame = <S>(
  history: History,
  manager: ProcessManager.ProcessManager<S>,
  options: Options = {}
): void => {
  const outcome = replay(history, manager, options)
  if (outcome._tag === "Diverged") throw new Error(outcome.message)
}
