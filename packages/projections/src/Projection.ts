/**
 * A projection is a fold over the event log: a name and a version, a fresh state, and a handler
 * per event type. Built-in read models and a host app's own are written with exactly this API and
 * run by the same runners.
 *
 * Handlers may mutate the state they are given and return it: a projection's state belongs to its
 * runner, and mutable accumulators are what lets a rebuild fold millions of events a second.
 * A projection can be partitioned (per tenant, per campaign): each partition has a state of its
 * own.
 *
 * @since 0.1.0
 */
import { Event } from "@thidua/core"
import type { Position } from "@thidua/store"
import { failure, noState } from "./internal/failure.js"

/**
 * Where an event stands: what a handler may need besides the event itself. Runners hand over the
 * stored event itself as its meta, so copy the fields a state keeps rather than the object.
 *
 * @since 0.1.0
 */
export interface Meta {
  readonly tenantId: string
  readonly streamId: string
  readonly version: number
  readonly position: Position.Position
  readonly recordedAt: number
}

type Tag = Event.DomainEvent["_tag"]
type Of<T extends Tag> = Extract<Event.DomainEvent, { readonly _tag: T }>

/**
 * The handlers of a projection, by event type; types without a handler leave the state as it is.
 *
 * @since 0.1.0
 */
export type Handlers<S> = { readonly [T in Tag]?: (state: S, event: Of<T>, meta: Meta) => S }

/**
 * A projection.
 *
 * @since 0.1.0
 */
export interface Projection<S> {
  readonly name: string
  /** Bump it when the handlers change: a new version is rebuilt from the start. */
  readonly version: number
  /** A fresh state, for a partition seen for the first time. */
  readonly init: () => S
  /** Folds one event. */
  readonly apply: (state: S, event: Event.DomainEvent, meta: Meta) => S
  /** The partition an event belongs to; one partition (`"all"`) when absent. */
  readonly partition: (meta: Meta) => string
  /** True when the partition depends on the tenant and stream only, so runners may reuse it per stream. */
  readonly partitionByStream: boolean
  /**
   * The event types `apply` folds, when known: runners skip the others (inline in PostgreSQL, a
   * projection no appended event concerns is not read or written). `undefined`: every type. A
   * projection that replaces the `apply` of `make` must say which types its own folds, or
   * `undefined`.
   */
  readonly tags?: ReadonlySet<string> | undefined
}

/**
 * Whether a projection folds events of this type. A type outside the domain's catalogue (a host's
 * own events, which a store lets in with `foreignTypes`) is never folded: `apply` takes domain
 * events only.
 *
 * @since 0.1.0
 */
export const handles = (projection: { readonly tags?: ReadonlySet<string> | undefined }, tag: string): boolean =>
  projection.tags === undefined ? Object.hasOwn(Event.versions, tag) : projection.tags.has(tag)

/**
 * Partition by tenant, or by campaign stream (the events of other streams then go nowhere).
 *
 * @since 0.1.0
 */
export const byTenant = (meta: Meta): string => meta.tenantId

// `%` first, so that the `%` of `%2F` is not escaped again.
const escapeTenant = (tenantId: string): string =>
  tenantId.includes("%") || tenantId.includes("/") ? tenantId.replaceAll("%", "%25").replaceAll("/", "%2F") : tenantId

/**
 * The partition key of a stream's own read model: `<tenant>/<stream>`, with `%` and `/` in the
 * tenant written `%25` and `%2F`. The first `/` ends the tenant, so two streams never share a key
 * (tenant `a/b` with stream `c` is `a%2Fb/c`; tenant `a` with stream `b/c` is `a/b/c`), and a
 * tenant id without `%` or `/` (every `Ids.TenantId`) is written as it is.
 *
 * @example
 * ```ts
 * import { Projection } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * assert.equal(Projection.streamKey("hanoi", "campaign:hm-2020"), "hanoi/campaign:hm-2020")
 * assert.notEqual(Projection.streamKey("a/b", "c"), Projection.streamKey("a", "b/c"))
 * assert.equal(Projection.streamKey("a/b", "c"), "a%2Fb/c")
 * ```
 *
 * @since 0.2.0
 */
export const streamKey = (tenantId: string, streamId: string): string => `${escapeTenant(tenantId)}/${streamId}`

/**
 * Partition by stream: `streamKey(tenant, stream)`.
 *
 * @since 0.1.0
 */
export const byCampaign = (meta: Meta): string => streamKey(meta.tenantId, meta.streamId)

/**
 * Makes a projection from its handlers.
 *
 * @example
 * ```ts
 * import { Projection } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const launches = Projection.make({
 *   name: "launches",
 *   version: 1,
 *   init: () => ({ count: 0 }),
 *   handlers: { CampaignLaunched: (s) => { s.count++; return s } }
 * })
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 2, position: "1" as never, recordedAt: 0 }
 * const state = launches.apply(launches.init(), { _tag: "CampaignLaunched", at: "2020-01-02" } as never, meta)
 * assert.equal(state.count, 1)
 * ```
 *
 * @since 0.1.0
 */
export const make = <S>(spec: {
  readonly name: string
  readonly version: number
  readonly init: () => S
  readonly handlers: Handlers<S>
  readonly partition?: (meta: Meta) => string
}): Projection<S> => {
  const handlers = spec.handlers as Readonly<Record<string, ((state: S, event: never, meta: Meta) => S) | undefined>>
  return {
    name: spec.name,
    version: spec.version,
    init: spec.init,
    apply: (state, event, meta) => {
      const h = handlers[event._tag]
      return h === undefined ? state : h(state, event as never, meta)
    },
    partition: spec.partition ?? (() => "all"),
    partitionByStream: spec.partition === undefined || spec.partition === byTenant || spec.partition === byCampaign,
    tags: new Set(Object.keys(spec.handlers))
  }
}

type Item = { readonly event: Event.DomainEvent; readonly meta: Meta }

/** Where a fold stands between two pages: the partition of the last event and its state. */
interface Cursor<S> {
  tenantId: string | undefined
  streamId: string | undefined
  key: string
  state: S | undefined
}

// An indexed loop over an array: about a fifth faster than `for...of` with destructuring, measured.
const foldPage = <S>(
  projection: Projection<S>,
  items: ArrayLike<Item>,
  count: number,
  states: Map<string, S>,
  at: Cursor<S>
): void => {
  // Consecutive events of one stream share a partition when the projection says so: its key is
  // neither rebuilt nor hashed again for each of them.
  let { tenantId, streamId, key, state } = at
  const byStream = projection.partitionByStream
  // One try around the loop, not one per event: the loop stays as fast as without.
  let i = 0
  try {
    for (; i < count; i++) {
      const item = items[i]!
      const meta = item.meta
      if (meta.streamId !== streamId || meta.tenantId !== tenantId || !byStream) {
        key = projection.partition(meta)
        tenantId = meta.tenantId
        streamId = meta.streamId
        state = states.get(key)
      }
      const event = item.event
      if (state === undefined) {
        // Types the projection does not fold make no partition, as with the runners. (Once a
        // partition exists, `apply` passes over them by itself.)
        if (!handles(projection, event._tag)) continue
        state = projection.init()
        states.set(key, state)
      }
      const next = projection.apply(state, event, meta)
      if (next !== state) {
        if (next === undefined) throw noState()
        state = next
        states.set(key, next)
      }
    }
  } catch (cause) {
    const item = items[i]!
    throw failure(projection, item.event, item.meta, cause)
  }
  at.tenantId = tenantId
  at.streamId = streamId
  at.key = key
  at.state = state
}

const pageSize = 4096

/**
 * Folds events into a projection's partitions, from fresh states or given ones. An array is
 * folded in place; any other iterable is read a page at a time, so a stream of events is never
 * held whole.
 *
 * When the projection's code throws on an event (or a handler returns no state), `fold` throws a
 * `ProjectionFailed` that names the projection and the event, with what was thrown as its
 * `cause`. The states are left as far as the fold went, the failing event's handler included.
 *
 * @example
 * ```ts
 * import { Projection } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const launches = Projection.make({
 *   name: "launches",
 *   version: 1,
 *   init: () => ({ count: 0 }),
 *   partition: Projection.byTenant,
 *   handlers: { CampaignLaunched: (s) => { s.count++; return s } }
 * })
 * function* log() {
 *   for (let i = 1; i <= 10_000; i++) {
 *     const tenantId = i % 2 === 0 ? "hanoi" : "hue"
 *     const meta = { tenantId, streamId: `campaign:${i}`, version: 2, position: String(i) as never, recordedAt: 0 }
 *     yield { event: { _tag: "CampaignLaunched", at: "2020-01-02" } as never, meta }
 *   }
 * }
 * const states = Projection.fold(launches, log())
 * assert.deepEqual([...states].map(([k, s]) => [k, s.count]), [["hue", 5_000], ["hanoi", 5_000]])
 * ```
 *
 * @since 0.1.0
 */
export const fold = <S>(
  projection: Projection<S>,
  events: Iterable<Item>,
  states: Map<string, S> = new Map()
): Map<string, S> => {
  const at: Cursor<S> = { tenantId: undefined, streamId: undefined, key: "", state: undefined }
  if (Array.isArray(events)) {
    foldPage(projection, events as ReadonlyArray<Item>, events.length, states, at)
    return states
  }
  const page: Array<Item> = []
  for (const item of events) {
    page.push(item)
    if (page.length === pageSize) {
      foldPage(projection, page, page.length, states, at)
      page.length = 0
    }
  }
  foldPage(projection, page, page.length, states, at)
  return states
}
