/**
 * I1: An initiative's benefit is a non-negative VND amount, and it is recognised only once it has
 * been applied.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { Initiative } from "../../CampaignState.js"
import { type Check, define, pass } from "../define.js"

import { statusVi } from "../labels.js"

export const I1 = define(
  {
    id: "I1",
    family: "initiative",
    source: { tag: "V", reference: "Law 06/2022 Art. 3(4)" },
    details: Schema.Struct({
      initiativeId: Schema.String,
      reason: Schema.Literals(["not-applied", "invalid-benefit"]),
      value: Schema.String
    }),
    example: { initiativeId: "sk-1", reason: "not-applied", value: "Recorded" },
    reads: [],
    statement: {
      en: "An initiative's benefit is a non-negative VND amount, and it is recognised only once it has been applied.",
      vi: "Giá trị làm lợi của sáng kiến không âm, và sáng kiến chỉ được công nhận khi đã được áp dụng."
    },
    message: (d) =>
      d.reason === "not-applied"
        ? {
            en: `Initiative ${d.initiativeId} is ${d.value}: it must be applied before it is recognised.`,
            vi: `Sáng kiến ${d.initiativeId} ${statusVi[d.value] ?? d.value}, chưa được áp dụng nên chưa thể công nhận.`
          }
        : {
            en: `Initiative ${d.initiativeId}: ${d.value} is not a valid VND amount (a whole, non-negative number).`,
            vi: `Sáng kiến ${d.initiativeId}: giá trị làm lợi ${d.value} không hợp lệ (phải là số nguyên không âm).`
          }
  },
  (refuse) => ({
    /** A benefit is a safe, non-negative whole amount of VND. */
    benefitIsAmount: (initiativeId: string, benefit: number): Check =>
      Number.isSafeInteger(benefit) && benefit >= 0
        ? pass
        : refuse({ initiativeId, reason: "invalid-benefit", value: String(benefit) }),
    /** An initiative is recognised only once it has been applied. */
    appliedBeforeRecognition: (i: Initiative): Check =>
      i.status === "Applied" ? pass : refuse({ initiativeId: i.id, reason: "not-applied", value: i.status })
  })
)
