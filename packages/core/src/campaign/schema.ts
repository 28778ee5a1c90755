/**
 * The campaign's own commands and events: plan, launch, end, final review, close, cancel.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { AwardKind } from "../AwardKind.js"
import { CampaignId, ClusterId, OrganizationId, TenantId } from "../Ids.js"
import { maxItems } from "../internal/checks.js"
import { CampaignForm, FreeText, Name, onCampaign, SectorContents } from "../internal/shapes.js"
import { LocalDate, Period } from "../LocalDate.js"

// commands

/** Adopt a campaign's plan. @since 0.1.0 */
export const PlanCampaign = Schema.TaggedStruct("PlanCampaign", {
  ...onCampaign,
  issuerId: OrganizationId,
  title: Name,
  theme: Schema.optionalKey(Name),
  form: CampaignForm,
  period: Period,
  parentCampaignId: Schema.optionalKey(CampaignId),
  clusterId: Schema.optionalKey(ClusterId),
  sectors: Schema.Array(SectorContents).check(maxItems("sectors")),
  titlesOffered: Schema.Array(AwardKind).check(maxItems("titlesOffered"))
})

/** Launch the campaign (phát động), possibly at a pilot unit. @since 0.1.0 */
export const LaunchCampaign = Schema.TaggedStruct("LaunchCampaign", {
  ...onCampaign,
  pilotUnitId: Schema.optionalKey(OrganizationId)
})

/** End the campaign once its period is over. @since 0.1.0 */
export const EndCampaign = Schema.TaggedStruct("EndCampaign", onCampaign)

/** Hold the final review (tổng kết). @since 0.1.0 */
export const HoldFinalReview = Schema.TaggedStruct("HoldFinalReview", {
  ...onCampaign,
  notes: Schema.optionalKey(FreeText)
})

/** Close the campaign's files. @since 0.1.0 */
export const CloseCampaign = Schema.TaggedStruct("CloseCampaign", onCampaign)

/** Cancel the campaign before its final review. @since 0.1.0 */
export const CancelCampaign = Schema.TaggedStruct("CancelCampaign", { ...onCampaign, reason: FreeText })

// events

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

/** The campaign's period ended. @since 0.1.0 */
export const CampaignEnded = Schema.TaggedStruct("CampaignEnded", { at: LocalDate })

/** The final review (tổng kết) was held. @since 0.1.0 */
export const FinalReviewHeld = Schema.TaggedStruct("FinalReviewHeld", {
  at: LocalDate,
  notes: Schema.optionalKey(FreeText)
})

/** The campaign's files were closed: every nomination decided. @since 0.1.0 */
export const CampaignClosed = Schema.TaggedStruct("CampaignClosed", { at: LocalDate })

/** The campaign was cancelled before its final review. @since 0.1.0 */
export const CampaignCancelled = Schema.TaggedStruct("CampaignCancelled", { reason: FreeText, at: LocalDate })
