/**
 * What the command line reads from its process: the working directory and the environment
 * variables. A reference with the process's own as its default, so that a host embedding the
 * command line (or a test) can run it for another directory and another environment without
 * changing the process.
 *
 * @since 0.7.0
 */
import { Context } from "effect"

/**
 * The working directory and environment variables a run sees.
 *
 * @since 0.7.0
 */
export interface Shape {
  readonly cwd: string
  readonly vars: { readonly [name: string]: string | undefined }
}

/**
 * The environment of a run; by default the process's.
 *
 * @example
 * ```ts
 * import { Env } from "@thidua/cli"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * const cwd = Effect.runSync(Effect.provideService(Effect.map(Effect.service(Env.Env), (e) => e.cwd), Env.Env, { cwd: "/tmp", vars: {} }))
 * assert.equal(cwd, "/tmp")
 * ```
 *
 * @since 0.7.0
 */
export const Env = Context.Reference<Shape>("@thidua/cli/Env", {
  defaultValue: () => ({ cwd: process.cwd(), vars: process.env })
})
