/**
 * A campaign file: a campaign as people write it, in YAML or JSON, to be imported. The file names
 * the tenant, the campaign and the actor who does most of the work once; its steps are commands as
 * the reference writes them (`_tag` and the fields of the type) without the fields the file gives:
 *
 * ```yaml
 * tenantId: hoang-mai
 * campaignId: hoang-mai-2020
 * actor: { organizationId: ldld-hoang-mai, role: executive }
 * steps:
 *   - _tag: LaunchCampaign
 *     at: 02/01/2020
 *     pilotUnitId: cdcs-trung-thanh
 *   - _tag: RecordInitiative
 *     actor: { organizationId: cdcs-trung-thanh, role: officer }
 *     at: ngày 15 tháng 4 năm 2020
 *     benefitVnd: 85 triệu đồng
 * ```
 *
 * Each step gets `tenantId` and (for a campaign command) `campaignId` from the file, the file's
 * `actor` unless it names its own, and a `commandId` made from the campaign and the step's number
 * (`import:<campaignId>:<n>`), so that importing a file twice changes nothing.
 *
 * Values are read by what the command's schema says the field is, never by how the text looks:
 * a date field takes "02/01/2020", "ngày 2 tháng 1 năm 2020" or "2020-01-02"
 * (`Vietnamese.parseDate`); an amount of đồng "120 triệu đồng", "1,5 tỷ" or "38.025"
 * (`Vietnamese.parseAmount`); a number "38.025" or "8,5" (`Vietnamese.parseNumber`). YAML is read
 * with every scalar kept as its text (the failsafe schema), so `38.025` is never the float 38.025
 * that YAML 1.2 would make of it; in JSON a number written as a JSON number is that number. A
 * file is JSON when it is named `.json` or when its text is valid JSON, whatever its name (JSON
 * in a `.yaml` file is still JSON: `1.500` there is one and a half). Text values are stored
 * composed (NFC); a leading byte order mark is dropped.
 *
 * The whole file is read, converted and decoded before anything is done: every problem is
 * reported with its step, field and line, and a file with any problem gives no step at all.
 *
 * @since 0.7.0
 */
import { createHash } from "node:crypto"
import { Command, Ids, LocalDate, ThiDuaError, Vietnamese, Vnd } from "@thidua/core"
import type { Principal } from "@thidua/store"
import { Result, Schema, type SchemaAST } from "effect"
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml"

/**
 * One step of a campaign file, ready to execute: the command decoded, and the principal it runs
 * as (its own actor in its tenant: an import replays what its actors did).
 *
 * @since 0.7.0
 */
export interface Step {
  /** The step's number in the file, from 1. */
  readonly number: number
  /** The line the step starts on. */
  readonly line: number | undefined
  readonly command: Command.DomainCommand
  readonly principal: Principal.Principal
}

/**
 * A campaign file, read and decoded.
 *
 * @since 0.7.0
 */
export interface CampaignFile {
  readonly tenantId: string
  readonly campaignId: string
  readonly steps: ReadonlyArray<Step>
}

/**
 * What is wrong at one place of a file: the step (from 1; none for the file's own fields), the
 * field's path (`period.end`, `sectors[0].contents[1].title`), the line, and the message in both
 * languages.
 *
 * @since 0.7.0
 */
export interface Problem {
  readonly step: number | undefined
  readonly path: string
  readonly line: number | undefined
  readonly messages: ThiDuaError.Messages
}

const shown = 20

const where = (p: Problem, lang: "vi" | "en"): string => {
  const parts: Array<string> = []
  if (p.step !== undefined) parts.push(lang === "vi" ? `bước ${p.step}` : `step ${p.step}`)
  if (p.path !== "") parts.push(lang === "vi" ? `trường ${p.path}` : `field ${p.path}`)
  if (p.line !== undefined) parts.push(lang === "vi" ? `dòng ${p.line}` : `line ${p.line}`)
  return parts.length === 0 ? "" : `${parts.join(", ")}: `
}

/**
 * A campaign file that cannot be imported: every problem found, each with its step, field and
 * line. Nothing was written.
 *
 * @example
 * ```ts
 * import { CampaignFile } from "@thidua/cli"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const text = "tenantId: hn\ncampaignId: hn-2020\nactor: { organizationId: ldld-hn, role: executive }\nsteps:\n  - _tag: OpenPhase\n    at: 30/02/2020\n    phaseId: dot-1\n"
 * const read = CampaignFile.parse(text, { file: "hn.yaml" })
 * assert.ok(Result.isFailure(read))
 * const [problem] = read.failure.problems
 * assert.deepEqual([problem?.step, problem?.path, problem?.line], [1, "at", 6])
 * assert.equal(read.failure.code, "CLI-CAMPAIGN-FILE")
 * assert.match(read.failure.messages.vi, /bước 1, trường at, dòng 6: .*“30\/02\/2020”/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class CampaignFileError extends ThiDuaError.Tagged("CampaignFileError")<{
  readonly file: string
  readonly problems: ReadonlyArray<Problem>
}> {
  readonly code = "CLI-CAMPAIGN-FILE"
  readonly exitCode = 1
  get messages(): ThiDuaError.Messages {
    const list = (lang: "vi" | "en") => {
      const lines = this.problems.slice(0, shown).map((p) => `\n  ${where(p, lang)}${p.messages[lang]}`)
      const more = this.problems.length - shown
      if (more > 0) lines.push(lang === "vi" ? `\n  ... và ${more} lỗi khác` : `\n  ... and ${more} more`)
      return lines.join("")
    }
    const n = this.problems.length
    return {
      en: `${this.file}: ${n} problem${n === 1 ? "" : "s"}; nothing was imported.${list("en")}`,
      vi: `${this.file}: ${n} lỗi; chưa nhập gì.${list("vi")}`
    }
  }
}

/**
 * The command id a step is imported with: `import:<campaignId>:<n>`, or, for a campaign id too
 * long for that, `import:<16 hex digits of its SHA-256>:<n>`. The same file gives the same ids, so
 * importing it again is recognised as done.
 *
 * @example
 * ```ts
 * import { CampaignFile } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * assert.equal(CampaignFile.commandId("hoang-mai-2020", 3), "import:hoang-mai-2020:3")
 * assert.match(CampaignFile.commandId("c".repeat(64), 3), /^import:[0-9a-f]{16}:3$/)
 * ```
 *
 * @since 0.7.0
 */
export const commandId = (campaignId: string, n: number): string => {
  const plain = `import:${campaignId}:${n}`
  return plain.length <= 64
    ? plain
    : `import:${createHash("sha256").update(campaignId).digest("hex").slice(0, 16)}:${n}`
}

// ---------------------------------------------------------------------------------------------
// What a field is, from the command's JSON Schema: the shared shapes are named by identity.

type Json = { readonly [key: string]: unknown }

const named = new Map<SchemaAST.AST, string>([
  [LocalDate.LocalDate.ast, "LocalDate"],
  [Vnd.Vnd.ast, "Vnd"]
])

const documents = new Map<string, { readonly schema: Json; readonly definitions: Json }>()

const documentOf = (tag: Command.CommandType) => {
  const known = documents.get(tag)
  if (known !== undefined) return known
  const doc = Schema.toJsonSchemaDocument(Command.schemas[tag] as Schema.Top, {
    referencePolicy: ({ ast }) => named.get(ast)
  }) as unknown as { readonly schema: Json; readonly definitions: Json }
  documents.set(tag, doc)
  return doc
}

type Shape =
  | { readonly kind: "date" | "amount" | "number" | "boolean" | "string" | "any" }
  | { readonly kind: "object"; readonly node: Json }
  | { readonly kind: "array"; readonly items: Json | undefined }
  | { readonly kind: "union"; readonly options: ReadonlyArray<Json> }

const shapeOf = (node: Json | undefined, definitions: Json): Shape => {
  if (node === undefined) return { kind: "any" }
  const ref = node.$ref
  if (typeof ref === "string") {
    const name = ref.replace(/^#\/\$defs\//, "")
    if (name === "LocalDate") return { kind: "date" }
    if (name === "Vnd") return { kind: "amount" }
    return shapeOf(definitions[name] as Json | undefined, definitions)
  }
  if (Array.isArray(node.anyOf)) return { kind: "union", options: node.anyOf as ReadonlyArray<Json> }
  switch (node.type) {
    case "object":
      return { kind: "object", node }
    case "array":
      return { kind: "array", items: node.items as Json | undefined }
    case "integer":
    case "number":
      return { kind: "number" }
    case "boolean":
      return { kind: "boolean" }
    case "string":
      return { kind: "string" }
    default:
      return { kind: "any" }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the file.

/**
 * How to read a file: its name (for messages) and its format; without one, a name ending in
 * `.json` is JSON, and so is any text that is valid JSON (starting with `{` or `[`) whatever its
 * name; anything else is YAML.
 *
 * @since 0.7.0
 */
export interface Options {
  readonly file: string
  readonly format?: "yaml" | "json"
}

/**
 * The largest campaign file read, in characters.
 *
 * @since 0.7.0
 */
export const maxLength = 16 * 1024 * 1024

class Reader {
  readonly problems: Array<Problem> = []
  readonly lines = new LineCounter()
  step: number | undefined = undefined
  // Lines of the current step's fields, by the path `Command.decode` names them with.
  paths = new Map<string, number>()

  lineOf(node: Node | null | undefined): number | undefined {
    const offset = node?.range?.[0]
    return offset === undefined ? undefined : this.lines.linePos(offset).line
  }

  problem(path: string, line: number | undefined, messages: ThiDuaError.Messages) {
    this.problems.push({ step: this.step, path, line, messages })
  }

  // A value of the file as the schema says the field is: a date, an amount, a number or a
  // boolean read from its text; objects and arrays field by field; anything else as it is.
  convert(node: Node | null, shape: Shape, definitions: Json, path: string): unknown {
    const line = this.lineOf(node)
    if (line !== undefined) this.paths.set(path, line)
    if (node === null) return null
    if (isAlias(node)) {
      this.problem(path, line, {
        en: "anchors and aliases (*name) are not read in a campaign file: write the value out",
        vi: "tệp chiến dịch không dùng neo và bí danh (*tên): hãy viết giá trị ra"
      })
      return undefined
    }
    if (isScalar(node)) return this.scalar(node.value, shape, path, line)
    if (isSeq(node)) {
      const items = shape.kind === "array" ? shapeOf(shape.items, definitions) : ({ kind: "any" } as const)
      return node.items.map((item, i) => this.convert(item as Node, items, definitions, `${path}[${i}]`))
    }
    if (isMap(node)) {
      const object = this.objectShape(node, shape)
      const properties = (object?.properties ?? {}) as Json
      const out: { [key: string]: unknown } = {}
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined
        if (typeof key !== "string") {
          this.problem(path, this.lineOf(pair.key as Node), {
            en: "a key that is not text",
            vi: "khóa không phải là chữ"
          })
          continue
        }
        const field = path === "" ? key : `${path}.${key}`
        out[key] = this.convert(
          pair.value as Node | null,
          shapeOf(properties[key] as Json | undefined, definitions),
          definitions,
          field
        )
      }
      return out
    }
    return undefined
  }

  // The object schema a map is read by: for a union, the member its `_tag` names.
  objectShape(node: Node, shape: Shape): Json | undefined {
    if (shape.kind === "object") return shape.node
    if (shape.kind !== "union" || !isMap(node)) return undefined
    const tag = node.items.find((p) => isScalar(p.key) && p.key.value === "_tag")?.value
    const tagValue = isScalar(tag) ? tag.value : undefined
    return shape.options.find((o) => {
      const t = (o.properties as Json | undefined)?._tag as { readonly enum?: ReadonlyArray<unknown> } | undefined
      return t?.enum?.includes(tagValue) === true
    })
  }

  scalar(value: unknown, shape: Shape, path: string, line: number | undefined): unknown {
    if (typeof value !== "string") return value
    const read = (r: Result.Result<number | string, Vietnamese.InputError>) => {
      if (Result.isSuccess(r)) return r.success
      this.problem(path, line, r.failure.messages)
      return value
    }
    switch (shape.kind) {
      case "date":
        return read(Vietnamese.parseDate(value))
      case "amount":
        return read(Vietnamese.parseAmount(value))
      case "number":
        return read(Vietnamese.parseNumber(value))
      case "boolean":
        if (value === "true") return true
        if (value === "false") return false
        this.problem(path, line, {
          en: `expected true or false, got “${value.slice(0, 40)}”`,
          vi: `cần true hoặc false, nhận được “${value.slice(0, 40)}”`
        })
        return value
      default:
        // Composed, as people type it: "Hoà" typed with a combining mark is the same name.
        return value.normalize("NFC")
    }
  }
}

const topKeys = new Set(["tenantId", "campaignId", "actor", "steps"])
const filled = ["commandId", "tenantId", "campaignId"] as const
const campaignTags: ReadonlySet<string> = new Set(
  Command.CampaignCommand.members.map((m) => m.fields._tag.schema.literal)
)
const tags: ReadonlySet<string> = new Set(Object.keys(Command.schemas))
const maxSteps = 100_000

const lineOfOffset = (text: string, offset: number): number => text.slice(0, offset).split("\n").length

// JSON is read by JSON's rules whatever the file is called: "1.500" in JSON is one and a half, and
// the same content must not give 1500 because the file ends in .yaml.
const isJson = (text: string): boolean => {
  if (!/^\s*[{[]/.test(text)) return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * The text of a campaign file's bytes: UTF-8 (a byte order mark dropped), or a `CampaignFileError`
 * naming the first line that is not UTF-8. Never replaces a byte it cannot read with U+FFFD: a
 * file saved in another encoding would otherwise be imported with its letters lost.
 *
 * @example
 * ```ts
 * import { CampaignFile } from "@thidua/cli"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const latin1 = Uint8Array.from([...new TextEncoder().encode("tenantId: hn\nname: Ho"), 0xe0, 0x0a])
 * const read = CampaignFile.decode(latin1, { file: "hn.yaml" })
 * assert.ok(Result.isFailure(read))
 * assert.equal(read.failure.problems[0]?.line, 2)
 * assert.equal(Result.getOrThrow(CampaignFile.decode(new TextEncoder().encode("\ufeffsteps: []"), { file: "hn.yaml" })), "steps: []")
 * ```
 *
 * @since 0.7.0
 */
export const decode = (bytes: Uint8Array, options: Options): Result.Result<string, CampaignFileError> => {
  const utf8 = new TextDecoder("utf-8", { fatal: true })
  try {
    return Result.succeed(utf8.decode(bytes))
  } catch {
    // A newline byte is never part of a UTF-8 sequence: the lines can be tried one by one.
    let line = 1
    let start = 0
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue
      try {
        utf8.decode(bytes.subarray(start, i))
      } catch {
        break
      }
      line++
      start = i + 1
    }
    return Result.fail(
      new CampaignFileError({
        file: options.file,
        problems: [
          {
            step: undefined,
            path: "",
            line,
            messages: {
              en: "not UTF-8 text: save the file as UTF-8",
              vi: "không phải văn bản UTF-8: hãy lưu tệp dưới dạng UTF-8"
            }
          }
        ]
      })
    )
  }
}

/**
 * Reads a campaign file: parses it, converts its values by the command schemas, decodes every
 * step. Either every step, ready to execute, or every problem found; never throws.
 *
 * @example
 * ```ts
 * import { CampaignFile } from "@thidua/cli"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const text = [
 *   "tenantId: hanoi",
 *   "campaignId: hn-2020",
 *   "actor: { organizationId: ldld-ha-noi, role: executive }",
 *   "steps:",
 *   "  - _tag: RecordInitiative",
 *   "    actor: { organizationId: cdcs-a, role: officer }",
 *   "    at: ngày 15 tháng 4 năm 2020",
 *   "    initiativeId: sk-1",
 *   "    unitId: cdcs-a",
 *   "    kind: initiative",
 *   "    title: Cải tiến dây chuyền",
 *   "    benefitVnd: 1,5 tỷ đồng"
 * ].join("\n")
 * const file = Result.getOrThrow(CampaignFile.parse(text, { file: "hn.yaml" }))
 * const step = file.steps[0]!
 * assert.equal(step.command.commandId, "import:hn-2020:1")
 * assert.equal(step.command.at, "2020-04-15")
 * assert.equal((step.command as { benefitVnd?: number }).benefitVnd, 1_500_000_000)
 * assert.deepEqual(step.principal, { tenantId: "hanoi", organizationId: "cdcs-a", role: "officer" })
 * ```
 *
 * @since 0.7.0
 */
export const parse = (source: string, options: Options): Result.Result<CampaignFile, CampaignFileError> => {
  const fail = (problems: ReadonlyArray<Problem>) =>
    Result.fail(new CampaignFileError({ file: options.file, problems }))
  // A byte order mark, as editors on Windows save UTF-8, is not part of the text.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  if (text.length > maxLength)
    return fail([
      {
        step: undefined,
        path: "",
        line: undefined,
        messages: {
          en: `the file is longer than ${maxLength.toLocaleString("en-US")} characters`,
          vi: `tệp dài quá ${Vietnamese.formatNumber(maxLength)} ký tự`
        }
      }
    ])
  const nul = text.indexOf("\u0000")
  if (nul >= 0)
    return fail([
      {
        step: undefined,
        path: "",
        line: lineOfOffset(text, nul),
        messages: { en: "the file contains a NUL character", vi: "tệp chứa ký tự NUL" }
      }
    ])
  const json =
    options.format === "json" || (options.format === undefined && (/\.json$/i.test(options.file) || isJson(text)))
  if (json) {
    try {
      JSON.parse(text)
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause)
      // JSON.parse names no line; the YAML parser, reading the same text, finds where it breaks.
      const at = /position (\d+)/.exec(message)?.[1]
      const lines = new LineCounter()
      const found = parseDocument(text, { schema: "json", lineCounter: lines, prettyErrors: false }).errors[0]
      return fail([
        {
          step: undefined,
          path: "",
          line: at !== undefined ? lineOfOffset(text, Number(at)) : found && lines.linePos(found.pos[0]).line,
          messages: { en: `not JSON: ${message}`, vi: `không phải JSON: ${message}` }
        }
      ])
    }
  }
  const reader = new Reader()
  const doc = parseDocument(text, {
    schema: json ? "json" : "failsafe",
    lineCounter: reader.lines,
    prettyErrors: false,
    uniqueKeys: true
  })
  // The first error only: those after it are mostly the parser losing its way.
  if (doc.errors.length > 0)
    return fail(
      doc.errors.slice(0, 1).map((e) => ({
        step: undefined,
        path: "",
        line: reader.lines.linePos(e.pos[0]).line,
        messages: {
          en: `${json ? "not JSON" : "not YAML"}: ${e.message}`,
          vi: `${json ? "không phải JSON" : "không phải YAML"}: ${e.message}`
        }
      }))
    )
  const root = doc.contents as Node | null
  if (!isMap(root))
    return fail([
      {
        step: undefined,
        path: "",
        line: reader.lineOf(root),
        messages: {
          en: "the file must hold an object: tenantId, campaignId, actor, steps",
          vi: "tệp phải là một đối tượng gồm tenantId, campaignId, actor, steps"
        }
      }
    ])
  const field = (key: string) => root.items.find((p) => isScalar(p.key) && p.key.value === key)
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined
    if (typeof key !== "string" || !topKeys.has(key))
      reader.problem(String(key), reader.lineOf(pair.key as Node), {
        en: "unknown field: a campaign file has tenantId, campaignId, actor and steps",
        vi: "trường không xác định: tệp chiến dịch gồm tenantId, campaignId, actor và steps"
      })
  }
  const id = (key: "tenantId" | "campaignId"): string | undefined => {
    const pair = field(key)
    const value = isScalar(pair?.value) ? pair.value.value : undefined
    if (Ids.isId(value)) return value
    reader.problem(key, reader.lineOf((pair?.value ?? pair?.key ?? root) as Node), {
      en: `${pair === undefined ? "missing" : "not an id"}: 1-64 letters, digits, '-', '_', '.' or ':'`,
      vi: `${pair === undefined ? "thiếu" : "không phải mã hợp lệ"}: 1-64 chữ cái, chữ số, '-', '_', '.' hoặc ':'`
    })
    return undefined
  }
  const tenantId = id("tenantId")
  const campaignId = id("campaignId")
  const actorPair = field("actor")
  const defaultActor =
    actorPair === undefined ? undefined : reader.convert(actorPair.value as Node | null, { kind: "any" }, {}, "actor")
  const actorLine = reader.lineOf(actorPair?.value as Node | undefined)
  const stepsPair = field("steps")
  const steps = stepsPair?.value as Node | null | undefined
  if (!isSeq(steps) || steps.items.length === 0 || steps.items.length > maxSteps) {
    reader.problem("steps", reader.lineOf((steps ?? stepsPair?.key ?? root) as Node), {
      en: `steps must be a list of 1 to ${maxSteps} commands`,
      vi: `steps phải là danh sách từ 1 đến ${maxSteps} lệnh`
    })
    return fail(reader.problems)
  }
  const out: Array<Step> = []
  steps.items.forEach((item, i) => {
    const number = i + 1
    reader.step = number
    reader.paths = new Map()
    const node = item as Node
    const line = reader.lineOf(node)
    if (!isMap(node)) {
      reader.problem("", line, {
        en: "a step must be a command: an object with _tag and its fields",
        vi: "mỗi bước phải là một lệnh: một đối tượng có _tag và các trường của lệnh"
      })
      return
    }
    const tagNode = node.items.find((p) => isScalar(p.key) && p.key.value === "_tag")?.value
    const tag = isScalar(tagNode) ? tagNode.value : undefined
    if (typeof tag !== "string" || !tags.has(tag)) {
      reader.problem("_tag", reader.lineOf((tagNode ?? node) as Node), {
        en: `${tag === undefined ? "missing _tag" : `unknown command type “${String(tag).slice(0, 40)}”`}: see docs/reference/commands.md`,
        vi: `${tag === undefined ? "thiếu _tag" : `loại lệnh không xác định “${String(tag).slice(0, 40)}”`}: xem docs/reference/commands.md`
      })
      return
    }
    for (const key of filled) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key)
      if (pair !== undefined)
        reader.problem(key, reader.lineOf(pair.key as Node), {
          en: `${key} comes from the file (or, for commandId, from the step's number): leave it out of the step`,
          vi: `${key} lấy từ tệp (commandId lấy từ số thứ tự bước): không ghi trong bước`
        })
    }
    const { schema, definitions } = documentOf(tag as Command.CommandType)
    const fields = reader.convert(node, { kind: "object", node: schema }, definitions, "") as {
      [key: string]: unknown
    }
    if (tenantId === undefined || campaignId === undefined) return
    const actor = fields.actor ?? defaultActor
    if (fields.actor === undefined && actorLine !== undefined) reader.paths.set("actor", actorLine)
    if (actor === undefined) {
      reader.problem("actor", line, {
        en: "no actor: give the file an actor, or the step its own",
        vi: "thiếu người thực hiện (actor): ghi actor cho tệp, hoặc cho riêng bước này"
      })
      return
    }
    const input = {
      ...fields,
      commandId: commandId(campaignId, number),
      tenantId,
      ...(campaignTags.has(tag) ? { campaignId } : {}),
      actor
    }
    const decoded = Command.decode(input)
    if (Result.isFailure(decoded)) {
      const seen = new Set<string>()
      for (const issue of decoded.failure.issues) {
        if (seen.has(issue.path)) continue
        seen.add(issue.path)
        // A field converted already reported its own problem; decoding it again says less.
        if (reader.problems.some((p) => p.step === number && p.path === issue.path)) continue
        reader.problem(issue.path, lineFor(reader.paths, issue.path) ?? line, {
          en: issue.message,
          vi: issue.messages.vi
        })
      }
      return
    }
    const command = decoded.success
    out.push({
      number,
      line,
      command,
      principal: {
        tenantId: command.tenantId,
        organizationId: command.actor.organizationId,
        role: command.actor.role,
        ...(command.actor.memberId === undefined ? {} : { memberId: command.actor.memberId })
      }
    })
  })
  if (reader.problems.length > 0) return fail(reader.problems)
  if (tenantId === undefined || campaignId === undefined) return fail(reader.problems)
  return Result.succeed({ tenantId, campaignId, steps: out })
}

// The line of a path, or of the nearest field above it that has one.
const lineFor = (paths: ReadonlyMap<string, number>, path: string): number | undefined => {
  let p = path
  for (;;) {
    const line = paths.get(p)
    if (line !== undefined) return line
    if (p === "") return undefined
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["))
    p = cut <= 0 ? "" : p.slice(0, cut)
  }
}
