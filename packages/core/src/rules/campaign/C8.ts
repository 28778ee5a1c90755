/**
 * C8: A closed or cancelled campaign accepts nothing but award revocations.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { define } from "../define.js"

export const C8 = define(
  {
    id: "C8",
    family: "campaign",
    source: { tag: "U", reference: "Event-sourcing practice" },
    details: Schema.Struct({ campaignId: Schema.String, status: Schema.String, command: Schema.String }),
    example: { campaignId: "hoang-mai-2020", status: "Closed", command: "GrantAward" },
    reads: [],
    statement: {
      en: "A closed or cancelled campaign accepts nothing but award revocations.",
      vi: "Phong trào đã kết thúc hồ sơ hoặc đã hủy chỉ còn nhận việc thu hồi khen thưởng."
    },
    message: (d) => ({
      en: `Campaign ${d.campaignId} is ${d.status}: ${d.command} is no longer accepted.`,
      vi: `Phong trào ${d.campaignId} đã ${d.status === "Cancelled" ? "bị hủy" : "khép lại"}, không thể thực hiện ${d.command}.`
    })
  },
  // The guard is the campaign machine: `Lifecycle.refusal` names this rule where it refuses.
  () => ({})
)
