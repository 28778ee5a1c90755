/**
 * The timers projection: every pending timer of every process, by tenant, folded from the
 * process streams' `TimerScheduled`, `TimerFired` and `TimerCancelled`. The scheduler reads the
 * due ones from it; a host reads it to show what is coming ("Đợt 2 closes on 31/12").
 *
 * @since 0.4.0
 */
import type { Event } from "@thidua/core"
import { Projection } from "@thidua/projections"

/**
 * A pending timer, with the process stream it belongs to.
 *
 * @since 0.4.0
 */
export interface Timer {
  readonly tenantId: string
  readonly streamId: string
  readonly timerId: string
  readonly dueAt: Event.Instant
  readonly reason: string
  /** The version of the process stream at which it was set. */
  readonly scheduled: number
}

/**
 * A tenant's pending timers, keyed by `<stream> <timer>`.
 *
 * @since 0.4.0
 */
export interface State {
  readonly pending: Record<string, Timer>
}

const keyOf = (streamId: string, timerId: string) => `${streamId} ${timerId}`

/**
 * The projection.
 *
 * @example
 * ```ts
 * import { Projection } from "@thidua/projections"
 * import { Timers } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "process:calendar:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const states = Projection.fold(Timers.projection, [
 *   { event: { _tag: "TimerScheduled", timerId: "open:dot-1", dueAt: "2019-12-31T17:00:00.000Z", reason: "Đợt 1 mở" }, meta }
 * ] as never)
 * const hanoi = states.get("hanoi")!
 * assert.equal(Timers.due(hanoi, "2019-12-31T16:59:59.999Z").length, 0)
 * assert.equal(Timers.due(hanoi, "2020-01-01T00:00:00.000Z")[0]?.timerId, "open:dot-1")
 * ```
 *
 * @since 0.4.0
 */
export const projection: Projection.Projection<State> = Projection.make<State>({
  name: "workflow-timers",
  version: 2,
  init: () => ({ pending: {} }),
  partition: Projection.byTenant,
  handlers: {
    TimerScheduled: (s, e, meta) => {
      s.pending[keyOf(meta.streamId, e.timerId)] = {
        tenantId: meta.tenantId,
        streamId: meta.streamId,
        timerId: e.timerId,
        dueAt: e.dueAt,
        reason: e.reason,
        scheduled: meta.version
      }
      return s
    },
    TimerFired: (s, e, meta) => {
      const key = keyOf(meta.streamId, e.timerId)
      if (s.pending[key]?.dueAt === e.dueAt) delete s.pending[key]
      return s
    },
    TimerCancelled: (s, e, meta) => {
      delete s.pending[keyOf(meta.streamId, e.timerId)]
      return s
    }
  }
})

/**
 * The timers due at an instant, in the order they fall due (then by stream and timer id).
 *
 * @since 0.4.0
 */
export const due = (state: State, now: string): ReadonlyArray<Timer> =>
  Object.values(state.pending)
    .filter((t) => t.dueAt <= now)
    .sort(byDue)

/**
 * Every pending timer, in the order they fall due.
 *
 * @since 0.4.0
 */
export const upcoming = (state: State): ReadonlyArray<Timer> => Object.values(state.pending).sort(byDue)

/** @since 0.4.0 */
export const byDue = (a: Timer, b: Timer): number =>
  a.dueAt < b.dueAt
    ? -1
    : a.dueAt > b.dueAt
      ? 1
      : a.streamId < b.streamId
        ? -1
        : a.streamId > b.streamId
          ? 1
          : a.timerId < b.timerId
            ? -1
            : a.timerId > b.timerId
              ? 1
              : 0
