/**
 * T5: A Provincial Emulation Fighter was a Grassroots Emulation Fighter in each of the rulebook's
 * consecutive years ending with the year, and authored an initiative recognised at provincial scope
 * or above in those years. A revoked title breaks the chain (rule V1).
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { hasInitiative, holds, type Input, type Outcome } from "../../eligibility/input.js"
import { define } from "../define.js"
import { who } from "../labels.js"

export const T5 = define(
  {
    id: "T5",
    family: "award",
    source: { tag: "V", reference: "Law 06/2022 Art. 22" },
    details: Schema.Struct({
      subject: Schema.String,
      year: Schema.Number,
      missingYears: Schema.Array(Schema.Number),
      initiative: Schema.Boolean
    }),
    example: { subject: "member:m-1", year: 2024, missingYears: [2022], initiative: true },
    reads: ["provincialFighterConsecutiveYears"],
    statement: {
      en: "A Provincial Emulation Fighter was a Grassroots Emulation Fighter in each of the consecutive years ending with the year, with an initiative of provincial scope.",
      vi: "Chiến sĩ thi đua cấp Bộ, ngành, tỉnh phải có các năm liên tục đạt Chiến sĩ thi đua cơ sở tính đến năm xét và có sáng kiến phạm vi cấp tỉnh."
    },
    message: (d) => ({
      en: `${who(d.subject)} for ${d.year}: ${d.missingYears.length > 0 ? `no standing Grassroots Emulation Fighter title in ${d.missingYears.join(", ")}` : "the consecutive years hold"}${d.initiative ? "" : "; no initiative recognised at provincial scope or above in those years"}.`,
      vi: `${who(d.subject)} năm ${d.year}: ${d.missingYears.length > 0 ? `không có danh hiệu Chiến sĩ thi đua cơ sở còn hiệu lực năm ${d.missingYears.join(", ")}` : "đủ các năm liên tục"}${d.initiative ? "" : "; không có sáng kiến được công nhận phạm vi cấp tỉnh trở lên trong các năm đó"}.`
    })
  },
  (refuse) => ({
    /** The consecutive Grassroots Emulation Fighter years and a provincial-scope initiative. */
    consecutiveFighterYears: (input: Input): Outcome => {
      const n = input.params.provincialFighterConsecutiveYears
      const from = input.year - n + 1
      const missingYears: Array<number> = []
      for (let y = from; y <= input.year; y++)
        if (!holds(input, input.held, "chien-si-thi-dua-co-so", y)) missingYears.push(y)
      const initiative = hasInitiative(input.held, from, input.year, "province")
      return missingYears.length === 0 && initiative
        ? Result.void
        : refuse({ subject: input.held.key, year: input.year, missingYears, initiative })
    }
  })
)
