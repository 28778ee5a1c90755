/**
 * D1: An organization sits under a parent of a higher level that is in operation, and a
 * restructuring takes effect after the organization began.
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
      reason: Schema.Literals([
        "ends-before-begins",
        "parent-inactive",
        "parent-not-higher",
        "inactive",
        "cycle",
        "outside-operation",
        "successor-inactive",
        "already-restructured",
        "successor-lower"
      ]),
      other: Schema.String
    }),
    example: { organizationId: "cdcs-trung-thanh", reason: "parent-not-higher", other: "grassroots" },
    reads: [],
    statement: {
      en: "An organization sits under a parent of a higher level that is in operation; it is restructured once, after it began, into a successor of its level or higher that is in operation, within the actor's subtree.",
      vi: "Mỗi tổ chức trực thuộc một cấp trên cao hơn đang hoạt động; tổ chức được sắp xếp lại một lần, sau ngày bắt đầu hoạt động, vào một đơn vị kế thừa cùng cấp hoặc cấp cao hơn, đang hoạt động và thuộc phạm vi của cấp thực hiện."
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
        }
      }
      const r = reasons[d.reason]
      return { en: `Organization ${d.organizationId}: ${r.en}.`, vi: `Tổ chức ${d.organizationId}: ${r.vi}.` }
    }
  },
  () => ({})
)
