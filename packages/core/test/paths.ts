/**
 * Walking plain values by path, for the decode tests: every place of a command or an event, and a
 * copy with one place changed.
 */

/** A place in a value: keys and indexes from the root. */
export type Path = ReadonlyArray<string | number>

/** A path as decode errors print it: `sectors[0].contents[1].title`. */
export const print = (path: Path): string => {
  let out = ""
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`
    else out += out === "" ? segment : `.${segment}`
  }
  return out
}

/** Every place of a value (the root excluded), parents before their children. */
export const places = (value: unknown, path: Path = []): Array<{ readonly path: Path; readonly value: unknown }> => {
  if (typeof value !== "object" || value === null) return []
  const out: Array<{ readonly path: Path; readonly value: unknown }> = []
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value)
  for (const [key, v] of entries) {
    const at = [...path, key]
    out.push({ path: at, value: v })
    out.push(...places(v, at))
  }
  return out
}

/** The places holding a string, `_tag`s left out (a tag is a literal, not text). */
export const stringPlaces = (value: unknown): Array<{ readonly path: Path; readonly value: string }> =>
  places(value).flatMap((p) =>
    typeof p.value === "string" && p.path[p.path.length - 1] !== "_tag" ? [{ path: p.path, value: p.value }] : []
  )

/** The value at a path. */
export const get = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value)

/** A deep copy of a plain value with the value at `path` replaced. */
export const setAt = <A>(value: A, path: Path, replacement: unknown): A => {
  const copy = structuredClone(value)
  if (path.length === 0) return replacement as A
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>
  parent[path[path.length - 1]!] = replacement
  return copy
}
