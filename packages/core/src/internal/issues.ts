/**
 * The problems of a value that did not decode, in both languages: a schema's issue tree flattened
 * to one entry per problem, with its path as a host prints it (`sectors[0].contents[1].title`).
 * The English message is the one Effect's formatter writes; the Vietnamese one is said per kind of
 * problem (a missing field, a field not allowed, a wrong type, a check that failed), or taken from
 * the check's "thidua/vi" annotation.
 *
 * @internal
 */
import type { SchemaAST } from "effect"
import { SchemaIssue } from "effect"
import type { Messages } from "../ThiDuaError.js"

/**
 * One problem of an input: where, and what, in English (`message`) and both languages.
 *
 * @internal
 */
export interface Problem {
  readonly path: string
  readonly message: string
  readonly messages: Messages
}

/** @internal */
export const problem = (path: string, en: string, vi: string): Problem => ({
  path,
  message: en,
  messages: { en, vi }
})

/**
 * A path as a host prints it: `actor.role`, `sectors[0].contents[1].title`; empty for the input
 * as a whole.
 *
 * @internal
 */
export const pathOf = (path: ReadonlyArray<PropertyKey>): string => {
  let out = ""
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`
    else out += out === "" ? String(segment) : `.${String(segment)}`
  }
  return out
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()
// The message Effect's formatter writes for a node with nothing inside it to descend into.
const english = (issue: SchemaIssue.Issue): string => formatter(issue).issues[0]?.message ?? "Invalid value"

const vi = (annotations: unknown): string | undefined => {
  const v = (annotations as { readonly "thidua/vi"?: unknown } | undefined)?.["thidua/vi"]
  return typeof v === "string" ? v : undefined
}

const show = (u: unknown): string => (typeof u === "string" ? `"${u}"` : String(u))

const literalsOf = (ast: SchemaAST.AST): ReadonlyArray<unknown> | undefined => {
  if (ast._tag === "Literal") return [ast.literal]
  if (ast._tag !== "Union") return undefined
  const out: Array<unknown> = []
  for (const member of ast.types) {
    const inner = literalsOf(member)
    if (inner === undefined) return undefined
    out.push(...inner)
  }
  return out
}

// The tags of a union of tagged structs (a subject is a Unit or a Member).
const tagsOf = (ast: SchemaAST.AST): ReadonlyArray<unknown> | undefined => {
  if (ast._tag !== "Union") return undefined
  const out: Array<unknown> = []
  for (const member of ast.types) {
    if (member._tag !== "Objects") return undefined
    const tag = member.propertySignatures.find((p) => p.name === "_tag")?.type
    if (tag?._tag !== "Literal") return undefined
    out.push(tag.literal)
  }
  return out
}

const expectedVi = (ast: SchemaAST.AST): string => {
  const literals = literalsOf(ast)
  if (literals !== undefined)
    return literals.length === 1
      ? `phải là ${show(literals[0])}`
      : `phải là một trong các giá trị ${literals.map(show).join(", ")}`
  const tags = tagsOf(ast)
  if (tags !== undefined) return `phải là một đối tượng có _tag là một trong ${tags.map(show).join(", ")}`
  switch (ast._tag) {
    case "String":
      return "phải là một chuỗi ký tự"
    case "Number":
      return "phải là một số"
    case "Boolean":
      return "phải là true hoặc false"
    case "Objects":
      return "phải là một đối tượng JSON"
    case "Arrays":
      return "phải là một mảng JSON"
    default:
      return "có kiểu dữ liệu không đúng"
  }
}

const num = (payload: unknown, key: string): unknown => (payload as Record<string, unknown> | null)?.[key]

// A check that failed, in Vietnamese: its own "thidua/vi", else said from what it checks.
const filterVi = (issue: SchemaIssue.Filter): string => {
  const own =
    vi(issue.filter.annotations) ?? (issue.issue._tag === "InvalidValue" ? vi(issue.issue.annotations) : undefined)
  if (own !== undefined) return own
  const representation = issue.filter.annotations?.representation as
    | { readonly id?: string; readonly payload?: unknown }
    | undefined
  const payload = representation?.payload
  switch (representation?.id) {
    case "effect/schema/isMinLength":
      return num(payload, "minLength") === 1
        ? "không được để trống"
        : `phải có độ dài ít nhất ${String(num(payload, "minLength"))}`
    case "effect/schema/isMaxLength":
      return `phải có độ dài tối đa ${String(num(payload, "maxLength"))}`
    case "effect/schema/isInt":
      return "phải là một số nguyên"
    case "effect/schema/isFinite":
      return "phải là một số hữu hạn"
    case "effect/schema/isGreaterThanOrEqualTo":
      return `phải lớn hơn hoặc bằng ${String(num(payload, "minimum"))}`
    case "effect/schema/isBetween":
      return `phải nằm trong khoảng từ ${String(num(payload, "minimum"))} đến ${String(num(payload, "maximum"))}`
    case "effect/schema/isUnique":
      return "có phần tử trùng nhau"
    case "effect/schema/isPattern":
      return "không đúng định dạng"
    default:
      return "có giá trị không hợp lệ"
  }
}

const leafVi = (issue: SchemaIssue.Issue, path: ReadonlyArray<PropertyKey>): string => {
  switch (issue._tag) {
    case "MissingKey":
      return typeof path[path.length - 1] === "number" ? "bị thiếu: danh sách không được rỗng" : "bị thiếu"
    case "UnexpectedKey":
      return "không phải là một trường được phép"
    case "InvalidType":
      return expectedVi(issue.ast)
    case "InvalidValue":
      return vi(issue.annotations) ?? "có giá trị không hợp lệ"
    case "Forbidden":
      return "không được phép"
    case "OneOf":
      return "khớp với nhiều hơn một dạng được phép"
    case "AnyOf":
      return expectedVi(issue.ast)
    default:
      return "không hợp lệ"
  }
}

type Override = { readonly en: string; readonly vi: string } | undefined

// As Effect's formatter walks the tree (a failed check speaks for what is under it when its own
// message says it all), keeping the path of each problem.
const walk = (
  issue: SchemaIssue.Issue,
  path: ReadonlyArray<PropertyKey>,
  override: Override,
  out: Array<Problem>
): void => {
  switch (issue._tag) {
    case "Filter": {
      if (override === undefined) {
        const en =
          issue.issue._tag === "InvalidValue" ? english(issue) : (SchemaIssue.defaultCheckHook(issue) ?? undefined)
        if (en !== undefined) override = { en, vi: filterVi(issue) }
      }
      walk(issue.issue, path, override, out)
      return
    }
    case "Encoding":
      walk(issue.issue, path, override, out)
      return
    case "Pointer":
      walk(issue.issue, [...path, ...issue.path], override, out)
      return
    case "Composite":
      for (const inner of issue.issues) walk(inner, path, override, out)
      return
    case "AnyOf":
      if (issue.issues.length > 0) {
        for (const inner of issue.issues) walk(inner, path, override, out)
        return
      }
      break
  }
  const at = pathOf(path)
  out.push(
    override === undefined ? problem(at, english(issue), leafVi(issue, path)) : problem(at, override.en, override.vi)
  )
}

/**
 * Every problem in an issue tree, in order.
 *
 * @internal
 */
export const problems = (issue: SchemaIssue.Issue): Array<Problem> => {
  const out: Array<Problem> = []
  walk(issue, [], undefined, out)
  return out
}
