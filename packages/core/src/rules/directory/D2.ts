/**
 * D2: a campaign's issuer is in operation over the campaign's whole period, or the successors
 * that carry it on after a restructuring are. A district federation dissolved on 1/7/2025 can
 * neither plan a 2026 campaign nor have one launched in its name; its 2025 campaign is carried on
 * by its successor.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type * as Directory from "../../directory/state.js"
import { coversPeriod } from "../../directory/succession.js"
import type { OrganizationId } from "../../Ids.js"
import type * as LocalDate from "../../LocalDate.js"
import { type Check, define, pass } from "../define.js"

export const D2 = define(
  {
    id: "D2",
    family: "directory",
    source: { tag: "P", reference: "Law 06/2022 Art. 18 (who launches); the 1/7/2025 reform of local government" },
    details: Schema.Struct({ organizationId: Schema.String, start: Schema.String, end: Schema.String }),
    example: { organizationId: "ldld-hoang-mai", start: "2026-01-01", end: "2026-12-31" },
    reads: [],
    statement: {
      en: "A campaign's issuer is in operation over the campaign's whole period, or a successor carries it on.",
      vi: "Tổ chức phát động phải hoạt động trong suốt thời gian phong trào, hoặc có đơn vị kế thừa tiếp tục thực hiện."
    },
    message: (d) => ({
      en: `${d.organizationId} is not in operation over the whole period ${d.start} – ${d.end}, and no successor carries it on.`,
      vi: `${d.organizationId} không hoạt động trong suốt thời gian ${d.start} – ${d.end} và không có đơn vị kế thừa.`
    })
  },
  (refuse) => ({
    /** The issuer, or its successors, covers every day of the period. */
    issuerCoversPeriod: (directory: Directory.State, issuerId: OrganizationId, period: LocalDate.Period): Check =>
      coversPeriod(directory, issuerId, period)
        ? pass
        : refuse({ organizationId: issuerId, start: period.start, end: period.end })
  })
)
