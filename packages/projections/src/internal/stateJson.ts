/**
 * The JSON form of a state, as PostgreSQL keeps it (`jsonb`): what JSON keeps, plus `Map`s,
 * `Set`s and `undefined`, written `{"$map": [[key, value], ...]}`, `{"$set": [...]}` and
 * `{"$undefined": true}`. A state's own object whose only key is `$map`, `$set`, `$undefined` or
 * `$obj` is wrapped in `{"$obj": ...}`, so that it never reads back as anything else.
 *
 * `undefined` is kept, not refused: read models hold `field: T | undefined` on purpose (one shape
 * per record, which keeps folds fast), and JSON would drop such a key, or write `null` in a list.
 *
 * Both ways return the value or a `Problem` (where, and what): neither throws, whatever it is
 * given. Encoding refuses what would not come back as it was; decoding refuses what encoding never
 * writes.
 *
 * @internal
 */

/** Where a value is (`$` is the state) and what is wrong with it. */
export interface Problem {
  readonly path: string
  readonly reason: string
}

/**
 * How deep a document may nest, in JSON levels (a Map entry takes three: `{"$map"`, the list, the
 * pair). Far above any read model's, far below what recursion or PostgreSQL would choke on.
 */
export const maxDepth = 512

// A path is kept as a stack of segments and printed only when something is wrong: a state of a
// million values makes no string on its way to the database.
type Segment = string | number | { readonly label: string }

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

const print = (path: ReadonlyArray<Segment>): string => {
  let out = "$"
  for (const s of path)
    out +=
      typeof s === "number"
        ? `[${s}]`
        : typeof s === "string"
          ? identifier.test(s)
            ? `.${s}`
            : `[${JSON.stringify(s)}]`
          : s.label
  return out
}

const describeKey = (k: unknown): string => {
  if (typeof k === "string") return JSON.stringify(k)
  if (typeof k === "number" || typeof k === "boolean" || k === null || k === undefined) return String(k)
  return typeof k
}

// jsonb refuses NUL, and a lone surrogate (JSON.stringify writes it as an escape PostgreSQL rejects).
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the two things looked for.
const suspect = /[\u0000\ud800-\udfff]/
const textProblem = (s: string): string | undefined => {
  if (!suspect.test(s)) return undefined
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0) return `a NUL character at ${i}`
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1)
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++
      else return `a lone surrogate at ${i}`
    }
  }
  return undefined
}

const isPlain = (o: object): boolean => {
  const proto = Object.getPrototypeOf(o)
  return proto === Object.prototype || proto === null
}

const single = (o: object): string | undefined => {
  const keys = Object.keys(o)
  return keys.length === 1 ? keys[0] : undefined
}

const isTag = (key: string | undefined): boolean =>
  key === "$map" || key === "$set" || key === "$obj" || key === "$undefined"

const undefinedJson = { $undefined: true }

// `o[key] = value` would set the prototype for `__proto__`: define it as the own key it was.
const put = (o: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === "__proto__")
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })
  else o[key] = value
}

class Refused {
  constructor(readonly reason: string) {}
}

const kindOf = (u: object): string => {
  if (u instanceof Date) return "a Date (keep dates as YYYY-MM-DD strings)"
  const name = (Object.getPrototypeOf(u) as { readonly constructor?: { readonly name?: unknown } } | null)?.constructor
    ?.name
  return typeof name === "string" && name !== "" ? `an instance of ${name}` : "an object of a class"
}

/** A state as JSON, or where and why it cannot be. */
export const encode = (state: unknown): { readonly json: unknown } | Problem => {
  const path: Array<Segment> = []
  const go = (u: unknown, depth: number): unknown => {
    if (depth > maxDepth) throw new Refused(`values nested deeper than ${maxDepth} levels`)
    switch (typeof u) {
      case "string": {
        const problem = textProblem(u)
        if (problem !== undefined) throw new Refused(`a string with ${problem}`)
        return u
      }
      case "boolean":
        return u
      case "number":
        if (!Number.isFinite(u)) throw new Refused(String(u))
        return u
      case "undefined":
        return undefinedJson
      case "bigint":
      case "function":
      case "symbol":
        throw new Refused(`a ${typeof u}`)
    }
    if (u === null) return null
    const o = u as object
    if (Array.isArray(o)) {
      const out = new Array<unknown>(o.length)
      for (let i = 0; i < o.length; i++) {
        path.push(i)
        if (!(i in o)) throw new Refused("a hole (an array index never set)")
        out[i] = go(o[i], depth + 1)
        path.pop()
      }
      return out
    }
    if (o instanceof Map) {
      const out = new Array<unknown>(o.size)
      let i = 0
      for (const [k, v] of o) {
        path.push({ label: `.keys()[${i}]` })
        const key = go(k, depth + 3)
        path.pop()
        path.push({ label: `.get(${describeKey(k)})` })
        out[i++] = [key, go(v, depth + 3)]
        path.pop()
      }
      return { $map: out }
    }
    if (o instanceof Set) {
      const out = new Array<unknown>(o.size)
      let i = 0
      for (const v of o) {
        path.push({ label: `.values()[${i}]` })
        out[i++] = go(v, depth + 2)
        path.pop()
      }
      return { $set: out }
    }
    if (!isPlain(o)) throw new Refused(kindOf(o))
    const keys = Object.keys(o)
    const wrap = keys.length === 1 && isTag(keys[0])
    const out: Record<string, unknown> = {}
    for (const k of keys) {
      path.push(k)
      const problem = textProblem(k)
      if (problem !== undefined) throw new Refused(`a key with ${problem}`)
      put(out, k, go((o as Record<string, unknown>)[k], depth + (wrap ? 2 : 1)))
      path.pop()
    }
    return wrap ? { $obj: out } : out
  }
  if (state === undefined || state === null) return { path: "$", reason: `no state (${state})` }
  try {
    return { json: go(state, 1) }
  } catch (e) {
    if (e instanceof Refused) return { path: print(path), reason: e.reason }
    // A getter that throws, a proxy: still a refusal, never an exception.
    return { path: print(path), reason: `a value that cannot be read (${e instanceof Error ? e.message : typeof e})` }
  }
}

/** A state from its JSON, or where and why the JSON is not one that `encode` writes. */
export const decode = (json: unknown): { readonly state: unknown } | Problem => {
  const path: Array<Segment> = []
  const go = (u: unknown, depth: number): unknown => {
    if (depth > maxDepth) throw new Refused(`values nested deeper than ${maxDepth} levels`)
    switch (typeof u) {
      case "string":
      case "boolean":
        return u
      case "number":
        if (!Number.isFinite(u)) throw new Refused(`a number JSON does not have (${u})`)
        return u
      case "object":
        break
      default:
        throw new Refused(`a ${typeof u}, which JSON does not have`)
    }
    if (u === null) return null
    const o = u as object
    if (Array.isArray(o)) {
      const out = new Array<unknown>(o.length)
      for (let i = 0; i < o.length; i++) {
        path.push(i)
        out[i] = go(o[i], depth + 1)
        path.pop()
      }
      return out
    }
    if (!isPlain(o)) throw new Refused(`${kindOf(o)}, which JSON does not have`)
    const tag = single(o)
    if (tag === "$map") {
      const entries = (o as { readonly $map: unknown }).$map
      path.push("$map")
      if (!Array.isArray(entries)) throw new Refused("a $map that is not a list")
      const out = new Map<unknown, unknown>()
      for (let i = 0; i < entries.length; i++) {
        path.push(i)
        const entry: unknown = entries[i]
        if (!Array.isArray(entry) || entry.length !== 2)
          throw new Refused("a $map entry that is not a [key, value] pair")
        path.push(0)
        const key = go(entry[0], depth + 3)
        path.pop()
        path.push(1)
        out.set(key, go(entry[1], depth + 3))
        path.pop()
        path.pop()
      }
      path.pop()
      return out
    }
    if (tag === "$set") {
      const values = (o as { readonly $set: unknown }).$set
      path.push("$set")
      if (!Array.isArray(values)) throw new Refused("a $set that is not a list")
      const out = new Set<unknown>()
      for (let i = 0; i < values.length; i++) {
        path.push(i)
        out.add(go(values[i], depth + 2))
        path.pop()
      }
      path.pop()
      return out
    }
    if (tag === "$undefined") {
      if ((o as { readonly $undefined: unknown }).$undefined !== true) {
        path.push("$undefined")
        throw new Refused("an $undefined that is not true")
      }
      return undefined
    }
    let fields = o as Record<string, unknown>
    let inner = 1
    if (tag === "$obj") {
      const wrapped = (o as { readonly $obj: unknown }).$obj
      path.push("$obj")
      if (typeof wrapped !== "object" || wrapped === null || Array.isArray(wrapped) || !isPlain(wrapped))
        throw new Refused("an $obj that is not an object")
      // Only an object that would read as a tag is wrapped.
      if (!isTag(single(wrapped))) throw new Refused("an $obj around an object that needs no wrapping")
      path.pop()
      fields = wrapped as Record<string, unknown>
      inner = 2
    }
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(fields)) {
      path.push(k)
      put(out, k, go(fields[k], depth + inner))
      path.pop()
    }
    return out
  }
  if (json === undefined || json === null) return { path: "$", reason: `no state (${json})` }
  try {
    return { state: go(json, 1) }
  } catch (e) {
    if (e instanceof Refused) return { path: print(path), reason: e.reason }
    return { path: print(path), reason: `a value that cannot be read (${e instanceof Error ? e.message : typeof e})` }
  }
}

/** A document as the database hands it over as text, parsed and decoded. */
export const decodeText = (text: unknown): { readonly state: unknown } | Problem => {
  if (typeof text !== "string") return { path: "$", reason: `a ${typeof text} where JSON text was expected` }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { path: "$", reason: `text that is not JSON (${e instanceof Error ? e.message : "unreadable"})` }
  }
  return decode(json)
}
