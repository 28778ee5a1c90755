/**
 * T1: An Advanced Worker completed their tasks well or better in the year.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import {
  atLeast,
  type Input,
  knownMember,
  type Outcome,
  ratingLabel,
  ratingOf,
  unknown
} from "../../eligibility/input.js"
import { define } from "../define.js"

export const T1 = define(
  {
    id: "T1",
    family: "award",
    source: { tag: "V", reference: "Law 06/2022 Art. 24" },
    details: Schema.Struct({ memberId: Schema.String, year: Schema.Number, rating: Schema.String }),
    example: { memberId: "m-1", year: 2024, rating: "completed" },
    reads: [],
    statement: {
      en: "An Advanced Worker completed their tasks well or better in the year.",
      vi: "Lao động tiên tiến phải hoàn thành tốt nhiệm vụ trở lên trong năm."
    },
    message: (d) => ({
      en: `${d.memberId} was rated "${ratingLabel[d.rating as "good"]?.en ?? d.rating}" for ${d.year}; Advanced Worker needs "completed tasks well" or better.`,
      vi: `${d.memberId} được xếp loại "${ratingLabel[d.rating as "good"]?.vi ?? d.rating}" năm ${d.year}; Lao động tiên tiến cần hoàn thành tốt nhiệm vụ trở lên.`
    })
  },
  (refuse) => ({
    /** The member's rating for the year is "good" or better; unknown when the record has no rating. */
    ratedWell: (input: Input): Outcome => {
      const m = knownMember(input)
      const r = m === undefined ? undefined : ratingOf(m, input.year)
      if (m === undefined || r === undefined)
        return unknown(
          `No rating of ${input.year} is recorded for this member.`,
          `Chưa có kết quả xếp loại năm ${input.year} của đoàn viên.`
        )
      return atLeast(r, "good") ? Result.void : refuse({ memberId: m.memberId, year: input.year, rating: r })
    }
  })
)
