/**
 * A1: An award is granted only by an organization whose level may grant that kind.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as AwardKind from "../../AwardKind.js"
import type { OrganizationId } from "../../Ids.js"
import type * as Organization from "../../Organization.js"
import { type Check, define, pass } from "../define.js"

import { award, level } from "../labels.js"

export const A1 = define(
  {
    id: "A1",
    family: "authority",
    source: { tag: "V", reference: "Law 06/2022 Art. 80; union regulation" },
    details: Schema.Struct({ grantedById: Schema.String, level: Schema.String, awardKind: Schema.String }),
    example: { grantedById: "cdcs-trung-thanh", level: "grassroots", awardKind: "bang-khen-ldld" },
    reads: [],
    statement: {
      en: "An award is granted only by an organization whose level may grant that kind.",
      vi: "Chỉ cấp có thẩm quyền đối với hình thức khen thưởng đó mới được quyết định khen thưởng."
    },
    message: (d) => ({
      en: `${d.grantedById} (${d.level}) may not grant ${d.awardKind}.`,
      vi: `${d.grantedById} (${level(d.level).vi}) không có thẩm quyền khen ${award(d.awardKind).vi}.`
    })
  },
  (refuse) => ({
    /** The deciding organization's level may grant this kind. */
    grantingAuthority: (grantedById: OrganizationId, level: Organization.Level, kind: AwardKind.AwardKind): Check =>
      AwardKind.mayGrant(level, kind) ? pass : refuse({ grantedById, level, awardKind: kind })
  })
)
