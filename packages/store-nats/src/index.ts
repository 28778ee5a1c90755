/**
 * @since 0.7.0
 */
export * as NatsStore from "./NatsStore.js"
