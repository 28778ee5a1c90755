/**
 * @since 0.1.0
 */
export * as AwardKind from "./AwardKind.js"
export * as Campaign from "./Campaign.js"
export * as Command from "./Command.js"
export * as Decider from "./Decider.js"
export * as Directory from "./Directory.js"
export * as DomainError from "./DomainError.js"
export * as Event from "./Event.js"
export * as Ids from "./Ids.js"
export * as Lifecycle from "./Lifecycle.js"
export * as LocalDate from "./LocalDate.js"
export * as Organization from "./Organization.js"
export * as Rulebook from "./Rulebook.js"
export * as ThiDuaError from "./ThiDuaError.js"
export * as Upcast from "./Upcast.js"
export * as Version from "./Version.js"
export * as Vnd from "./Vnd.js"
