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
import { AwardKind } from "./AwardKind.js"
import {
  AwardId,
  CampaignId,
  ClusterId,
  ContentId,
  InitiativeId,
  MemberId,
  NominationId,
  OrganizationId,
  PhaseId,
  PledgeId,
  TenantId
} from "./Ids.js"
import { byTag } from "./internal/byTag.js"
import { maxItems, text } from "./internal/checks.js"
import { LocalDate, Period } from "./LocalDate.js"
import { Level, Sector, Subject } from "./Organization.js"
import { Vnd } from "./Vnd.js"

// Names and titles, and free text (reasons, notes, descriptions): storable, within `Limits`.
const Name = text("nameLength")
const FreeText = text("textLength")
const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

// ---------------------------------------------------------------------------------------------
// shared value shapes
// ---------------------------------------------------------------------------------------------

/** A campaign's form (hình thức): regular (thường xuyên) or thematic (theo chuyên đề). @since 0.1.0 */
export const CampaignForm = Schema.Literals(["regular", "thematic"])
/** @since 0.1.0 */
export type CampaignForm = typeof CampaignForm.Type

/** A phase's kind: regular (đợt) or peak (đợt cao điểm). @since 0.1.0 */
export const PhaseKind = Schema.Literals(["regular", "peak"])
/** @since 0.1.0 */
export type PhaseKind = typeof PhaseKind.Type

/** A content (nội dung thi đua) of a sector. @since 0.1.0 */
export const Content = Schema.Struct({ contentId: ContentId, title: Name })
/** @since 0.1.0 */
export type Content = typeof Content.Type

/** The contents a campaign sets for one sector. @since 0.1.0 */
export const SectorContents = Schema.Struct({
  sector: Sector,
  contents: Schema.Array(Content).check(maxItems("contentsPerSector"))
})
/** @since 0.1.0 */
export type SectorContents = typeof SectorContents.Type

/** What a pledge commits to: a content, a title, or a described target. @since 0.1.0 */
export const Target = Schema.Struct({
  contentId: Schema.optionalKey(ContentId),
  awardKind: Schema.optionalKey(AwardKind),
  description: FreeText
})
/** @since 0.1.0 */
export type Target = typeof Target.Type

/**
 * A pledge's kind: a `covenant` among the units of a cluster (giao ước thi đua), a `registration`
 * for titles (đăng ký thi đua), or a `union-management` covenant between a union and the
 * management of its agency or enterprise.
 *
 * @since 0.1.0
 */
export const PledgeKind = Schema.Literals(["covenant", "registration", "union-management"])
/** @since 0.1.0 */
export type PledgeKind = typeof PledgeKind.Type

/** An initiative's kind: sáng kiến, đề tài (research), giải pháp (solution) or công trình (work). @since 0.1.0 */
export const InitiativeKind = Schema.Literals(["initiative", "research", "solution", "work"])
/** @since 0.1.0 */
export type InitiativeKind = typeof InitiativeKind.Type

/** The scope at which an initiative is recognised (rule I2). @since 0.1.0 */
export const RecognitionLevel = Schema.Literals(["unit", "province", "national"])
/** @since 0.1.0 */
export type RecognitionLevel = typeof RecognitionLevel.Type

/** A score's kind: self-assessed (tự chấm) or cross-assessed (chấm chéo). @since 0.1.0 */
export const ScoreKind = Schema.Literals(["self", "cross"])
/** @since 0.1.0 */
export type ScoreKind = typeof ScoreKind.Type

/** What an award or a nomination rewards: the whole campaign, or one phase. @since 0.1.0 */
export const Basis = Schema.Literals(["campaign", "phase"])
/** @since 0.1.0 */
export type Basis = typeof Basis.Type

/** A nomination's outcome after deliberation (MISA's statuses). @since 0.1.0 */
export const Outcome = Schema.Literals(["notAchieved", "achievedAtLevel", "escalated"])
/** @since 0.1.0 */
export type Outcome = typeof Outcome.Type

/**
 * Why an award may be revoked (rule V1): fraudulent declaration, a false or forged dossier, an
 * unlawful appraisal, or a violation within the achievement period.
 *
 * @since 0.1.0
 */
export const RevocationReason = Schema.Literals([
  "fraudulent-declaration",
  "false-dossier",
  "unlawful-appraisal",
  "violation-in-period"
])
/** @since 0.1.0 */
export type RevocationReason = typeof RevocationReason.Type

// ---------------------------------------------------------------------------------------------
// directory stream
// ---------------------------------------------------------------------------------------------

/** An organization joined the hierarchy. @since 0.1.0 */
export const OrganizationRegistered = Schema.TaggedStruct("OrganizationRegistered", {
  organizationId: OrganizationId,
  name: Name,
  level: Level,
  parentId: Schema.optionalKey(OrganizationId),
  sector: Schema.optionalKey(Sector),
  members: Schema.optionalKey(Count),
  workers: Schema.optionalKey(Count),
  validFrom: LocalDate,
  validTo: Schema.optionalKey(LocalDate)
})

/** An organization was placed under another parent from a date (e.g. the 1/7/2025 reform). @since 0.1.0 */
export const OrganizationMoved = Schema.TaggedStruct("OrganizationMoved", {
  organizationId: OrganizationId,
  parentId: OrganizationId,
  at: LocalDate
})

/** An organization was merged into a successor or dissolved; it ceases the day before `at`. @since 0.1.0 */
export const OrganizationRestructured = Schema.TaggedStruct("OrganizationRestructured", {
  organizationId: OrganizationId,
  successorId: Schema.optionalKey(OrganizationId),
  at: LocalDate
})

/** A cluster (cụm) or block (khối) of units was formed for a year by an organizing level. @since 0.1.0 */
export const ClusterFormed = Schema.TaggedStruct("ClusterFormed", {
  clusterId: ClusterId,
  name: Name,
  kind: Schema.Literals(["cluster", "block"]),
  organizerId: OrganizationId,
  year: Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2199 })),
  memberIds: Schema.Array(OrganizationId).check(maxItems("clusterMembers")),
  headId: Schema.optionalKey(OrganizationId)
})

/**
 * Every event of the directory stream.
 *
 * @since 0.1.0
 */
export const DirectoryEvent = Schema.Union([
  OrganizationRegistered,
  OrganizationMoved,
  OrganizationRestructured,
  ClusterFormed
])
/** @since 0.1.0 */
export type DirectoryEvent = typeof DirectoryEvent.Type

// ---------------------------------------------------------------------------------------------
// campaign stream
// ---------------------------------------------------------------------------------------------

/** The plan (kế hoạch) of a campaign was adopted. @since 0.1.0 */
export const CampaignPlanned = Schema.TaggedStruct("CampaignPlanned", {
  campaignId: CampaignId,
  tenantId: TenantId,
  issuerId: OrganizationId,
  title: Name,
  theme: Schema.optionalKey(Name),
  form: CampaignForm,
  period: Period,
  parentCampaignId: Schema.optionalKey(CampaignId),
  clusterId: Schema.optionalKey(ClusterId),
  sectors: Schema.Array(SectorContents).check(maxItems("sectors")),
  titlesOffered: Schema.Array(AwardKind).check(maxItems("titlesOffered")),
  regime: Schema.Literals(["R2003", "R2024", "R2025"]),
  at: LocalDate
})

/** The campaign was launched (phát động), possibly at a pilot unit (phát động điểm). @since 0.1.0 */
export const CampaignLaunched = Schema.TaggedStruct("CampaignLaunched", {
  at: LocalDate,
  pilotUnitId: Schema.optionalKey(OrganizationId)
})

/** A phase (đợt) was scheduled. @since 0.1.0 */
export const PhaseScheduled = Schema.TaggedStruct("PhaseScheduled", {
  phaseId: PhaseId,
  name: Name,
  kind: PhaseKind,
  start: LocalDate,
  end: LocalDate,
  theme: Schema.optionalKey(Name)
})

/** A phase opened. @since 0.1.0 */
export const PhaseOpened = Schema.TaggedStruct("PhaseOpened", { phaseId: PhaseId, at: LocalDate })
/** A phase closed. @since 0.1.0 */
export const PhaseClosed = Schema.TaggedStruct("PhaseClosed", { phaseId: PhaseId, at: LocalDate })

/** A unit joined the campaign. @since 0.1.0 */
export const ParticipantEnrolled = Schema.TaggedStruct("ParticipantEnrolled", {
  unitId: OrganizationId,
  sector: Sector,
  clusterId: Schema.optionalKey(ClusterId),
  at: LocalDate
})

/** A covenant or a registration was signed. @since 0.1.0 */
export const PledgeSigned = Schema.TaggedStruct("PledgeSigned", {
  pledgeId: PledgeId,
  kind: PledgeKind,
  signerIds: Schema.NonEmptyArray(OrganizationId).check(maxItems("pledgeSigners")),
  subject: Schema.optionalKey(Subject),
  clusterId: Schema.optionalKey(ClusterId),
  targets: Schema.Array(Target).check(maxItems("pledgeTargets")),
  period: Period,
  supersedes: Schema.optionalKey(PledgeId),
  at: LocalDate
})

/** A registration was approved by the organizer. @since 0.1.0 */
export const RegistrationApproved = Schema.TaggedStruct("RegistrationApproved", { pledgeId: PledgeId, at: LocalDate })
/** A registration was rejected; it may be submitted again. @since 0.1.0 */
export const RegistrationRejected = Schema.TaggedStruct("RegistrationRejected", {
  pledgeId: PledgeId,
  reason: FreeText,
  at: LocalDate
})

/** An initiative was recorded, with its benefit (giá trị làm lợi) in VND. @since 0.1.0 */
export const InitiativeRecorded = Schema.TaggedStruct("InitiativeRecorded", {
  initiativeId: InitiativeId,
  phaseId: Schema.optionalKey(PhaseId),
  unitId: OrganizationId,
  memberId: Schema.optionalKey(MemberId),
  kind: InitiativeKind,
  title: Name,
  benefitVnd: Vnd,
  at: LocalDate
})

/** An initiative was put into use at the unit. @since 0.1.0 */
export const InitiativeApplied = Schema.TaggedStruct("InitiativeApplied", { initiativeId: InitiativeId, at: LocalDate })

/** An initiative was recognised by a competent level. @since 0.1.0 */
export const InitiativeRecognized = Schema.TaggedStruct("InitiativeRecognized", {
  initiativeId: InitiativeId,
  level: RecognitionLevel,
  recognizedById: OrganizationId,
  at: LocalDate
})

/** An initiative was not recognised. @since 0.1.0 */
export const InitiativeRejected = Schema.TaggedStruct("InitiativeRejected", {
  initiativeId: InitiativeId,
  reason: FreeText,
  at: LocalDate
})

/** A work (công trình) was honoured with a plaque (gắn biển). @since 0.1.0 */
export const WorkPlaqued = Schema.TaggedStruct("WorkPlaqued", {
  initiativeId: InitiativeId,
  grantedById: OrganizationId,
  at: LocalDate
})

/** Points were given to a unit for a content. @since 0.1.0 */
export const ScoreAssessed = Schema.TaggedStruct("ScoreAssessed", {
  unitId: OrganizationId,
  phaseId: Schema.optionalKey(PhaseId),
  contentId: ContentId,
  points: Schema.Finite.check(Schema.isBetween({ minimum: -10_000, maximum: 10_000 })),
  kind: ScoreKind,
  assessorId: OrganizationId,
  at: LocalDate
})

/** An interim review (sơ kết) was held, for a phase or the campaign so far. @since 0.1.0 */
export const InterimReviewHeld = Schema.TaggedStruct("InterimReviewHeld", {
  phaseId: Schema.optionalKey(PhaseId),
  at: LocalDate,
  notes: Schema.optionalKey(FreeText)
})

/** The campaign's period ended. @since 0.1.0 */
export const CampaignEnded = Schema.TaggedStruct("CampaignEnded", { at: LocalDate })

/** The final review (tổng kết) was held. @since 0.1.0 */
export const FinalReviewHeld = Schema.TaggedStruct("FinalReviewHeld", {
  at: LocalDate,
  notes: Schema.optionalKey(FreeText)
})

/** A subject was proposed for an award. @since 0.1.0 */
export const NominationProposed = Schema.TaggedStruct("NominationProposed", {
  nominationId: NominationId,
  subject: Subject,
  awardKind: AwardKind,
  basis: Basis,
  period: Period,
  proposedById: OrganizationId,
  initiativeIds: Schema.optionalKey(Schema.Array(InitiativeId).check(maxItems("nominationInitiatives"))),
  at: LocalDate
})

/** The council deliberated (bình xét) and voted on a nomination. @since 0.1.0 */
export const DeliberationHeld = Schema.TaggedStruct("DeliberationHeld", {
  nominationId: NominationId,
  present: Count,
  votesFor: Count,
  councilSize: Count,
  at: LocalDate
})

/** Nominees were published for comment (công khai). @since 0.1.0 */
export const NomineesPublished = Schema.TaggedStruct("NomineesPublished", {
  nominationIds: Schema.NonEmptyArray(NominationId).check(maxItems("publishedNominations")),
  from: LocalDate,
  to: LocalDate
})

/** A nomination was sent one level up (trình). @since 0.1.0 */
export const NominationSubmitted = Schema.TaggedStruct("NominationSubmitted", {
  nominationId: NominationId,
  toOrganizationId: OrganizationId,
  at: LocalDate
})

/** A nomination was decided. @since 0.1.0 */
export const NominationDecided = Schema.TaggedStruct("NominationDecided", {
  nominationId: NominationId,
  outcome: Outcome,
  at: LocalDate
})

/** An award was granted (quyết định khen thưởng). @since 0.1.0 */
export const AwardGranted = Schema.TaggedStruct("AwardGranted", {
  awardId: AwardId,
  recipient: Subject,
  kind: AwardKind,
  grantedById: OrganizationId,
  nominationId: Schema.optionalKey(NominationId),
  decisionNo: Schema.optionalKey(Name),
  reason: FreeText,
  basis: Basis,
  period: Period,
  extraordinary: Schema.Boolean,
  at: LocalDate
})

/** An award was revoked (hủy bỏ, thu hồi). @since 0.1.0 */
export const AwardRevoked = Schema.TaggedStruct("AwardRevoked", {
  awardId: AwardId,
  reason: RevocationReason,
  notes: Schema.optionalKey(FreeText),
  at: LocalDate
})

/** An exemplary model was replicated (nhân rộng điển hình tiên tiến). @since 0.1.0 */
export const ExemplarReplicated = Schema.TaggedStruct("ExemplarReplicated", { subject: Subject, at: LocalDate })

/** The campaign's files were closed: every nomination decided. @since 0.1.0 */
export const CampaignClosed = Schema.TaggedStruct("CampaignClosed", { at: LocalDate })

/** The campaign was cancelled before its final review. @since 0.1.0 */
export const CampaignCancelled = Schema.TaggedStruct("CampaignCancelled", { reason: FreeText, at: LocalDate })

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
  AwardRevoked,
  ExemplarReplicated,
  CampaignClosed,
  CampaignCancelled
])
/** @since 0.1.0 */
export type CampaignEvent = typeof CampaignEvent.Type

/** Any event of the domain. @since 0.1.0 */
export const DomainEvent = Schema.Union([DirectoryEvent, CampaignEvent])
/** @since 0.1.0 */
export type DomainEvent = typeof DomainEvent.Type

/**
 * The schema of each event type, by name: what a store decodes a stored payload with.
 *
 * @since 0.1.0
 */
export const schemas: { readonly [T in EventType]: Schema.Codec<Extract<DomainEvent, { readonly _tag: T }>> } = byTag([
  ...DirectoryEvent.members,
  ...CampaignEvent.members
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
  AwardRevoked: 1,
  ExemplarReplicated: 1,
  CampaignClosed: 1,
  CampaignCancelled: 1
}
