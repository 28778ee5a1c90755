/**
 * Two clients race the same If-Match on one stream, over real connections: exactly one wins, the
 * other gets 412, and the log holds the winner's event only.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { hanoi, logOf, post, type Running, registerDistrict, registerRoot, start } from "./support.js"

let t: Running
beforeAll(async () => {
  t = await start()
  expect((await post(t.url, "hanoi", registerRoot(hanoi, "root"), { token: "hanoi" })).status).toBe(200)
})
afterAll(() => t.close())

describe("optimistic concurrency over HTTP", () => {
  it("of two clients racing the same If-Match, exactly one wins and the other gets 412", async () => {
    for (let round = 0; round < 25; round++) {
      const version = (await logOf(t.td, "hanoi")).filter((e) => e.streamId === "org:hanoi").length
      const ifMatch = { "if-match": `"${version}"` }
      const [a, b] = await Promise.all([
        post(t.url, "hanoi", registerDistrict(hanoi, `a-${round}`, `ldld-a-${round}`, `LĐLĐ A ${round}`), {
          token: "hanoi",
          headers: ifMatch
        }),
        post(t.url, "hanoi", registerDistrict(hanoi, `b-${round}`, `ldld-b-${round}`, `LĐLĐ B ${round}`), {
          token: "hanoi",
          headers: ifMatch
        })
      ])
      expect([a.status, b.status].sort()).toEqual([200, 412])
      const loser = a.status === 412 ? a : b
      expect(loser.body.code).toBe("WrongExpectedVersion")
      expect(loser.body.details).toMatchObject({ expected: version, actual: version + 1 })
      const winner = a.status === 200 ? a : b
      expect(winner.etag).toBe(`"${version + 1}"`)
      const log = (await logOf(t.td, "hanoi")).filter((e) => e.streamId === "org:hanoi")
      expect(log.length).toBe(version + 1)
      expect(log.at(-1)?.commandId).toBe(a.status === 200 ? `a-${round}` : `b-${round}`)
    }
  })
})
