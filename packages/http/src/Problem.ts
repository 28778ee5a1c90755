/**
 * Errors as RFC 9457 problem details (`application/problem+json`): every error the HTTP API
 * answers has this one shape, whatever refused the request (the HTTP layer, the engine, a rule,
 * the store).
 *
 * ```json
 * { "type": "urn:thidua:problem:C5", "title": "Refused by rule C5", "status": 422,
 *   "detail": "Phase dot-2 overlaps phase dot-1.", "code": "C5",
 *   "messages": { "vi": "Đợt thi đua dot-2 trùng thời gian với đợt dot-1.", "en": "Phase dot-2 overlaps phase dot-1." },
 *   "details": { "phaseId": "dot-2", "reason": "overlap", "other": "dot-1" }, "rule": "C5" }
 * ```
 *
 * `code` is the error's stable code (what a client switches on), `messages` the text for people
 * in both languages, `details` the values that explain it, and `rule` the id of the rule that
 * refused a command (only then). A 500 says nothing of the server's internals.
 *
 * @since 0.7.0
 */
import { ThiDuaError } from "@thidua/core"
import { Schema } from "effect"
import { HttpServerResponse } from "effect/http"
import { HttpApiSchema } from "effect/http-api"
import * as HttpError from "./HttpError.js"

/**
 * The media type of a problem.
 *
 * @since 0.7.0
 * @category constants
 */
export const contentType = "application/problem+json"

/**
 * The statuses the API answers errors with.
 *
 * @since 0.7.0
 * @category models
 */
export type Status = 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 415 | 422 | 500 | 503

/**
 * Every status of `Status`, in order.
 *
 * @since 0.7.0
 * @category constants
 */
export const statuses: ReadonlyArray<Status> = [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 500, 503]

/**
 * A problem as the API sends it.
 *
 * @since 0.7.0
 * @category models
 */
export interface Problem {
  /** `urn:thidua:problem:<code>`: one URI per code. */
  readonly type: string
  /** A short summary of the problem type, in English. */
  readonly title: string
  readonly status: Status
  /** What happened, in English (`messages.en`). */
  readonly detail: string
  /** The error's stable code: a rule id (`C5`), `CommandDecodeError`, `AUTH-PRINCIPAL`, `HTTP-BODY`, ... */
  readonly code: string
  readonly messages: { readonly vi: string; readonly en: string }
  /** The values that explain the error (the rule's details, the field that failed to decode, ...). */
  readonly details?: { readonly [key: string]: unknown }
  /** The id of the rule that refused the command, when a rule did. */
  readonly rule?: string
}

const titles: { readonly [S in Status]: string } = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  500: "Internal Server Error",
  503: "Service Unavailable"
}

// The status of an error, by its `_tag` (stable, unlike classes that may be loaded twice).
const byTag: { readonly [tag: string]: Status } = {
  Unauthenticated: 401,
  WrongTenant: 403,
  PrincipalMismatch: 403,
  UnsupportedMediaType: 415,
  BodyTooLarge: 413,
  LimitExceeded: 413,
  InvalidBody: 400,
  InvalidHeader: 400,
  InvalidRequest: 400,
  CommandDecodeError: 400,
  InvalidOption: 400,
  InvalidInput: 400,
  NotFound: 404,
  MethodNotAllowed: 405,
  IdempotencyConflict: 409,
  WrongExpectedVersion: 412,
  DomainError: 422,
  // Not the request's fault and not a bug: the engine is closing or the store cannot be reached.
  // A client may try again later.
  EngineClosed: 503,
  StoreUnavailable: 503
}

/**
 * The status an error is answered with: 400 bad input, 401 no principal, 403 another caller or
 * tenant, 404 nothing there, 405 a method the path does not take, 409 a command id reused for another command, 412 a stale `If-Match`,
 * 413 too big, 415 not JSON, 422 refused by a rule, 500 anything else.
 *
 * @example
 * ```ts
 * import { DomainError } from "@thidua/core"
 * import { HttpError, Problem } from "@thidua/http"
 * import assert from "node:assert"
 *
 * assert.equal(Problem.statusOf(DomainError.make("C5", { phaseId: "dot-2", reason: "overlap", other: "dot-1" })), 422)
 * assert.equal(Problem.statusOf(new HttpError.Unauthenticated()), 401)
 * assert.equal(Problem.statusOf(new Error("boom")), 500)
 * ```
 *
 * @since 0.7.0
 */
export const statusOf = (error: unknown): Status =>
  ThiDuaError.isThiDuaError(error) ? (byTag[error._tag] ?? 500) : 500

const internal = new HttpError.Internal()
const unavailable = new HttpError.Unavailable()

// An error's own fields are its details; for a rule's refusal, the values that broke it. A
// field whose value cannot be sent as JSON is left out rather than failing the answer.
const detailsOf = (error: ThiDuaError.ThiDuaError): { readonly [key: string]: unknown } | undefined => {
  if (error._tag === "DomainError") {
    const details = (error as unknown as { readonly details?: unknown }).details
    return typeof details === "object" && details !== null
      ? (details as { readonly [key: string]: unknown })
      : undefined
  }
  const out: { [key: string]: unknown } = {}
  for (const [key, value] of Object.entries(error)) {
    if (key === "_tag" || key === "code" || key === "messages" || key === "message" || key === "stack") continue
    try {
      JSON.stringify(value)
      out[key] = value
    } catch {}
  }
  return Object.keys(out).length === 0 ? undefined : out
}

/**
 * The problem for an error. An error of the library keeps its code, messages and details; a
 * failure that is the server's own (status 500) keeps only its code, with a message that reveals
 * nothing, and anything that is not an error of the library becomes `HTTP-INTERNAL`.
 *
 * @example
 * ```ts
 * import { DomainError } from "@thidua/core"
 * import { Problem } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const p = Problem.fromError(DomainError.make("C5", { phaseId: "dot-2", reason: "overlap", other: "dot-1" }))
 * assert.equal(p.status, 422)
 * assert.equal(p.rule, "C5")
 * assert.equal(p.messages.vi, "Đợt thi đua dot-2 trùng thời gian với đợt dot-1.")
 * assert.deepEqual(p.details, { phaseId: "dot-2", reason: "overlap", other: "dot-1" })
 *
 * const hidden = Problem.fromError(new Error("password=hunter2"))
 * assert.equal(hidden.code, "HTTP-INTERNAL")
 * assert.ok(!JSON.stringify(hidden).includes("hunter2"))
 * ```
 *
 * @since 0.7.0
 */
export const fromError = (error: unknown): Problem => {
  const status = statusOf(error)
  if (!ThiDuaError.isThiDuaError(error)) return make(500, internal.code, internal.messages)
  if (status === 500) {
    // The host's own hook failing is said as such; anything else reveals nothing but its code.
    const messages = error._tag === "AuthenticationFailed" ? error.messages : internal.messages
    return make(500, error.code, messages)
  }
  // A store's failure may carry a driver's text (hosts, users): only its code goes out.
  if (status === 503)
    return make(503, error.code, error._tag === "EngineClosed" ? error.messages : unavailable.messages)
  const details = detailsOf(error)
  const rule = error._tag === "DomainError" ? error.code : undefined
  return make(status, error.code, error.messages, details, rule)
}

const make = (
  status: Status,
  code: string,
  messages: ThiDuaError.Messages,
  details?: { readonly [key: string]: unknown },
  rule?: string
): Problem => ({
  type: `urn:thidua:problem:${code}`,
  title: rule === undefined ? titles[status] : `Refused by rule ${rule}`,
  status,
  detail: messages.en,
  code,
  messages: { vi: messages.vi, en: messages.en },
  ...(details === undefined ? {} : { details }),
  ...(rule === undefined ? {} : { rule })
})

/**
 * A problem as a response: its status, `application/problem+json`, `X-Content-Type-Options:
 * nosniff`, and by status: `WWW-Authenticate: Bearer` for a 401 (RFC 9110 asks for a challenge;
 * the host's hook decides what proves a caller), `Allow` for a 405, `connection: close` for a
 * body too large (the rest of it is not read).
 *
 * @example
 * ```ts
 * import { HttpError, Problem } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const response = Problem.toResponse(Problem.fromError(new HttpError.Unauthenticated()))
 * assert.equal(response.status, 401)
 * assert.equal(response.headers["www-authenticate"], "Bearer")
 * ```
 *
 * @since 0.7.0
 */
export const toResponse = (problem: Problem): HttpServerResponse.HttpServerResponse => {
  const headers: Record<string, string> = { "x-content-type-options": "nosniff" }
  if (problem.status === 401) headers["www-authenticate"] = "Bearer"
  if (problem.status === 413) headers.connection = "close"
  const allow = problem.details?.allow
  if (problem.status === 405 && Array.isArray(allow)) headers.allow = allow.join(", ")
  return HttpServerResponse.text(JSON.stringify(problem), { status: problem.status, contentType, headers })
}

const fields = {
  type: Schema.String,
  title: Schema.String,
  detail: Schema.String,
  code: Schema.String,
  messages: Schema.Struct({ vi: Schema.String, en: Schema.String }),
  details: Schema.optionalKey(Schema.Record(Schema.String, Schema.Unknown)),
  rule: Schema.optionalKey(Schema.String)
}

const schemaOf = <S extends Status>(status: S) =>
  Schema.Struct({ ...fields, status: Schema.Literal(status) })
    .annotate({
      identifier: `Problem${status}`,
      description: `A problem (RFC 9457) answered with status ${status} (${titles[status]}).`
    })
    .pipe(HttpApiSchema.status(status), HttpApiSchema.asJson({ contentType }))

/**
 * The schema of a problem of each status, for the API's declaration and its OpenAPI document.
 *
 * @since 0.7.0
 * @category schemas
 */
export const schemas = {
  400: schemaOf(400),
  401: schemaOf(401),
  403: schemaOf(403),
  404: schemaOf(404),
  405: schemaOf(405),
  409: schemaOf(409),
  412: schemaOf(412),
  413: schemaOf(413),
  415: schemaOf(415),
  422: schemaOf(422),
  500: schemaOf(500),
  503: schemaOf(503)
}
