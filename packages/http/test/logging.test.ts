/**
 * What the caller cannot fix is logged, and only logged: a failure inside a handler (500) and the
 * host's hook throwing are logged as errors with their cause, a closed engine (503) as a warning,
 * while the answers say nothing of either cause. `serve` logs through Effect's default logger (the
 * console); `layer` through the host's own logger.
 */
import { Engine, type ThiDua } from "@thidua/engine"
import { Server } from "@thidua/http"
import { Cause, Effect, Layer, Logger } from "effect"
import { HttpServer } from "effect/http"
import { afterEach, describe, expect, it, vi } from "vitest"
import { hanoi, start } from "./support.js"

// Every line the default logger writes, whichever console method it picks.
const captureConsole = () => {
  const lines: Array<string> = []
  for (const method of ["log", "error", "warn", "info"] as const)
    vi.spyOn(console, method).mockImplementation((...args: Array<unknown>) => {
      lines.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" "))
    })
  return lines
}

afterEach(() => {
  vi.restoreAllMocks()
})

const until = async (predicate: () => boolean) => {
  const deadline = Date.now() + 2_000
  while (!predicate() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
}

describe("Server.serve logs to the console what a caller cannot fix", () => {
  it("a failure inside a handler: 500 without the cause, the cause logged as an error", async () => {
    const t = await start()
    try {
      // The host hands `serve` an engine whose read fails with an error of no library of ours.
      const failing: ThiDua.ThiDua = {
        ...t.td,
        directory: async () => {
          throw new TypeError("secret-bug: cannot read x of undefined")
        }
      }
      const server = await Server.serve(failing, { authenticate: () => hanoi })
      try {
        const lines = captureConsole()
        const r = await fetch(`${server.url}/v1/tenants/hanoi/directory`)
        const text = await r.text()
        expect([r.status, JSON.parse(text).code]).toEqual([500, "HTTP-INTERNAL"])
        expect(text).not.toContain("secret-bug")
        await until(() => lines.some((l) => l.includes("secret-bug")))
        const logged = lines.filter((l) => l.includes("secret-bug"))
        expect(logged).toHaveLength(1)
        expect(logged[0]).toMatch(/ERROR/)
        expect(logged[0]).toContain("TypeError")
      } finally {
        await server.close()
      }
    } finally {
      await t.close()
    }
  })

  it("a hook that throws: 500 HTTP-AUTH-HOOK without the cause, the hook's error logged", async () => {
    const t = await start({
      authenticate: () => {
        throw new Error("hook-bug: jwks fetch failed")
      }
    })
    try {
      const lines = captureConsole()
      const r = await fetch(`${t.url}/v1/tenants/hanoi/directory`)
      const text = await r.text()
      expect([r.status, JSON.parse(text).code]).toEqual([500, "HTTP-AUTH-HOOK"])
      expect(text).not.toContain("hook-bug")
      await until(() => lines.some((l) => l.includes("hook-bug")))
      const logged = lines.filter((l) => l.includes("hook-bug"))
      expect(logged).toHaveLength(1)
      expect(logged[0]).toMatch(/ERROR/)
    } finally {
      await t.close()
    }
  })

  it("a closed engine: 503, logged as a warning", async () => {
    const t = await start()
    try {
      await t.td.close()
      const lines = captureConsole()
      const r = await fetch(`${t.url}/v1/tenants/hanoi/directory`, { headers: { authorization: "Bearer hanoi" } })
      expect(r.status).toBe(503)
      await until(() => lines.some((l) => l.includes("ENGINE-CLOSED") || l.includes("EngineClosed")))
      const logged = lines.filter((l) => l.includes("EngineClosed"))
      expect(logged).toHaveLength(1)
      expect(logged[0]).toMatch(/WARN/)
    } finally {
      await t.server.close()
    }
  })

  it("a refusal of the caller's own (401, 400) is not logged", async () => {
    const t = await start()
    try {
      const lines = captureConsole()
      expect((await fetch(`${t.url}/v1/tenants/hanoi/directory`)).status).toBe(401)
      expect(
        (await fetch(`${t.url}/v1/tenants/hanoi/events?after=x`, { headers: { authorization: "Bearer hanoi" } })).status
      ).toBe(400)
      await new Promise((r) => setTimeout(r, 100))
      expect(lines).toEqual([])
    } finally {
      await t.close()
    }
  })
})

describe("Server.layer logs to the host's logger", () => {
  it("the hook's error reaches a Logger the host provides, with its cause", async () => {
    const entries: Array<{ readonly level: string; readonly message: string; readonly cause: string }> = []
    const capture = Logger.make(({ logLevel, message, cause }) => {
      entries.push({
        level: logLevel,
        message: String(Array.isArray(message) ? message.join(" ") : message),
        cause: Cause.pretty(cause)
      })
    })
    const app = Server.layer({
      authenticate: () => {
        throw new RangeError("hook-bug: token cache corrupt")
      }
    }).pipe(
      Layer.provideMerge(Server.nodeHttpServer({ port: 0 })),
      Layer.provide(Engine.layer()),
      Layer.provide(Logger.layer([capture]))
    )
    const body = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const url = HttpServer.formatAddress((yield* HttpServer.HttpServer).address)
          return yield* Effect.promise(() => fetch(`${url}/v1/tenants/hanoi/directory`).then((r) => r.text()))
        }).pipe(Effect.provide(app))
      )
    )
    expect(JSON.parse(body).code).toBe("HTTP-AUTH-HOOK")
    expect(body).not.toContain("hook-bug")
    const hook = entries.filter((e) => e.cause.includes("hook-bug"))
    expect(hook).toHaveLength(1)
    expect(hook[0]?.level).toBe("Error")
    expect(hook[0]?.cause).toContain("RangeError")
    expect(hook[0]?.message).toMatch(/authentication hook/)
  })
})
