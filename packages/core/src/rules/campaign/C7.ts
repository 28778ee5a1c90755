/**
 * C7: Campaign awards follow a review of their period; annual titles follow the final review;
 * extraordinary awards are exempt.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as AwardKind from "../../AwardKind.js"
import type { State } from "../../CampaignState.js"
import type * as LocalDate from "../../LocalDate.js"
import { type Check, define, pass } from "../define.js"

import { award } from "../labels.js"

export const C7 = define(
  {
    id: "C7",
    family: "campaign",
    source: { tag: "P", reference: "Law 06/2022 Art. 17(5)" },
    details: Schema.Struct({ awardKind: Schema.String, needs: Schema.String }),
    example: { awardKind: "lao-dong-tien-tien", needs: "final review" },
    reads: [],
    statement: {
      en: "Campaign awards follow a review of their period; annual titles follow the final review; extraordinary awards are exempt.",
      vi: "Khen thưởng theo kết quả phong trào chỉ sau sơ kết hoặc tổng kết; danh hiệu hằng năm chỉ sau tổng kết; khen đột xuất không phải chờ."
    },
    message: (d) => ({
      en: `${award(d.awardKind).en} can only be granted after the ${d.needs}.`,
      vi: `Chỉ được khen ${award(d.awardKind).vi} sau khi ${d.needs === "final review" ? "tổng kết" : "sơ kết hoặc tổng kết"}.`
    })
  },
  (refuse) => ({
    /**
     * An annual title follows the final review; another campaign award follows a review held once
     * its period is over; extraordinary awards are exempt.
     */
    awardAfterReview: (
      state: State,
      kind: AwardKind.AwardKind,
      period: LocalDate.Period,
      extraordinary: boolean
    ): Check => {
      if (extraordinary) return pass
      if (AwardKind.catalogue[kind].annual)
        return state.finalReviewAt !== undefined ? pass : refuse({ awardKind: kind, needs: "final review" })
      const reviewed = state.finalReviewAt !== undefined || state.interimReviews.some((r) => r.at >= period.end)
      return reviewed ? pass : refuse({ awardKind: kind, needs: "interim or final review" })
    }
  })
)
