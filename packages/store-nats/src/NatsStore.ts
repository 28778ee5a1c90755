/**
 * The EventStore port on NATS JetStream: one server, or a cluster whose streams are replicated by
 * Raft (three replicas survive one server lost), with the same conformance suite as the other
 * stores.
 *
 * **Layout.** Tenants are placed in groups (`Config.groups`, `Config.place`); each group is one
 * JetStream stream, `THIDUA_<GROUP>`, whose subjects are `thidua.<group>.<tenant>.<stream>` (tenant
 * and stream ids as base64url tokens). A group's stream lives on the servers JetStream places it on:
 * give a province's group the tags of its servers, or a large tenant a group of its own.
 *
 * **Appends.** One append is one message (the whole batch in its body), so a batch is written
 * whole or not at all on a server that has no atomic batch publish. An event's position is its
 * message's stream sequence and its index in the message; a stream's version counts its events.
 * Each process keeps a ledger of the tenants it writes to (stream versions, event ids per stream,
 * command ids per tenant), complete up to a stream sequence of the group, decides against it, and
 * publishes on the condition that the group's stream is still at that sequence (and the stream's
 * subject at its last message): when another process wrote meanwhile, JetStream refuses the
 * message, the process reads what was written and decides again. So a command id is unique per
 * tenant and an event id per stream for as long as the log lives, not only within JetStream's
 * dedupe window, and nothing but the log has to be written. The price: a group takes one append
 * per round trip (about 0.3 ms on one server here); groups on different servers write in parallel.
 *
 * **Lost answers.** A publish whose answer does not come (a server killed, a leader election) is
 * sent again, with the same condition and the same message id, for up to `Options.retryFor`: it
 * can land once at most, and when it did the store finds it and answers as if nothing happened.
 *
 * **Reads** come from the server: a stream's last message by subject, and ordered consumers for
 * longer reads, the global log and subscriptions (which take over from the last sequence they
 * delivered when a server goes away, so they never skip or repeat). There is no order across
 * groups: `readAll` and `subscribe` without a tenant read the one group of a store that has one.
 *
 * The servers must let a message of 16 MB through (`max_payload: 16MB`): an append holds up to
 * 8 MiB of payloads and its keys. An append over the server's `max_payload` fails with
 * `LimitExceeded`.
 *
 * @since 0.7.0
 */
import { randomUUID } from "node:crypto"
import {
  type ConsumerMessages,
  DiscardPolicy,
  JetStreamApiError,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type StoredMsg
} from "@nats-io/jetstream"
import { type ConnectionOptions, type NatsConnection, nanos } from "@nats-io/nats-core"
import { connect } from "@nats-io/transport-node"
import { EventStore, type Position, type Recorded, StoreError, Telemetry, Validation } from "@thidua/store"
import { Effect, Layer, Option, Queue, type Scope, Stream } from "effect"
import * as Ledger from "./internal/ledger.js"
import * as Message from "./internal/message.js"
import * as Retry from "./internal/retry.js"

/**
 * A group of tenants: one JetStream stream.
 *
 * @since 0.7.0
 */
export interface GroupConfig {
  /** Replicas of the group's stream: 1, 3 or 5 (at most the servers of the cluster). Default 1. */
  readonly replicas?: number
  /** Where JetStream places the stream: servers with all these tags, in this cluster. */
  readonly placement?: { readonly cluster?: string; readonly tags?: ReadonlyArray<string> }
}

/**
 * Where the servers are and how tenants are placed.
 *
 * @since 0.7.0
 */
export interface Config {
  /** `"127.0.0.1:4222"`, or several servers of a cluster (the client fails over between them). */
  readonly servers: string | ReadonlyArray<string>
  /** The first token of every subject and the prefix of the stream names. Default `"thidua"`. */
  readonly name?: string
  /** The groups, by name (letters, digits, `-`, `_`). Default one group, `main`. */
  readonly groups?: Readonly<Record<string, GroupConfig>>
  /** The group of a tenant. Default: the first group. */
  readonly place?: (tenantId: string) => string
  /** More options of the connection (credentials, TLS, its name), as `@nats-io/transport-node` takes them. */
  readonly connection?: Omit<ConnectionOptions, "servers">
}

/**
 * Options of the store.
 *
 * @since 0.7.0
 */
export interface Options extends Validation.Options {
  /** The clock of `recordedAt`. Default `Date.now`. */
  readonly now?: () => number
  /** How long an append or a read keeps trying while no server answers (an election, a server lost). Default 30 s. */
  readonly retryFor?: number
}

/**
 * The position of the `index`th event of the message at stream sequence `seq`: `n`, 20 digits of
 * the sequence, then 5 of the index, so string order is log order. The `n` sorts after every digit:
 * a position of this store comes after any of the PostgreSQL and in-memory stores, so a tenant
 * moved here keeps its readers' comparisons between positions from before and after the move.
 *
 * @example
 * ```ts
 * import { NatsStore } from "@thidua/store-nats"
 * import assert from "node:assert"
 *
 * assert.equal(NatsStore.position(12, 1), "n0000000000000000001200001")
 * assert.ok(NatsStore.position(1, 0) > "00000000000000000745:00000000000000000012") // PostgreSQL's
 * assert.ok(NatsStore.position(12, 1) < NatsStore.position(13, 0))
 * assert.deepEqual(NatsStore.parsePosition(NatsStore.position(12, 1)), [12, 1])
 * ```
 *
 * @since 0.7.0
 */
export const position: (seq: number, index: number) => Position.Position = Message.position

/**
 * The stream sequence and index of a position of this store; `[0, 0]` for the start, undefined for
 * a position of another store.
 *
 * @since 0.7.0
 */
export const parsePosition: (p: Position.Position) => readonly [number, number] | undefined = Message.parsePosition

const namePattern = /^[A-Za-z0-9_-]{1,32}$/
/** Every subject's first token and the streams' prefix when none is given. @since 0.7.0 */
export const defaultName = "thidua"

interface Group {
  readonly name: string
  /** The JetStream stream. */
  readonly stream: string
  /** `<name>.<group>`: a subject is `<prefix>.<tenant>.<stream>`. */
  readonly prefix: string
  /** Every message up to here is in the ledgers of `tenants`. */
  watermark: number
  readonly tenants: Map<string, Ledger.TenantEntry>
  /** The appends of this process to the group, one at a time. */
  tail: Promise<unknown>
}

const unavailable = (operation: string) => (cause: unknown) => new StoreError.StoreUnavailable({ operation, cause })

const wrongLastSequence = (cause: unknown): boolean => cause instanceof JetStreamApiError && cause.code === 10071

/**
 * An ordered consumer from `seq` on, filtered only when it reads part of the group: a filter on
 * the group's whole subject space names every message anyway, and a nats-server of the 2.9 series
 * delivers through a wildcard filter far slower than without one (a catch-up of 20,000 one-event
 * appends took 13 s filtered, 1.6 s not).
 */
const startingAt = (g: { readonly prefix: string }, filter: string, seq: number) =>
  (filter === `${g.prefix}.>` ? { opt_start_seq: seq } : { filter_subjects: filter, opt_start_seq: seq }) as never

/** A tenant's history read into a ledger, up to a sequence. */
interface Preloaded {
  readonly entry: Ledger.TenantEntry
  readonly upTo: number
}

/** An append as its caller sees it: given up on, or past the point where it can be. */
interface Call {
  abandoned: boolean
  committing: boolean
}

const abandoned = () =>
  new StoreError.StoreUnavailable({
    operation: "append",
    cause: new Error("the append was interrupted before it was sent")
  })

/**
 * Bytes a read pulls ahead: half of what a server buffers for a connection by default (64 MB).
 * A consumer's `consume` keeps pulling as it is read (a one-off `fetch` by bytes stopped at a
 * hundred messages until it expired; by count, large messages overflowed the server's buffer).
 */
const pullBytes = 32 * 1024 * 1024

/**
 * How often a server sends a reader a heartbeat while it has nothing to deliver (ms): two missed
 * ones tell an ordered consumer that its server went away, and it starts again on another. The
 * client's default (15 s) left a subscription silent for half a minute after a restart.
 */
const heartbeat = 1000

/** Messages behind that a ledger catches up with one request each, rather than through a consumer. */
const smallGap = 16

/** Tenants of a process in a group up to which a ledger far behind reads their subjects alone. */
const fewTenants = 8

/** What the headers of an append's message take of the server's `max_payload`, at most. */
const headerBytes = 512

/** A message on the store's subjects that it did not write, or cannot read. */
const unreadable = (stream: string, seq: number) =>
  new Error(`message ${seq} of JetStream stream ${stream} is not an append this store can read`)

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The store over a connection of its own, closed with the scope.
 *
 * @since 0.7.0
 */
export const make = (
  config: Config,
  options: Options = {}
): Effect.Effect<EventStore.Shape, StoreError.StoreUnavailable, Scope.Scope> =>
  Effect.gen(function* () {
    const name = config.name ?? defaultName
    const groupConfigs = config.groups ?? { main: {} }
    const groupNames = Object.keys(groupConfigs)
    if (!namePattern.test(name) || groupNames.length === 0 || !groupNames.every((g) => namePattern.test(g)))
      return yield* Effect.fail(
        unavailable("configure")(
          new Error(
            "NatsStore: the name and the group names are 1 to 32 letters, digits, '-' or '_', with one group at least"
          )
        )
      )
    const nc = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () =>
          connect({
            maxReconnectAttempts: -1,
            reconnectTimeWait: 250,
            name: "thidua",
            ...config.connection,
            servers: typeof config.servers === "string" ? config.servers : [...config.servers]
          }),
        catch: unavailable("connect")
      }),
      (nc) => Effect.promise(() => nc.close().catch(() => undefined))
    )
    const store = yield* Effect.tryPromise({
      try: () => open(nc, name, groupConfigs, config.place, options),
      catch: unavailable("configure")
    })
    if (!(yield* Telemetry.Enabled)) return store
    return Telemetry.traceAppends(store, "nats")
  })

/**
 * The store as a layer: connects, creates the groups' streams that do not exist (and checks those
 * that do), and closes the connection with the layer.
 *
 * @example
 * ```ts no-run
 * import { EventStore } from "@thidua/store"
 * import { NatsStore } from "@thidua/store-nats"
 * import { Effect } from "effect"
 *
 * // Three servers with routes between them; two groups, the second on the Hanoi servers.
 * const layer = NatsStore.layer({
 *   servers: ["nats-1:4222", "nats-2:4222", "nats-3:4222"],
 *   groups: { main: { replicas: 3 }, hanoi: { replicas: 3, placement: { tags: ["hanoi"] } } },
 *   place: (tenantId) => (tenantId.startsWith("hn-") ? "hanoi" : "main")
 * })
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   return yield* store.append("hn-ldld", "campaign:hm-2020", "no-stream", [
 *     { eventId: "e-1", type: "CampaignLaunched", data: { at: "2020-01-02" }, schemaVersion: 1 }
 *   ])
 * })
 * await Effect.runPromise(Effect.provide(program, layer))
 * ```
 *
 * @since 0.7.0
 */
export const layer = (
  config: Config,
  options: Options = {}
): Layer.Layer<EventStore.EventStore, StoreError.StoreUnavailable> =>
  Layer.effect(EventStore.EventStore, make(config, options))

const ensureStream = async (jsm: JetStreamManager, stream: string, prefix: string, group: GroupConfig) => {
  const subjects = [`${prefix}.>`]
  try {
    const info = await jsm.streams.info(stream)
    const has = info.config.subjects ?? []
    if (has.length !== 1 || has[0] !== subjects[0])
      throw new Error(`NatsStore: stream ${stream} exists with subjects ${has.join(", ")}, not ${subjects[0]}`)
    // A stream that lets messages go (made by hand, or by another tool) would lose events and
    // free their ids for another use: it is refused rather than taken as it is.
    const c = info.config
    const dropping = [
      c.retention !== RetentionPolicy.Limits ? `retention ${c.retention}` : undefined,
      (c.max_msgs ?? -1) > 0 ? `max_msgs ${c.max_msgs}` : undefined,
      (c.max_bytes ?? -1) > 0 ? `max_bytes ${c.max_bytes}` : undefined,
      (c.max_age ?? 0) > 0 ? `max_age ${c.max_age}` : undefined,
      (c.max_msgs_per_subject ?? -1) > 0 ? `max_msgs_per_subject ${c.max_msgs_per_subject}` : undefined,
      // Through the API (`nats stream rmm`, a purge) or a rollup header on a publish.
      c.deny_delete !== true ? "deletes allowed" : undefined,
      c.deny_purge !== true ? "purges allowed" : undefined,
      c.allow_rollup_hdrs === true ? "rollups allowed" : undefined
    ].filter((x) => x !== undefined)
    if (dropping.length > 0)
      throw new Error(`NatsStore: stream ${stream} exists with settings that let events go (${dropping.join(", ")})`)
    // Fewer copies than the group asks for would keep its events on fewer servers than the host
    // believes: refused, not changed behind the operator's back (more copies are kept as they are).
    if ((c.num_replicas ?? 1) < (group.replicas ?? 1))
      throw new Error(
        `NatsStore: stream ${stream} exists with ${c.num_replicas ?? 1} replica(s) and the group asks for ${group.replicas}; raise them on the stream (nats stream edit) or ask for fewer`
      )
    return info.state.last_seq
  } catch (cause) {
    if (!(cause instanceof JetStreamApiError) || cause.code !== 10059) throw cause
  }
  const info = await jsm.streams.add({
    name: stream,
    subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    num_replicas: group.replicas ?? 1,
    // The log is kept whole: no message of it is deleted or purged through the API.
    deny_delete: true,
    deny_purge: true,
    duplicate_window: nanos(120_000),
    ...(group.placement === undefined
      ? {}
      : {
          placement: {
            ...(group.placement.cluster === undefined ? {} : { cluster: group.placement.cluster }),
            ...(group.placement.tags === undefined ? {} : { tags: [...group.placement.tags] })
          }
        })
  } as Parameters<JetStreamManager["streams"]["add"]>[0])
  return info.state.last_seq
}

const open = async (
  nc: NatsConnection,
  name: string,
  groupConfigs: Readonly<Record<string, GroupConfig>>,
  place: ((tenantId: string) => string) | undefined,
  options: Options
): Promise<EventStore.Shape> => {
  const jsm = await jetstreamManager(nc)
  const js = jetstream(nc)
  const validator = Validation.make(options)
  const now = options.now ?? Date.now
  const retryFor = options.retryFor ?? 30_000
  const groups = new Map<string, Group>()
  for (const [g, gc] of Object.entries(groupConfigs)) {
    const stream = `${name.toUpperCase()}_${g.toUpperCase()}`
    const prefix = `${name}.${g}`
    const last = await ensureStream(jsm, stream, prefix, gc)
    groups.set(g, { name: g, stream, prefix, watermark: last, tenants: new Map(), tail: Promise.resolve() })
  }
  const first = groups.values().next().value as Group
  // The host's placement, which may throw or answer a group there is none of: no group then.
  const groupOf = (tenantId: string): Group | undefined => {
    if (place === undefined) return first
    try {
      const name = place(tenantId)
      return typeof name === "string" ? groups.get(name) : undefined
    } catch {
      return undefined
    }
  }

  const maxPayload = () => nc.info?.max_payload ?? 1024 * 1024

  // A store whose connection is closed (its scope has ended) will not be answered again.
  const retryable = (cause: unknown) => Retry.transient(cause) && !nc.isClosed()

  /** Runs `f` again while no server answers, for up to `retryFor`. */
  const persist = <A>(f: () => Promise<A>): Promise<A> => Retry.persist(f, retryFor, retryable)

  const lastSeq = (g: Group) => persist(async () => (await jsm.streams.info(g.stream)).state.last_seq)
  const lastOf = (g: Group, subject: string) =>
    persist(() => jsm.streams.getMessage(g.stream, { last_by_subj: subject }))
  const messageAt = (g: Group, seq: number) => persist(() => jsm.streams.getMessage(g.stream, { seq }))

  /**
   * Stops `messages` when its consumer's heartbeats stop (two missed): the client would otherwise
   * wait for a consumer whose server is gone to answer again, which it may never do.
   */
  const lostWhenSilent = (messages: ConsumerMessages): { value: boolean } => {
    const lost = { value: false }
    void (async () => {
      for await (const s of messages.status())
        if (s.type === "heartbeats_missed" && s.count >= 2) {
          lost.value = true
          messages.stop()
          return
        }
    })().catch(() => undefined)
    return lost
  }

  /**
   * The messages of `filter` from sequence `from` up to `end`, to `each`, which may say it has
   * enough. `end` is the sequence of a message of the filter (the read ends with it). An ordered
   * consumer reads them in order; when a server goes away mid-read, a new one takes over after the
   * last message delivered. Returns the sequence to read on from.
   */
  const readRange = async (
    g: Group,
    filter: string,
    from: number,
    end: number,
    each: (m: JsMsg) => boolean | undefined
  ): Promise<number> => {
    let next = from
    let giveUpAt = performance.now() + retryFor
    while (next <= end) {
      const consumer = await persist(() => js.consumers.get(g.stream, startingAt(g, filter, next)))
      // Pulled by bytes, not by count: two hundred messages of several megabytes each piled up
      // past what a server buffers for a connection (64 MB), and it dropped the connection.
      const messages = await consumer.consume({ max_bytes: pullBytes, expires: 5000, idle_heartbeat: heartbeat })
      const lost = lostWhenSilent(messages)
      const watch = setInterval(() => {
        if (performance.now() > giveUpAt) messages.stop()
      }, 1000)
      try {
        for await (const m of messages) {
          if (m.seq < next) continue
          next = m.seq + 1
          giveUpAt = performance.now() + retryFor
          if (m.seq > end) break
          if (each(m) === true && m.seq < end) return next
          if (m.seq === end) break
        }
        // Its server gone, a new consumer goes on from `next`; otherwise nothing came in time.
        if (next <= end && !lost.value)
          throw new Error(`NatsStore: no message of ${filter} came from ${next} on within ${retryFor} ms`)
      } catch (cause) {
        if (!retryable(cause) || performance.now() > giveUpAt) throw cause
        await sleep(100)
      } finally {
        clearInterval(watch)
        messages.stop()
        consumer.delete().catch(() => undefined)
      }
    }
    return next
  }

  const subjectOf = (g: Group, tenantId: string, streamId: string) =>
    `${g.prefix}.${Message.token(tenantId)}.${Message.token(streamId)}`
  const tenantFilter = (g: Group, tenantId: string) => `${g.prefix}.${Message.token(tenantId)}.*`
  const tenantTokenOf = (g: Group, subject: string) => {
    const rest = subject.slice(g.prefix.length + 1)
    return rest.slice(0, rest.indexOf("."))
  }
  const streamIdOf = (g: Group, subject: string) => {
    const rest = subject.slice(g.prefix.length + 1)
    return Message.fromToken(rest.slice(rest.indexOf(".") + 1))
  }
  /** Records a message of a tenant in its ledger, readable or not; its body when it reads. */
  const record = (
    g: Group,
    entry: Ledger.TenantEntry,
    m: { readonly seq: number; readonly subject: string; readonly data: Uint8Array }
  ): Message.Body | undefined => {
    const body = Message.decode(m.data)
    if (body === undefined) Ledger.applyUnreadable(entry, streamIdOf(g, m.subject), m.seq)
    else Ledger.apply(entry, m.seq, body)
    return body
  }

  /** Reads the group's messages after the watermark into the ledgers; the nonce's message, when found. */
  const catchUp = async (
    g: Group,
    end: number,
    nonce?: string
  ): Promise<{ seq: number; body: Message.Body } | undefined> => {
    let mine: { seq: number; body: Message.Body } | undefined
    const tokens = new Map<string, Ledger.TenantEntry>()
    for (const [t, entry] of g.tenants) tokens.set(Message.token(t), entry)
    const each = (m: { readonly seq: number; readonly subject: string; readonly data: Uint8Array }): undefined => {
      const entry = tokens.get(tenantTokenOf(g, m.subject))
      if (entry === undefined) return undefined
      const body = record(g, entry, m)
      if (body !== undefined && nonce !== undefined && body.n === nonce) mine = { seq: m.seq, body }
      return undefined
    }
    if (end > g.watermark && tokens.size > 0) {
      if (end - g.watermark <= smallGap) {
        // A few messages behind (writers contending for a group): fetched at once, one request
        // each, rather than through a consumer (two round trips to make one, and its deletion).
        const seqs = Array.from({ length: end - g.watermark }, (_, i) => g.watermark + 1 + i)
        const got = await Promise.all(seqs.map((seq) => messageAt(g, seq)))
        for (const m of got) if (m !== null) each(m)
      } else if (tokens.size <= fewTenants) {
        // Far behind, with few tenants of its own: their subjects say in one request each whether
        // anything of theirs was written meanwhile (a process idle while others wrote a hundred
        // thousand appends to other tenants reads none of them).
        for (const token of tokens.keys()) {
          const filter = `${g.prefix}.${token}.*`
          const last = await lastOf(g, filter)
          if (last !== null && last.seq > g.watermark) await readRange(g, filter, g.watermark + 1, last.seq, each)
        }
      } else await readRange(g, `${g.prefix}.>`, g.watermark + 1, end, each)
    }
    if (end > g.watermark) g.watermark = end
    return mine
  }

  /**
   * A tenant's history as a ledger, read outside the group's chain of appends, so that a first
   * append to a tenant with a long history does not hold up the appends to the others.
   */
  const preload = async (g: Group, tenantId: string, from = 1, entry = Ledger.emptyTenant()): Promise<Preloaded> => {
    const own = await lastOf(g, tenantFilter(g, tenantId))
    if (own !== null && own.seq >= from)
      await readRange(g, tenantFilter(g, tenantId), from, own.seq, (m) => {
        record(g, entry, m)
      })
    return { entry, upTo: Math.max(from - 1, own?.seq ?? 0) }
  }

  /** The tenant's ledger, from its preloaded history the first time this process writes to it. */
  const ledgerOf = async (
    g: Group,
    tenantId: string,
    preloaded: Preloaded | undefined
  ): Promise<Ledger.TenantEntry> => {
    const known = g.tenants.get(tenantId)
    if (known !== undefined) return known
    // What was written to the tenant since its history was read (by this process's catch-ups,
    // which passed it over, say): read on from there.
    const { entry } = await preload(g, tenantId, (preloaded?.upTo ?? 0) + 1, preloaded?.entry)
    // From here on it catches up with the others: what it has read already is passed over.
    g.tenants.set(tenantId, entry)
    await catchUp(g, await lastSeq(g))
    return entry
  }

  const eventsOf = async (g: Group, seq: number): Promise<Array<Recorded.RecordedEvent>> => {
    const m = await messageAt(g, seq)
    const body = m === null ? undefined : Message.decode(m.data)
    if (m === null || body === undefined) throw new Error(`NatsStore: message ${seq} of ${g.stream} cannot be read`)
    return Message.recorded(body, m.seq)
  }

  /** What the ledger says of an append: a duplicate, a conflict, a refusal, or the version to write after. */
  const decide = async (
    g: Group,
    tenant: Ledger.TenantEntry,
    tenantId: string,
    streamId: string,
    expected: Recorded.ExpectedVersion,
    events: ReadonlyArray<Recorded.NewEvent>,
    metadata: Recorded.AppendMetadata
  ): Promise<Recorded.AppendResult | EventStore.AppendError | number> => {
    const entry = tenant.streams.get(streamId)
    if (entry?.unreadable !== undefined) return unavailable("append")(unreadable(g.stream, entry.unreadable))
    const current = entry?.version ?? 0
    const commandId = metadata.commandId
    const command = commandId === undefined ? undefined : tenant.commands.get(commandId)
    if (command !== undefined) {
      const earlier = (await eventsOf(g, command.seq)).filter((e) => e.commandId === commandId)
      const same =
        command.streamId === streamId &&
        (command.digest !== undefined && metadata.commandDigest !== undefined
          ? command.digest === metadata.commandDigest
          : events.length === 0 || Validation.sameContent(earlier, events))
      if (same)
        return command.digest === undefined
          ? { events: earlier, version: current, duplicate: true }
          : { events: earlier, version: current, duplicate: true, commandDigest: command.digest }
      return new StoreError.IdempotencyConflict({
        tenantId,
        streamId,
        key: `command ${commandId}`,
        reason: command.streamId === streamId ? "used before with other content" : "used before on another stream",
        first: { streamId: command.streamId, content: StoreError.describeContent(command.digest, earlier) },
        attempted: StoreError.describeContent(metadata.commandDigest, events)
      })
    }
    if (entry !== undefined) {
      const seqs = new Set<number>()
      let seen = 0
      for (const e of events) {
        const seq = entry.eventIds.get(e.eventId)
        if (seq !== undefined) {
          seen++
          seqs.add(seq)
        }
      }
      if (seen > 0) {
        const byId = new Map<string, Recorded.RecordedEvent>()
        for (const seq of seqs) for (const r of await eventsOf(g, seq)) byId.set(r.eventId, r)
        const earlier = events.map((e) => byId.get(e.eventId))
        const all = seen === events.length && earlier.every((e) => e !== undefined)
        return all && Validation.sameContent(earlier as Array<Recorded.RecordedEvent>, events)
          ? { events: earlier as Array<Recorded.RecordedEvent>, version: current, duplicate: true }
          : new StoreError.IdempotencyConflict({
              tenantId,
              streamId,
              key: `event ${events.find((e) => entry.eventIds.has(e.eventId))!.eventId}`,
              reason: all
                ? "appended before with other content"
                : "some events of the batch were appended before, others not"
            })
      }
    }
    if (
      (typeof expected === "number" && expected !== current) ||
      (expected === "no-stream" && current !== 0) ||
      (expected === "stream-exists" && current === 0)
    )
      return new StoreError.WrongExpectedVersion({ tenantId, streamId, expected, actual: current })
    if (events.length === 0) return { events: [], version: current, duplicate: false }
    return current
  }

  type Published = { readonly seq: number } | "moved"

  /** Publishes on the condition that the group is at `after`; "moved" when it is not. */
  const publish = (subject: string, data: Uint8Array, after: number, subjectAfter: number, nonce: string) =>
    persist<Published>(async () => {
      try {
        const ack = await js.publish(subject, data, {
          expect: { lastSequence: after, lastSubjectSequence: subjectAfter },
          msgID: nonce,
          timeout: 5000
        })
        return { seq: ack.seq }
      } catch (cause) {
        if (wrongLastSequence(cause)) return "moved"
        throw cause
      }
    })

  const appendNow = async (
    g: Group,
    tenantId: string,
    streamId: string,
    expected: Recorded.ExpectedVersion,
    events: ReadonlyArray<Recorded.NewEvent>,
    metadata: Recorded.AppendMetadata,
    beforeCommit: ((events: ReadonlyArray<Recorded.RecordedEvent>) => void) | undefined,
    call: Call,
    preloaded: Preloaded | undefined
  ): Promise<Recorded.AppendResult | EventStore.AppendError> => {
    if (call.abandoned) return abandoned()
    const tenant = await ledgerOf(g, tenantId, preloaded)
    const subject = subjectOf(g, tenantId, streamId)
    const nonce = randomUUID()
    // The position the hook last saw (a publish sent again at the same position needs no new
    // call), and the events it was given.
    let hookedAt = -1
    let hooked: ReadonlyArray<Recorded.RecordedEvent> = []
    // Refusals of the condition that reading the log did not explain, in a row.
    let unexplained = 0
    // Whether the ledger has caught up with the group's last sequence as it stood at a moment of
    // this call: an answer from it is true of that moment. Checking again until no other process
    // has written meanwhile would never end while one keeps writing.
    let current = false
    for (;;) {
      const decided = await decide(g, tenant, tenantId, streamId, expected, events, metadata)
      if (typeof decided !== "number") {
        // A write proves the ledger current by landing; an answer without one must check: a
        // version refused, or reported, from a ledger another process has moved past would be
        // wrong. (An idempotency conflict stays true: the log keeps what it found.)
        if (!current && !(decided instanceof StoreError.IdempotencyConflict)) {
          const end = await lastSeq(g)
          current = true
          if (end > g.watermark) {
            await catchUp(g, end)
            continue
          }
        }
        // The hook saw events that were then not written (another process wrote first, and this
        // append turned out a duplicate): it is called again, as a store that makes its write
        // again calls it, which tells it the first call's events never committed.
        if (hookedAt !== -1 && !(decided instanceof Error) && beforeCommit !== undefined) {
          try {
            beforeCommit(hooked)
          } catch (cause) {
            return new StoreError.AppendAborted({ tenantId, streamId, cause })
          }
        }
        return decided
      }
      // A hook is told of events only once they are all but written: first the ledger is made
      // current (one more round trip), so that it is not called for an append that would turn out
      // a duplicate or a refusal. (Another process writing within that round trip can still make
      // it so: the hook is then called again, see above.)
      if (beforeCommit !== undefined && hookedAt === -1 && !current) {
        const end = await lastSeq(g)
        current = true
        if (end > g.watermark) {
          await catchUp(g, end)
          continue
        }
      }
      const after = g.watermark
      const body = Message.body(tenantId, streamId, decided + 1, now(), nonce, events, metadata)
      const data = Message.encode(body)
      // The server counts the headers (message id, expected sequences) with the payload.
      if (data.length + headerBytes > maxPayload())
        return new StoreError.LimitExceeded({
          limit: "appendBytes",
          field: "events",
          size: data.length + headerBytes,
          max: maxPayload()
        })
      const recorded = Message.recorded(body, after + 1)
      // The caller gave up before anything was sent: nothing is. From here on the append is
      // committing, and the caller waits for its end even when interrupted (see `append`).
      if (call.abandoned) return abandoned()
      call.committing = true
      if (beforeCommit !== undefined && hookedAt !== after) {
        hookedAt = after
        hooked = recorded
        try {
          beforeCommit(recorded)
        } catch (cause) {
          return new StoreError.AppendAborted({ tenantId, streamId, cause })
        }
      }
      const stream = tenant.streams.get(streamId)
      const subjectAfter = stream === undefined ? 0 : stream.seqs[stream.seqs.length - 1]!
      const published = await publish(subject, data, after, subjectAfter, nonce)
      if (published !== "moved") {
        Ledger.apply(tenant, published.seq, body)
        if (published.seq > g.watermark) g.watermark = published.seq
        return { events: recorded, version: decided + events.length, duplicate: false }
      }
      // Another writer got there first, or an earlier send of this very message did.
      const before = g.watermark
      const mine = await catchUp(g, await lastSeq(g), nonce)
      current = true
      if (mine !== undefined)
        return {
          events: Message.recorded(mine.body, mine.seq),
          version: mine.body.v + events.length - 1,
          duplicate: false
        }
      // Refused while the log stood still: the stream's subject holds what the ledger does not
      // know (a message another program wrote there, say). Trying for ever would hold the group.
      unexplained = g.watermark === before ? unexplained + 1 : 0
      if (unexplained >= 3)
        return unavailable("append")(
          new Error(`the JetStream stream ${g.stream} refuses the append's condition, and its log does not say why`)
        )
    }
  }

  const append: EventStore.Shape["append"] = (tenantId, streamId, expected, events, metadata = {}, options = {}) =>
    Effect.suspend(() => {
      const refused = Validation.checkExpected(expected) ?? validator.append(tenantId, streamId, events, metadata)
      if (refused !== undefined) return Effect.fail(refused)
      if (events.length > 1 && new Set(events.map((e) => e.eventId)).size !== events.length)
        return Effect.fail(
          new StoreError.IdempotencyConflict({
            tenantId,
            streamId,
            key: `event ${events.find((e, i) => events.findIndex((f) => f.eventId === e.eventId) !== i)!.eventId}`,
            reason: "the batch holds the same event id twice"
          })
        )
      const g = groupOf(tenantId)
      if (g === undefined)
        return Effect.fail(
          new StoreError.InvalidInput({ field: "tenantId", reason: "is placed on a group this store does not have" })
        )
      // One append of this process at a time per group: each decides on what the one before wrote.
      const call: Call = { abandoned: false, committing: false }
      // A tenant new to this process: its history is read before the append joins the chain.
      const history = g.tenants.has(tenantId) ? Promise.resolve(undefined) : preload(g, tenantId)
      const run = history
        .then((preloaded) => {
          const next = g.tail.then(() =>
            appendNow(g, tenantId, streamId, expected, events, metadata, options.beforeCommit, call, preloaded)
          )
          g.tail = next.catch(() => undefined)
          return next
        })
        .catch((cause) => unavailable("append")(cause))
      // Interrupted before it sent anything, the append sends nothing; interrupted once it has
      // called the hook or sent its message, the caller waits for the outcome, so that what it
      // learns (an inline projection folding the log again, say) comes after the message landed
      // or was refused, never while it is on its way.
      return Effect.flatMap(
        Effect.onInterrupt(
          Effect.promise(() => run),
          () =>
            call.committing
              ? Effect.promise(() => run)
              : Effect.sync(() => {
                  call.abandoned = true
                })
        ),
        (r) => (r instanceof Error ? Effect.fail(r as EventStore.AppendError) : Effect.succeed(r))
      )
    })

  const validKeys = (tenantId: string, streamId: string) =>
    Validation.keyProblem(tenantId) === undefined && Validation.keyProblem(streamId) === undefined

  const readStream: EventStore.Shape["readStream"] = (tenantId, streamId, fromVersion = 1) =>
    Effect.tryPromise({
      try: async () => {
        const g = groupOf(tenantId)
        const from = Validation.firstVersion(fromVersion)
        if (g === undefined || !validKeys(tenantId, streamId) || !Number.isFinite(from)) return []
        const subject = subjectOf(g, tenantId, streamId)
        const last = await lastOf(g, subject)
        if (last === null) return []
        const lastBody = Message.decode(last.data)
        if (lastBody === undefined) throw unreadable(g.stream, last.seq)
        if (from >= lastBody.v) return Message.recorded(lastBody, last.seq, from - lastBody.v)
        const known = g.tenants.get(tenantId)?.streams.get(streamId)
        const start = known === undefined ? 1 : Ledger.seqOfVersion(known, from)
        const out: Array<Recorded.RecordedEvent> = []
        await readRange(g, subject, start, last.seq, (m) => {
          const body = Message.decode(m.data)
          if (body === undefined) throw unreadable(g.stream, m.seq)
          if (body.v + body.e.length > from)
            for (const r of Message.recorded(body, m.seq, Math.max(0, from - body.v))) out.push(r)
        })
        return out
      },
      catch: unavailable("readStream")
    })

  const streamVersion: EventStore.Shape["streamVersion"] = (tenantId, streamId) =>
    Effect.tryPromise({
      try: async () => {
        const g = groupOf(tenantId)
        if (g === undefined || !validKeys(tenantId, streamId)) return 0
        const last: StoredMsg | null = await lastOf(g, subjectOf(g, tenantId, streamId))
        if (last === null) return 0
        const body = Message.decode(last.data)
        if (body === undefined) throw unreadable(g.stream, last.seq)
        return body.v + body.e.length - 1
      },
      catch: unavailable("streamVersion")
    })

  /** What a read of the log reads: the group, the subjects, where it starts. */
  const target = (
    operation: string,
    after: Position.Position,
    options: EventStore.ReadAllOptions
  ): StoreError.StoreUnavailable | undefined | { g: Group; filter: string; seq: number; skip: number } => {
    const tenantId = options.tenantId
    const start = Message.parsePosition(after)
    if (start === undefined) return unavailable(operation)(new Error(`${after} is not a position of the NATS store`))
    // A key no write lets in names no tenant.
    if (tenantId !== undefined && Validation.keyProblem(tenantId) !== undefined) return undefined
    if (tenantId === undefined && groups.size > 1)
      return unavailable(operation)(
        new Error("NatsStore: the store has several groups and no order across them; read one tenant at a time")
      )
    const g = tenantId === undefined ? first : groupOf(tenantId)
    if (g === undefined) return undefined
    const filter = tenantId === undefined ? `${g.prefix}.>` : tenantFilter(g, tenantId)
    // After an event: the rest of its message, then the next ones.
    return start[0] === 0 ? { g, filter, seq: 1, skip: 0 } : { g, filter, seq: start[0], skip: start[1] + 1 }
  }

  // A message the store cannot read ends the read with an error: passing over it would lose
  // whatever it held without a word.
  const eventsFrom = (g: Group, m: JsMsg, from: { readonly seq: number; readonly skip: number }) => {
    const body = Message.decode(m.data)
    if (body === undefined) throw unreadable(g.stream, m.seq)
    return Message.recorded(body, m.seq, m.seq === from.seq ? from.skip : 0)
  }

  const readAll: EventStore.Shape["readAll"] = (after, options = {}) => {
    const t = target("readAll", after, options)
    if (t === undefined) return Stream.empty
    if (t instanceof StoreError.StoreUnavailable) return Stream.fail(t)
    const size = Number.isFinite(options.batchSize) ? Math.max(1, Math.min(options.batchSize!, 10_000)) : 1000
    type Page = { readonly seq: number; readonly skip: number; readonly end: number }
    // A page at a time, each from an ordered consumer of its own, up to the end as it stood when
    // the read began (the last message of the filter then).
    const page = async (p: Page | undefined) => {
      const at = p ?? {
        seq: t.seq,
        skip: t.skip,
        end: options.tenantId === undefined ? await lastSeq(t.g) : ((await lastOf(t.g, t.filter))?.seq ?? 0)
      }
      const events: Array<Recorded.RecordedEvent> = []
      const next = await readRange(t.g, t.filter, at.seq, at.end, (m) => {
        for (const r of eventsFrom(t.g, m, at)) events.push(r)
        return events.length >= size
      })
      return [events, next > at.end ? Option.none() : Option.some({ seq: next, skip: 0, end: at.end })] as const
    }
    return Stream.paginate<Page | undefined, Recorded.RecordedEvent, StoreError.StoreUnavailable>(undefined, (p) =>
      Effect.tryPromise({ try: () => page(p), catch: unavailable("readAll") })
    )
  }

  const subscribe: EventStore.Shape["subscribe"] = (after, options = {}) => {
    const t = target("subscribe", after, options)
    if (t === undefined) return Stream.never
    if (t instanceof StoreError.StoreUnavailable) return Stream.fail(t)
    const size = Number.isFinite(options.batchSize) ? Math.max(1, Math.min(options.batchSize!, 10_000)) : 1000
    return Stream.callback<Recorded.RecordedEvent, StoreError.StoreUnavailable>(
      (queue) =>
        Effect.gen(function* () {
          // The next sequence to deliver: an ordered consumer that a lost server ends is replaced by
          // one that starts there, so nothing is skipped or delivered twice.
          let next = t.seq
          let messages: { stop: () => void } | undefined
          let consumer: { delete: () => Promise<boolean> } | undefined
          yield* Effect.addFinalizer(() =>
            Effect.promise(async () => {
              messages?.stop()
              await consumer?.delete().catch(() => false)
            })
          )
          let giveUpAt = performance.now() + retryFor
          for (;;) {
            const opened = yield* Effect.tryPromise({
              try: async () => {
                const c = await persist(() => js.consumers.get(t.g.stream, startingAt(t.g, t.filter, next)))
                consumer = c
                const m = await c.consume({ max_bytes: pullBytes, expires: 5000, idle_heartbeat: heartbeat })
                messages = m
                // Its server gone, it ends, and the loop opens another where it stopped.
                lostWhenSilent(m)
                return m[Symbol.asyncIterator]()
              },
              catch: (cause) => cause
            }).pipe(Effect.result)
            if (opened._tag === "Success") {
              // Open again: a subscription quiet for longer than `retryFor` has lost nothing.
              giveUpAt = performance.now() + retryFor
              const it = opened.success
              for (;;) {
                const step = yield* Effect.result(Effect.tryPromise({ try: () => it.next(), catch: (cause) => cause }))
                if (step._tag === "Failure" || step.success.done === true) break
                const m = step.success.value as JsMsg
                if (m.seq < next) continue
                let events: Array<Recorded.RecordedEvent>
                try {
                  events = eventsFrom(t.g, m, t)
                } catch (cause) {
                  return yield* Queue.fail(queue, unavailable("subscribe")(cause))
                }
                next = m.seq + 1
                giveUpAt = performance.now() + retryFor
                if (events.length > 0) yield* Queue.offerAll(queue, events)
              }
            } else if (!retryable(opened.failure) || performance.now() > giveUpAt)
              return yield* Queue.fail(queue, unavailable("subscribe")(opened.failure))
            messages?.stop()
            // Not waited for: a consumer on a server that is gone answers nothing.
            consumer?.delete().catch(() => false)
            if (performance.now() > giveUpAt)
              return yield* Queue.fail(queue, unavailable("subscribe")(new Error("no server answered")))
            yield* Effect.sleep(100)
          }
        }),
      { bufferSize: size, strategy: "suspend" }
    )
  }

  return EventStore.EventStore.of({
    append,
    readStream,
    streamVersion,
    readAll,
    subscribe
  })
}
