/**
 * K6: A city federation's emulation flag goes to a union rated "completed tasks excellently" for
 * the year.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { type Input, type Outcome, ratingLabel, ratingOf, unknown } from "../../eligibility/input.js"
import { define } from "../define.js"

export const K6 = define(
  {
    id: "K6",
    family: "award",
    source: { tag: "V-old", reference: "QĐ 1564/2014 Art. 11 (S33)" },
    details: Schema.Struct({ unitId: Schema.String, year: Schema.Number, rating: Schema.String }),
    example: { unitId: "cdcs-1", year: 2024, rating: "good" },
    reads: [],
    statement: {
      en: "A city federation's emulation flag goes to a union rated as completing its tasks excellently that year.",
      vi: "Cờ thi đua của LĐLĐ tỉnh, thành phố trao cho công đoàn được xếp loại hoàn thành xuất sắc nhiệm vụ trong năm."
    },
    message: (d) => ({
      en: `${d.unitId} was rated "${ratingLabel[d.rating as "good"]?.en ?? d.rating}" for ${d.year}; the flag needs "completed tasks excellently".`,
      vi: `${d.unitId} được xếp loại "${ratingLabel[d.rating as "good"]?.vi ?? d.rating}" năm ${d.year}; Cờ thi đua cần hoàn thành xuất sắc nhiệm vụ.`
    })
  },
  (refuse) => ({
    /** The unit's rating of the year is "excellent"; unknown when it was not rated. */
    ratedExcellent: (input: Input): Outcome => {
      const r = ratingOf(input.held, input.year)
      if (r === undefined)
        return unknown(
          `${input.subject.organizationId} has no rating for ${input.year}.`,
          `${input.subject.organizationId} chưa có kết quả xếp loại năm ${input.year}.`
        )
      return r === "excellent"
        ? Result.void
        : refuse({ unitId: input.subject.organizationId, year: input.year, rating: r })
    }
  })
)
