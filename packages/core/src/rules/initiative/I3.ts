/**
 * I3: The Creative Labour Certificate goes to a worker whose recognised, applied solution brought
 * the rulebook's benefit in the year, or whose solutions of three consecutive years ending with it
 * brought the rulebook's total.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import type { Input, Outcome } from "../../eligibility/input.js"
import { define } from "../define.js"
import { who } from "../labels.js"

export const I3 = define(
  {
    id: "I3",
    family: "initiative",
    source: { tag: "P", reference: "Confederation Q&A 2022 (S37)" },
    details: Schema.Struct({
      subject: Schema.String,
      year: Schema.Number,
      best: Schema.Number,
      threeYears: Schema.Number
    }),
    example: { subject: "member:m-1", year: 2024, best: 50_000_000, threeYears: 90_000_000 },
    reads: ["creativeLabourSingleVnd", "creativeLabourThreeYearVnd"],
    statement: {
      en: "The Creative Labour Certificate needs one solution of the rulebook's benefit in the year, or three consecutive years of solutions reaching the rulebook's total.",
      vi: "Bằng Lao động sáng tạo cần một giải pháp có giá trị làm lợi đạt mức quy định trong năm, hoặc ba năm liên tục có giải pháp với tổng giá trị làm lợi đạt mức quy định."
    },
    message: (d) => ({
      en: `${who(d.subject)} for ${d.year}: best solution ${d.best.toLocaleString("en")} VND, three years ${d.threeYears.toLocaleString("en")} VND — below the thresholds.`,
      vi: `${who(d.subject)} năm ${d.year}: giải pháp cao nhất ${d.best.toLocaleString("vi")} đồng, ba năm ${d.threeYears.toLocaleString("vi")} đồng — chưa đạt mức quy định.`
    })
  },
  (refuse) => ({
    /** One solution at the single threshold, or each of three consecutive years with one and their total at the three-year threshold. */
    benefitEnough: (input: Input): Outcome => {
      const counted = input.held.initiatives.filter((i) => i.applied && !i.rejected && i.scope !== undefined)
      const inYear = (y: number) => counted.filter((i) => i.year === y)
      const best = Math.max(0, ...inYear(input.year).map((i) => i.benefitVnd))
      let threeYears = 0
      let everyYear = true
      for (let y = input.year - 2; y <= input.year; y++) {
        const ys = inYear(y)
        if (ys.length === 0) everyYear = false
        for (const i of ys) threeYears += i.benefitVnd
      }
      const p = input.params
      return best >= p.creativeLabourSingleVnd || (everyYear && threeYears >= p.creativeLabourThreeYearVnd)
        ? Result.void
        : refuse({ subject: input.held.key, year: input.year, best, threeYears })
    }
  })
)
