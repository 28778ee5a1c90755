/**
 * @since 0.1.0
 */
export * as Version from "./Version.js"
