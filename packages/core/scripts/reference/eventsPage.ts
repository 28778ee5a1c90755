/**
 * docs/reference/events.md: every event with its purpose, the stream it lives in, its schema
 * version, the command that records it, and its fields.
 */
import { Command, Event, Lifecycle, Stream } from "../../src/index.js"
import { purposeOf } from "./docs.js"
import { rows, table } from "./fields.js"
import type { Json } from "./jsonSchema.js"
import { code, commandLink, directoryEvents, header, typeLink } from "./links.js"

type Tag = Event.EventType

const tagsOf = (union: { readonly members: ReadonlyArray<{ readonly fields: { readonly _tag: unknown } }> }) =>
  union.members.map((m) => (m.fields._tag as { readonly schema: { readonly literal: Tag } }).schema.literal)

const streams: ReadonlyArray<{ readonly title: string; readonly stream: string; readonly tags: ReadonlyArray<Tag> }> = [
  { title: "The directory", stream: Stream.directory("<tenantId>"), tags: tagsOf(Event.DirectoryEvent) },
  { title: "A campaign", stream: Stream.campaign("<campaignId>"), tags: tagsOf(Event.CampaignEvent) },
  {
    title: "A process of a process manager (`@thidua/workflow`)",
    stream: Stream.process("<manager>", "<instance>"),
    tags: tagsOf(Event.ProcessEvent)
  }
]

const recordedBy = (tag: Tag): string | undefined => {
  const campaign = (Lifecycle.commandOf as Partial<Record<Tag, string>>)[tag]
  const directory = Object.entries(directoryEvents).find(([, e]) => e === tag)?.[0]
  return campaign ?? directory
}

// Links from events.md: commands (inside `CommandIssued`) to commands.md, shapes to types.md.
const link = (name: string): string => (name in Command.schemas ? commandLink(name) : typeLink(name))

const section = (tag: Tag, stream: string, doc: Json): Array<string> => {
  const by = recordedBy(tag)
  return [
    `### ${tag}`,
    "",
    purposeOf(tag),
    "",
    `- Stream: ${code(stream)}`,
    `- Schema version: ${Event.versions[tag]}`,
    ...(by === undefined ? [] : [`- Recorded by: ${commandLink(by)}`]),
    `- JSON Schema: [json-schema/events/${tag}.json](json-schema/events/${tag}.json)`,
    "",
    ...table(rows(doc, (doc.$defs ?? {}) as Json, link)),
    ""
  ]
}

/** The page. */
export const render = (docs: ReadonlyMap<Tag, Json>): string =>
  [
    header("the event schemas, `Event.versions` and `Lifecycle.commandOf` of packages/core"),
    "",
    "# Events",
    "",
    "An event is what happened, in the past tense: a JSON payload whose `_tag` names its type, stored",
    "with its schema version in one of three kinds of stream. Fields may be added to an event, never",
    "renamed; when an event's shape changes, its version goes up and `Upcast` lifts older payloads to",
    "the current one, so a reader decodes a stored event with `Upcast.decode(type, version, payload)`.",
    "The fields below are the current version's. The shared shapes are in [types](types.md).",
    "",
    ...streams.flatMap(({ title, stream, tags }) => [
      `- ${title}, ${code(stream)}: ${tags.map((t) => `[${code(t)}](#${t.toLowerCase()})`).join(", ")}`
    ]),
    "",
    ...streams.flatMap(({ title, stream, tags }) => [
      `## ${title}: ${code(stream)}`,
      "",
      ...tags.flatMap((t) => section(t, stream, docs.get(t)!))
    ])
  ].join("\n")
