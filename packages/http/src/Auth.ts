/**
 * Who is calling: the host's authentication hook. The HTTP layer never decides who a caller is;
 * it hands the host each request (method, path with query, headers) and takes the principal the
 * host proves, or `undefined` (401). The principal is the only source of who sends a command: a
 * command's own `actor` is checked against it by the engine (a mismatch is `AUTH-PRINCIPAL`, 403),
 * never trusted.
 *
 * @since 0.7.0
 */
import type { Engine } from "@thidua/engine"

/**
 * An authenticated caller: `{ tenantId, organizationId, role, memberId? }`, the engine's principal.
 *
 * @since 0.7.0
 * @category models
 */
export type Principal = Engine.ExecuteOptions["principal"]

/**
 * The route a request was matched to, by the name of its endpoint in `Api`: `execute` (the
 * commands route), `campaign`, `scoreboard`, `initiatives`, `awards`, `directory`, `events`.
 *
 * @since 0.7.0
 * @category models
 */
export type Route = "execute" | "campaign" | "scoreboard" | "initiatives" | "awards" | "directory" | "events"

/**
 * What the hook sees of a request. Header names are lower case; `url` is the path with its query
 * as the client sent it (a browser's `EventSource` cannot send headers, so a host may accept a
 * token in the query of the events route, and cookies arrive in `headers.cookie`).
 *
 * `route` is the route the server matched: a hook that treats one route differently (a token in
 * the query for `events` only) reads it rather than parsing `url` again, since a parser of its
 * own may not read the path as the server's router does (`\` and `..` are not separators or
 * steps to the router; WHATWG `URL` makes them so).
 *
 * @example
 * ```ts
 * import type { Auth } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const queryTokenAllowed = (request: Auth.Request) => request.method === "GET" && request.route === "events"
 * assert.equal(queryTokenAllowed({ method: "GET", url: "/v1/tenants/t/campaigns/x\\..\\events", headers: {}, route: "campaign" }), false)
 * ```
 *
 * @since 0.7.0
 * @category models
 */
export interface Request {
  readonly method: string
  /** The path and query, such as `/v1/tenants/hanoi/events?after=00000000000000000007`. */
  readonly url: string
  readonly headers: Readonly<Record<string, string | undefined>>
  /** The route matched; given by the server on every call (optional so that hosts and tests may build requests without it). */
  readonly route?: Route
}

/**
 * The host's authentication hook: the principal the request proves, or `undefined` (answered
 * 401). It may be async. A hook that throws is answered 500 (`HTTP-AUTH-HOOK`) without details,
 * and its error is logged (`Effect.logError` with the error as the cause: the console for
 * `Server.serve`, the host's logger for `Server.layer`).
 *
 * @example
 * ```ts
 * import type { Auth } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const tokens = new Map<string, Auth.Principal>([
 *   ["s3cret", { tenantId: "hanoi", organizationId: "ldld-ha-noi", role: "executive" }]
 * ])
 * const authenticate: Auth.Authenticate = (request) => {
 *   const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")
 *   return match === null ? undefined : tokens.get(match[1]!)
 * }
 * assert.equal(authenticate({ method: "GET", url: "/v1/tenants/hanoi/directory", headers: {} }), undefined)
 * assert.equal(
 *   (authenticate({ method: "GET", url: "/", headers: { authorization: "Bearer s3cret" } }) as Auth.Principal).role,
 *   "executive"
 * )
 * ```
 *
 * @since 0.7.0
 * @category models
 */
export type Authenticate = (request: Request) => Principal | undefined | Promise<Principal | undefined>
