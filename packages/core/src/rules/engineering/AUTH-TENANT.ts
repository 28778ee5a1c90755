/**
 * AUTH-TENANT: A command acts only on data of its own tenant.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { type Check, define, pass } from "../define.js"

export const AUTH_TENANT = define(
  {
    id: "AUTH-TENANT",
    family: "engineering",
    source: { tag: "E", reference: "Authorization" },
    details: Schema.Struct({ expected: Schema.String, actual: Schema.String }),
    example: { expected: "hanoi", actual: "hai-phong" },
    reads: [],
    statement: {
      en: "A command acts only on data of its own tenant.",
      vi: "Lệnh chỉ tác động đến dữ liệu của chính đơn vị sử dụng (tenant)."
    },
    message: (d) => ({
      en: `This data belongs to tenant ${d.expected}, not ${d.actual}.`,
      vi: `Dữ liệu này thuộc ${d.expected}, không thuộc ${d.actual}.`
    })
  },
  (refuse) => ({
    /** The command's tenant is the data's tenant (when the data has one yet). */
    sameTenant: (expected: string | undefined, actual: string): Check =>
      expected === undefined || expected === actual ? pass : refuse({ expected, actual })
  })
)
