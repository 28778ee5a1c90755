/**
 * C6: The final review happens once, after the campaign ended and all phases closed; interim
 * reviews only while it runs.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { Phase, State } from "../../CampaignState.js"
import type * as LocalDate from "../../LocalDate.js"
import { type Check, define, pass } from "../define.js"

import { statusVi } from "../labels.js"

export const C6 = define(
  {
    id: "C6",
    family: "campaign",
    source: { tag: "U", reference: "Union practice" },
    details: Schema.Struct({
      reason: Schema.Literals(["phase-not-closed", "not-running", "before-end"]),
      phaseId: Schema.String,
      value: Schema.String
    }),
    example: { reason: "phase-not-closed", phaseId: "dot-2", value: "Open" },
    reads: [],
    statement: {
      en: "The final review happens once, after the campaign ended and all phases closed; interim reviews only while it runs.",
      vi: "Tổng kết chỉ một lần, sau khi phong trào kết thúc và các đợt đã đóng; sơ kết chỉ khi phong trào đang diễn ra."
    },
    message: (d) => {
      const where = d.phaseId ? { en: ` for phase ${d.phaseId}`, vi: ` cho đợt ${d.phaseId}` } : { en: "", vi: "" }
      switch (d.reason) {
        case "phase-not-closed":
          return {
            en: `Review refused${where.en}: phase ${d.phaseId} is ${d.value}, not closed.`,
            vi: `Chưa thể sơ kết, tổng kết${where.vi}: đợt ${d.phaseId} ${statusVi[d.value] ?? d.value}, chưa kết thúc.`
          }
        case "not-running":
          return {
            en: `Review refused: the campaign is ${d.value}.`,
            vi: `Không thể tổ chức sơ kết, tổng kết khi phong trào ${statusVi[d.value] ?? d.value}.`
          }
        case "before-end":
          return {
            en: `The final review cannot come before the campaign ended on ${d.value}.`,
            vi: `Không thể tổng kết trước ngày phong trào kết thúc (${d.value}).`
          }
      }
    }
  },
  (refuse) => ({
    /** The final review comes after the end, and after every phase has closed. */
    finalReviewReady: (state: State, at: LocalDate.LocalDate): Check => {
      const open = state.phases.find((p) => p.status === "Scheduled" || p.status === "Open")
      if (open !== undefined) return refuse({ reason: "phase-not-closed", phaseId: open.id, value: open.status })
      return state.endedAt !== undefined && at < state.endedAt
        ? refuse({ reason: "before-end", phaseId: "", value: state.endedAt })
        : pass
    },
    /** An interim review of a phase comes after the phase has closed. */
    phaseClosedBeforeInterimReview: (phase: Phase): Check =>
      phase.status === "Closed" ? pass : refuse({ reason: "phase-not-closed", phaseId: phase.id, value: phase.status })
  })
)
