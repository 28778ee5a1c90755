/**
 * The value shapes commands and events share (forms, kinds, levels, outcomes, targets), the text
 * fields within `Limits`, and the fields every command carries.
 *
 * @internal
 */
import { Schema } from "effect"
import { AwardKind } from "../AwardKind.js"
import { CampaignId, CommandId, ContentId, TenantId } from "../Ids.js"
import { LocalDate } from "../LocalDate.js"
import { Actor, Sector } from "../Organization.js"
import { maxItems, text } from "./checks.js"

// Names and titles, and free text (reasons, notes, descriptions): storable, within `Limits`.
/** @internal */
export const Name = text("nameLength")
/** @internal */
export const FreeText = text("textLength")
/** @internal */
export const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

/** What every command carries. @internal */
export const base = { commandId: CommandId, tenantId: TenantId, actor: Actor, at: LocalDate }
/** What every campaign command carries. @internal */
export const onCampaign = { ...base, campaignId: CampaignId }

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
