/**
 * Field tables read from the generated JSON Schemas, so the pages say what the JSON Schemas say:
 * each field's path, its type, whether it is required, and the constraints a host can check
 * (lengths, patterns, ranges, item counts, allowed values).
 */
import type { Json } from "./jsonSchema.js"

/** One row of a field table. */
export interface Row {
  readonly field: string
  readonly type: string
  readonly required: boolean
  readonly notes: string
}

/** How a page links a named shape: to its section in types.md. */
export type Link = (name: string) => string

const code = (s: string): string => `\`${s}\``
const value = (v: unknown): string => code(JSON.stringify(v))
const list = (vs: ReadonlyArray<unknown>): string => vs.map(value).join(", ")

const asJson = (u: unknown): Json => (typeof u === "object" && u !== null ? (u as Json) : {})
const refName = (s: Json): string | undefined =>
  typeof s.$ref === "string" ? s.$ref.slice(s.$ref.lastIndexOf("/") + 1) : undefined

// The keywords of a schema and of the `allOf` parts Effect puts its checks in, merged.
const merged = (s: Json): Json => Object.assign({}, s, ...(Array.isArray(s.allOf) ? s.allOf.map(asJson) : [])) as Json

const range = (s: Json, unit: string): string | undefined => {
  const min = s.minimum ?? s.minLength ?? s.minItems
  const max = s.maximum ?? s.maxLength ?? s.maxItems
  if (max === Number.MAX_SAFE_INTEGER) return min === undefined ? undefined : `≥ ${min}${unit}`
  if (min !== undefined && max !== undefined)
    return Number(min) < 0 ? `from ${min} to ${max}${unit}` : `${min}–${max}${unit}`
  if (min !== undefined) return `at least ${min}${unit}`
  if (max !== undefined) return `at most ${max}${unit}`
  return undefined
}

// An object variant of a union as its keys, with its `_tag`: `{"_tag": "Unit", organizationId}`.
const shape = (schema: Json, defs: Json): string | undefined => {
  const name = refName(schema)
  const s = name === undefined ? schema : asJson(defs[name])
  if (s.type !== "object") return undefined
  const keys = Object.entries(asJson(s.properties)).map(([k, v]) => {
    const tag = asJson(v).enum
    return k === "_tag" && Array.isArray(tag) ? `"_tag": ${JSON.stringify(tag[0])}` : k
  })
  return code(`{ ${keys.join(", ")} }`)
}

/** What a schema is, in a few words, and the constraints on it. */
export const describe = (
  schema: Json,
  defs: Json,
  link: Link
): { readonly type: string; readonly notes: string; readonly object?: Json } => {
  const name = refName(schema)
  if (name !== undefined) {
    const def = merged(asJson(defs[name]))
    const enumerated = Array.isArray(def.enum) ? def.enum : undefined
    const notes =
      enumerated !== undefined
        ? enumerated.length <= 8
          ? `one of ${list(enumerated)}`
          : `one of the ${enumerated.length} values of ${link(name)}`
        : Array.isArray(def.anyOf) || Array.isArray(def.oneOf)
          ? describe(def, defs, link).notes
          : "" // the link leads to the shape's constraints
    return def.type === "object" ? { type: link(name), notes, object: def } : { type: link(name), notes }
  }
  const s = merged(schema)
  const variants = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined
  if (variants !== undefined) {
    const types = variants.map((v) => describe(asJson(v), defs, link).type)
    if (types.length > 8)
      return { type: "object", notes: `one of ${types.length} shapes, told apart by \`_tag\`: ${types.join(", ")}` }
    const shapes = variants.map((v) => shape(asJson(v), defs)).filter((v) => v !== undefined)
    return { type: types.join(" or "), notes: shapes.join(" or ") }
  }
  if (Array.isArray(s.enum))
    return s.enum.length === 1
      ? { type: value(s.enum[0]), notes: "" }
      : { type: "string", notes: `one of ${list(s.enum)}` }
  const notes = (parts: ReadonlyArray<string | undefined>) => parts.filter((p) => p !== undefined).join("; ")
  switch (s.type) {
    case "string":
      return {
        type: s.pattern === undefined ? "text" : "string",
        notes: notes([
          range(s, " characters"),
          typeof s.pattern === "string" ? `pattern ${code(s.pattern)}` : undefined,
          typeof s.description === "string" && s.pattern !== undefined ? s.description : undefined
        ])
      }
    case "integer":
    case "number":
      return { type: String(s.type), notes: range(s, "") ?? "" }
    case "boolean":
      return { type: "boolean", notes: "" }
    case "array": {
      const item = describe(asJson(s.items), defs, link)
      return {
        type: `array of ${item.type}`,
        notes: notes([
          range(s, " items"),
          s.uniqueItems === true ? "no item twice" : undefined,
          item.notes || undefined
        ]),
        ...(item.object !== undefined ? { object: item.object } : {})
      }
    }
    case "object":
      return s.properties === undefined
        ? { type: "object", notes: "any JSON object" }
        : { type: "object", notes: "", object: s }
    default:
      return { type: "any JSON value", notes: "" }
  }
}

/**
 * The rows of an object's fields, nested objects flattened into dotted paths (`period.start`,
 * `sectors[].contents[].title`). `_tag` and the fields in `skip` are left out.
 */
export const rows = (
  object: Json,
  defs: Json,
  link: Link,
  skip: ReadonlySet<string> = new Set(),
  prefix = ""
): Array<Row> => {
  const properties = asJson(object.properties)
  const required = new Set(Array.isArray(object.required) ? (object.required as Array<string>) : [])
  return Object.entries(properties).flatMap(([key, schema]) => {
    if (key === "_tag" || skip.has(key)) return []
    const field = `${prefix}${key}`
    const d = describe(asJson(schema), defs, link)
    const own: Row = { field, type: d.type, required: required.has(key), notes: d.notes }
    if (d.object === undefined) return [own]
    const nested = d.type.startsWith("array of") ? `${field}[].` : `${field}.`
    return [own, ...rows(d.object, defs, link, new Set(), nested)]
  })
}

const cell = (s: string): string => s.replaceAll("|", "\\|").replaceAll("\n", " ")

/** A field table in Markdown. */
export const table = (rs: ReadonlyArray<Row>): Array<string> => [
  "| field | type | required | constraints, allowed values |",
  "|---|---|---|---|",
  ...rs.map((r) => `| ${code(r.field)} | ${cell(r.type)} | ${r.required ? "yes" : "no"} | ${cell(r.notes) || "—"} |`)
]
