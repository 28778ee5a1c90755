/**
 * @since 0.1.0
 */
export * as Arbitraries from "./Arbitraries.js"
export * as Careers from "./Careers.js"
export * as History from "./History.js"
export * as LifecycleModel from "./LifecycleModel.js"
export * as Replay from "./Replay.js"
export * as Scenario from "./Scenario.js"
export * as Seeds from "./Seeds.js"
export * as Spec from "./Spec.js"
export * as StoreConformance from "./StoreConformance.js"
