/**
 * State machines as data: states, transitions named by what takes them, and their Mermaid
 * drawing. `Lifecycle` builds the campaign's machines with it.
 *
 * @internal
 */

/**
 * A transition: in state `from`, command `on` leads to state `to`.
 *
 * @since 0.1.0
 */
export interface Transition<S extends string, On extends string> {
  readonly from: S
  readonly on: On
  readonly to: S
}

/**
 * A state machine: its name, states, initial state, terminal states and transitions.
 *
 * @since 0.1.0
 */
export interface Machine<S extends string, On extends string> {
  readonly name: string
  readonly initial: S
  readonly states: ReadonlyArray<S>
  readonly terminal: ReadonlyArray<S>
  readonly transitions: ReadonlyArray<Transition<S, On>>
  /** The state `on` leads to from `from`, or `undefined` when the machine does not allow it. */
  readonly next: (from: S, on: On) => S | undefined
  /** The state after `on` from `from`; the state stays when the machine does not allow it (for folds). */
  readonly after: (from: S, on: On) => S
}

/**
 * Makes a machine from its transitions.
 *
 * @since 0.1.0
 */
export const make = <S extends string, On extends string>(
  spec: Omit<Machine<S, On>, "next" | "after">
): Machine<S, On> => {
  // Nested maps: a lookup in a fold allocates nothing.
  const table = new Map<S, Map<On, S>>()
  for (const t of spec.transitions) {
    const row = table.get(t.from) ?? new Map<On, S>()
    row.set(t.on, t.to)
    table.set(t.from, row)
  }
  return {
    ...spec,
    next: (from, on) => table.get(from)?.get(on),
    after: (from, on) => table.get(from)?.get(on) ?? from
  }
}

/**
 * Prints a machine as a Mermaid state diagram. Transitions that keep the state are grouped into
 * one self-loop per state.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const diagram = Lifecycle.toMermaid(Lifecycle.phase)
 * assert.ok(diagram.startsWith("stateDiagram-v2"))
 * assert.ok(diagram.includes("Scheduled --> Open: OpenPhase"))
 * ```
 *
 * @since 0.1.0
 */
export const toMermaid = <S extends string, On extends string>(machine: Machine<S, On>): string => {
  const lines = ["stateDiagram-v2", `  [*] --> ${machine.initial}`]
  const loops = new Map<S, Array<On>>()
  const edges = new Map<string, Array<On>>()
  for (const t of machine.transitions) {
    if (t.from === t.to) loops.set(t.from, [...(loops.get(t.from) ?? []), t.on])
    else {
      const key = `${t.from} --> ${t.to}`
      edges.set(key, [...(edges.get(key) ?? []), t.on])
    }
  }
  for (const [edge, ons] of edges) lines.push(`  ${edge}: ${ons.join(", ")}`)
  for (const [state, ons] of loops) lines.push(`  ${state} --> ${state}: ${ons.join(", ")}`)
  for (const s of machine.terminal) lines.push(`  ${s} --> [*]`)
  return lines.join("\n")
}
