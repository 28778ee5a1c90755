/**
 * The HTTP server: the API of `Api` over an engine, on Node's HTTP server. `serve` is for plain
 * TypeScript hosts (give it the engine of `createThiDua`, get a URL and a `close`); `layer` is for
 * Effect hosts (it serves the `Engine` service on the `HttpServer` of their choosing).
 *
 * What every route shares: the host's authentication hook is asked for the principal (none: 401);
 * the path's tenant must be the principal's (else 403); every error is a problem
 * (`application/problem+json`, see `Problem`); a 500 tells nothing of the server's internals and
 * is logged with its cause (`Effect.logError`), a 503 is logged as a warning: to the console by
 * Effect's default logger for `serve`, to the host's logger for `layer`. A route that does not
 * exist is a 404 problem, a known path asked with another method a 405 with `Allow`. Answers
 * carry `X-Content-Type-Options: nosniff`.
 *
 * On Node's server (`serve`, `nodeHttpServer`): a request must arrive whole within 30 s and its
 * headers within 15 s (else 408, and the connection is closed; a live event stream, whose request
 * has long arrived, is not cut); a request Node cannot parse is answered with a 400 problem and
 * its connection closed.
 *
 * @since 0.7.0
 */
import { NodeHttpServer } from "@effect/platform-node"
import { Engine, EngineError, type ThiDua } from "@thidua/engine"
import { Cause, Deferred, Effect, Layer, ManagedRuntime } from "effect"
import { HttpRouter, HttpServer, HttpServerError, HttpServerResponse, HttpStaticServer } from "effect/http"
import { HttpApiBuilder, HttpApiError } from "effect/http-api"
import * as Api from "./Api.js"
import type * as Auth from "./Auth.js"
import { Internal, InvalidRequest, MethodNotAllowed, NotFound } from "./HttpError.js"
import { type Backend, fromThiDua } from "./internal/backend.js"
import { defaultMaxBodyBytes } from "./internal/body.js"
import { clip } from "./internal/clip.js"
import * as Handlers from "./internal/handlers.js"
import * as Node from "./internal/node.js"
import * as Problem from "./Problem.js"

/**
 * How the server answers, whoever hosts it.
 *
 * @since 0.7.0
 * @category models
 */
export interface AppOptions {
  /** Who is calling: the principal a request proves, or `undefined` (401). The only source of it. */
  readonly authenticate: Auth.Authenticate
  /** Files served at `/` (`index.html` at `/`), for a web page beside the API. Default none. */
  readonly staticDir?: string
  /** The largest command body read, in bytes; a larger one is 413. Default 1 MiB. */
  readonly maxBodyBytes?: number
  /** How often an idle event stream gets a heartbeat comment, in milliseconds. Default 15,000. */
  readonly heartbeatMillis?: number
}

/**
 * How a Node server listens: where, and how long a request may take to arrive.
 *
 * @since 0.7.0
 * @category models
 */
export interface ListenOptions {
  /** Default 0: any free port (read it from the answer's `url`). */
  readonly port?: number
  /** Default `"127.0.0.1"`. */
  readonly host?: string
  /**
   * The longest a request may take to arrive whole, headers and body, in milliseconds; later,
   * it is answered 408 and its connection closed. Default 30,000; 0 turns it off. A live event
   * stream is not cut by it (its request has arrived). Node checks it at most every second.
   */
  readonly requestTimeoutMillis?: number
  /** The longest the headers may take, in milliseconds. Default 15,000 (at most `requestTimeoutMillis`). */
  readonly headersTimeoutMillis?: number
}

/**
 * How `serve` listens, besides `AppOptions`.
 *
 * @since 0.7.0
 * @category models
 */
export interface Options extends AppOptions, ListenOptions {}

/**
 * A running server.
 *
 * @since 0.7.0
 * @category models
 */
export interface Served {
  /** Where it listens: `http://127.0.0.1:PORT`. */
  readonly url: string
  /**
   * Stops it: live event streams end, the port is released, requests in flight finish (for a
   * few seconds at most). The engine stays open: it is the host's to close.
   */
  readonly close: () => Promise<void>
  /** How many live event streams are open now (a gauge for the host's metrics). */
  readonly streams: () => number
}

const invalid = (option: string, reason: string) => new EngineError.InvalidOption({ option, reason })

// Options are checked where they enter, as the engine checks its own.
const checkApp = (options: AppOptions): AppOptions => {
  if (typeof options !== "object" || options === null) throw invalid("options", "must be an object")
  if (typeof options.authenticate !== "function") throw invalid("authenticate", "must be a function")
  if (options.staticDir !== undefined && (typeof options.staticDir !== "string" || options.staticDir === ""))
    throw invalid("staticDir", "must be a non-empty path")
  const whole = (name: string, v: unknown, min: number, max: number) => {
    if (v !== undefined && !(Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max))
      throw invalid(name, `must be a whole number from ${min} to ${max}`)
  }
  whole("maxBodyBytes", options.maxBodyBytes, 1, 1 << 30)
  whole("heartbeatMillis", options.heartbeatMillis, 10, 86_400_000)
  return options
}

const pathOf = (url: string) => url.split("?")[0] ?? ""

const requestLine = (request: { readonly method: string; readonly url: string }) =>
  clip(`${request.method} ${pathOf(request.url)}`)

// The API's paths as patterns, with the methods each takes: a path that is known but asked with
// another method is a 405, not a 404.
const literal = (text: string) => text.replace(/[.*+?^$()|[\]\\{}]/g, "\\$&")
let known: ReadonlyArray<readonly [RegExp, ReadonlyArray<string>]> | undefined
const methodsOf = (path: string): ReadonlyArray<string> | undefined => {
  known ??= Object.entries(Api.document().paths).map(([template, item]) => [
    // `/v1/tenants/{tenantId}/events`: each `{parameter}` is one segment.
    new RegExp(
      `^${template
        .split(/\{[^}]+\}/)
        .map(literal)
        .join("[^/]+")}$`
    ),
    Object.keys(item as object)
      .filter((k) => ["get", "put", "post", "delete", "patch"].includes(k))
      .map((k) => k.toUpperCase())
  ])
  return known.find(([pattern]) => pattern.test(path))?.[1]
}

// What failed outside a handler's own refusals, as an error of the library: no route, a
// parameter the API could not decode, or a failure of the server's own (logged, not told).
const edgeError = (cause: Cause.Cause<unknown>) =>
  Effect.gen(function* () {
    const error = Cause.squash(cause)
    if (HttpServerError.isHttpServerError(error) && error.reason._tag === "RouteNotFound") {
      const request = error.reason.request
      const allow = methodsOf(pathOf(request.url))
      return allow !== undefined && !allow.includes(request.method)
        ? new MethodNotAllowed({ method: clip(request.method), allow })
        : new NotFound({ resource: "route", id: requestLine(request) })
    }
    if (HttpApiError.HttpApiSchemaError.is(error))
      return new InvalidRequest({ parameter: error.kind.toLowerCase(), problem: "schema" })
    yield* Effect.logError("Thi Đua HTTP: a request failed", cause)
    return new Internal()
  })

// What every answer carries, whichever part of the server made it: `nosniff`, and the challenge
// of a 401 (RFC 9110), whatever the hook takes as proof.
const headed = (response: HttpServerResponse.HttpServerResponse) => {
  const nosniff = HttpServerResponse.setHeader(response, "x-content-type-options", "nosniff")
  return response.status === 401 ? HttpServerResponse.setHeader(nosniff, "www-authenticate", "Bearer") : nosniff
}

const staticFiles = (root: string) =>
  Layer.effectDiscard(
    Effect.gen(function* () {
      const router = yield* HttpRouter.HttpRouter
      yield* router.add("GET", "/*", yield* HttpStaticServer.make({ root }))
    })
  ).pipe(Layer.orDie)

// The whole application: the API's routes (and the static files), every failure answered as a
// problem. Interruptions (the client gone) are left to the server.
// What a running server shares with its handlers: the signal that it is closing (live event
// streams end on it), and the gauges of open streams and requests in flight.
interface Shared {
  readonly closing: Deferred.Deferred<void>
  readonly streams: { open: number }
  inFlight: number
}

const app = (backend: Backend, options: AppOptions, shared: Shared) =>
  Effect.gen(function* () {
    const handlers = Handlers.layer(backend, {
      authenticate: options.authenticate,
      maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
      heartbeat: options.heartbeatMillis ?? 15_000,
      closing: Deferred.await(shared.closing),
      streams: shared.streams
    })
    const routes = HttpApiBuilder.layer(Api.Api).pipe(Layer.provide(handlers))
    const all = options.staticDir === undefined ? routes : Layer.merge(routes, staticFiles(options.staticDir))
    const httpApp = yield* HttpRouter.toHttpEffect(all)
    const answered = Effect.catchCause(httpApp, (cause) =>
      Cause.hasInterruptsOnly(cause)
        ? Effect.failCause(cause)
        : Effect.map(edgeError(cause), (error) => Problem.toResponse(Problem.fromError(error)))
    ).pipe(Effect.map(headed))
    return Effect.suspend(() => {
      shared.inFlight++
      return Effect.ensuring(
        answered,
        Effect.sync(() => {
          shared.inFlight--
        })
      )
    })
  })

// Serves the app on the current HttpServer; when the layer closes, live event streams end first,
// so that the server's own close does not wait for them.
const serving = (backend: Backend, options: AppOptions, shared: Shared) =>
  Layer.effectDiscard(
    Effect.gen(function* () {
      const httpApp = yield* app(backend, options, shared)
      yield* HttpServer.serveEffect(httpApp)
      // Finalizers run last added first: this one before the server stops listening.
      yield* Effect.addFinalizer(() => Deferred.succeed(shared.closing, undefined))
    })
  ).pipe(Layer.provide(NodeHttpServer.layerHttpServices))

const checkListen = (options: ListenOptions): ListenOptions => {
  const port = options.port ?? 0
  if (!(Number.isSafeInteger(port) && port >= 0 && port <= 65_535))
    throw invalid("port", "must be a whole number from 0 to 65535")
  const host = options.host ?? "127.0.0.1"
  if (typeof host !== "string" || host === "") throw invalid("host", "must be a non-empty host name or address")
  for (const name of ["requestTimeoutMillis", "headersTimeoutMillis"] as const) {
    const v = options[name]
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0 && v <= 86_400_000))
      throw invalid(name, "must be a whole number of milliseconds from 0 to 86400000")
  }
  const request = options.requestTimeoutMillis ?? Node.defaultRequestTimeoutMillis
  const headers = options.headersTimeoutMillis
  if (headers !== undefined && request > 0 && (headers === 0 || headers > request))
    throw invalid("headersTimeoutMillis", "must be from 1 to requestTimeoutMillis")
  return options
}

// Node's server with the timeouts, answering what it cannot parse as a problem.
const nodeServer = (options: ListenOptions) =>
  Node.make({
    ...(options.requestTimeoutMillis === undefined ? {} : { requestTimeoutMillis: options.requestTimeoutMillis }),
    ...(options.headersTimeoutMillis === undefined ? {} : { headersTimeoutMillis: options.headersTimeoutMillis })
  })

/**
 * A Node HTTP server listening on `host:port` (default `127.0.0.1`, any free port), as the
 * `HttpServer` that `layer` serves on: `NodeHttpServer.layerServer` of `@effect/platform-node`,
 * so that a host need not depend on it, with the timeouts of `ListenOptions` and a problem for a
 * request Node cannot parse. Any other `HttpServer` layer does as well.
 *
 * @since 0.7.0
 * @category layers
 */
export const nodeHttpServer = (
  options: ListenOptions = {}
): Layer.Layer<HttpServer.HttpServer, HttpServerError.ServeError> =>
  Layer.unwrap(
    Effect.sync(() => {
      const checked = checkListen(options)
      return NodeHttpServer.layerServer(() => nodeServer(checked), {
        port: checked.port ?? 0,
        host: checked.host ?? "127.0.0.1",
        gracefulShutdownTimeout: "3 seconds"
      })
    })
  )

/**
 * For Effect hosts: serves the API over the `Engine` service on the host's `HttpServer` (such as
 * `nodeHttpServer({ port })`), until the layer is released: live event streams end first, then
 * the server stops listening.
 *
 * @example
 * ```ts
 * import { Engine } from "@thidua/engine"
 * import { Server } from "@thidua/http"
 * import { Effect, Layer } from "effect"
 * import { HttpServer } from "effect/http"
 * import assert from "node:assert"
 *
 * const principal = { tenantId: "hanoi", organizationId: "ldld-ha-noi", role: "executive" } as const
 * const app = Server.layer({ authenticate: () => principal }).pipe(
 *   Layer.provideMerge(Server.nodeHttpServer({ port: 0 })),
 *   Layer.provide(Engine.layer())
 * )
 * const status = await Effect.runPromise(
 *   Effect.scoped(
 *     Effect.gen(function* () {
 *       const url = HttpServer.formatAddress((yield* HttpServer.HttpServer).address)
 *       const response = yield* Effect.promise(() => fetch(`${url}/v1/tenants/hanoi/directory`))
 *       return response.status
 *     }).pipe(Effect.provide(app))
 *   )
 * )
 * assert.equal(status, 200)
 * ```
 *
 * @since 0.7.0
 * @category layers
 */
export const layer = (options: AppOptions): Layer.Layer<never, never, Engine.Engine | HttpServer.HttpServer> =>
  Layer.unwrap(
    Effect.gen(function* () {
      const checked = yield* Effect.try({ try: () => checkApp(options), catch: (e) => e })
      const engine = yield* Engine.Engine
      return serving(engine, checked, { closing: Deferred.makeUnsafe(), streams: { open: 0 }, inFlight: 0 })
    }).pipe(Effect.orDie)
  )

/**
 * For plain TypeScript hosts: serves the API over an engine of `createThiDua` on Node's HTTP
 * server, on `host:port` (default `127.0.0.1`, any free port). Resolves once it listens; rejects
 * with `ENGINE-OPTION` for options that are not valid, or with the listen error.
 *
 * @example
 * ```ts
 * import { Commands, createThiDua } from "@thidua/engine"
 * import { Server } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const td = await createThiDua()
 * const principal = { tenantId: "hanoi", organizationId: "ldld-ha-noi", role: "executive" } as const
 * const server = await Server.serve(td, { authenticate: () => principal })
 * const command = Commands.registerOrganization({
 *   commandId: "dir-1", tenantId: "hanoi", actor: { organizationId: "ldld-ha-noi", role: "executive" },
 *   at: "2020-01-02", organizationId: "ldld-ha-noi", name: "Liên đoàn Lao động thành phố Hà Nội", level: "federation"
 * })
 * const response = await fetch(`${server.url}/v1/tenants/hanoi/commands`, {
 *   method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(command)
 * })
 * assert.equal(response.status, 200)
 * assert.equal(response.headers.get("etag"), '"1"')
 * await server.close()
 * await td.close()
 * ```
 *
 * @since 0.7.0
 */
export const serve = async (thidua: ThiDua.ThiDua, options: Options): Promise<Served> => {
  const checked = checkApp(options)
  checkListen(options)
  const port = options.port ?? 0
  const host = options.host ?? "127.0.0.1"
  if (typeof thidua !== "object" || thidua === null || typeof thidua.execute !== "function")
    throw invalid("thidua", "must be an engine of createThiDua")
  const shared: Shared = { closing: Deferred.makeUnsafe(), streams: { open: 0 }, inFlight: 0 }
  const node = nodeServer(options)
  const runtime = ManagedRuntime.make(
    serving(fromThiDua(thidua), checked, shared).pipe(
      Layer.provideMerge(NodeHttpServer.layerServer(() => node, { port, host, gracefulShutdownTimeout: "3 seconds" }))
    )
  )
  const server = await runtime.runPromise(Effect.service(HttpServer.HttpServer)).catch(async (error: unknown) => {
    await runtime.dispose()
    throw error
  })
  let closing: Promise<void> | undefined
  return {
    url: HttpServer.formatAddress(server.address),
    close: () => {
      closing ??= (async () => {
        // Live streams end, requests in flight finish (3 s at most); then every connection left
        // is idle, or one a client opened and sent nothing on (which Node's close would wait for).
        Deferred.doneUnsafe(shared.closing, Effect.void)
        const deadline = Date.now() + 3_000
        while (shared.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
        node.closeAllConnections()
        await runtime.dispose()
      })()
      return closing
    },
    streams: () => shared.streams.open
  }
}
