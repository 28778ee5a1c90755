/**
 * Bad input over HTTP: every request below is refused with its status and a problem whose `code`
 * names why, and the tenants' logs (read through the engine) are exactly what they were before.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Answer, get, hanoi, logOf, post, type Running, registerDistrict, registerRoot, start } from "./support.js"

let t: Running

beforeAll(async () => {
  t = await start({ maxBodyBytes: 64 * 1024 })
  t.tokens.set("throws", hanoi)
  t.tokens.set("hanoi-officer", { ...hanoi, role: "officer" })
  const root = await post(t.url, "hanoi", registerRoot(hanoi, "root-1"), { token: "hanoi" })
  expect(root.status).toBe(200)
  const hcm = await post(
    t.url,
    "hcm",
    registerRoot({ tenantId: "hcm", organizationId: "ldld-hcm", role: "executive" }, "root-hcm", "LĐLĐ TP.HCM"),
    { token: "hcm" }
  )
  expect(hcm.status).toBe(200)
})
afterAll(() => t.close())

const district = (commandId: string) => registerDistrict(hanoi, commandId, "ldld-hoang-mai", "LĐLĐ quận Hoàng Mai")

const logs = async () => ({ hanoi: await logOf(t.td, "hanoi"), hcm: await logOf(t.td, "hcm") })

interface Case {
  readonly name: string
  readonly send: () => Promise<Pick<Answer, "status" | "type" | "body">>
  readonly status: number
  readonly code: string | RegExp
}

const cases: ReadonlyArray<Case> = [
  {
    name: "no credentials",
    send: () => post(t.url, "hanoi", district("c-401")),
    status: 401,
    code: "HTTP-UNAUTHENTICATED"
  },
  {
    name: "an unknown token",
    send: () => post(t.url, "hanoi", district("c-401b"), { token: "nobody" }),
    status: 401,
    code: "HTTP-UNAUTHENTICATED"
  },
  {
    name: "a body that is not JSON",
    send: () => post(t.url, "hanoi", '{"_tag": "RegisterOrganization",', { token: "hanoi", raw: true }),
    status: 400,
    code: "HTTP-BODY"
  },
  {
    name: "an empty body",
    send: () => post(t.url, "hanoi", "", { token: "hanoi", raw: true }),
    status: 400,
    code: "HTTP-BODY"
  },
  {
    name: "a JSON array instead of one command",
    send: () => post(t.url, "hanoi", [district("c-arr")], { token: "hanoi" }),
    status: 400,
    code: "HTTP-BODY"
  },
  {
    name: "JSON that is not a command",
    send: () => post(t.url, "hanoi", { ...district("c-bad"), _tag: "DropAllTables" }, { token: "hanoi" }),
    status: 400,
    code: "CommandDecodeError"
  },
  {
    name: "a command with an impossible date",
    send: () => post(t.url, "hanoi", { ...district("c-date"), at: "2020-02-30" }, { token: "hanoi" }),
    status: 400,
    code: "CommandDecodeError"
  },
  {
    name: "a NUL character in a name",
    send: () => post(t.url, "hanoi", { ...district("c-nul"), name: "LĐLĐ\u0000quận" }, { token: "hanoi" }),
    status: 400,
    code: "HTTP-BODY"
  },
  {
    name: "a NUL character in a key",
    send: () => post(t.url, "hanoi", { ...district("c-nul-key"), "x\u0000": 1 }, { token: "hanoi" }),
    status: 400,
    code: "HTTP-BODY"
  },
  {
    name: "bytes that are not UTF-8",
    send: async () => {
      const response = await fetch(`${t.url}/v1/tenants/hanoi/commands`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer hanoi" },
        body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])
      })
      return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.json() }
    },
    status: 400,
    code: "HTTP-BODY"
  },
  {
    name: "a body over the limit, with its length",
    send: () => post(t.url, "hanoi", { ...district("c-huge"), name: "x".repeat(100 * 1024) }, { token: "hanoi" }),
    status: 413,
    code: "HTTP-BODY-TOO-LARGE"
  },
  {
    name: "a body over the limit, chunked without a length",
    send: async () => {
      const chunk = new TextEncoder().encode(" ".repeat(16 * 1024))
      let sent = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // A client that never stops: the server must stop reading at its limit.
          if (sent++ < 1000) controller.enqueue(chunk)
          else controller.close()
        }
      })
      const response = await fetch(`${t.url}/v1/tenants/hanoi/commands`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer hanoi" },
        body,
        duplex: "half"
      } as RequestInit)
      return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.json() }
    },
    status: 413,
    code: "HTTP-BODY-TOO-LARGE"
  },
  {
    name: "a body sent as text/plain",
    send: () => post(t.url, "hanoi", district("c-text"), { token: "hanoi", headers: { "content-type": "text/plain" } }),
    status: 415,
    code: "HTTP-MEDIA-TYPE"
  },
  {
    name: "a body sent as a form",
    send: () =>
      post(t.url, "hanoi", district("c-form"), {
        token: "hanoi",
        headers: { "content-type": "application/x-www-form-urlencoded" }
      }),
    status: 415,
    code: "HTTP-MEDIA-TYPE"
  },
  ...['"abc"', "1", 'W/"1"', "*", '"1", "2"', '"-1"', '"99999999999999999999"'].map(
    (value): Case => ({
      name: `If-Match ${value}, not a version`,
      send: () => post(t.url, "hanoi", district("c-ifm"), { token: "hanoi", headers: { "if-match": value } }),
      status: 400,
      code: "HTTP-HEADER"
    })
  ),
  {
    name: "a stale If-Match",
    send: () => post(t.url, "hanoi", district("c-stale"), { token: "hanoi", headers: { "if-match": '"0"' } }),
    status: 412,
    code: "WrongExpectedVersion"
  },
  {
    name: "a forged principal: the command's actor is not the caller",
    send: () => post(t.url, "hanoi", district("c-forged"), { token: "hanoi-officer" }),
    status: 403,
    code: "AUTH-PRINCIPAL"
  },
  {
    name: "another tenant in the path",
    send: () => post(t.url, "hcm", district("c-path"), { token: "hanoi" }),
    status: 403,
    code: "HTTP-TENANT"
  },
  {
    name: "another tenant in the body",
    send: () => post(t.url, "hanoi", { ...district("c-body"), tenantId: "hcm" }, { token: "hanoi" }),
    status: 403,
    code: "HTTP-TENANT"
  },
  {
    name: "a command id of the first command reused for another command",
    send: () => post(t.url, "hanoi", district("root-1"), { token: "hanoi" }),
    status: 409,
    code: "IdempotencyConflict"
  },
  {
    name: "an Idempotency-Key reused with a different body",
    send: () => {
      const { commandId: _, ...body } = district("unused")
      return post(t.url, "hanoi", body, { token: "hanoi", headers: { "idempotency-key": "root-1" } })
    },
    status: 409,
    code: "IdempotencyConflict"
  },
  {
    name: "an Idempotency-Key that differs from the body's commandId",
    send: () => post(t.url, "hanoi", district("c-key"), { token: "hanoi", headers: { "idempotency-key": "other" } }),
    status: 400,
    code: "HTTP-HEADER"
  },
  {
    name: "a command a rule refuses (a parent that does not exist)",
    send: () => post(t.url, "hanoi", { ...district("c-rule"), parentId: "ldld-khong-co" }, { token: "hanoi" }),
    status: 422,
    code: /^[A-Z]+(-[A-Z]+)?\d*$/
  },
  {
    name: "an authentication hook that throws",
    send: () => post(t.url, "hanoi", district("c-hook"), { token: "throws" }),
    status: 500,
    code: "HTTP-AUTH-HOOK"
  },
  {
    name: "a huge number",
    send: () => post(t.url, "hanoi", { ...district("c-num"), members: 1e308 }, { token: "hanoi" }),
    status: 400,
    code: "CommandDecodeError"
  }
]

describe("a bad request is refused with a typed problem and changes nothing", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const before = await logs()
      const r = await c.send()
      expect(r.status).toBe(c.status)
      expect(r.type).toMatch(/^application\/problem\+json/)
      expect(r.body.status).toBe(c.status)
      if (typeof c.code === "string") expect(r.body.code).toBe(c.code)
      else expect(r.body.code).toMatch(c.code)
      expect(r.body.type).toBe(`urn:thidua:problem:${r.body.code}`)
      expect(r.body.messages.vi.length).toBeGreaterThan(0)
      expect(r.body.messages.en).toBe(r.body.detail)
      expect(await logs()).toEqual(before)
    })
  }

  it("a rule's refusal names the rule, with its values and both messages", async () => {
    const r = await post(t.url, "hanoi", { ...district("c-rule-2"), parentId: "ldld-khong-co" }, { token: "hanoi" })
    expect(r.status).toBe(422)
    expect(r.body.rule).toBe(r.body.code)
    expect(r.body.title).toBe(`Refused by rule ${r.body.code}`)
    expect(JSON.stringify(r.body.details)).toContain("ldld-khong-co")
    expect(r.body.messages.vi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/)
  })

  it("a 500 tells nothing of the server's internals", async () => {
    const r = await post(t.url, "hanoi", district("c-hook-2"), { token: "throws" })
    expect(r.status).toBe(500)
    expect(JSON.stringify(r.body)).not.toMatch(/hunter2|secret|stack|Error:/)
  })

  it("reads refuse other tenants and strangers, and an unknown route or campaign is 404", async () => {
    expect((await get(t.url, "/v1/tenants/hanoi/directory")).status).toBe(401)
    const other = await get(t.url, "/v1/tenants/hcm/directory", "hanoi")
    expect([other.status, other.body.code]).toEqual([403, "HTTP-TENANT"])
    const events = await get(t.url, "/v1/tenants/hcm/events", "hanoi")
    expect([events.status, events.body.code]).toEqual([403, "HTTP-TENANT"])
    const campaign = await get(t.url, "/v1/tenants/hanoi/campaigns/khong-co", "hanoi")
    expect([campaign.status, campaign.body.code, campaign.type]).toEqual([
      404,
      "HTTP-NOT-FOUND",
      "application/problem+json"
    ])
    for (const path of ["scoreboard", "initiatives", "awards"]) {
      const r = await get(t.url, `/v1/tenants/hanoi/campaigns/khong-co/${path}`, "hanoi")
      expect([r.status, r.body.code]).toEqual([404, "HTTP-NOT-FOUND"])
    }
    for (const path of ["/", "/v1", "/v1/tenants/hanoi/campaigns", "/openapi.yaml"]) {
      const r = await get(t.url, path, "hanoi")
      expect([r.status, r.body.code, r.type], path).toEqual([404, "HTTP-NOT-FOUND", "application/problem+json"])
    }
    const del = await fetch(`${t.url}/v1/tenants/hanoi/directory`, {
      method: "DELETE",
      headers: { authorization: "Bearer hanoi" }
    })
    expect([del.status, del.headers.get("allow")]).toEqual([405, "GET"])
  })

  it("an events request with a position that is not one, or a parameter given twice, is 400", async () => {
    for (const query of ["?after=12", "?after=abc", "?after=1&after=2", "?stream=a&stream=b", "?stream="]) {
      const r = await get(t.url, `/v1/tenants/hanoi/events${query}`, "hanoi")
      expect([r.status, r.body.code], query).toEqual([400, "HTTP-REQUEST"])
    }
    const r = await get(t.url, "/v1/tenants/hanoi/events", "hanoi", { "last-event-id": "not-a-position" })
    expect([r.status, r.body.code]).toEqual([400, "HTTP-REQUEST"])
  })

  it("a position of another store (PostgreSQL's, on the memory store) is a 400 problem before any stream", async () => {
    for (const headers of [{}, { "last-event-id": "00000000000000000001:00000000000000000001" }]) {
      const query = "last-event-id" in headers ? "" : "?after=00000000000000000001:00000000000000000001"
      const r = await get(t.url, `/v1/tenants/hanoi/events${query}`, "hanoi", headers)
      expect([r.status, r.type, r.body.code, r.body.details?.option]).toEqual([
        400,
        "application/problem+json",
        "ENGINE-OPTION",
        "after"
      ])
    }
    expect(t.server.streams()).toBe(0)
  })
})

describe("Idempotency-Key and If-Match", () => {
  it("the key fills in a missing commandId, and the same key and body again write nothing", async () => {
    const { commandId: _, ...body } = registerDistrict(hanoi, "x", "ldld-dong-da", "LĐLĐ quận Đống Đa")
    const first = await post(t.url, "hanoi", body, { token: "hanoi", headers: { "idempotency-key": "key-dong-da" } })
    expect([first.status, first.body.duplicate]).toEqual([200, false])
    const logged = (await logOf(t.td, "hanoi")).at(-1)
    expect(logged?.commandId).toBe("key-dong-da")
    const before = await logOf(t.td, "hanoi")
    const again = await post(t.url, "hanoi", body, { token: "hanoi", headers: { "idempotency-key": "key-dong-da" } })
    expect([again.status, again.body.duplicate, again.body.version]).toEqual([200, true, first.body.version])
    expect(await logOf(t.td, "hanoi")).toEqual(before)
  })

  it("a current If-Match is executed, and its answer's ETag is the new version", async () => {
    const version = (await logOf(t.td, "hanoi")).filter((e) => e.streamId === "org:hanoi").length
    const r = await post(t.url, "hanoi", registerDistrict(hanoi, "c-ba-dinh", "ldld-ba-dinh", "LĐLĐ quận Ba Đình"), {
      token: "hanoi",
      headers: { "if-match": `"${version}"` }
    })
    expect(r.status).toBe(200)
    expect(r.body.version).toBe(version + 1)
    expect(r.etag).toBe(`"${version + 1}"`)
    expect(r.body.streamId).toBe("org:hanoi")
    expect(r.body.events.map((e: { _tag: string }) => e._tag)).toEqual(["OrganizationRegistered"])
  })
})
