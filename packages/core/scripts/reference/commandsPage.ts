/**
 * docs/reference/commands.md: every command with its purpose, who may send it and when, the
 * events it records, its fields, the rules that can refuse it, and an example.
 */
import { Campaign, Command, Directory, type Lifecycle, type Rule, Stream } from "../../src/index.js"
import { purposeOf } from "./docs.js"
import { examples } from "./examples.js"
import { type Row, rows, table } from "./fields.js"
import { commandMembers, type Json } from "./jsonSchema.js"
import { code, directoryEvents, eventLink, eventsOf, header, ruleLine, typeLink } from "./links.js"
import { whenLines } from "./when.js"
import { organizations, rolesFor } from "./who.js"

type Tag = Command.CommandType

const directoryTags = Command.DirectoryCommand.members.map((m) => m.fields._tag.schema.literal) as Array<Tag>
const campaignTags = Command.CampaignCommand.members.map((m) => m.fields._tag.schema.literal) as Array<Tag>

// The checks across fields that JSON Schema cannot say, by the commands that have one. The page
// refuses to render when a command's schema has such a check and no line here, or the reverse.
export const acrossFields: Partial<Record<Tag, string>> = {
  HoldDeliberation: "`present` is at most `councilSize`, and `votesFor` at most `present`"
}

const checkAcrossFields = (): void => {
  for (const m of commandMembers) {
    const tag = m.fields._tag.schema.literal as Tag
    if ((m.ast.checks?.length ?? 0) > 0 !== (acrossFields[tag] !== undefined))
      throw new Error(`${tag}: its checks across fields and the reference's acrossFields disagree`)
  }
}

const rulesOf = (tag: Tag): ReadonlyArray<Rule.Code> =>
  (Directory.refusals as Record<string, ReadonlyArray<Rule.Code>>)[tag] ??
  (Campaign.refusals as Record<string, ReadonlyArray<Rule.Code>>)[tag]!

// The fields every command of a group carries: in every schema of the group.
const sharedKeys = (docs: ReadonlyArray<Json>): Array<string> => {
  const keys = docs.map((d) => Object.keys(d.properties as Json))
  return keys[0]!.filter((k) => k !== "_tag" && keys.every((ks) => ks.includes(k)))
}

const roleLine = (tag: Tag): string => {
  const roles = rolesFor(tag)
  return roles.length === 3
    ? "any role (`executive`, `council`, `officer`)"
    : `${roles.map(code).join(", ")} only (AUTH-ROLE)`
}

const section = (tag: Tag, doc: Json, skip: ReadonlySet<string>): Array<string> => {
  const isCampaign = campaignTags.includes(tag)
  const recorded = isCampaign ? eventsOf(tag) : [directoryEvents[tag as keyof typeof directoryEvents]]
  const own = rows(doc, (doc.$defs ?? {}) as Json, typeLink, skip)
  const cross = acrossFields[tag]
  return [
    `### ${tag}`,
    "",
    purposeOf(tag),
    "",
    `JSON Schema: [json-schema/commands/${tag}.json](json-schema/commands/${tag}.json)`,
    "",
    "**Who may send it**",
    "",
    `- Role: ${roleLine(tag)}.`,
    `- Organization (\`actor.organizationId\`): ${organizations[tag]}.`,
    "",
    ...(isCampaign ? ["**When**", "", ...whenLines(tag as Lifecycle.CommandTag), ""] : []),
    `**Records** ${recorded.map(eventLink).join(", ")}`,
    "",
    "**Fields** besides the common ones",
    "",
    ...(own.length === 0 ? ["None."] : table(own)),
    ...(cross === undefined ? [] : ["", `Also checked by \`Command.decode\` only: ${cross}.`]),
    "",
    "**Can be refused with** (in the order the checks run)",
    "",
    ...rulesOf(tag).map(ruleLine),
    "",
    "**Example**",
    "",
    "```json",
    JSON.stringify(examples[tag], null, 2),
    "```",
    ""
  ]
}

const commonTable = (docs: ReadonlyMap<Tag, Json>, keys: ReadonlyArray<string>, from: Tag): Array<Row> => {
  const doc = docs.get(from)!
  const all = rows(doc, (doc.$defs ?? {}) as Json, typeLink)
  return all.filter((r) => keys.some((k) => r.field === k || r.field.startsWith(`${k}.`)))
}

/** The page. */
export const render = (docs: ReadonlyMap<Tag, Json>): string => {
  checkAcrossFields()
  const directoryKeys = sharedKeys(directoryTags.map((t) => docs.get(t)!))
  const campaignKeys = sharedKeys(campaignTags.map((t) => docs.get(t)!))
  const campaignOnly = campaignKeys.filter((k) => !directoryKeys.includes(k))
  const contents = (tags: ReadonlyArray<Tag>) => tags.map((t) => `[${code(t)}](#${t.toLowerCase()})`).join(", ")
  return [
    header("the command schemas, `Campaign.refusals`, `Directory.refusals` and `Lifecycle` of packages/core"),
    "",
    "# Commands",
    "",
    "A command is what an actor asks for: a JSON object whose `_tag` names its type. In JavaScript,",
    "`Command.decode` decodes one and names the field that is wrong; in any language, the JSON Schema of",
    "its type checks its shape ([how](index.md)). Each command below has its purpose (the doc comment on",
    "its schema), who may send it, when in the lifecycle it is allowed, the events it records, its",
    "fields, every rule that can refuse it, and an example that decodes. The rule ids link to the",
    "[rules table](../concepts/campaign-lifecycle.md#the-rules), with each rule's source and its",
    "messages in Vietnamese and English; the shared shapes (`Id`, `LocalDate`, `AwardKind`, ...) are in",
    "[types](types.md), and what each command records is in [events](events.md).",
    "",
    `- Directory commands, on the stream ${code(Stream.directory("<tenantId>"))}: ${contents(directoryTags)}`,
    `- Campaign commands, on the stream ${code(Stream.campaign("<campaignId>"))}: ${contents(campaignTags)}`,
    "",
    "## Fields every command carries",
    "",
    ...table(commonTable(docs, directoryKeys, directoryTags[0]!)),
    "",
    `A campaign command also carries ${campaignOnly.map(code).join(", ")}:`,
    "",
    ...table(commonTable(docs, campaignOnly, campaignTags[0]!)),
    "",
    "`commandId` makes a command idempotent: sending it twice has the effect of sending it once.",
    "`at` is the local day (Asia/Ho_Chi_Minh) on which the act takes place.",
    "",
    "## Directory commands",
    "",
    ...directoryTags.flatMap((t) => section(t, docs.get(t)!, new Set(directoryKeys))),
    "## Campaign commands",
    "",
    `A campaign command is refused before its own rules when the campaign's status does not allow it: see`,
    "[where each command is allowed](../concepts/campaign-lifecycle.md#where-each-command-is-allowed).",
    "",
    ...campaignTags.flatMap((t) => section(t, docs.get(t)!, new Set([...directoryKeys, ...campaignOnly])))
  ].join("\n")
}
