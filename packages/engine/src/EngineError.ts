/**
 * The errors of the engine itself. A command refused by a rule fails with core's `DomainError`,
 * input that does not decode with `Command.CommandDecodeError`, a caller that is not who the
 * command claims with `Principal.PrincipalMismatch`, and the store's failures with its own errors:
 * every one an `Error` with `_tag`, a stable `code` and `messages` in Vietnamese and English.
 *
 * @since 0.5.0
 */
import { ThiDuaError } from "@thidua/core"

/**
 * The principal given with a command is not one: a tenant, an organization and a role (executive,
 * council or officer) are required. Nothing was read or written.
 *
 * @example
 * ```ts
 * import { EngineError } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const e = new EngineError.InvalidPrincipal({ path: "role", reason: "Expected \"executive\" | \"council\" | \"officer\", got \"admin\"" })
 * assert.equal(e.code, "ENGINE-PRINCIPAL")
 * assert.match(e.messages.vi, /người gửi/)
 * ```
 *
 * @since 0.5.0
 */
export class InvalidPrincipal extends ThiDuaError.Tagged("InvalidPrincipal")<{
  readonly path: string
  readonly reason: string
}> {
  readonly code = "ENGINE-PRINCIPAL"
  get messages(): ThiDuaError.Messages {
    const where = this.path === "" ? "" : ` (${this.path})`
    return {
      en: `The principal is not valid${where}: ${this.reason}`,
      vi: `Thông tin người gửi đã xác thực không hợp lệ${where}: ${this.reason}`
    }
  }
}

/**
 * An option of a call is not valid: an expected version that is not a whole number from 0, a
 * read model key without the campaign its read model is kept by, a position that is not one.
 * Nothing was read or written.
 *
 * @example
 * ```ts
 * import { EngineError } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const e = new EngineError.InvalidOption({ option: "expectedVersion", reason: "must be a whole number from 0, got -1" })
 * assert.equal(e.code, "ENGINE-OPTION")
 * assert.match(e.messages.vi, /expectedVersion/)
 * ```
 *
 * @since 0.5.0
 */
export class InvalidOption extends ThiDuaError.Tagged("InvalidOption")<{
  readonly option: string
  readonly reason: string
}> {
  readonly code = "ENGINE-OPTION"
  get messages(): ThiDuaError.Messages {
    return {
      en: `The option ${this.option} is not valid: ${this.reason}`,
      vi: `Tùy chọn ${this.option} không hợp lệ: ${this.reason}`
    }
  }
}

/**
 * The engine was closed: no call is served after `close()`.
 *
 * @example
 * ```ts
 * import { EngineError } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * assert.equal(new EngineError.EngineClosed().code, "ENGINE-CLOSED")
 * ```
 *
 * @since 0.5.0
 */
export class EngineClosed extends ThiDuaError.Tagged("EngineClosed")<Record<never, never>> {
  readonly code = "ENGINE-CLOSED"
  get messages(): ThiDuaError.Messages {
    return { en: "The engine is closed.", vi: "Bộ máy đã đóng." }
  }
}
