/**
 * T3: A Grassroots Emulation Fighter is an Advanced Worker of the year who, from 2024, completed
 * their tasks excellently or authored a recognised initiative; before 2024 the initiative was
 * required.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import {
  hasInitiative,
  holds,
  type Input,
  knownMember,
  type Outcome,
  ratingOf,
  unknown
} from "../../eligibility/input.js"
import { define } from "../define.js"
import { who } from "../labels.js"

export const T3 = define(
  {
    id: "T3",
    family: "award",
    source: { tag: "V", reference: "Law 06/2022 Art. 23; Decree 91/2017 (R2003)" },
    details: Schema.Struct({
      subject: Schema.String,
      year: Schema.Number,
      lacks: Schema.Literals(["advanced-worker", "initiative", "initiative-or-excellence"])
    }),
    example: { subject: "member:m-1", year: 2024, lacks: "advanced-worker" },
    reads: ["grassrootsFighterInitiative"],
    statement: {
      en: "A Grassroots Emulation Fighter is an Advanced Worker of the year who completed tasks excellently or authored a recognised initiative (the initiative was required before 2024).",
      vi: "Chiến sĩ thi đua cơ sở phải đạt Lao động tiên tiến trong năm và hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được công nhận (trước năm 2024 bắt buộc có sáng kiến)."
    },
    message: (d) =>
      d.lacks === "advanced-worker"
        ? {
            en: `${who(d.subject)} holds no Advanced Worker title for ${d.year}.`,
            vi: `${who(d.subject)} chưa đạt danh hiệu Lao động tiên tiến năm ${d.year}.`
          }
        : d.lacks === "initiative"
          ? {
              en: `${who(d.subject)} has no initiative recognised and applied in ${d.year}, which the regime requires.`,
              vi: `${who(d.subject)} không có sáng kiến được công nhận và áp dụng trong năm ${d.year}, là điều kiện bắt buộc.`
            }
          : {
              en: `${who(d.subject)} neither completed tasks excellently in ${d.year} nor authored a recognised, applied initiative.`,
              vi: `${who(d.subject)} không hoàn thành xuất sắc nhiệm vụ năm ${d.year} và không có sáng kiến được công nhận, áp dụng.`
            }
  },
  (refuse) => ({
    /** The year's Advanced Worker title, and excellence or an initiative as the regime asks. */
    fighterOfTheYear: (input: Input): Outcome => {
      const { held, year } = input
      if (!holds(input, held, "lao-dong-tien-tien", year))
        return refuse({ subject: held.key, year, lacks: "advanced-worker" })
      if (hasInitiative(held, year, year, "unit")) return Result.void
      if (input.params.grassrootsFighterInitiative === "required")
        return refuse({ subject: held.key, year, lacks: "initiative" })
      const m = knownMember(input)
      const r = m === undefined ? undefined : ratingOf(m, year)
      if (r === undefined)
        return unknown(
          `No initiative of ${year} counts, and no rating of ${year} is recorded to show excellence.`,
          `Không có sáng kiến năm ${year} và chưa có kết quả xếp loại năm ${year} để xét hoàn thành xuất sắc nhiệm vụ.`
        )
      return r === "excellent" ? Result.void : refuse({ subject: held.key, year, lacks: "initiative-or-excellence" })
    }
  })
)
