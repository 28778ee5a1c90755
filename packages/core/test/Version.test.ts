import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { Version } from "../src/index.js"

describe("Version", () => {
  it("matches package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
    expect(Version.version).toBe(pkg.version)
  })

  it("isAtLeast orders versions by major, then minor", () => {
    const part = fc.nat({ max: 50 })
    fc.assert(
      fc.property(part, part, part, part, (a, b, c, d) => {
        const expected = a > c || (a === c && b >= d)
        expect(Version.isAtLeast(`${a}.${b}.0`, `${c}.${d}`)).toBe(expected)
      })
    )
  })
})
