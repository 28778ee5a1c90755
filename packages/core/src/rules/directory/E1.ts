/**
 * E1: each grassroots union gets exactly one rating a year, appraised by the level above it. A
 * unit is never rated by itself or from beside it: the organization that rates is its ancestor on
 * the day of the rating.
 *
 * @since 0.6.0
 */
import { Schema } from "effect"
import { isWithin, type State } from "../../directory/state.js"
import { type Input, type Outcome, unknown } from "../../eligibility/input.js"
import type { OrganizationId } from "../../Ids.js"
import type { LocalDate } from "../../LocalDate.js"
import { type Check, define, pass } from "../define.js"

export const E1 = define(
  {
    id: "E1",
    family: "directory",
    source: { tag: "P", reference: "1294/HD-TLĐ" },
    details: Schema.Struct({
      organizationId: Schema.String,
      year: Schema.Number,
      reason: Schema.Literals(["already-rated", "not-above", "below-excellent"]),
      other: Schema.String
    }),
    example: { organizationId: "cdcs-trung-thanh", year: 2024, reason: "already-rated", other: "good" },
    reads: [],
    statement: {
      en: "Each grassroots union gets exactly one rating per year, appraised by the level above.",
      vi: "Mỗi công đoàn cơ sở được xếp loại đúng một lần mỗi năm, do cấp trên thẩm định."
    },
    message: (d) => {
      const r =
        d.reason === "already-rated"
          ? { en: `it is already rated "${d.other}" for ${d.year}`, vi: `đã được xếp loại "${d.other}" năm ${d.year}` }
          : d.reason === "below-excellent"
            ? {
                en: `it was rated "${d.other}" for ${d.year}; the title needs "completed tasks excellently"`,
                vi: `được xếp loại "${d.other}" năm ${d.year}; danh hiệu cần hoàn thành xuất sắc nhiệm vụ`
              }
            : {
                en: `${d.other} is not above it and may not rate it for ${d.year}`,
                vi: `${d.other} không phải cấp trên nên không được xếp loại năm ${d.year}`
              }
      return { en: `Unit ${d.organizationId}: ${r.en}.`, vi: `Đơn vị ${d.organizationId}: ${r.vi}.` }
    }
  },
  (refuse) => ({
    /** No rating yet for the unit's year (`existing` is the rating it already has, if any). */
    oneRatingPerYear: (organizationId: OrganizationId, year: number, existing: string | undefined): Check =>
      existing === undefined ? pass : refuse({ organizationId, year, reason: "already-rated", other: existing }),
    /** The rater is an ancestor of the unit on the day, never the unit itself. */
    ratedFromAbove: (
      directory: State,
      raterId: OrganizationId,
      organizationId: OrganizationId,
      year: number,
      date: LocalDate
    ): Check =>
      raterId !== organizationId && isWithin(directory, raterId, organizationId, date)
        ? pass
        : refuse({ organizationId, year, reason: "not-above", other: raterId }),
    /**
     * Eligibility: a title that rests on the unit's year (Strong Grassroots Union, "completed tasks
     * excellently") needs that year's rating to be "excellent"; unknown before the unit is rated.
     */
    ratedExcellent: (input: Input): Outcome => {
      const r = input.held.ratings.get(input.year)
      if (r === undefined)
        return unknown(
          `${input.subject.organizationId} has no rating for ${input.year} yet.`,
          `${input.subject.organizationId} chưa được cấp trên xếp loại năm ${input.year}.`
        )
      return r === "excellent"
        ? pass
        : refuse({
            organizationId: input.subject.organizationId,
            year: input.year,
            reason: "below-excellent",
            other: r
          })
    }
  })
)
