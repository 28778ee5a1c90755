/**
 * The OpenAPI document is the contract: it is valid OpenAPI (checked by an independent
 * validator), it lists every route of the contract with its method, and every route it lists is
 * answered by the server (and the other way round).
 */

import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Validator } from "@seriousme/openapi-schema-validator"
import { Api } from "@thidua/http"
import { get, hanoi, post, type Running, registerRoot, start } from "./support.js"

// The contract's routes, written out by hand (docs/guides/http.md), not read from the code.
const contract: ReadonlyArray<readonly [string, string]> = [
  ["post", "/v1/tenants/{tenantId}/commands"],
  ["get", "/v1/tenants/{tenantId}/campaigns/{campaignId}"],
  ["get", "/v1/tenants/{tenantId}/campaigns/{campaignId}/scoreboard"],
  ["get", "/v1/tenants/{tenantId}/campaigns/{campaignId}/initiatives"],
  ["get", "/v1/tenants/{tenantId}/campaigns/{campaignId}/awards"],
  ["get", "/v1/tenants/{tenantId}/directory"],
  ["get", "/v1/tenants/{tenantId}/events"],
  ["get", "/openapi.json"]
]

let t: Running
// biome-ignore lint/suspicious/noExplicitAny: the document is JSON
let doc: any

beforeAll(async () => {
  t = await start()
  const r = await get(t.url, "/openapi.json")
  expect(r.status).toBe(200)
  doc = r.body
})
afterAll(() => t.close())

describe("the OpenAPI document", () => {
  it("is served at /openapi.json and is valid OpenAPI 3.x", async () => {
    const validator = new Validator()
    const result = await validator.validate(doc)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toMatch(/^3\./)
    expect(doc).toEqual(JSON.parse(JSON.stringify(Api.document())))
  })

  it("lists exactly the contract's routes", () => {
    const listed = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))
        .map((method) => `${method} ${path}`)
    )
    expect(new Set(listed)).toEqual(new Set(contract.map(([m, p]) => `${m} ${p}`)))
  })

  it("says every error is a problem, the events are text/event-stream and writes carry an ETag", () => {
    for (const [method, path] of contract) {
      const op = doc.paths[path][method]
      for (const [status, response] of Object.entries(op.responses as Record<string, { content?: object }>)) {
        if (Number(status) >= 400)
          expect(Object.keys(response.content ?? {}), `${method} ${path} ${status}`).toEqual([
            "application/problem+json"
          ])
      }
    }
    const events = doc.paths["/v1/tenants/{tenantId}/events"].get
    expect(Object.keys(events.responses["200"].content)).toEqual(["text/event-stream"])
    const execute = doc.paths["/v1/tenants/{tenantId}/commands"].post
    expect(Object.keys(execute.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "409", "412", "413", "415", "422", "500", "503"])
    )
    expect(Object.keys(execute.responses["200"].headers ?? {}).map((h) => h.toLowerCase())).toContain("etag")
    const params = (execute.parameters as Array<{ name: string; in: string }>).map((p) => `${p.in}:${p.name}`)
    expect(params).toEqual(expect.arrayContaining(["path:tenantId", "header:if-match", "header:idempotency-key"]))
  })

  it("declares the bearer scheme on every API route, and the 401's challenge as the server sends it", async () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" })
    expect(doc.components.securitySchemes.bearer.description).toMatch(/hook/)
    for (const [method, path] of contract) {
      const op = doc.paths[path][method]
      if (path === "/openapi.json") expect(op.security ?? [], path).toEqual([])
      else {
        expect(op.security, path).toEqual([{ bearer: [] }])
        expect(Object.keys(op.responses["401"].headers ?? {}), path).toEqual(["WWW-Authenticate"])
      }
    }
    const r = await fetch(`${t.url}/v1/tenants/hanoi/events`)
    expect([r.status, r.headers.get("www-authenticate")]).toEqual([401, "Bearer"])
  })

  it("says a commandId may come from Idempotency-Key, and what an event: problem frame holds", () => {
    const execute = doc.paths["/v1/tenants/{tenantId}/commands"].post
    const members: Array<{ required?: Array<string>; properties: Record<string, unknown> }> =
      execute.requestBody.content["application/json"].schema.anyOf
    expect(members.length).toBeGreaterThan(30)
    for (const member of members) {
      expect(member.properties.commandId).toBeDefined()
      expect(member.required ?? []).not.toContain("commandId")
      expect(member.required ?? []).toContain("_tag")
    }
    expect(execute.requestBody.description).toMatch(/Idempotency-Key/)
    const events = doc.paths["/v1/tenants/{tenantId}/events"].get
    expect(events.description).toMatch(/`event: problem` whose `data` is a problem/)
  })

  it("every route it lists is answered by the server, and nothing else under /v1 is", async () => {
    await post(t.url, "hanoi", registerRoot(hanoi, "root"), { token: "hanoi" })
    for (const [method, path] of contract) {
      const url = `${t.url}${path.replace("{tenantId}", "hanoi").replace("{campaignId}", "none")}`
      const abort = new AbortController()
      const response = await fetch(url, {
        method: method.toUpperCase(),
        headers: { authorization: "Bearer hanoi", "content-type": "application/json" },
        ...(method === "post" ? { body: "{}" } : {}),
        signal: abort.signal
      })
      const body: { details?: { resource?: string } } | undefined = response.headers
        .get("content-type")
        ?.startsWith("text/event-stream")
        ? undefined
        : ((await response.json()) as { details?: { resource?: string } })
      abort.abort()
      // The route exists: whatever the answer, it is not "no route".
      expect(body?.details?.resource, `${method} ${path}`).not.toBe("route")
    }
    for (const [method, path] of [
      ["GET", "/v1/tenants/hanoi"],
      ["GET", "/v1/tenants/hanoi/campaigns/x/timeline"],
      ["DELETE", "/v1/tenants/hanoi/campaigns"]
    ] as const) {
      const r = await fetch(`${t.url}${path}`, { method, headers: { authorization: "Bearer hanoi" } })
      const body = (await r.json()) as { details?: { resource?: string } }
      expect([r.status, body.details?.resource], `${method} ${path}`).toEqual([404, "route"])
    }
    // A path of the contract asked with another method: 405, and Allow names the contract's method.
    for (const [method, path, allow] of [
      ["GET", "/v1/tenants/hanoi/commands", "POST"],
      ["PUT", "/v1/tenants/hanoi/commands", "POST"],
      ["POST", "/v1/tenants/hanoi/directory", "GET"],
      ["DELETE", "/v1/tenants/hanoi/campaigns/x/scoreboard", "GET"]
    ] as const) {
      const r = await fetch(`${t.url}${path}`, { method, headers: { authorization: "Bearer hanoi" } })
      const body = (await r.json()) as { code?: string; details?: { allow?: Array<string> } }
      expect([r.status, body.code, r.headers.get("allow"), body.details?.allow], `${method} ${path}`).toEqual([
        405,
        "HTTP-METHOD",
        allow,
        [allow]
      ])
    }
  })
})
