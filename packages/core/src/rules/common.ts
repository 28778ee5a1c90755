/**
 * The small vocabulary the guards share.
 *
 * @internal
 */
import { Result } from "effect"
import * as DomainError from "../DomainError.js"

/** A guard's answer: nothing when the rule holds, the rule's error when it does not. @internal */
export type Check = Result.Result<void, DomainError.DomainError>

/** @internal */
export const pass: Check = Result.succeed(undefined)

/** @internal */
export const refuse = <C extends DomainError.Code>(code: C, details: DomainError.Details[C]): Check =>
  Result.fail(DomainError.make(code, details))

/** Runs guards in order and stops at the first that refuses. @internal */
export const all = (...checks: ReadonlyArray<() => Check>): Check => {
  for (const c of checks) {
    const r = c()
    if (Result.isFailure(r)) return r
  }
  return pass
}
