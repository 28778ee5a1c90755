/**
 * REF-EXISTS: Ids are never reused.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { define } from "../define.js"
import { label } from "../labels.js"

export const REF_EXISTS = define(
  {
    id: "REF-EXISTS",
    family: "engineering",
    source: { tag: "E", reference: "Integrity" },
    details: Schema.Struct({ kind: Schema.String, id: Schema.String }),
    example: { kind: "award", id: "kt-1" },
    reads: [],
    statement: { en: "Ids are never reused.", vi: "Mã định danh không được dùng lại." },
    message: (d) => ({
      en: `The ${label(d.kind).en} ${d.id} already exists.`,
      vi: `Đã có ${label(d.kind).vi} ${d.id}.`
    })
  },
  () => ({})
)
