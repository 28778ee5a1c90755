/**
 * Moving a tenant to JetStream: its log copied from the store it lives in (PostgreSQL, or any
 * `EventStore`) to its group's stream, one message per append as the NATS store writes them, then
 * read back through the NATS store and compared with the source, event by event.
 *
 * **What is kept.** Every event's id, version, type, schema version, payload, command id, actor and
 * recorded time, and the command's fingerprint (`digests`): after the move a command re-sent from
 * before it is answered as a duplicate, and one re-sent with other content is refused, as they
 * were on the source. Positions are not kept: a position on JetStream is a message's sequence in
 * the group's stream; the report's `translate` carries a checkpoint over.
 *
 * **While it runs** nobody may write the tenant (the host holds its commands and stops its
 * runners); other tenants of the group go on writing. Each message is published on the condition
 * that its stream's subject is still at the message the move wrote before it (nothing, for the
 * first), so a writer that gets in is found at the next message of that stream, and a write
 * elsewhere in the tenant by the verification.
 *
 * **Run again** after a crash, it compares what is already on JetStream with the source, append by
 * append, and goes on after it; a tenant whose JetStream log is not a beginning of the source's is
 * refused before anything is written.
 *
 * @since 0.7.0
 */
import { randomUUID } from "node:crypto"
import {
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager
} from "@nats-io/jetstream"
import type { NatsConnection } from "@nats-io/nats-core"
import { connect } from "@nats-io/transport-node"
import { ThiDuaError } from "@thidua/core"
import { type EventStore, Position, type Recorded } from "@thidua/store"
import { Effect, Pull, type Scope, Stream } from "effect"
import { SqlClient } from "effect/sql"
import * as Message from "./internal/message.js"
import * as Retry from "./internal/retry.js"
import * as NatsStore from "./NatsStore.js"

/**
 * What a command id's first use kept on the source: the stream it wrote to and its fingerprint.
 *
 * @since 0.7.0
 */
export interface Digest {
  readonly streamId: string
  readonly digest: string
}

/**
 * The fingerprints of a tenant's commands, by command id (`digestsFromSql` reads them from
 * PostgreSQL).
 *
 * @since 0.7.0
 */
export type Digests = ReadonlyMap<string, Digest>

/**
 * What to move, from where, to where.
 *
 * @since 0.7.0
 */
export interface Options {
  /** The store the tenant lives in now. */
  readonly from: EventStore.Shape
  readonly tenantId: string
  /** The JetStream servers and groups, as the NATS store takes them (`place` says the tenant's group). */
  readonly to: NatsStore.Config
  /** The command fingerprints to keep. Without them a re-sent command is judged by its events. */
  readonly digests?: Digests
  /** Events per page read from either store. Default 1,000. */
  readonly batch?: number
}

/**
 * What a verification read and found equal.
 *
 * @since 0.7.0
 */
export interface Verified {
  readonly tenantId: string
  /** The tenant's group on JetStream. */
  readonly group: string
  /** Messages of the tenant: one per append of the source. */
  readonly appends: number
  readonly events: number
  readonly streams: number
  /** Bytes of the tenant's messages (their bodies). */
  readonly bytes: number
  readonly verifyMs: number
  /**
   * The JetStream position of the last event of the tenant at or before a position of the source
   * (`Position.start` when there is none): a projection or a workflow runner that had folded the
   * source up to `p` has folded the new log up to `translate(p)`.
   */
  readonly translate: (position: Position.Position) => Position.Position
}

/**
 * What a move did.
 *
 * @since 0.7.0
 */
export interface Report extends Verified {
  /** Appends found already copied (a run before this one wrote them). */
  readonly resumed: number
  /** Appends this run wrote. */
  readonly written: number
  readonly copyMs: number
}

/**
 * Why a move stopped.
 * - `conflict`: someone wrote one of the tenant's streams on JetStream during the move.
 * - `written`: the tenant already has other events on JetStream; nothing was written.
 * - `mismatch`: the verification found the copy different from the source.
 * - `too-large`: an event does not fit in a message of the server's `max_payload`.
 * - `placement`: the tenant's group is not in the config.
 * - `source` / `target`: a store failed.
 *
 * @since 0.7.0
 */
export type Reason = "conflict" | "written" | "mismatch" | "too-large" | "placement" | "source" | "target"

const codes = {
  conflict: "MOVE-CONFLICT",
  written: "MOVE-WRITTEN",
  mismatch: "MOVE-MISMATCH",
  "too-large": "MOVE-TOO-LARGE",
  placement: "MOVE-PLACEMENT",
  source: "MOVE-SOURCE",
  target: "MOVE-TARGET"
} as const

/**
 * A move that stopped, and why (`reason`, and `code`: `MOVE-CONFLICT`, `MOVE-WRITTEN`,
 * `MOVE-MISMATCH`, ...). For a difference it names the event: stream, version, event id, the field
 * and both values.
 *
 * @example
 * ```ts
 * import { Move } from "@thidua/store-nats"
 * import assert from "node:assert"
 *
 * const error = new Move.MoveError({
 *   reason: "mismatch",
 *   tenantId: "hoan-kiem",
 *   streamId: "campaign:hk-2025",
 *   version: 12,
 *   eventId: "e-12",
 *   field: "recordedAt",
 *   source: "1735776000000",
 *   target: "1735776000001"
 * })
 * assert.equal(error.code, "MOVE-MISMATCH")
 * assert.match(error.message, /event e-12 \(stream campaign:hk-2025, version 12\): recordedAt/)
 * assert.match(error.messages.vi, /khác nguồn/)
 * ```
 *
 * @since 0.7.0
 */
export class MoveError extends ThiDuaError.Tagged("MoveError")<{
  readonly reason: Reason
  readonly tenantId: string
  readonly streamId?: string
  readonly version?: number
  readonly eventId?: string
  /** What differs: a field of an event or of a message, or `event` / `message` for one missing. */
  readonly field?: string
  /** The value on the source and on JetStream, as JSON (cut at 200 characters). */
  readonly source?: string
  readonly target?: string
  readonly cause?: unknown
}> {
  get code(): (typeof codes)[Reason] {
    return codes[this.reason]
  }
  get messages(): ThiDuaError.Messages {
    return textOf(this)
  }
}

const textOf = (error: MoveError): ThiDuaError.Messages => {
  const t = error.tenantId
  const at = (en: boolean) =>
    error.streamId === undefined
      ? ""
      : en
        ? ` (stream ${error.streamId}${error.version === undefined ? "" : `, version ${error.version}`})`
        : ` (luồng ${error.streamId}${error.version === undefined ? "" : `, phiên bản ${error.version}`})`
  const what = error.eventId === undefined ? "" : error.eventId
  const values = (en: boolean) =>
    error.field === undefined
      ? ""
      : en
        ? `: ${error.field} is ${error.target ?? "absent"} on JetStream, ${error.source ?? "absent"} on the source`
        : `: ${error.field} là ${error.target ?? "không có"} trên JetStream, ${error.source ?? "không có"} ở nguồn`
  const cause = error.cause === undefined ? "" : ThiDuaError.describeCause(error.cause)
  switch (error.reason) {
    case "conflict":
      return {
        en: `Moving ${t}: another writer wrote${at(true)} on JetStream during the move; stop every writer of the tenant and move it again.`,
        vi: `Chuyển đơn vị sử dụng ${t}: một tiến trình khác đã ghi${at(false)} trên JetStream trong lúc chuyển; hãy dừng mọi tiến trình ghi của đơn vị rồi chuyển lại.`
      }
    case "written":
      return {
        en: `${t} already has other events on JetStream${at(true)}${values(true)}; nothing was written.`,
        vi: `Đơn vị sử dụng ${t} đã có sự kiện khác trên JetStream${at(false)}${values(false)}; không ghi gì.`
      }
    case "mismatch":
      return {
        en: `The copy of ${t} differs from the source at event ${what}${at(true)}${values(true)}.`,
        vi: `Bản sao của ${t} khác nguồn ở sự kiện ${what}${at(false)}${values(false)}.`
      }
    case "too-large":
      return {
        en: `Event ${what}${at(true)} of ${t} does not fit in a message of the server's max_payload; raise it (16MB).`,
        vi: `Sự kiện ${what}${at(false)} của ${t} vượt quá max_payload của máy chủ; hãy nâng lên (16MB).`
      }
    case "placement":
      return {
        en: `${t} is placed on the group ${error.target}, which the config does not have.`,
        vi: `${t} được xếp vào nhóm ${error.target}, không có trong cấu hình.`
      }
    case "source":
      return {
        en: `Reading ${t} from the source failed: ${cause}`,
        vi: `Không đọc được ${t} từ nguồn: ${cause}`
      }
    case "target":
      return {
        en: `JetStream failed while moving ${t}: ${cause}`,
        vi: `JetStream gặp lỗi khi chuyển ${t}: ${cause}`
      }
  }
}

// ---------------------------------------------------------------------------------------------
// Comparing

// JSON with the keys of every object sorted: a payload read back from jsonb or from a message is
// the same value whatever order its keys come in.
const canonical = (u: unknown): string =>
  Array.isArray(u)
    ? `[${u.map(canonical).join(",")}]`
    : typeof u === "object" && u !== null
      ? `{${Object.keys(u)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((u as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : u === undefined
        ? "absent"
        : JSON.stringify(u)

const show = (u: unknown): string => {
  const text = canonical(u)
  return text.length > 200 ? `${text.slice(0, 199)}…` : text
}

interface Difference {
  readonly field: string
  readonly source: unknown
  readonly target: unknown
}

const differ = (field: string, source: unknown, target: unknown): Difference | undefined =>
  canonical(source) === canonical(target) ? undefined : { field, source, target }

/** The first field in which a message differs from the one the source's append makes. */
const bodyDifference = (expected: Message.Body, actual: Message.Body): Difference | undefined => {
  const head =
    differ("message.tenantId", expected.t, actual.t) ??
    differ("message.streamId", expected.s, actual.s) ??
    differ("message.version", expected.v, actual.v) ??
    differ("message.events", expected.e.length, actual.e.length) ??
    differ("message.recordedAt", expected.at, actual.at) ??
    differ("message.commandId", expected.c, actual.c) ??
    differ("message.digest", expected.d, actual.d) ??
    differ("message.actor", expected.a, actual.a)
  if (head !== undefined) return head
  for (let i = 0; i < expected.e.length; i++) {
    const [id, type, schemaVersion, data] = expected.e[i]!
    const [id2, type2, schemaVersion2, data2] = actual.e[i]!
    const d =
      differ(`message.events[${i}].eventId`, id, id2) ??
      differ(`message.events[${i}].type`, type, type2) ??
      differ(`message.events[${i}].schemaVersion`, schemaVersion, schemaVersion2) ??
      differ(`message.events[${i}].data`, data, data2)
    if (d !== undefined) return d
  }
  return undefined
}

/** The first field in which an event read back differs from the source's. */
const eventDifference = (
  source: Recorded.RecordedEvent,
  target: Recorded.RecordedEvent,
  position: Position.Position
): Difference | undefined =>
  differ("eventId", source.eventId, target.eventId) ??
  differ("tenantId", source.tenantId, target.tenantId) ??
  differ("streamId", source.streamId, target.streamId) ??
  differ("version", source.version, target.version) ??
  differ("type", source.type, target.type) ??
  differ("schemaVersion", source.schemaVersion, target.schemaVersion) ??
  differ("data", source.data, target.data) ??
  differ("recordedAt", source.recordedAt, target.recordedAt) ??
  differ("commandId", source.commandId, target.commandId) ??
  differ("actor", source.actor, target.actor) ??
  differ("position", position, target.position)

// ---------------------------------------------------------------------------------------------
// The source's appends

/** Consecutive events of one stream that one append wrote. */
interface Append {
  readonly streamId: string
  readonly events: Array<Recorded.RecordedEvent>
}

const postgresPosition = /^(\d{20}):\d{20}$/

/**
 * Whether `e` was written by the same append as `last`: the next version of the same stream, with
 * the same command id, actor and recorded time (a message has one of each), and on PostgreSQL the
 * same transaction. Another store gives no more than that: two appends to one stream without a
 * command id in the same millisecond become one message.
 */
const sameAppend = (last: Recorded.RecordedEvent, e: Recorded.RecordedEvent): boolean => {
  if (
    e.streamId !== last.streamId ||
    e.version !== last.version + 1 ||
    e.commandId !== last.commandId ||
    e.recordedAt !== last.recordedAt ||
    (e.actor !== last.actor && canonical(e.actor) !== canonical(last.actor))
  )
    return false
  const a = postgresPosition.exec(last.position)
  const b = postgresPosition.exec(e.position)
  return a === null || b === null || a[1] === b[1]
}

const appendsOf = <E>(events: Stream.Stream<Recorded.RecordedEvent, E>): Stream.Stream<Append, E> =>
  events.pipe(
    Stream.mapAccum(
      (): Append | undefined => undefined,
      (pending, e): readonly [Append | undefined, ReadonlyArray<Append>] => {
        if (pending !== undefined && sameAppend(pending.events[pending.events.length - 1]!, e)) {
          pending.events.push(e)
          return [pending, []]
        }
        return [{ streamId: e.streamId, events: [e] }, pending === undefined ? [] : [pending]]
      },
      { onHalt: (pending) => (pending === undefined ? [] : [pending]) }
    )
  )

const bytesOf = (u: unknown) => Buffer.byteLength(JSON.stringify(u))

/**
 * The bodies of an append, as the store writes them (the nonce left empty): one, unless the append
 * does not fit in a message, which only events grouped from several appends can do (an append of
 * the store holds at most 8 MiB); then as many as it takes, in order.
 */
const bodiesOf = (
  tenantId: string,
  append: Append,
  digests: Digests | undefined,
  budget: number
): Array<Message.Body> | MoveError => {
  const first = append.events[0]!
  const used = first.commandId === undefined ? undefined : digests?.get(first.commandId)
  const metadata: { -readonly [K in keyof Recorded.AppendMetadata]: Recorded.AppendMetadata[K] } = {}
  if (first.commandId !== undefined) metadata.commandId = first.commandId
  if (used !== undefined && used.streamId === append.streamId) metadata.commandDigest = used.digest
  if (first.actor !== undefined) metadata.actor = first.actor
  const make = (events: ReadonlyArray<Recorded.RecordedEvent>) =>
    Message.body(tenantId, append.streamId, events[0]!.version, first.recordedAt, "", events, metadata)
  const whole = make(append.events)
  // A nonce of 36 characters is put in when it is sent.
  if (bytesOf(whole) + 36 <= budget) return [whole]
  const base = bytesOf(make([first])) - bytesOf(whole.e[0]) + 36
  const out: Array<Message.Body> = []
  let from = 0
  let size = base
  for (let i = 0; i < append.events.length; i++) {
    const own = bytesOf(whole.e[i]) + 1
    if (base + own > budget) {
      const e = append.events[i]!
      return new MoveError({
        reason: "too-large",
        tenantId,
        streamId: e.streamId,
        version: e.version,
        eventId: e.eventId
      })
    }
    if (size + own > budget) {
      out.push(make(append.events.slice(from, i)))
      from = i
      size = base
    }
    size += own
  }
  out.push(make(append.events.slice(from)))
  return out
}

// ---------------------------------------------------------------------------------------------
// JetStream

interface Target {
  readonly tenantId: string
  readonly group: string
  /** The NATS store over the same config: reads for the verification. */
  readonly store: EventStore.Shape
  readonly js: JetStreamClient
  readonly jsm: JetStreamManager
  /** The group's JetStream stream. */
  readonly stream: string
  /** `<name>.<group>.<tenant token>`: a stream's subject is this, a dot, its token. */
  readonly prefix: string
  /** The largest body a message may have. */
  readonly budget: number
}

const targetError = (tenantId: string) => (cause: unknown) =>
  cause instanceof MoveError ? cause : new MoveError({ reason: "target", tenantId, cause })
const sourceError = (tenantId: string) => (cause: unknown) =>
  cause instanceof MoveError ? cause : new MoveError({ reason: "source", tenantId, cause })

const open = (to: NatsStore.Config, tenantId: string): Effect.Effect<Target, MoveError, Scope.Scope> =>
  Effect.gen(function* () {
    const name = to.name ?? NatsStore.defaultName
    const groups = Object.keys(to.groups ?? { main: {} })
    const group = to.place === undefined ? groups[0]! : to.place(tenantId)
    if (!groups.includes(group))
      return yield* new MoveError({ reason: "placement", tenantId, field: "group", target: JSON.stringify(group) })
    // The store creates the group's stream when it is not there, and checks it when it is.
    const store = yield* NatsStore.make(to).pipe(Effect.mapError(targetError(tenantId)))
    const nc: NatsConnection = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () =>
          connect({
            maxReconnectAttempts: -1,
            reconnectTimeWait: 250,
            name: "thidua-move",
            ...to.connection,
            servers: typeof to.servers === "string" ? to.servers : [...to.servers]
          }),
        catch: targetError(tenantId)
      }),
      (nc) => Effect.promise(() => nc.close().catch(() => undefined))
    )
    const jsm = yield* Effect.tryPromise({ try: () => jetstreamManager(nc), catch: targetError(tenantId) })
    // Headers (message id, expected sequence) and a margin come out of the server's limit.
    const budget = (nc.info?.max_payload ?? 1024 * 1024) - 1024
    return {
      tenantId,
      group,
      store,
      js: jetstream(nc),
      jsm,
      stream: `${name.toUpperCase()}_${group.toUpperCase()}`,
      prefix: `${name}.${group}.${Message.token(tenantId)}`,
      budget
    }
  })

const retryFor = 30_000

/** What waiting can cure: no answer, no server, an election. */
const persist = <A>(f: () => Promise<A>): Promise<A> => Retry.persist(f, retryFor)

/** The sequence of the tenant's last message, 0 when it has none. */
const lastOfTenant = (t: Target) =>
  Effect.tryPromise({
    try: async () =>
      (await persist(() => t.jsm.streams.getMessage(t.stream, { last_by_subj: `${t.prefix}.*` })))?.seq ?? 0,
    catch: targetError(t.tenantId)
  })

interface Raw {
  readonly seq: number
  readonly subject: string
  readonly data: Uint8Array
}

/**
 * The tenant's messages up to `end`, in order, from an ordered consumer. Pulled in bytes (32 MB
 * ahead at most), not in messages: a pull of many messages of up to 16 MB each would outrun the
 * server's limit on what it buffers for a connection (`max_pending`, 64 MB by default), and the
 * server would drop the connection as a slow consumer.
 */
const messagesOf = (t: Target, end: number): Stream.Stream<Raw, MoveError> => {
  async function* read(): AsyncGenerator<Raw> {
    if (end === 0) return
    let next = 1
    const consumer = await persist(() =>
      t.js.consumers.get(t.stream, { filter_subjects: `${t.prefix}.*`, opt_start_seq: next } as never)
    )
    const messages = await consumer.consume({ max_bytes: 32 * 1024 * 1024, expires: 5000 })
    // Nothing ends a consume but a stop: a read that waits `retryFor` for a message is given up
    // (the time its reader takes between two messages does not count).
    let waitingSince: number | undefined = performance.now()
    const watch = setInterval(() => {
      if (waitingSince !== undefined && performance.now() - waitingSince > retryFor) messages.stop()
    }, 1000)
    try {
      for await (const m of messages) {
        waitingSince = undefined
        if (m.seq > end) break
        if (m.seq >= next) {
          next = m.seq + 1
          yield { seq: m.seq, subject: m.subject, data: m.data }
          if (m.seq === end) break
        }
        waitingSince = performance.now()
      }
      if (next <= end)
        throw new Error(`no message of ${t.prefix}.* came from sequence ${next} on within ${retryFor} ms`)
    } finally {
      clearInterval(watch)
      messages.stop()
      await consumer.delete().catch(() => false)
    }
  }
  return Stream.fromAsyncIterable(read(), targetError(t.tenantId))
}

/** One element at a time from a stream; undefined once it has ended. */
const puller = <A, E>(
  stream: Stream.Stream<A, E>
): Effect.Effect<Effect.Effect<A | undefined, E>, never, Scope.Scope> =>
  Effect.map(Stream.toPull(stream), (pull) => {
    let chunk: ReadonlyArray<A> = []
    let i = 0
    let ended = false
    return Effect.suspend((): Effect.Effect<A | undefined, E> => {
      if (i < chunk.length) return Effect.succeed(chunk[i++]!)
      if (ended) return Effect.succeed(undefined)
      return pull.pipe(
        Effect.map((c) => {
          chunk = c
          i = 1
          return c[0]
        }),
        Pull.catchDone(() =>
          Effect.sync(() => {
            ended = true
            return undefined
          })
        )
      )
    })
  })

/**
 * Publishes a body on the condition that its subject's last message is `after` (0: none). A
 * message sent again after a lost answer carries the same id, so JetStream keeps it once; if that
 * first send landed and the answer was lost beyond the dedupe window, the subject's last message is
 * this one, known by its nonce.
 */
const publish = (t: Target, subject: string, body: Message.Body, after: number) =>
  Effect.tryPromise({
    try: async () => {
      const nonce = randomUUID()
      const data = Message.encode({ ...body, n: nonce })
      return persist(async () => {
        try {
          const ack = await t.js.publish(subject, data, {
            expect: { lastSubjectSequence: after },
            msgID: nonce,
            timeout: 5000
          })
          return ack.seq
        } catch (cause) {
          if (!(cause instanceof JetStreamApiError) || cause.code !== 10071) throw cause
          const last = await t.jsm.streams.getMessage(t.stream, { last_by_subj: subject })
          if (last !== null && Message.decode(last.data)?.n === nonce) return last.seq
          throw new MoveError({ reason: "conflict", tenantId: t.tenantId, streamId: body.s, version: body.v })
        }
      })
    },
    catch: targetError(t.tenantId)
  })

// ---------------------------------------------------------------------------------------------
// Positions on both sides

const blockSize = 1024

/**
 * The position of every event of the tenant on the source and on JetStream, in log order, for
 * `translate`. Kept small, since a tenant may hold millions: the source's positions in blocks of
 * 1,024 joined into one string each (a position the store makes holds no line break), the
 * sequences and indexes in typed arrays; about 60 bytes an event for PostgreSQL's positions.
 */
const positionMap = () => {
  const blocks: Array<string> = []
  const firsts: Array<string> = []
  let open: Array<string> = []
  let seqs = new Float64Array(blockSize)
  let indexes = new Uint32Array(blockSize)
  let size = 0
  // The last block split, as reads and checkpoints come in order.
  let split = -1
  let splitBlock: ReadonlyArray<string> = []
  const block = (b: number): ReadonlyArray<string> => {
    if (b === blocks.length) return open
    if (b !== split) {
      split = b
      splitBlock = blocks[b]!.split("\n")
    }
    return splitBlock
  }
  const source = (i: number) => block(Math.floor(i / blockSize))[i % blockSize]!
  return {
    size: () => size,
    last: (): string | undefined => (size === 0 ? undefined : source(size - 1)),
    source,
    add: (position: string, seq: number, index: number) => {
      if (size === seqs.length) {
        const s = new Float64Array(size * 2)
        s.set(seqs)
        seqs = s
        const x = new Uint32Array(size * 2)
        x.set(indexes)
        indexes = x
      }
      seqs[size] = seq
      indexes[size] = index
      if (open.length === 0) firsts.push(position)
      open.push(position)
      size++
      if (open.length === blockSize) {
        blocks.push(open.join("\n"))
        open = []
      }
    },
    /** The index of the last event at or before `p`; -1 when there is none. */
    before: (p: string): number => {
      let lo = 0
      let hi = firsts.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (firsts[mid]! <= p) lo = mid + 1
        else hi = mid
      }
      const b = lo - 1
      if (b < 0) return -1
      const xs = block(b)
      lo = 0
      hi = xs.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (xs[mid]! <= p) lo = mid + 1
        else hi = mid
      }
      return b * blockSize + lo - 1
    },
    target: (i: number): Position.Position => Message.position(seqs[i]!, indexes[i]!)
  }
}

// ---------------------------------------------------------------------------------------------
// The move

const readSource = (options: Options) =>
  options.from
    .readAll(Position.start, { tenantId: options.tenantId, batchSize: options.batch ?? 1000 })
    .pipe(Stream.mapError(sourceError(options.tenantId)))

const verifyOn = (t: Target, options: Options): Effect.Effect<Verified, MoveError, Scope.Scope> =>
  Effect.gen(function* () {
    const started = performance.now()
    const { tenantId, from, digests } = options
    const mismatch = (e: Recorded.RecordedEvent, d: Difference) =>
      new MoveError({
        reason: "mismatch",
        tenantId,
        streamId: e.streamId,
        version: e.version,
        eventId: e.eventId,
        field: d.field,
        source: show(d.source),
        target: show(d.target)
      })
    const raw = yield* puller(messagesOf(t, yield* lastOfTenant(t)))
    const stored = yield* puller(
      t.store
        .readAll(Position.start, { tenantId, batchSize: options.batch ?? 1000 })
        .pipe(Stream.mapError(targetError(tenantId)))
    )
    // Every event's position on both sides, in log order: `translate`.
    const positions = positionMap()
    const versions = new Map<string, number>()
    let appends = 0
    let bytes = 0
    yield* Stream.runForEach(appendsOf(readSource(options)), (append) =>
      Effect.gen(function* () {
        const bodies = bodiesOf(tenantId, append, digests, t.budget)
        if (bodies instanceof MoveError) return yield* bodies
        let k = 0
        for (const body of bodies) {
          const first = append.events[k]!
          const m = yield* raw
          if (m === undefined) return yield* mismatch(first, { field: "message", source: "present", target: undefined })
          // The events as the store reads them first, then the message as it was written (the
          // fingerprint is only there).
          for (let i = 0; i < body.e.length; i++, k++) {
            const source = append.events[k]!
            const last = positions.last()
            if (last !== undefined && source.position <= last)
              return yield* new MoveError({
                reason: "source",
                tenantId,
                cause: new Error(`the source's log is not in position order at ${source.position}`)
              })
            const position = Message.position(m.seq, i)
            const read = yield* stored
            if (read === undefined)
              return yield* mismatch(source, { field: "event", source: "present", target: undefined })
            const e = eventDifference(source, read, position)
            if (e !== undefined) return yield* mismatch(source, e)
            positions.add(source.position, m.seq, i)
          }
          const actual = Message.decode(m.data)
          const d =
            actual === undefined
              ? { field: "message", source: "a message of the store", target: "unreadable" }
              : (differ("subject", `${t.prefix}.${Message.token(body.s)}`, m.subject) ?? bodyDifference(body, actual))
          if (d !== undefined) return yield* mismatch(first, d)
          appends++
          bytes += m.data.length
        }
        versions.set(append.streamId, append.events[append.events.length - 1]!.version)
      })
    )
    const extra = yield* raw
    if (extra !== undefined) {
      const body = Message.decode(extra.data)
      return yield* new MoveError({
        reason: "mismatch",
        tenantId,
        ...(body === undefined ? {} : { streamId: body.s, version: body.v, eventId: body.e[0]?.[0] ?? "" }),
        field: "message",
        source: "absent",
        target: `message ${extra.seq}`
      })
    }
    const more = yield* stored
    if (more !== undefined) return yield* mismatch(more, { field: "event", source: undefined, target: "present" })

    const translate = (p: Position.Position): Position.Position => {
      const i = positions.before(p)
      return i < 0 ? Position.start : positions.target(i)
    }

    // Every stream read again, whole, both ways (a stream's read is not held back by the log's
    // horizon on PostgreSQL), and its version.
    for (const [streamId, version] of versions) {
      const [a, b] = yield* Effect.all([
        from.readStream(tenantId, streamId).pipe(Effect.mapError(sourceError(tenantId))),
        t.store.readStream(tenantId, streamId).pipe(Effect.mapError(targetError(tenantId)))
      ])
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const source = a[i]
        const target = b[i]
        if (source === undefined)
          return yield* mismatch(target!, { field: "event", source: undefined, target: "present" })
        if (target === undefined)
          return yield* mismatch(source, { field: "event", source: "present", target: undefined })
        const j = positions.before(source.position)
        const d =
          j < 0 || positions.source(j) !== source.position
            ? { field: "event", source: "present", target: "not in the log read" }
            : eventDifference(source, target, positions.target(j))
        if (d !== undefined) return yield* mismatch(source, d)
      }
      const [va, vb] = yield* Effect.all([
        from.streamVersion(tenantId, streamId).pipe(Effect.mapError(sourceError(tenantId))),
        t.store.streamVersion(tenantId, streamId).pipe(Effect.mapError(targetError(tenantId)))
      ])
      const last = a[a.length - 1]!
      const d = differ("streamVersion", version, va) ?? differ("streamVersion", va, vb)
      if (d !== undefined) return yield* mismatch(last, d)
    }
    return {
      tenantId,
      group: t.group,
      appends,
      events: positions.size(),
      streams: versions.size,
      bytes,
      verifyMs: performance.now() - started,
      translate
    }
  })

/**
 * Copies a tenant's log to its group on JetStream and verifies the copy.
 *
 * **When to use**: to move a tenant from PostgreSQL (or the in-memory store) to JetStream, once
 * its writers are stopped. Run it again after a crash: it goes on where it stopped.
 *
 * **Details**: the source is read in log order (`readAll` with the tenant) and cut into its
 * appends: consecutive events of one stream with one command id, actor and recorded time, and on
 * PostgreSQL one transaction. Each becomes one message, as the NATS store writes an append, with
 * the command's fingerprint when `digests` has it (`digestsFromSql`). Each is published on the
 * condition that its stream's subject is still where the move left it: a writer that gets in fails
 * the move with `MOVE-CONFLICT`. What JetStream holds of the tenant before the move must be a
 * beginning of the source's log (a run before this one, stopped), append for append; then the move
 * goes on after it, else it fails with `MOVE-WRITTEN` and writes nothing. At the end, `verify`.
 *
 * @example
 * ```ts no-run
 * import { EventStore } from "@thidua/store"
 * import { PostgresStore } from "@thidua/store-postgres"
 * import { Move } from "@thidua/store-nats"
 * import { Effect } from "effect"
 *
 * const move = Effect.gen(function* () {
 *   const from = yield* EventStore.EventStore
 *   const digests = yield* Move.digestsFromSql("hoan-kiem")
 *   const report = yield* Move.copyTenant({
 *     from,
 *     tenantId: "hoan-kiem",
 *     to: { servers: ["nats://n1:4222", "nats://n2:4222", "nats://n3:4222"], groups: { main: { replicas: 3 } } },
 *     digests
 *   })
 *   // A projection that had folded the PostgreSQL log up to `checkpoint` goes on from here.
 *   const checkpoint = "00000000000000001234:00000000000000056789" as never
 *   return [report.appends, report.events, report.translate(checkpoint)]
 * })
 * await Effect.runPromise(move.pipe(Effect.provide(PostgresStore.layer({ url: "postgres://postgres@db/app" }))))
 * ```
 *
 * @since 0.7.0
 */
export const copyTenant = (options: Options): Effect.Effect<Report, MoveError> =>
  Effect.scoped(
    Effect.gen(function* () {
      const started = performance.now()
      const { tenantId, digests } = options
      const t = yield* open(options.to, tenantId)
      const existing = yield* puller(messagesOf(t, yield* lastOfTenant(t)))
      // The sequence of the last message of each stream: the condition of its next one.
      const last = new Map<string, number>()
      let writing = false
      let resumed = 0
      let written = 0
      yield* Stream.runForEach(appendsOf(readSource(options)), (append) =>
        Effect.gen(function* () {
          const bodies = bodiesOf(tenantId, append, digests, t.budget)
          if (bodies instanceof MoveError) return yield* bodies
          const subject = `${t.prefix}.${Message.token(append.streamId)}`
          for (const body of bodies) {
            if (!writing) {
              const m = yield* existing
              if (m !== undefined) {
                const actual = Message.decode(m.data)
                const d =
                  actual === undefined
                    ? { field: "message", source: "a message of the store", target: "unreadable" }
                    : (differ("subject", subject, m.subject) ?? bodyDifference(body, actual))
                if (d !== undefined)
                  return yield* new MoveError({
                    reason: "written",
                    tenantId,
                    streamId: append.streamId,
                    version: body.v,
                    field: d.field,
                    source: show(d.source),
                    target: show(d.target)
                  })
                last.set(subject, m.seq)
                resumed++
                continue
              }
              writing = true
            }
            last.set(subject, yield* publish(t, subject, body, last.get(subject) ?? 0))
            written++
          }
        })
      )
      if (!writing) {
        const extra = yield* existing
        if (extra !== undefined) {
          const body = Message.decode(extra.data)
          return yield* new MoveError({
            reason: "written",
            tenantId,
            ...(body === undefined ? {} : { streamId: body.s, version: body.v }),
            field: "message",
            source: "absent",
            target: `message ${extra.seq}`
          })
        }
      }
      const copyMs = performance.now() - started
      const verified = yield* verifyOn(t, options)
      return { ...verified, resumed, written, copyMs }
    })
  )

/**
 * Reads a tenant back from JetStream and compares it with the source, without writing.
 *
 * **When to use**: to check a moved tenant again (before the source's rows are dropped), or to
 * carry another checkpoint over with `translate`.
 *
 * **Details**: one pass over the source's log, side by side with the tenant's messages (each the
 * append the source's events make, fingerprint included) and with the NATS store's `readAll` of the
 * tenant (every field of every event, positions as the messages say); then every stream by
 * `readStream` and `streamVersion` on both sides. The first difference fails with `MOVE-MISMATCH`,
 * naming the event and the field.
 *
 * @example
 * ```ts no-run
 * import { EventStore } from "@thidua/store"
 * import { Move } from "@thidua/store-nats"
 * import { Effect } from "effect"
 *
 * const check = Effect.gen(function* () {
 *   const from = yield* EventStore.EventStore
 *   const digests = yield* Move.digestsFromSql("hoan-kiem")
 *   return yield* Move.verifyTenant({ from, tenantId: "hoan-kiem", to: { servers: "nats://n1:4222" }, digests })
 * })
 * ```
 *
 * @since 0.7.0
 */
export const verifyTenant = (options: Options): Effect.Effect<Verified, MoveError> =>
  Effect.scoped(Effect.flatMap(open(options.to, options.tenantId), (t) => verifyOn(t, options)))

/**
 * The fingerprints of a tenant's commands, from the PostgreSQL store's `thidua_commands`, through
 * the `SqlClient` in context (the one `PostgresStore.layer` provides).
 *
 * @example
 * ```ts no-run
 * import { PostgresStore } from "@thidua/store-postgres"
 * import { Move } from "@thidua/store-nats"
 * import { Effect } from "effect"
 *
 * const digests = await Effect.runPromise(
 *   Move.digestsFromSql("hoan-kiem").pipe(Effect.provide(PostgresStore.layer({ url: "postgres://postgres@db/app" })))
 * )
 * ```
 *
 * @since 0.7.0
 */
export const digestsFromSql = (tenantId: string): Effect.Effect<Digests, MoveError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    // One-word names: a client that renames columns (snake to camel case) leaves them alone.
    const rows = yield* sql<{ readonly command: string; readonly stream: string; readonly digest: string }>`
      SELECT command_id AS command, stream_id AS stream, digest FROM thidua_commands
      WHERE tenant_id = ${tenantId} AND digest IS NOT NULL`
    return new Map(rows.map((r) => [r.command, { streamId: r.stream, digest: r.digest }]))
  }).pipe(Effect.mapError(sourceError(tenantId)))
