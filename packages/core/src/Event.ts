/**
 * The events: what happened, in the past tense, as `effect/Schema` tagged structs. Two streams
 * carry them: the directory of a tenant (`org:<tenant>`) and each campaign (`campaign:<id>`).
 *
 * Fields may be added to an event, never renamed. When an event's shape changes, its
 * {@link versions} entry goes up and an upcaster in `Upcast.ts` lifts the older payloads.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { AwardGranted, AwardPresented, AwardRevoked, ExemplarReplicated } from "./award/schema.js"
import {
  CampaignCancelled,
  CampaignClosed,
  CampaignEnded,
  CampaignLaunched,
  CampaignPlanned,
  FinalReviewHeld
} from "./campaign/schema.js"
import {
  ClusterFormed,
  OrganizationMoved,
  OrganizationRegistered,
  OrganizationRestructured
} from "./directory/schema.js"
import {
  InitiativeApplied,
  InitiativeRecognized,
  InitiativeRecorded,
  InitiativeRejected,
  WorkPlaqued
} from "./initiative/schema.js"
import { byTag } from "./internal/byTag.js"
import {
  DisciplineRecorded,
  LeaveRecorded,
  MemberLeft,
  MemberRated,
  MemberRegistered,
  MemberTransferred,
  SeatAssigned,
  SeatEnded,
  UnitRated
} from "./member/schema.js"
import {
  DeliberationHeld,
  NominationDecided,
  NominationProposed,
  NominationSubmitted,
  NomineesPublished
} from "./nomination/schema.js"
import { ParticipantEnrolled, ScoreAssessed } from "./participant/schema.js"
import { InterimReviewHeld, PhaseClosed, PhaseOpened, PhaseScheduled } from "./phase/schema.js"
import { PledgeSigned, RegistrationApproved, RegistrationRejected } from "./pledge/schema.js"
import {
  CommandIssued,
  CommandRefused,
  DeadlineMissed,
  InputReceived,
  ProcessNoted,
  TimerCancelled,
  TimerFired,
  TimerScheduled
} from "./process/schema.js"

export {
  /** @since 0.1.0 */
  AwardGranted,
  /** @since 0.3.0 */
  AwardPresented,
  /** @since 0.1.0 */
  AwardRevoked,
  /** @since 0.1.0 */
  ExemplarReplicated
} from "./award/schema.js"
export {
  /** @since 0.1.0 */
  CampaignCancelled,
  /** @since 0.1.0 */
  CampaignClosed,
  /** @since 0.1.0 */
  CampaignEnded,
  /** @since 0.1.0 */
  CampaignLaunched,
  /** @since 0.1.0 */
  CampaignPlanned,
  /** @since 0.1.0 */
  FinalReviewHeld
} from "./campaign/schema.js"
export {
  /** @since 0.1.0 */
  ClusterFormed,
  /** @since 0.1.0 */
  OrganizationMoved,
  /** @since 0.1.0 */
  OrganizationRegistered,
  /** @since 0.1.0 */
  OrganizationRestructured
} from "./directory/schema.js"
export {
  /** @since 0.1.0 */
  InitiativeApplied,
  /** @since 0.1.0 */
  InitiativeRecognized,
  /** @since 0.1.0 */
  InitiativeRecorded,
  /** @since 0.1.0 */
  InitiativeRejected,
  /** @since 0.1.0 */
  WorkPlaqued
} from "./initiative/schema.js"
export {
  /** @since 0.1.0 */
  Basis,
  /** @since 0.1.0 */
  CampaignForm,
  /** @since 0.1.0 */
  Content,
  /** @since 0.1.0 */
  InitiativeKind,
  /** @since 0.1.0 */
  Outcome,
  /** @since 0.1.0 */
  PhaseKind,
  /** @since 0.1.0 */
  PledgeKind,
  /** @since 0.1.0 */
  RecognitionLevel,
  /** @since 0.1.0 */
  RevocationReason,
  /** @since 0.1.0 */
  ScoreKind,
  /** @since 0.1.0 */
  SectorContents,
  /** @since 0.1.0 */
  Target
} from "./internal/shapes.js"
export {
  /** @since 0.6.0 */
  DisciplineRecorded,
  /** @since 0.6.0 */
  LeaveRecorded,
  /** @since 0.6.0 */
  MemberLeft,
  /** @since 0.6.0 */
  MemberRated,
  /** @since 0.6.0 */
  MemberRegistered,
  /** @since 0.6.0 */
  MemberTransferred,
  /** @since 0.6.0 */
  SeatAssigned,
  /** @since 0.6.0 */
  SeatEnded,
  /** @since 0.6.0 */
  UnitRated
} from "./member/schema.js"
export {
  /** @since 0.1.0 */
  DeliberationHeld,
  /** @since 0.1.0 */
  NominationDecided,
  /** @since 0.1.0 */
  NominationProposed,
  /** @since 0.1.0 */
  NominationSubmitted,
  /** @since 0.1.0 */
  NomineesPublished
} from "./nomination/schema.js"
export {
  /** @since 0.1.0 */
  ParticipantEnrolled,
  /** @since 0.1.0 */
  ScoreAssessed
} from "./participant/schema.js"
export {
  /** @since 0.1.0 */
  InterimReviewHeld,
  /** @since 0.1.0 */
  PhaseClosed,
  /** @since 0.1.0 */
  PhaseOpened,
  /** @since 0.1.0 */
  PhaseScheduled
} from "./phase/schema.js"
export {
  /** @since 0.1.0 */
  PledgeSigned,
  /** @since 0.1.0 */
  RegistrationApproved,
  /** @since 0.1.0 */
  RegistrationRejected
} from "./pledge/schema.js"

export {
  /** @since 0.4.0 */
  CommandIssued,
  /** @since 0.4.0 */
  CommandRefused,
  /** @since 0.4.0 */
  DeadlineMissed,
  /** @since 0.4.0 */
  InputReceived,
  /** @since 0.4.0 */
  Instant,
  /** @since 0.4.0 */
  ProcessNoted,
  /** @since 0.4.0 */
  TimerCancelled,
  /** @since 0.4.0 */
  TimerFired,
  /** @since 0.4.0 */
  TimerScheduled
} from "./process/schema.js"

/**
 * Every event of the directory stream.
 *
 * @since 0.1.0
 */
export const DirectoryEvent = Schema.Union([
  OrganizationRegistered,
  OrganizationMoved,
  OrganizationRestructured,
  ClusterFormed,
  MemberRegistered,
  MemberTransferred,
  MemberLeft,
  LeaveRecorded,
  DisciplineRecorded,
  MemberRated,
  UnitRated,
  SeatAssigned,
  SeatEnded
])

/** @since 0.1.0 */
export type DirectoryEvent = typeof DirectoryEvent.Type

/**
 * Every event of a campaign stream.
 *
 * @example
 * ```ts
 * import { Event } from "@thidua/core"
 * import { Schema } from "effect"
 * import assert from "node:assert"
 *
 * const e = Schema.decodeUnknownSync(Event.CampaignEvent)({ _tag: "PhaseOpened", phaseId: "dot-1", at: "2020-01-01" })
 * assert.equal(e._tag, "PhaseOpened")
 * ```
 *
 * @since 0.1.0
 */
export const CampaignEvent = Schema.Union([
  CampaignPlanned,
  CampaignLaunched,
  PhaseScheduled,
  PhaseOpened,
  PhaseClosed,
  ParticipantEnrolled,
  PledgeSigned,
  RegistrationApproved,
  RegistrationRejected,
  InitiativeRecorded,
  InitiativeApplied,
  InitiativeRecognized,
  InitiativeRejected,
  WorkPlaqued,
  ScoreAssessed,
  InterimReviewHeld,
  CampaignEnded,
  FinalReviewHeld,
  NominationProposed,
  DeliberationHeld,
  NomineesPublished,
  NominationSubmitted,
  NominationDecided,
  AwardGranted,
  AwardPresented,
  AwardRevoked,
  ExemplarReplicated,
  CampaignClosed,
  CampaignCancelled
])

/** @since 0.1.0 */
export type CampaignEvent = typeof CampaignEvent.Type

/**
 * Every event of a process stream (`process:<manager>:<instance>`): what a process manager of
 * `@thidua/workflow` received, decided and was told.
 *
 * @example
 * ```ts
 * import { Event } from "@thidua/core"
 * import { Schema } from "effect"
 * import assert from "node:assert"
 *
 * const e = Schema.decodeUnknownSync(Event.ProcessEvent)({ _tag: "TimerScheduled", timerId: "open:dot-1", dueAt: "2019-12-31T17:00:00.000Z", reason: "Đợt 1 opens" })
 * assert.equal(e._tag, "TimerScheduled")
 * ```
 *
 * @since 0.4.0
 */
export const ProcessEvent = Schema.Union([
  InputReceived,
  CommandIssued,
  CommandRefused,
  TimerScheduled,
  TimerFired,
  TimerCancelled,
  DeadlineMissed,
  ProcessNoted
])

/** @since 0.4.0 */
export type ProcessEvent = typeof ProcessEvent.Type

/** Any event of the domain. @since 0.1.0 */
export const DomainEvent = Schema.Union([DirectoryEvent, CampaignEvent, ProcessEvent])

/** @since 0.1.0 */
export type DomainEvent = typeof DomainEvent.Type

/**
 * The schema of each event type, by name: what a store decodes a stored payload with.
 *
 * @since 0.1.0
 */
export const schemas: { readonly [T in EventType]: Schema.Codec<Extract<DomainEvent, { readonly _tag: T }>> } = byTag([
  ...DirectoryEvent.members,
  ...CampaignEvent.members,
  ...ProcessEvent.members
]) as never

/** The name of an event type. @since 0.1.0 */
export type EventType = DomainEvent["_tag"]

/**
 * The current schema version of every event type. Stores record it beside each event; `Upcast`
 * lifts older payloads to it.
 *
 * @since 0.1.0
 */
export const versions: { readonly [T in EventType]: number } = {
  OrganizationRegistered: 1,
  OrganizationMoved: 1,
  OrganizationRestructured: 1,
  ClusterFormed: 1,
  MemberRegistered: 1,
  MemberTransferred: 1,
  MemberLeft: 1,
  LeaveRecorded: 1,
  DisciplineRecorded: 1,
  MemberRated: 1,
  UnitRated: 1,
  SeatAssigned: 1,
  SeatEnded: 1,
  CampaignPlanned: 1,
  CampaignLaunched: 1,
  PhaseScheduled: 1,
  PhaseOpened: 1,
  PhaseClosed: 1,
  ParticipantEnrolled: 1,
  PledgeSigned: 1,
  RegistrationApproved: 1,
  RegistrationRejected: 1,
  InitiativeRecorded: 1,
  InitiativeApplied: 1,
  InitiativeRecognized: 1,
  InitiativeRejected: 1,
  WorkPlaqued: 1,
  ScoreAssessed: 1,
  InterimReviewHeld: 1,
  CampaignEnded: 1,
  FinalReviewHeld: 1,
  NominationProposed: 1,
  DeliberationHeld: 1,
  NomineesPublished: 1,
  NominationSubmitted: 1,
  NominationDecided: 1,
  AwardGranted: 1,
  AwardPresented: 1,
  AwardRevoked: 1,
  ExemplarReplicated: 1,
  CampaignClosed: 1,
  CampaignCancelled: 1,
  InputReceived: 1,
  CommandIssued: 1,
  CommandRefused: 1,
  TimerScheduled: 1,
  TimerFired: 1,
  TimerCancelled: 1,
  DeadlineMissed: 1,
  ProcessNoted: 1
}
