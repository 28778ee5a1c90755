/**
 * C5: Phases lie within the campaign period, regular phases never overlap, and each starts after
 * the previous one ends; peak phases may overlap when the rulebook allows.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { Plan, State } from "../../CampaignState.js"
import type { SchedulePhase } from "../../Command.js"
import * as LocalDate from "../../LocalDate.js"
import type * as Rulebook from "../../Rulebook.js"
import { type Check, define, pass } from "../define.js"

export const C5 = define(
  {
    id: "C5",
    family: "campaign",
    source: { tag: "U", reference: "Union practice" },
    details: Schema.Struct({ phaseId: Schema.String, reason: Schema.String, other: Schema.String }),
    example: { phaseId: "dot-2", reason: "overlap", other: "dot-1" },
    reads: ["peakPhasesMayOverlap"],
    statement: {
      en: "Phases lie within the campaign period, regular phases never overlap, and each starts after the previous one ends; peak phases may overlap when the rulebook allows.",
      vi: "Các đợt thi đua nằm trong thời gian phong trào, các đợt thường không trùng nhau và đợt sau bắt đầu sau khi đợt trước kết thúc; đợt cao điểm có thể trùng nếu quy định cho phép."
    },
    message: (d) =>
      d.reason === "outside"
        ? {
            en: `Phase ${d.phaseId} does not lie within the campaign period ${d.other}.`,
            vi: `Đợt thi đua ${d.phaseId} nằm ngoài thời gian phong trào ${d.other}.`
          }
        : d.reason === "order"
          ? {
              en: `Phase ${d.phaseId} starts before phase ${d.other}, which was scheduled earlier.`,
              vi: `Đợt thi đua ${d.phaseId} bắt đầu trước đợt ${d.other} đã được xếp lịch trước.`
            }
          : {
              en: `Phase ${d.phaseId} overlaps phase ${d.other}.`,
              vi: `Đợt thi đua ${d.phaseId} trùng thời gian với đợt ${d.other}.`
            }
  },
  (refuse) => ({
    /**
     * A phase lies within the campaign; regular phases never overlap and each starts after the
     * previous one ends; peak phases may overlap when the rulebook says so.
     */
    phasesDoNotOverlap: (
      state: State,
      plan: Plan,
      command: typeof SchedulePhase.Type,
      params: Rulebook.Params
    ): Check => {
      const p = command.period
      if (!LocalDate.contains(plan.period, p))
        return refuse({
          phaseId: command.phaseId,
          reason: "outside",
          other: `${plan.period.start} – ${plan.period.end}`
        })
      for (const other of state.phases) {
        const exempt = params.peakPhasesMayOverlap && (command.kind === "peak" || other.kind === "peak")
        if (exempt) continue
        if (LocalDate.overlaps(p, other))
          return refuse({ phaseId: command.phaseId, reason: "overlap", other: other.id })
        if (command.kind === "regular" && other.kind === "regular" && p.start < other.start)
          return refuse({ phaseId: command.phaseId, reason: "order", other: other.id })
      }
      return pass
    }
  })
)
