/**
 * The nominations' commands and events: proposed, deliberated, published, submitted, decided.
 *
 * @since 0.3.0
 */
import { Schema, SchemaIssue } from "effect"
import { AwardKind } from "../AwardKind.js"
import { InitiativeId, NominationId, OrganizationId } from "../Ids.js"
import { maxItems, uniqueIds } from "../internal/checks.js"
import { Basis, Count, Outcome, onCampaign } from "../internal/shapes.js"
import { LocalDate, Period } from "../LocalDate.js"
import { Subject } from "../Organization.js"

// commands

/** Propose a subject for an award; the actor's organization proposes. @since 0.1.0 */
export const ProposeNomination = Schema.TaggedStruct("ProposeNomination", {
  ...onCampaign,
  nominationId: NominationId,
  subject: Subject,
  awardKind: AwardKind,
  basis: Basis,
  period: Period,
  initiativeIds: Schema.optionalKey(Schema.Array(InitiativeId).check(maxItems("nominationInitiatives")))
})

/** Record the council's deliberation and vote on a nomination. @since 0.1.0 */
export const HoldDeliberation = Schema.TaggedStruct("HoldDeliberation", {
  ...onCampaign,
  nominationId: NominationId,
  present: Count,
  votesFor: Count,
  councilSize: Count.check(Schema.isGreaterThanOrEqualTo(1))
}).check(
  Schema.makeFilter((c: { readonly present: number; readonly votesFor: number; readonly councilSize: number }) =>
    c.present > c.councilSize
      ? {
          path: ["present"],
          issue: new SchemaIssue.InvalidValue({
            message: "more members present than the council has",
            "thidua/vi": "nhiều hơn số thành viên của Hội đồng"
          })
        }
      : c.votesFor > c.present
        ? {
            path: ["votesFor"],
            issue: new SchemaIssue.InvalidValue({
              message: "more votes than members present",
              "thidua/vi": "nhiều hơn số thành viên có mặt"
            })
          }
        : undefined
  )
)

/** Publish nominees for comment over a period. @since 0.1.0 */
export const PublishNominees = Schema.TaggedStruct("PublishNominees", {
  ...onCampaign,
  nominationIds: Schema.NonEmptyArray(NominationId).check(maxItems("publishedNominations"), uniqueIds),
  period: Period
})

/** Send a nomination one level up. @since 0.1.0 */
export const SubmitNomination = Schema.TaggedStruct("SubmitNomination", {
  ...onCampaign,
  nominationId: NominationId,
  toOrganizationId: OrganizationId
})

/** Decide a nomination. @since 0.1.0 */
export const DecideNomination = Schema.TaggedStruct("DecideNomination", {
  ...onCampaign,
  nominationId: NominationId,
  outcome: Outcome
})

// events

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
