/**
 * C4: a campaign's activities fall within its period, and within the phase they are filed under.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { Award, Phase, Plan } from "../../CampaignState.js"
import type { PlanCampaign } from "../../Command.js"
import * as LocalDate from "../../LocalDate.js"
import { type Check, define, pass } from "../define.js"

export const C4 = define(
  {
    id: "C4",
    family: "campaign",
    source: { tag: "V-old", reference: "Training manual S8" },
    details: Schema.Struct({
      date: Schema.String,
      start: Schema.String,
      end: Schema.String,
      phaseId: Schema.optionalKey(Schema.String),
      awardId: Schema.optionalKey(Schema.String)
    }),
    example: { date: "2021-01-05", start: "2020-03-01", end: "2020-12-31" },
    reads: [],
    statement: {
      en: "A thematic campaign starts before it ends; every activity falls within the campaign's period, and an activity filed under a phase within that phase's days (local days, Asia/Ho_Chi_Minh).",
      vi: "Phong trào theo chuyên đề có thời gian bắt đầu trước khi kết thúc; mọi hoạt động diễn ra trong thời gian phong trào, và hoạt động thuộc đợt nào phải diễn ra trong thời gian của đợt đó."
    },
    message: (d) =>
      d.awardId !== undefined
        ? {
            en: `The date ${d.date} is before award ${d.awardId} was granted (${d.start}).`,
            vi: `Ngày ${d.date} trước ngày quyết định khen thưởng ${d.awardId} (${d.start}).`
          }
        : d.phaseId === undefined
          ? {
              en: `The date ${d.date} is outside the campaign period ${d.start} – ${d.end}.`,
              vi: `Ngày ${d.date} nằm ngoài thời gian phong trào (${d.start} – ${d.end}).`
            }
          : {
              en: `The date ${d.date} is outside phase ${d.phaseId} (${d.start} – ${d.end}).`,
              vi: `Ngày ${d.date} nằm ngoài thời gian đợt thi đua ${d.phaseId} (${d.start} – ${d.end}).`
            }
  },
  (refuse) => ({
    /** A thematic campaign starts before it ends. */
    thematicPeriod: (command: typeof PlanCampaign.Type): Check =>
      command.form === "thematic" && command.period.start >= command.period.end
        ? refuse({ date: command.period.end, start: command.period.start, end: command.period.end })
        : pass,
    /**
     * An activity falls within the campaign's period, or from `from` on when the campaign lets it
     * begin earlier (enrolment and covenants at a launch conference held before the period).
     */
    activityWithinPeriod: (
      plan: Plan,
      at: LocalDate.LocalDate,
      from: LocalDate.LocalDate = plan.period.start
    ): Check => (from <= at && at <= plan.period.end ? pass : refuse({ date: at, start: from, end: plan.period.end })),
    /**
     * A score is given on or after the campaign's start; after its end only at the review, which
     * the lifecycle bounds (scores are taken until the final review).
     */
    scoredAfterStart: (plan: Plan, at: LocalDate.LocalDate): Check =>
      at >= plan.period.start ? pass : refuse({ date: at, start: plan.period.start, end: plan.period.end }),
    /**
     * A phase is closed on or after the day it opened. (It may be opened late, even after its last
     * day: refusing that would leave a forgotten phase open to nothing and the campaign unable to
     * reach its final review, which waits for every phase to close.)
     */
    phaseStepDated: (phase: Phase, step: "OpenPhase" | "ClosePhase", at: LocalDate.LocalDate): Check =>
      step === "OpenPhase" || phase.openedAt === undefined || at >= phase.openedAt
        ? pass
        : refuse({ date: at, start: phase.openedAt, end: phase.end, phaseId: phase.id }),
    /** An activity filed under a phase falls within the phase's days. */
    activityWithinPhase: (phase: Phase, at: LocalDate.LocalDate): Check =>
      phase.start <= at && at <= phase.end
        ? pass
        : refuse({ date: at, start: phase.start, end: phase.end, phaseId: phase.id }),
    /** An award is presented on or after the day it was granted. */
    presentedAfterGrant: (award: Award, at: LocalDate.LocalDate): Check =>
      at >= award.grantedAt ? pass : refuse({ date: at, start: award.grantedAt, end: at, awardId: award.id }),
    /** A nomination's or an award's period lies within the campaign's. */
    periodWithinCampaign: (plan: Plan, period: LocalDate.Period): Check =>
      LocalDate.contains(plan.period, period)
        ? pass
        : refuse({
            date: period.start < plan.period.start ? period.start : period.end,
            start: plan.period.start,
            end: plan.period.end
          })
  })
)
