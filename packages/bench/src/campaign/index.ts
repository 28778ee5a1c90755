/**
 * The campaign workload the benchmark lines share: `Campaigns.generate` gives Thi Đua commands
 * (directory, lifecycle prefix, scores, refusals on demand) with what they must leave behind;
 * `EmmettCampaign` is the same decider in Emmett's idiom, and `toEmmett` maps the commands.
 */

export * as EmmettCampaign from "./emmett.js"
export * as Logs from "./log.js"
export * as Campaigns from "./thidua.js"
