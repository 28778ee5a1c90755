/**
 * @since 0.1.0
 */
export * as Inline from "./Inline.js"
export * as Projection from "./Projection.js"
export * as ProjectionError from "./ProjectionError.js"
export * as ReadModelStore from "./ReadModelStore.js"
export * as ReadModels from "./ReadModels.js"
export * as Runner from "./Runner.js"
export * as AwardRoll from "./readModels/AwardRoll.js"
export * as CommendationRecord from "./readModels/CommendationRecord.js"
export * as InitiativeLedger from "./readModels/InitiativeLedger.js"
export * as Participation from "./readModels/Participation.js"
export * as Scoreboard from "./readModels/Scoreboard.js"
export * as Timeline from "./readModels/Timeline.js"
export * as SqlReadModelStore from "./SqlReadModelStore.js"
