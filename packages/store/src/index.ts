/**
 * @since 0.1.0
 */
export * as Codec from "./Codec.js"
export * as CommandHandler from "./CommandHandler.js"
export * as Conformance from "./Conformance.js"
export * as EventStore from "./EventStore.js"
export * as InMemoryStore from "./InMemoryStore.js"
export * as Limits from "./Limits.js"
export * as Position from "./Position.js"
export * as Principal from "./Principal.js"
export * as Recorded from "./Recorded.js"
export * as StoreError from "./StoreError.js"
export * as Telemetry from "./Telemetry.js"
export * as Validation from "./Validation.js"
