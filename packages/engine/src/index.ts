/**
 * @since 0.5.0
 */

// What a host needs beside the engine, so that one package is enough to start: the command
// builders and schemas, the rulebook, the built-in read models and workflow managers.
export { Command, Commands, DomainError, Eligibility, Record, Rulebook } from "@thidua/core"
export {
  AwardRoll,
  CommendationRecord,
  InitiativeLedger,
  Participation,
  Scoreboard,
  Timeline
} from "@thidua/projections"
export { AwardApproval, CampaignCalendar, Cascade, ClusterCovenant } from "@thidua/workflow"
export * as Engine from "./Engine.js"
export * as EngineError from "./EngineError.js"
export * as Telemetry from "./Telemetry.js"
export * as ThiDua from "./ThiDua.js"
export { createThiDua } from "./ThiDua.js"
export * as Views from "./Views.js"
