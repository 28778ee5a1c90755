/**
 * Thi Đua over HTTP: commands, campaigns, read models and live events as an HTTP API built with
 * `effect/http-api`, with problem+json errors, an OpenAPI document and the host's own
 * authentication hook.
 *
 * @since 0.7.0
 */
export * as Api from "./Api.js"
export * as Auth from "./Auth.js"
export * as HttpError from "./HttpError.js"
export * as Problem from "./Problem.js"
export * as Server from "./Server.js"
