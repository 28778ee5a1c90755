/**
 * The `thidua` binary: the command line on the store the config file names, with Node's
 * services. In the repository, run it on the sources with
 * `pnpm exec tsx --conditions=@thidua/source packages/cli/src/main.ts <args>`.
 *
 * @since 0.7.0
 */
import { NodeRuntime } from "@effect/platform-node"
import { Effect, Exit, Runtime } from "effect"
import * as Cli from "./Cli.js"

// A reader that went away (`thidua events | head -1`) ends the run as `cat` or `seq` end: quietly,
// with 141 (128 + SIGPIPE, so `set -o pipefail` sees the output was cut short), the run's scopes
// closed first, so a store is left as it should be and no command is sent whose answer no one
// reads. The listeners are there before anything is written and stay to the end: a write fails
// on the next tick, possibly after the run itself is done.
let broken: number | undefined
let wake: ((code: number) => void) | undefined
const onError = (error: NodeJS.ErrnoException) => {
  broken ??= error.code === "EPIPE" ? 141 : 1
  wake?.(broken)
}
process.stdout.on("error", onError)
process.stderr.on("error", onError)

const brokenPipe = Effect.callback<number>((resume) => {
  if (broken !== undefined) resume(Effect.succeed(broken))
  else wake = (code) => resume(Effect.succeed(code))
})

const program = Effect.raceFirst(
  Effect.suspend(() => Cli.runNode(process.argv.slice(2))),
  brokenPipe
)

NodeRuntime.runMain(program, {
  // The exit code is the run's answer; Ctrl-C (during `events --follow`, an import) ends with 130.
  // A turn of the event loop first: the last write's failure is reported on the next tick.
  teardown: (exit, onExit) => {
    const end = (code: number) => setImmediate(() => onExit(broken ?? code))
    return Exit.isSuccess(exit) ? end(exit.value as number) : Runtime.defaultTeardown(exit, end)
  }
})
