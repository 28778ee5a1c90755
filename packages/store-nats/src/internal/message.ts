/**
 * One append, one JetStream message: its subject, its body and the recorded events read back from
 * it. Tokens of a subject are base64url of the UTF-8 ids, so an id of any text (dots, spaces,
 * wildcards) names one subject and no other.
 */
import type { Organization } from "@thidua/core"
import { Position, type Recorded } from "@thidua/store"

const encoder = new TextEncoder()
const decoder = new TextDecoder("utf-8", { fatal: true })

/** A subject token for an id. */
export const token = (id: string): string => Buffer.from(id, "utf8").toString("base64url")

/** The id of a token (the subjects this store wrote only). */
export const fromToken = (t: string): string => Buffer.from(t, "base64url").toString("utf8")

/**
 * The position of the `index`th event of the message at stream sequence `seq`. The leading `n`
 * sorts after every digit, so every position of this store comes after every position of the
 * PostgreSQL and in-memory stores: a tenant moved here from PostgreSQL keeps the comparisons its
 * readers make between what they saw before the move and what they read after it.
 */
export const position = (seq: number, index: number): Position.Position =>
  `n${seq.toString().padStart(20, "0")}${index.toString().padStart(5, "0")}` as Position.Position

const pattern = /^n(\d{20})(\d{5})$/

/** The sequence and index of a position; `[0, 0]` for the start; undefined for another store's. */
export const parsePosition = (p: Position.Position): readonly [number, number] | undefined => {
  if (p === Position.start) return [0, 0]
  const m = pattern.exec(p)
  if (m === null) return undefined
  const seq = Number(m[1])
  return Number.isSafeInteger(seq) ? [seq, Number(m[2])] : undefined
}

/** What a message carries: the append, as written. */
export interface Body {
  /** Tenant and stream ids, in full (the subject holds them as tokens). */
  readonly t: string
  readonly s: string
  /** The version of the first event. */
  readonly v: number
  /** recordedAt, milliseconds. */
  readonly at: number
  /** A nonce of the append: a publish retried after a lost answer is known by it. */
  readonly n: string
  readonly c?: string
  readonly d?: string
  readonly a?: Organization.Actor
  /** The events: id, type, schema version, payload. */
  readonly e: ReadonlyArray<readonly [string, string, number, Readonly<Record<string, unknown>>]>
}

/** The body of an append. */
export const body = (
  tenantId: string,
  streamId: string,
  version: number,
  at: number,
  nonce: string,
  events: ReadonlyArray<Recorded.NewEvent>,
  metadata: Recorded.AppendMetadata
): Body => {
  const e = new Array<readonly [string, string, number, Readonly<Record<string, unknown>>]>(events.length)
  for (let i = 0; i < events.length; i++) {
    const x = events[i]!
    e[i] = [x.eventId, x.type, x.schemaVersion, x.data]
  }
  const b: { -readonly [K in keyof Body]: Body[K] } = { t: tenantId, s: streamId, v: version, at, n: nonce, e }
  if (metadata.commandId !== undefined) b.c = metadata.commandId
  if (metadata.commandDigest !== undefined) b.d = metadata.commandDigest
  if (metadata.actor !== undefined) b.a = metadata.actor
  return b
}

export const encode = (b: Body): Uint8Array => encoder.encode(JSON.stringify(b))

/** The body of a message, or undefined when it is not one this store wrote. */
export const decode = (data: Uint8Array): Body | undefined => {
  try {
    const b = JSON.parse(decoder.decode(data)) as Body
    return typeof b === "object" && b !== null && typeof b.t === "string" && Array.isArray(b.e) ? b : undefined
  } catch {
    return undefined
  }
}

/** The events of a message as recorded, from its `from`th on. */
export const recorded = (b: Body, seq: number, from = 0): Array<Recorded.RecordedEvent> => {
  const out: Array<Recorded.RecordedEvent> = []
  for (let i = from; i < b.e.length; i++) {
    const [eventId, type, schemaVersion, data] = b.e[i]!
    const r: { -readonly [K in keyof Recorded.RecordedEvent]: Recorded.RecordedEvent[K] } = {
      eventId,
      type,
      data,
      schemaVersion,
      tenantId: b.t,
      streamId: b.s,
      version: b.v + i,
      position: position(seq, i),
      recordedAt: b.at
    }
    if (b.c !== undefined) r.commandId = b.c
    if (b.a !== undefined) r.actor = b.a
    out.push(r)
  }
  return out
}
