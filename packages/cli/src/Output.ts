/**
 * How the command line writes: numbers, money and dates in the language of the run (Vietnamese
 * conventions with `Vietnamese.formatNumber` / `formatAmount` / `formatDate`, en-US grouping in
 * English), tables with aligned columns, errors as their code and message, and the exit code a
 * failed run ends with.
 *
 * @since 0.7.0
 */
import { ThiDuaError, Vietnamese } from "@thidua/core"
import { Console, Effect } from "effect"
import type { GlobalFlag } from "effect/cli"
import { exitCodeOf } from "./CliError.js"
import * as Lang from "./Lang.js"

const en = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 })

/**
 * A number as the language writes it: "38.025" and "8,5" in Vietnamese, "38,025" and "8.5" in English.
 *
 * @example
 * ```ts
 * import { Output } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Output.number("vi", 38025.5), "38.025,5")
 * assert.equal(Output.number("en", 38025.5), "38,025.5")
 * ```
 *
 * @since 0.7.0
 */
export const number = (lang: Lang.Lang, n: number): string =>
  lang === "vi" ? Vietnamese.formatNumber(n) : en.format(n)

/**
 * An amount of đồng: "85.000.000 đồng" in Vietnamese, "85,000,000 VND" in English.
 *
 * @example
 * ```ts
 * import { Output } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Output.amount("vi", 85_000_000), "85.000.000 đồng")
 * assert.equal(Output.amount("en", 85_000_000), "85,000,000 VND")
 * ```
 *
 * @since 0.7.0
 */
export const amount = (lang: Lang.Lang, vnd: number): string =>
  lang === "vi" ? Vietnamese.formatAmount(vnd) : `${en.format(vnd)} VND`

/**
 * A day: "02/01/2020" in Vietnamese, "2020-01-02" in English.
 *
 * @example
 * ```ts
 * import { Output } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Output.date("vi", "2020-01-02"), "02/01/2020")
 * assert.equal(Output.date("en", "2020-01-02"), "2020-01-02")
 * ```
 *
 * @since 0.7.0
 */
export const date = (lang: Lang.Lang, day: string): string =>
  lang === "vi" ? Vietnamese.formatDate(day as Parameters<typeof Vietnamese.formatDate>[0]) : day

// Width as a terminal shows it: code points of the composed form (Vietnamese letters are one each).
const width = (s: string): number => [...s.normalize("NFC")].length

/**
 * A column of a table: its header in both languages and whether it is aligned right (numbers).
 *
 * @since 0.7.0
 */
export interface Column {
  readonly header: Lang.Texts
  readonly right?: boolean
}

/**
 * Lines of a table: a header, a rule, the rows, every column as wide as its widest cell.
 *
 * @example
 * ```ts
 * import { Output } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const lines = Output.table("vi", [{ header: { vi: "Đơn vị", en: "Unit" } }, { header: { vi: "Điểm", en: "Points" }, right: true }], [["Công đoàn A", "17,5"], ["B", "9"]])
 * assert.deepEqual(lines, ["Đơn vị       Điểm", "-----------  ----", "Công đoàn A  17,5", "B               9"])
 * ```
 *
 * @since 0.7.0
 */
export const table = (
  lang: Lang.Lang,
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<ReadonlyArray<string>>
): ReadonlyArray<string> => {
  const headers = columns.map((c) => c.header[lang])
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))))
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((cell, i) => {
        const pad = " ".repeat(widths[i]! - width(cell))
        return columns[i]?.right === true ? pad + cell : i === cells.length - 1 ? cell : cell + pad
      })
      .join("  ")
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)]
}

/**
 * A run that ended with an error already printed: the exit code it ends with.
 *
 * @example
 * ```ts
 * import { Output } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(new Output.Exit({ exitCode: 2 }).code, "CLI-EXIT")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class Exit extends ThiDuaError.Tagged("Exit")<{ readonly exitCode: number }> {
  readonly code = "CLI-EXIT"
  get messages(): ThiDuaError.Messages {
    return { en: `Exited with code ${this.exitCode}.`, vi: `Kết thúc với mã ${this.exitCode}.` }
  }
}

/**
 * An error as one line for a person: its code and its message in the language.
 *
 * @example
 * ```ts
 * import { CliError, Output } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Output.describe("en", new CliError.SomeRefused({ refused: 1, total: 2 })), "CLI-REFUSED: 1 of 2 commands refused.")
 * ```
 *
 * @since 0.7.0
 */
export const describe = (lang: Lang.Lang, error: unknown): string => {
  if (ThiDuaError.isThiDuaError(error)) return `${error.code}: ${error.messages[lang]}`
  if (error instanceof Error) return error.message
  return String(error)
}

/**
 * Runs a subcommand's work: an error it fails with is printed (code and message, in the run's
 * language, on stderr) and the run ends with its exit code, never with a stack trace.
 *
 * @since 0.7.0
 */
export const guard = <A, E, R>(
  effect: Effect.Effect<A, E, R>
): Effect.Effect<A, Exit, R | GlobalFlag.Setting.Identifier<"lang">> =>
  Effect.catch(effect, (error) =>
    error instanceof Exit
      ? Effect.fail(error)
      : Effect.flatMap(Lang.current, (lang) =>
          Effect.andThen(Console.error(describe(lang, error)), Effect.fail(new Exit({ exitCode: exitCodeOf(error) })))
        )
  )
