/**
 * The API's handlers over a backend: authenticate, check the tenant, read or execute, answer JSON
 * with its ETag. Every refusal is an error of the library, turned into a problem at the edge.
 *
 * @internal
 */
import { Directory } from "@thidua/core"
import { AwardRoll, InitiativeLedger, Scoreboard, Views } from "@thidua/engine"
import { Effect, Layer, Stream } from "effect"
import { type HttpServerRequest, HttpServerResponse } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import * as Api from "../Api.js"
import type * as Auth from "../Auth.js"
import {
  AuthenticationFailed,
  InvalidHeader,
  InvalidRequest,
  NotFound,
  Unauthenticated,
  WrongTenant
} from "../HttpError.js"
import type { Backend } from "./backend.js"
import { readJsonObject } from "./body.js"
import * as Campaigns from "./campaigns.js"
import { clip } from "./clip.js"
import { logHookFailure, problemOf } from "./report.js"
import * as Sse from "./sse.js"

/** @internal */
export interface Options {
  readonly authenticate: Auth.Authenticate
  readonly maxBodyBytes: number
  readonly heartbeat: number
  readonly closing: Effect.Effect<void>
  readonly streams: { open: number }
}

const json = (body: unknown, headers?: Record<string, string>) =>
  HttpServerResponse.text(JSON.stringify(body), {
    contentType: "application/json",
    ...(headers === undefined ? {} : { headers })
  })

const etag = (version: number) => ({ etag: `"${version}"` })

// The handlers fail with errors of the library; the API's error schemas take problems. A 500 or
// a 503 is logged on the way.
const problems = <A, R>(effect: Effect.Effect<A, unknown, R>) =>
  Effect.catch(effect, (error) => Effect.flatMap(problemOf(error), (problem) => Effect.fail(problem as never)))

const isPrincipal = (u: unknown): u is Auth.Principal =>
  typeof u === "object" &&
  u !== null &&
  typeof (u as Auth.Principal).tenantId === "string" &&
  typeof (u as Auth.Principal).organizationId === "string" &&
  typeof (u as Auth.Principal).role === "string"

// The principal of a request, of the path's tenant: the hook is the only source of it.
// The hook's error is logged here, where it is at hand; the answer tells nothing of it.
const authorize = (
  hook: Auth.Authenticate,
  request: HttpServerRequest.HttpServerRequest,
  route: Auth.Route,
  tenantId: string
): Effect.Effect<Auth.Principal, Unauthenticated | WrongTenant | AuthenticationFailed> =>
  Effect.flatMap(
    Effect.tryPromise({
      try: async () => hook({ method: request.method, url: request.url, headers: { ...request.headers }, route }),
      catch: (error) => error
    }).pipe(
      Effect.catch((error) =>
        Effect.andThen(logHookFailure(error), Effect.fail(new AuthenticationFailed({ problem: "threw" })))
      )
    ),
    (principal): Effect.Effect<Auth.Principal, Unauthenticated | WrongTenant | AuthenticationFailed> =>
      principal === undefined || principal === null
        ? Effect.fail(new Unauthenticated())
        : !isPrincipal(principal)
          ? Effect.andThen(
              Effect.logError("Thi Đua HTTP: the authentication hook answered no principal", {
                answered: principal === null ? "null" : typeof principal
              }),
              Effect.fail(new AuthenticationFailed({ problem: "not-a-principal" }))
            )
          : principal.tenantId !== tenantId
            ? Effect.fail(new WrongTenant({ where: "path", tenantId: clip(tenantId), expected: principal.tenantId }))
            : Effect.succeed(principal)
  )

// `If-Match: "7"`: a strong validator holding one version, written as the ETag writes it. `*`,
// lists, weak tags and leading zeros (`"07"`, not a tag the server ever sent) are refused rather
// than guessed at.
const expectedVersion = (header: string | undefined): Effect.Effect<number | undefined, InvalidHeader> => {
  if (header === undefined) return Effect.succeed(undefined)
  const match = /^\s*"(0|[1-9]\d{0,14})"\s*$/.exec(header)
  const n = match === null ? Number.NaN : Number(match[1])
  return Number.isSafeInteger(n)
    ? Effect.succeed(n)
    : Effect.fail(new InvalidHeader({ header: "if-match", problem: "not-a-version" }))
}

const idempotencyKey = (header: string | undefined): Effect.Effect<string | undefined, InvalidHeader> => {
  if (header === undefined) return Effect.succeed(undefined)
  const key = header.trim()
  // 64: the longest command id the engine takes; a longer key could never be one.
  return key.length > 0 && key.length <= 64
    ? Effect.succeed(key)
    : Effect.fail(new InvalidHeader({ header: "idempotency-key", problem: "length" }))
}

// Positions as the stores write them: a count (in memory), or a transaction and a count
// (PostgreSQL). Which of the two the engine's store takes, the engine checks.
const position = /^\d{20}(?::\d{20})?$/

// No command writes this stream (stream ids are `campaign:<id>`, `org:<tenant>`, a process's).
const probeStream = "thidua-http:probe"

/** The layers implementing each group of the API. @internal */
export const layer = (backend: Backend, options: Options) => {
  const auth = (request: HttpServerRequest.HttpServerRequest, route: Auth.Route, tenantId: string) =>
    authorize(options.authenticate, request, route, tenantId)
  const existing = (tenantId: string, campaignId: string) =>
    Effect.flatMap(backend.campaignAt(tenantId, campaignId), (state) =>
      state === undefined ? Effect.fail(new NotFound({ resource: "campaign", id: clip(campaignId) })) : Effect.void
    )
  const namesOf = (tenantId: string) => Effect.map(backend.directory(tenantId), Views.names)

  const commands = HttpApiBuilder.group(Api.Api, "commands", (handlers) =>
    handlers.handleRaw("execute", ({ params, headers, request }) =>
      problems(
        Effect.gen(function* () {
          const principal = yield* auth(request, "execute", params.tenantId)
          const version = yield* expectedVersion(headers["if-match"])
          const key = yield* idempotencyKey(headers["idempotency-key"])
          let command = yield* readJsonObject(request, options.maxBodyBytes)
          if (key !== undefined) {
            if (command.commandId === undefined) command = { ...command, commandId: key }
            else if (command.commandId !== key)
              return yield* new InvalidHeader({ header: "idempotency-key", problem: "differs" })
          }
          if (typeof command.tenantId === "string" && command.tenantId !== params.tenantId)
            return yield* new WrongTenant({
              where: "body",
              tenantId: clip(command.tenantId),
              expected: params.tenantId
            })
          const done = yield* backend.execute(command, {
            principal,
            ...(version === undefined ? {} : { expectedVersion: version })
          })
          return json(
            { streamId: done.streamId, version: done.version, duplicate: done.duplicate, events: done.events },
            etag(done.version)
          )
        })
      )
    )
  )

  const campaignRoutes = HttpApiBuilder.group(Api.Api, "campaigns", (handlers) =>
    handlers
      .handle("campaign", ({ params, request }) =>
        problems(
          Effect.gen(function* () {
            yield* auth(request, "campaign", params.tenantId)
            const found = yield* backend.campaignAt(params.tenantId, params.campaignId)
            if (found === undefined) return yield* new NotFound({ resource: "campaign", id: clip(params.campaignId) })
            return json(Campaigns.toJson(params.campaignId, found), etag(found.version))
          })
        )
      )
      .handle("scoreboard", ({ params, request }) =>
        problems(
          Effect.gen(function* () {
            yield* auth(request, "scoreboard", params.tenantId)
            yield* existing(params.tenantId, params.campaignId)
            const state = yield* backend.read(Scoreboard, params)
            return json({ rows: Views.scoreboard(state, { names: yield* namesOf(params.tenantId) }) })
          })
        )
      )
      .handle("initiatives", ({ params, request }) =>
        problems(
          Effect.gen(function* () {
            yield* auth(request, "initiatives", params.tenantId)
            yield* existing(params.tenantId, params.campaignId)
            const state = yield* backend.read(InitiativeLedger, params)
            return json(Views.ledger(state, { names: yield* namesOf(params.tenantId) }))
          })
        )
      )
      .handle("awards", ({ params, request }) =>
        problems(
          Effect.gen(function* () {
            yield* auth(request, "awards", params.tenantId)
            yield* existing(params.tenantId, params.campaignId)
            const roll = yield* backend.read(AwardRoll, { tenantId: params.tenantId })
            const names = yield* namesOf(params.tenantId)
            return json({ rows: Views.awards(roll, { campaignId: params.campaignId, names }) })
          })
        )
      )
  )

  const directory = HttpApiBuilder.group(Api.Api, "directory", (handlers) =>
    handlers.handle("directory", ({ params, request }) =>
      problems(
        Effect.gen(function* () {
          yield* auth(request, "directory", params.tenantId)
          const state = yield* backend.directory(params.tenantId)
          const rows = [...Directory.organizations(state)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          return json({ rows })
        })
      )
    )
  )

  const events = HttpApiBuilder.group(Api.Api, "events", (handlers) =>
    handlers.handle("events", ({ params, query, headers, request }) =>
      problems(
        Effect.gen(function* () {
          yield* auth(request, "events", params.tenantId)
          // EventSource resends the last id it saw when it reconnects, with the URL it first
          // opened: the id is where to resume, whatever `after` said.
          const lastId = headers["last-event-id"]
          const after = lastId !== undefined && lastId !== "" ? lastId : query.after
          if (after !== undefined && after !== "" && !position.test(after))
            return yield* new InvalidRequest({
              parameter: lastId !== undefined && lastId !== "" ? "last-event-id" : "after",
              problem: "not-a-position"
            })
          const stream = query.stream
          if (stream !== undefined && (stream === "" || stream.length > 300))
            return yield* new InvalidRequest({ parameter: "stream", problem: "stream" })
          const from = after === undefined || after === "" ? {} : { after }
          // Asked of the engine before the answer starts, while a problem can still be its status:
          // a closed engine (503), a position of another store (400), a store out of reach (503).
          // A stream that cannot exist makes it one read of nothing.
          yield* Stream.runDrain(backend.events({ tenantId: params.tenantId, ...from, streamId: probeStream }))
          const log = backend.events({
            tenantId: params.tenantId,
            live: true,
            ...from,
            ...(stream === undefined ? {} : { streamId: stream })
          })
          const body = Sse.encode(log, {
            heartbeat: options.heartbeat,
            closing: options.closing,
            opened: () => {
              options.streams.open++
            },
            closed: () => {
              options.streams.open--
            }
          })
          return HttpServerResponse.stream(body, {
            contentType: "text/event-stream",
            headers: { "cache-control": "no-cache", "x-accel-buffering": "no" }
          })
        })
      )
    )
  )

  const meta = HttpApiBuilder.group(Api.Api, "meta", (handlers) =>
    handlers.handle("openapi", () => Effect.sync(() => json(Api.document())))
  )

  return Layer.mergeAll(commands, campaignRoutes, directory, events, meta)
}
