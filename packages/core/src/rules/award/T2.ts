/**
 * T2: No Advanced Worker title for a member recruited less than the rulebook's months before the
 * year ends (6 months from 2024, 10 months before).
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { type Input, knownMember, type Outcome, unknown, yearEnd } from "../../eligibility/input.js"
import { addDays, type LocalDate } from "../../LocalDate.js"
import { define } from "../define.js"

/** The day a number of calendar months after a day (the month's last day when it is shorter). @since 0.6.0 */
export const addMonths = (d: LocalDate, months: number): LocalDate => {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate()
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}` as LocalDate
}

export const T2 = define(
  {
    id: "T2",
    family: "award",
    source: { tag: "V", reference: "Circular 01/2024/TT-BNV (6 months); Decree 91/2017 (10 months, R2003)" },
    details: Schema.Struct({
      memberId: Schema.String,
      recruitedOn: Schema.String,
      year: Schema.Number,
      months: Schema.Number
    }),
    example: { memberId: "m-1", recruitedOn: "2024-08-01", year: 2024, months: 6 },
    reads: ["advancedWorkerMinServiceMonths"],
    statement: {
      en: "No Advanced Worker title for a member recruited less than the rulebook's months before the year ends.",
      vi: "Không xét Lao động tiên tiến cho người mới được tuyển dụng dưới số tháng quy định tính đến cuối năm."
    },
    message: (d) => ({
      en: `${d.memberId} was recruited on ${d.recruitedOn}: fewer than ${d.months} months of service by the end of ${d.year}.`,
      vi: `${d.memberId} được tuyển dụng ngày ${d.recruitedOn}: chưa đủ ${d.months} tháng công tác tính đến hết năm ${d.year}.`
    })
  },
  (refuse) => ({
    /** The member served the rulebook's months by the last day of the year. */
    servedLongEnough: (input: Input): Outcome => {
      const m = knownMember(input)
      if (m?.recruitedOn === undefined)
        return unknown("The member's recruitment date is not recorded.", "Chưa có ngày tuyển dụng của đoàn viên.")
      const months = input.params.advancedWorkerMinServiceMonths
      // Served through the year's last day: recruited on 1 July, six full months by 31 December.
      return addMonths(m.recruitedOn, months) <= addDays(yearEnd(input.year), 1)
        ? Result.void
        : refuse({ memberId: m.memberId, recruitedOn: m.recruitedOn, year: input.year, months })
    }
  })
)
