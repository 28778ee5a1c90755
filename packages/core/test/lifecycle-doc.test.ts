import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { command, guardPath, outputPath, render, testPath } from "../scripts/lifecycle-doc.js"
import { Lifecycle, Rule } from "../src/index.js"

describe("docs/concepts/campaign-lifecycle.md", () => {
  const page = render()

  it("is what the script renders from the code", () => {
    const onDisk = existsSync(outputPath) ? readFileSync(outputPath, "utf8") : ""
    // A plain boolean keeps the failure short; a diff of the whole page would bury the fix.
    expect(
      onDisk === page,
      `docs/concepts/campaign-lifecycle.md is stale: regenerate it with \`${command}\` (from the repository root)`
    ).toBe(true)
  })

  it("lists every rule, linked to its guard and its test, which exist", () => {
    const root = join(import.meta.dirname, "..", "..", "..")
    for (const rule of Rule.all) {
      expect(page).toContain(`<a id="rule-${rule.id.toLowerCase()}"></a>`)
      expect(existsSync(join(root, guardPath(rule))), guardPath(rule)).toBe(true)
      expect(existsSync(join(root, testPath(rule))), testPath(rule)).toBe(true)
      expect(readFileSync(join(root, testPath(rule)), "utf8")).toContain(rule.id)
      expect(page).toContain(`[guard](../../${guardPath(rule)}) · [test](../../${testPath(rule)})`)
    }
  })

  it("lists every campaign command", () => {
    for (const on of Object.keys(Lifecycle.campaignCommands))
      expect(page).toMatch(new RegExp(`^\\| \`${on}\` \\|`, "m"))
  })

  it("draws every machine", () => {
    const diagrams = [
      Lifecycle.toMermaid(Lifecycle.campaign),
      Lifecycle.toMermaid(Lifecycle.phase),
      Lifecycle.toMermaid(Lifecycle.pledge),
      Lifecycle.toMermaid(Lifecycle.initiative),
      Lifecycle.toMermaid(Lifecycle.nomination)
    ]
    for (const d of diagrams) expect(page).toContain(`\`\`\`mermaid\n${d}\n\`\`\``)
  })
})
