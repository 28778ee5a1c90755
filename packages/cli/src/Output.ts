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
import { CliOutput, type GlobalFlag } from "effect/cli"
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

// C0 and C1 controls (ESC starts a terminal's escape sequences, a newline breaks a table's row),
// the line and paragraph separators, and the marks that reorder text (U+202E shows "exe.txt" as
// "txt.exe").
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it finds
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const named: { readonly [c: string]: string } = { "\n": "\\n", "\r": "\\r", "\t": "\\t" }

/**
 * Text from the store or from a file made safe to print on a terminal: control characters (ESC,
 * newlines, DEL, C1), the line separators and the bidirectional marks are shown as escapes
 * (`\x1b`, `\n`, `\u202e`) instead of acting on the terminal. Everything else is left as it is.
 *
 * @example
 * ```ts
 * import { Output } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Output.safe("\u001b[2JCông đoàn\nA\u202Etxt"), "\\x1b[2JCông đoàn\\nA\\u202etxt")
 * assert.equal(Output.safe("Sáng kiến 1,5 tỷ"), "Sáng kiến 1,5 tỷ")
 * ```
 *
 * @since 0.7.0
 */
export const safe = (text: string): string =>
  text.replace(unsafe, (c) => {
    const known = named[c]
    if (known !== undefined) return known
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`
  })

/**
 * An error message made safe to print: like `safe`, but the newlines that separate the lines of
 * a message are kept.
 *
 * @since 0.7.0
 */
export const safeLines = (text: string): string => text.split("\n").map(safe).join("\n")

/**
 * How many columns a terminal gives a text: a Vietnamese letter one (composed or not), an East
 * Asian wide character or an emoji two.
 *
 * @example
 * ```ts
 * import { Output } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Output.width("Công đoàn"), 9)
 * assert.equal(Output.width("Công đoàn".normalize("NFD")), 9)
 * assert.equal(Output.width("工会🏆"), 6)
 * ```
 *
 * @since 0.7.0
 */
export const width = (text: string): number => CliOutput.displayWidth(text.normalize("NFC"))

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
 * Lines of a table: a header, a rule, the rows, every column as wide as its widest cell. Cells are
 * escaped (`safe`) and measured as the terminal shows them (`width`).
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
  const cellsOf = rows.map((r) => r.map(safe))
  const widths = headers.map((h, i) => Math.max(width(h), ...cellsOf.map((r) => width(r[i] ?? ""))))
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((cell, i) => {
        const pad = " ".repeat(widths[i]! - width(cell))
        return columns[i]?.right === true ? pad + cell : i === cells.length - 1 ? cell : cell + pad
      })
      .join("  ")
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...cellsOf.map(line)]
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
 * An error as one line for a person: its code and its message in the language, escaped
 * (`safeLines`) as it may quote what a file or the store holds.
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
  if (ThiDuaError.isThiDuaError(error)) return safeLines(`${error.code}: ${error.messages[lang]}`)
  if (error instanceof Error) return safeLines(error.message)
  return safeLines(String(error))
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
