/**
 * The language the command line answers in: Vietnamese or English, chosen by `--lang vi|en` or,
 * without it, by the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`; one starting with `vi`
 * means Vietnamese). Every message of the library carries both texts; this picks one.
 *
 * @since 0.7.0
 */
import { Effect, Option } from "effect"
import { Flag, GlobalFlag } from "effect/cli"
import { Env } from "./Env.js"

/**
 * A language of the command line.
 *
 * @since 0.7.0
 */
export type Lang = "vi" | "en"

/**
 * Text in both languages.
 *
 * @since 0.7.0
 */
export interface Texts {
  readonly vi: string
  readonly en: string
}

/**
 * The global `--lang vi|en` flag, accepted by every subcommand.
 *
 * @since 0.7.0
 */
export const flag = GlobalFlag.Setting("lang")({
  flag: Flag.Literals("lang", ["vi", "en"]).pipe(
    Flag.optional,
    Flag.withDescription("Answer in Vietnamese or English (default: from LC_ALL / LC_MESSAGES / LANG)")
  )
})

/**
 * The language the locale variables ask for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
 * that is set and not empty decides, as POSIX orders them; one starting with `vi` means
 * Vietnamese, anything else (or none) English.
 *
 * @example
 * ```ts
 * import { Lang } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Lang.fromLocale({ LANG: "vi_VN.UTF-8" }), "vi")
 * assert.equal(Lang.fromLocale({ LC_ALL: "C", LANG: "vi_VN.UTF-8" }), "en")
 * assert.equal(Lang.fromLocale({ LC_ALL: "", LC_MESSAGES: "vi", LANG: "en_US.UTF-8" }), "vi")
 * assert.equal(Lang.fromLocale({}), "en")
 * ```
 *
 * @since 0.7.0
 */
export const fromLocale = (vars: { readonly [name: string]: string | undefined }): Lang => {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = vars[name]
    if (value !== undefined && value !== "") return value.toLowerCase().startsWith("vi") ? "vi" : "en"
  }
  return "en"
}

/**
 * The language a command line asks for before it is parsed: the value of its last `--lang vi|en`
 * (`--lang=vi` too), else the locale. Only for reporting a command line that does not parse;
 * a parsed run reads the flag itself (`current`).
 *
 * @example
 * ```ts
 * import { Lang } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Lang.fromArgs(["scoreboard", "--colour", "--lang", "vi"], {}), "vi")
 * assert.equal(Lang.fromArgs(["--lang=en", "events"], { LANG: "vi_VN.UTF-8" }), "en")
 * assert.equal(Lang.fromArgs(["events"], { LANG: "vi_VN.UTF-8" }), "vi")
 * ```
 *
 * @since 0.7.0
 */
export const fromArgs = (args: ReadonlyArray<string>, vars: { readonly [name: string]: string | undefined }): Lang => {
  let found: Lang | undefined
  args.forEach((arg, i) => {
    const value = arg === "--lang" ? args[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined
    if (value === "vi" || value === "en") found = value
  })
  return found ?? fromLocale(vars)
}

/**
 * The language of this run: the `--lang` flag if given, else the locale.
 *
 * @since 0.7.0
 */
export const current: Effect.Effect<Lang, never, GlobalFlag.Setting.Identifier<"lang">> = Effect.gen(function* () {
  const chosen = yield* flag
  if (Option.isSome(chosen)) return chosen.value
  const env = yield* Env
  return fromLocale(env.vars)
})

/**
 * Picks the text of a language.
 *
 * @example
 * ```ts
 * import { Lang } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Lang.pick("vi", { vi: "Điểm", en: "Points" }), "Điểm")
 * ```
 *
 * @since 0.7.0
 */
export const pick = (lang: Lang, texts: Texts): string => texts[lang]
