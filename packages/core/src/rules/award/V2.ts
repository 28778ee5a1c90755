/**
 * V2: A member disciplined in the year (a reprimand or heavier, or an administrative sanction)
 * receives no emulation title for it.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { type Input, knownMember, type Outcome, unknown } from "../../eligibility/input.js"
import * as LocalDate from "../../LocalDate.js"
import { define } from "../define.js"
import { discipline } from "../labels.js"

export const V2 = define(
  {
    id: "V2",
    family: "award",
    source: { tag: "V-old", reference: "Decree 91/2017; union guidance 2021 (S27)" },
    details: Schema.Struct({ memberId: Schema.String, year: Schema.Number, level: Schema.String, at: Schema.String }),
    example: { memberId: "m-1", year: 2024, level: "reprimand", at: "2024-05-02" },
    reads: [],
    statement: {
      en: "A member disciplined in the year (a reprimand or heavier, or an administrative sanction) receives no emulation title for it.",
      vi: "Cá nhân bị kỷ luật từ khiển trách trở lên hoặc bị xử phạt hành chính trong năm không được xét danh hiệu thi đua năm đó."
    },
    message: (d) => ({
      en: `${d.memberId} was disciplined (${discipline(d.level).en}) on ${d.at}: no emulation title for ${d.year}.`,
      vi: `${d.memberId} bị kỷ luật (${discipline(d.level).vi}) ngày ${d.at}: không xét danh hiệu thi đua năm ${d.year}.`
    })
  },
  (refuse) => ({
    /** No disciplinary measure dated in the year. A member the record does not know has none recorded. */
    notDisciplined: (input: Input): Outcome => {
      const m = knownMember(input)
      if (m === undefined)
        return unknown(
          "The member has no file: discipline is not recorded.",
          "Đoàn viên chưa có hồ sơ: chưa ghi nhận kỷ luật."
        )
      const d = m.discipline.find((x) => LocalDate.year(x.at) === input.year)
      return d === undefined
        ? Result.void
        : refuse({ memberId: m.memberId, year: input.year, level: d.level, at: d.at })
    }
  })
)
