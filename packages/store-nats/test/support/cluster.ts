/**
 * Writers, subscribers and checks for the store on a cluster whose servers are killed under it.
 *
 * A writer is what a process of the application is: a store of its own (its connection and its
 * ledger) and a record of what it sent and what the store answered, kept by the writer itself, so
 * that what the log must hold is known without asking the store. Its appends carry command ids and
 * exact expected versions; a refused version is learned and the next command expects it, and an
 * append that fails as unavailable is sent again, as it was, until the store answers it.
 */
import assert from "node:assert/strict"
import { type JetStreamManager, jetstreamManager } from "@nats-io/jetstream"
import type { NatsConnection } from "@nats-io/nats-core"
import { connect } from "@nats-io/transport-node"
import { Conformance, type EventStore, Position, type Recorded, type StoreError } from "@thidua/store"
import { Effect, Result, Stream } from "effect"
import { NatsStore } from "../../src/index.js"
import { type Cluster, waitFor } from "./servers.js"

/** A stream a writer writes to. */
export interface Target {
  readonly tenant: string
  readonly stream: string
}

/** One command of a writer: what it sent, how often, and what the store finally said. */
export interface Sent {
  readonly writer: string
  readonly tenant: string
  readonly stream: string
  readonly commandId: string
  readonly expected: number
  readonly eventIds: ReadonlyArray<string>
  /** performance.now() of the first send. */
  readonly sentAt: number
  sends: number
  outcome: "pending" | "acknowledged" | "refused"
  /** The store's answer, when acknowledged. */
  result?: Recorded.AppendResult
  /** The version the store said the stream was at, when refused. */
  actual?: number
  /** performance.now() of the answer that settled it. */
  settledAt?: number
}

/** What every writer of a run sent, in the order each writer sent it. */
export interface Ledger {
  readonly sent: Array<Sent>
  /** Sends after a StoreUnavailable. */
  resends: number
  /** What the StoreUnavailable answers said. */
  readonly unavailable: Set<string>
}

export const emptyLedger = (): Ledger => ({ sent: [], resends: 0, unavailable: new Set() })

/** A small seeded generator (mulberry32): a run's choices can be replayed from its seed. */
const generator = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** How long a writer keeps sending one command again while the store says it is unavailable. */
const giveUpAfterMs = 90_000

/**
 * Appends until `running()` says stop, each time to one of `targets`, 1 to 3 events expecting the
 * version this writer last saw (0 at first). Every command ends acknowledged or refused; a command
 * the store could not answer is sent again with the same command id, events and expected version.
 * Fails on any other answer.
 */
export const writer = (
  store: EventStore.Shape,
  name: string,
  targets: ReadonlyArray<Target>,
  seed: number,
  ledger: Ledger,
  running: () => boolean
): Effect.Effect<void, Error> =>
  Effect.gen(function* () {
    const random = generator(seed)
    const seen = new Map<string, number>()
    for (let n = 1; running(); n++) {
      const { tenant, stream } = targets[Math.floor(random() * targets.length)]!
      const key = `${tenant}/${stream}`
      const size = 1 + Math.floor(random() * 3)
      const eventIds = Array.from({ length: size }, (_, i) => `${name}-${n}.${i}`)
      const events = eventIds.map((eventId, i) => ({
        eventId,
        type: Conformance.foreignType,
        data: { writer: name, n, i },
        schemaVersion: 1
      }))
      const sent: Sent = {
        writer: name,
        tenant,
        stream,
        commandId: `${name}-c${n}`,
        expected: seen.get(key) ?? 0,
        eventIds,
        sentAt: performance.now(),
        sends: 0,
        outcome: "pending"
      }
      ledger.sent.push(sent)
      for (;;) {
        sent.sends++
        const answer = yield* Effect.result(
          store.append(tenant, stream, sent.expected, events, { commandId: sent.commandId })
        )
        if (Result.isSuccess(answer)) {
          sent.outcome = "acknowledged"
          sent.result = answer.success
          sent.settledAt = performance.now()
          seen.set(key, answer.success.version)
          break
        }
        const error = answer.failure
        if (error._tag === "WrongExpectedVersion") {
          sent.outcome = "refused"
          sent.actual = error.actual
          sent.settledAt = performance.now()
          seen.set(key, error.actual)
          break
        }
        if (error._tag !== "StoreUnavailable" || performance.now() - sent.sentAt > giveUpAfterMs)
          return yield* Effect.fail(
            new Error(`writer ${name}: ${sent.commandId} (send ${sent.sends}) failed: ${error._tag}: ${error.message}`)
          )
        ledger.resends++
        ledger.unavailable.add(error.message)
        yield* Effect.sleep(100)
      }
    }
  })

/** Events a subscription delivered, as they came; `failure` when it ended. */
export interface Subscribed {
  readonly events: Array<Recorded.RecordedEvent>
  failure?: unknown
}

/** Follows a tenant's log from the start into `into` until interrupted. */
export const follow = (store: EventStore.Shape, tenantId: string, into: Subscribed): Effect.Effect<void> =>
  Stream.runForEach(store.subscribe(Position.start, { tenantId }), (e) => Effect.sync(() => into.events.push(e))).pipe(
    Effect.catch((failure) => Effect.sync(() => (into.failure = failure))),
    Effect.andThen(Effect.sync(() => (into.failure ??= "the subscription ended")))
  )

/** The log of a store (one group), whole. */
export const readLog = (
  store: EventStore.Shape,
  tenantId?: string
): Effect.Effect<ReadonlyArray<Recorded.RecordedEvent>, StoreError.StoreUnavailable> =>
  Stream.runCollect(store.readAll(Position.start, tenantId === undefined ? {} : { tenantId }))

/** What a run's figures are made of. */
export interface Figures {
  readonly acknowledged: number
  readonly events: number
  readonly refused: number
  readonly resends: number
  /** Acknowledged as duplicates: a re-send found its first send in the log. */
  readonly duplicates: number
  /** The longest time, in ms, with no append acknowledged by any writer, between `from` and `to`. */
  readonly longestSilenceMs: number
  /** The longest time, in ms, from a command's first send to its answer. */
  readonly longestAppendMs: number
}

export const figures = (ledger: Ledger, from: number, to: number): Figures => {
  const acks = ledger.sent.filter((s) => s.outcome === "acknowledged")
  const times = [from, ...acks.map((s) => s.settledAt!).filter((t) => t >= from && t <= to), to].sort((a, b) => a - b)
  let silence = 0
  for (let i = 1; i < times.length; i++) silence = Math.max(silence, times[i]! - times[i - 1]!)
  return {
    acknowledged: acks.length,
    events: acks.reduce((n, s) => n + s.eventIds.length, 0),
    refused: ledger.sent.filter((s) => s.outcome === "refused").length,
    resends: ledger.resends,
    duplicates: acks.filter((s) => s.result!.duplicate).length,
    longestSilenceMs: Math.round(silence),
    longestAppendMs: Math.round(Math.max(0, ...ledger.sent.map((s) => (s.settledAt ?? s.sentAt) - s.sentAt)))
  }
}

/** The acknowledged appends after `t`. */
export const acknowledgedAfter = (ledger: Ledger, t: number): number =>
  ledger.sent.filter((s) => s.outcome === "acknowledged" && s.settledAt! > t).length

/**
 * Checks the writers' answers against one another, then the log (of these tenants, in log order)
 * against the answers:
 * - an acknowledged append got the events it sent, at the versions after the one it expected
 *   (optimistic concurrency), and no two acknowledged appends claim a version of a stream;
 * - a duplicate answer comes only to a command sent again, with the events of its first send;
 * - the log holds every acknowledged event once, where its answer said (version, position), and
 *   nothing else: no refused append, no event of a command whose answer was never given;
 * - each stream's versions in the log are 1..n in order, positions strictly increase, and each
 *   command id is on one message.
 */
export const checkLog = (ledger: Ledger, log: ReadonlyArray<Recorded.RecordedEvent>): void => {
  const pending = ledger.sent.filter((s) => s.outcome === "pending")
  assert.deepEqual(
    pending.map((s) => s.commandId),
    [],
    "every command was answered"
  )
  const claimed = new Map<string, string>()
  const acknowledged = new Map<string, { readonly sent: Sent; readonly event: Recorded.RecordedEvent }>()
  for (const s of ledger.sent) {
    if (s.outcome !== "acknowledged") continue
    const r = s.result!
    assert.deepEqual(
      r.events.map((e) => [e.eventId, e.tenantId, e.streamId, e.version, e.commandId]),
      s.eventIds.map((id, i) => [id, s.tenant, s.stream, s.expected + 1 + i, s.commandId]),
      `${s.commandId} expected version ${s.expected} of ${s.tenant}/${s.stream} and was answered with other events or versions`
    )
    if (r.duplicate) assert.ok(s.sends > 1, `${s.commandId} was answered as a duplicate on its first send`)
    for (const e of r.events) {
      const slot = `${e.tenantId}/${e.streamId}@${e.version}`
      const other = claimed.get(slot)
      assert.equal(other, undefined, `${s.commandId} and ${other} were both acknowledged at ${slot}`)
      claimed.set(slot, s.commandId)
      acknowledged.set(e.eventId, { sent: s, event: e })
    }
  }

  const versions = new Map<string, number>()
  const messageOfCommand = new Map<string, number>()
  const inLog = new Set<string>()
  let last = ""
  for (const e of log) {
    assert.ok(e.position > last, `positions strictly increase: ${e.position} comes after ${last}`)
    last = e.position
    assert.ok(!inLog.has(e.eventId), `${e.eventId} is in the log twice`)
    inLog.add(e.eventId)
    const stream = `${e.tenantId}/${e.streamId}`
    const version = (versions.get(stream) ?? 0) + 1
    assert.equal(e.version, version, `${stream} goes on at version ${version} at ${e.position}`)
    versions.set(stream, version)
    const ack = acknowledged.get(e.eventId)
    assert.ok(
      ack !== undefined,
      `${e.eventId} (${e.commandId}, ${stream}@${e.version}) is in the log, never acknowledged`
    )
    assert.deepEqual(
      [e.tenantId, e.streamId, e.version, e.position, e.commandId],
      [ack.event.tenantId, ack.event.streamId, ack.event.version, ack.event.position, ack.sent.commandId],
      `${e.eventId} is in the log where its answer said`
    )
    const message = NatsStore.parsePosition(e.position)![0]
    const first = messageOfCommand.get(e.commandId!)
    assert.ok(first === undefined || first === message, `${e.commandId} is on messages ${first} and ${message}`)
    messageOfCommand.set(e.commandId!, message)
  }
  const missing = [...acknowledged.keys()].filter((id) => !inLog.has(id))
  assert.deepEqual(missing, [], "every acknowledged event is in the log")
}

/** A connection of the test's own to a cluster, to ask JetStream where streams are led from. */
export interface Admin {
  readonly nc: NatsConnection
  readonly jsm: JetStreamManager
  /** The server leading `stream` (waits through an election). */
  readonly leaderOf: (stream: string) => Promise<string>
  /**
   * Waits until `server` is a replica of `stream` that is current and not behind, and the
   * stream (as its leader has it) ends at `lastSeq`.
   */
  readonly caughtUp: (stream: string, server: string, lastSeq: number, timeoutMs: number) => Promise<void>
  /** Asks the leader of `stream` to step down until `server` leads it. */
  readonly leadFrom: (stream: string, server: string, timeoutMs: number) => Promise<void>
  readonly close: () => Promise<void>
}

export const admin = async (cluster: Cluster): Promise<Admin> => {
  const nc = await connect({ servers: [...cluster.urls], maxReconnectAttempts: -1, reconnectTimeWait: 250 })
  // No account info check: the meta leader may be down when it is made again.
  const jsm = await jetstreamManager(nc, { checkAPI: false, timeout: 2_000 })
  const leaderOf = (stream: string) =>
    waitFor(async () => (await jsm.streams.info(stream)).cluster?.leader, {
      timeoutMs: 30_000,
      what: `a leader of ${stream}`,
      intervalMs: 100
    })
  return {
    nc,
    jsm,
    leaderOf,
    caughtUp: async (stream, server, lastSeq, timeoutMs) => {
      await waitFor(
        async () => {
          const info = await jsm.streams.info(stream)
          const replica = info.cluster?.replicas?.find((r) => r.name === server)
          const current = info.cluster?.leader === server || (replica?.current === true && (replica.lag ?? 0) === 0)
          return current && info.state.last_seq === lastSeq
        },
        { timeoutMs, what: `${server} to hold ${stream} up to ${lastSeq}`, intervalMs: 100 }
      )
    },
    leadFrom: async (stream, server, timeoutMs) => {
      await waitFor(
        async () => {
          const leader = await leaderOf(stream)
          if (leader === server) return true
          await nc.request(`$JS.API.STREAM.LEADER.STEPDOWN.${stream}`, "", { timeout: 2_000 })
          return false
        },
        { timeoutMs, what: `${server} to lead ${stream}`, intervalMs: 100 }
      )
    },
    close: () => nc.close()
  }
}
