/**
 * The phases' commands and events: scheduled, opened, closed, reviewed at an interim review.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { PhaseId } from "../Ids.js"
import { FreeText, Name, onCampaign, PhaseKind } from "../internal/shapes.js"
import { LocalDate, Period } from "../LocalDate.js"

// commands

/** Schedule a phase. @since 0.1.0 */
export const SchedulePhase = Schema.TaggedStruct("SchedulePhase", {
  ...onCampaign,
  phaseId: PhaseId,
  name: Name,
  kind: PhaseKind,
  period: Period,
  theme: Schema.optionalKey(Name)
})

/** Open a scheduled phase. @since 0.1.0 */
export const OpenPhase = Schema.TaggedStruct("OpenPhase", { ...onCampaign, phaseId: PhaseId })

/** Close an open phase. @since 0.1.0 */
export const ClosePhase = Schema.TaggedStruct("ClosePhase", { ...onCampaign, phaseId: PhaseId })

/** Hold an interim review (sơ kết), for a closed phase or the campaign so far. @since 0.1.0 */
export const HoldInterimReview = Schema.TaggedStruct("HoldInterimReview", {
  ...onCampaign,
  phaseId: Schema.optionalKey(PhaseId),
  notes: Schema.optionalKey(FreeText)
})

// events

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

/** An interim review (sơ kết) was held, for a phase or the campaign so far. @since 0.1.0 */
export const InterimReviewHeld = Schema.TaggedStruct("InterimReviewHeld", {
  phaseId: Schema.optionalKey(PhaseId),
  at: LocalDate,
  notes: Schema.optionalKey(FreeText)
})
