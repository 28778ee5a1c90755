/**
 * REF-MISSING: A command refers only to things that exist.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { define } from "../define.js"
import { label } from "../labels.js"

export const REF_MISSING = define(
  {
    id: "REF-MISSING",
    family: "engineering",
    source: { tag: "E", reference: "Integrity" },
    details: Schema.Struct({ kind: Schema.String, id: Schema.String }),
    example: { kind: "phase", id: "dot-3" },
    reads: [],
    statement: { en: "A command refers only to things that exist.", vi: "Lệnh chỉ tham chiếu đến đối tượng đã có." },
    message: (d) => ({ en: `Unknown ${label(d.kind).en} ${d.id}.`, vi: `Không tìm thấy ${label(d.kind).vi} ${d.id}.` })
  },
  () => ({})
)
