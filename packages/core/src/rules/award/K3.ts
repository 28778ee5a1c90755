/**
 * K3: An Excellent Labour Collective meets the Advanced Labour Collective's criteria too: the
 * ladder of collective titles is monotonic.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { type Input, isUnknown, type Outcome } from "../../eligibility/input.js"
import { define } from "../define.js"
import { K1 } from "./K1.js"

export const K3 = define(
  {
    id: "K3",
    family: "award",
    source: { tag: "P", reference: "Law 15/2003 Art. 27 (S15)" },
    details: Schema.Struct({ unitId: Schema.String, year: Schema.Number }),
    example: { unitId: "cdcs-1", year: 2024 },
    reads: ["advancedCollectiveShare"],
    statement: {
      en: "An Excellent Labour Collective meets the Advanced Labour Collective's criteria too.",
      vi: "Tập thể lao động xuất sắc phải đạt các tiêu chuẩn của Tập thể lao động tiên tiến."
    },
    message: (d) => ({
      en: `${d.unitId} does not meet the Advanced Labour Collective's criteria for ${d.year}, so it cannot be an Excellent one.`,
      vi: `${d.unitId} chưa đạt tiêu chuẩn Tập thể lao động tiên tiến năm ${d.year} nên không thể đạt Tập thể lao động xuất sắc.`
    })
  },
  (refuse) => ({
    /** K1 holds for the same unit and year. */
    meetsAdvanced: (input: Input): Outcome => {
      const k1 = K1.guards.advancedShare(input)
      if (isUnknown(k1)) return k1
      return Result.isSuccess(k1) ? Result.void : refuse({ unitId: input.subject.organizationId, year: input.year })
    }
  })
)
