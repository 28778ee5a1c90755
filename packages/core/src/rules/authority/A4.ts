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
      reason: Schema.Literals(["window-too-short", "window-open", "window-past", "invalid-days"]),
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
    message: (d) => {
      switch (d.reason) {
        case "window-too-short":
          return {
            en: `Nominees of ${d.nominationId} are published until ${d.until}: the window must last at least ${d.days} days.`,
            vi: `Thời gian công khai đề nghị ${d.nominationId} (đến ${d.until}) ngắn hơn ${d.days} ngày theo quy định.`
          }
        case "window-open":
          return {
            en: `Nomination ${d.nominationId} is published for comment until ${d.until}; it can be decided from the next day.`,
            vi: `Đề nghị ${d.nominationId} đang được công khai lấy ý kiến đến hết ngày ${d.until}, chỉ được quyết định từ ngày hôm sau.`
          }
        case "window-past":
          return {
            en: `Nominees of ${d.nominationId} cannot be published for a window that began before the day of publication (${d.until}).`,
            vi: `Không thể công khai đề nghị ${d.nominationId} với thời gian bắt đầu trước ngày công khai (${d.until}).`
          }
        case "invalid-days":
          return {
            en: `The rulebook's publicationDays (${d.days}) is not a whole number of days between 1 and 366.`,
            vi: `Tham số publicationDays (${d.days}) của bộ quy định không phải số ngày nguyên từ 1 đến 366.`
          }
      }
    }
  },
  (refuse) => ({
    /**
     * The comment window starts on the day of publication or later and lasts at least the
     * rulebook's days (both ends counted). A rulebook whose number of days is not a whole number
     * from 1 to 366 refuses every publication, saying so, rather than guessing.
     */
    windowLongEnough: (
      nominationId: string,
      window: LocalDate.Period,
      at: LocalDate.LocalDate,
      params: Rulebook.Params
    ): Check => {
      const days = params.publicationDays
      if (!Number.isSafeInteger(days) || days < 1 || days > 366)
        return refuse({ reason: "invalid-days", nominationId, until: window.end, days })
      if (window.start < at) return refuse({ reason: "window-past", nominationId, until: at, days })
      return LocalDate.addDays(window.start, days - 1) <= window.end
        ? pass
        : refuse({ reason: "window-too-short", nominationId, until: window.end, days })
    },
    /** A published nomination is decided after its window closed. */
    windowClosed: (n: Nomination, at: LocalDate.LocalDate, params: Rulebook.Params): Check =>
      n.publishedUntil === undefined || at > n.publishedUntil
        ? pass
        : refuse({ reason: "window-open", nominationId: n.id, until: n.publishedUntil, days: params.publicationDays })
  })
)
