/**
 * AUTH-ACTOR: The acting organization exists in the directory and is in operation on the date of
 * the act.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { define } from "../define.js"

export const AUTH_ACTOR = define(
  {
    id: "AUTH-ACTOR",
    family: "engineering",
    source: { tag: "E", reference: "Authorization" },
    details: Schema.Struct({ organizationId: Schema.String, date: Schema.String }),
    example: { organizationId: "ldld-hoang-mai", date: "2025-07-01" },
    reads: [],
    statement: {
      en: "The acting organization exists in the directory and is in operation on the date of the act.",
      vi: "Tổ chức thực hiện phải có trong danh mục và đang hoạt động vào ngày thực hiện."
    },
    message: (d) => ({
      en: `Organization ${d.organizationId} is unknown or not in operation on ${d.date}.`,
      vi: `Tổ chức ${d.organizationId} không có trong danh mục hoặc không hoạt động vào ngày ${d.date}.`
    })
  },
  () => ({})
)
