/**
 * @since 0.4.0
 */
export * as AwardApproval from "./AwardApproval.js"
export * as Calendar from "./Calendar.js"
export * as CampaignCalendar from "./CampaignCalendar.js"
export * as Cascade from "./Cascade.js"
export * as ClusterCovenant from "./ClusterCovenant.js"
export * as Lease from "./Lease.js"
export * as Process from "./Process.js"
export * as ProcessManager from "./ProcessManager.js"
export * as Runner from "./Runner.js"
export * as SqlLease from "./SqlLease.js"
export * as Timers from "./Timers.js"
export * as WorkflowError from "./WorkflowError.js"
