/**
 * The pledges' commands and events: covenants and registrations, approved or rejected.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { ClusterId, OrganizationId, PledgeId } from "../Ids.js"
import { maxItems, uniqueIds } from "../internal/checks.js"
import { FreeText, onCampaign, PledgeKind, Target } from "../internal/shapes.js"
import { LocalDate, Period } from "../LocalDate.js"
import { Subject } from "../Organization.js"

// commands

/** Sign a covenant or a registration. The period defaults to the campaign's. @since 0.1.0 */
export const SignPledge = Schema.TaggedStruct("SignPledge", {
  ...onCampaign,
  pledgeId: PledgeId,
  kind: PledgeKind,
  signerIds: Schema.NonEmptyArray(OrganizationId).check(maxItems("pledgeSigners"), uniqueIds),
  subject: Schema.optionalKey(Subject),
  clusterId: Schema.optionalKey(ClusterId),
  targets: Schema.Array(Target).check(maxItems("pledgeTargets")),
  period: Schema.optionalKey(Period),
  supersedes: Schema.optionalKey(PledgeId)
})

/** Approve a registration. @since 0.1.0 */
export const ApproveRegistration = Schema.TaggedStruct("ApproveRegistration", { ...onCampaign, pledgeId: PledgeId })

/** Reject a registration. @since 0.1.0 */
export const RejectRegistration = Schema.TaggedStruct("RejectRegistration", {
  ...onCampaign,
  pledgeId: PledgeId,
  reason: FreeText
})

// events

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
