/**
 * U3: Within one deciding level and year, a subject commended comprehensively (khen toàn diện) is
 * not also commended thematically (khen chuyên đề), and the reverse.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import type { AwardKind } from "../../AwardKind.js"
import { holds, type Input, type Outcome } from "../../eligibility/input.js"
import { define } from "../define.js"
import { award, who } from "../labels.js"

/** The forms of one deciding level that exclude each other within a year: the Confederation's. @since 0.6.0 */
export const excludes: Partial<Record<AwardKind, AwardKind>> = {
  "bang-khen-chuyen-de-tld": "bang-khen-cap-tinh",
  "bang-khen-cap-tinh": "bang-khen-chuyen-de-tld"
}

export const U3 = define(
  {
    id: "U3",
    family: "award",
    source: { tag: "V-old", reference: "649/HD-TLĐ, 2011 (S36)" },
    details: Schema.Struct({ subject: Schema.String, year: Schema.Number, holds: Schema.String }),
    example: { subject: "unit:cdcs-1", year: 2024, holds: "bang-khen-cap-tinh" },
    reads: [],
    statement: {
      en: "Within one deciding level and year, a comprehensive commendation excludes a thematic one for the same subject.",
      vi: "Trong cùng một cấp quyết định và một năm, đã khen toàn diện thì không khen chuyên đề cho cùng đối tượng."
    },
    message: (d) => ({
      en: `${who(d.subject)} already holds ${award(d.holds).en} from the same level for ${d.year}.`,
      vi: `${who(d.subject)} đã nhận ${award(d.holds).vi} của cùng cấp năm ${d.year}.`
    })
  },
  (refuse) => ({
    /** The other form of the pair is not held for the year. */
    comprehensiveOrThematic: (input: Input): Outcome => {
      const other = excludes[input.kind]
      return other === undefined || !holds(input, input.held, other, input.year)
        ? Result.void
        : refuse({ subject: input.held.key, year: input.year, holds: other })
    }
  })
)
