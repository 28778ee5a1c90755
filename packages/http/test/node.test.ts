/**
 * Node's server under the API: what Node cannot parse is answered as a problem (not Node's bare
 * 400) and the connection closed; a request that stops arriving is answered 408 within the
 * request timeout and its connection closed, while a live event stream, whose request has
 * arrived, outlives that timeout.
 */
import { connect } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { hanoi, logOf, post, type Running, registerDistrict, registerRoot, start } from "./support.js"

/** Sends raw bytes; resolves with all the server answered, and whether it closed the socket. */
const raw = (url: string, parts: ReadonlyArray<string>, ms = 3_000) =>
  new Promise<{ readonly text: string; readonly closed: boolean; readonly took: number }>((resolve) => {
    const started = Date.now()
    const socket = connect(Number(new URL(url).port), "127.0.0.1")
    let text = ""
    let closed = false
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve({ text, closed, took: Date.now() - started })
    }
    const timer = setTimeout(done, ms)
    socket.on("connect", () => {
      for (const part of parts) socket.write(part)
    })
    socket.on("data", (d) => {
      text += d.toString("utf8")
    })
    socket.on("end", () => {
      closed = true
    })
    socket.on("close", () => {
      closed = true
      done()
    })
    socket.on("error", done)
  })

const split = (text: string) => {
  const at = text.indexOf("\r\n\r\n")
  return { head: text.slice(0, at), body: text.slice(at + 4) }
}

describe("a request Node cannot parse", () => {
  let t: Running
  beforeAll(async () => {
    t = await start()
    expect((await post(t.url, "hanoi", registerRoot(hanoi, "root-1"), { token: "hanoi" })).status).toBe(200)
  })
  afterAll(() => t.close())

  const body = JSON.stringify(registerDistrict(hanoi, "c-raw", "ldld-tay-ho", "LĐLĐ quận Tây Hồ"))
  const head =
    "POST /v1/tenants/hanoi/commands HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer hanoi\r\nContent-Type: application/json\r\n"
  const cases = [
    ["a Content-Length shorter than the body", `${head}Content-Length: ${Buffer.byteLength(body) - 5}\r\n\r\n${body}`],
    [
      "both Content-Length and Transfer-Encoding",
      `${head}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`
    ],
    [
      "a folded header line (obs-fold)",
      `${head}X-Folded: a\r\n b\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
    ]
  ] as const

  for (const [name, request] of cases)
    it(`${name}: a 400 problem, then the connection is closed`, async () => {
      const before = await logOf(t.td, "hanoi")
      const r = await raw(t.url, [request])
      const { head: lines, body: text } = split(r.text)
      expect(lines.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request")
      expect(lines).toMatch(/\r\ncontent-type: application\/problem\+json\r\n/i)
      const problem = JSON.parse(text)
      expect([problem.status, problem.code, problem.details]).toEqual([
        400,
        "HTTP-REQUEST",
        { parameter: "request", problem: "malformed" }
      ])
      expect(problem.messages.vi).toMatch(/HTTP\/1\.1/)
      expect(r.closed).toBe(true)
      expect(await logOf(t.td, "hanoi")).toEqual(before)
    })
})

describe("timeouts", () => {
  let t: Running
  beforeAll(async () => {
    t = await start({ requestTimeoutMillis: 600, headersTimeoutMillis: 400, heartbeatMillis: 100 })
    expect((await post(t.url, "hanoi", registerRoot(hanoi, "root-1"), { token: "hanoi" })).status).toBe(200)
  })
  afterAll(() => t.close())

  it("a body that stops arriving is answered 408 and its connection closed, within the timeout", async () => {
    const body = JSON.stringify(registerDistrict(hanoi, "c-slow", "ldld-slow", "LĐLĐ chậm"))
    const request =
      "POST /v1/tenants/hanoi/commands HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer hanoi\r\n" +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`
    const r = await raw(t.url, [request], 5_000)
    const { head, body: text } = split(r.text)
    expect(head.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout")
    expect([JSON.parse(text).status, JSON.parse(text).details.problem]).toEqual([408, "timeout"])
    expect(r.closed).toBe(true)
    // 600 ms, checked every 150 ms; Node's defaults would hold it for 300 s.
    expect(r.took).toBeLessThan(2_500)
  })

  it("headers that stop arriving are cut too", async () => {
    const r = await raw(t.url, ["GET /v1/tenants/hanoi/directory HTTP/1.1\r\nHost: x\r\n"], 5_000)
    expect(r.text.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout")
    expect(r.closed).toBe(true)
  })

  it("a live event stream outlives the request timeout and still gets new events", async () => {
    const abort = new AbortController()
    const response = await fetch(`${t.url}/v1/tenants/hanoi/events`, {
      headers: { authorization: "Bearer hanoi" },
      signal: abort.signal
    })
    expect(response.status).toBe(200)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ""
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
        if (done) return
        text += value
      }
    })()
    await new Promise((r) => setTimeout(r, 2_000))
    const late = await post(t.url, "hanoi", registerDistrict(hanoi, "c-late", "ldld-muon", "LĐLĐ muộn"), {
      token: "hanoi"
    })
    expect(late.status).toBe(200)
    const deadline = Date.now() + 3_000
    while (!text.includes("LĐLĐ muộn") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    expect(text).toContain("event: OrganizationRegistered")
    expect(text).toContain("LĐLĐ muộn")
    abort.abort()
    await reading
  })

  it("timeouts are checked where they enter", async () => {
    const { Server } = await import("@thidua/http")
    await expect(
      Server.serve(t.td, { authenticate: () => undefined, requestTimeoutMillis: 100, headersTimeoutMillis: 200 })
    ).rejects.toMatchObject({ code: "ENGINE-OPTION", option: "headersTimeoutMillis" })
    await expect(Server.serve(t.td, { authenticate: () => undefined, requestTimeoutMillis: -1 })).rejects.toMatchObject(
      {
        code: "ENGINE-OPTION",
        option: "requestTimeoutMillis"
      }
    )
  })
})
