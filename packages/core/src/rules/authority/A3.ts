/**
 * A3: A nomination is decided only after a deliberation whose minutes are in the dossier.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { AwardKind } from "../../AwardKind.js"
import type { Nomination } from "../../CampaignState.js"
import type { OrganizationId } from "../../Ids.js"
import * as Organization from "../../Organization.js"
import { type Check, define, pass } from "../define.js"

export const A3 = define(
  {
    id: "A3",
    family: "authority",
    source: { tag: "V", reference: "Dossier contents (S25, S26)" },
    details: Schema.Struct({ nominationId: Schema.String, status: Schema.String }),
    example: { nominationId: "de-nghi-1", status: "Proposed" },
    reads: [],
    statement: {
      en: "A nomination is decided only after a deliberation whose minutes are in the dossier.",
      vi: "Chỉ quyết định khen thưởng sau khi đã bình xét, có biên bản trong hồ sơ."
    },
    message: (d) => ({
      en: `Nomination ${d.nominationId} is ${d.status}: it needs a deliberation first.`,
      vi: `Đề nghị ${d.nominationId} đang ở trạng thái ${d.status}: cần bình xét trước.`
    })
  },
  (refuse) => ({
    /** A nomination is decided only after its deliberation. */
    deliberatedFirst: (n: Nomination): Check =>
      n.status === "Deliberated" ? pass : refuse({ nominationId: n.id, status: n.status }),
    /**
     * An award that cites a nomination follows its decision "achieved at this level", for the same
     * subject and kind, by the level that holds the file.
     */
    grantFollowsNomination: (
      n: Nomination,
      recipient: Organization.Subject,
      kind: AwardKind,
      grantedById: OrganizationId
    ): Check =>
      n.status === "Decided" &&
      n.outcome === "achievedAtLevel" &&
      n.awardKind === kind &&
      n.holderId === grantedById &&
      Organization.subjectKey(n.subject) === Organization.subjectKey(recipient)
        ? pass
        : refuse({ nominationId: n.id, status: n.outcome === undefined ? n.status : `${n.status} (${n.outcome})` })
  })
)
