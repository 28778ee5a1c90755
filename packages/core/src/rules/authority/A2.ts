/**
 * A2: Nominations move up one management level at a time.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { Nomination } from "../../CampaignState.js"
import type { OrganizationId } from "../../Ids.js"
import { type Check, define, pass } from "../define.js"

export const A2 = define(
  {
    id: "A2",
    family: "authority",
    source: { tag: "V", reference: "Law 06/2022 Art. 83" },
    details: Schema.Struct({ nominationId: Schema.String, from: Schema.String, to: Schema.String }),
    example: { nominationId: "de-nghi-1", from: "cdcs-trung-thanh", to: "ldld-ha-noi" },
    reads: [],
    statement: {
      en: "Nominations move up one management level at a time.",
      vi: "Hồ sơ đề nghị khen thưởng được trình lên từng cấp quản lý trực tiếp."
    },
    // An empty `to`: escalated by the top level, which has no level above it.
    message: (d) =>
      d.to === ""
        ? {
            en: `Nomination ${d.nominationId} held by ${d.from} cannot be escalated: no level is above ${d.from}; it decides.`,
            vi: `Đề nghị ${d.nominationId} đang ở ${d.from} không thể trình lên nữa: ${d.from} không có cấp trên, phải tự quyết định.`
          }
        : {
            en: `Nomination ${d.nominationId} held by ${d.from} can only go to its direct parent, not to ${d.to}.`,
            vi: `Đề nghị ${d.nominationId} đang ở ${d.from} chỉ được trình lên cấp trên trực tiếp, không phải ${d.to}.`
          }
  },
  (refuse) => ({
    /** A nomination goes to the direct parent of the level that holds it. */
    oneLevelUp: (n: Nomination, parentId: OrganizationId | undefined, to: OrganizationId): Check =>
      parentId === to ? pass : refuse({ nominationId: n.id, from: n.holderId, to }),
    /** A nomination is escalated only by a level that has one above it (the top level decides). */
    levelAbove: (n: Nomination, parentId: OrganizationId | undefined): Check =>
      parentId !== undefined ? pass : refuse({ nominationId: n.id, from: n.holderId, to: "" })
  })
)
