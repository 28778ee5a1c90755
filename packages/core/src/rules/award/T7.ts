/**
 * T7: A nomination passes the council only with the rulebook's share of all council members voting
 * for it.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { AwardKind } from "../../AwardKind.js"
import type { Nomination } from "../../CampaignState.js"
import { type Input, type Outcome, unknown } from "../../eligibility/input.js"
import type * as Rulebook from "../../Rulebook.js"
import { A3 } from "../authority/A3.js"
import { type Check, define, pass } from "../define.js"

/** The votes a nomination needs: the rulebook's share of all council members. @since 0.1.0 */
export const votesNeeded = (kind: AwardKind, councilSize: number, params: Rulebook.Params): number =>
  Math.ceil((params.councilApproval[kind] ?? params.defaultCouncilApproval) * councilSize - 1e-9)

export const T7 = define(
  {
    id: "T7",
    family: "award",
    source: { tag: "V-old", reference: "Decree 91/2017 Art. 45(8); rulebook parameter" },
    details: Schema.Struct({
      nominationId: Schema.String,
      votesFor: Schema.Number,
      councilSize: Schema.Number,
      required: Schema.Number
    }),
    example: { nominationId: "de-nghi-1", votesFor: 8, councilSize: 11, required: 10 },
    reads: ["councilApproval", "defaultCouncilApproval"],
    statement: {
      en: "A nomination passes the council only with the rulebook's share of all council members voting for it.",
      vi: "Đề nghị chỉ được thông qua khi số phiếu đồng ý đạt tỷ lệ quy định trên tổng số thành viên Hội đồng."
    },
    message: (d) => ({
      en: `Nomination ${d.nominationId} got ${d.votesFor} of ${d.councilSize} votes; at least ${d.required} are needed.`,
      vi: `Đề nghị ${d.nominationId} đạt ${d.votesFor}/${d.councilSize} phiếu; cần ít nhất ${d.required} phiếu.`
    })
  },
  (refuse) => ({
    /** A nomination passes only with enough of the whole council voting for it. */
    councilApproval: (n: Nomination, params: Rulebook.Params): Check => {
      if (n.vote === undefined) return A3.refuse({ nominationId: n.id, status: n.status })
      const required = votesNeeded(n.awardKind, n.vote.councilSize, params)
      return n.vote.votesFor >= required
        ? pass
        : refuse({ nominationId: n.id, votesFor: n.vote.votesFor, councilSize: n.vote.councilSize, required })
    },
    /** The council's vote, when the eligibility question gives one; unknown before the council met. */
    councilVote: (input: Input): Outcome => {
      const share = input.params.councilApproval[input.kind] ?? input.params.defaultCouncilApproval
      const v = input.deliberation
      if (v === undefined)
        return unknown(
          `Needs the council's vote: ${Math.round(share * 100)}% of all its members.`,
          `Cần Hội đồng Thi đua – Khen thưởng bỏ phiếu đồng ý: ${Math.round(share * 100)}% tổng số thành viên.`
        )
      const required = votesNeeded(input.kind, v.councilSize, input.params)
      return v.votesFor >= required
        ? pass
        : refuse({ nominationId: input.held.key, votesFor: v.votesFor, councilSize: v.councilSize, required })
    }
  })
)
