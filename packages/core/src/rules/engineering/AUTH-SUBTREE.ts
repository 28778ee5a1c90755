/**
 * AUTH-SUBTREE: An actor acts only within its own subtree of the hierarchy, as it stands on the
 * date of the act.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { define } from "../define.js"

export const AUTH_SUBTREE = define(
  {
    id: "AUTH-SUBTREE",
    family: "engineering",
    source: { tag: "E", reference: "Authorization (C2, A1)" },
    details: Schema.Struct({ actorId: Schema.String, targetId: Schema.String, date: Schema.String }),
    example: { actorId: "ldld-hoang-mai", targetId: "cdcs-cau-giay", date: "2020-03-01" },
    reads: [],
    statement: {
      en: "An actor acts only within its own subtree of the hierarchy, as it stands on the date of the act.",
      vi: "Mỗi cấp chỉ thực hiện trong phạm vi các đơn vị trực thuộc mình, theo cơ cấu tại ngày thực hiện."
    },
    message: (d) => ({
      en: `${d.targetId} is outside the subtree of ${d.actorId} on ${d.date}.`,
      vi: `${d.targetId} không trực thuộc ${d.actorId} vào ngày ${d.date}.`
    })
  },
  () => ({})
)
