/**
 * A process manager: a pure decider over inputs (events of other streams, timers falling due)
 * whose decisions are commands to send, timers to set or cancel, and events of its own (a missed
 * deadline, a note). Each instance keeps its inbox and outbox in one stream
 * (`process:<name>:<instance>`); the runner appends an input and what was decided on it in one
 * append, so that an instance stopped anywhere resumes with nothing lost and nothing done twice.
 *
 * `decide` and `evolve` are plain synchronous functions: no clock (an input carries its instant),
 * no random, no I/O. The same recorded inputs always give the same decisions, which is what
 * `Replay` in `@thidua/testing` checks against a new version.
 *
 * @since 0.4.0
 */
import type { Command, Event } from "@thidua/core"

/**
 * An event of another stream, as it reaches a manager: decoded, with where it stands.
 *
 * @since 0.4.0
 */
export interface EventInput {
  readonly _tag: "Event"
  readonly event: Event.CampaignEvent | Event.DirectoryEvent
  readonly tenantId: string
  readonly streamId: string
  readonly version: number
  readonly position: string
  /** When the store recorded it. */
  readonly at: Event.Instant
}

/**
 * A timer of this instance that fell due: the runner hands it over at `firedAt` (later than
 * `dueAt` when the runner was down then).
 *
 * @since 0.4.0
 */
export interface TimerInput {
  readonly _tag: "Timer"
  readonly tenantId: string
  readonly timerId: string
  readonly dueAt: Event.Instant
  readonly reason: string
  readonly firedAt: Event.Instant
  /**
   * The version of the instance's stream at which the timer was set: a timer set again under the
   * same id (even for the same instant) is another input.
   */
  readonly scheduled: number
}

/** What a manager decides on. @since 0.4.0 */
export type Input = EventInput | TimerInput

/** A command as a manager issues it: the runner gives it its id. @since 0.4.0 */
export type Issue = Command.DomainCommand extends infer C
  ? C extends { readonly commandId: unknown }
    ? Omit<C, "commandId">
    : never
  : never

/** Set a timer (again, if one of that id is pending: it moves). @since 0.4.0 */
export interface Schedule {
  readonly _tag: "Schedule"
  readonly timerId: string
  readonly dueAt: Event.Instant
  readonly reason: string
}

/** Cancel a pending timer (nothing, if none of that id is pending). @since 0.4.0 */
export interface Cancel {
  readonly _tag: "Cancel"
  readonly timerId: string
}

/** An event of the manager's own: a deadline missed, or a note. @since 0.4.0 */
export type Own = Event.DeadlineMissed | Event.ProcessNoted

/**
 * What a manager decided on one input. Everything is optional: an input may change nothing.
 *
 * @since 0.4.0
 */
export interface Decision {
  readonly commands?: ReadonlyArray<Issue>
  readonly timers?: ReadonlyArray<Schedule | Cancel>
  readonly events?: ReadonlyArray<Own>
}

/**
 * What a manager's state folds: its inputs and what it decided (as recorded in its stream).
 *
 * @since 0.4.0
 */
export type Step =
  | Input
  | Event.CommandIssued
  | Event.CommandRefused
  | Event.TimerScheduled
  | Event.TimerCancelled
  | Event.DeadlineMissed
  | Event.ProcessNoted

/**
 * A process manager.
 *
 * @since 0.4.0
 */
export interface ProcessManager<S> {
  /** Names its streams (`process:<name>:<instance>`) and its checkpoint: an id, kept for ever. */
  readonly name: string
  /**
   * Goes up when its decisions change. A replay of recorded histories against a new version
   * either gives the same decisions or names the first that differs.
   */
  readonly version: number
  /** The event types it reads; events of other types never reach it. */
  readonly inputs: ReadonlyArray<Event.CampaignEvent["_tag"] | Event.DirectoryEvent["_tag"]>
  /** The instance an event goes to, or `undefined` when it concerns none. */
  readonly route: (input: EventInput) => string | undefined
  readonly initialState: S
  readonly decide: (state: S, input: Input) => Decision
  readonly evolve: (state: S, step: Step) => S
}

/**
 * Makes a process manager, checking its name (an id: letters, digits, `-`, `_`, `.`) once.
 *
 * @example
 * ```ts
 * import { ProcessManager } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * // Counts the phases a campaign opened.
 * const opened = ProcessManager.make({
 *   name: "opened",
 *   version: 1,
 *   inputs: ["PhaseOpened"],
 *   route: (input) => input.streamId.slice("campaign:".length),
 *   initialState: 0,
 *   decide: () => ({}),
 *   evolve: (n, step) => (step._tag === "Event" ? n + 1 : n)
 * })
 * assert.equal(opened.name, "opened")
 * assert.throws(() => ProcessManager.make({ ...opened, name: "no spaces" }))
 * ```
 *
 * @since 0.4.0
 */
export const make = <S>(manager: ProcessManager<S>): ProcessManager<S> => {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(manager.name))
    throw new Error(`A process manager's name is an id of 1 to 32 letters, digits, '-', '_' or '.': ${manager.name}`)
  if (!Number.isSafeInteger(manager.version) || manager.version < 1)
    throw new Error(`A process manager's version is a positive integer: ${manager.version}`)
  return manager
}

/**
 * The directory's event types: a manager that folds a tenant's directory (with core's
 * `Directory.evolve`, to know levels, parents, clusters and successors) reads them all.
 *
 * @example
 * ```ts
 * import { ProcessManager } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.ok(ProcessManager.directoryInputs.includes("OrganizationRestructured"))
 * ```
 *
 * @since 0.4.0
 */
export const directoryInputs = [
  "OrganizationRegistered",
  "OrganizationMoved",
  "OrganizationRestructured",
  "ClusterFormed"
] as const satisfies ReadonlyArray<Event.DirectoryEvent["_tag"]>

/**
 * One instance per tenant: the route of a manager that needs the tenant's directory beside its
 * campaigns (an event goes to one instance, and a directory event belongs to no campaign).
 *
 * @example
 * ```ts
 * import { ProcessManager } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(ProcessManager.byTenant({ tenantId: "hanoi" } as never), "hanoi")
 * ```
 *
 * @since 0.4.0
 */
export const byTenant = (input: EventInput): string => input.tenantId
