/**
 * LIFECYCLE: Each command is accepted only in the lifecycle states that allow it.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { define, type Refusal } from "../define.js"

import { label, statusVi } from "../labels.js"

export const LIFECYCLE = define(
  {
    id: "LIFECYCLE",
    family: "engineering",
    source: { tag: "V", reference: "Law 06/2022 Art. 17 (the lifecycle machine)" },
    details: Schema.Struct({
      subject: Schema.Literals(["campaign", "phase", "registration", "initiative", "nomination", "award"]),
      id: Schema.String,
      status: Schema.String,
      command: Schema.String
    }),
    example: { subject: "phase", id: "dot-1", status: "Closed", command: "OpenPhase" },
    reads: [],
    statement: {
      en: "Each command is accepted only in the lifecycle states that allow it.",
      vi: "Mỗi thao tác chỉ được thực hiện ở giai đoạn phù hợp của phong trào."
    },
    message: (d) => ({
      en: `${d.command} is not allowed while the ${label(d.subject).en} ${d.id} is ${d.status}.`,
      vi: `Không thể thực hiện ${d.command} khi ${label(d.subject).vi} ${d.id} ${statusVi[d.status] ?? d.status}.`
    })
  },
  (refuse) => ({
    /** Refuses a step its machine does not allow from the current status. */
    refuseStep: (
      subject: "campaign" | "phase" | "registration" | "initiative" | "nomination" | "award",
      id: string,
      status: string,
      command: string
    ): Refusal => refuse({ subject, id, status, command })
  })
)
