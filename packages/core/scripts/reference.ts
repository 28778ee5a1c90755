/**
 * Writes docs/reference from the code: the command and event pages, the shared types, and the
 * JSON Schemas (draft 2020-12) of every command and event, generated from their `effect/Schema`
 * definitions. The reference is a view of data the library already runs on (schemas, the
 * lifecycle machines, `Campaign.refusals`, the rules), so it is generated rather than written by
 * hand, and docs/test/reference.test.ts fails when a file on disk no longer matches `render()`.
 *
 *   npx tsx --conditions=@thidua/source packages/core/scripts/reference.ts
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { Result } from "effect"
import { Command } from "../src/index.js"
import * as CommandsPage from "./reference/commandsPage.js"
import * as EventsPage from "./reference/eventsPage.js"
import { examples } from "./reference/examples.js"
import * as IndexPage from "./reference/indexPage.js"
import * as JsonSchema from "./reference/jsonSchema.js"
import * as TypesPage from "./reference/typesPage.js"
import * as VietnamesePage from "./reference/vietnamesePage.js"

export { command } from "./reference/links.js"

/** Where the reference lives. */
export const outputDir = join(import.meta.dirname, "..", "..", "..", "docs", "reference")

/** Every file of the reference, by its path under docs/reference, as it should be on disk. */
export const render = (): ReadonlyMap<string, string> => {
  for (const [tag, example] of Object.entries(examples)) {
    const decoded = Command.decode(example)
    if (Result.isFailure(decoded) || decoded.success._tag !== tag)
      throw new Error(
        `the example of ${tag} does not decode: ${Result.isFailure(decoded) ? decoded.failure.message : ""}`
      )
  }
  const commands = JsonSchema.commands()
  const events = JsonSchema.events()
  return new Map([
    ["index.md", IndexPage.render()],
    ["commands.md", CommandsPage.render(commands)],
    ["events.md", EventsPage.render(events)],
    ["types.md", TypesPage.render([...commands.values(), ...events.values()])],
    ["vietnamese-input.md", VietnamesePage.render()],
    ["json-schema/command.json", JsonSchema.print(JsonSchema.commandUnion())],
    ...[...commands].map(([tag, doc]) => [`json-schema/commands/${tag}.json`, JsonSchema.print(doc)] as const),
    ...[...events].map(([tag, doc]) => [`json-schema/events/${tag}.json`, JsonSchema.print(doc)] as const)
  ])
}

const filesUnder = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(outputDir, join(e.parentPath, e.name)))

/** Every file under docs/reference now, by its path under it. */
export const onDisk = (): ReadonlyMap<string, string> => {
  try {
    return new Map(filesUnder(outputDir).map((p) => [p, readFileSync(join(outputDir, p), "utf8")]))
  } catch {
    return new Map()
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = render()
  // A schema of a type that is gone would linger: the folder is the generator's alone.
  rmSync(outputDir, { recursive: true, force: true })
  for (const [path, content] of files) {
    mkdirSync(dirname(join(outputDir, path)), { recursive: true })
    writeFileSync(join(outputDir, path), content)
  }
  console.log(`wrote ${files.size} files to ${outputDir}`)
}
