/**
 * C2: Only an authority whose jurisdiction contains the campaign's scope may plan and launch it.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as Directory from "../../Directory.js"
import type { OrganizationId } from "../../Ids.js"
import type * as LocalDate from "../../LocalDate.js"
import { type Check, define, pass } from "../define.js"

export const C2 = define(
  {
    id: "C2",
    family: "campaign",
    source: { tag: "V", reference: "Law 06/2022 Art. 18" },
    details: Schema.Struct({ actorId: Schema.String, issuerId: Schema.String, targetId: Schema.String }),
    example: { actorId: "ldld-hoang-mai", issuerId: "ldld-ha-noi", targetId: "ldld-ha-noi" },
    reads: [],
    statement: {
      en: "Only an authority whose jurisdiction contains the campaign's scope may plan and launch it.",
      vi: "Chỉ cấp có thẩm quyền bao trùm phạm vi phong trào mới được xây dựng kế hoạch và phát động."
    },
    message: (d) => ({
      en: `${d.actorId} may not launch a campaign of ${d.issuerId} covering ${d.targetId}: it is outside its jurisdiction.`,
      vi: `${d.actorId} không có thẩm quyền phát động phong trào của ${d.issuerId} đối với ${d.targetId}.`
    })
  },
  (refuse) => ({
    /**
     * The actor's jurisdiction contains the issuer (or its successor, once it was restructured
     * away), and the issuer's contains the target.
     */
    launcherJurisdiction: (
      directory: Directory.State,
      actorId: OrganizationId,
      issuerId: OrganizationId,
      targetId: OrganizationId,
      at: LocalDate.LocalDate
    ): Check =>
      Directory.actsFor(directory, actorId, issuerId, at) &&
      (Directory.isWithin(directory, issuerId, targetId, at) ||
        Directory.isWithin(directory, Directory.carrierOn(directory, issuerId, at), targetId, at))
        ? pass
        : refuse({ actorId, issuerId, targetId })
  })
)
