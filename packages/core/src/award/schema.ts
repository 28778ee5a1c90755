/**
 * The awards' commands and events: granted, presented, revoked; exemplars replicated.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { AwardKind } from "../AwardKind.js"
import { AwardId, NominationId, OrganizationId } from "../Ids.js"
import { Basis, FreeText, Name, onCampaign, RevocationReason } from "../internal/shapes.js"
import { LocalDate, Period } from "../LocalDate.js"
import { Subject } from "../Organization.js"

// commands

/** Grant an award; the actor's organization grants it. @since 0.1.0 */
export const GrantAward = Schema.TaggedStruct("GrantAward", {
  ...onCampaign,
  awardId: AwardId,
  recipient: Subject,
  kind: AwardKind,
  nominationId: Schema.optionalKey(NominationId),
  decisionNo: Schema.optionalKey(Name),
  reason: FreeText,
  basis: Basis,
  period: Period,
  extraordinary: Schema.Boolean
})

/**
 * Present a granted award at a ceremony (trao tặng). The organization that granted it need not
 * be the one that presents it: an award of the confederation is often presented by the district
 * chair at the district's ceremony. The actor's organization presents it.
 *
 * @since 0.3.0
 */
export const PresentAward = Schema.TaggedStruct("PresentAward", {
  ...onCampaign,
  awardId: AwardId,
  ceremony: Schema.optionalKey(Name)
})

/** Revoke an award. @since 0.1.0 */
export const RevokeAward = Schema.TaggedStruct("RevokeAward", {
  ...onCampaign,
  awardId: AwardId,
  reason: RevocationReason,
  notes: Schema.optionalKey(FreeText)
})

/** Record that an exemplary model was replicated. @since 0.1.0 */
export const ReplicateExemplar = Schema.TaggedStruct("ReplicateExemplar", { ...onCampaign, subject: Subject })

// events

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

/**
 * A granted award was presented (trao tặng) by an organization at a ceremony, which may be another
 * than the one that granted it.
 *
 * @since 0.3.0
 */
export const AwardPresented = Schema.TaggedStruct("AwardPresented", {
  awardId: AwardId,
  presentedById: OrganizationId,
  ceremony: Schema.optionalKey(Name),
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
