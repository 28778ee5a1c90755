/**
 * The files of `staticDir` are served at `/` beside the API, and nothing outside that folder is.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { get, type Running, start } from "./support.js"

let t: Running
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-http-"))
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Bảng thi đua</title>")
  writeFileSync(join(dir, "app.js"), "export {}")
  t = await start({ staticDir: dir })
})
afterAll(() => t.close())

describe("static files", () => {
  it("serves index.html at / and the folder's files, beside the API", async () => {
    const page = await fetch(`${t.url}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get("content-type")).toMatch(/^text\/html/)
    expect(await page.text()).toContain("Bảng thi đua")
    const script = await fetch(`${t.url}/app.js`)
    expect([script.status, script.headers.get("content-type")]).toEqual([200, "text/javascript; charset=utf-8"])
    // A file is what its type says: browsers do not sniff another type into it.
    for (const r of [page, script]) expect(r.headers.get("x-content-type-options")).toBe("nosniff")
    expect((await get(t.url, "/openapi.json")).status).toBe(200)
    expect((await get(t.url, "/v1/tenants/hanoi/directory")).status).toBe(401)
  })

  it("answers a missing file, or one outside the folder, with a 404 problem", async () => {
    for (const path of ["/nothing.js", "/../package.json", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fpackage.json"]) {
      const r = await get(t.url, path)
      expect([r.status, r.type, r.body.code], path).toEqual([404, "application/problem+json", "HTTP-NOT-FOUND"])
    }
  })
})
