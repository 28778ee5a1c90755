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
      // Distinct years: two titles of one year (from two campaigns) are one title, not a chain.
      const years = [
        ...new Set(
          standing(input, input.held, "chien-si-thi-dua-cap-tinh")
            .map((g) => g.year)
            .filter((y) => y <= input.year)
        )
      ].sort((a, b) => a - b)
      let consecutive = 0
      let initiative = false
      let run = 0
      for (let i = 0; i < years.length; i++) {
        run = i > 0 && years[i]! - years[i - 1]! <= window ? run + 1 : 1
        consecutive = Math.max(consecutive, Math.min(run, needed))
        if (run >= needed) {
          // Any chain of the needed length counts, with a national initiative from its first window on.
          const first = years[i - needed + 1]!
          if (hasInitiative(input.held, first - window + 1, input.year, "national")) initiative = true
        }
      }
      if (consecutive < needed)
        initiative = hasInitiative(input.held, input.year - window * needed + 1, input.year, "national")
      return consecutive >= needed && initiative
        ? Result.void
        : refuse({ subject: input.held.key, year: input.year, consecutive, needed, initiative })
    }
  })
)
