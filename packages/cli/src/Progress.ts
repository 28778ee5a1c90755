/**
 * Progress of a long run (a rebuild) on stderr: on a terminal, one line redrawn in place, a bar
 * with the events done out of the total and the rate; otherwise (a log file, a pipe) a plain line
 * now and then and one at the end, so a log stays readable.
 *
 * @since 0.7.0
 */
import { Clock, Console, Effect, Stdio, Stream } from "effect"
import * as Lang from "./Lang.js"
import * as Output from "./Output.js"

/**
 * A progress display.
 *
 * @since 0.7.0
 */
export interface Progress {
  /** The events done so far. */
  readonly update: (done: number) => Effect.Effect<void>
  /** The last update, then the end of the display. */
  readonly finish: (done: number) => Effect.Effect<void>
}

/**
 * How a moment of progress reads: `[#####.....] 1.234/5.678 sự kiện (21%), 12.345 sự kiện/giây`.
 *
 * @example
 * ```ts
 * import { Progress } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(Progress.render("en", 200, 1000, 2, 10), "[##........] 200/1,000 events (20%), 100 events/s")
 * assert.equal(Progress.render("vi", 1000, 1000, 0.5, 0), "1.000/1.000 sự kiện (100%), 2.000 sự kiện/giây")
 * ```
 *
 * @since 0.7.0
 */
export const render = (lang: Lang.Lang, done: number, total: number, seconds: number, barWidth: number): string => {
  const share = total === 0 ? 1 : Math.min(1, done / total)
  const filled = Math.round(share * barWidth)
  const bar = barWidth > 0 ? `[${"#".repeat(filled)}${".".repeat(barWidth - filled)}] ` : ""
  const rate = seconds > 0 ? Math.round(done / seconds) : done
  const events = Lang.pick(lang, { en: "events", vi: "sự kiện" })
  const perSecond = Lang.pick(lang, { en: "events/s", vi: "sự kiện/giây" })
  return `${bar}${Output.number(lang, done)}/${Output.number(lang, total)} ${events} (${Math.floor(share * 100)}%), ${Output.number(lang, rate)} ${perSecond}`
}

/**
 * A progress display on stderr for `total` events, labelled.
 *
 * @since 0.7.0
 */
export const make = (label: string, total: number, lang: Lang.Lang): Effect.Effect<Progress, never, Stdio.Stdio> =>
  Effect.gen(function* () {
    const stdio = yield* Stdio.Stdio
    const tty = yield* stdio.stderrIsTerminal
    const start = yield* Clock.currentTimeMillis
    let shown = start
    const write = (text: string) => Effect.ignore(Stream.run(Stream.succeed(text), stdio.stderr({ endOnDone: false })))
    const line = (done: number, now: number) =>
      `${label}: ${render(lang, done, total, (now - start) / 1000, tty ? 30 : 0)}`
    // A terminal is redrawn ten times a second at most, a log written once a second.
    const every = tty ? 100 : 1000
    return {
      update: (done) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) => {
          if (now - shown < every) return Effect.void
          shown = now
          return tty ? write(`\r${line(done, now)}`) : Console.error(line(done, now))
        }),
      finish: (done) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          tty ? write(`\r${line(done, now)}\n`) : Console.error(line(done, now))
        )
    }
  })
