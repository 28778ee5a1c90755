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
})
