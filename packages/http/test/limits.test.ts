/**
 * An answer stays small whatever the request held, and the costly shapes of JSON are refused
 * before they are parsed: a value the problem names is cut at 100 characters, a body nested more
 * than 64 levels is refused before JSON.parse, and a compressed body is refused (the server reads
 * plain bodies only). Each refusal changes nothing.
 */

import { gzipSync } from "node:zlib"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { hanoi, logOf, post, type Running, registerDistrict, registerRoot, start } from "./support.js"

let t: Running

beforeAll(async () => {
  t = await start()
  expect((await post(t.url, "hanoi", registerRoot(hanoi, "root-1"), { token: "hanoi" })).status).toBe(200)
})
afterAll(() => t.close())

const district = (commandId: string) => registerDistrict(hanoi, commandId, "ldld-hoang-mai", "LĐLĐ quận Hoàng Mai")

// The command's JSON with `name` replaced by raw JSON text.
const withName = (commandId: string, json: string) =>
  JSON.stringify(district(commandId)).replace('"LĐLĐ quận Hoàng Mai"', json)

const send = async (body: string | Uint8Array, headers: Record<string, string> = {}) => {
  const response = await fetch(`${t.url}/v1/tenants/hanoi/commands`, {
    method: "POST",
    headers: { authorization: "Bearer hanoi", "content-type": "application/json", ...headers },
    body
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) }
}

describe("echoed values are cut at 100 characters", () => {
  it("a NUL at the end of a long path of long keys: the path is cut, the answer small", async () => {
    const key = "k".repeat(200_000)
    const before = await logOf(t.td, "hanoi")
    const r = await send(withName("c-nul-keys", `{"${key}":{"${key}":"\\u0000"}}`))
    expect([r.status, r.body.code, r.body.details.problem]).toEqual([400, "HTTP-BODY", "nul"])
    expect(r.body.details.at).toBe(`name.${"k".repeat(95)}…`)
    expect(r.text.length).toBeLessThan(2_000)
    expect(await logOf(t.td, "hanoi")).toEqual(before)
  })

  it("a NUL in an array keeps its short path whole", async () => {
    const r = await send(withName("c-nul-arr", '[["a", "b\\u0000"]]'))
    expect(r.body.details.at).toBe("name[0][1]")
  })

  it("a 900 kB tenantId in the body: 403 with the tenant cut", async () => {
    const r = await send(JSON.stringify({ ...district("c-tenant"), tenantId: "t".repeat(900_000) }))
    expect([r.status, r.body.code]).toEqual([403, "HTTP-TENANT"])
    expect(r.body.details.tenantId).toBe(`${"t".repeat(100)}…`)
    expect(r.text.length).toBeLessThan(2_000)
  })

  it("a long path: 404 with the path cut", async () => {
    const id = "x".repeat(5_000)
    const response = await fetch(`${t.url}/v1/tenants/hanoi/campaigns/${id}`, {
      headers: { authorization: "Bearer hanoi" }
    })
    const text = await response.text()
    expect(response.status).toBe(404)
    const echoed: string = JSON.parse(text).details.id
    expect([echoed.length, echoed.endsWith("x…")]).toEqual([101, true])
    expect(text.length).toBeLessThan(1_500)
  })
})

describe("nesting deeper than 64 levels is refused before it is parsed", () => {
  it("64 levels reach the command's decoding; 65 are refused as too deep", async () => {
    // The command object is level 1; `name` holds the rest.
    const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`
    const ok = await send(withName("c-depth-64", nested(63)))
    expect([ok.status, ok.body.code]).toEqual([400, "CommandDecodeError"])
    const deep = await send(withName("c-depth-65", nested(64)))
    expect([deep.status, deep.body.code, deep.body.details]).toEqual([
      400,
      "HTTP-BODY",
      { problem: "too-deep", max: 64 }
    ])
    expect(deep.body.messages.vi).toBe("Nội dung yêu cầu lồng đối tượng và mảng sâu quá 64 cấp.")
  })

  it("brackets inside strings, escaped quotes included, do not count", async () => {
    const name = `LĐLĐ \\"${"[{".repeat(100)}`
    const command = { ...registerDistrict(hanoi, "c-brackets", "ldld-long-bien", name) }
    const r = await send(JSON.stringify(command))
    expect([r.status, r.body.code]).toEqual([200, undefined])
  })

  it("300,000 levels with a NUL at the bottom: a small 400, quickly", async () => {
    const before = await logOf(t.td, "hanoi")
    const started = performance.now()
    const r = await send(withName("c-deep-nul", `${"[".repeat(300_000)}"\\u0000"${"]".repeat(300_000)}`))
    const took = performance.now() - started
    expect([r.status, r.body.details.problem]).toEqual([400, "too-deep"])
    expect(r.text.length).toBeLessThan(500)
    // Before, parsing and walking took ~2 s of the event loop; the scan takes a few milliseconds.
    expect(took).toBeLessThan(1_500)
    expect(await logOf(t.td, "hanoi")).toEqual(before)
  })
})

describe("Content-Encoding", () => {
  it("a gzip body, and a plain body said to be gzip, are 415; identity is read", async () => {
    const json = JSON.stringify(district("c-gzip"))
    const before = await logOf(t.td, "hanoi")
    for (const body of [gzipSync(json), json]) {
      const r = await send(body, { "content-encoding": "gzip" })
      expect([r.status, r.body.code, r.body.details.contentEncoding]).toEqual([415, "HTTP-MEDIA-TYPE", "gzip"])
      expect(r.body.messages.vi).toMatch(/không được nén/)
    }
    expect(await logOf(t.td, "hanoi")).toEqual(before)
    const plain = await send(json, { "content-encoding": "identity" })
    expect(plain.status).toBe(200)
  })
})

describe("headers", () => {
  it("If-Match with a leading zero is not a version the server sent", async () => {
    for (const value of ['"01"', '"00"']) {
      const r = await post(t.url, "hanoi", district("c-zero"), { token: "hanoi", headers: { "if-match": value } })
      expect([r.status, r.body.code, r.body.details?.header]).toEqual([400, "HTTP-HEADER", "if-match"])
    }
  })

  it("an Idempotency-Key longer than a command id (64) is refused naming the header", async () => {
    const { commandId: _, ...body } = registerDistrict(hanoi, "x", "ldld-cau-giay", "LĐLĐ quận Cầu Giấy")
    const long = await post(t.url, "hanoi", body, { token: "hanoi", headers: { "idempotency-key": "k".repeat(65) } })
    expect([long.status, long.body.code, long.body.details]).toEqual([
      400,
      "HTTP-HEADER",
      { header: "idempotency-key", problem: "length" }
    ])
    const fits = await post(t.url, "hanoi", body, { token: "hanoi", headers: { "idempotency-key": "k".repeat(64) } })
    expect(fits.status).toBe(200)
  })

  it("a 401 challenges with WWW-Authenticate: Bearer; answers are nosniff", async () => {
    const r = await fetch(`${t.url}/v1/tenants/hanoi/directory`)
    expect([r.status, r.headers.get("www-authenticate")]).toEqual([401, "Bearer"])
    expect(r.headers.get("x-content-type-options")).toBe("nosniff")
    const ok = await fetch(`${t.url}/v1/tenants/hanoi/directory`, { headers: { authorization: "Bearer hanoi" } })
    expect([ok.status, ok.headers.get("x-content-type-options"), ok.headers.get("www-authenticate")]).toEqual([
      200,
      "nosniff",
      null
    ])
  })
})
