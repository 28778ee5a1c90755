/**
 * The initiative ledger of a campaign: how many initiatives (sáng kiến, đề tài, giải pháp, công
 * trình) were recorded and the benefit (giá trị làm lợi) they claim, in total and by kind, unit and
 * phase; how many of them were recognized or rejected; which works were honoured with a plaque.
 *
 * Partitioned by campaign stream: initiative and phase ids are only unique within a campaign, and a
 * ledger is read per campaign (a tenant's total is the sum of its campaigns' {@link totals}).
 *
 * Amounts are VND as whole numbers. Every amount an event carries is a safe integer, so a total is
 * exact as long as it stays under `Number.MAX_SAFE_INTEGER` (about nine quadrillion đồng, far above
 * any union's ledger); past that, `Number.isSafeInteger(total)` is false and says so.
 *
 * @since 0.1.0
 */
import { type Event, type Ids, Lifecycle, type LocalDate } from "@thidua/core"
import type { Effect } from "effect"
import * as Projection from "../Projection.js"
import type * as ProjectionError from "../ProjectionError.js"
import * as ReadModels from "../ReadModels.js"

/**
 * Counts and benefit of a set of initiatives. Not recognized = `count - recognized`.
 *
 * @since 0.1.0
 */
export interface Totals {
  readonly count: number
  readonly benefitVnd: number
  readonly recognized: number
  readonly recognizedBenefitVnd: number
  readonly rejected: number
  /** Works honoured with a plaque (gắn biển). */
  readonly plaqued: number
}

/**
 * One initiative as the ledger knows it.
 *
 * @since 0.1.0
 */
export interface Entry {
  readonly initiativeId: Ids.InitiativeId
  readonly unitId: Ids.OrganizationId
  readonly memberId: Ids.MemberId | undefined
  readonly phaseId: Ids.PhaseId | undefined
  readonly kind: Event.InitiativeKind
  readonly title: string
  readonly benefitVnd: number
  readonly status: Lifecycle.InitiativeStatus
  /** The level that recognized it, once recognized. */
  readonly level: Event.RecognitionLevel | undefined
  readonly plaqued: boolean
  /** The day it was recorded. */
  readonly at: LocalDate.LocalDate
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The ledger's state: every initiative, and running totals kept in step with them.
 *
 * @since 0.1.0
 */
export interface State {
  readonly initiatives: Map<string, Mutable<Entry>>
  readonly total: Mutable<Totals>
  readonly byKind: Map<Event.InitiativeKind, Mutable<Totals>>
  readonly byUnit: Map<string, Mutable<Totals>>
  readonly byPhase: Map<string, Mutable<Totals>>
}

const zero = (): Mutable<Totals> => ({
  count: 0,
  benefitVnd: 0,
  recognized: 0,
  recognizedBenefitVnd: 0,
  rejected: 0,
  plaqued: 0
})

const add = (t: Mutable<Totals>, e: Entry, sign: 1 | -1): void => {
  t.count += sign
  t.benefitVnd += sign * e.benefitVnd
  if (e.status === "Recognized") {
    t.recognized += sign
    t.recognizedBenefitVnd += sign * e.benefitVnd
  }
  if (e.status === "Rejected") t.rejected += sign
  if (e.plaqued) t.plaqued += sign
}

const bucket = <K>(m: Map<K, Mutable<Totals>>, key: K): Mutable<Totals> => {
  let t = m.get(key)
  if (t === undefined) {
    t = zero()
    m.set(key, t)
  }
  return t
}

/** Counts an initiative in (1) or out (-1) of every total it belongs to. */
const count = (state: State, e: Entry, sign: 1 | -1): void => {
  add(state.total, e, sign)
  add(bucket(state.byKind, e.kind), e, sign)
  add(bucket(state.byUnit, e.unitId), e, sign)
  if (e.phaseId !== undefined) add(bucket(state.byPhase, e.phaseId), e, sign)
}

const update = (state: State, id: string, change: (e: Mutable<Entry>) => void): State => {
  const e = state.initiatives.get(id)
  if (e === undefined) return state
  count(state, e, -1)
  change(e)
  count(state, e, 1)
  return state
}

/** Moves an initiative by the initiative machine, as the campaign does. */
const move = (state: State, id: string, step: Lifecycle.InitiativeStep): State =>
  update(state, id, (i) => {
    i.status = Lifecycle.initiative.after(i.status, step)
  })

/**
 * The initiative ledger projection, one state per campaign stream.
 *
 * @example
 * ```ts
 * import { InitiativeLedger } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "InitiativeRecorded", initiativeId: "sk-1", unitId: "cdcs-a", kind: "initiative", title: "Tiết kiệm điện", benefitVnd: 80_000_000, at: "2020-03-01" },
 *   { _tag: "InitiativeRecorded", initiativeId: "sk-2", unitId: "cdcs-b", kind: "work", title: "Nhà văn hóa", benefitVnd: 0, at: "2020-03-02" },
 *   { _tag: "InitiativeApplied", initiativeId: "sk-1", at: "2020-04-01" },
 *   { _tag: "InitiativeRecognized", initiativeId: "sk-1", level: "unit", recognizedById: "cdcs-a", at: "2020-05-01" }
 * ] as never[]
 * const p = InitiativeLedger.projection
 * const state = events.reduce((s, e) => p.apply(s, e, meta), p.init())
 * assert.deepEqual(InitiativeLedger.totals(state), { count: 2, benefitVnd: 80_000_000, recognized: 1, recognizedBenefitVnd: 80_000_000, rejected: 0, plaqued: 0 })
 * ```
 *
 * @since 0.1.0
 */
export const projection: Projection.Projection<State> = Projection.make<State>({
  name: "thidua.initiative-ledger",
  version: 1,
  init: () => ({ initiatives: new Map(), total: zero(), byKind: new Map(), byUnit: new Map(), byPhase: new Map() }),
  partition: Projection.byCampaign,
  handlers: {
    InitiativeRecorded: (state, e) => {
      const before = state.initiatives.get(e.initiativeId)
      if (before !== undefined) count(state, before, -1)
      const entry: Mutable<Entry> = {
        initiativeId: e.initiativeId,
        unitId: e.unitId,
        memberId: e.memberId,
        phaseId: e.phaseId,
        kind: e.kind,
        title: e.title,
        benefitVnd: e.benefitVnd,
        status: Lifecycle.initiative.initial,
        level: undefined,
        plaqued: false,
        at: e.at
      }
      state.initiatives.set(e.initiativeId, entry)
      count(state, entry, 1)
      return state
    },
    InitiativeApplied: (state, e) => move(state, e.initiativeId, "ApplyInitiative"),
    InitiativeRecognized: (state, e) =>
      update(state, e.initiativeId, (i) => {
        i.status = Lifecycle.initiative.after(i.status, "RecognizeInitiative")
        i.level = e.level
      }),
    InitiativeRejected: (state, e) => move(state, e.initiativeId, "RejectInitiative"),
    WorkPlaqued: (state, e) =>
      update(state, e.initiativeId, (i) => {
        i.plaqued = true
      })
  }
})

const none: Totals = Object.freeze(zero())

/**
 * The campaign's totals.
 *
 * @example
 * ```ts
 * import { InitiativeLedger } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * assert.equal(InitiativeLedger.totals(InitiativeLedger.projection.init()).count, 0)
 * ```
 *
 * @since 0.1.0
 */
export const totals = (state: State): Totals => state.total

const nonEmpty = <K>(m: ReadonlyMap<K, Totals>): ReadonlyMap<K, Totals> =>
  new Map([...m].filter(([, t]) => t.count > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/**
 * Totals by kind of initiative, for the kinds recorded.
 *
 * @example
 * ```ts
 * import { InitiativeLedger } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "InitiativeRecorded", initiativeId: "sk-1", unitId: "cdcs-a", kind: "solution", title: "Giải pháp A", benefitVnd: 5_000_000, at: "2020-03-01" },
 *   { _tag: "InitiativeRecorded", initiativeId: "sk-2", unitId: "cdcs-a", kind: "solution", title: "Giải pháp B", benefitVnd: 7_000_000, at: "2020-03-02" }
 * ] as never[]
 * const state = events.reduce((s, e) => InitiativeLedger.projection.apply(s, e, meta), InitiativeLedger.projection.init())
 * assert.equal(InitiativeLedger.byKind(state).get("solution")?.benefitVnd, 12_000_000)
 * ```
 *
 * @since 0.1.0
 */
export const byKind = (state: State): ReadonlyMap<Event.InitiativeKind, Totals> => nonEmpty(state.byKind)

/**
 * Totals by unit, for the units with initiatives, by unit id.
 *
 * @example
 * ```ts
 * import { InitiativeLedger } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "InitiativeRecorded", initiativeId: "sk-1", unitId: "cdcs-b", kind: "initiative", title: "A", benefitVnd: 1_000_000, at: "2020-03-01" },
 *   { _tag: "InitiativeRecorded", initiativeId: "sk-2", unitId: "cdcs-a", kind: "initiative", title: "B", benefitVnd: 2_000_000, at: "2020-03-02" }
 * ] as never[]
 * const state = events.reduce((s, e) => InitiativeLedger.projection.apply(s, e, meta), InitiativeLedger.projection.init())
 * assert.deepEqual([...InitiativeLedger.byUnit(state)].map(([u, t]) => [u, t.benefitVnd]), [["cdcs-a", 2_000_000], ["cdcs-b", 1_000_000]])
 * ```
 *
 * @since 0.1.0
 */
export const byUnit = (state: State): ReadonlyMap<Ids.OrganizationId, Totals> =>
  nonEmpty(state.byUnit) as ReadonlyMap<Ids.OrganizationId, Totals>

/**
 * Totals by phase, for the initiatives recorded against a phase (the others count in the campaign's
 * totals only).
 *
 * @example
 * ```ts
 * import { InitiativeLedger } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "InitiativeRecorded", initiativeId: "sk-1", unitId: "cdcs-a", phaseId: "dot-1", kind: "initiative", title: "A", benefitVnd: 3_000_000, at: "2020-03-01" },
 *   { _tag: "InitiativeRecorded", initiativeId: "sk-2", unitId: "cdcs-a", kind: "initiative", title: "B", benefitVnd: 4_000_000, at: "2020-03-02" }
 * ] as never[]
 * const state = events.reduce((s, e) => InitiativeLedger.projection.apply(s, e, meta), InitiativeLedger.projection.init())
 * assert.deepEqual([...InitiativeLedger.byPhase(state).keys()], ["dot-1"])
 * assert.equal(InitiativeLedger.totalsOf(state, "phase", "dot-2").count, 0)
 * ```
 *
 * @since 0.1.0
 */
export const byPhase = (state: State): ReadonlyMap<Ids.PhaseId, Totals> =>
  nonEmpty(state.byPhase) as ReadonlyMap<Ids.PhaseId, Totals>

/**
 * The totals of one kind, unit or phase; zeros when it has none.
 *
 * @example
 * ```ts
 * import { InitiativeLedger } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const state = InitiativeLedger.projection.init()
 * assert.equal(InitiativeLedger.totalsOf(state, "unit", "cdcs-a").benefitVnd, 0)
 * ```
 *
 * @since 0.1.0
 */
export const totalsOf = (state: State, by: "kind" | "unit" | "phase", key: string): Totals =>
  (by === "kind"
    ? state.byKind.get(key as Event.InitiativeKind)
    : by === "unit"
      ? state.byUnit.get(key)
      : state.byPhase.get(key)) ?? none

/**
 * Every initiative, in the order recorded.
 *
 * @example
 * ```ts
 * import { InitiativeLedger } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * assert.deepEqual(InitiativeLedger.entries(InitiativeLedger.projection.init()), [])
 * ```
 *
 * @since 0.1.0
 */
export const entries = (state: State): ReadonlyArray<Entry> => [...state.initiatives.values()]

/**
 * The works honoured with a plaque, in the order recorded.
 *
 * @example
 * ```ts
 * import { InitiativeLedger } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "InitiativeRecorded", initiativeId: "ct-1", unitId: "cdcs-a", kind: "work", title: "Nhà văn hóa công nhân", benefitVnd: 0, at: "2020-03-01" },
 *   { _tag: "InitiativeApplied", initiativeId: "ct-1", at: "2020-04-01" },
 *   { _tag: "WorkPlaqued", initiativeId: "ct-1", grantedById: "ldld-hm", at: "2020-05-19" }
 * ] as never[]
 * const state = events.reduce((s, e) => InitiativeLedger.projection.apply(s, e, meta), InitiativeLedger.projection.init())
 * assert.deepEqual(InitiativeLedger.plaqued(state).map((w) => w.title), ["Nhà văn hóa công nhân"])
 * ```
 *
 * @since 0.1.0
 */
export const plaqued = (state: State): ReadonlyArray<Entry> => entries(state).filter((e) => e.plaqued)

/**
 * A campaign's initiative ledger, from the read models in context (inline, or saved by a runner); `undefined` until its
 * first event. The queries of this module then apply to it, as in plain code.
 *
 * @since 0.1.0
 */
export const read = (
  tenantId: string,
  campaignId: string
): Effect.Effect<State | undefined, ProjectionError.CorruptState, ReadModels.ReadModels> =>
  ReadModels.get(projection, ReadModels.campaignKey(tenantId, campaignId))
