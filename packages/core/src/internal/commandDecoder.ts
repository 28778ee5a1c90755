/**
 * How commands are decoded: the exact decoder compiled from each type's schema first (it
 * validates and copies in one walk), and only for an input it refused, the checks that name what
 * is wrong: an array over its limit, the schema's own issues, or data that is not plain JSON.
 *
 * @internal
 */
import { Result, Schema } from "effect"
import { compileGuard } from "./guard.js"
import { type Problem, pathOf, problem, problems } from "./issues.js"
import { compileDecoder, invalid } from "./validator.js"

// Where an input the schema accepts is still not plain data, which the exact decoder refuses: an
// object with a prototype of its own, a field inherited or not enumerable, an array with a named
// property. Only runs for an input the exact decoder refused; as deep as any command goes.

const notPlain = (u: unknown, path: Array<PropertyKey>, depth: number): Problem | undefined => {
  if (typeof u !== "object" || u === null || depth > 16) return undefined
  const array = Array.isArray(u)
  const proto = Object.getPrototypeOf(u)
  if (array ? proto !== Array.prototype : proto !== Object.prototype && proto !== null)
    return problem(
      pathOf(path),
      "Expected plain JSON data, got an object with a prototype of its own",
      "phải là dữ liệu JSON thuần, không phải một đối tượng có prototype riêng"
    )
  const at = (key: string) => [...path, array && /^\d+$/.test(key) ? Number(key) : key]
  for (const key in u)
    if (!Object.hasOwn(u, key))
      return problem(
        pathOf(at(key)),
        "Expected a field of the object itself, got one inherited from its prototype",
        "được kế thừa từ prototype, không phải trường của chính đối tượng"
      )
  const own = Object.getOwnPropertyNames(u)
  const visible = Object.keys(u)
  if (own.length !== visible.length + (array ? 1 : 0)) {
    const hidden = own.find((k) => !visible.includes(k) && !(array && k === "length")) ?? ""
    return problem(
      pathOf([...path, hidden]),
      "Expected an enumerable field, got one hidden from JSON",
      "là trường ẩn (không liệt kê được), không có trong JSON"
    )
  }
  if (array && visible.length !== u.length)
    return problem(
      pathOf(path),
      "Expected a JSON array, got one with holes or named properties",
      "phải là một mảng JSON, không có chỗ trống hay thuộc tính có tên"
    )
  for (const key of visible) {
    const inner = notPlain((u as Record<string, unknown>)[key], at(key), depth + 1)
    if (inner !== undefined) return inner
  }
  return undefined
}

const notPlainData = problem("", "Expected plain JSON data", "lệnh phải là dữ liệu JSON thuần")

// A union reports "none of the members matched"; decoding with the member the tag names reports
// the field that is wrong instead.

/** A decoder of commands over the schemas of their types, with the error it refuses with. @internal */
export const decoder = <E>(
  schemas: Readonly<Record<string, Schema.Decoder<unknown>>>,
  toError: (issues: ReadonlyArray<Problem>) => E
) => {
  const fail = (path: string, en: string, vi: string) => Result.fail(toError([problem(path, en, vi)]))
  // Per type: the exact decoder compiled from the schema, which validates and copies in one walk
  // (commands have no transformations); then, only to name what is wrong, the guard that finds an
  // array over its limit without reading its items, and the full decoder.
  const kinds = new Map(
    Object.entries(schemas).map(([tag, schema]) => {
      const exact = compileDecoder(schema.ast)
      if (exact === undefined) throw new Error(`the schema of ${tag} does not compile`)
      return [
        tag,
        {
          exact,
          guard: compileGuard(schema.ast),
          full: Schema.decodeUnknownResult(schema, { errors: "all", onExcessProperty: "error" })
        }
      ]
    })
  )
  const tags = [...kinds.keys()].join(", ")
  return (input: unknown): Result.Result<unknown, E> => {
    if (typeof input !== "object" || input === null || Array.isArray(input))
      return fail("", "a command is a JSON object", "lệnh phải là một đối tượng JSON")
    try {
      const tag = (input as { readonly _tag?: unknown })._tag
      const kind = typeof tag === "string" ? kinds.get(tag) : undefined
      if (kind === undefined) return fail("_tag", `Expected one of ${tags}`, `phải là một loại lệnh đã biết: ${tags}`)
      const decoded = kind.exact(input)
      if (decoded !== invalid) return Result.succeed(decoded)
      const over = kind.guard?.(input, [])
      if (over !== undefined) return Result.fail(toError([over]))
      const full = kind.full(input)
      if (Result.isFailure(full)) return Result.fail(toError(problems(full.failure.issue)))
      // The schema reads inherited and hidden fields; the exact decoder does not, and says no.
      return Result.fail(toError([notPlain(input, [], 0) ?? notPlainData]))
    } catch (e) {
      // A getter or a proxy that throws: the input is not data.
      const reason = e instanceof Error ? e.message : String(e)
      return fail(
        "",
        `Expected plain JSON data, reading the input threw: ${reason}`,
        `lệnh phải là dữ liệu JSON thuần; đọc dữ liệu bị lỗi: ${reason}`
      )
    }
  }
}
