/**
 * The one error base of the library. Every error that any Thi Đua package fails with (a refused
 * command, a command that does not decode, a stale version, a store that is down) is an `Error`
 * subclass with:
 *
 * - a stable `_tag` (the class) and `code` (what a host switches on: a rule id such as `C5`, or a
 *   name such as `WrongExpectedVersion`);
 * - a string `message`, in English, so loggers and `String(error)` print something readable;
 * - `messages` in English and Vietnamese, for the people who use the host app;
 * - the details of what went wrong, as fields of its own;
 * - a stack, as every `Error` has.
 *
 * The errors are also Effect errors: `yield* error` fails an `Effect.gen`, and `Effect.catchTag`
 * picks them by `_tag`.
 *
 * @since 0.2.0
 */
import type { Cause, Types } from "effect"
import { Data } from "effect"

/**
 * A message in both languages.
 *
 * @since 0.2.0
 */
export interface Messages {
  readonly en: string
  readonly vi: string
}

/**
 * What every error of the library has.
 *
 * @since 0.2.0
 */
export interface ThiDuaError extends Cause.YieldableError {
  readonly _tag: string
  readonly code: string
  readonly messages: Messages
}

const TypeId: unique symbol = Symbol.for("@thidua/core/ThiDuaError") as never

// The one runtime class every error of the library descends from: `instanceof Base` holds for all
// of them, and its prototype gives them their string `message` (the English one) and a `toJSON`
// that keeps what a log or an HTTP answer needs.
class Base extends (Data.Error as new (args: object | undefined) => Cause.YieldableError) {
  declare readonly _tag: string
  declare readonly code: string
  declare readonly messages: Messages

  // Own fields are the details; `_tag`, `code`, `message` and `messages` are put first.
  override toJSON(): unknown {
    return Object.assign({ _tag: this._tag, code: this.code, message: this.message, messages: this.messages }, this)
  }
}
Object.defineProperty(Base.prototype, TypeId, { value: TypeId })
// `Error` makes `message` an own property when it is given one; ours is always the getter.
Object.defineProperty(Base.prototype, "message", {
  get(this: Base) {
    return this.messages.en
  },
  set(_: unknown) {},
  configurable: true
})

/**
 * The base class of an error of the library, with its `_tag`. The subclass gives `code` and
 * `messages`, as fields or getters (a class that forgets them is not a `ThiDuaError` to the type
 * checker); `message` and `toJSON` come from the base.
 *
 * @example
 * ```ts
 * import { ThiDuaError } from "@thidua/core"
 * import assert from "node:assert"
 *
 * class PhaseFull extends ThiDuaError.Tagged("PhaseFull")<{ readonly phaseId: string }> {
 *   readonly code = "PhaseFull"
 *   get messages() {
 *     return { en: `Phase ${this.phaseId} is full.`, vi: `Đợt ${this.phaseId} đã đủ.` }
 *   }
 * }
 * const error = new PhaseFull({ phaseId: "dot-1" })
 * assert.ok(error instanceof Error)
 * assert.ok(ThiDuaError.isThiDuaError(error))
 * assert.equal(error.message, "Phase dot-1 is full.")
 * assert.equal(error.messages.vi, "Đợt dot-1 đã đủ.")
 * assert.equal(JSON.parse(JSON.stringify(error)).phaseId, "dot-1")
 * ```
 *
 * @since 0.2.0
 */
export const Tagged = <Tag extends string>(
  tag: Tag
): (new <A extends Record<string, unknown> = Record<never, never>>(
  args: Types.VoidIfEmpty<{ readonly [P in keyof A as P extends "_tag" ? never : P]: A[P] }>
) => Cause.YieldableError & { readonly _tag: Tag } & Readonly<A>) => {
  class TaggedBase extends Base {
    override readonly _tag = tag
  }
  Object.defineProperty(TaggedBase.prototype, "name", { value: tag, configurable: true, writable: true })
  return TaggedBase as never
}

/**
 * Whether a value is an error of the library.
 *
 * @example
 * ```ts
 * import { ThiDuaError } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(ThiDuaError.isThiDuaError(new Error("x")), false)
 * ```
 *
 * @since 0.2.0
 */
export const isThiDuaError = (u: unknown): u is ThiDuaError =>
  typeof u === "object" && u !== null && (u as { readonly [TypeId]?: unknown })[TypeId] === TypeId

/**
 * What a cause says, for an error's message: an `Error`'s message, or the value as a string (and
 * something printable for a value `String` throws on, an object without a prototype).
 *
 * @example
 * ```ts
 * import { ThiDuaError } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(ThiDuaError.describeCause(new Error("lost")), "lost")
 * assert.equal(ThiDuaError.describeCause(Object.create(null)), "an unprintable value")
 * ```
 *
 * @since 0.2.0
 */
export const describeCause = (cause: unknown): string => {
  if (cause instanceof Error) return cause.message
  try {
    return String(cause)
  } catch {
    return "an unprintable value"
  }
}
