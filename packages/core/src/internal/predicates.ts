/**
 * A schema's checks as plain predicates, for the compiled validators (`validator.ts`) and the
 * generated ones (`generate.ts`): a check's own plain predicate when it carries one (annotation
 * "thidua/holds"), a RegExp run directly for a pattern, a comparison for Effect's number checks,
 * and the check's filter otherwise.
 *
 * @internal
 */
import type { SchemaAST } from "effect"

type Predicate = (u: unknown) => boolean

const options = {} as SchemaAST.ParseOptions

interface Representation {
  readonly id?: string
  readonly payload?: unknown
}

const representationOf = (c: SchemaAST.Check<unknown>): Representation | undefined =>
  (c.annotations as { readonly representation?: Representation } | undefined)?.representation

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x)

// Effect's number checks, as comparisons. They answer as the checks do (which compare with
// `Order.Number`: NaN below every number, so NaN fails every lower bound), and run on numbers only
// (the base type is tested first). A test holds each to its check on any double.
const numberCheck = (r: Representation): Predicate | undefined => {
  const p = r.payload as
    | {
        readonly minimum?: unknown
        readonly maximum?: unknown
        readonly exclusiveMinimum?: unknown
        readonly exclusiveMaximum?: unknown
      }
    | null
    | undefined
  switch (r.id) {
    case "effect/schema/isFinite":
      return (u) => Number.isFinite(u)
    case "effect/schema/isInt":
      return (u) => Number.isSafeInteger(u)
    case "effect/schema/isGreaterThanOrEqualTo": {
      const min = p?.minimum
      if (!finite(min)) return undefined
      return (u) => (u as number) >= min
    }
    case "effect/schema/isBetween": {
      const min = p?.minimum
      const max = p?.maximum
      if (!finite(min) || !finite(max)) return undefined
      const exMin = p?.exclusiveMinimum === true
      const exMax = p?.exclusiveMaximum === true
      if (exMin || exMax)
        return (u) =>
          (exMin ? (u as number) > min : (u as number) >= min) && (exMax ? (u as number) < max : (u as number) <= max)
      return (u) => (u as number) >= min && (u as number) <= max
    }
    default:
      return undefined
  }
}

/**
 * The checks of an AST node as plain predicates, in order. They run after the node's base type
 * was tested (a string check is given strings).
 *
 * @internal
 */
export const checksOf = (checks: SchemaAST.Checks | undefined, ast: SchemaAST.AST): Array<Predicate> => {
  const out: Array<Predicate> = []
  const add = (c: SchemaAST.Check<unknown>) => {
    // A check may carry the same test as a plain predicate (annotation "thidua/holds"): ids and
    // dates do, by char codes, twice as fast as their RegExp. Tests hold each to its check.
    const holds = (c.annotations as Record<string, unknown> | undefined)?.["thidua/holds"]
    if (typeof holds === "function") {
      out.push(holds as Predicate)
      return
    }
    if (c._tag === "FilterGroup") {
      for (const inner of c.checks) add(inner)
      return
    }
    const representation = representationOf(c)
    // A pattern check is a RegExp test; running it directly skips the filter's result plumbing.
    if (representation?.id === "effect/schema/isPattern") {
      const { source, flags } = representation.payload as { readonly source: string; readonly flags: string }
      const re = new RegExp(source, flags.replace(/[gy]/g, ""))
      out.push((u) => typeof u === "string" && re.test(u))
      return
    }
    const compared = representation === undefined || ast._tag !== "Number" ? undefined : numberCheck(representation)
    if (compared !== undefined) {
      out.push(compared)
      return
    }
    out.push((u) => c.run(u, ast, options) === undefined)
  }
  for (const c of checks ?? []) add(c)
  return out
}

/**
 * The most items an array's checks allow (`Schema.isMaxLength`), if they bound it: validators and
 * decoders refuse a longer array before they read a single item of it.
 *
 * @internal
 */
export const maxItemsOf = (ast: SchemaAST.AST): number | undefined => {
  let max: number | undefined
  for (const c of ast.checks ?? []) {
    const representation = representationOf(c)
    if (representation?.id !== "effect/schema/isMaxLength") continue
    const n = (representation.payload as { readonly maxLength?: unknown } | null)?.maxLength
    if (typeof n === "number") max = max === undefined ? n : Math.min(max, n)
  }
  return max
}
