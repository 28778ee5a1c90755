/**
 * U5: The Nguyen Duc Canh Prize is given once to a person, in congress years only, after the
 * rulebook's years of service.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { type Input, knownMember, type Outcome, standing, unknown, yearEnd } from "../../eligibility/input.js"
import { addDays } from "../../LocalDate.js"
import { define } from "../define.js"
import { who } from "../labels.js"
import { addMonths } from "./T2.js"

export const U5 = define(
  {
    id: "U5",
    family: "award",
    source: { tag: "V", reference: "Confederation, Giải thưởng Nguyễn Đức Cảnh (S38)" },
    details: Schema.Struct({
      subject: Schema.String,
      year: Schema.Number,
      reason: Schema.Literals(["already-awarded", "not-congress-year", "service"]),
      value: Schema.String
    }),
    example: { subject: "member:m-1", year: 2024, reason: "not-congress-year", value: "2023" },
    reads: ["congressYear", "congressEvery", "prizeMinServiceYears"],
    statement: {
      en: "The Nguyen Duc Canh Prize is given once to a person, in congress years only, after the rulebook's years of service.",
      vi: "Giải thưởng Nguyễn Đức Cảnh chỉ trao một lần cho mỗi người, vào năm Đại hội Công đoàn Việt Nam, khi đủ số năm công tác."
    },
    message: (d) =>
      d.reason === "already-awarded"
        ? {
            en: `${who(d.subject)} received the prize in ${d.value}.`,
            vi: `${who(d.subject)} đã nhận Giải thưởng năm ${d.value}.`
          }
        : d.reason === "not-congress-year"
          ? {
              en: `${d.year} is not a congress year (the prize is given in ${d.value} and every five years).`,
              vi: `Năm ${d.year} không phải năm Đại hội (Giải thưởng xét vào năm ${d.value} và cứ 5 năm một lần).`
            }
          : {
              en: `${who(d.subject)} was recruited on ${d.value}: not enough years of service by the end of ${d.year}.`,
              vi: `${who(d.subject)} được tuyển dụng ngày ${d.value}: chưa đủ số năm công tác đến hết năm ${d.year}.`
            }
  },
  (refuse) => ({
    /** Never awarded before, a congress year, and the years of service. */
    oncePerPerson: (input: Input): Outcome => {
      const { year, params, held } = input
      const before = standing(input, held, "giai-thuong-nguyen-duc-canh")[0]
      if (before !== undefined)
        return refuse({ subject: held.key, year, reason: "already-awarded", value: String(before.year) })
      const offset =
        (((year - params.congressYear) % params.congressEvery) + params.congressEvery) % params.congressEvery
      if (offset !== 0)
        return refuse({ subject: held.key, year, reason: "not-congress-year", value: String(params.congressYear) })
      const m = knownMember(input)
      if (m?.recruitedOn === undefined)
        return unknown("The member's recruitment date is not recorded.", "Chưa có ngày tuyển dụng của đoàn viên.")
      return addMonths(m.recruitedOn, params.prizeMinServiceYears * 12) <= addDays(yearEnd(year), 1)
        ? Result.void
        : refuse({ subject: held.key, year, reason: "service", value: m.recruitedOn })
    }
  })
)
