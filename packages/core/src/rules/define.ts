/**
 * What a rule is, as one value: its id, where it comes from, what it says, the values it reports
 * when it refuses (as a schema), its message in both languages, the rulebook parameters it reads
 * and its guards. Every file under `rules/<family>/` makes one with {@link define}.
 *
 * @since 0.3.0
 */
import { Result, type Schema } from "effect"
import { DomainError, type Message } from "../internal/domainError.js"
import type { Params } from "../Rulebook.js"

/**
 * How well a rule's source is established: `V` verified in a legal text or official guidance,
 * `V-old` verified for an earlier regime, `P` partly verified, `U` unverified practice, `E` an
 * engineering rule of the library (authorization, tenancy, integrity).
 *
 * @since 0.3.0
 */
export type Tag = "V" | "V-old" | "P" | "U" | "E"

/**
 * The families rules are grouped in, by the letter of their id.
 *
 * @since 0.3.0
 */
export type Family = "campaign" | "registration" | "initiative" | "authority" | "award" | "engineering" | "directory"

/**
 * A guard's answer: nothing when the rule holds, the rule's error when it does not.
 *
 * @since 0.3.0
 */
export type Check = Result.Result<void, DomainError>

/**
 * A check that refuses: the rule's error and nothing else.
 *
 * @since 0.3.0
 */
export type Refusal = Result.Result<never, DomainError>

/**
 * What a rule is before its guards are attached.
 *
 * @since 0.3.0
 */
export interface Spec<Id extends string, S extends Schema.Top> {
  readonly id: Id
  readonly family: Family
  /** The legal source (instrument and article) or the engineering concern, and its strength. */
  readonly source: { readonly tag: Tag; readonly reference: string }
  readonly statement: Message
  /** The values the rule reports when it refuses. */
  readonly details: S
  /** Details of a typical refusal: the example the docs print. */
  readonly example: S["Type"]
  readonly message: (details: S["Type"]) => Message
  /** The rulebook parameters its guards read. */
  readonly reads: ReadonlyArray<keyof Params>
}

/**
 * A rule: its spec, its guards, and the error it refuses with.
 *
 * @since 0.3.0
 */
export interface Rule<Id extends string, S extends Schema.Top, G> extends Spec<Id, S> {
  readonly guards: G
  /** The rule's error for these details. */
  readonly error: (details: S["Type"]) => DomainError
  /** A refusing check with these details. */
  readonly refuse: (details: S["Type"]) => Result.Result<never, DomainError>
}

/** Any rule, as the registry holds it. @since 0.3.0 */
export interface Any {
  readonly id: string
  readonly family: Family
  readonly source: { readonly tag: Tag; readonly reference: string }
  readonly statement: Message
  readonly details: Schema.Top
  readonly example: unknown
  readonly message: (details: never) => Message
  readonly reads: ReadonlyArray<keyof Params>
  readonly error: (details: never) => DomainError
}

/**
 * Makes a rule from its spec and the guards, which receive the rule's own `refuse`.
 *
 * @example
 * ```ts
 * import { Rule } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Rule.byId.C5.source.tag, "U")
 * assert.deepEqual(Rule.byId.C5.reads, ["peakPhasesMayOverlap"])
 * assert.equal(Rule.byId.C5.error(Rule.byId.C5.example).code, "C5")
 * ```
 *
 * @since 0.3.0
 */
export const define = <Id extends string, S extends Schema.Top, G>(
  spec: Spec<Id, S>,
  guards: (refuse: (details: S["Type"]) => Result.Result<never, DomainError>) => G
): Rule<Id, S, G> => {
  const error = (details: S["Type"]): DomainError =>
    new DomainError({ code: spec.id as never, details: details as never, messages: spec.message(details) })
  const refuse = (details: S["Type"]) => Result.fail(error(details))
  return { ...spec, guards: guards(refuse), error, refuse }
}

/** The check that passes. @since 0.3.0 */
export const pass: Check = Result.succeed(undefined)

/** Runs checks in order and stops at the first that refuses. @since 0.3.0 */
export const all = (...checks: ReadonlyArray<() => Check>): Check => {
  for (const c of checks) {
    const r = c()
    if (Result.isFailure(r)) return r
  }
  return pass
}
