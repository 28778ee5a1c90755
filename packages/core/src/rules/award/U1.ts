/**
 * U1: One achievement earns at most one commendation form (per subject, basis and period), and
 * each emulation title at most once per period.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { type AwardKind, catalogue } from "../../AwardKind.js"
import * as CampaignState from "../../CampaignState.js"
import * as Dict from "../../Dict.js"
import type { Basis } from "../../Event.js"
import { counts, type Input, type Outcome } from "../../eligibility/input.js"
import type * as LocalDate from "../../LocalDate.js"
import * as Organization from "../../Organization.js"
import { type Check, define, pass } from "../define.js"

export const U1 = define(
  {
    id: "U1",
    family: "award",
    source: { tag: "V", reference: "Law 06/2022 Art. 6" },
    details: Schema.Struct({ subject: Schema.String, existingAwardId: Schema.String, basis: Schema.String }),
    example: { subject: "member:m-1", existingAwardId: "kt-1", basis: "campaign 2020-01-01 – 2020-12-31" },
    reads: [],
    statement: {
      en: "One achievement earns at most one commendation form (per subject, basis and period), and each emulation title at most once per period.",
      vi: "Một thành tích chỉ được khen một hình thức (mỗi đối tượng, căn cứ và thời gian), và mỗi danh hiệu thi đua chỉ được xét một lần cho một thời gian."
    },
    message: (d) => ({
      en: `${d.subject} was already awarded (${d.existingAwardId}) for the same achievement (${d.basis}).`,
      vi: `${d.subject} đã được khen thưởng (${d.existingAwardId}) cho cùng thành tích (${d.basis}).`
    })
  },
  (refuse) => ({
    /** One commendation form per achievement (subject, basis, period); each title once per period. */
    oneAwardPerAchievement: (
      state: CampaignState.State,
      recipient: Organization.Subject,
      basis: Basis,
      period: LocalDate.Period,
      kind: AwardKind
    ): Check => {
      const existing = Dict.get(state.achievements, CampaignState.achievementKey(recipient, basis, period, kind))
      return existing === undefined
        ? pass
        : refuse({
            subject: Organization.subjectKey(recipient),
            existingAwardId: existing,
            basis: `${basis} ${period.start} – ${period.end}`
          })
    },
    /** Across campaigns: an annual title is held at most once for a year. */
    titleOnceAYear: (input: Input): Outcome => {
      if (!catalogue[input.kind].annual) return pass
      const g = input.held.grants.find((x) => x.kind === input.kind && x.year === input.year && counts(input, x))
      return g === undefined
        ? pass
        : refuse({
            subject: input.held.key,
            existingAwardId: `${g.campaignId}/${g.awardId}`,
            basis: `${input.kind} ${input.year}`
          })
    }
  })
)
