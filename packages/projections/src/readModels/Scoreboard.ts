/**
 * The scoreboard of a campaign: its enrolled units ranked in each scope — the whole campaign, a
 * sector, a cluster, a phase.
 *
 * The fold keeps raw tallies per unit (points assessed, initiatives recognized and their benefit,
 * covenants and approved registrations, awards standing); points are computed when a ranking is
 * asked for, by a {@link Policy} passed to the query. A policy is a value, so replacing it needs no
 * rebuild, and the state holds data only (runners copy and store it).
 *
 * Partitioned by campaign stream: ids of phases, pledges, initiatives and awards are only unique
 * within their campaign.
 *
 * @since 0.1.0
 */
import { type Event, type Ids, Lifecycle, type LocalDate, Organization } from "@thidua/core"
import type { Effect } from "effect"
import * as Projection from "../Projection.js"
import type * as ProjectionError from "../ProjectionError.js"
import * as ReadModels from "../ReadModels.js"

/**
 * What a unit has to its name in one scope: the raw counts a policy turns into points.
 *
 * @since 0.1.0
 */
export interface Tally {
  /** Sum of self-assessed points (tự chấm điểm). */
  readonly self: number
  /** Sum of cross-assessed points (chấm chéo). */
  readonly cross: number
  /** Initiatives recorded, whatever became of them. */
  readonly initiatives: number
  /** Initiatives recognized, by the level that recognized them. */
  readonly recognized: { readonly [L in Event.RecognitionLevel]: number }
  /** Benefit of the recognized initiatives, VND. */
  readonly recognizedBenefitVnd: number
  /** Works honoured with a plaque (gắn biển). */
  readonly plaqued: number
  /** Covenants in force the unit signed (cluster or union-management; superseded ones drop out). */
  readonly covenants: number
  /** Approved registrations of the unit itself. */
  readonly registrations: number
  /** Approved registrations of the unit's members. */
  readonly memberRegistrations: number
  /** Awards standing to the unit (revoked ones drop out). */
  readonly awards: number
  /** Awards standing to the unit's members. */
  readonly memberAwards: number
}

/**
 * Where a ranking is drawn: the whole campaign, one sector, one cluster or one phase (as each unit
 * enrolled). A phase counts what can be told to belong to it: scores and initiatives naming it,
 * awards on a phase basis whose period is the phase's; pledges carry no phase.
 *
 * @since 0.1.0
 */
export type Scope =
  | { readonly _tag: "Campaign" }
  | { readonly _tag: "Sector"; readonly sector: Organization.Sector }
  | { readonly _tag: "Cluster"; readonly clusterId: string }
  | { readonly _tag: "Phase"; readonly phaseId: string }

/** The whole campaign. @since 0.1.0 */
export const campaign: Scope = { _tag: "Campaign" }
/** One sector (khối). @since 0.1.0 */
export const sector = (sector: Organization.Sector): Scope => ({ _tag: "Sector", sector })
/** One cluster (cụm), as units enrolled in it. @since 0.1.0 */
export const cluster = (clusterId: string): Scope => ({ _tag: "Cluster", clusterId })
/** One phase (đợt). @since 0.1.0 */
export const phase = (phaseId: string): Scope => ({ _tag: "Phase", phaseId })

/**
 * How tallies become a ranking. `points` scores a tally; `ties` says what equal points mean:
 * `"break"` orders them by more recognized initiatives, then unit id, so every unit has a rank of
 * its own (a total order); `"share"` gives them the same rank number (1, 2, 2, 4), listed in the
 * same order.
 *
 * @since 0.1.0
 */
export interface Policy {
  readonly points: (tally: Tally) => number
  readonly ties: "break" | "share"
}

/**
 * The weights of a weighted policy: points per unit of each tally.
 *
 * @since 0.1.0
 */
export interface Weights {
  readonly self: number
  readonly cross: number
  readonly recognized: { readonly [L in Event.RecognitionLevel]: number }
  /** VND of recognized benefit worth one point (whole points only); 0 counts no benefit. */
  readonly vndPerPoint: number
  readonly plaqued: number
  readonly covenant: number
  readonly registration: number
  readonly memberRegistration: number
  readonly award: number
  readonly memberAward: number
}

/**
 * The standard weights. A cross-assessment is worth twice a unit's own (self 0.5, cross 1 per
 * point); a recognized initiative 10, 20 or 40 by level (unit, province, national), plus one point
 * per 10,000,000 VND of recognized benefit; a plaqued work 15; a covenant in force or an approved
 * registration of the unit 5, of a member 1; an award standing 20 to the unit, 5 to a member.
 *
 * @since 0.1.0
 */
export const standardWeights: Weights = {
  self: 0.5,
  cross: 1,
  recognized: { unit: 10, province: 20, national: 40 },
  vndPerPoint: 10_000_000,
  plaqued: 15,
  covenant: 5,
  registration: 5,
  memberRegistration: 1,
  award: 20,
  memberAward: 5
}

/**
 * A policy that adds up weighted tallies.
 *
 * @example
 * ```ts
 * import { Scoreboard } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const crossOnly = Scoreboard.weighted({ ...Scoreboard.standardWeights, self: 0 }, "share")
 * const tally = { ...Scoreboard.emptyTally, self: 80, cross: 70 }
 * assert.equal(crossOnly.points(tally), 70)
 * assert.equal(Scoreboard.standardPolicy.points(tally), 110)
 * ```
 *
 * @since 0.1.0
 */
export const weighted = (w: Weights, ties: Policy["ties"] = "break"): Policy => ({
  ties,
  points: (t) =>
    w.self * t.self +
    w.cross * t.cross +
    w.recognized.unit * t.recognized.unit +
    w.recognized.province * t.recognized.province +
    w.recognized.national * t.recognized.national +
    (w.vndPerPoint > 0 ? Math.floor(t.recognizedBenefitVnd / w.vndPerPoint) : 0) +
    w.plaqued * t.plaqued +
    w.covenant * t.covenants +
    w.registration * t.registrations +
    w.memberRegistration * t.memberRegistrations +
    w.award * t.awards +
    w.memberAward * t.memberAwards
})

/**
 * The standard policy: {@link standardWeights}, ties broken.
 *
 * @since 0.1.0
 */
export const standardPolicy: Policy = weighted(standardWeights)

/** A tally of nothing. @since 0.1.0 */
export const emptyTally: Tally = Object.freeze({
  self: 0,
  cross: 0,
  initiatives: 0,
  recognized: Object.freeze({ unit: 0, province: 0, national: 0 }),
  recognizedBenefitVnd: 0,
  plaqued: 0,
  covenants: 0,
  registrations: 0,
  memberRegistrations: 0,
  awards: 0,
  memberAwards: 0
})

/** Recognized initiatives at any level: the first tie-breaker. @since 0.1.0 */
export const recognizedCount = (t: Tally): number => t.recognized.unit + t.recognized.province + t.recognized.national

interface Participant {
  readonly sector: Organization.Sector
  readonly clusterId: string | undefined
}

/**
 * The tallies of one scope, unit after unit: the unit at index `u` of `State.units` has its 13
 * counts from place `13 * u` on, in the order of the fields of {@link Tally} (the recognized
 * initiatives by level unit, province, national). A score is then one lookup of the unit and two
 * array writes, with no object per unit and scope for the fold to allocate and the collector to
 * move: about a tenth faster than a `Tally` object per unit, measured. {@link ranking} and the
 * other queries read them back as `Tally` values.
 *
 * @since 0.1.0
 */
export type Tallies = Array<number>

const SELF = 0
const CROSS = 1
const INITIATIVES = 2
const RECOGNIZED = { unit: 3, province: 4, national: 5 } as const
const BENEFIT = 6
const PLAQUED = 7
const COVENANTS = 8
const REGISTRATIONS = 9
const MEMBER_REGISTRATIONS = 10
const AWARDS = 11
const MEMBER_AWARDS = 12
const width = 13

const column = {
  covenants: COVENANTS,
  registrations: REGISTRATIONS,
  memberRegistrations: MEMBER_REGISTRATIONS,
  awards: AWARDS,
  memberAwards: MEMBER_AWARDS
} as const

interface PhaseBoard {
  start: LocalDate.LocalDate | undefined
  end: LocalDate.LocalDate | undefined
  readonly tallies: Tallies
}

interface InitiativeRef {
  /** The unit's index. */
  readonly unit: number
  readonly phaseId: string | undefined
  readonly benefitVnd: number
  status: Lifecycle.InitiativeStatus
  /** The level of the last recognition; counted while the status is Recognized. */
  level: Event.RecognitionLevel | undefined
  plaqued: boolean
}

interface PledgeRef {
  /** The units a pledge in force credits, and what it credits them with. */
  readonly credits: ReadonlyArray<string>
  readonly field: "covenants" | "registrations" | "memberRegistrations"
  status: Lifecycle.PledgeStatus
}

interface AwardRef {
  readonly unitId: string
  readonly field: "awards" | "memberAwards"
  readonly phaseId: string | undefined
  revoked: boolean
}

/**
 * The scoreboard's state: enrolments, the units with anything to their name and their tallies for
 * the campaign and per phase, and the small indexes that later events refer back to.
 *
 * @since 0.1.0
 */
export interface State {
  readonly participants: Map<string, Participant>
  /** Units in the order first seen; the index of each places its counts in every scope's {@link Tallies}. */
  readonly units: Array<string>
  readonly unitIndex: Map<string, number>
  readonly campaign: Tallies
  readonly phases: Map<string, PhaseBoard>
  readonly initiatives: Map<string, InitiativeRef>
  readonly pledges: Map<string, PledgeRef>
  readonly awards: Map<string, AwardRef>
}

const zeros = (units: number): Tallies => {
  const out: Tallies = []
  for (let i = 0; i < units * width; i++) out.push(0)
  return out
}

const grow = (t: Tallies): void => {
  for (let i = 0; i < width; i++) t.push(0)
}

/** The unit's index, given one (and zeros in every scope) when first seen. */
const unitAt = (state: State, unitId: string): number => {
  let u = state.unitIndex.get(unitId)
  if (u === undefined) {
    u = state.units.length
    state.units.push(unitId)
    state.unitIndex.set(unitId, u)
    grow(state.campaign)
    for (const b of state.phases.values()) grow(b.tallies)
  }
  return u
}

const board = (state: State, phaseId: string): PhaseBoard => {
  let b = state.phases.get(phaseId)
  if (b === undefined) {
    b = { start: undefined, end: undefined, tallies: zeros(state.units.length) }
    state.phases.set(phaseId, b)
  }
  return b
}

/** What a unit has to its name in a scope, as the public `Tally`. */
const tallyAt = (t: Tallies, u: number): Tally => {
  const at = u * width
  return {
    self: t[at + SELF]!,
    cross: t[at + CROSS]!,
    initiatives: t[at + INITIATIVES]!,
    recognized: {
      unit: t[at + RECOGNIZED.unit]!,
      province: t[at + RECOGNIZED.province]!,
      national: t[at + RECOGNIZED.national]!
    },
    recognizedBenefitVnd: t[at + BENEFIT]!,
    plaqued: t[at + PLAQUED]!,
    covenants: t[at + COVENANTS]!,
    registrations: t[at + REGISTRATIONS]!,
    memberRegistrations: t[at + MEMBER_REGISTRATIONS]!,
    awards: t[at + AWARDS]!,
    memberAwards: t[at + MEMBER_AWARDS]!
  }
}

// The handlers below change a unit's campaign tally and, when the change belongs to a phase, its
// phase tally, through plain functions: a closure per event would cost the fold a third of its speed.

const addInitiative = (t: Tallies, i: InitiativeRef, sign: 1 | -1): void => {
  const at = i.unit * width
  t[at + INITIATIVES]! += sign
  if (i.status === "Recognized" && i.level !== undefined) {
    t[at + RECOGNIZED[i.level]]! += sign
    t[at + BENEFIT]! += sign * i.benefitVnd
  }
  if (i.plaqued) t[at + PLAQUED]! += sign
}

const countInitiative = (state: State, i: InitiativeRef, sign: 1 | -1): void => {
  addInitiative(state.campaign, i, sign)
  if (i.phaseId !== undefined) addInitiative(board(state, i.phaseId).tallies, i, sign)
}

const inForce = (p: PledgeRef): boolean => p.status === "Signed" || p.status === "Approved"

const countPledge = (state: State, p: PledgeRef, sign: 1 | -1): void => {
  if (!inForce(p)) return
  for (const unitId of p.credits) state.campaign[unitAt(state, unitId) * width + column[p.field]]! += sign
}

/** Moves a pledge by the pledge machine, keeping the tallies in step (a covenant is Signed: approval and rejection leave it). */
const movePledge = (state: State, pledgeId: string, step: Lifecycle.PledgeStep): void => {
  const p = state.pledges.get(pledgeId)
  if (p === undefined) return
  countPledge(state, p, -1)
  p.status = Lifecycle.pledge.after(p.status, step)
  countPledge(state, p, 1)
}

const countAward = (state: State, a: AwardRef, sign: 1 | -1): void => {
  if (a.revoked) return
  const at = unitAt(state, a.unitId) * width + column[a.field]
  state.campaign[at]! += sign
  if (a.phaseId !== undefined) board(state, a.phaseId).tallies[at]! += sign
}

/** Handlers that change an initiative through its ref, keeping the tallies in step. */
const updateInitiative = (state: State, id: string, change: (i: InitiativeRef) => void): State => {
  const i = state.initiatives.get(id)
  if (i === undefined) return state
  countInitiative(state, i, -1)
  change(i)
  countInitiative(state, i, 1)
  return state
}

type InitiativeStep = Lifecycle.InitiativeStep

/** Moves an initiative by the initiative machine; a recognition also names its level. */
const moveInitiative = (state: State, id: string, step: InitiativeStep, level?: Event.RecognitionLevel): State =>
  updateInitiative(state, id, (i) => {
    i.status = Lifecycle.initiative.after(i.status, step)
    if (level !== undefined) i.level = level
  })

/** The handlers, by event type. */
const handlers = {
  ParticipantEnrolled: (state, e) => {
    state.participants.set(e.unitId, { sector: e.sector, clusterId: e.clusterId })
    return state
  },
  PhaseScheduled: (state, e) => {
    const b = board(state, e.phaseId)
    // The first schedule of an id stands, as in the campaign's own state.
    if (b.start === undefined) {
      b.start = e.start
      b.end = e.end
    }
    return state
  },
  ScoreAssessed: (state, e) => {
    const at = unitAt(state, e.unitId) * width + (e.kind === "self" ? SELF : CROSS)
    state.campaign[at]! += e.points
    if (e.phaseId !== undefined) board(state, e.phaseId).tallies[at]! += e.points
    return state
  },
  InitiativeRecorded: (state, e) => {
    const before = state.initiatives.get(e.initiativeId)
    if (before !== undefined) countInitiative(state, before, -1)
    const i: InitiativeRef = {
      unit: unitAt(state, e.unitId),
      phaseId: e.phaseId,
      benefitVnd: e.benefitVnd,
      status: Lifecycle.initiative.initial,
      level: undefined,
      plaqued: false
    }
    state.initiatives.set(e.initiativeId, i)
    countInitiative(state, i, 1)
    return state
  },
  // Recognition is a status of the initiative machine, as in the campaign: counted while it holds.
  InitiativeApplied: (state, e) => moveInitiative(state, e.initiativeId, "ApplyInitiative"),
  InitiativeRecognized: (state, e) => moveInitiative(state, e.initiativeId, "RecognizeInitiative", e.level),
  InitiativeRejected: (state, e) => moveInitiative(state, e.initiativeId, "RejectInitiative"),
  WorkPlaqued: (state, e) =>
    updateInitiative(state, e.initiativeId, (i) => {
      i.plaqued = true
    }),
  PledgeSigned: (state, e) => {
    const before = state.pledges.get(e.pledgeId)
    if (before !== undefined) countPledge(state, before, -1)
    let p: PledgeRef
    const status = Lifecycle.pledgeStarts(e.kind)
    if (e.kind === "registration") {
      const subject = Organization.registrationSubject(e)
      p = {
        credits: [subject.organizationId],
        field: subject._tag === "Unit" ? "registrations" : "memberRegistrations",
        status
      }
    } else p = { credits: e.signerIds, field: "covenants", status }
    state.pledges.set(e.pledgeId, p)
    countPledge(state, p, 1)
    if (e.supersedes !== undefined) movePledge(state, e.supersedes, "Supersede")
    return state
  },
  RegistrationApproved: (state, e) => {
    movePledge(state, e.pledgeId, "ApproveRegistration")
    return state
  },
  RegistrationRejected: (state, e) => {
    movePledge(state, e.pledgeId, "RejectRegistration")
    return state
  },
  AwardGranted: (state, e) => {
    const before = state.awards.get(e.awardId)
    if (before !== undefined) countAward(state, before, -1)
    let phaseId: string | undefined
    if (e.basis === "phase")
      for (const [id, b] of state.phases)
        if (b.start === e.period.start && b.end === e.period.end) {
          phaseId = id
          break
        }
    const a: AwardRef = {
      unitId: e.recipient.organizationId,
      field: e.recipient._tag === "Unit" ? "awards" : "memberAwards",
      phaseId,
      revoked: false
    }
    state.awards.set(e.awardId, a)
    countAward(state, a, 1)
    return state
  },
  AwardRevoked: (state, e) => {
    const a = state.awards.get(e.awardId)
    if (a !== undefined && !a.revoked) {
      countAward(state, a, -1)
      a.revoked = true
    }
    return state
  }
} satisfies Projection.Handlers<State>

const made = Projection.make<State>({
  name: "thidua.scoreboard",
  // 3: an initiative keeps its status by the initiative machine.
  version: 3,
  init: () => ({
    participants: new Map(),
    units: [],
    unitIndex: new Map(),
    campaign: [],
    phases: new Map(),
    initiatives: new Map(),
    pledges: new Map(),
    awards: new Map()
  }),
  partition: Projection.byCampaign,
  handlers
})

/**
 * The scoreboard projection, one state per campaign stream.
 *
 * @example
 * ```ts
 * import { Projection, Scoreboard } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const events = [
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-a", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-b", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ScoreAssessed", unitId: "cdcs-b", contentId: "nd-1", points: 90, kind: "cross", assessorId: "ldld-hm", at: "2020-06-30" }
 * ] as never[]
 * const meta = (i: number) => ({ tenantId: "hanoi", streamId: "campaign:hm-2020", version: i + 1, position: String(i + 1) as never, recordedAt: 0 })
 * const states = Projection.fold(Scoreboard.projection, events.map((event, i) => ({ event, meta: meta(i) })))
 * const state = states.get("hanoi/campaign:hm-2020")!
 * assert.deepEqual(Scoreboard.top(state, 2).map((s) => [s.rank, s.unitId, s.points]), [[1, "cdcs-b", 90], [2, "cdcs-a", 0]])
 * ```
 *
 * @since 0.1.0
 */
export const projection: Projection.Projection<State> = {
  ...made,
  // The events a scoreboard mostly folds go by a switch to handlers known here: the calls can be
  // inlined, where a lookup by type calls one of many functions (about a tenth faster measured).
  apply: (state, event, meta) => {
    switch (event._tag) {
      case "ScoreAssessed":
        return handlers.ScoreAssessed(state, event)
      case "InitiativeRecorded":
        return handlers.InitiativeRecorded(state, event)
      case "ParticipantEnrolled":
        return handlers.ParticipantEnrolled(state, event)
      default:
        return made.apply(state, event, meta)
    }
  }
}

/**
 * A unit's place in a ranking.
 *
 * @since 0.1.0
 */
export interface Standing {
  /** 1 for the first. Distinct for every unit unless the policy shares ties. */
  readonly rank: number
  readonly unitId: Ids.OrganizationId
  readonly points: number
  readonly tally: Tally
}

/** Points down, then recognized initiatives down, then unit id up: a total order. */
const order = (
  a: { readonly points: number; readonly recognized: number; readonly unitId: string },
  b: { readonly points: number; readonly recognized: number; readonly unitId: string }
): number => {
  if (a.points !== b.points) return a.points > b.points ? -1 : 1
  if (a.recognized !== b.recognized) return b.recognized - a.recognized
  return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0
}

const members = (state: State, scope: Scope): Array<string> => {
  const out: Array<string> = []
  for (const [unitId, p] of state.participants)
    if (
      scope._tag === "Campaign" ||
      scope._tag === "Phase" ||
      (scope._tag === "Sector" && p.sector === scope.sector) ||
      (scope._tag === "Cluster" && p.clusterId === scope.clusterId)
    )
      out.push(unitId)
  return out
}

/**
 * The enrolled units of a scope, best first, with their ranks; none for a phase never scheduled.
 *
 * @example
 * ```ts
 * import { Scoreboard } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-c", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-b", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-a", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ScoreAssessed", unitId: "cdcs-c", contentId: "nd-1", points: 50, kind: "cross", assessorId: "ldld-hm", at: "2020-06-30" }
 * ] as never[]
 * const state = events.reduce((s, e) => Scoreboard.projection.apply(s, e, meta), Scoreboard.projection.init())
 * // Nothing tells cdcs-a and cdcs-b apart: the unit id decides, unless the policy shares ties.
 * assert.deepEqual(Scoreboard.ranking(state).map((s) => [s.rank, s.unitId]), [[1, "cdcs-c"], [2, "cdcs-a"], [3, "cdcs-b"]])
 * const sharing = Scoreboard.weighted(Scoreboard.standardWeights, "share")
 * assert.deepEqual(Scoreboard.ranking(state, Scoreboard.campaign, sharing).map((s) => s.rank), [1, 2, 2])
 * ```
 *
 * @since 0.1.0
 */
export const ranking = (
  state: State,
  scope: Scope = campaign,
  policy: Policy = standardPolicy
): ReadonlyArray<Standing> => {
  const c = scope._tag === "Phase" ? state.phases.get(scope.phaseId)?.tallies : state.campaign
  if (c === undefined) return []
  const rows = members(state, scope).map((unitId) => {
    const u = state.unitIndex.get(unitId)
    const tally = u === undefined ? emptyTally : tallyAt(c, u)
    const p = policy.points(tally)
    // A policy's NaN would break the order; it ranks last instead.
    return { unitId, tally, points: Number.isNaN(p) ? Number.NEGATIVE_INFINITY : p, recognized: recognizedCount(tally) }
  })
  rows.sort(order)
  const out: Array<Standing> = []
  rows.forEach((r, i) => {
    const shared = policy.ties === "share" && i > 0 && rows[i - 1]!.points === r.points
    out.push({
      rank: shared ? out[i - 1]!.rank : i + 1,
      unitId: r.unitId as Ids.OrganizationId,
      points: r.points,
      tally: r.tally
    })
  })
  return out
}

/**
 * The first `n` of a scope's ranking.
 *
 * @example
 * ```ts
 * import { Scoreboard } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-a", sector: "enterprise", clusterId: "cum-1", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-b", sector: "enterprise", clusterId: "cum-1", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-c", sector: "enterprise", clusterId: "cum-2", at: "2020-01-05" },
 *   { _tag: "ScoreAssessed", unitId: "cdcs-b", contentId: "nd-1", points: 70, kind: "cross", assessorId: "ldld-hm", at: "2020-06-30" },
 *   { _tag: "ScoreAssessed", unitId: "cdcs-c", contentId: "nd-1", points: 95, kind: "cross", assessorId: "ldld-hm", at: "2020-06-30" }
 * ] as never[]
 * const state = events.reduce((s, e) => Scoreboard.projection.apply(s, e, meta), Scoreboard.projection.init())
 * assert.deepEqual(Scoreboard.top(state, 1).map((s) => s.unitId), ["cdcs-c"])
 * assert.deepEqual(Scoreboard.top(state, 5, Scoreboard.cluster("cum-1")).map((s) => s.unitId), ["cdcs-b", "cdcs-a"])
 * ```
 *
 * @since 0.1.0
 */
export const top = (
  state: State,
  n: number,
  scope: Scope = campaign,
  policy: Policy = standardPolicy
): ReadonlyArray<Standing> => ranking(state, scope, policy).slice(0, Math.max(0, n))

/**
 * A unit's standing in a scope, or `undefined` when it is not ranked there.
 *
 * @example
 * ```ts
 * import { Scoreboard } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-a", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-b", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ScoreAssessed", unitId: "cdcs-b", phaseId: "dot-1", contentId: "nd-1", points: 10, kind: "cross", assessorId: "ldld-hm", at: "2020-06-30" }
 * ] as never[]
 * const state = events.reduce((s, e) => Scoreboard.projection.apply(s, e, meta), Scoreboard.projection.init())
 * assert.equal(Scoreboard.rankOf(state, "cdcs-a")?.rank, 2)
 * assert.equal(Scoreboard.rankOf(state, "cdcs-b", Scoreboard.phase("dot-1"))?.points, 10)
 * assert.equal(Scoreboard.rankOf(state, "cdcs-a", Scoreboard.sector("administrative")), undefined)
 * ```
 *
 * @since 0.1.0
 */
export const rankOf = (
  state: State,
  unitId: string,
  scope: Scope = campaign,
  policy: Policy = standardPolicy
): Standing | undefined => ranking(state, scope, policy).find((s) => s.unitId === unitId)

const grouped = <K extends string>(
  state: State,
  keys: Iterable<K | undefined>,
  scopeOf: (key: K) => Scope,
  policy: Policy
): ReadonlyMap<K, ReadonlyArray<Standing>> => {
  const distinct = [...new Set(keys)].filter((k): k is K => k !== undefined).sort()
  return new Map(distinct.map((k) => [k, ranking(state, scopeOf(k), policy)]))
}

/**
 * The ranking of every cluster with enrolled units, by cluster id.
 *
 * @example
 * ```ts
 * import { Scoreboard } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-a", sector: "enterprise", clusterId: "cum-2", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-b", sector: "enterprise", clusterId: "cum-1", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-c", sector: "enterprise", at: "2020-01-05" }
 * ] as never[]
 * const state = events.reduce((s, e) => Scoreboard.projection.apply(s, e, meta), Scoreboard.projection.init())
 * assert.deepEqual([...Scoreboard.byCluster(state)].map(([c, r]) => [c, r.map((s) => s.unitId)]), [["cum-1", ["cdcs-b"]], ["cum-2", ["cdcs-a"]]])
 * ```
 *
 * @since 0.1.0
 */
export const byCluster = (
  state: State,
  policy: Policy = standardPolicy
): ReadonlyMap<string, ReadonlyArray<Standing>> =>
  grouped(
    state,
    [...state.participants.values()].map((p) => p.clusterId),
    cluster,
    policy
  )

/**
 * The ranking of every sector with enrolled units.
 *
 * @example
 * ```ts
 * import { Scoreboard } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-a", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "phuong-1", sector: "administrative", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-b", sector: "enterprise", at: "2020-01-05" }
 * ] as never[]
 * const state = events.reduce((s, e) => Scoreboard.projection.apply(s, e, meta), Scoreboard.projection.init())
 * assert.deepEqual([...Scoreboard.bySector(state)].map(([s, r]) => [s, r.length]), [["administrative", 1], ["enterprise", 2]])
 * ```
 *
 * @since 0.1.0
 */
export const bySector = (
  state: State,
  policy: Policy = standardPolicy
): ReadonlyMap<Organization.Sector, ReadonlyArray<Standing>> =>
  grouped(
    state,
    [...state.participants.values()].map((p) => p.sector),
    sector,
    policy
  )

/**
 * The ranking of every phase, by phase id.
 *
 * @example
 * ```ts
 * import { Scoreboard } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-a", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-b", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "PhaseScheduled", phaseId: "dot-1", name: "Đợt 1", kind: "regular", start: "2020-01-01", end: "2020-06-30" },
 *   { _tag: "ScoreAssessed", unitId: "cdcs-b", phaseId: "dot-1", contentId: "nd-1", points: 40, kind: "cross", assessorId: "ldld-hm", at: "2020-06-30" }
 * ] as never[]
 * const state = events.reduce((s, e) => Scoreboard.projection.apply(s, e, meta), Scoreboard.projection.init())
 * assert.deepEqual(Scoreboard.byPhase(state).get("dot-1")?.map((s) => s.unitId), ["cdcs-b", "cdcs-a"])
 * ```
 *
 * @since 0.1.0
 */
export const byPhase = (state: State, policy: Policy = standardPolicy): ReadonlyMap<string, ReadonlyArray<Standing>> =>
  grouped(state, state.phases.keys(), phase, policy)

/**
 * A campaign's scoreboard, from the read models in context (inline, or saved by a runner); `undefined` until its
 * first event. The queries of this module then apply to it, as in plain code.
 *
 * @example
 * ```ts
 * import { Inline, Scoreboard } from "@thidua/projections"
 * import { EventStore, InMemoryStore } from "@thidua/store"
 * import { Effect, Layer } from "effect"
 * import assert from "node:assert"
 *
 * const layer = Inline.layer([Scoreboard.projection]).pipe(Layer.provide(InMemoryStore.layer))
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   yield* store.append("hanoi", "campaign:hm-2020", "no-stream", [
 *     { eventId: "e-1", type: "ParticipantEnrolled", data: { unitId: "cdcs-a", sector: "enterprise", at: "2020-01-05" }, schemaVersion: 1 },
 *     { eventId: "e-2", type: "ScoreAssessed", data: { unitId: "cdcs-a", contentId: "nd-1", points: 90, kind: "cross", assessorId: "ldld-hm", at: "2020-06-30" }, schemaVersion: 1 }
 *   ])
 *   const board = yield* Scoreboard.read("hanoi", "hm-2020")
 *   return board === undefined ? [] : Scoreboard.top(board, 3).map((s) => [s.rank, s.unitId, s.points])
 * })
 * assert.deepEqual(await Effect.runPromise(program.pipe(Effect.provide(layer))), [[1, "cdcs-a", 90]])
 * ```
 *
 * @since 0.1.0
 */
export const read = (
  tenantId: string,
  campaignId: string
): Effect.Effect<State | undefined, ProjectionError.CorruptState, ReadModels.ReadModels> =>
  ReadModels.get(projection, ReadModels.campaignKey(tenantId, campaignId))
