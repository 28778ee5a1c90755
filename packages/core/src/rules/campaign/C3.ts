/**
 * C3: No phase, registration, covenant, initiative, score or review is accepted before the
 * campaign is launched.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { define } from "../define.js"

export const C3 = define(
  {
    id: "C3",
    family: "campaign",
    source: { tag: "P", reference: "Law 06/2022 Art. 17 (order of steps)" },
    details: Schema.Struct({ campaignId: Schema.String, command: Schema.String }),
    example: { campaignId: "hoang-mai-2020", command: "SchedulePhase" },
    reads: [],
    statement: {
      en: "No phase, registration, covenant, initiative, score or review is accepted before the campaign is launched.",
      vi: "Không ghi nhận đợt, đăng ký, giao ước, sáng kiến, chấm điểm hay sơ kết trước khi phong trào được phát động."
    },
    message: (d) => ({
      en: `Campaign ${d.campaignId} has not been launched yet: ${d.command} must wait for the launch.`,
      vi: `Phong trào ${d.campaignId} chưa được phát động nên chưa thể thực hiện ${d.command}.`
    })
  },
  // The guard is the campaign machine: `Lifecycle.refusal` names this rule where it refuses.
  () => ({})
)
