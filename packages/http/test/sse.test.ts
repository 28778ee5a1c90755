/**
 * Live events over server-sent events: a client connected while commands are appended sees them
 * arrive in log order; it resumes from `after` or `Last-Event-ID` without skipping or repeating;
 * when it goes, the server's stream stops; when the server closes, the client's stream ends.
 */
import { connect as tcp } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { hanoi, logOf, post, type Running, registerDistrict, registerRoot, start } from "./support.js"

interface Frame {
  readonly id?: string
  readonly event?: string
  readonly data?: string
  readonly comment?: string
}

/** A connection to the events route, reading frames as they come. */
const connect = async (url: string, query = "", headers: Record<string, string> = {}) => {
  const abort = new AbortController()
  const response = await fetch(`${url}/v1/tenants/hanoi/events${query}`, {
    headers: { authorization: "Bearer hanoi", ...headers },
    signal: abort.signal
  })
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ""
  const frames: Array<Frame> = []
  let ended = false
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += decoder.decode(value, { stream: true })
        let at = buffer.indexOf("\n\n")
        while (at >= 0) {
          const block = buffer.slice(0, at)
          buffer = buffer.slice(at + 2)
          const frame: { -readonly [K in keyof Frame]: Frame[K] } = {}
          for (const line of block.split("\n")) {
            if (line.startsWith(": ")) frame.comment = line.slice(2)
            else if (line.startsWith("id: ")) frame.id = line.slice(4)
            else if (line.startsWith("event: ")) frame.event = line.slice(7)
            else if (line.startsWith("data: ")) frame.data = line.slice(6)
          }
          frames.push(frame)
          at = buffer.indexOf("\n\n")
        }
      }
    } catch {}
    ended = true
  })()
  const events = () => frames.filter((f) => f.id !== undefined)
  const until = async (predicate: () => boolean, ms = 5_000) => {
    const deadline = Date.now() + ms
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; frames: ${JSON.stringify(frames).slice(0, 500)}`)
      await new Promise((r) => setTimeout(r, 10))
    }
  }
  return {
    response,
    frames,
    events,
    until,
    ended: () => ended,
    close: async () => {
      abort.abort()
      await pump
    }
  }
}

let t: Running
let n = 0
const append = (count: number) =>
  Promise.all(
    Array.from({ length: count }, () => {
      const i = ++n
      return post(t.url, "hanoi", registerDistrict(hanoi, `d-${i}`, `ldld-quan-${i}`, `LĐLĐ quận ${i}`), {
        token: "hanoi"
      }).then((r) => expect(r.status).toBe(200))
    })
  )

beforeAll(async () => {
  t = await start({ heartbeatMillis: 100 })
  expect((await post(t.url, "hanoi", registerRoot(hanoi, "root"), { token: "hanoi" })).status).toBe(200)
})
afterAll(() => t.close())

describe("events", () => {
  it("streams the log, then events appended while connected, in order, each frame a logged event", async () => {
    const client = await connect(t.url)
    expect(client.response.status).toBe(200)
    expect(client.response.headers.get("content-type")).toMatch(/^text\/event-stream/)
    const existing = (await logOf(t.td, "hanoi")).length
    await client.until(() => client.events().length === existing)
    // Appended while the client listens, some at once.
    await append(5)
    await append(3)
    const log = await logOf(t.td, "hanoi")
    await client.until(() => client.events().length === log.length)
    const got = client.events()
    expect(got.map((f) => f.id)).toEqual(log.map((e) => e.position))
    expect(got.map((f) => f.event)).toEqual(log.map((e) => e.event._tag))
    expect(got.map((f) => JSON.parse(f.data!))).toEqual(JSON.parse(JSON.stringify(log)))
    // Positions only grow: nothing repeated, nothing out of order.
    expect([...got.map((f) => f.id!)].sort()).toEqual(got.map((f) => f.id))
    expect(new Set(got.map((f) => f.id)).size).toBe(got.length)
    await client.close()
  })

  it("resumes after a position without skipping or repeating, and Last-Event-ID wins over after", async () => {
    const log = await logOf(t.td, "hanoi")
    const middle = log[Math.floor(log.length / 2)]!
    const resumed = await connect(t.url, `?after=${middle.position}`)
    const rest = log.filter((e) => e.position > middle.position)
    await resumed.until(() => resumed.events().length === rest.length)
    await append(2)
    const now = await logOf(t.td, "hanoi")
    const expected = now.filter((e) => e.position > middle.position).map((e) => e.position)
    await resumed.until(() => resumed.events().length === expected.length)
    expect(resumed.events().map((f) => f.id)).toEqual(expected)
    await resumed.close()

    // EventSource reconnects to the URL it opened (with its `after`) and sends the last id it saw.
    const last = now[now.length - 2]!
    const reconnected = await connect(t.url, "?after=00000000000000000000", { "last-event-id": last.position })
    await reconnected.until(() => reconnected.events().length === 1)
    await new Promise((r) => setTimeout(r, 150))
    expect(reconnected.events().map((f) => f.id)).toEqual([now[now.length - 1]!.position])
    await reconnected.close()
  })

  it("follows one stream only when asked", async () => {
    const client = await connect(t.url, "?stream=campaign:none-yet")
    await append(1)
    await new Promise((r) => setTimeout(r, 300))
    expect(client.events()).toEqual([])
    await client.close()
    const directory = await connect(t.url, "?stream=org:hanoi")
    const log = (await logOf(t.td, "hanoi")).filter((e) => e.streamId === "org:hanoi")
    await directory.until(() => directory.events().length === log.length)
    await directory.close()
  })

  it("sends a heartbeat comment while nothing happens", async () => {
    const client = await connect(t.url, `?after=${(await logOf(t.td, "hanoi")).at(-1)!.position}`)
    await client.until(() => client.frames.filter((f) => f.comment === "heartbeat").length >= 2)
    expect(client.events()).toEqual([])
    await client.close()
  })

  it("stops the server's stream when the client goes", async () => {
    const clients = await Promise.all([connect(t.url), connect(t.url), connect(t.url)])
    await clients[0]!.until(() => t.server.streams() === 3)
    await clients[0]!.close()
    await clients[1]!.close()
    const deadline = Date.now() + 2_000
    while (t.server.streams() !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    expect(t.server.streams()).toBe(1)
    await clients[2]!.close()
    while (t.server.streams() !== 0 && Date.now() < deadline + 2_000) await new Promise((r) => setTimeout(r, 10))
    expect(t.server.streams()).toBe(0)
    // The engine still serves: appending and reading go on as before.
    await append(1)
  })
})

describe("closing the server", () => {
  it("ends the live streams and closes promptly", async () => {
    const own = await start()
    await post(own.url, "hanoi", registerRoot(hanoi, "root"), { token: "hanoi" })
    const clients = await Promise.all([connect(own.url), connect(own.url)])
    await clients[0]!.until(() => own.server.streams() === 2)
    const started = performance.now()
    await own.server.close()
    const took = performance.now() - started
    await clients[0]!.until(() => clients.every((c) => c.ended()))
    expect(own.server.streams()).toBe(0)
    expect(took).toBeLessThan(1_000)
    await own.td.close()
  })

  it("after clients went, closes promptly", async () => {
    const own = await start()
    const client = await connect(own.url)
    await client.until(() => own.server.streams() === 1)
    await client.close()
    const started = performance.now()
    await own.server.close()
    expect(performance.now() - started).toBeLessThan(1_000)
    await own.td.close()
  })

  it("closes promptly with a connection open that never sent a request (a browser's preconnect)", async () => {
    const own = await start()
    const { port } = new URL(own.url)
    const socket = tcp(Number(port), "127.0.0.1")
    await new Promise((resolve) => socket.once("connect", resolve))
    const started = performance.now()
    await own.server.close()
    expect(performance.now() - started).toBeLessThan(1_000)
    socket.destroy()
    await own.td.close()
  })
})
