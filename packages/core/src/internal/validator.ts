/**
 * Validators compiled from schemas: a plain function per schema that answers "is this value
 * valid?" with the schema's own checks, without the machinery that builds a decoded value and its
 * issues. Stored events are read millions of times in rebuilds; the full decoder stays the
 * reference and the fallback: it runs when a value does not validate, to say why.
 *
 * Validators are exact: an object with a key its schema does not name is not valid here (the
 * decoders then decide, refusing it for commands, dropping the key for stored events).
 *
 * Only what the domain's schemas use is compiled (strings, numbers, booleans, literals, unions,
 * structs, arrays, with their checks); anything else answers `undefined` and the caller keeps
 * the full decoder. A test holds the compiled validators to `Schema.is` on generated values.
 *
 * @internal
 */
import type { SchemaAST } from "effect"

type Validate = (u: unknown) => boolean

const options = {} as SchemaAST.ParseOptions

const checksOf = (checks: SchemaAST.Checks | undefined, ast: SchemaAST.AST): Array<(u: unknown) => boolean> => {
  const out: Array<(u: unknown) => boolean> = []
  const add = (c: SchemaAST.Check<unknown>) => {
    // A check may carry the same test as a plain predicate (annotation "thidua/holds"): ids and
    // dates do, by char codes, twice as fast as their RegExp. Tests hold each to its check.
    const holds = (c.annotations as Record<string, unknown> | undefined)?.["thidua/holds"]
    if (typeof holds === "function") {
      out.push(holds as (u: unknown) => boolean)
      return
    }
    if (c._tag === "FilterGroup") {
      for (const inner of c.checks) add(inner)
      return
    }
    // A pattern check is a RegExp test; running it directly skips the filter's result plumbing.
    const representation = (
      c.annotations as { readonly representation?: { readonly id?: string; readonly payload?: unknown } } | undefined
    )?.representation
    if (representation?.id === "effect/schema/isPattern") {
      const { source, flags } = representation.payload as { readonly source: string; readonly flags: string }
      const re = new RegExp(source, flags.replace(/[gy]/g, ""))
      out.push((u) => typeof u === "string" && re.test(u))
      return
    }
    out.push((u) => c.run(u, ast, options) === undefined)
  }
  for (const c of checks ?? []) add(c)
  return out
}

/** A validator for an AST, or `undefined` when it uses something not compiled here. @internal */
export const compile = (ast: SchemaAST.AST): Validate | undefined => {
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
    case "Literal": {
      const literal = ast.literal
      base = (u) => u === literal
      break
    }
    case "Union": {
      const members = ast.types.map(compile)
      if (members.some((m) => m === undefined)) return undefined
      const ms = members as Array<Validate>
      base = (u) => {
        for (const m of ms) if (m(u)) return true
        return false
      }
      break
    }
    case "Objects": {
      if (ast.indexSignatures.length > 0) return undefined
      const props: Array<{ readonly name: string; readonly optional: boolean; readonly validate: Validate }> = []
      for (const ps of ast.propertySignatures) {
        const validate = compile(ps.type)
        if (validate === undefined || typeof ps.name !== "string") return undefined
        props.push({ name: ps.name, optional: ps.type.context?.isOptional === true, validate })
      }
      base = (u) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) return false
        const o = u as Record<string, unknown>
        // One read per named key (`in` only for an undefined value), then a count of the keys:
        // as many as were found means none the schema does not name. (Checking each key against
        // a set of names cost a lookup per key: a rebuild validates every stored event.)
        let found = 0
        for (const p of props) {
          const v = o[p.name]
          if (v === undefined && !Object.hasOwn(o, p.name)) {
            if (p.optional) continue
            return false
          }
          found++
          if (!p.validate(v)) return false
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
      const elements = ast.elements.map(compile)
      const item = compile(ast.rest[0]!)
      if (item === undefined || elements.some((e) => e === undefined)) return undefined
      const heads = elements as Array<Validate>
      base = (u) => {
        if (!Array.isArray(u) || u.length < heads.length) return false
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
