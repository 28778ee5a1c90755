/**
 * A4: nominees are published for comment (công khai) before the decision, for at least the
 * rulebook's number of days, and a published nomination is decided only once its window closed.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { Nomination } from "../../CampaignState.js"
import * as LocalDate from "../../LocalDate.js"
import type * as Rulebook from "../../Rulebook.js"
import { type Check, define, pass } from "../define.js"

export const A4 = define(
  {
    id: "A4",
    family: "authority",
    source: { tag: "V-old", reference: "Circular 12/2019/TT-BNV (public disclosure); window: rulebook parameter" },
    details: Schema.Struct({
      reason: Schema.Literals(["window-too-short", "window-open"]),
      nominationId: Schema.String,
      until: Schema.String,
      days: Schema.Number
    }),
    example: { reason: "window-open", nominationId: "de-nghi-1", until: "2020-12-20", days: 5 },
    reads: ["publicationDays"],
    statement: {
      en: "Nominees are published for comment for at least the rulebook's number of days, and a published nomination is decided only after its comment window closed.",
      vi: "Danh sách đề nghị khen thưởng được công khai lấy ý kiến ít nhất số ngày quy định, và chỉ quyết định sau khi hết thời hạn lấy ý kiến."
    },
    message: (d) =>
      d.reason === "window-too-short"
        ? {
            en: `Nominees of ${d.nominationId} are published until ${d.until}: the window must last at least ${d.days} days.`,
            vi: `Thời gian công khai đề nghị ${d.nominationId} (đến ${d.until}) ngắn hơn ${d.days} ngày theo quy định.`
          }
        : {
            en: `Nomination ${d.nominationId} is published for comment until ${d.until}; it cannot be decided before then.`,
            vi: `Đề nghị ${d.nominationId} đang được công khai lấy ý kiến đến ngày ${d.until}, chưa thể quyết định.`
          }
  },
  (refuse) => ({
    /** The comment window lasts at least the rulebook's days (both ends counted). */
    windowLongEnough: (nominationId: string, window: LocalDate.Period, params: Rulebook.Params): Check =>
      LocalDate.addDays(window.start, params.publicationDays - 1) <= window.end
        ? pass
        : refuse({ reason: "window-too-short", nominationId, until: window.end, days: params.publicationDays }),
    /** A published nomination is decided after its window closed. */
    windowClosed: (n: Nomination, at: LocalDate.LocalDate, params: Rulebook.Params): Check =>
      n.publishedUntil === undefined || at > n.publishedUntil
        ? pass
        : refuse({ reason: "window-open", nominationId: n.id, until: n.publishedUntil, days: params.publicationDays })
  })
)
