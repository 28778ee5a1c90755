/**
 * The participants' commands and events: enrolment and scores.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { ClusterId, ContentId, OrganizationId, PhaseId } from "../Ids.js"
import { onCampaign, ScoreKind } from "../internal/shapes.js"
import { LocalDate } from "../LocalDate.js"
import { Sector } from "../Organization.js"

// commands

/** Enroll a unit as a participant. @since 0.1.0 */
export const EnrollParticipant = Schema.TaggedStruct("EnrollParticipant", {
  ...onCampaign,
  unitId: OrganizationId,
  sector: Sector,
  clusterId: Schema.optionalKey(ClusterId)
})

/** Give a unit points for a content; the actor's organization assesses. @since 0.1.0 */
export const AssessScore = Schema.TaggedStruct("AssessScore", {
  ...onCampaign,
  unitId: OrganizationId,
  phaseId: Schema.optionalKey(PhaseId),
  contentId: ContentId,
  points: Schema.Finite.check(Schema.isBetween({ minimum: -10_000, maximum: 10_000 })),
  kind: ScoreKind
})

// events

/** A unit joined the campaign. @since 0.1.0 */
export const ParticipantEnrolled = Schema.TaggedStruct("ParticipantEnrolled", {
  unitId: OrganizationId,
  sector: Sector,
  clusterId: Schema.optionalKey(ClusterId),
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
