/**
 * @since 0.7.0
 */
export * as Move from "./Move.js"
export * as NatsStore from "./NatsStore.js"
