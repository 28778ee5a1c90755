import { existsSync, readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { command, outputPath, render } from "../scripts/lifecycle-doc.js"
import { DomainError, Lifecycle } from "../src/index.js"

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

  it("lists every rule", () => {
    for (const code of Object.keys(DomainError.rules))
      expect(page).toContain(`<a id="rule-${code.toLowerCase()}"></a>\`${code}\``)
  })

  it("lists every campaign command", () => {
    for (const on of Object.keys(Lifecycle.campaignCommands))
      expect(page).toMatch(new RegExp(`^\\| \`${on}\` \\|`, "m"))
  })

  it("draws every machine", () => {
    const diagrams = [
      Lifecycle.toMermaid(Lifecycle.campaign),
      Lifecycle.toMermaid(Lifecycle.phase),
      Lifecycle.toMermaid(Lifecycle.registration),
      Lifecycle.toMermaid(Lifecycle.initiative),
      Lifecycle.toMermaid(Lifecycle.nomination)
    ]
    for (const d of diagrams) expect(page).toContain(`\`\`\`mermaid\n${d}\n\`\`\``)
  })
})
