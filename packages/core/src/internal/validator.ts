/**
 * (Over 300 lines: one walk over every kind of schema node, which reads best in one place.)
 *
 * Validators compiled from schemas: a plain function per schema that answers "is this value
 * valid?" with the schema's own checks, without the machinery that builds a decoded value and its
 * issues. Stored events are read millions of times in rebuilds; the full decoder stays the
 * reference and the fallback: it runs when a value does not validate, to say why.
 *
 * Validators are exact: an object with a key its schema does not name is not valid here (the
 * decoders then decide, refusing it for commands, dropping the key for stored events). They read
 * own properties only: a field inherited from a prototype is not a field of the value, and an
 * object whose prototype carries enumerable fields is not valid here.
 *
 * {@link compileDecoder} does the same walk and builds the decoded value as it goes: a fresh
 * plain object (arrays, nested objects) made of the input's own fields, so a caller that keeps
 * or changes its input afterwards cannot change what was decoded.
 *
 * Only what the domain's schemas use is compiled (strings, numbers, booleans, literals, unions,
 * structs, arrays, with their checks); anything else answers `undefined` and the caller keeps
 * the full decoder. A test holds the compiled validators to `Schema.is` on generated values.
 *
 * @internal
 */
import type { SchemaAST } from "effect"
import { generate } from "./generate.js"
import { checksOf, maxItemsOf } from "./predicates.js"

type Validate = (u: unknown) => boolean

export {
  /** @internal */
  maxItemsOf
} from "./predicates.js"

/**
 * A validator for an AST, or `undefined` when it uses something not compiled here: the generated
 * one (`generate.ts`) where functions can be made from source, the closures below otherwise.
 *
 * @internal
 */
export const compile = (ast: SchemaAST.AST): Validate | undefined => generate(ast, interpret) ?? interpret(ast)

/**
 * The same validator as closures that walk the AST's parts: what runs where nothing can be
 * generated, and for a part the generator does not write (a JSON object of any keys).
 *
 * @internal
 */
export const interpret = (ast: SchemaAST.AST): Validate | undefined => {
  if (ast.encoding !== undefined) return undefined
  let base: Validate | undefined
  switch (ast._tag) {
    case "String":
      base = (u) => typeof u === "string"
      break
    case "Number":
      base = (u) => typeof u === "number"
      break
    case "Boolean":
      base = (u) => typeof u === "boolean"
      break
    case "Unknown":
      // Anything, as far as its checks allow (a JSON value of a process event).
      base = () => true
      break
    case "Literal": {
      const literal = ast.literal
      base = (u) => u === literal
      break
    }
    case "Union": {
      const members = ast.types.map(interpret)
      if (members.some((m) => m === undefined)) return undefined
      const ms = members as Array<Validate>
      base = (u) => {
        for (const m of ms) if (m(u)) return true
        return false
      }
      break
    }
    case "Objects": {
      // A JSON object of any keys (`Schema.Record(Schema.String, Schema.Unknown)`): a plain
      // object, whatever it holds (the stores check it is JSON).
      if (
        ast.propertySignatures.length === 0 &&
        ast.indexSignatures.length === 1 &&
        ast.indexSignatures[0]!.parameter._tag === "String" &&
        (ast.indexSignatures[0]!.parameter.checks ?? []).length === 0
      ) {
        const value = interpret(ast.indexSignatures[0]!.type)
        if (value === undefined) return undefined
        base = (u) => {
          if (typeof u !== "object" || u === null || Array.isArray(u)) return false
          const proto = Object.getPrototypeOf(u)
          if (proto !== Object.prototype && proto !== null) return false
          const o = u as Record<string, unknown>
          for (const k in o) if (!value(o[k])) return false
          return true
        }
        break
      }
      if (ast.indexSignatures.length > 0) return undefined
      const props: Array<{ readonly name: string; readonly optional: boolean; readonly validate: Validate }> = []
      for (const ps of ast.propertySignatures) {
        const validate = interpret(ps.type)
        if (validate === undefined || typeof ps.name !== "string") return undefined
        props.push({ name: ps.name, optional: ps.type.context?.isOptional === true, validate })
      }
      base = (u) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) return false
        const o = u as Record<string, unknown>
        // Own named keys only, then a count of the keys `for in` sees: as many as were found means
        // none the schema does not name, and none inherited. (Checking each key against a set of
        // names cost a lookup per key: a rebuild validates every stored event.)
        let found = 0
        for (const p of props) {
          if (!Object.hasOwn(o, p.name)) {
            if (p.optional) continue
            return false
          }
          found++
          if (!p.validate(o[p.name])) return false
        }
        let keys = 0
        for (const _ in o) keys++
        return keys === found
      }
      break
    }
    case "Arrays": {
      // Required leading elements (a non-empty array has one) and one rest type.
      if (ast.rest.length !== 1 || ast.encodingChecks !== undefined) return undefined
      if (ast.elements.some((e) => e.context?.isOptional === true)) return undefined
      const elements = ast.elements.map(interpret)
      const item = interpret(ast.rest[0]!)
      if (item === undefined || elements.some((e) => e === undefined)) return undefined
      const heads = elements as Array<Validate>
      const max = maxItemsOf(ast) ?? Number.POSITIVE_INFINITY
      base = (u) => {
        if (!Array.isArray(u) || u.length < heads.length || u.length > max) return false
        // Exact here too: an array carrying a named property is not a plain JSON array.
        if (Object.keys(u).length !== u.length) return false
        for (let i = 0; i < u.length; i++) if (!(i < heads.length ? heads[i]! : item)(u[i])) return false
        return true
      }
      break
    }
    default:
      return undefined
  }
  const checks = checksOf(ast.checks, ast)
  if (checks.length === 0) return base
  const b = base
  return (u) => {
    if (!b(u)) return false
    for (const c of checks) if (!c(u)) return false
    return true
  }
}

/**
 * What a compiled decoder answers for a value that is not valid.
 *
 * @internal
 */
export const invalid: unique symbol = Symbol("invalid")

type Decode = (u: unknown) => unknown

// How a decoder treats a part of a value: a string, a number, a boolean or a literal (with their
// checks, or a union of them) is its own copy and only needs validating; an object or an array
// is rebuilt.
interface Part {
  readonly validate: Validate
  readonly decode: Decode | undefined
}

const rebuilt = (ast: SchemaAST.AST): boolean =>
  ast._tag === "Objects" || ast._tag === "Arrays" || (ast._tag === "Union" && ast.types.some(rebuilt))

const part = (ast: SchemaAST.AST): Part | undefined => {
  const validate = compile(ast)
  if (validate === undefined) return undefined
  if (!rebuilt(ast)) return { validate, decode: undefined }
  const decode = compileDecoder(ast)
  return decode === undefined ? undefined : { validate, decode }
}

/**
 * A decoder for an AST (of a schema without transformations): the value rebuilt from its own
 * fields as fresh objects and arrays when it is valid, {@link invalid} when it is not, or
 * `undefined` when the AST uses something not compiled here. It accepts exactly what
 * {@link compile} accepts.
 *
 * @internal
 */
export const compileDecoder = (ast: SchemaAST.AST): Decode | undefined => {
  if (ast.encoding !== undefined) return undefined
  let base: Decode
  switch (ast._tag) {
    case "Union": {
      const members = ast.types.map(part)
      if (members.some((m) => m === undefined)) return undefined
      const ms = members as Array<Part>
      base = (u) => {
        for (const m of ms) {
          if (m.decode === undefined) {
            if (m.validate(u)) return u
            continue
          }
          const out = m.decode(u)
          if (out !== invalid) return out
        }
        return invalid
      }
      break
    }
    case "Objects": {
      if (ast.indexSignatures.length > 0) return undefined
      const props: Array<{ readonly name: string; readonly optional: boolean; readonly part: Part }> = []
      for (const ps of ast.propertySignatures) {
        const p = part(ps.type)
        if (p === undefined || typeof ps.name !== "string") return undefined
        props.push({ name: ps.name, optional: ps.type.context?.isOptional === true, part: p })
      }
      base = (u) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) return invalid
        const o = u as Record<string, unknown>
        const out: Record<string, unknown> = {}
        let found = 0
        for (const p of props) {
          if (!Object.hasOwn(o, p.name)) {
            if (p.optional) continue
            return invalid
          }
          found++
          const v = o[p.name]
          const decode = p.part.decode
          if (decode === undefined) {
            if (!p.part.validate(v)) return invalid
            out[p.name] = v
          } else {
            const copy = decode(v)
            if (copy === invalid) return invalid
            out[p.name] = copy
          }
        }
        // As many keys as `for in` sees as own named ones were found: none the schema does not
        // name, none inherited.
        let keys = 0
        for (const _ in o) keys++
        return keys === found ? out : invalid
      }
      break
    }
    case "Arrays": {
      if (ast.rest.length !== 1 || ast.encodingChecks !== undefined) return undefined
      if (ast.elements.some((e) => e.context?.isOptional === true)) return undefined
      const elements = ast.elements.map(part)
      const item = part(ast.rest[0]!)
      if (item === undefined || elements.some((e) => e === undefined)) return undefined
      const heads = elements as Array<Part>
      const max = maxItemsOf(ast) ?? Number.POSITIVE_INFINITY
      base = (u) => {
        if (!Array.isArray(u) || u.length < heads.length || u.length > max) return invalid
        if (Object.keys(u).length !== u.length) return invalid
        // A plain array whatever the input's class (`slice` would keep a subclass).
        const out: Array<unknown> = []
        for (let i = 0; i < u.length; i++) {
          const p = i < heads.length ? heads[i]! : item
          const v: unknown = u[i]
          if (p.decode === undefined) {
            if (!p.validate(v)) return invalid
            out.push(v)
          } else {
            const copy = p.decode(v)
            if (copy === invalid) return invalid
            out.push(copy)
          }
        }
        return out
      }
      break
    }
    default: {
      const validate = compile(ast)
      if (validate === undefined) return undefined
      return (u) => (validate(u) ? u : invalid)
    }
  }
  // Checks of a struct or an array (a period's order, an array's limit) run on the copy.
  const checks = checksOf(ast.checks, ast)
  if (checks.length === 0) return base
  const b = base
  return (u) => {
    const out = b(u)
    if (out === invalid) return invalid
    for (const c of checks) if (!c(out)) return invalid
    return out
  }
}
