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
        "successor-inactive"
      ]),
      other: Schema.String
    }),
    example: { organizationId: "cdcs-trung-thanh", reason: "parent-not-higher", other: "grassroots" },
    reads: [],
    statement: {
      en: "An organization sits under a parent of a higher level that is in operation, and a restructuring takes effect after the organization began.",
      vi: "Mỗi tổ chức trực thuộc một cấp trên cao hơn đang hoạt động; việc sắp xếp lại có hiệu lực sau ngày tổ chức bắt đầu hoạt động."
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
        cycle: { en: `${d.other} lies inside its own subtree`, vi: `${d.other} là đơn vị trực thuộc của chính nó` },
        "outside-operation": {
          en: `${d.other} is outside its time in operation`,
          vi: `ngày ${d.other} nằm ngoài thời gian hoạt động`
        },
        "successor-inactive": {
          en: `the successor ${d.other} is not in operation`,
          vi: `đơn vị kế thừa ${d.other} không hoạt động`
        }
      }
      const r = reasons[d.reason]
      return { en: `Organization ${d.organizationId}: ${r.en}.`, vi: `Tổ chức ${d.organizationId}: ${r.vi}.` }
    }
  },
  () => ({})
)
