/**
 * K5: The Government's emulation flag goes to a holder of the provincial flag of the year, within
 * the rulebook's share of those holders (20 % before 2024).
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { holds, type Input, type Outcome } from "../../eligibility/input.js"
import { define } from "../define.js"

export const K5 = define(
  {
    id: "K5",
    family: "award",
    source: { tag: "V-old", reference: "Decree 91/2017 (S17)" },
    details: Schema.Struct({
      unitId: Schema.String,
      year: Schema.Number,
      provincialFlag: Schema.Boolean,
      count: Schema.Number,
      cap: Schema.Number
    }),
    example: { unitId: "ldld-1", year: 2022, provincialFlag: true, count: 3, cap: 2 },
    reads: ["governmentFlagQuota"],
    statement: {
      en: "The Government's emulation flag goes to a holder of the year's provincial flag, within the rulebook's share of those holders.",
      vi: "Cờ thi đua của Chính phủ trao cho tập thể đạt Cờ thi đua cấp Bộ, ngành, tỉnh trong năm, không vượt tỷ lệ quy định."
    },
    message: (d) =>
      !d.provincialFlag
        ? {
            en: `${d.unitId} holds no provincial emulation flag for ${d.year}.`,
            vi: `${d.unitId} chưa đạt Cờ thi đua cấp Bộ, ngành, tỉnh năm ${d.year}.`
          }
        : {
            en: `${d.year} would have ${d.count} Government flags; the cap is ${d.cap}.`,
            vi: `Năm ${d.year} sẽ có ${d.count} Cờ thi đua của Chính phủ, vượt mức tối đa ${d.cap}.`
          }
  },
  (refuse) => ({
    /** The provincial flag of the year, and room under the share. */
    governmentFlag: (input: Input): Outcome => {
      const unitId = input.subject.organizationId
      const provincialFlag = holds(input, input.held, "co-thi-dua-cap-tinh", input.year)
      let holders = 0
      let government = 0
      for (const u of input.record.units.values()) {
        if (holds(input, u, "co-thi-dua-cap-tinh", input.year)) holders++
        if (u !== input.held && holds(input, u, "co-thi-dua-chinh-phu", input.year)) government++
      }
      const q = input.params.governmentFlagQuota
      const cap = q === null ? Number.POSITIVE_INFINITY : Math.floor(q * holders + 1e-9)
      return provincialFlag && government + 1 <= cap
        ? Result.void
        : refuse({
            unitId,
            year: input.year,
            provincialFlag,
            count: government + 1,
            cap: Number.isFinite(cap) ? cap : -1
          })
    }
  })
)
