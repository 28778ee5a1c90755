/**
 * The HTTP API as data: its routes, what each takes and answers, declared with `effect/http-api`.
 * The server (`Server`) implements it; `document()` is its OpenAPI 3.1 document, the contract a
 * client in any language is written against (served at `/openapi.json`).
 *
 * | route | answers |
 * |---|---|
 * | `POST /v1/tenants/{tenantId}/commands` | the command's events, `ETag: "<version>"` |
 * | `GET /v1/tenants/{tenantId}/campaigns/{campaignId}` | the campaign's state, `ETag: "<version>"` |
 * | `GET …/campaigns/{campaignId}/scoreboard` | `{ rows }`, the ranking |
 * | `GET …/campaigns/{campaignId}/initiatives` | `{ totals, entries }`, the initiative ledger |
 * | `GET …/campaigns/{campaignId}/awards` | `{ rows }`, the award roll |
 * | `GET /v1/tenants/{tenantId}/directory` | `{ rows }`, the tenant's organizations |
 * | `GET /v1/tenants/{tenantId}/events` | the log as server-sent events, live |
 * | `GET /openapi.json` | this document |
 *
 * Every error is a problem (`application/problem+json`, see `Problem`).
 *
 * @since 0.7.0
 */
import { Command, Event } from "@thidua/core"
import { Schema } from "effect"
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "effect/http-api"
import * as Problem from "./Problem.js"

const p = Problem.schemas
const Row = Schema.Record(Schema.String, Schema.Unknown)
const etag = { etag: Schema.String.annotate({ description: 'The stream\'s version in quotes, such as "7".' }) }
const tenantParams = { tenantId: Schema.String }
const campaignParams = { tenantId: Schema.String, campaignId: Schema.String }

const Executed = Schema.Struct({
  streamId: Schema.String.annotate({ description: "The stream written: campaign:<campaignId> or org:<tenantId>." }),
  version: Schema.Int.annotate({ description: "The stream's version after the command." }),
  duplicate: Schema.Boolean.annotate({
    description: "True when this command id was executed before: nothing was appended this time."
  }),
  events: Schema.Array(Event.DomainEvent).annotate({
    description: "The events the command appended (or appended the first time, when duplicate)."
  })
}).annotate({ identifier: "Executed" })

const Campaign = Schema.Struct({
  campaignId: Schema.String,
  version: Schema.Int.annotate({ description: "The campaign stream's version this state is at (the ETag)." }),
  status: Schema.String.annotate({ description: "The lifecycle status: Planned, Launched, Ended, Reviewed, ..." }),
  plan: Schema.NullOr(Row),
  pilotUnitId: Schema.optionalKey(Schema.String),
  launchedAt: Schema.optionalKey(Schema.String),
  endedAt: Schema.optionalKey(Schema.String),
  finalReviewAt: Schema.optionalKey(Schema.String),
  phases: Schema.Array(Row),
  interimReviews: Schema.Array(Row),
  participants: Schema.Array(Row),
  pledges: Schema.Array(Row),
  initiatives: Schema.Array(Row),
  nominations: Schema.Array(Row),
  awards: Schema.Array(Row)
}).annotate({ identifier: "Campaign", description: "A campaign's state; the collections sorted by id." })

const ScoreboardRow = Schema.Struct({
  rank: Schema.Int,
  unitId: Schema.String,
  name: Schema.String,
  points: Schema.Number,
  self: Schema.Number,
  cross: Schema.Number,
  initiatives: Schema.Int,
  recognized: Schema.Int,
  recognizedBenefitVnd: Schema.Number,
  registrations: Schema.Int,
  awards: Schema.Int
}).annotate({ identifier: "ScoreboardRow" })

const Ledger = Schema.Struct({
  totals: Schema.Struct({
    count: Schema.Int,
    benefitVnd: Schema.Number,
    recognized: Schema.Int,
    recognizedBenefitVnd: Schema.Number,
    rejected: Schema.Int,
    plaqued: Schema.Int
  }),
  entries: Schema.Array(Row).annotate({ description: "Every initiative in the order recorded, with unitName." })
}).annotate({ identifier: "Ledger" })

const AwardRow = Schema.Struct({
  awardId: Schema.String,
  campaignId: Schema.optional(Schema.String),
  kind: Schema.String,
  label: Schema.Struct({ vi: Schema.String, en: Schema.String }),
  recipient: Row,
  recipientName: Schema.String,
  grantedById: Schema.String,
  at: Schema.String,
  presented: Schema.Boolean,
  revoked: Schema.Boolean
}).annotate({ identifier: "AwardRow" })

const Organization = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  level: Schema.String,
  sector: Schema.optionalKey(Schema.String),
  members: Schema.optionalKey(Schema.Int),
  workers: Schema.optionalKey(Schema.Int),
  parents: Schema.Array(Schema.Struct({ parentId: Schema.String, from: Schema.String })),
  validFrom: Schema.String,
  validTo: Schema.optionalKey(Schema.String),
  successorId: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "Organization" })

const LoggedEvent = Schema.Struct({
  position: Schema.String.annotate({ description: "The event's position in the log: the SSE id." }),
  tenantId: Schema.String,
  streamId: Schema.String,
  version: Schema.Int,
  recordedAt: Schema.Number.annotate({ description: "When the store recorded it, in milliseconds since 1970." }),
  commandId: Schema.optionalKey(Schema.String),
  event: Event.DomainEvent
}).annotate({ identifier: "LoggedEvent" })

const commands = HttpApiGroup.make("commands").add(
  HttpApiEndpoint.post("execute", "/v1/tenants/:tenantId/commands", {
    params: tenantParams,
    headers: {
      "if-match": Schema.optional(Schema.String).annotate({
        description: 'Execute only if the command\'s stream is at this version, such as "7" (else 412).'
      }),
      "idempotency-key": Schema.optional(Schema.String).annotate({
        description:
          "The command's commandId (1 to 64 characters): filled in when the body has none, so the body may then " +
          "leave commandId out; another commandId in the body is 400."
      })
    },
    payload: Command.DomainCommand,
    success: HttpApiSchema.WithHeaders(Executed, etag),
    error: [p[400], p[401], p[403], p[409], p[412], p[413], p[415], p[422], p[500], p[503]]
  }).annotateMerge(
    OpenApi.annotations({
      summary: "Execute one command",
      description:
        "One command as JSON (docs/reference/commands.md), sent for the authenticated principal: its tenantId " +
        "and actor must be the principal's (else 403). A rule's refusal is 422 with the rule id as code. " +
        "`commandId` is required unless the Idempotency-Key header gives it. The body is plain JSON (no " +
        "Content-Encoding, else 415), at most 1 MiB by default (413) and nested at most 64 levels deep (400)."
    })
  )
)

const campaigns = HttpApiGroup.make("campaigns")
  .add(
    HttpApiEndpoint.get("campaign", "/v1/tenants/:tenantId/campaigns/:campaignId", {
      params: campaignParams,
      success: HttpApiSchema.WithHeaders(Campaign, etag),
      error: [p[400], p[401], p[403], p[404], p[500], p[503]]
    }).annotateMerge(OpenApi.annotations({ summary: "A campaign's state; 404 when never planned" }))
  )
  .add(
    HttpApiEndpoint.get("scoreboard", "/v1/tenants/:tenantId/campaigns/:campaignId/scoreboard", {
      params: campaignParams,
      success: Schema.Struct({ rows: Schema.Array(ScoreboardRow) }),
      error: [p[400], p[401], p[403], p[404], p[500], p[503]]
    }).annotateMerge(OpenApi.annotations({ summary: "The campaign's ranking, with unit names" }))
  )
  .add(
    HttpApiEndpoint.get("initiatives", "/v1/tenants/:tenantId/campaigns/:campaignId/initiatives", {
      params: campaignParams,
      success: Ledger,
      error: [p[400], p[401], p[403], p[404], p[500], p[503]]
    }).annotateMerge(OpenApi.annotations({ summary: "The campaign's initiative ledger" }))
  )
  .add(
    HttpApiEndpoint.get("awards", "/v1/tenants/:tenantId/campaigns/:campaignId/awards", {
      params: campaignParams,
      success: Schema.Struct({ rows: Schema.Array(AwardRow) }),
      error: [p[400], p[401], p[403], p[404], p[500], p[503]]
    }).annotateMerge(OpenApi.annotations({ summary: "The campaign's awards, in the order granted" }))
  )

const directory = HttpApiGroup.make("directory").add(
  HttpApiEndpoint.get("directory", "/v1/tenants/:tenantId/directory", {
    params: tenantParams,
    success: Schema.Struct({ rows: Schema.Array(Organization) }),
    error: [p[400], p[401], p[403], p[500], p[503]]
  }).annotateMerge(OpenApi.annotations({ summary: "The tenant's organizations, sorted by id" }))
)

const events = HttpApiGroup.make("events").add(
  HttpApiEndpoint.get("events", "/v1/tenants/:tenantId/events", {
    params: tenantParams,
    query: {
      after: Schema.optional(Schema.String).annotate({
        description: "Only events after this position (an event's id). Default: from the start."
      }),
      stream: Schema.optional(Schema.String).annotate({
        description: "Only this stream's events: campaign:<campaignId> or org:<tenantId>."
      })
    },
    headers: {
      "last-event-id": Schema.optional(Schema.String).annotate({
        description: "Sent by EventSource when it reconnects: resumes after it (and wins over after)."
      })
    },
    success: HttpApiSchema.StreamSse({ data: LoggedEvent }),
    error: [p[400], p[401], p[403], p[500], p[503]]
  }).annotateMerge(
    OpenApi.annotations({
      summary: "The tenant's log as server-sent events, live",
      description:
        "Every logged event after the position, then new ones as they are appended, each as `id: <position>`, " +
        "`event: <the event's _tag>`, `data: <LoggedEvent JSON>`; a comment line every 15 s keeps the connection. " +
        "The stream ends when the client goes or the server closes. A failure before the stream begins (an " +
        "`after` of another store: 400; the engine closed or its store out of reach: 503) is an ordinary problem " +
        "answer. A failure after it began is sent as a last frame `event: problem` whose `data` is a problem " +
        "(RFC 9457, the same JSON as the problem answers: `type`, `title`, `status` 500 or 503, `detail`, " +
        "`code`, `messages`), and ends the stream."
    })
  )
)

const meta = HttpApiGroup.make("meta").add(
  HttpApiEndpoint.get("openapi", "/openapi.json", {
    success: Schema.Record(Schema.String, Schema.Unknown).annotate({ description: "This OpenAPI document." })
  }).annotateMerge(OpenApi.annotations({ summary: "The OpenAPI document of the API" }))
)

/**
 * The API's declaration: every route, its parameters, its answers and its problems.
 *
 * @example
 * ```ts
 * import { Api } from "@thidua/http"
 * import assert from "node:assert"
 *
 * assert.deepEqual(Object.keys(Api.Api.groups), ["commands", "campaigns", "directory", "events", "meta"])
 * ```
 *
 * @since 0.7.0
 */
export const Api = HttpApi.make("thidua")
  .add(commands)
  .add(campaigns)
  .add(directory)
  .add(events)
  .add(meta)
  .annotateMerge(
    OpenApi.annotations({
      title: "Thi Đua HTTP API",
      version: "0.7.0",
      description:
        "Emulation campaigns (phong trào thi đua) as event streams: commands, campaigns, read models and live " +
        "events. Every error is application/problem+json (RFC 9457) with a stable code and messages in " +
        "Vietnamese and English. Authentication is the host's: each route needs a principal of the path's tenant. " +
        "A path of the API asked with another method is 405 with an Allow header."
    })
  )

let cached: OpenApi.OpenAPISpec | undefined

// What the declaration cannot say, written into the generated document: who authenticates (the
// host's hook, shown as a bearer scheme), the challenge of a 401, and a commandId the
// Idempotency-Key header may give instead of the body.
// biome-ignore lint/suspicious/noExplicitAny: the generated document is JSON, edited in place
const complete = (doc: any): OpenApi.OpenAPISpec => {
  doc.components.securitySchemes = {
    bearer: {
      type: "http",
      scheme: "bearer",
      description:
        "The host's authentication hook decides who a request proves to be: a bearer token, a cookie, or (for " +
        "the events route, which a browser's EventSource reaches without headers) a token in the query are " +
        "examples. No principal: 401 with WWW-Authenticate: Bearer."
    }
  }
  for (const [path, item] of Object.entries(doc.paths)) {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    for (const operation of Object.values(item as Record<string, any>)) {
      if (path === "/openapi.json") continue
      operation.security = [{ bearer: [] }]
      const unauthorized = operation.responses?.["401"]
      if (unauthorized !== undefined)
        unauthorized.headers = {
          "WWW-Authenticate": { description: "The challenge: Bearer.", schema: { type: "string" } }
        }
    }
  }
  const body = doc.paths["/v1/tenants/{tenantId}/commands"].post.requestBody
  body.description = "One command; commandId may be left out when the Idempotency-Key header gives it."
  for (const member of body.content["application/json"].schema.anyOf ?? [])
    if (Array.isArray(member.required)) member.required = member.required.filter((k: string) => k !== "commandId")
  return doc
}

/**
 * The API's OpenAPI 3.1 document (computed once).
 *
 * @example
 * ```ts
 * import { Api } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const doc = Api.document()
 * assert.equal(doc.openapi, "3.1.0")
 * assert.ok("/v1/tenants/{tenantId}/commands" in doc.paths)
 * ```
 *
 * @since 0.7.0
 */
export const document = (): OpenApi.OpenAPISpec => {
  cached ??= complete(OpenApi.fromApi(Api))
  return cached
}
