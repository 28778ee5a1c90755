/**
 * What every write path of every store checks before it writes (appends, bulk imports, inline
 * projections through the append): one bad write must never brick a stream, so nothing a reader
 * could not read back gets in.
 *
 * - **Keys** (tenant, stream, event id, command id): 1 to `Limits.keyLength` characters, no control
 *   character, no lone surrogate (PostgreSQL would turn it into U+FFFD and merge two ids).
 * - **Payloads**: JSON values only (plain objects, arrays, strings, finite numbers, booleans,
 *   null; no `undefined`, `NaN`, `Date` or class instance that `JSON.stringify` would silently
 *   change), no NUL and no lone surrogate in any string or key (`jsonb` refuses them), at most
 *   `Limits.depth` deep, `Limits.eventBytes` each and `Limits.appendBytes` together.
 * - **Domain events**: a type of the catalogue, at a schema version the upcasters can read, with
 *   a payload its schema accepts; in a `campaign:` stream only campaign events, in an `org:` stream
 *   only directory events, in a `process:` stream only process events.
 * - **Foreign events** (types outside the catalogue) are refused unless the store is built with
 *   `foreignTypes` naming them: the one escape hatch, for hosts that keep events of their own
 *   beside the domain's. Their payloads are still checked as payloads.
 *
 * @since 0.2.0
 */
import { Event, Stream, Upcast } from "@thidua/core"
import { Result } from "effect"
import * as Limits from "./Limits.js"
import type { AppendMetadata, NewEvent } from "./Recorded.js"
import { InvalidInput, LimitExceeded } from "./StoreError.js"

/**
 * How a store validates what it writes.
 *
 * @since 0.2.0
 */
export interface Options {
  /**
   * Event types outside the domain catalogue that the store accepts (their payloads are checked
   * as JSON, for text PostgreSQL can store, and for size; nothing else). None by default.
   */
  readonly foreignTypes?: Iterable<string>
}

/** A write refused before it reached the store. @since 0.2.0 */
export type Refusal = InvalidInput | LimitExceeded

// The column holding it is a PostgreSQL integer.
const maxSchemaVersion = 2_147_483_647

const campaignTypes: ReadonlySet<string> = new Set(Event.CampaignEvent.members.map((m) => m.fields._tag.schema.literal))
const directoryTypes: ReadonlySet<string> = new Set(
  Event.DirectoryEvent.members.map((m) => m.fields._tag.schema.literal)
)
const processTypes: ReadonlySet<string> = new Set(Event.ProcessEvent.members.map((m) => m.fields._tag.schema.literal))
const domainTypes: ReadonlySet<string> = new Set([...campaignTypes, ...directoryTypes, ...processTypes])

/**
 * Why a key cannot be stored, or `undefined` when it can.
 *
 * @example
 * ```ts
 * import { Validation } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.equal(Validation.keyProblem("campaign:hm-2020"), undefined)
 * assert.equal(Validation.keyProblem("a\u0000b"), "holds a control character at 1")
 * assert.equal(Validation.keyProblem("\ud800"), "holds a lone surrogate at 0")
 * ```
 *
 * @since 0.2.0
 */
export const keyProblem = (key: unknown): string | undefined => {
  if (typeof key !== "string") return "is not a string"
  if (key.length === 0) return "is empty"
  if (key.length > Limits.keyLength) return `is longer than ${Limits.keyLength} characters`
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return `holds a control character at ${i}`
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = key.charCodeAt(i + 1)
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++
      else return `holds a lone surrogate at ${i}`
    }
  }
  return undefined
}

/**
 * An expected version as the stores take it (a non-negative safe integer, `"no-stream"`,
 * `"stream-exists"` or `"any"`), or the `InvalidInput` that says it is not one.
 *
 * @example
 * ```ts
 * import { Validation } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.equal(Validation.checkExpected(3), undefined)
 * assert.equal(Validation.checkExpected(-1)?.field, "expected")
 * assert.equal(Validation.checkExpected("latest" as never)?.field, "expected")
 * ```
 *
 * @since 0.2.0
 */
export const checkExpected = (expected: unknown): InvalidInput | undefined =>
  (typeof expected === "number" && Number.isSafeInteger(expected) && expected >= 0) ||
  expected === "no-stream" ||
  expected === "stream-exists" ||
  expected === "any"
    ? undefined
    : new InvalidInput({
        field: "expected",
        reason: `is ${JSON.stringify(expected) ?? String(expected)}, not a version, "no-stream", "stream-exists" or "any"`
      })

/**
 * A key as the store takes it, or the `InvalidInput` that names the field.
 *
 * @since 0.2.0
 */
export const checkKey = (field: string, key: unknown): InvalidInput | undefined => {
  const problem = keyProblem(key)
  return problem === undefined ? undefined : new InvalidInput({ field, reason: problem })
}

// A string's size in JSON (quotes and escapes included), or -1 - i for a NUL or a lone surrogate at i.
const stringBytes = (s: string): number => {
  let n = 2
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x20 && c < 0x80) n += c === 0x22 || c === 0x5c ? 2 : 1
    else if (c < 0x20) {
      if (c === 0) return -1 - i
      n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6
    } else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1)
      if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return -1 - i
      n += 4
      i++
    } else n += 3
  }
  return n
}

// A number's size as PostgreSQL prints it from jsonb: in full, without an exponent (5e-324 is
// 0.000…0005, 326 characters), which is what a reader receives.
const numberBytes = (n: number): number => {
  const text = String(n)
  const e = text.indexOf("e")
  return e < 0 ? text.length : e + Math.abs(Number(text.slice(e + 1))) + 3
}

const textProblem = (s: string, at: number) =>
  s.charCodeAt(at) === 0 ? `holds a NUL character at ${at}` : `holds a lone surrogate at ${at}`

// Walks a payload once: what is not JSON, or text PostgreSQL cannot store, is refused with its
// path; otherwise its size as JSON. The path is built only on the way out of a failure.
class Walk {
  problem: { path: Array<string | number>; reason: string } | undefined = undefined

  fail(reason: string, key: string | number): number {
    this.problem = { path: [key], reason }
    return -1
  }

  value(v: unknown, depth: number): number {
    switch (typeof v) {
      case "string": {
        const n = stringBytes(v)
        if (n < 0) {
          this.problem = { path: [], reason: textProblem(v, -1 - n) }
          return -1
        }
        return n
      }
      case "number":
        if (!Number.isFinite(v)) {
          this.problem = { path: [], reason: `is ${v}, not a JSON number` }
          return -1
        }
        return numberBytes(v)
      case "boolean":
        return v ? 4 : 5
      case "object": {
        if (v === null) return 4
        if (depth >= Limits.depth) {
          this.problem = { path: [], reason: `is nested deeper than ${Limits.depth} levels` }
          return -1
        }
        if (Array.isArray(v)) {
          // An array of another kind, or with holes or properties of its own (a `toJSON`), is not
          // what JSON.stringify would write.
          if (Object.getPrototypeOf(v) !== Array.prototype || Object.keys(v).length !== v.length) {
            this.problem = { path: [], reason: "is an array with holes, extra properties or another prototype" }
            return -1
          }
          let n = 1 + Math.max(1, v.length)
          for (let i = 0; i < v.length; i++) {
            const m = this.value(v[i], depth + 1)
            if (m < 0) {
              this.problem!.path.unshift(i)
              return -1
            }
            n += m
          }
          return n
        }
        const proto = Object.getPrototypeOf(v)
        if (proto !== Object.prototype && proto !== null) {
          this.problem = { path: [], reason: "is not a plain object (a Date, a Map, a class instance)" }
          return -1
        }
        let n = 2
        let count = 0
        for (const key in v) {
          if (!Object.hasOwn(v, key)) continue
          const k = stringBytes(key)
          if (k < 0) return this.fail(`is a key that ${textProblem(key, -1 - k)}`, key)
          const item = (v as Record<string, unknown>)[key]
          if (item === undefined) return this.fail("is undefined, which JSON would drop", key)
          const m = this.value(item, depth + 1)
          if (m < 0) {
            this.problem!.path.unshift(key)
            return -1
          }
          n += k + 1 + m
          count++
        }
        return n + Math.max(0, count - 1)
      }
      default:
        this.problem = { path: [], reason: `is a ${typeof v}, not a JSON value` }
        return -1
    }
  }
}

const pathText = (base: string, path: ReadonlyArray<string | number>) =>
  path.reduce<string>(
    (acc, p) =>
      typeof p === "number"
        ? `${acc}[${p}]`
        : /^[A-Za-z_$][\w$]*$/.test(p)
          ? `${acc}.${p}`
          : `${acc}[${JSON.stringify(p)}]`,
    base
  )

/**
 * The size of a payload as JSON in UTF-8 bytes, or the `InvalidInput` that says what in it cannot
 * be stored (with its path under `field`).
 *
 * @example
 * ```ts
 * import { Validation } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.equal(Validation.payloadBytes("data", { title: "Thi đua" }), JSON.stringify({ title: "Thi đua" }).length + 1)
 * const refused = Validation.payloadBytes("data", { notes: ["ok", "a\u0000b"] })
 * assert.ok(typeof refused !== "number" && refused.field === "data.notes[1]")
 * ```
 *
 * @since 0.2.0
 */
export const payloadBytes = (field: string, value: unknown): number | InvalidInput => {
  const walk = new Walk()
  let n: number
  try {
    n = walk.value(value, 0)
  } catch (cause) {
    // A getter that throws, a revoked Proxy: what cannot be read cannot be stored.
    return new InvalidInput({
      field,
      reason: `cannot be read: ${cause instanceof Error ? cause.message : "it threw while being read"}`
    })
  }
  return n >= 0 ? n : new InvalidInput({ field: pathText(field, walk.problem!.path), reason: walk.problem!.reason })
}

/**
 * A validator for a store's writes.
 *
 * @since 0.2.0
 */
export interface Validator {
  /** What is wrong with an append, or `undefined` when it may be written. */
  readonly append: (
    tenantId: string,
    streamId: string,
    events: ReadonlyArray<NewEvent>,
    metadata: AppendMetadata | undefined
  ) => Refusal | undefined
  /** The same for one event of a stream (bulk import), with its size; `field` prefixes its paths. */
  readonly event: (streamId: string, event: NewEvent, field: string) => number | Refusal
}

// An event's name in a refusal: a field, or `events[i]` for the index of an event of an append.
const nameOf = (at: string | number) => (typeof at === "number" ? `events[${at}]` : at)

/**
 * A validator with these options.
 *
 * @example
 * ```ts
 * import { Validation } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const validate = Validation.make()
 * const ok = validate.append("hanoi", "campaign:hm-2020", [
 *   { eventId: "e-1", type: "PhaseOpened", data: { phaseId: "dot-1", at: "2020-01-02" }, schemaVersion: 1 }
 * ], undefined)
 * assert.equal(ok, undefined)
 * const bad = validate.append("hanoi", "campaign:hm-2020", [
 *   { eventId: "e-2", type: "PhaseOpened", data: { phaseId: "dot-1", at: "2024-02-30" }, schemaVersion: 1 }
 * ], undefined)
 * assert.equal(bad?._tag, "InvalidInput")
 * ```
 *
 * @since 0.2.0
 */
export const make = (options: Options = {}): Validator => {
  const foreign: ReadonlySet<string> = new Set(options.foreignTypes ?? [])
  for (const type of foreign)
    if (domainTypes.has(type)) throw new Error(`foreignTypes: ${type} is a domain event type, and is always checked`)

  // `at` names the event in a refusal: a field, or the index of an event of an append. Its text
  // is built only for a refusal (a template string per event cost a tenth of an append).
  const event = (streamId: string, e: NewEvent, at: string | number): number | Refusal => {
    if (typeof e !== "object" || e === null) return new InvalidInput({ field: nameOf(at), reason: "is not an event" })
    const idProblem = keyProblem(e.eventId)
    if (idProblem !== undefined) return new InvalidInput({ field: `${nameOf(at)}.eventId`, reason: idProblem })
    const type = e.type
    if (typeof type !== "string") return new InvalidInput({ field: `${nameOf(at)}.type`, reason: "is not a string" })
    const domain = domainTypes.has(type)
    if (!domain && !foreign.has(type))
      return new InvalidInput({
        field: `${nameOf(at)}.type`,
        reason: `${JSON.stringify(type)} is not an event type of the catalogue (a foreign type must be named in the store's foreignTypes)`
      })
    if (domain) {
      const kind = Stream.kindOf(streamId)
      const allowed =
        kind === "campaign"
          ? campaignTypes
          : kind === "directory"
            ? directoryTypes
            : kind === "process"
              ? processTypes
              : domainTypes
      if (!allowed.has(type))
        return new InvalidInput({
          field: `${nameOf(at)}.type`,
          reason: `${type} does not belong in the stream ${streamId}`
        })
    }
    if (!Number.isSafeInteger(e.schemaVersion) || e.schemaVersion < 0 || e.schemaVersion > maxSchemaVersion)
      return new InvalidInput({
        field: `${nameOf(at)}.schemaVersion`,
        reason: `is not an integer from 0 to ${maxSchemaVersion}`
      })
    const data = e.data
    if (typeof data !== "object" || data === null || Array.isArray(data))
      return new InvalidInput({ field: `${nameOf(at)}.data`, reason: "is not a JSON object" })
    const bytes = payloadBytes(typeof at === "number" ? "data" : `${at}.data`, data)
    if (typeof bytes !== "number" && typeof at === "number")
      return new InvalidInput({ field: `events[${at}].${bytes.field}`, reason: bytes.reason })
    if (typeof bytes !== "number") return bytes
    if (bytes > Limits.eventBytes)
      return new LimitExceeded({
        limit: "eventBytes",
        field: `${nameOf(at)}.data`,
        size: bytes,
        max: Limits.eventBytes
      })
    if (domain) {
      const decoded = Upcast.decode(type, e.schemaVersion, data)
      if (Result.isFailure(decoded))
        return new InvalidInput({
          field: `${nameOf(at)}.data`,
          reason: `does not fit ${type}: ${decoded.failure.message}`
        })
      // A current payload decodes to itself; fields its schema does not know would be stored and
      // then dropped at every read.
      if (
        e.schemaVersion === Event.versions[type as Event.EventType] &&
        Object.keys(decoded.success).length !== Object.keys(data).length + 1
      ) {
        const known = new Set(Object.keys(decoded.success))
        const extra = Object.keys(data).find((k) => !known.has(k)) ?? "?"
        return new InvalidInput({
          field: pathText(`${nameOf(at)}.data`, [extra]),
          reason: `is not a field of ${type}`
        })
      }
    }
    return bytes
  }

  return {
    event,
    append: (tenantId, streamId, events, metadata) => {
      const problem =
        checkKey("tenantId", tenantId) ??
        checkKey("streamId", streamId) ??
        (metadata?.commandId === undefined ? undefined : checkKey("metadata.commandId", metadata.commandId)) ??
        (metadata?.commandDigest === undefined ? undefined : checkKey("metadata.commandDigest", metadata.commandDigest))
      if (problem !== undefined) return problem
      if (metadata?.actor !== undefined) {
        const actor = payloadBytes("metadata.actor", metadata.actor)
        if (typeof actor !== "number") return actor
        if (actor > 4096)
          return new LimitExceeded({ limit: "actorBytes", field: "metadata.actor", size: actor, max: 4096 })
      }
      if (!Array.isArray(events)) return new InvalidInput({ field: "events", reason: "is not an array" })
      if (events.length > Limits.appendEvents)
        return new LimitExceeded({
          limit: "appendEvents",
          field: "events",
          size: events.length,
          max: Limits.appendEvents
        })
      let total = 0
      for (let i = 0; i < events.length; i++) {
        const n = event(streamId, events[i]!, i)
        if (typeof n !== "number") return n
        total += n
      }
      if (total > Limits.appendBytes)
        return new LimitExceeded({ limit: "appendBytes", field: "events", size: total, max: Limits.appendBytes })
      return undefined
    }
  }
}

/**
 * The first version a read from `fromVersion` returns, as every store reads it: at least 1, and a
 * version between two integers starts at the next.
 *
 * @since 0.2.0
 */
export const firstVersion = (fromVersion: number): number =>
  Number.isFinite(fromVersion) && fromVersion > 1 ? Math.ceil(fromVersion) : fromVersion === Infinity ? Infinity : 1

// Content of a payload for idempotency comparisons: what was decided, not the ids it got, and not
// the order of its keys (PostgreSQL's jsonb does not keep it either).
const canonical = (u: unknown): string =>
  Array.isArray(u)
    ? `[${u.map(canonical).join(",")}]`
    : typeof u === "object" && u !== null
      ? `{${Object.keys(u)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((u as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : JSON.stringify(u)

/**
 * Whether two batches say the same thing, as an idempotent re-send is compared with the first:
 * the same event types and payloads in the same order, whatever the order of the payloads' keys.
 * Stores that keep their own idempotency index (the in-memory and JetStream stores) compare with it.
 *
 * @example
 * ```ts
 * import { Validation } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const a = [{ type: "PhaseOpened", data: { phaseId: "dot-1", at: "2020-01-02" } }]
 * const b = [{ type: "PhaseOpened", data: { at: "2020-01-02", phaseId: "dot-1" } }]
 * assert.equal(Validation.sameContent(a, b), true)
 * assert.equal(Validation.sameContent(a, [{ type: "PhaseClosed", data: b[0]!.data }]), false)
 * ```
 *
 * @since 0.7.0
 */
export const sameContent = (
  a: ReadonlyArray<{ readonly type: string; readonly data: unknown }>,
  b: ReadonlyArray<{ readonly type: string; readonly data: unknown }>
): boolean =>
  a.length === b.length && a.every((e, i) => e.type === b[i]!.type && canonical(e.data) === canonical(b[i]!.data))
