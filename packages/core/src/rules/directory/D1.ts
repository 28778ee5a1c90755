/**
 * D1: An organization sits under a parent of a higher level that is in operation, and a
 * restructuring takes effect after the organization began. A member belongs to a unit in
 * operation, and their record is dated in order.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { define } from "../define.js"
import { level } from "../labels.js"

export const D1 = define(
  {
    id: "D1",
    family: "directory",
    source: { tag: "P", reference: "Union hierarchy; 2025 restructuring" },
    details: Schema.Struct({
      organizationId: Schema.String,
      /** The member concerned, when the refusal is about a member's unit, dates or seat. */
      memberId: Schema.optionalKey(Schema.String),
      reason: Schema.Literals([
        "ends-before-begins",
        "parent-inactive",
        "parent-not-higher",
        "inactive",
        "cycle",
        "outside-operation",
        "successor-inactive",
        "already-restructured",
        "successor-lower",
        "not-a-unit",
        "recruited-after",
        "out-of-order",
        "leave-too-long",
        "future-year",
        "left"
      ]),
      other: Schema.String
    }),
    example: { organizationId: "cdcs-trung-thanh", reason: "parent-not-higher", other: "grassroots" },
    reads: [],
    statement: {
      en: "An organization sits under a parent of a higher level that is in operation; it is restructured once, after it began, into a successor of its level or higher that is in operation, within the actor's subtree. A member belongs to a unit in operation (a grassroots union or group, or a level below the actor), and their record is dated in order: nothing before their recruitment, a transfer after the last, a seat that ends after it begins, no more working days of leave than its period has.",
      vi: "Mỗi tổ chức trực thuộc một cấp trên cao hơn đang hoạt động; tổ chức được sắp xếp lại một lần, sau ngày bắt đầu hoạt động, vào một đơn vị kế thừa cùng cấp hoặc cấp cao hơn, đang hoạt động và thuộc phạm vi của cấp thực hiện. Đoàn viên sinh hoạt tại một đơn vị đang hoạt động (công đoàn cơ sở, tổ công đoàn, hoặc một cấp dưới cấp thực hiện), và hồ sơ đoàn viên ghi ngày theo thứ tự: không có gì trước ngày kết nạp, lần chuyển sinh hoạt sau lần trước, nhiệm kỳ kết thúc sau khi bắt đầu, số ngày nghỉ không quá số ngày của thời gian nghỉ."
    },
    message: (d) => {
      const reasons: Record<typeof d.reason, { readonly en: string; readonly vi: string }> = {
        "ends-before-begins": {
          en: `it would end (${d.other}) before it begins`,
          vi: `ngày kết thúc (${d.other}) trước ngày bắt đầu`
        },
        "parent-inactive": {
          en: `its parent ${d.other} is not in operation`,
          vi: `cấp trên ${d.other} không còn hoạt động`
        },
        "parent-not-higher": {
          en: `its parent's level (${d.other}) is not higher`,
          vi: `cấp trên (${level(d.other).vi}) không cao hơn`
        },
        inactive: { en: `it is not in operation on ${d.other}`, vi: `không hoạt động vào ngày ${d.other}` },
        cycle: {
          en: `${d.other} would close a cycle of parents or successors`,
          vi: `${d.other} tạo thành vòng lặp cấp trên hoặc đơn vị kế thừa`
        },
        "outside-operation": {
          en: `${d.other} is outside its time in operation`,
          vi: `ngày ${d.other} nằm ngoài thời gian hoạt động`
        },
        "successor-inactive": {
          en: `the successor ${d.other} is not in operation`,
          vi: `đơn vị kế thừa ${d.other} không hoạt động`
        },
        "already-restructured": {
          en: `it was already restructured (in operation until ${d.other})`,
          vi: `đã được sắp xếp lại (hoạt động đến ngày ${d.other})`
        },
        "successor-lower": {
          en: `the successor ${d.other} is of a lower level`,
          vi: `đơn vị kế thừa ${d.other} ở cấp thấp hơn`
        },
        "not-a-unit": {
          en: `a member belongs to a grassroots union, a group or a level below the actor, not to a ${level(d.other).en}`,
          vi: `đoàn viên sinh hoạt tại công đoàn cơ sở, tổ công đoàn hoặc cấp dưới cấp thực hiện, không tại ${level(d.other).vi}`
        },
        "recruited-after": {
          en: `the member was recruited only on ${d.other}`,
          vi: `đoàn viên đến ngày ${d.other} mới được kết nạp`
        },
        "out-of-order": {
          en: `the member already moved on ${d.other}; a transfer comes after the last`,
          vi: `đoàn viên đã chuyển sinh hoạt ngày ${d.other}; lần chuyển sau phải sau lần trước`
        },
        "leave-too-long": {
          en: `the leave counts more working days than the ${d.other} days of its period`,
          vi: `số ngày nghỉ nhiều hơn ${d.other} ngày của thời gian nghỉ`
        },
        "future-year": {
          en: `the year ${d.other} has not begun; a year is rated once it has`,
          vi: `năm ${d.other} chưa bắt đầu; chỉ xếp loại năm đã bắt đầu`
        },
        left: {
          en: `the member left the union's rolls on ${d.other}`,
          vi: `đoàn viên đã ra khỏi danh sách từ ngày ${d.other}`
        }
      }
      const r = reasons[d.reason]
      const who =
        d.memberId === undefined
          ? { en: `Organization ${d.organizationId}`, vi: `Tổ chức ${d.organizationId}` }
          : {
              en: `Organization ${d.organizationId} (member ${d.memberId})`,
              vi: `Tổ chức ${d.organizationId} (đoàn viên ${d.memberId})`
            }
      return { en: `${who.en}: ${r.en}.`, vi: `${who.vi}: ${r.vi}.` }
    }
  },
  () => ({})
)
