/**
 * The errors of the command line itself, each an `Error` with a stable `_tag` and `code` and its
 * messages in Vietnamese and English, and the exit code it ends a run with: 2 for a run that could
 * not start (no config, a store that cannot be opened, a file that cannot be read, a flag that
 * makes no sense), 1 for input that was read and refused. A command refused by a rule, a command
 * that does not decode, a date that is not one: those are the library's own errors, printed the
 * same way.
 *
 * @since 0.7.0
 */
import { ThiDuaError } from "@thidua/core"

/**
 * No config file where one was looked for: run `thidua init` first, or say where it is.
 *
 * @example
 * ```ts
 * import { CliError } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new CliError.NoConfig({ path: "/srv/thidua.json" })
 * assert.equal(e.code, "CLI-NO-CONFIG")
 * assert.match(e.messages.vi, /thidua init/)
 * assert.equal(e.exitCode, 2)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class NoConfig extends ThiDuaError.Tagged("NoConfig")<{ readonly path: string }> {
  readonly code = "CLI-NO-CONFIG"
  readonly exitCode = 2
  get messages(): ThiDuaError.Messages {
    return {
      en: `No config file at ${this.path}: run "thidua init" first, or give --config <file> (or THIDUA_CONFIG).`,
      vi: `Không có tệp cấu hình tại ${this.path}: hãy chạy "thidua init" trước, hoặc chỉ ra tệp bằng --config <tệp> (hoặc THIDUA_CONFIG).`
    }
  }
}

/**
 * The config file is there but is not one: not JSON, or without a store the command line knows.
 *
 * @example
 * ```ts
 * import { CliError } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new CliError.BadConfig({ path: "thidua.json", reason: "store: expected { dataDir } or { url }" })
 * assert.equal(e.code, "CLI-CONFIG")
 * assert.match(e.messages.vi, /cấu hình/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class BadConfig extends ThiDuaError.Tagged("BadConfig")<{ readonly path: string; readonly reason: string }> {
  readonly code = "CLI-CONFIG"
  readonly exitCode = 2
  get messages(): ThiDuaError.Messages {
    return {
      en: `The config file ${this.path} is not valid: ${this.reason}`,
      vi: `Tệp cấu hình ${this.path} không hợp lệ: ${this.reason}`
    }
  }
}

/**
 * A file named on the command line cannot be read: missing, a folder, too large.
 *
 * @example
 * ```ts
 * import { CliError } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new CliError.FileUnreadable({ path: "campaign.yaml", reason: "no such file" })
 * assert.equal(e.code, "CLI-FILE")
 * assert.match(e.messages.vi, /Không đọc được tệp campaign.yaml/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class FileUnreadable extends ThiDuaError.Tagged("FileUnreadable")<{
  readonly path: string
  readonly reason: string
}> {
  readonly code = "CLI-FILE"
  readonly exitCode = 2
  get messages(): ThiDuaError.Messages {
    return {
      en: `Cannot read the file ${this.path}: ${this.reason}`,
      vi: `Không đọc được tệp ${this.path}: ${this.reason}`
    }
  }
}

/**
 * A file the command line must write cannot be written: a folder that does not exist, or that
 * this user may not write in.
 *
 * @example
 * ```ts
 * import { CliError } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new CliError.FileUnwritable({ path: "nodir/thidua.json", reason: "no such folder: nodir" })
 * assert.equal(e.code, "CLI-FILE")
 * assert.match(e.messages.en, /^Cannot write the file nodir\/thidua.json/)
 * assert.match(e.messages.vi, /^Không ghi được tệp nodir\/thidua.json/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class FileUnwritable extends ThiDuaError.Tagged("FileUnwritable")<{
  readonly path: string
  readonly reason: string
}> {
  readonly code = "CLI-FILE"
  readonly exitCode = 2
  get messages(): ThiDuaError.Messages {
    return {
      en: `Cannot write the file ${this.path}: ${this.reason}`,
      vi: `Không ghi được tệp ${this.path}: ${this.reason}`
    }
  }
}

/**
 * The config names a data folder that holds no store (missing, or without PostgreSQL's
 * `PG_VERSION`): a typo in the config, or a store never made. Only `thidua init` creates one, so
 * a mistyped folder is never silently a new, empty store.
 *
 * @example
 * ```ts
 * import { CliError } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new CliError.NoStore({ where: "./typo-data", config: "thidua.json" })
 * assert.equal(e.code, "CLI-STORE")
 * assert.match(e.messages.en, /^No store at \.\/typo-data: run "thidua init"/)
 * assert.match(e.messages.vi, /^Không có kho dữ liệu tại \.\/typo-data: hãy chạy "thidua init"/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class NoStore extends ThiDuaError.Tagged("NoStore")<{ readonly where: string; readonly config: string }> {
  readonly code = "CLI-STORE"
  readonly exitCode = 2
  get messages(): ThiDuaError.Messages {
    return {
      en: `No store at ${this.where}: run "thidua init" to create one, or correct store.dataDir in ${this.config}.`,
      vi: `Không có kho dữ liệu tại ${this.where}: hãy chạy "thidua init" để tạo, hoặc sửa store.dataDir trong ${this.config}.`
    }
  }
}

/**
 * What a command names does not exist: a tenant's campaign no command ever launched.
 *
 * @example
 * ```ts
 * import { CliError } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new CliError.NotFound({ tenantId: "hoang-mai", campaignId: "hm-2021" })
 * assert.equal(e.code, "CLI-NOT-FOUND")
 * assert.equal(e.exitCode, 1)
 * assert.equal(e.messages.vi, "Không có chiến dịch hm-2021 của đơn vị hoang-mai.")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class NotFound extends ThiDuaError.Tagged("NotFound")<{
  readonly tenantId: string
  readonly campaignId: string
}> {
  readonly code = "CLI-NOT-FOUND"
  readonly exitCode = 1
  get messages(): ThiDuaError.Messages {
    return {
      en: `No campaign ${this.campaignId} in tenant ${this.tenantId}.`,
      vi: `Không có chiến dịch ${this.campaignId} của đơn vị ${this.tenantId}.`
    }
  }
}

/**
 * The store named by the config could not be opened or failed on the way: a server that does not
 * answer, a data folder another process holds.
 *
 * @example
 * ```ts
 * import { CliError } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new CliError.StoreFailed({ where: "postgres://db/thidua", reason: "connection refused" })
 * assert.equal(e.code, "CLI-STORE")
 * assert.match(e.messages.vi, /kho dữ liệu/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class StoreFailed extends ThiDuaError.Tagged("StoreFailed")<{
  readonly where: string
  readonly reason: string
}> {
  readonly code = "CLI-STORE"
  readonly exitCode = 2
  get messages(): ThiDuaError.Messages {
    return {
      en: `The store at ${this.where} failed: ${this.reason}`,
      vi: `Lỗi kho dữ liệu tại ${this.where}: ${this.reason}`
    }
  }
}

/**
 * Flags that make no sense together, or a value a flag does not take (an unknown projection,
 * `--member` without `--of`).
 *
 * @example
 * ```ts
 * import { CliError } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new CliError.Usage({ en: "--member needs --of <unit>", vi: "--member cần đi kèm --of <đơn vị>" })
 * assert.equal(e.code, "CLI-USAGE")
 * assert.equal(e.messages.vi, "--member cần đi kèm --of <đơn vị>")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class Usage extends ThiDuaError.Tagged("Usage")<{ readonly en: string; readonly vi: string }> {
  readonly code = "CLI-USAGE"
  readonly exitCode = 2
  get messages(): ThiDuaError.Messages {
    return { en: this.en, vi: this.vi }
  }
}

/**
 * Some of the commands of a run were refused (each already answered on its own line): the run
 * ends with exit code 1.
 *
 * @example
 * ```ts
 * import { CliError } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new CliError.SomeRefused({ refused: 2, total: 5 })
 * assert.equal(e.messages.en, "2 of 5 commands refused.")
 * assert.equal(e.messages.vi, "2 trên 5 lệnh bị từ chối.")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class SomeRefused extends ThiDuaError.Tagged("SomeRefused")<{
  readonly refused: number
  readonly total: number
}> {
  readonly code = "CLI-REFUSED"
  readonly exitCode = 1
  get messages(): ThiDuaError.Messages {
    return {
      en: `${this.refused} of ${this.total} commands refused.`,
      vi: `${this.refused} trên ${this.total} lệnh bị từ chối.`
    }
  }
}

/**
 * The exit code an error ends a run with: its own when it names one (2 for a run that could not
 * start), else 1 (input read and refused: a rule, a malformed value).
 *
 * @example
 * ```ts
 * import { CliError } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(CliError.exitCodeOf(new CliError.NoConfig({ path: "thidua.json" })), 2)
 * assert.equal(CliError.exitCodeOf(new Error("refused")), 1)
 * ```
 *
 * @since 0.7.0
 */
export const exitCodeOf = (error: unknown): number => {
  const code = (error as { readonly exitCode?: unknown } | null)?.exitCode
  return typeof code === "number" ? code : 1
}
