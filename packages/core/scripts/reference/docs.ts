/**
 * The JSDoc of the schemas, read from the sources with the TypeScript parser: a command's purpose
 * is the comment on its schema, so the reference says what the code says and follows it when it
 * changes. Only the syntax tree is read (no type checker), which takes milliseconds.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import ts from "typescript"

const src = join(import.meta.dirname, "..", "..", "src")

// Where the exported schemas of commands, events and shared shapes are declared.
const files = [
  "award/schema.ts",
  "campaign/schema.ts",
  "directory/schema.ts",
  "initiative/schema.ts",
  "member/schema.ts",
  "nomination/schema.ts",
  "participant/schema.ts",
  "phase/schema.ts",
  "pledge/schema.ts",
  "process/schema.ts",
  "internal/shapes.ts",
  "Organization.ts",
  "AwardKind.ts",
  "Ids.ts",
  "LocalDate.ts",
  "Vnd.ts"
]

// The text of a doc comment without its tags and examples, on one line.
const textOf = (doc: ts.JSDoc): string =>
  (ts.getTextOfJSDocComment(doc.comment) ?? "")
    .split(/\n\s*\n/)[0]!
    .replace(/\{@link\s+([^}\s]+)\s*\}/g, "`$1`")
    .replace(/\s+/g, " ")
    .trim()

const read = (): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  for (const file of files) {
    const path = join(src, file)
    const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true)
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue
      if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue
      for (const declaration of statement.declarationList.declarations) {
        const docs = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc)
        const last = docs[docs.length - 1]
        // `make` and other helpers share names across modules; schemas do not.
        if (ts.isIdentifier(declaration.name) && last !== undefined && !out.has(declaration.name.text))
          out.set(declaration.name.text, textOf(last))
      }
    }
  }
  return out
}

let cache: ReadonlyMap<string, string> | undefined

/** The first paragraph of the doc comment on an exported schema, or a failure naming it. */
export const docOf = (name: string): string => {
  cache ??= read()
  const doc = cache.get(name)
  if (doc === undefined || doc === "") throw new Error(`no doc comment on the exported schema ${name}`)
  return doc
}

/** The first sentence of a doc comment: a command's or an event's purpose in one line. */
export const purposeOf = (name: string): string => {
  const doc = docOf(name)
  return /^(.+?[.!?])(\s|$)/.exec(doc)?.[1] ?? doc
}
