/**
 * What a process knows of the tenants it has written to in a group, complete up to a stream
 * sequence (`watermark`): every stream's version and messages, every event id of every stream,
 * every command id of the tenant. An append decides against it and publishes on the condition that
 * the group's stream is still at the watermark, so what it decided on is what the log holds.
 */
import type { Body } from "./message.js"

/** A stream of a tenant: its version, and where its messages are. */
export interface StreamEntry {
  version: number
  /** The stream sequence of each message of the stream, in order, and the version of its first event. */
  readonly seqs: Array<number>
  readonly firsts: Array<number>
  /** Event id → the sequence of the message holding it. */
  readonly eventIds: Map<string, number>
  /** The first message on the stream's subject that the store cannot read: the stream takes no more appends. */
  unreadable?: number
}

/** A command id's first use. */
export interface CommandEntry {
  readonly streamId: string
  readonly seq: number
  readonly digest: string | undefined
}

export interface TenantEntry {
  readonly streams: Map<string, StreamEntry>
  readonly commands: Map<string, CommandEntry>
}

export const emptyTenant = (): TenantEntry => ({ streams: new Map(), commands: new Map() })

/** Records a message of a tenant in its entry. */
export const apply = (tenant: TenantEntry, seq: number, b: Body): void => {
  let stream = tenant.streams.get(b.s)
  if (stream === undefined) {
    stream = { version: 0, seqs: [], firsts: [], eventIds: new Map() }
    tenant.streams.set(b.s, stream)
  }
  // A message the entry holds already (read while loading and again while catching up): once only.
  if (stream.seqs.length > 0 && stream.seqs[stream.seqs.length - 1]! >= seq) return
  stream.seqs.push(seq)
  stream.firsts.push(b.v)
  stream.version = b.v + b.e.length - 1
  for (let i = 0; i < b.e.length; i++) stream.eventIds.set(b.e[i]![0], seq)
  if (b.c !== undefined && !tenant.commands.has(b.c)) tenant.commands.set(b.c, { streamId: b.s, seq, digest: b.d })
}

/**
 * Records a message on a stream's subject that the store cannot read (written by another program):
 * the stream's subject has moved on, and the stream is marked, so that its appends are refused
 * rather than decided on a version nobody can know.
 */
export const applyUnreadable = (tenant: TenantEntry, streamId: string, seq: number): void => {
  let stream = tenant.streams.get(streamId)
  if (stream === undefined) {
    stream = { version: 0, seqs: [], firsts: [], eventIds: new Map() }
    tenant.streams.set(streamId, stream)
  }
  if (stream.seqs.length > 0 && stream.seqs[stream.seqs.length - 1]! >= seq) return
  stream.seqs.push(seq)
  stream.firsts.push(stream.version + 1)
  stream.unreadable ??= seq
}

/** The sequence of the message that holds `version` of a stream (the first message when below). */
export const seqOfVersion = (stream: StreamEntry, version: number): number => {
  let lo = 0
  let hi = stream.firsts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (stream.firsts[mid]! <= version) lo = mid
    else hi = mid - 1
  }
  return stream.seqs[lo] ?? 1
}
