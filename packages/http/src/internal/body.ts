/**
 * Reading a command's body: JSON only, not compressed, up to a size, valid UTF-8, nested at most
 * `maxDepth` deep, an object, and no NUL character anywhere in it. Everything is checked before
 * the engine sees the command; a body refused here changes nothing.
 *
 * @internal
 */
import { Effect, Stream } from "effect"
import type { HttpServerRequest } from "effect/http"
import { BodyTooLarge, InvalidBody, UnsupportedMediaType } from "../HttpError.js"
import { clip } from "./clip.js"

/** The default limit of a command's body: 1 MiB. @internal */
export const defaultMaxBodyBytes = 1_048_576

// `application/json`, parameters aside (`; charset=utf-8`), or a `+json` type of it.
const isJson = (contentType: string): boolean => {
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase()
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

const utf8 = new TextDecoder("utf-8", { fatal: true })

/** How deep a body may nest objects and arrays; a command needs a handful of levels. @internal */
export const maxDepth = 64

// Whether the text nests deeper than `maxDepth`, in one pass over it, outside strings. Checked
// before JSON.parse: a body nested 500,000 deep costs the parser seconds of the event loop.
const tooDeep = (text: string): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // a backslash: the next character is escaped, whatever it is
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

interface Visit {
  readonly value: unknown
  readonly parent: Visit | undefined
  readonly key: string | number | undefined
}

// A location such as `sectors[0].title`, built only for the one string that is reported.
const pathOf = (visit: Visit): string => {
  const parts: Array<string> = []
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent)
    parts.push(typeof v.key === "number" ? `[${v.key}]` : v.parent?.key === undefined ? v.key : `.${v.key}`)
  return parts.length === 0 ? "(the body)" : clip(parts.reverse().join(""))
}

// The first string (key or value) holding U+0000, walked without recursion.
const nulAt = (root: unknown): string | undefined => {
  const stack: Array<Visit> = [{ value: root, parent: undefined, key: undefined }]
  while (stack.length > 0) {
    const visit = stack.pop()!
    const value = visit.value
    if (typeof value === "string") {
      if (value.includes("\u0000")) return pathOf(visit)
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], parent: visit, key: i })
    } else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        const child = { value: v, parent: visit, key: k }
        if (k.includes("\u0000")) return pathOf(child)
        stack.push(child)
      }
    }
  }
  return undefined
}

// `identity` or nothing: a compressed body is refused, not guessed at (the server does not
// inflate bodies, and reading gzip bytes as JSON would only fail later, less clearly).
const isIdentity = (encoding: string | undefined): boolean =>
  encoding === undefined || encoding.trim() === "" || encoding.trim().toLowerCase() === "identity"

/** The body as a JSON object, or the reason it is refused. @internal */
export const readJsonObject = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Record<string, unknown>, UnsupportedMediaType | BodyTooLarge | InvalidBody | unknown> =>
  Effect.gen(function* () {
    const contentType = request.headers["content-type"] ?? ""
    if (!isJson(contentType)) return yield* new UnsupportedMediaType({ contentType: clip(contentType) })
    const encoding = request.headers["content-encoding"]
    if (!isIdentity(encoding))
      return yield* new UnsupportedMediaType({ contentType: clip(contentType), contentEncoding: clip(encoding ?? "") })
    const declared = Number(request.headers["content-length"])
    if (Number.isFinite(declared) && declared > maxBytes) return yield* new BodyTooLarge({ max: maxBytes })
    // Counted as it arrives: a chunked body without a length stops being read at the limit.
    const chunks: Array<Uint8Array> = []
    let size = 0
    yield* Stream.runForEach(request.stream, (chunk) => {
      size += chunk.length
      if (size > maxBytes) return Effect.fail(new BodyTooLarge({ max: maxBytes }))
      chunks.push(chunk)
      return Effect.void
    })
    const bytes = Buffer.concat(chunks, size)
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      return yield* new InvalidBody({ problem: "not-utf8" })
    }
    if (text.trim() === "") return yield* new InvalidBody({ problem: "empty" })
    if (tooDeep(text)) return yield* new InvalidBody({ problem: "too-deep", max: maxDepth })
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return yield* new InvalidBody({ problem: "not-json" })
    }
    if (typeof json !== "object" || json === null || Array.isArray(json))
      return yield* new InvalidBody({ problem: "not-object" })
    const nul = nulAt(json)
    if (nul !== undefined) return yield* new InvalidBody({ problem: "nul", at: nul })
    return json as Record<string, unknown>
  })
