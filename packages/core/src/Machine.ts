/**
 * State machines as data: typed states, transitions named by the command or event that takes
 * them, guards that refuse with a reason in English and Vietnamese, and a Mermaid drawing.
 * `Lifecycle` writes the campaign's machines with it; process managers write theirs the same way.
 *
 * A machine answers two questions. While deciding, `step` says where a command leads from a state
 * with the context the guards read, or why it is refused. While folding, `after` says where a
 * recorded step led: an event is a fact, its guard was checked when it was decided, so folds read
 * no guards and never fail.
 *
 * `check` lists what is wrong with a machine's data (undeclared states, terminal states that
 * move, unreachable states), so a test can hold every machine to it.
 *
 * @since 0.4.0
 */
import { Result } from "effect"

/**
 * Why a guard refuses: a stable code (a rule id where there is one) and the message in both
 * languages.
 *
 * @since 0.4.0
 */
export interface Reason {
  readonly code: string
  readonly en: string
  readonly vi: string
}

/**
 * A named condition on a transition: `check` reads the context and returns `undefined` when the
 * transition may be taken, or the reason it may not.
 *
 * **When to use**: for a condition that depends on more than the state, such as a date, a count
 * or a setting of the rulebook. A condition on the state alone is a transition that is absent.
 *
 * @example
 * ```ts
 * import { Machine } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const quorum: Machine.Guard<{ readonly present: number }> = {
 *   name: "quorum",
 *   check: ({ present }) =>
 *     present >= 5 ? undefined : { code: "T7", en: "No quorum.", vi: "Không đủ số thành viên." }
 * }
 * assert.equal(quorum.check({ present: 5 }), undefined)
 * assert.equal(quorum.check({ present: 2 })?.code, "T7")
 * ```
 *
 * @since 0.4.0
 */
export interface Guard<C> {
  readonly name: string
  readonly check: (context: C) => Reason | undefined
}

/**
 * A transition: in state `from`, `on` leads to state `to`, when its guard (if any) passes.
 *
 * @since 0.1.0
 */
export interface Transition<S extends string, On extends string, C = void> {
  readonly from: S
  readonly on: On
  readonly to: S
  readonly guard?: Guard<C>
}

/**
 * What `make` reads: the machine's name, states, initial state, terminal states and transitions.
 * `entries` lists the states an instance may also start in besides `initial` (a covenant pledge
 * starts Signed, a registration Submitted).
 *
 * @since 0.4.0
 */
export interface Spec<S extends string, On extends string, C = void> {
  readonly name: string
  readonly initial: S
  readonly entries?: ReadonlyArray<S>
  readonly states: ReadonlyArray<S>
  readonly terminal: ReadonlyArray<S>
  readonly transitions: ReadonlyArray<Transition<S, On, C>>
}

/**
 * Why `step` refuses: `NotAllowed` when no transition leaves `from` on `on`, `Guarded` when there
 * are some and every guard refused; `guard` and `reason` are those of the first one declared.
 *
 * @since 0.4.0
 */
export type Refusal<S extends string, On extends string> =
  | { readonly _tag: "NotAllowed"; readonly from: S; readonly on: On }
  | { readonly _tag: "Guarded"; readonly from: S; readonly on: On; readonly guard: string; readonly reason: Reason }

/**
 * A state machine over states `S`, steps `On` and the context `C` its guards read.
 *
 * - `next(from, on)`: the state `on` leads to, or `undefined` when no transition leaves `from` on
 *   `on`. Guards are not read: with several transitions for the same `from` and `on`, the first
 *   declared answers. Use `step` to read the guards.
 * - `after(from, on)`: `next(from, on) ?? from`, total, for folds over recorded events.
 * - `step(from, on, context)`: as `Machine.step`.
 *
 * @since 0.1.0
 */
export interface Machine<S extends string, On extends string, C = void> extends Spec<S, On, C> {
  readonly entries: ReadonlyArray<S>
  /** The state `on` leads to from `from`, or `undefined` when the machine has no such transition; guards are not read. */
  readonly next: (from: S, on: On) => S | undefined
  /** The state after `on` from `from`; the state stays when the machine has no such transition (for folds). */
  readonly after: (from: S, on: On) => S
  /** The state `on` leads to from `from` in `context`, or why it may not: as `Machine.step`. */
  readonly step: (from: S, on: On, context: C) => Result.Result<S, Refusal<S, On>>
}

const notAllowed = <S extends string, On extends string>(from: S, on: On): Refusal<S, On> => ({
  _tag: "NotAllowed",
  from,
  on
})

/**
 * Makes a machine from its transitions. Lookups go through nested maps built once here, so `next`
 * and `after` allocate nothing, in folds that run millions of times.
 *
 * @example
 * ```ts
 * import { Machine } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const door = Machine.make({
 *   name: "Door",
 *   initial: "Closed",
 *   states: ["Closed", "Open"],
 *   terminal: [],
 *   transitions: [
 *     { from: "Closed", on: "OpenDoor", to: "Open" },
 *     { from: "Open", on: "CloseDoor", to: "Closed" }
 *   ]
 * })
 * assert.equal(door.next("Closed", "OpenDoor"), "Open")
 * assert.equal(door.next("Open", "OpenDoor"), undefined)
 * assert.equal(door.after("Open", "OpenDoor"), "Open")
 * ```
 *
 * @since 0.1.0
 */
export const make = <S extends string, On extends string, C = void>(spec: Spec<S, On, C>): Machine<S, On, C> => {
  const targets = new Map<S, Map<On, S>>()
  const candidates = new Map<S, Map<On, Array<Transition<S, On, C>>>>()
  for (const t of spec.transitions) {
    const row = targets.get(t.from) ?? new Map<On, S>()
    // The first transition declared answers `next`, as it wins in `step` when its guard passes.
    if (!row.has(t.on)) row.set(t.on, t.to)
    targets.set(t.from, row)
    const all = candidates.get(t.from) ?? new Map<On, Array<Transition<S, On, C>>>()
    all.set(t.on, [...(all.get(t.on) ?? []), t])
    candidates.set(t.from, all)
  }
  return {
    name: spec.name,
    initial: spec.initial,
    entries: spec.entries ?? [],
    states: spec.states,
    terminal: spec.terminal,
    transitions: spec.transitions,
    next: (from, on) => targets.get(from)?.get(on),
    after: (from, on) => targets.get(from)?.get(on) ?? from,
    step: (from, on, context) => {
      const ts = candidates.get(from)?.get(on)
      if (ts === undefined) return Result.fail(notAllowed(from, on))
      let refused: Refusal<S, On> | undefined
      for (const t of ts) {
        if (t.guard === undefined) return Result.succeed(t.to)
        const reason = t.guard.check(context)
        if (reason === undefined) return Result.succeed(t.to)
        refused ??= { _tag: "Guarded", from, on, guard: t.guard.name, reason }
      }
      return Result.fail(refused ?? notAllowed(from, on))
    }
  }
}

/**
 * The state `on` leads to from `from` in `context`, or the refusal: `NotAllowed` when no transition
 * leaves `from` on `on`, `Guarded` with the guard's name and reason when every guard refused.
 *
 * **Details**: several transitions may share `from` and `on` with different guards; they are tried
 * in the order declared and the first whose guard passes (or that has none) wins. When all refuse,
 * the refusal carries the reason of the first.
 *
 * @example
 * ```ts
 * import { Machine } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const review = Machine.make({
 *   name: "Review",
 *   initial: "Running",
 *   states: ["Running", "Reviewed"],
 *   terminal: ["Reviewed"],
 *   transitions: [
 *     {
 *       from: "Running",
 *       on: "HoldFinalReview",
 *       to: "Reviewed",
 *       guard: {
 *         name: "periodOver",
 *         check: (today: string) =>
 *           today > "2020-12-31"
 *             ? undefined
 *             : { code: "C6", en: "The period is not over.", vi: "Chưa hết thời gian thi đua." }
 *       }
 *     }
 *   ]
 * })
 *
 * assert.deepStrictEqual(Machine.step(review, "Running", "HoldFinalReview", "2021-01-05"), Result.succeed("Reviewed"))
 * const refused = Machine.step(review, "Running", "HoldFinalReview", "2020-06-30")
 * assert.ok(Result.isFailure(refused) && refused.failure._tag === "Guarded")
 * assert.equal(refused.failure.reason.vi, "Chưa hết thời gian thi đua.")
 * const late = Machine.step(review, "Reviewed", "HoldFinalReview", "2021-01-05")
 * assert.ok(Result.isFailure(late) && late.failure._tag === "NotAllowed")
 * ```
 *
 * @since 0.4.0
 */
export const step = <S extends string, On extends string, C>(
  machine: Machine<S, On, C>,
  from: S,
  on: On,
  // A machine whose guards read nothing (context `void`) is stepped without one.
  ...[context]: undefined extends C ? [context?: C] : [context: C]
): Result.Result<S, Refusal<S, On>> => machine.step(from, on, context as C)

/**
 * The states reachable from the initial state and the other entries, through any transition
 * (guards are assumed to pass).
 *
 * @example
 * ```ts
 * import { Lifecycle, Machine } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.deepStrictEqual(
 *   Machine.reachable(Lifecycle.phase),
 *   new Set(["Scheduled", "Open", "Closed", "Reviewed"])
 * )
 * ```
 *
 * @since 0.4.0
 */
export const reachable = <S extends string, On extends string, C>(machine: Machine<S, On, C>): ReadonlySet<S> => {
  const seen = new Set<S>([machine.initial, ...machine.entries])
  const queue = [...seen]
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const t of machine.transitions) {
      if (t.from === s && !seen.has(t.to)) {
        seen.add(t.to)
        queue.push(t.to)
      }
    }
  }
  return seen
}

/**
 * Something wrong with a machine's data, as `check` finds it.
 *
 * - `UndeclaredState`: a state used as initial, entry, terminal, or by a transition, that is not in
 *   `states`.
 * - `TerminalMoves`: a transition that leaves a terminal state for another state (staying put, as
 *   a revocation after the close does, is allowed).
 * - `Unreachable`: a declared state no path reaches from the initial state or an entry.
 *
 * @since 0.4.0
 */
export type Problem<S extends string, On extends string, C = void> =
  | { readonly _tag: "UndeclaredState"; readonly state: S; readonly message: string }
  | {
      readonly _tag: "TerminalMoves"
      readonly state: S
      readonly transition: Transition<S, On, C>
      readonly message: string
    }
  | { readonly _tag: "Unreachable"; readonly state: S; readonly message: string }

/**
 * Lists what is wrong with a machine: undeclared states, terminal states with transitions to other
 * states, unreachable states. An empty list means none.
 *
 * **When to use**: in a test, once per machine, so a transition typed wrong fails there rather
 * than in a fold.
 *
 * @example
 * ```ts
 * import { Lifecycle, Machine } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.deepStrictEqual(Machine.check(Lifecycle.campaign), [])
 *
 * const broken = Machine.make({
 *   name: "Broken",
 *   initial: "A",
 *   states: ["A", "B", "C"],
 *   terminal: ["B"],
 *   transitions: [
 *     { from: "A", on: "go", to: "B" },
 *     { from: "B", on: "back", to: "A" }
 *   ]
 * })
 * assert.deepStrictEqual(
 *   Machine.check(broken).map((p) => p._tag),
 *   ["TerminalMoves", "Unreachable"]
 * )
 * ```
 *
 * @since 0.4.0
 */
export const check = <S extends string, On extends string, C>(
  machine: Machine<S, On, C>
): ReadonlyArray<Problem<S, On, C>> => {
  const problems: Array<Problem<S, On, C>> = []
  const declared = new Set<S>(machine.states)
  const undeclared = new Set<S>()
  const use = (state: S, where: string) => {
    if (declared.has(state) || undeclared.has(state)) return
    undeclared.add(state)
    problems.push({
      _tag: "UndeclaredState",
      state,
      message: `${machine.name}: ${state} (${where}) is not one of its states`
    })
  }
  use(machine.initial, "initial")
  for (const s of machine.entries) use(s, "entry")
  for (const s of machine.terminal) use(s, "terminal")
  for (const t of machine.transitions) {
    use(t.from, `from, on ${t.on}`)
    use(t.to, `to, on ${t.on}`)
  }
  const terminal = new Set<S>(machine.terminal)
  for (const t of machine.transitions) {
    if (terminal.has(t.from) && t.to !== t.from)
      problems.push({
        _tag: "TerminalMoves",
        state: t.from,
        transition: t,
        message: `${machine.name}: ${t.from} is terminal but ${t.on} leads to ${t.to}`
      })
  }
  const reached = reachable(machine)
  for (const s of machine.states) {
    if (!reached.has(s))
      problems.push({
        _tag: "Unreachable",
        state: s,
        message: `${machine.name}: ${s} is not reachable from ${[machine.initial, ...machine.entries].join(", ")}`
      })
  }
  return problems
}

/**
 * Prints a machine as a Mermaid state diagram. Transitions between the same two states are
 * grouped on one arrow, those that keep the state into one self-loop per state; a guarded
 * transition is labelled `On [guardName]`. Entries other than the initial state get their own
 * start arrow.
 *
 * @example
 * ```ts
 * import { Lifecycle, Machine } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const diagram = Lifecycle.toMermaid(Lifecycle.phase)
 * assert.ok(diagram.startsWith("stateDiagram-v2"))
 * assert.ok(diagram.includes("Scheduled --> Open: OpenPhase"))
 *
 * const gate = Machine.make({
 *   name: "Gate",
 *   initial: "Shut",
 *   states: ["Shut", "Open"],
 *   terminal: ["Open"],
 *   transitions: [{ from: "Shut", on: "Open", to: "Open", guard: { name: "hasKey", check: () => undefined } }]
 * })
 * assert.equal(
 *   Machine.toMermaid(gate),
 *   ["stateDiagram-v2", "  [*] --> Shut", "  Shut --> Open: Open [hasKey]", "  Open --> [*]"].join("\n")
 * )
 * ```
 *
 * @since 0.1.0
 */
export const toMermaid = <S extends string, On extends string, C>(machine: Machine<S, On, C>): string => {
  const lines = ["stateDiagram-v2", ...[machine.initial, ...machine.entries].map((s) => `  [*] --> ${s}`)]
  const loops = new Map<S, Array<string>>()
  const edges = new Map<string, Array<string>>()
  for (const t of machine.transitions) {
    const label = t.guard === undefined ? t.on : `${t.on} [${t.guard.name}]`
    if (t.from === t.to) loops.set(t.from, [...(loops.get(t.from) ?? []), label])
    else {
      const key = `${t.from} --> ${t.to}`
      edges.set(key, [...(edges.get(key) ?? []), label])
    }
  }
  for (const [edge, labels] of edges) lines.push(`  ${edge}: ${labels.join(", ")}`)
  for (const [state, labels] of loops) lines.push(`  ${state} --> ${state}: ${labels.join(", ")}`)
  for (const s of machine.terminal) lines.push(`  ${s} --> [*]`)
  return lines.join("\n")
}
