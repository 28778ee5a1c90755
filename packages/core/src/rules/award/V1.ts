/**
 * V1: An award is revoked only for fraud, a false dossier, an unlawful appraisal or a violation
 * within the period, and only once.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { Award } from "../../CampaignState.js"
import type { RevocationReason } from "../../Event.js"
import { type Check, define, pass } from "../define.js"

/** The reasons the law names for a revocation (Law 06/2022 Ch. VII). @since 0.3.0 */
export const lawfulReasons: ReadonlyArray<RevocationReason> = [
  "fraudulent-declaration",
  "false-dossier",
  "unlawful-appraisal",
  "violation-in-period"
]

export const V1 = define(
  {
    id: "V1",
    family: "award",
    source: { tag: "V", reference: "Law 06/2022 Ch. VII" },
    details: Schema.Struct({
      awardId: Schema.String,
      reason: Schema.Literals(["already-revoked", "unlawful-reason"]),
      value: Schema.String
    }),
    example: { awardId: "kt-1", reason: "already-revoked", value: "" },
    reads: [],
    statement: {
      en: "An award is revoked only for fraud, a false dossier, an unlawful appraisal or a violation within the period, and only once.",
      vi: "Chỉ hủy bỏ, thu hồi khen thưởng khi gian dối, hồ sơ giả, thẩm định trái pháp luật hoặc vi phạm trong thời gian lập thành tích, và chỉ một lần."
    },
    message: (d) =>
      d.reason === "already-revoked"
        ? { en: `Award ${d.awardId} is already revoked.`, vi: `Khen thưởng ${d.awardId} đã bị thu hồi.` }
        : {
            en: `Award ${d.awardId} cannot be revoked for "${d.value}": not a reason the law names.`,
            vi: `Không thể thu hồi khen thưởng ${d.awardId} với lý do "${d.value}": không phải lý do luật quy định.`
          }
  },
  (refuse) => ({
    /** A revocation names a lawful reason and revokes a standing award. */
    lawfulRevocation: (a: Award, reason: string): Check =>
      a.revoked
        ? refuse({ awardId: a.id, reason: "already-revoked", value: "" })
        : lawfulReasons.includes(reason as RevocationReason)
          ? pass
          : refuse({ awardId: a.id, reason: "unlawful-reason", value: reason })
  })
)
