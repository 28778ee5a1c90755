/**
 * JSON Schema (draft 2020-12) documents of the commands and events, generated from their
 * `effect/Schema` definitions by `Schema.toJsonSchemaDocument`, which describes the encoded (JSON)
 * side. Shared shapes are named (`#/$defs/AwardKind`), so a document reads like the reference.
 */
import { JsonSchema, Schema, type SchemaAST } from "effect"
import { AwardKind, Command, Event, Ids, LocalDate, Organization, Vnd } from "../../src/index.js"
import { purposeOf } from "./docs.js"

/** A JSON Schema as plain JSON. */
export type Json = { readonly [key: string]: unknown }

/**
 * The shared shapes by the name their definition gets. Ids of every kind are one schema (a brand
 * is a compile-time mark only), so they share one definition, `Id`.
 */
export const named: ReadonlyArray<readonly [string, Schema.Top]> = [
  ["Id", Ids.Id],
  ["LocalDate", LocalDate.LocalDate],
  ["Period", LocalDate.Period],
  ["Instant", Event.Instant],
  ["Vnd", Vnd.Vnd],
  ["Actor", Organization.Actor],
  ["Role", Organization.Role],
  ["Level", Organization.Level],
  ["Sector", Organization.Sector],
  ["Subject", Organization.Subject],
  ["UnitSubject", Organization.UnitSubject],
  ["MemberSubject", Organization.MemberSubject],
  ["AwardKind", AwardKind.AwardKind],
  ["CampaignForm", Event.CampaignForm],
  ["PhaseKind", Event.PhaseKind],
  ["PledgeKind", Event.PledgeKind],
  ["InitiativeKind", Event.InitiativeKind],
  ["RecognitionLevel", Event.RecognitionLevel],
  ["ScoreKind", Event.ScoreKind],
  ["Basis", Event.Basis],
  ["Outcome", Event.Outcome],
  ["RevocationReason", Event.RevocationReason],
  ["SectorContents", Event.SectorContents],
  ["Content", Event.Content],
  ["Target", Event.Target]
]

/** Every command schema, directory commands first, each with its type's name. */
export const commandMembers = [...Command.DirectoryCommand.members, ...Command.CampaignCommand.members]

const tagOf = (m: { readonly fields: { readonly _tag: { readonly schema: { readonly literal: unknown } } } }) =>
  String(m.fields._tag.schema.literal)

// The policy sees the schemas' own AST nodes (they have no transformation to JSON), so a node is
// named by identity. Command schemas are named inside the union and inside `CommandIssued`.
const names = new Map<SchemaAST.AST, string>([
  ...named.map(([name, schema]) => [schema.ast, name] as const),
  ...commandMembers.map((m) => [m.ast, tagOf(m)] as const)
])

/**
 * The document of one schema: `$schema`, a title and description, the schema, and its `$defs`.
 * Objects refuse properties they do not name, as `Command.decode` does.
 */
export const document = (schema: Schema.Top, title: string, description: string): Json => {
  const doc = Schema.toJsonSchemaDocument(schema, {
    onExcessProperty: "error",
    generateDescriptions: true,
    // The root is never a reference: a command's own document describes it inline.
    referencePolicy: ({ ast }) => (ast === schema.ast ? undefined : names.get(ast))
  })
  const defs = Object.keys(doc.definitions).length === 0 ? {} : { $defs: doc.definitions }
  return { $schema: JsonSchema.META_SCHEMA_URI_DRAFT_2020_12, title, description, ...doc.schema, ...defs }
}

/** The document of each command type, by name. */
export const commands = (): ReadonlyMap<Command.CommandType, Json> =>
  new Map(
    commandMembers.map((m) => {
      const tag = tagOf(m) as Command.CommandType
      return [tag, document(m, tag, purposeOf(tag))]
    })
  )

/** The document of any command: one of the commands, told apart by `_tag`. */
export const commandUnion = (): Json =>
  document(
    Schema.Union(commandMembers),
    "Command",
    "Any command of Thi Đua, told apart by its `_tag`: docs/reference/commands.md describes each."
  )

/** The document of each event type, by name. */
export const events = (): ReadonlyMap<Event.EventType, Json> =>
  new Map(
    (Object.keys(Event.versions) as Array<Event.EventType>).map((tag) => [
      tag,
      document(Event.schemas[tag], tag, purposeOf(tag))
    ])
  )

/** A document as a file: two-space JSON with a final newline. */
export const print = (doc: Json): string => `${JSON.stringify(doc, null, 2)}\n`
