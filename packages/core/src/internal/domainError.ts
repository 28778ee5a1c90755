/**
 * The class of a refused command, apart from the rules so that a rule can make its own error
 * without importing the registry of every rule.
 *
 * @internal
 */
import type { Code, Details } from "../Rule.js"
import * as ThiDuaError from "../ThiDuaError.js"

/** A message in both languages. @internal */
export interface Message {
  readonly vi: string
  readonly en: string
}

/**
 * A rule that refused a command: `code` is the rule id, `details` the values that broke it,
 * `messages` the explanation in English and Vietnamese, and `message` the English one.
 *
 * @example
 * ```ts
 * import { DomainError, ThiDuaError } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const error = DomainError.make("REF-MISSING", { kind: "phase", id: "dot-3" })
 * assert.ok(error instanceof Error)
 * assert.ok(ThiDuaError.isThiDuaError(error))
 * assert.equal(error._tag, "DomainError")
 * assert.equal(String(error), "REF-MISSING: Unknown phase dot-3.")
 * assert.equal(JSON.parse(JSON.stringify(error)).messages.vi, "Không tìm thấy đợt thi đua dot-3.")
 * ```
 *
 * @since 0.1.0
 */
export class DomainError<C extends Code = Code> extends ThiDuaError.Tagged("DomainError")<{
  readonly code: C
  readonly details: Details[C]
  readonly messages: Message
}> {
  override toString(): string {
    return `${this.code}: ${this.messages.en}`
  }
}
