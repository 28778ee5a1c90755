/**
 * Reading a command's body: JSON only, up to a size, valid UTF-8, an object, and no NUL character
 * anywhere in it. Everything is checked before the engine sees the command; a body refused here
 * changes nothing.
 *
 * @internal
 */
import { Effect, Stream } from "effect"
import type { HttpServerRequest } from "effect/http"
import { BodyTooLarge, InvalidBody, UnsupportedMediaType } from "../HttpError.js"

/** The default limit of a command's body: 1 MiB. @internal */
export const defaultMaxBodyBytes = 1_048_576

// `application/json`, parameters aside (`; charset=utf-8`), or a `+json` type of it.
const isJson = (contentType: string): boolean => {
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase()
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

const utf8 = new TextDecoder("utf-8", { fatal: true })

// The first string (key or value) holding U+0000, walked without recursion so that a deeply
// nested body cannot overflow the stack.
const nulAt = (root: unknown): string | undefined => {
  const stack: Array<{ readonly value: unknown; readonly path: string }> = [{ value: root, path: "" }]
  while (stack.length > 0) {
    const { value, path } = stack.pop()!
    if (typeof value === "string") {
      if (value.includes("\u0000")) return path === "" ? "(the body)" : path
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: `${path}[${i}]` })
    } else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        const at = path === "" ? k : `${path}.${k}`
        if (k.includes("\u0000")) return at
        stack.push({ value: v, path: at })
      }
    }
  }
  return undefined
}

/** The body as a JSON object, or the reason it is refused. @internal */
export const readJsonObject = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Record<string, unknown>, UnsupportedMediaType | BodyTooLarge | InvalidBody | unknown> =>
  Effect.gen(function* () {
    const contentType = request.headers["content-type"] ?? ""
    if (!isJson(contentType)) return yield* new UnsupportedMediaType({ contentType: contentType.slice(0, 100) })
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
