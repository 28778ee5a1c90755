/**
 * The one error type of the domain. Every guard that fails returns a `DomainError` whose `code` is
 * the id of the rule it enforces (C5, G2, A1, ...: see docs/concepts/domain.md), with the values
 * that broke it and a message in Vietnamese and English. The rules themselves, with their
 * statements, sources and guards, are values of `Rule`.
 *
 * A `DomainError` is an `Error` of the library's one base (`ThiDuaError`): `message` is the English
 * text, so a logger prints something readable, and `messages` holds it in both languages.
 *
 * @since 0.1.0
 */
import { DomainError } from "./internal/domainError.js"
import { byId, type Code, type Details } from "./Rule.js"

export type {
  /** @since 0.1.0 */
  Message
} from "./internal/domainError.js"
export {
  /** @since 0.1.0 */
  DomainError
} from "./internal/domainError.js"
export type {
  /** @since 0.1.0 */
  Code,
  /** @since 0.1.0 */
  Details
} from "./Rule.js"

/**
 * Makes the error of a rule from the values that broke it.
 *
 * @example
 * ```ts
 * import { DomainError } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const error = DomainError.make("C5", { phaseId: "dot-2", reason: "overlap", other: "dot-1" })
 * assert.equal(error.code, "C5")
 * assert.equal(error.messages.vi, "Đợt thi đua dot-2 trùng thời gian với đợt dot-1.")
 * assert.equal(error.messages.en, "Phase dot-2 overlaps phase dot-1.")
 * assert.equal(error.message, "Phase dot-2 overlaps phase dot-1.")
 * ```
 *
 * @since 0.1.0
 */
export const make = <C extends Code>(code: C, details: Details[C]): DomainError<C> =>
  (byId[code] as { readonly error: (d: Details[C]) => DomainError }).error(details) as DomainError<C>

/** Whether a value is a DomainError. @since 0.1.0 */
export const isDomainError = (u: unknown): u is DomainError => u instanceof DomainError
