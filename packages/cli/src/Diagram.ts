/**
 * `thidua diagram`: a lifecycle as a Mermaid state diagram, printed by `Lifecycle.toMermaid` from
 * the machine the rules enforce (the campaign's by default; a phase's, a pledge's, an
 * initiative's or a nomination's with `--machine`).
 *
 * @since 0.7.0
 */
import { Lifecycle } from "@thidua/core"
import { Console } from "effect"
import { Command, Flag } from "effect/cli"
import * as Output from "./Output.js"

const diagrams = {
  campaign: () => Lifecycle.toMermaid(Lifecycle.campaign),
  phase: () => Lifecycle.toMermaid(Lifecycle.phase),
  pledge: () => Lifecycle.toMermaid(Lifecycle.pledge),
  initiative: () => Lifecycle.toMermaid(Lifecycle.initiative),
  nomination: () => Lifecycle.toMermaid(Lifecycle.nomination)
} as const

/**
 * The `diagram` subcommand.
 *
 * @example
 * ```ts
 * import { Backend, Cli } from "@thidua/cli"
 * import { Engine } from "@thidua/engine"
 * import { Effect, Layer } from "effect"
 * import assert from "node:assert"
 *
 * const backend = Backend.layerFromEngine.pipe(Layer.provide(Engine.layer()))
 * assert.equal(await Effect.runPromise(Cli.runNode(["diagram", "--machine", "phase"], backend)), 0)
 * ```
 *
 * @since 0.7.0
 */
export const command = Command.make(
  "diagram",
  {
    machine: Flag.Literals("machine", ["campaign", "phase", "pledge", "initiative", "nomination"]).pipe(
      Flag.withDefault("campaign" as const),
      Flag.withDescription("Which lifecycle (default campaign)")
    )
  },
  ({ machine }) => Output.guard(Console.log(diagrams[machine]()))
).pipe(Command.withDescription("Print a lifecycle as a Mermaid state diagram · In vòng đời dưới dạng sơ đồ Mermaid"))
