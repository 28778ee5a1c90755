/**
 * X1: A member absent for the rulebook's working days or more in the year (maternity leave aside)
 * receives no emulation title for it.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { type Input, knownMember, type Outcome, unknown, yearEnd } from "../../eligibility/input.js"
import * as LocalDate from "../../LocalDate.js"
import { define } from "../define.js"

const span = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1

export const X1 = define(
  {
    id: "X1",
    family: "award",
    source: { tag: "V", reference: "Union guidance 2021 under QĐ 1689/QĐ-TLĐ (S27)" },
    details: Schema.Struct({ memberId: Schema.String, year: Schema.Number, days: Schema.Number, limit: Schema.Number }),
    example: { memberId: "m-1", year: 2024, days: 45, limit: 40 },
    reads: ["absenceMaxWorkingDays"],
    statement: {
      en: "A member absent for the rulebook's working days or more in the year (maternity leave aside) receives no emulation title for it.",
      vi: "Cá nhân nghỉ từ số ngày làm việc quy định trở lên trong năm (trừ nghỉ thai sản) không được xét danh hiệu thi đua."
    },
    message: (d) => ({
      en: `${d.memberId} was absent ${d.days} working days in ${d.year}; the limit is under ${d.limit}.`,
      vi: `${d.memberId} nghỉ ${d.days} ngày làm việc trong năm ${d.year}; chỉ được dưới ${d.limit} ngày.`
    })
  },
  (refuse) => ({
    /** Leave other than maternity, in periods that touch the year, totals under the limit. */
    presentEnough: (input: Input): Outcome => {
      const m = knownMember(input)
      if (m === undefined)
        return unknown(
          "The member has no file: leave is not recorded.",
          "Đoàn viên chưa có hồ sơ: chưa ghi nhận ngày nghỉ."
        )
      const year = { start: `${input.year}-01-01` as LocalDate.LocalDate, end: yearEnd(input.year) }
      let days = 0
      // A leave across a year's end counts in each year for the share of its days that fall in it.
      for (const l of m.leave)
        if (l.kind !== "maternity" && LocalDate.overlaps(l.period, year)) {
          const from = [l.period.start, year.start].sort()[1]!
          const to = [l.period.end, year.end].sort()[0]!
          days += (l.workingDays * span(from, to)) / span(l.period.start, l.period.end)
        }
      days = Math.round(days)
      const limit = input.params.absenceMaxWorkingDays
      return days < limit ? Result.void : refuse({ memberId: m.memberId, year: input.year, days, limit })
    }
  })
)
