/**
 * @since 0.1.0
 */
export * as Inline from "./Inline.js"
export * as Projection from "./Projection.js"
export * as ReadModelStore from "./ReadModelStore.js"
export * as Runner from "./Runner.js"
