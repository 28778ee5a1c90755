/**
 * T6: A National Emulation Fighter holds the rulebook's number of consecutive Provincial Emulation
 * Fighter titles, the last for the year or before, and an initiative of national scope.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { hasInitiative, type Input, type Outcome, standing } from "../../eligibility/input.js"
import { define } from "../define.js"
import { who } from "../labels.js"

export const T6 = define(
  {
    id: "T6",
    family: "award",
    source: { tag: "V", reference: "Law 06/2022 Art. 21" },
    details: Schema.Struct({
      subject: Schema.String,
      year: Schema.Number,
      consecutive: Schema.Number,
      needed: Schema.Number,
      initiative: Schema.Boolean
    }),
    example: { subject: "member:m-1", year: 2024, consecutive: 1, needed: 2, initiative: true },
    reads: ["nationalFighterConsecutiveGrants", "provincialFighterConsecutiveYears"],
    statement: {
      en: "A National Emulation Fighter holds consecutive Provincial Emulation Fighter titles and an initiative of national scope.",
      vi: "Chiến sĩ thi đua toàn quốc phải có liên tục các lần đạt Chiến sĩ thi đua cấp Bộ, ngành, tỉnh và sáng kiến phạm vi toàn quốc."
    },
    message: (d) => ({
      en: `${who(d.subject)} for ${d.year}: ${d.consecutive} consecutive Provincial Emulation Fighter title(s) of ${d.needed} needed${d.initiative ? "" : "; no initiative of national scope"}.`,
      vi: `${who(d.subject)} năm ${d.year}: có ${d.consecutive}/${d.needed} lần liên tục đạt Chiến sĩ thi đua cấp tỉnh${d.initiative ? "" : "; không có sáng kiến phạm vi toàn quốc"}.`
    })
  },
  (refuse) => ({
    /**
     * Consecutive provincial titles: each follows the one before within the provincial title's
     * window of years (a new window of Grassroots Emulation Fighter years), the last no later than the year.
     */
    consecutiveProvincialTitles: (input: Input): Outcome => {
      const needed = input.params.nationalFighterConsecutiveGrants
      const window = input.params.provincialFighterConsecutiveYears
      const grants = standing(input, input.held, "chien-si-thi-dua-cap-tinh").filter((g) => g.year <= input.year)
      let consecutive = grants.length > 0 ? 1 : 0
      for (let i = grants.length - 1; i > 0 && consecutive < needed; i--) {
        if (grants[i]!.year - grants[i - 1]!.year > window) break
        consecutive++
      }
      const first = grants[grants.length - consecutive]?.year ?? input.year
      const initiative = hasInitiative(input.held, first - window + 1, input.year, "national")
      return consecutive >= needed && initiative
        ? Result.void
        : refuse({ subject: input.held.key, year: input.year, consecutive, needed, initiative })
    }
  })
)
