/**
 * The initiatives' commands and events: recorded, applied, recognised or rejected, plaqued.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { InitiativeId, MemberId, OrganizationId, PhaseId } from "../Ids.js"
import { FreeText, InitiativeKind, Name, onCampaign, RecognitionLevel } from "../internal/shapes.js"
import { LocalDate } from "../LocalDate.js"
import { Vnd } from "../Vnd.js"

// commands

/** Record an initiative of a unit or one of its members. @since 0.1.0 */
export const RecordInitiative = Schema.TaggedStruct("RecordInitiative", {
  ...onCampaign,
  initiativeId: InitiativeId,
  phaseId: Schema.optionalKey(PhaseId),
  unitId: OrganizationId,
  memberId: Schema.optionalKey(MemberId),
  kind: InitiativeKind,
  title: Name,
  benefitVnd: Vnd
})

/** Record that an initiative is applied at its unit. @since 0.1.0 */
export const ApplyInitiative = Schema.TaggedStruct("ApplyInitiative", { ...onCampaign, initiativeId: InitiativeId })

/** Recognise an initiative at a scope; the actor's organization recognises it. @since 0.1.0 */
export const RecognizeInitiative = Schema.TaggedStruct("RecognizeInitiative", {
  ...onCampaign,
  initiativeId: InitiativeId,
  level: RecognitionLevel
})

/** Decline to recognise an initiative. @since 0.1.0 */
export const RejectInitiative = Schema.TaggedStruct("RejectInitiative", {
  ...onCampaign,
  initiativeId: InitiativeId,
  reason: FreeText
})

/** Honour a work with a plaque; the actor's organization grants it. @since 0.1.0 */
export const PlaqueWork = Schema.TaggedStruct("PlaqueWork", { ...onCampaign, initiativeId: InitiativeId })

// events

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
