/**
 * The Decider shape every aggregate follows, and the idempotency that wraps it.
 *
 * A decider is three plain values: the state before anything happened, `decide` (state and
 * command to the events that follow, or the rule that refuses), and `evolve` (state and event to
 * the next state). Both functions are pure and synchronous; stores, runners and workflows wrap
 * them at the edges.
 *
 * @since 0.1.0
 */
import { HashMap, Option, Result } from "effect"

/**
 * A decider over a state `S`, commands `C`, events `E` and errors `Err`.
 *
 * @since 0.1.0
 */
export interface Decider<S, C, E, Err> {
  readonly initialState: S
  readonly decide: (state: S, command: C) => Result.Result<ReadonlyArray<E>, Err>
  readonly evolve: (state: S, event: E) => S
  /**
   * Folds many events at once, to the state `evolve` reaches one at a time: a decider may offer
   * it when it can fold faster than event by event (`Campaign.evolveAll`). {@link fold} uses it.
   *
   * @since 0.7.0
   */
  readonly evolveAll?: (state: S, events: ReadonlyArray<E>) => S
}

/**
 * Folds events into a state, from the initial state or a given one: through the decider's
 * `evolveAll` when it has one and the events are an array, event by event otherwise.
 *
 * **When to use**: rehydrating a stream. A store decodes a page of stored events into an array,
 * then folds it with one call: `Decider.fold(decider, decoded, state)`.
 *
 * @example
 * ```ts
 * import { Decider } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const counter: Decider.Decider<number, "inc", "incremented", never> = {
 *   initialState: 0,
 *   decide: () => Result.succeed(["incremented"]),
 *   evolve: (n) => n + 1
 * }
 * assert.equal(Decider.fold(counter, ["incremented", "incremented"]), 2)
 * ```
 *
 * @since 0.1.0
 */
export const fold = <S, C, E, Err>(decider: Decider<S, C, E, Err>, events: Iterable<E>, from?: S): S => {
  let state = from ?? decider.initialState
  if (decider.evolveAll !== undefined && Array.isArray(events)) return decider.evolveAll(state, events)
  for (const e of events) state = decider.evolve(state, e)
  return state
}

/**
 * A decider's state together with the stream version and what each command id produced, so a
 * command sent twice is answered from memory instead of being decided again.
 *
 * @since 0.1.0
 */
export interface Tracked<S, E> {
  readonly state: S
  readonly version: number
  readonly handled: HashMap.HashMap<string, ReadonlyArray<E>>
}

/** The outcome of handling a command: its events, and whether they were produced earlier. @since 0.1.0 */
export interface Decision<E> {
  readonly events: ReadonlyArray<E>
  readonly duplicate: boolean
}

/**
 * The tracked state before any event.
 *
 * @since 0.1.0
 */
export const track = <S, E>(state: S): Tracked<S, E> => ({ state, version: 0, handled: HashMap.empty() })

/**
 * Folds the events one command produced into a tracked state. Stores call this with the command id
 * they keep in each event's metadata.
 *
 * @since 0.1.0
 */
export const evolveTracked = <S, C, E, Err>(
  decider: Decider<S, C, E, Err>,
  tracked: Tracked<S, E>,
  commandId: string,
  events: ReadonlyArray<E>
): Tracked<S, E> => {
  let state = tracked.state
  for (const e of events) state = decider.evolve(state, e)
  const before = Option.getOrUndefined(HashMap.get(tracked.handled, commandId))
  return {
    state,
    version: tracked.version + events.length,
    handled: HashMap.set(tracked.handled, commandId, before === undefined ? events : [...before, ...events])
  }
}

/**
 * Decides a command with idempotency by command id: a command id seen before returns the events it
 * produced then, marked `duplicate`, and nothing new is decided.
 *
 * @example
 * ```ts
 * import { Decider } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * type Cmd = { readonly commandId: string }
 * const counter: Decider.Decider<number, Cmd, "incremented", never> = {
 *   initialState: 0,
 *   decide: () => Result.succeed(["incremented"]),
 *   evolve: (n) => n + 1
 * }
 * let t = Decider.track<number, "incremented">(0)
 * const first = Result.getOrThrow(Decider.handle(counter, t, { commandId: "c-1" }))
 * t = Decider.evolveTracked(counter, t, "c-1", first.events)
 * const again = Result.getOrThrow(Decider.handle(counter, t, { commandId: "c-1" }))
 * assert.deepEqual(again, { events: ["incremented"], duplicate: true })
 * assert.equal(t.state, 1)
 * ```
 *
 * @since 0.1.0
 */
export const handle = <S, C extends { readonly commandId: string }, E, Err>(
  decider: Decider<S, C, E, Err>,
  tracked: Tracked<S, E>,
  command: C
): Result.Result<Decision<E>, Err> => {
  const seen = Option.getOrUndefined(HashMap.get(tracked.handled, command.commandId))
  if (seen !== undefined) return Result.succeed({ events: seen, duplicate: true })
  return Result.map(decider.decide(tracked.state, command), (events) => ({ events, duplicate: false }))
}
