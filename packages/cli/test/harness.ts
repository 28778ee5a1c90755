/**
 * Runs the command line in this process, as the binary would, with its output captured: the
 * exit code, the lines written to stdout and to stderr. The environment, the working directory,
 * stdin and whether stderr is a terminal are the test's.
 */
import { NodeServices } from "@effect/platform-node"
import { Backend, Cli, Env } from "@thidua/cli"
import { Engine } from "@thidua/engine"
import { Effect, Layer, ManagedRuntime, Sink, Stdio, Stream } from "effect"
import { TestConsole } from "effect/testing"

export interface Ran {
  readonly code: number
  readonly out: ReadonlyArray<string>
  readonly err: ReadonlyArray<string>
  /** What was written to stderr through Stdio (the progress bar on a terminal). */
  readonly raw: string
  /** Whether the run was interrupted (as by Ctrl-C) by `RunOptions.interrupt`. */
  readonly interrupted: boolean
}

export interface RunOptions {
  readonly cwd?: string
  readonly vars?: { readonly [name: string]: string | undefined }
  readonly stdin?: string | Uint8Array
  readonly tty?: boolean
  /** Interrupts the run, as Ctrl-C does, when this settles. */
  readonly interrupt?: Promise<unknown>
}

const lines = (xs: ReadonlyArray<unknown>) => xs.flatMap((x) => String(x).split("\n"))

export const runner = <E>(backend: Layer.Layer<Backend.Backend, E>) => {
  const runtime = ManagedRuntime.make(Layer.mergeAll(backend, NodeServices.layer))
  const run = async (args: ReadonlyArray<string>, options: RunOptions = {}): Promise<Ran> => {
    let raw = ""
    const program = Effect.gen(function* () {
      const cli = Cli.run(args).pipe(
        Effect.provideService(Env.Env, { cwd: options.cwd ?? process.cwd(), vars: options.vars ?? { LANG: "C" } }),
        Effect.provide(
          Stdio.layerTest({
            stdin: Stream.make(
              typeof options.stdin === "object" ? options.stdin : new TextEncoder().encode(options.stdin ?? "")
            ),
            stderrIsTerminal: Effect.succeed(options.tty === true),
            stderr: () => sinkTo((s) => (raw += s))
          })
        )
      )
      const interrupt = options.interrupt
      const ran =
        interrupt === undefined
          ? yield* Effect.map(cli, (code) => ({ code, interrupted: false }))
          : yield* Effect.raceFirst(
              Effect.map(cli, (code) => ({ code, interrupted: false })),
              Effect.promise(() => interrupt).pipe(Effect.as({ code: -1, interrupted: true }))
            )
      return { ...ran, out: lines(yield* TestConsole.logLines), err: lines(yield* TestConsole.errorLines) }
    }).pipe(Effect.provide(TestConsole.layer))
    const done = await runtime.runPromise(program)
    return { ...done, raw }
  }
  return { run, dispose: () => runtime.dispose(), runtime }
}

const decoder = new TextDecoder()
const sinkTo = (write: (s: string) => void) =>
  // biome-ignore lint/suspicious/useIterableCallbackReturn: Sink.forEach takes an Effect per chunk
  Sink.forEach((chunk: string | Uint8Array) =>
    Effect.sync(() => write(typeof chunk === "string" ? chunk : decoder.decode(chunk)))
  )

/** A runner on one in-memory engine shared by the file's tests (each test takes its own tenant). */
export const memoryRunner = () =>
  runner(
    Backend.layerFromEngine.pipe(Layer.provide(Engine.layer({ store: "memory" }))) as Layer.Layer<
      Backend.Backend,
      unknown
    >
  )
