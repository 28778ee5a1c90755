/**
 * Validators generated as JavaScript source from a schema's AST, one function per struct or
 * array, with every field's test written out: `typeof v === "string" && r3(v)` for an id. The
 * closures of `validator.ts` walk a list of fields through calls that every schema shares, so
 * their property reads and calls see every shape of every event and V8 cannot specialise them;
 * a generated function sees one event type, reads its fields by name and calls its predicates
 * from call sites of its own, which V8 inlines. With the reader below, `Upcast.decode` of a stored
 * `ScoreAssessed` runs 3–4 times as fast as the closures over a copy of it did (measured side by
 * side, CPU time).
 *
 * The source holds only what this module writes: property names and literals as JSON strings,
 * numbers, and references (`r0`, `r1`, ...) to the predicates, RegExps and nested validators it
 * calls, passed in as arguments. Where a runtime does not let a library make functions from
 * source (a Content Security Policy without 'unsafe-eval', some edge runtimes), nothing is
 * generated and the closures run: the same answers, slower.
 *
 * The generated validators answer as the closures do (same fields, same checks, same order),
 * except that they also say no to an object with a key that holds `undefined` or with a prototype
 * other than `Object.prototype` or `null` (reading a field by name, without `Object.hasOwn` for
 * each, could otherwise find an inherited one): such values go on to the full decoder, which has
 * the last word. The validator tests hold both to the schemas and to each other.
 *
 * @internal
 */
import type { SchemaAST } from "effect"
import { checksOf, maxItemsOf } from "./predicates.js"

type Validate = (u: unknown) => boolean

/** Whether functions can be made from source here. @internal */
export const canGenerate: boolean = (() => {
  try {
    return new Function("return true")() === true
  } catch {
    return false
  }
})()

/** The references a function's source calls, each an argument `r<n>`. */
class Refs {
  readonly values: Array<unknown> = []
  add(value: unknown): string {
    this.values.push(value)
    return `r${this.values.length - 1}`
  }
}

const make = <F>(refs: Refs, body: string): F => {
  const names = refs.values.map((_, i) => `r${i}`)
  return new Function(...names, `"use strict";\n${body}`)(...refs.values) as F
}

// A literal written into the source: strings, booleans and finite numbers as JSON (`-0` is `0`,
// which `===` does not tell apart either); anything else as a reference.
const literal = (value: unknown, refs: Refs): string =>
  typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))
    ? JSON.stringify(value)
    : refs.add(value)

const checksTest = (ast: SchemaAST.AST, v: string, refs: Refs): string =>
  checksOf(ast.checks, ast)
    .map((c) => ` && ${refs.add(c)}(${v})`)
    .join("")

/**
 * A boolean expression that tests the variable named `v` against the AST (its checks included),
 * or `undefined` when the AST uses something not generated here. Structs and arrays are functions
 * of their own, called from the expression; `fallback` gives those that cannot be generated.
 */
const test = (ast: SchemaAST.AST, v: string, refs: Refs, fallback: Fallback): string | undefined => {
  if (ast.encoding !== undefined) return undefined
  let base: string
  switch (ast._tag) {
    case "String":
      base = `typeof ${v} === "string"`
      break
    case "Number":
      base = `typeof ${v} === "number"`
      break
    case "Boolean":
      base = `typeof ${v} === "boolean"`
      break
    case "Unknown":
      base = "true"
      break
    case "Literal":
      base = `${v} === ${literal(ast.literal, refs)}`
      break
    case "Union": {
      const members = ast.types.map((t) => test(t, v, refs, fallback))
      if (members.some((m) => m === undefined)) return undefined
      base = `(${members.join(" || ")})`
      break
    }
    case "Objects":
    case "Arrays": {
      // Its checks are part of its function.
      const f = generate(ast, fallback) ?? fallback(ast)
      return f === undefined ? undefined : `${refs.add(f)}(${v})`
    }
    default:
      return undefined
  }
  return `${base}${checksTest(ast, v, refs)}`
}

type Fallback = (ast: SchemaAST.AST) => Validate | undefined

interface Field {
  readonly name: string
  readonly key: string
  readonly optional: boolean
  readonly local: string
  readonly test: string
}

// The fields of a struct with their tests, or undefined when one cannot be generated.
const fieldsOf = (ast: SchemaAST.Objects, refs: Refs, fallback: Fallback, skip?: string): Array<Field> | undefined => {
  const out: Array<Field> = []
  for (const ps of ast.propertySignatures) {
    if (typeof ps.name !== "string") return undefined
    if (ps.name === skip) continue
    const local = `v${out.length}`
    const t = test(ps.type, local, refs, fallback)
    if (t === undefined) return undefined
    out.push({
      name: ps.name,
      key: JSON.stringify(ps.name),
      optional: ps.type.context?.isOptional === true,
      local,
      test: t
    })
  }
  return out
}

// Reads each named field once and counts those it found; then the keys `for in` sees: as many as
// were found means none the schema does not name. A field read as `undefined` counts as missing,
// so a key that holds `undefined` makes the counts differ: such a value takes the slower way, as
// does one whose prototype is not `Object.prototype` or `null` (its fields could be inherited).
// No `Object.hasOwn` per field: it was half of the time of a generated reader.
// A field read by name must be the object's own and enumerable: an inherited one (a polluted
// prototype) is not the payload's, and one `for…in`, `JSON.stringify` and the store's size walk
// skip would be validated here and lost when stored (balanced, in the count below, by an extra
// key). `ownEnumerable` names the reference to `propertyIsEnumerable`, which answers both.
const readFields = (o: string, fields: ReadonlyArray<Field>, failure: string, ownEnumerable: string): string =>
  `  const proto = Object.getPrototypeOf(${o});
  if (proto !== Object.prototype && proto !== null) return ${failure};
` +
  fields
    .map(
      (f) =>
        `  const ${f.local} = ${o}[${f.key}];
  if (${f.local} !== undefined) { if (!${ownEnumerable}.call(${o}, ${f.key})) return ${failure}; found++; if (!(${f.test})) return ${failure} }` +
        (f.optional ? "\n" : ` else return ${failure}\n`)
    )
    .join("") +
  `  let keys = 0;
  for (const _ in ${o}) keys++;
  if (keys !== found) return ${failure};
`

const isObject = (o: string) => `typeof ${o} !== "object" || ${o} === null || Array.isArray(${o})`

const cache = new WeakMap<SchemaAST.AST, Validate | undefined>()

/**
 * A generated validator for a struct or an array (the nodes worth a function), or `undefined`
 * when functions cannot be made here or the AST uses something not generated. `fallback` gives
 * the validator of a nested struct or array that cannot be generated.
 *
 * @internal
 */
export const generate = (ast: SchemaAST.AST, fallback: Fallback): Validate | undefined => {
  if (!canGenerate || ast.encoding !== undefined) return undefined
  if (cache.has(ast)) return cache.get(ast)
  const refs = new Refs()
  let body: string | undefined
  if (ast._tag === "Objects" && ast.indexSignatures.length === 0) {
    const fields = fieldsOf(ast, refs, fallback)
    if (fields !== undefined)
      body = `return function validate(o) {\n  if (${isObject("o")}) return false;\n  let found = 0;\n${readFields("o", fields, "false", refs.add(Object.prototype.propertyIsEnumerable))}  return true${checksTest(ast, "o", refs)};\n}`
  } else if (ast._tag === "Arrays" && ast.rest.length === 1 && ast.encodingChecks === undefined) {
    // Required leading elements (a non-empty array has one) and one rest type.
    if (!ast.elements.some((e) => e.context?.isOptional === true)) {
      const heads = ast.elements.map((e, i) => test(e, `h${i}`, refs, fallback))
      const item = test(ast.rest[0]!, "v", refs, fallback)
      if (item !== undefined && heads.every((h) => h !== undefined)) {
        const max = maxItemsOf(ast)
        body =
          `return function validate(u) {\n` +
          `  if (!Array.isArray(u) || u.length < ${heads.length}${max === undefined ? "" : ` || u.length > ${max}`}) return false;\n` +
          // Exact here too: an array carrying a named property is not a plain JSON array.
          `  if (Object.keys(u).length !== u.length) return false;\n` +
          heads.map((h, i) => `  const h${i} = u[${i}];\n  if (!(${h})) return false;\n`).join("") +
          `  for (let i = ${heads.length}; i < u.length; i++) {\n    const v = u[i];\n    if (!(${item})) return false;\n  }\n` +
          `  return true${checksTest(ast, "u", refs)};\n}`
      }
    }
  }
  const f = body === undefined ? undefined : make<Validate>(refs, body)
  cache.set(ast, f)
  return f
}

/**
 * A generated reader of a stored payload of a tagged struct: the payload is the event without its
 * tag, validated as {@link generate} validates the event, and the event is built from its fields
 * (the tag first, then the fields in the schema's order) with the same values. It answers
 * `undefined` where the validator of the event built by `{ ...payload, _tag }` would say no, and
 * may also answer `undefined` for some payloads that one would accept (a key that holds
 * `undefined`, a prototype other than `Object.prototype`): the caller then takes that way. A
 * payload's own `_tag`, whatever it holds, is replaced.
 *
 * @internal
 */
export const generateReader = (
  ast: SchemaAST.AST,
  tag: string,
  fallback: Fallback
): ((payload: unknown) => object | undefined) | undefined => {
  if (!canGenerate || ast.encoding !== undefined || ast._tag !== "Objects" || ast.indexSignatures.length > 0)
    return undefined
  const tagField = ast.propertySignatures.find((ps) => ps.name === "_tag")
  if (tagField === undefined || tagField.type._tag !== "Literal" || tagField.type.literal !== tag) return undefined
  if (tagField.type.checks !== undefined || tagField.type.context?.isOptional === true) return undefined
  const refs = new Refs()
  const fields = fieldsOf(ast, refs, fallback, "_tag")
  if (fields === undefined) return undefined
  const build =
    `  const out = { _tag: ${JSON.stringify(tag)}${fields
      .filter((f) => !f.optional)
      .map((f) => `, ${f.key}: ${f.local}`)
      .join("")} };\n` +
    fields
      .filter((f) => f.optional)
      .map((f) => `  if (${f.local} !== undefined) out[${f.key}] = ${f.local};\n`)
      .join("")
  // Required fields first in the literal, optional ones added after: the order of the fields
  // differs from the schema's when an optional one comes earlier; only `toEqual` reads events.
  const body =
    `return function read(p) {\n  if (${isObject("p")}) return undefined;\n` +
    `  let found = p._tag !== undefined ? 1 : 0;\n${readFields("p", fields, "undefined", refs.add(Object.prototype.propertyIsEnumerable))}${build}` +
    `  return true${checksTest(ast, "out", refs)} ? out : undefined;\n}`
  return make(refs, body)
}
