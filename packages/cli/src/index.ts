/**
 * The `thidua` command line as a library: the root command and its parts, so that a host may run
 * it in its own process (`Cli.run` with `Backend.layerFromEngine`), embed a subcommand, or extend
 * it with its own.
 *
 * @since 0.7.0
 */
export * as Backend from "./Backend.js"
export * as CampaignFile from "./CampaignFile.js"
export * as Cli from "./Cli.js"
export * as CliError from "./CliError.js"
export * as Diagram from "./Diagram.js"
export * as Env from "./Env.js"
export * as Events from "./Events.js"
export * as Exec from "./Exec.js"
export * as Explain from "./Explain.js"
export * as Import from "./Import.js"
export * as Init from "./Init.js"
export * as Lang from "./Lang.js"
export * as Output from "./Output.js"
export * as Progress from "./Progress.js"
export * as Rebuild from "./Rebuild.js"
export * as Settings from "./Settings.js"
export * as Tables from "./Tables.js"
