/**
 * Words the rules' messages share: a Vietnamese message names statuses, things, award kinds and
 * levels in Vietnamese.
 *
 * @internal
 */
import { type AwardKind, catalogue } from "../AwardKind.js"
import type { Message } from "../internal/domainError.js"
import { type Level, levelLabels } from "../Organization.js"

export const statusVi: Readonly<Record<string, string>> = {
  Initial: "chưa có kế hoạch",
  Planned: "đã có kế hoạch, chưa phát động",
  Launched: "đang diễn ra",
  Ended: "đã hết thời gian thi đua",
  Reviewed: "đã tổng kết",
  Awarding: "đang xét khen thưởng",
  Closed: "đã khép lại",
  Cancelled: "đã hủy",
  Scheduled: "đã lên lịch",
  Open: "đang mở",
  Submitted: "đã gửi",
  Approved: "đã duyệt",
  Rejected: "bị từ chối",
  Superseded: "đã được thay thế",
  Signed: "đã ký",
  Recorded: "mới ghi nhận",
  Applied: "đã áp dụng",
  Recognized: "đã công nhận",
  Proposed: "đã đề xuất",
  Deliberated: "đã bình xét",
  Escalated: "đề nghị cấp trên",
  Decided: "đã quyết định",
  Revoked: "đã bị thu hồi"
}
export const subjectLabel: Readonly<Record<string, Message>> = {
  campaign: { en: "campaign", vi: "phong trào" },
  phase: { en: "phase", vi: "đợt thi đua" },
  registration: { en: "registration", vi: "bản đăng ký thi đua" },
  pledge: { en: "pledge", vi: "giao ước, đăng ký thi đua" },
  initiative: { en: "initiative", vi: "sáng kiến" },
  nomination: { en: "nomination", vi: "đề nghị khen thưởng" },
  participant: { en: "participant", vi: "đơn vị tham gia" },
  award: { en: "award", vi: "khen thưởng" },
  cluster: { en: "cluster", vi: "cụm, khối thi đua" },
  "cluster member": { en: "cluster member", vi: "thành viên cụm" },
  content: { en: "content", vi: "nội dung thi đua" },
  work: { en: "work", vi: "công trình" },
  plaque: { en: "plaque", vi: "gắn biển công trình" },
  presentation: { en: "presentation", vi: "việc trao tặng" },
  exemplar: { en: "exemplar", vi: "điển hình tiên tiến" },
  organization: { en: "organization", vi: "tổ chức" },
  member: { en: "member", vi: "đoàn viên" },
  membership: { en: "membership", vi: "việc sinh hoạt tại đơn vị" },
  rating: { en: "rating", vi: "kết quả xếp loại" },
  seat: { en: "seat", vi: "ghế (nhiệm kỳ)" }
}
export const scopeVi: Readonly<Record<string, string>> = { unit: "cơ sở", province: "cấp tỉnh", national: "toàn quốc" }
export const label = (kind: string): Message => subjectLabel[kind] ?? { en: kind, vi: kind }
export const award = (kind: string): Message => {
  const entry = catalogue[kind as AwardKind] as { readonly vi: string; readonly en: string } | undefined
  return entry === undefined ? { en: kind, vi: kind } : { en: entry.en, vi: entry.vi }
}
export const level = (l: string): Message => (levelLabels[l as Level] as Message | undefined) ?? { en: l, vi: l }

/** A subject key (`member:<id>`, `unit:<id>`) as a message names it: the id alone. @internal */
export const who = (key: string): string => key.replace(/^(member|unit):/, "")

/** The disciplinary measures, in both languages. @internal */
export const discipline = (level: string): Message =>
  (
    ({
      reprimand: { en: "reprimand", vi: "khiển trách" },
      warning: { en: "warning", vi: "cảnh cáo" },
      demotion: { en: "demotion", vi: "hạ bậc, cách chức" },
      dismissal: { en: "dismissal", vi: "buộc thôi việc" },
      administrative: { en: "administrative sanction", vi: "xử phạt hành chính" }
    }) as Record<string, Message>
  )[level] ?? { en: level, vi: level }
