/**
 * The `thidua` command: its subcommands, its global flags (`--lang vi|en`, `--config <file>`), and
 * `run`, which runs it on arguments and answers with the exit code: 0 when everything was done,
 * 1 when input was refused (a rule, a malformed value, a command of an NDJSON run), 2 when the run
 * could not start (a wrong flag, no config, a store that cannot be opened). Errors are printed on
 * stderr with their code and message in the run's language, never with a stack trace.
 *
 * @since 0.7.0
 */
import { NodeServices } from "@effect/platform-node"
import { Console, Effect, Layer } from "effect"
import { CliOutput, Command, CliError as EffectCliError } from "effect/cli"
import * as Backend from "./Backend.js"
import * as Diagram from "./Diagram.js"
import * as Env from "./Env.js"
import * as Events from "./Events.js"
import * as Exec from "./Exec.js"
import * as Explain from "./Explain.js"
import * as Import from "./Import.js"
import * as Init from "./Init.js"
import * as Lang from "./Lang.js"
import * as Output from "./Output.js"
import * as Rebuild from "./Rebuild.js"
import * as Settings from "./Settings.js"
import * as Tables from "./Tables.js"

/**
 * The version `thidua --version` prints.
 *
 * @since 0.7.0
 */
export const version = "0.7.0"

/**
 * The subcommands, in the order help lists them. A host extending the command line adds its own
 * to these and makes a root of its own with `Command.withSubcommands`.
 *
 * @since 0.7.0
 */
export const subcommands = [
  Init.command,
  Import.command,
  Exec.command,
  Events.command,
  Tables.scoreboard,
  Tables.ledger,
  Tables.awards,
  Rebuild.command,
  Explain.command,
  Diagram.command
] as const

/**
 * The global flags every subcommand takes: `--lang` and `--config`.
 *
 * @since 0.7.0
 */
export const globalFlags = [Lang.flag, Settings.flag] as const

/**
 * The root command, `thidua`.
 *
 * @since 0.7.0
 */
export const root = Command.make("thidua").pipe(
  Command.withDescription(
    "Thi Đua: emulation campaigns as event streams, from the command line · Phong trào thi đua từ dòng lệnh"
  ),
  Command.withSubcommands(subcommands),
  Command.withGlobalFlags(globalFlags)
)

/**
 * Runs the command line on its arguments (without `node` and the script) and answers with the
 * exit code. Needs the backend (`Backend.layer` for the config file's store) and the platform's
 * services (`NodeServices.layer`).
 *
 * @example
 * ```ts
 * import { Cli } from "@thidua/cli"
 * import { Effect } from "effect"
 * import { mkdtempSync } from "node:fs"
 * import { tmpdir } from "node:os"
 * import { join } from "node:path"
 * import assert from "node:assert"
 *
 * // No config file there: the run cannot start.
 * const config = join(mkdtempSync(join(tmpdir(), "thidua-")), "thidua.json")
 * assert.equal(await Effect.runPromise(Cli.runNode(["scoreboard", "--config", config, "--tenant", "t", "--campaign", "c"])), 2)
 * // A flag it does not know: usage error.
 * assert.equal(await Effect.runPromise(Cli.runNode(["scoreboard", "--colour"])), 2)
 * ```
 *
 * @since 0.7.0
 */
export const run = (args: ReadonlyArray<string>): Effect.Effect<number, never, Backend.Backend | Command.Environment> =>
  Command.runWith(root, { version })(args).pipe(
    Effect.as(0),
    Effect.catch((error: unknown) =>
      error instanceof Output.Exit
        ? Effect.succeed(error.exitCode)
        : EffectCliError.isCliError(error)
          ? error._tag === "ShowHelp" && error.errors.length > 0
            ? Effect.as(usage(args, error.commandPath, error.errors), 2)
            : Effect.succeed(2)
          : Effect.as(Console.error(Output.describe("en", error)), 1)
    ),
    // Parse errors are ours to print (below): the help and effect's English list are not.
    Effect.provideService(CliOutput.Presenter, {
      present: (event) => (event._tag === "InvalidInvocation" ? Effect.void : CliOutput.defaultPresenter.present(event))
    })
  )

// A run that did not parse: `CLI-USAGE:` and what is wrong, in the language the run asked for (the
// flags were not parsed, so `--lang` is looked for in the words as given), and where help is.
const usage = (
  args: ReadonlyArray<string>,
  commandPath: ReadonlyArray<string>,
  errors: ReadonlyArray<{ readonly message: string }>
) =>
  Effect.gen(function* () {
    const lang = Lang.fromArgs(args, (yield* Env.Env).vars)
    const what = errors.map((e) => e.message).join("; ")
    const help = `${commandPath.join(" ")} --help`
    yield* Console.error(
      Output.safeLines(
        Lang.pick(lang, {
          en: `CLI-USAGE: Invalid command line: ${what}\nSee "${help}".`,
          vi: `CLI-USAGE: Lệnh gọi không hợp lệ: ${what}\nXem "${help}".`
        })
      )
    )
  })

/**
 * `run` with Node's services (files, stdin, the terminal) and a backend: the config file's store
 * (`Backend.layer`) unless another is given. What the `thidua` binary runs.
 *
 * @example
 * ```ts
 * import { Backend, Cli } from "@thidua/cli"
 * import { Engine } from "@thidua/engine"
 * import { Effect, Layer } from "effect"
 * import assert from "node:assert"
 *
 * const onMemory = Backend.layerFromEngine.pipe(Layer.provide(Engine.layer({ store: "memory" })))
 * assert.equal(await Effect.runPromise(Cli.runNode(["diagram", "--machine", "phase"], onMemory)), 0)
 * ```
 *
 * @since 0.7.0
 */
export const runNode = <E>(
  args: ReadonlyArray<string>,
  backend: Layer.Layer<Backend.Backend, E> = Backend.layer as Layer.Layer<Backend.Backend, E>
): Effect.Effect<number, E> => run(args).pipe(Effect.provide(Layer.mergeAll(backend, NodeServices.layer)))
