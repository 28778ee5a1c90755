/**
 * Arrays over their limit, found before a value is decoded. The full decoder of a schema reads
 * every item of an array before it checks the array's length: for a command of 60,000 contents
 * that is a second of work to say "too many". Decoders run this guard first, on the slow path
 * only (an input the exact decoder refused), and answer with the limit at once.
 *
 * @internal
 */
import type { SchemaAST } from "effect"
import { type Problem, pathOf, problem } from "./issues.js"
import { maxItemsOf } from "./validator.js"

type Guard = (u: unknown, path: ReadonlyArray<PropertyKey>) => Problem | undefined

// What the array's limit check says when it fails, in both languages.
const saysOf = (ast: SchemaAST.AST, max: number): { readonly en: string; readonly vi: string } => {
  for (const c of ast.checks ?? []) {
    const a = c.annotations as Record<string, unknown> | undefined
    const representation = a?.representation as { readonly id?: string } | undefined
    if (representation?.id !== "effect/schema/isMaxLength") continue
    return {
      en: typeof a?.message === "string" ? a.message : `Expected at most ${max} items`,
      vi: typeof a?.["thidua/vi"] === "string" ? (a["thidua/vi"] as string) : `có quá nhiều phần tử: tối đa ${max}`
    }
  }
  return { en: `Expected at most ${max} items`, vi: `có quá nhiều phần tử: tối đa ${max}` }
}

/**
 * A guard for an AST: the first array over its limit in a value, or `undefined` when there is none
 * (or when the AST bounds no array).
 *
 * @internal
 */
export const compileGuard = (ast: SchemaAST.AST): Guard | undefined => {
  switch (ast._tag) {
    case "Objects": {
      const props: Array<{ readonly name: string; readonly guard: Guard }> = []
      for (const ps of ast.propertySignatures) {
        const guard = compileGuard(ps.type)
        if (guard !== undefined && typeof ps.name === "string") props.push({ name: ps.name, guard })
      }
      if (props.length === 0) return undefined
      return (u, path) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) return undefined
        for (const p of props) {
          if (!Object.hasOwn(u, p.name)) continue
          const found = p.guard((u as Record<string, unknown>)[p.name], [...path, p.name])
          if (found !== undefined) return found
        }
        return undefined
      }
    }
    case "Arrays": {
      const max = maxItemsOf(ast)
      const rest = ast.rest[0]
      const item = rest === undefined ? undefined : compileGuard(rest)
      if (max === undefined && item === undefined) return undefined
      const says = max === undefined ? undefined : saysOf(ast, max)
      return (u, path) => {
        if (!Array.isArray(u)) return undefined
        if (max !== undefined && says !== undefined && u.length > max) return problem(pathOf(path), says.en, says.vi)
        if (item !== undefined)
          for (let i = 0; i < u.length; i++) {
            const found = item(u[i], [...path, i])
            if (found !== undefined) return found
          }
        return undefined
      }
    }
    default:
      return undefined
  }
}
