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

const program = Effect.suspend(() => Cli.runNode(process.argv.slice(2)))

NodeRuntime.runMain(program, {
  // The exit code is the run's answer; Ctrl-C (during `events --follow`) ends with 130.
  teardown: (exit, onExit) =>
    Exit.isSuccess(exit) ? onExit(exit.value as number) : Runtime.defaultTeardown(exit, onExit)
})
