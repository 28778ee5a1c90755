/**
 * E2: The Good Worker titles form a pyramid: the upper level's title goes to a grassroots Good
 * Worker of the year, the capital's to an upper-level one.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import type { AwardKind } from "../../AwardKind.js"
import { holds, type Input, type Outcome } from "../../eligibility/input.js"
import { define } from "../define.js"
import { award, who } from "../labels.js"

/** The title each level of the pyramid stands on. @since 0.6.0 */
export const below: Partial<Record<AwardKind, AwardKind>> = {
  "cong-nhan-gioi-cap-tren": "cong-nhan-gioi-co-so",
  "cong-nhan-gioi-thu-do": "cong-nhan-gioi-cap-tren"
}

export const E2 = define(
  {
    id: "E2",
    family: "award",
    source: { tag: "P", reference: "LĐLĐ Hà Nội, Công nhân giỏi 2025 (S32)" },
    details: Schema.Struct({ subject: Schema.String, year: Schema.Number, needs: Schema.String }),
    example: { subject: "member:m-1", year: 2025, needs: "cong-nhan-gioi-cap-tren" },
    reads: [],
    statement: {
      en: "The Good Worker titles form a pyramid: each level's title goes to a holder of the title below for the year.",
      vi: "Danh hiệu Công nhân giỏi xét theo hình tháp: mỗi cấp chọn trong số người đạt danh hiệu cấp dưới cùng năm."
    },
    message: (d) => ({
      en: `${who(d.subject)} does not hold ${award(d.needs).en} for ${d.year}, the level below.`,
      vi: `${who(d.subject)} chưa đạt ${award(d.needs).vi} năm ${d.year} là cấp dưới liền kề.`
    })
  },
  (refuse) => ({
    /** The title of the level below, for the same year. */
    pyramid: (input: Input): Outcome => {
      const needs = below[input.kind]
      return needs === undefined || holds(input, input.held, needs, input.year)
        ? Result.void
        : refuse({ subject: input.held.key, year: input.year, needs })
    }
  })
)
