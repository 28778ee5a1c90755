/**
 * The example server's own test, over real HTTP on a free port: the OpenAPI document it serves is
 * valid, the page and its assets come with the right content types, the token table and its rules
 * (bearer header everywhere, `?access_token` on the events route only, the viewer reads only), the
 * live events route, and the seed loaded once.
 */
import { readFileSync } from "node:fs"
import { get as httpGet } from "node:http"
import { join } from "node:path"
import { Validator } from "@seriousme/openapi-schema-validator"
import { Event } from "@thidua/core"
import { createThiDua } from "@thidua/engine"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { authenticate, tokens, viewerToken } from "../src/auth.js"
import * as Seed from "../src/seed.js"
import { publicDir, type Started, start } from "../src/server.js"
import { campaignId, crossAssess, read, send, tenantId, ubndQuan } from "./support.js"

let server: Started
beforeAll(async () => {
  server = await start({ port: 0 })
})
afterAll(async () => {
  await server?.close()
})

/** Reads server-sent events until `done` says so, or fails after `ms`. */
const readEvents = async (
  response: Response,
  done: (events: ReadonlyArray<{ id: string; event: string; data: string }>) => boolean,
  ms = 10_000
) => {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const events: Array<{ id: string; event: string; data: string }> = []
  const comments: Array<string> = []
  let buffer = ""
  const deadline = Date.now() + ms
  try {
    while (!done(events)) {
      if (Date.now() > deadline) throw new Error(`no matching event in ${ms} ms; got ${events.map((e) => e.event)}`)
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no bytes in ${ms} ms`)), ms))
      ])
      if (chunk.done) break
      buffer += chunk.value
      let end = buffer.indexOf("\n\n")
      while (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const fields: Record<string, string> = {}
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) comments.push(line)
          else {
            const at = line.indexOf(":")
            const name = at < 0 ? line : line.slice(0, at)
            const value = at < 0 ? "" : line.slice(at + 1).replace(/^ /, "")
            fields[name] = fields[name] === undefined ? value : `${fields[name]}\n${value}`
          }
        }
        if (fields.data !== undefined)
          events.push({ id: fields.id ?? "", event: fields.event ?? "", data: fields.data })
        end = buffer.indexOf("\n\n")
      }
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
  return { events, comments }
}

describe("the OpenAPI document", () => {
  it("is served as JSON, is a valid OpenAPI 3 document, and has every route of the API", async () => {
    const response = await fetch(`${server.url}/openapi.json`)
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^application\/json/)
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> }
    const result = await new Validator().validate(doc)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(doc.openapi).toMatch(/^3\./)
    // The routes of the HTTP contract, parameter names aside.
    const paths = Object.keys(doc.paths).map((p) => p.replace(/\{[^}]+\}/g, "{}"))
    expect(paths).toEqual(
      expect.arrayContaining([
        "/v1/tenants/{}/commands",
        "/v1/tenants/{}/campaigns/{}",
        "/v1/tenants/{}/campaigns/{}/scoreboard",
        "/v1/tenants/{}/campaigns/{}/initiatives",
        "/v1/tenants/{}/campaigns/{}/awards",
        "/v1/tenants/{}/directory",
        "/v1/tenants/{}/events"
      ])
    )
  })
})

describe("the page", () => {
  const asset = async (path: string) => {
    const response = await fetch(`${server.url}${path}`)
    return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() }
  }

  it("serves index.html at / and by name, as UTF-8 HTML", async () => {
    for (const path of ["/", "/index.html"]) {
      const page = await asset(path)
      expect(page.status).toBe(200)
      expect(page.type).toMatch(/^text\/html/)
      expect(page.type.toLowerCase()).toMatch(/charset=utf-8/)
      expect(page.text).toBe(readFileSync(join(publicDir, "index.html"), "utf8"))
      expect(page.text).toContain("Bảng xếp hạng")
    }
  })

  it("serves the script as JavaScript (a module needs it) and the style sheet as CSS", async () => {
    const script = await asset("/app.js")
    expect(script.status).toBe(200)
    expect(script.type).toMatch(/^(text|application)\/javascript/)
    expect(script.text).toBe(readFileSync(join(publicDir, "app.js"), "utf8"))
    const style = await asset("/style.css")
    expect(style.status).toBe(200)
    expect(style.type).toMatch(/^text\/css/)
  })

  it("serves nothing outside public/: a missing file and a climb out of the folder are 404", async () => {
    expect((await asset("/nothing-here.js")).status).toBe(404)
    for (const path of ["/../src/auth.ts", "/%2e%2e/src/auth.ts", "/..%2fsrc%2fauth.ts", "/%2e%2e%2fpackage.json"]) {
      const r = await asset(path)
      expect(r.status, path).toBe(404)
      expect(r.text).not.toContain("viewerToken")
      expect(r.text).not.toContain("@thidua/example-http")
    }
  })

  it("defaults to the seed's tenant and campaign, the viewer token, and listens for every campaign event", () => {
    const app = readFileSync(join(publicDir, "app.js"), "utf8")
    expect(app).toContain(`params.get("tenant") || "${tenantId}"`)
    expect(app).toContain(`params.get("campaign") || "${campaignId}"`)
    expect(app).toContain(`params.get("token") || "${viewerToken}"`)
    // EventSource hears a named event only with a listener of that name: the page's list must be
    // the campaign stream's events, all of them.
    const listed = [...app.slice(app.indexOf("const campaignEvents")).matchAll(/^ {2}"(\w+)",?$/gm)].map((m) => m[1])
    const tags = Event.CampaignEvent.members.map((m) => m.fields._tag.schema.literal as string)
    expect(new Set(listed)).toEqual(new Set(tags))
    expect(listed.length).toBe(tags.length)
  })
})

describe("authentication", () => {
  const directory = "/directory"

  it("an unknown token, no token and a header that is not a bearer token get 401 problem+json", async () => {
    for (const token of ["not-a-token", undefined]) {
      const r = await read(server.url, token, directory)
      expect(r.status).toBe(401)
      expect(r.type).toMatch(/^application\/problem\+json/)
      expect(r.body.status).toBe(401)
      expect(typeof r.body.title).toBe("string")
      expect(typeof r.body.code).toBe("string")
      expect(r.body.messages.vi.length).toBeGreaterThan(0)
      expect(r.body.messages.en.length).toBeGreaterThan(0)
    }
    const basic = await fetch(`${server.url}/v1/tenants/${tenantId}${directory}`, {
      headers: { authorization: `Basic ${Buffer.from(`${viewerToken}:`).toString("base64")}` }
    })
    expect(basic.status).toBe(401)
  })

  it("the viewer token reads the directory of its tenant", async () => {
    const r = await read(server.url, viewerToken, directory)
    expect(r.status).toBe(200)
    expect(JSON.stringify(r.body)).toContain("Công đoàn cơ sở Công ty TNHH Trung Thành")
  })

  it("a token in the query does not count on a read route other than the events", async () => {
    const r = await fetch(`${server.url}/v1/tenants/${tenantId}${directory}?access_token=${viewerToken}`)
    expect(r.status).toBe(401)
  })

  it("a query token on a path that a URL parser reads as the events route reaches nothing", async () => {
    // Sent as written: fetch would normalize `\` and `..` itself. The router does not, so these
    // reach the campaign route, where a query token must not count.
    const paths = [
      `/v1/tenants/${tenantId}/campaigns/x\\..\\..\\events`,
      `/v1/tenants/${tenantId}/campaigns/x%5C..%5C..%5Cevents`
    ]
    for (const path of paths) {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const url = new URL(server.url)
        httpGet({ host: url.hostname, port: url.port, path: `${path}?access_token=${viewerToken}` }, (response) => {
          response.resume()
          resolve(response.statusCode)
        }).on("error", reject)
      })
      expect(status, path).toBe(401)
    }
  })

  it("the viewer token cannot write, and the refused command changes nothing", async () => {
    const before = await read(server.url, viewerToken, `/campaigns/${campaignId}`)
    const command = crossAssess(ubndQuan, "hm2020-hc-1", 5)
    const r = await send(server.url, viewerToken, command)
    expect(r.status).toBe(401)
    expect(r.type).toMatch(/^application\/problem\+json/)
    const after = await read(server.url, viewerToken, `/campaigns/${campaignId}`)
    expect(after.etag).toBe(before.etag)
  })

  it("a writing token in the query is refused on the command route, and nothing is written", async () => {
    const before = await read(server.url, viewerToken, `/campaigns/${campaignId}`)
    const command = crossAssess(ubndQuan, "hm2020-hc-1", 5)
    const r = await send(server.url, undefined, command, { query: "?access_token=hoang-mai-can-bo" })
    expect(r.status).toBe(401)
    expect(r.type).toMatch(/^application\/problem\+json/)
    expect((await read(server.url, viewerToken, `/campaigns/${campaignId}`)).etag).toBe(before.etag)
    // The same command with the token in its header is executed, and for the first time.
    const done = await send(server.url, "hoang-mai-can-bo", command)
    expect(done.status).toBe(200)
    expect(done.body.duplicate).toBe(false)
    expect(done.body.events.map((e: { _tag: string }) => e._tag)).toEqual(["ScoreAssessed"])
  })

  it("a token proves its principal: a command whose actor is another unit is refused with 403", async () => {
    const command = {
      ...crossAssess(ubndQuan, "hm2020-hc-1", 5),
      actor: { organizationId: "ldld-hoang-mai", role: "officer" }
    }
    const r = await send(server.url, "ubnd-quan-can-bo", command)
    expect(r.status).toBe(403)
    expect(r.body.code).toBe("AUTH-PRINCIPAL")
  })

  it("the hook's own rules, request by request", () => {
    const hook = authenticate(tokens)
    const events = `/v1/tenants/${tenantId}/events`
    const viewer = tokens.get(viewerToken)!.principal
    const get = (url: string, headers: Record<string, string> = {}) => hook({ method: "GET", url, headers })
    expect(get(events, { authorization: `bearer ${viewerToken}` })).toEqual(viewer)
    expect(get(`${events}?access_token=${viewerToken}`)).toEqual(viewer)
    // Two tokens in one query, a header that is not a bearer token, another method, another route.
    expect(get(`${events}?access_token=${viewerToken}&access_token=${viewerToken}`)).toBeUndefined()
    expect(get(`${events}?access_token=${viewerToken}`, { authorization: "Bearer nope" })).toBeUndefined()
    expect(get(`${events}?access_token=${viewerToken}`, { authorization: viewerToken })).toBeUndefined()
    expect(hook({ method: "POST", url: `${events}?access_token=hoang-mai-can-bo`, headers: {} })).toBeUndefined()
    expect(get(`${events}/x?access_token=${viewerToken}`)).toBeUndefined()
    expect(get(`/v1/tenants/${tenantId}/directory?access_token=${viewerToken}`)).toBeUndefined()
    // The path as sent, not as WHATWG URL rewrites it; and the route the server matched, when given.
    expect(get(`/v1/tenants/${tenantId}/campaigns/x\\..\\..\\events?access_token=${viewerToken}`)).toBeUndefined()
    expect(get(`/v1/tenants/${tenantId}/x/../events?access_token=${viewerToken}`)).toBeUndefined()
    expect(get(`/v1/tenants/./events?access_token=${viewerToken}`)).toBeUndefined()
    expect(get(`/v1/tenants/%2e%2e/events?access_token=${viewerToken}`)).toBeUndefined()
    const routed = (route: "events" | "campaign") =>
      hook({ method: "GET", url: `${events}?access_token=${viewerToken}`, headers: {}, route })
    expect(routed("events")).toEqual(viewer)
    expect(routed("campaign")).toBeUndefined()
    // The viewer reads only; the others write.
    const post = (token: string) =>
      hook({ method: "POST", url: `/v1/tenants/${tenantId}/commands`, headers: { authorization: `Bearer ${token}` } })
    expect(post(viewerToken)).toBeUndefined()
    expect(post("hoang-mai-can-bo")).toEqual({ tenantId, organizationId: "ldld-hoang-mai", role: "officer" })
    expect(get(events, { authorization: "Bearer __proto__" })).toBeUndefined()
  })
})

describe("the events route", () => {
  it("with ?access_token, streams the campaign's events from the start, then new ones live", async () => {
    const abort = new AbortController()
    const query = new URLSearchParams({ stream: `campaign:${campaignId}`, access_token: viewerToken })
    const response = await fetch(`${server.url}/v1/tenants/${tenantId}/events?${query}`, { signal: abort.signal })
    try {
      expect(response.status).toBe(200)
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/)
      const seeded = Seed.commands().filter((c) => "campaignId" in c).length
      const command = crossAssess(ubndQuan, "hm2020-hc-2", 7)
      let sent = false
      const { events } = await readEvents(response, (got) => {
        // Once the seed's events are in, send one command: its event must follow, live.
        if (!sent && got.length >= seeded) {
          sent = true
          void send(server.url, "hoang-mai-can-bo", command)
        }
        return got.some((e) => JSON.parse(e.data).commandId === command.commandId)
      })
      const first = JSON.parse(events[0]!.data)
      expect(events[0]!.event).toBe("CampaignPlanned")
      expect(first.event._tag).toBe("CampaignPlanned")
      expect(first.streamId).toBe(`campaign:${campaignId}`)
      expect(events[0]!.id).toBe(String(first.position))
      const last = events.at(-1)!
      expect(last.event).toBe("ScoreAssessed")
      expect(JSON.parse(last.data).event).toMatchObject({ unitId: ubndQuan, points: 7, kind: "cross" })
      // Only the campaign's stream, in its order.
      const versions = events.map((e) => JSON.parse(e.data).version)
      expect(versions).toEqual(versions.map((_, i) => i + 1))
    } finally {
      abort.abort()
    }
  })

  it("resumes after Last-Event-ID without sending the events before it again", async () => {
    const abort = new AbortController()
    const query = new URLSearchParams({ stream: `campaign:${campaignId}`, access_token: viewerToken })
    const url = `${server.url}/v1/tenants/${tenantId}/events?${query}`
    const all = await readEvents(await fetch(url, { signal: abort.signal }), (got) => got.length >= 5)
    abort.abort()
    const again = new AbortController()
    try {
      const response = await fetch(url, { signal: again.signal, headers: { "last-event-id": all.events[2]!.id } })
      const { events } = await readEvents(response, (got) => got.length >= 1)
      expect(events[0]!.id).toBe(all.events[3]!.id)
    } finally {
      again.abort()
    }
  })
})

describe("the seed", () => {
  it("is loaded as of 21/12/2020: Đợt 1 reviewed, Đợt 2 open; loading it again writes nothing", async () => {
    const state = await server.thidua.campaign(tenantId, campaignId)
    expect(state?.status).toBe("Launched")
    expect(state?.phases.map((p) => [p.id, p.status])).toEqual([
      ["dot-1", "Reviewed"],
      ["dot-2", "Open"]
    ])
    expect(server.seeded.written).toBe(server.seeded.sent)
    expect(await Seed.load(server.thidua)).toEqual({ sent: server.seeded.sent, written: 0 })
  })

  it("a store holding another command under a seed command's id stops the load, naming both", async () => {
    const td = await createThiDua({ store: "memory" })
    try {
      // The seed's first command id, reused for another name: the engine must not take the seed's.
      const [first] = Seed.commands() as ReadonlyArray<{ commandId: string; tenantId: string; actor: object }>
      const other = { ...first!, name: "Liên đoàn Lao động khác" }
      const principal = { tenantId, ...(first!.actor as { organizationId: string; role: "executive" }) }
      expect((await td.execute(other, { principal })).ok).toBe(true)
      const error = await Seed.load(td).then(
        () => undefined,
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(Seed.SeedRefused)
      expect(error).toBeInstanceOf(Error)
      const refused = error as Seed.SeedRefused
      expect(refused.code).toBe("EXAMPLE-SEED")
      expect(refused.refusal).toBe("IdempotencyConflict")
      expect(refused.command).toBe(`RegisterOrganization ${first!.commandId}`)
      expect(refused.messages.vi).toContain("dữ liệu mẫu")
      // Nothing of the seed was written past the refusal.
      expect(await td.campaign(tenantId, campaignId)).toBeUndefined()
    } finally {
      await td.close()
    }
  })
})
