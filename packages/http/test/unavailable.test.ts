/**
 * An engine that is closing answers 503: a client may try again (on another instance), and
 * nothing of the server's state is told beyond the engine's own code.
 */
import { describe, expect, it } from "vitest"
import { hanoi, post, registerRoot, start } from "./support.js"

describe("an engine closed under a running server", () => {
  it("answers 503 problems with ENGINE-CLOSED, for commands and reads", async () => {
    const t = await start()
    try {
      expect((await post(t.url, "hanoi", registerRoot(hanoi, "c-1"), { token: "hanoi" })).status).toBe(200)
      await t.td.close()
      const r = await post(t.url, "hanoi", registerRoot(hanoi, "c-2"), { token: "hanoi" })
      expect([r.status, r.type, r.body.code, r.body.title]).toEqual([
        503,
        "application/problem+json",
        "ENGINE-CLOSED",
        "Service Unavailable"
      ])
      expect(r.body.messages.vi).toBe("Bộ máy đã đóng.")
      const read = await fetch(`${t.url}/v1/tenants/hanoi/directory`, { headers: { authorization: "Bearer hanoi" } })
      expect([read.status, ((await read.json()) as { code: string }).code]).toEqual([503, "ENGINE-CLOSED"])
    } finally {
      await t.server.close()
    }
  })

  it("answers a new events request 503 before any stream starts, not 200 and a cut connection", async () => {
    const t = await start()
    try {
      await t.td.close()
      const r = await fetch(`${t.url}/v1/tenants/hanoi/events`, {
        headers: { authorization: "Bearer hanoi" },
        signal: AbortSignal.timeout(3_000)
      })
      expect([r.status, r.headers.get("content-type")]).toEqual([503, "application/problem+json"])
      const body = (await r.json()) as { code: string; status: number }
      expect([body.status, body.code]).toEqual([503, "ENGINE-CLOSED"])
      expect(t.server.streams()).toBe(0)
    } finally {
      await t.server.close()
    }
  })
})
