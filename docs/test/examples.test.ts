import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { writeDocExamples } from "../../scripts/doc-examples.mjs"

const root = join(import.meta.dirname, "..", "..")
const examples = writeDocExamples()

describe("documentation examples run", () => {
  it("finds examples to run", () => {
    expect(examples.length).toBeGreaterThan(0)
  })
  for (const file of examples) {
    it(file, async () => {
      await import(pathToFileURL(join(root, file)).href)
    })
  }
})
