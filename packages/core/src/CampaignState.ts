/**
 * The state of one campaign, folded from its events, and the fold itself. The decider in
 * `Campaign.ts` reads it; projections that need the same view can fold it too.
 *
 * @since 0.1.0
 */
import { type AwardKind, isTitle } from "./AwardKind.js"
import * as Dict from "./Dict.js"
import type {
  Basis,
  CampaignEvent,
  CampaignForm,
  InitiativeKind,
  Outcome,
  PhaseKind,
  PledgeKind,
  RecognitionLevel,
  SectorContents
} from "./Event.js"
import type {
  AwardId,
  CampaignId,
  ClusterId,
  InitiativeId,
  MemberId,
  NominationId,
  OrganizationId,
  PhaseId,
  PledgeId,
  TenantId
} from "./Ids.js"
import type * as Lifecycle from "./Lifecycle.js"
import type * as LocalDate from "./LocalDate.js"
import * as Organization from "./Organization.js"
import type { RegimeId } from "./Rulebook.js"
import type { Vnd } from "./Vnd.js"

/** What the plan fixed. @since 0.1.0 */
export interface Plan {
  readonly campaignId: CampaignId
  readonly tenantId: TenantId
  readonly issuerId: OrganizationId
  readonly title: string
  readonly form: CampaignForm
  readonly period: LocalDate.Period
  readonly clusterId?: ClusterId
  readonly parentCampaignId?: CampaignId
  readonly sectors: ReadonlyArray<SectorContents>
  readonly titlesOffered: ReadonlyArray<AwardKind>
  readonly regime: RegimeId
}

/** @since 0.1.0 */
export interface Phase {
  readonly id: PhaseId
  readonly name: string
  readonly kind: PhaseKind
  readonly start: LocalDate.LocalDate
  readonly end: LocalDate.LocalDate
  readonly status: Lifecycle.PhaseStatus
}

/** @since 0.1.0 */
export interface Participant {
  readonly unitId: OrganizationId
  readonly sector: Organization.Sector
  readonly clusterId?: ClusterId
}

/** @since 0.1.0 */
export interface Pledge {
  readonly id: PledgeId
  readonly kind: PledgeKind
  readonly signerIds: ReadonlyArray<OrganizationId>
  readonly subject?: Organization.Subject
  readonly clusterId?: ClusterId
  readonly period: LocalDate.Period
  /** Registrations move through Submitted, Approved, Rejected; covenants are Signed until superseded. */
  readonly status: Lifecycle.RegistrationStatus | "Signed" | "Superseded"
}

/** @since 0.1.0 */
export interface Initiative {
  readonly id: InitiativeId
  readonly unitId: OrganizationId
  readonly memberId?: MemberId
  readonly phaseId?: PhaseId
  readonly kind: InitiativeKind
  readonly benefitVnd: Vnd
  readonly status: Lifecycle.InitiativeStatus
  readonly level?: RecognitionLevel
  readonly plaqued: boolean
}

/** @since 0.1.0 */
export interface Nomination {
  readonly id: NominationId
  readonly subject: Organization.Subject
  readonly awardKind: AwardKind
  readonly basis: Basis
  readonly period: LocalDate.Period
  /** The organization that holds the file now: the proposer, then each level it is submitted to. */
  readonly holderId: OrganizationId
  readonly status: Lifecycle.NominationStatus
  readonly outcome?: Outcome
  readonly vote?: { readonly present: number; readonly votesFor: number; readonly councilSize: number }
}

/** @since 0.1.0 */
export interface Award {
  readonly id: AwardId
  readonly recipient: Organization.Subject
  readonly kind: AwardKind
  readonly grantedById: OrganizationId
  readonly basis: Basis
  readonly period: LocalDate.Period
  readonly extraordinary: boolean
  readonly revoked: boolean
}

/**
 * The campaign's state.
 *
 * @since 0.1.0
 */
export interface State {
  readonly status: Lifecycle.Status
  readonly plan: Plan | undefined
  readonly pilotUnitId?: OrganizationId
  /** Phases in the order they were scheduled (a campaign has a handful). */
  readonly phases: ReadonlyArray<Phase>
  readonly participants: Dict.Dict<Participant>
  readonly pledges: Dict.Dict<Pledge>
  /** Subject key to its registration that is Submitted or Approved (rule G2). */
  readonly activeRegistrations: Dict.Dict<PledgeId>
  /** Subject keys with an approved registration or a signed covenant (rule G1). */
  readonly registered: Dict.Dict<true>
  /** `cluster|unit` to the unit's signed covenant in that cluster (rule G3). */
  readonly covenants: Dict.Dict<PledgeId>
  readonly initiatives: Dict.Dict<Initiative>
  readonly interimReviews: ReadonlyArray<{ readonly phaseId?: PhaseId; readonly at: LocalDate.LocalDate }>
  readonly endedAt?: LocalDate.LocalDate
  readonly finalReviewAt?: LocalDate.LocalDate
  readonly nominations: Dict.Dict<Nomination>
  readonly awards: Dict.Dict<Award>
  /** Achievement key (subject, basis, period) to the award that rewards it (rule U1). */
  readonly achievements: Dict.Dict<AwardId>
  /** Per unit, Advanced Workers and Grassroots Emulation Fighters granted (rule T4). */
  readonly fighters: Dict.Dict<{ readonly advanced: number; readonly fighters: number }>
}

/** @since 0.1.0 */
export const initialState: State = {
  status: "Initial",
  plan: undefined,
  phases: [],
  participants: Dict.empty(),
  pledges: Dict.empty(),
  activeRegistrations: Dict.empty(),
  registered: Dict.empty(),
  covenants: Dict.empty(),
  initiatives: Dict.empty(),
  interimReviews: [],
  nominations: Dict.empty(),
  awards: Dict.empty(),
  achievements: Dict.empty(),
  fighters: Dict.empty()
}

/**
 * The key of an achievement (rule U1): one commendation form per subject, basis and period. An
 * emulation title is not a commendation form — a member is both Advanced Worker and Grassroots
 * Emulation Fighter of a year — so each title keys on its own kind: the same title once per period.
 *
 * @since 0.1.0
 */
export const achievementKey = (
  subject: Organization.Subject,
  basis: Basis,
  period: LocalDate.Period,
  kind: AwardKind
): string =>
  `${Organization.subjectKey(subject)}|${basis}|${period.start}|${period.end}|${isTitle(kind) ? kind : "form"}`

/** @since 0.1.0 */
export const phase = (state: State, id: string): Phase | undefined => state.phases.find((p) => p.id === id)
/** @since 0.1.0 */
export const participant = (state: State, id: string): Participant | undefined => Dict.get(state.participants, id)
/** @since 0.1.0 */
export const pledge = (state: State, id: string): Pledge | undefined => Dict.get(state.pledges, id)
/** @since 0.1.0 */
export const initiative = (state: State, id: string): Initiative | undefined => Dict.get(state.initiatives, id)
/** @since 0.1.0 */
export const nomination = (state: State, id: string): Nomination | undefined => Dict.get(state.nominations, id)
/** @since 0.1.0 */
export const award = (state: State, id: string): Award | undefined => Dict.get(state.awards, id)
/** Every award, revoked ones included. @since 0.1.0 */
export const awards = (state: State): Iterable<Award> => Dict.values(state.awards)
/** Every nomination. @since 0.1.0 */
export const nominations = (state: State): Iterable<Nomination> => Dict.values(state.nominations)
/** Every pledge. @since 0.1.0 */
export const pledges = (state: State): Iterable<Pledge> => Dict.values(state.pledges)
/** Every initiative. @since 0.1.0 */
export const initiatives = (state: State): Iterable<Initiative> => Dict.values(state.initiatives)
/** Every participant. @since 0.1.0 */
export const participants = (state: State): Iterable<Participant> => Dict.values(state.participants)

const setPhase = (state: State, id: PhaseId, status: Lifecycle.PhaseStatus): State => ({
  ...state,
  phases: state.phases.map((p) => (p.id === id ? { ...p, status } : p))
})

const fighterDelta = (state: State, a: Award, sign: 1 | -1): State => {
  if (a.recipient._tag !== "Member") return state
  const field =
    a.kind === "lao-dong-tien-tien" ? "advanced" : a.kind === "chien-si-thi-dua-co-so" ? "fighters" : undefined
  if (field === undefined) return state
  const unit = a.recipient.organizationId
  const before = Dict.get(state.fighters, unit) ?? { advanced: 0, fighters: 0 }
  return { ...state, fighters: Dict.set(state.fighters, unit, { ...before, [field]: before[field] + sign }) }
}

/**
 * Folds a campaign event. Total over valid histories; an event that refers to something unknown
 * leaves the state as it was.
 *
 * @since 0.1.0
 */
export const evolve = (state: State, event: CampaignEvent): State => {
  switch (event._tag) {
    case "CampaignPlanned": {
      const { _tag, theme, at, ...plan } = event
      return { ...state, status: "Planned", plan }
    }
    case "CampaignLaunched":
      return {
        ...state,
        status: "Launched",
        ...(event.pilotUnitId !== undefined ? { pilotUnitId: event.pilotUnitId } : {})
      }
    case "PhaseScheduled":
      return {
        ...state,
        phases: [
          ...state.phases,
          {
            id: event.phaseId,
            name: event.name,
            kind: event.kind,
            start: event.start,
            end: event.end,
            status: "Scheduled"
          }
        ]
      }
    case "PhaseOpened":
      return setPhase(state, event.phaseId, "Open")
    case "PhaseClosed":
      return setPhase(state, event.phaseId, "Closed")
    case "ParticipantEnrolled":
      return {
        ...state,
        participants: Dict.set(state.participants, event.unitId, {
          unitId: event.unitId,
          sector: event.sector,
          ...(event.clusterId !== undefined ? { clusterId: event.clusterId } : {})
        })
      }
    case "PledgeSigned": {
      const registration = event.kind === "registration"
      const subject = event.subject ?? { _tag: "Unit" as const, organizationId: event.signerIds[0] }
      const p: Pledge = {
        id: event.pledgeId,
        kind: event.kind,
        signerIds: event.signerIds,
        ...(registration ? { subject } : {}),
        ...(event.clusterId !== undefined ? { clusterId: event.clusterId } : {}),
        period: event.period,
        status: registration ? "Submitted" : "Signed"
      }
      let pledges = Dict.set(state.pledges, p.id, p)
      let { activeRegistrations, registered, covenants } = state
      if (event.supersedes !== undefined)
        pledges = Dict.modify(pledges, event.supersedes, (old) => ({ ...old, status: "Superseded" }))
      if (registration) activeRegistrations = Dict.set(activeRegistrations, Organization.subjectKey(subject), p.id)
      else {
        for (const unit of event.signerIds) {
          registered = Dict.set(registered, `unit:${unit}`, true)
          if (event.clusterId !== undefined) covenants = Dict.set(covenants, `${event.clusterId}|${unit}`, p.id)
        }
      }
      return { ...state, pledges, activeRegistrations, registered, covenants }
    }
    case "RegistrationApproved": {
      const p = pledge(state, event.pledgeId)
      if (p?.subject === undefined) return state
      return {
        ...state,
        pledges: Dict.set(state.pledges, p.id, { ...p, status: "Approved" }),
        registered: Dict.set(state.registered, Organization.subjectKey(p.subject), true)
      }
    }
    case "RegistrationRejected": {
      const p = pledge(state, event.pledgeId)
      if (p?.subject === undefined) return state
      return {
        ...state,
        pledges: Dict.set(state.pledges, p.id, { ...p, status: "Rejected" }),
        activeRegistrations: Dict.remove(state.activeRegistrations, Organization.subjectKey(p.subject))
      }
    }
    case "InitiativeRecorded":
      return {
        ...state,
        initiatives: Dict.set(state.initiatives, event.initiativeId, {
          id: event.initiativeId,
          unitId: event.unitId,
          ...(event.memberId !== undefined ? { memberId: event.memberId } : {}),
          ...(event.phaseId !== undefined ? { phaseId: event.phaseId } : {}),
          kind: event.kind,
          benefitVnd: event.benefitVnd,
          status: "Recorded",
          plaqued: false
        })
      }
    case "InitiativeApplied":
      return {
        ...state,
        initiatives: Dict.modify(state.initiatives, event.initiativeId, (i) => ({ ...i, status: "Applied" }))
      }
    case "InitiativeRecognized":
      return {
        ...state,
        initiatives: Dict.modify(state.initiatives, event.initiativeId, (i) => ({
          ...i,
          status: "Recognized",
          level: event.level
        }))
      }
    case "InitiativeRejected":
      return {
        ...state,
        initiatives: Dict.modify(state.initiatives, event.initiativeId, (i) => ({ ...i, status: "Rejected" }))
      }
    case "WorkPlaqued":
      return {
        ...state,
        initiatives: Dict.modify(state.initiatives, event.initiativeId, (i) => ({ ...i, plaqued: true }))
      }
    case "ScoreAssessed":
      return state
    case "InterimReviewHeld": {
      const reviewed = event.phaseId !== undefined ? setPhase(state, event.phaseId, "Reviewed") : state
      return {
        ...reviewed,
        interimReviews: [
          ...state.interimReviews,
          event.phaseId !== undefined ? { phaseId: event.phaseId, at: event.at } : { at: event.at }
        ]
      }
    }
    case "CampaignEnded":
      return { ...state, status: "Ended", endedAt: event.at }
    case "FinalReviewHeld":
      return { ...state, status: "Reviewed", finalReviewAt: event.at }
    case "NominationProposed":
      return {
        ...state,
        status: state.status === "Reviewed" ? "Awarding" : state.status,
        nominations: Dict.set(state.nominations, event.nominationId, {
          id: event.nominationId,
          subject: event.subject,
          awardKind: event.awardKind,
          basis: event.basis,
          period: event.period,
          holderId: event.proposedById,
          status: "Proposed"
        })
      }
    case "DeliberationHeld":
      return {
        ...state,
        status: state.status === "Reviewed" ? "Awarding" : state.status,
        nominations: Dict.modify(state.nominations, event.nominationId, (n) => ({
          ...n,
          status: "Deliberated",
          vote: { present: event.present, votesFor: event.votesFor, councilSize: event.councilSize }
        }))
      }
    case "NomineesPublished":
      return { ...state, status: state.status === "Reviewed" ? "Awarding" : state.status }
    case "NominationSubmitted":
      return {
        ...state,
        status: state.status === "Reviewed" ? "Awarding" : state.status,
        nominations: Dict.modify(state.nominations, event.nominationId, (n) => ({
          ...n,
          status: "Submitted",
          holderId: event.toOrganizationId
        }))
      }
    case "NominationDecided":
      return {
        ...state,
        status: state.status === "Reviewed" ? "Awarding" : state.status,
        nominations: Dict.modify(state.nominations, event.nominationId, (n) => ({
          ...n,
          status: event.outcome === "escalated" ? "Escalated" : "Decided",
          outcome: event.outcome
        }))
      }
    case "AwardGranted": {
      const a: Award = {
        id: event.awardId,
        recipient: event.recipient,
        kind: event.kind,
        grantedById: event.grantedById,
        basis: event.basis,
        period: event.period,
        extraordinary: event.extraordinary,
        revoked: false
      }
      return fighterDelta(
        {
          ...state,
          status: state.status === "Reviewed" ? "Awarding" : state.status,
          awards: Dict.set(state.awards, a.id, a),
          achievements: Dict.set(state.achievements, achievementKey(a.recipient, a.basis, a.period, a.kind), a.id)
        },
        a,
        1
      )
    }
    case "AwardRevoked": {
      const a = award(state, event.awardId)
      if (a === undefined || a.revoked) return state
      const key = achievementKey(a.recipient, a.basis, a.period, a.kind)
      return fighterDelta(
        {
          ...state,
          awards: Dict.set(state.awards, a.id, { ...a, revoked: true }),
          achievements:
            Dict.get(state.achievements, key) === a.id ? Dict.remove(state.achievements, key) : state.achievements
        },
        a,
        -1
      )
    }
    case "ExemplarReplicated":
      return state
    case "CampaignClosed":
      return { ...state, status: "Closed" }
    case "CampaignCancelled":
      return { ...state, status: "Cancelled" }
  }
}
