/**
 * The example's authentication hook: bearer tokens from a fixed table, each mapped to the principal
 * it proves (tenant, organization, role). The HTTP layer takes the principal from here and only
 * from here; a command's own `actor` is checked against it by the engine, never trusted.
 *
 * A host replaces this module with its own hook: its session cookie, an OIDC access token checked
 * against the provider's keys, a client certificate... The hook's shape stays the same: a request
 * (method, path with query, lower-case headers) in, a principal or `undefined` (401) out.
 *
 * The tokens are readable words so that the README and a terminal can show them; a real table
 * holds random secrets, and never in the source.
 *
 * @since 0.7.0
 */
import type { Engine } from "@thidua/engine"
import type { Auth } from "@thidua/http"
import { Seeds } from "@thidua/testing"

/**
 * Who a token proves the caller to be.
 *
 * @since 0.7.0
 */
export type Principal = Engine.ExecuteOptions["principal"]

/**
 * One row of the token table: the principal, and whether the token may only read.
 *
 * @since 0.7.0
 */
export interface Grant {
  readonly principal: Principal
  /** A read-only token authenticates GET and HEAD requests only: anything else gets 401. */
  readonly readOnly: boolean
  /** Who holds it, in Vietnamese, for the README and the start-up banner. */
  readonly holder: string
}

const tenantId = Seeds.hoangMai2020.tenantId

const grant = (organizationId: string, role: Principal["role"], holder: string, readOnly = false): Grant => ({
  principal: { tenantId, organizationId, role },
  readOnly,
  holder
})

/**
 * The token the page uses: it reads the Hoàng Mai 2020 campaign and nothing else. It is public (the
 * page ships it), which is why it cannot write.
 *
 * @example
 * ```ts no-run
 * await fetch(`${url}/v1/tenants/seed-hoang-mai-2020/directory`, {
 *   headers: { authorization: `Bearer ${viewerToken}` }
 * })
 * ```
 *
 * @since 0.7.0
 */
export const viewerToken = "xem-hoang-mai-2020"

/**
 * The token table: the viewer, then one token for each actor of the Hoàng Mai 2020 seed (the
 * federations' and unions' executive committees, councils and officers).
 *
 * @example
 * ```ts no-run
 * const officer = tokens.get("trung-thanh-can-bo")?.principal
 * // { tenantId: "seed-hoang-mai-2020", organizationId: "cdcs-trung-thanh", role: "officer" }
 * ```
 *
 * @since 0.7.0
 */
export const tokens: ReadonlyMap<string, Grant> = new Map([
  [viewerToken, grant("ldld-hoang-mai", "officer", "Người xem bảng thi đua (chỉ đọc)", true)],
  ["ha-noi-ban-chap-hanh", grant("ldld-ha-noi", "executive", "Ban Chấp hành LĐLĐ thành phố Hà Nội")],
  ["hoang-mai-ban-chap-hanh", grant("ldld-hoang-mai", "executive", "Ban Chấp hành LĐLĐ quận Hoàng Mai")],
  ["hoang-mai-can-bo", grant("ldld-hoang-mai", "officer", "Cán bộ LĐLĐ quận Hoàng Mai")],
  ["trung-thanh-ban-chap-hanh", grant("cdcs-trung-thanh", "executive", "Ban Chấp hành CĐCS Công ty TNHH Trung Thành")],
  ["trung-thanh-hoi-dong", grant("cdcs-trung-thanh", "council", "Hội đồng TĐKT CĐCS Công ty TNHH Trung Thành")],
  ["trung-thanh-can-bo", grant("cdcs-trung-thanh", "officer", "Cán bộ CĐCS Công ty TNHH Trung Thành")],
  [
    "ubnd-quan-ban-chap-hanh",
    grant("cdcs-co-quan-ubnd-hoang-mai", "executive", "Ban Chấp hành Công đoàn cơ quan UBND quận Hoàng Mai")
  ],
  ["ubnd-quan-can-bo", grant("cdcs-co-quan-ubnd-hoang-mai", "officer", "Cán bộ Công đoàn cơ quan UBND quận Hoàng Mai")]
])

// The one route a browser's EventSource reaches, which cannot send an Authorization header.
const eventsRoute = /^\/v1\/tenants\/[^/]+\/events$/

// A path a parser could read as another: a backslash, a dot segment, or either percent-encoded.
// WHATWG `URL` turns `x\..\..\events` into `/events` while the server's router does not; the
// path is read here as it was sent, and anything ambiguous gets no query token.
const ambiguous = /\\|%5c|%2e|(^|\/)\.{1,2}(\/|$)/i

const bearer = (header: string | undefined): string | undefined => {
  const match = header === undefined ? null : /^Bearer +([^\s]+) *$/i.exec(header)
  return match === null ? undefined : match[1]
}

const queryToken = (request: Auth.Request): string | undefined => {
  if (request.method !== "GET") return undefined
  // The route the server matched, when it says (it always does): the path is its business.
  if (request.route !== undefined && request.route !== "events") return undefined
  const at = request.url.indexOf("?")
  const path = at < 0 ? request.url : request.url.slice(0, at)
  if (ambiguous.test(path) || !eventsRoute.test(path)) return undefined
  // Two tokens in one query are ambiguous: neither counts.
  const all = new URLSearchParams(at < 0 ? "" : request.url.slice(at + 1)).getAll("access_token")
  return all.length === 1 ? all[0] : undefined
}

/**
 * Makes the hook over a token table: `Authorization: Bearer <token>` on every route, and
 * `?access_token=<token>` on the events route only (a token in a query ends up in logs and
 * histories, so it is taken only where nothing else can work). "The events route" is the route the
 * server matched (`request.route`), and the path as sent must be that route's with no `\` and no
 * dot segment: a path that only a URL parser reads as the events route gets no query token. A
 * read-only token authenticates reads only.
 *
 * @example
 * ```ts no-run
 * const hook = authenticate(tokens)
 * hook({ method: "GET", url: "/v1/tenants/t/events?access_token=xem-hoang-mai-2020", headers: {} }) // the viewer
 * hook({ method: "POST", url: "/v1/tenants/t/commands?access_token=xem-hoang-mai-2020", headers: {} }) // undefined
 * ```
 *
 * @since 0.7.0
 */
export const authenticate =
  (table: ReadonlyMap<string, Grant> = tokens): Auth.Authenticate =>
  (request) => {
    const header = request.headers.authorization
    // A header that is there but not a bearer token is a mistake to report, not to fall back from.
    const token = header !== undefined ? bearer(header) : queryToken(request)
    if (token === undefined) return undefined
    const found = table.get(token)
    if (found === undefined) return undefined
    if (found.readOnly && request.method !== "GET" && request.method !== "HEAD") return undefined
    return found.principal
  }
