/**
 * The state of one campaign, folded from its events (the fold is `Campaign.evolve`, its cases in
 * each part's `evolve.ts`), and the lookups the guards use.
 *
 * @since 0.1.0
 */
import { type AwardKind, isTitle } from "./AwardKind.js"
import * as Dict from "./Dict.js"
import type {
  Basis,
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
  /** The day it was opened, once open. */
  readonly openedAt?: LocalDate.LocalDate
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
  readonly status: Lifecycle.PledgeStatus
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
  /** The last day of its comment window, once published (A4). */
  readonly publishedUntil?: LocalDate.LocalDate
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
  readonly grantedAt: LocalDate.LocalDate
  /** Who presented it (trao tặng) and when, once presented. */
  readonly presentedById?: OrganizationId
  readonly presentedAt?: LocalDate.LocalDate
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
  /** The day of the launch (phát động), which may precede the period: a launch conference in December. */
  readonly launchedAt?: LocalDate.LocalDate
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
