#!/usr/bin/env node
// Every ```ts example in the docs, the READMEs and the JSDoc of package sources is written out as a
// module under .vitest-docs/, so `pnpm typecheck` compiles it and the docs test project runs it.
// An example that must not run (a fragment) is fenced as ```ts no-run and is skipped.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { basename, dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const outDir = join(root, ".vitest-docs")
const skipDirs = new Set(["node_modules", "dist", "build", ".git", ".vitest-docs", ".changeset"])

const walk = (dir, accept, acc = []) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (!skipDirs.has(name)) walk(path, accept, acc)
    } else if (accept(path)) acc.push(path)
  }
  return acc
}

const fence = /^[ \t]*```ts([^\n]*)\n([\s\S]*?)^[ \t]*```/gm

/** Blocks from markdown, as they stand. */
const markdownBlocks = (text) => [...text.matchAll(fence)].filter((m) => !m[1].includes("no-run")).map((m) => m[2])

/** Blocks from JSDoc comments: the leading ` * ` is removed before the fence is read. */
const jsdocBlocks = (text) =>
  [...text.matchAll(/\/\*\*([\s\S]*?)\*\//g)].flatMap((c) =>
    markdownBlocks(
      c[1]
        .split("\n")
        .map((line) => line.replace(/^\s*\* ?/, ""))
        .join("\n")
    )
  )

/** Writes the examples and returns their file names, relative to the repository root. */
export const writeDocExamples = () => {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const sources = [
    ...walk(root, (p) => p.endsWith(".md") && !p.endsWith("CHANGELOG.md")).map((p) => [p, markdownBlocks]),
    ...walk(join(root, "packages"), (p) => /\/src\/.*\.ts$/.test(p)).map((p) => [p, jsdocBlocks])
  ]
  const written = []
  for (const [path, extract] of sources) {
    const blocks = extract(readFileSync(path, "utf8"))
    const stem = relative(root, path).replace(/[^A-Za-z0-9]+/g, "_")
    blocks.forEach((code, i) => {
      const file = join(outDir, `${stem}_${i + 1}.ts`)
      writeFileSync(file, `// from ${relative(root, path)}, example ${i + 1}\n${code}\nexport {}\n`)
      written.push(relative(root, file))
    })
  }
  return written
}

if (process.argv[1] && basename(process.argv[1]) === "doc-examples.mjs") {
  const written = writeDocExamples()
  console.log(`${written.length} doc examples written to .vitest-docs/`)
}
