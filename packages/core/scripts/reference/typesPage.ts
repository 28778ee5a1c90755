/**
 * docs/reference/types.md: the shapes commands and events share (`Id`, `LocalDate`, `Period`,
 * `Subject`, `AwardKind`, ...), each with its doc comment, its JSON Schema constraints, its allowed
 * values with their Vietnamese labels where the code has them, and what only decoding checks.
 */
import { AwardKind, Limits, Organization } from "../../src/index.js"
import { acrossFields } from "./commandsPage.js"
import { docOf } from "./docs.js"
import { describe, rows, table } from "./fields.js"
import { type Json, named } from "./jsonSchema.js"
import { code, commandLink, header, typeLink } from "./links.js"

const cell = (s: string): string => s.replaceAll("|", "\\|")

// Labels the code keeps for the values of a shape.
const labels: Readonly<Record<string, () => Array<string>>> = {
  AwardKind: () => [
    "| value | vi | en | category | for | granted by levels |",
    "|---|---|---|---|---|---|",
    ...AwardKind.AwardKind.literals.map((k) => {
      const e = AwardKind.catalogue[k]
      const levels = e.grantingLevels.length === 0 ? "the State only" : e.grantingLevels.map(code).join(", ")
      return `| ${code(k)} | ${cell(e.vi)} | ${cell(e.en)} | ${e.category} | ${e.subject} | ${levels} |`
    })
  ],
  Level: () => [
    "| value | vi | en |",
    "|---|---|---|",
    ...Organization.Level.literals.map(
      (l) => `| ${code(l)} | ${Organization.levelLabels[l].vi} | ${Organization.levelLabels[l].en} |`
    )
  ]
}

// What a host's JSON Schema validator cannot check and `Command.decode` (or `Upcast.decode`) does.
const decodeOnly: Readonly<Record<string, string>> = {
  LocalDate: "a real day of the calendar: `2025-02-29` matches the pattern and is refused",
  Period: "`start` is not after `end`",
  Instant: "a real instant, written back the same by `Date.prototype.toISOString` (no 30 February, no 24:00)"
}

const intro: Readonly<Record<string, string>> = {
  Id: "Every id has this one format (a commandId, a tenantId, an organizationId, a campaignId, a phaseId, ...); the field's name says which kind it is."
}

const section = (name: string, def: Json, defs: Json): Array<string> => {
  const d = describe(def, defs, typeLink)
  const fields = def.type === "object" ? table(rows(def, defs, typeLink)) : []
  const values =
    Array.isArray(def.enum) && labels[name] === undefined
      ? [`Values: ${def.enum.map((v) => code(String(v))).join(", ")}.`]
      : []
  return [
    `### <a id="type-${name.toLowerCase()}"></a>${code(name)}`,
    "",
    // Ids of every kind share one schema; the doc comment of `Ids.Id` says where it is used alone.
    intro[name] ?? docOf(name),
    "",
    ...(d.notes === "" || Array.isArray(def.enum) ? [] : [`JSON: ${d.type}; ${d.notes}.`, ""]),
    ...(fields.length === 0 ? [] : [...fields, ""]),
    ...(values.length === 0 ? [] : [...values, ""]),
    ...(labels[name] === undefined ? [] : [...labels[name](), ""]),
    ...(decodeOnly[name] === undefined
      ? []
      : [`Checked by decoding only ([why](#what-only-decoding-checks)): ${decodeOnly[name]}.`, ""])
  ]
}

/** The page, over the `$defs` of every generated document. */
export const render = (docs: ReadonlyArray<Json>): string => {
  const defs: Record<string, unknown> = {}
  for (const doc of docs)
    for (const [name, def] of Object.entries((doc.$defs ?? {}) as Json)) {
      if (name in defs && JSON.stringify(defs[name]) !== JSON.stringify(def))
        throw new Error(`two documents define ${name} differently`)
      defs[name] = def
    }
  const shapes = named.map(([name]) => name).filter((name) => name in defs)
  return [
    header("the schemas of packages/core (Ids, LocalDate, Organization, AwardKind, ...)"),
    "",
    "# Shared types",
    "",
    "The shapes the [commands](commands.md) and [events](events.md) share. Each is one definition in",
    "their JSON Schemas (`#/$defs/<name>`), with the constraints given here.",
    "",
    shapes.map(typeLink).join(", "),
    "",
    "## What only decoding checks",
    "",
    "A JSON Schema says what JSON can say; `Command.decode` (and `Upcast.decode` for events) checks more.",
    "A command that passes its JSON Schema may still be refused by decoding for:",
    "",
    `- text: a name or a title is 1–${Limits.nameLength} characters (\`Limits.nameLength\`), free text (a reason, notes, a`,
    `  description) 1–${Limits.textLength} (\`Limits.textLength\`). Decoding counts UTF-16 code units, JSON Schema code`,
    "  points, so JSON Schema may let a text through that decoding refuses, never the reverse. Decoding",
    "  also refuses text a database cannot store: a NUL character (U+0000) or a lone surrogate;",
    ...Object.entries(decodeOnly).map(([name, what]) => `- ${typeLink(name)}: ${what};`),
    ...Object.entries(acrossFields).map(([tag, what]) => `- ${commandLink(tag)}: ${what}.`),
    "",
    "## Shapes",
    "",
    ...shapes.flatMap((name) => section(name, defs[name] as Json, defs))
  ].join("\n")
}
