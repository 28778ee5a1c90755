/**
 * I2: Recognition is given by a competent level, and its scope matches the title it backs: unit
 * for grassroots, province for provincial, national for national fighters.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as AwardKind from "../../AwardKind.js"
import type { Initiative } from "../../CampaignState.js"
import type { RecognitionLevel } from "../../Event.js"
import type * as Organization from "../../Organization.js"
import type * as Rulebook from "../../Rulebook.js"
import { type Check, define, pass } from "../define.js"

import { award, level, scopeVi } from "../labels.js"

const scopeRank: Record<RecognitionLevel, number> = { unit: 0, province: 1, national: 2 }

/** Levels competent to recognise at each scope. @since 0.1.0 */
export const competentLevels: Record<RecognitionLevel, ReadonlyArray<Organization.Level>> = {
  unit: ["confederation", "federation", "upper", "grassroots"],
  province: ["confederation", "federation"],
  national: ["confederation"]
}

export const I2 = define(
  {
    id: "I2",
    family: "initiative",
    source: { tag: "V", reference: "Law 06/2022 Art. 21–23" },
    details: Schema.Struct({
      initiativeId: Schema.String,
      reason: Schema.Literals([
        "incompetent-recognizer",
        "scope-too-narrow",
        "not-recognized",
        "none-cited",
        "not-the-nominees"
      ]),
      level: Schema.String,
      required: Schema.String,
      /** For a nomination that cites none: the nomination and the award kind it is for. */
      nominationId: Schema.optionalKey(Schema.String),
      awardKind: Schema.optionalKey(Schema.String)
    }),
    example: { initiativeId: "sk-1", reason: "scope-too-narrow", level: "unit", required: "province" },
    reads: ["grassrootsFighterInitiative"],
    statement: {
      en: "Recognition is given by a competent level, and its scope matches the title it backs: unit for grassroots, province for provincial, national for national fighters.",
      vi: "Sáng kiến được cấp có thẩm quyền công nhận, và phạm vi công nhận phải tương ứng danh hiệu: cơ sở cho CSTĐ cơ sở, cấp tỉnh cho CSTĐ cấp tỉnh, toàn quốc cho CSTĐ toàn quốc."
    },
    message: (d) => {
      switch (d.reason) {
        case "incompetent-recognizer":
          return {
            en: `Initiative ${d.initiativeId}: the ${level(d.level).en} (${d.level}) cannot recognise at ${d.required} scope.`,
            vi: `Sáng kiến ${d.initiativeId}: ${level(d.level).vi} không có thẩm quyền công nhận ở phạm vi ${scopeVi[d.required] ?? d.required}.`
          }
        case "not-recognized":
          return {
            en: `Initiative ${d.initiativeId} is not recognised; ${d.required} scope is required.`,
            vi: `Sáng kiến ${d.initiativeId} chưa được công nhận; cần công nhận ở phạm vi ${scopeVi[d.required] ?? d.required}.`
          }
        case "not-the-nominees":
          return {
            en: `Initiative ${d.initiativeId} is not ${d.required}'s: a nomination cites the nominee's own initiatives.`,
            vi: `Sáng kiến ${d.initiativeId} không phải của ${d.required}: đề nghị chỉ được kèm sáng kiến của chính người, đơn vị được đề nghị.`
          }
        case "none-cited":
          return {
            en: `Nomination ${d.nominationId ?? ""} cites no recognised initiative; ${award(d.awardKind ?? "").en} needs one at ${d.required} scope under this regime.`,
            vi: `Đề nghị ${d.nominationId ?? ""} không kèm sáng kiến được công nhận; ${award(d.awardKind ?? "").vi} cần sáng kiến ở phạm vi ${scopeVi[d.required] ?? d.required} theo quy định hiện hành.`
          }
        case "scope-too-narrow":
          return {
            en: `Initiative ${d.initiativeId} is recognised at ${d.level} scope; ${d.required} scope is required.`,
            vi: `Sáng kiến ${d.initiativeId} được công nhận ở phạm vi ${scopeVi[d.level] ?? d.level}; cần phạm vi ${scopeVi[d.required] ?? d.required}.`
          }
      }
    }
  },
  (refuse) => ({
    /** The recogniser's level is competent for the scope it recognises at. */
    competentRecognizer: (i: Initiative, level: RecognitionLevel, recognizer: Organization.Level): Check =>
      competentLevels[level].includes(recognizer)
        ? pass
        : refuse({ initiativeId: i.id, reason: "incompetent-recognizer", level: recognizer, required: level }),
    /**
     * A nomination for a title that rests on an initiative cites one: always for the provincial
     * and national fighters (Law 06/2022 Art. 21–22), and for the grassroots fighter where the
     * regime requires it (R2003; under R2024 an initiative is one alternative among others).
     */
    initiativeCited: (
      nominationId: string,
      kind: AwardKind.AwardKind,
      cited: ReadonlyArray<Initiative>,
      params: Rulebook.Params
    ): Check => {
      const required = AwardKind.catalogue[kind].initiativeScope
      if (required === undefined || cited.length > 0) return pass
      if (kind === "chien-si-thi-dua-co-so" && params.grassrootsFighterInitiative === "alternative") return pass
      return refuse({ initiativeId: "", reason: "none-cited", level: "none", required, nominationId, awardKind: kind })
    },
    /** The initiatives a nomination cites are the nominee's own: its unit's, or the member's. */
    nomineesOwn: (subject: Organization.Subject, cited: ReadonlyArray<Initiative>): Check => {
      for (const i of cited) {
        const own = i.unitId === subject.organizationId && (subject._tag === "Unit" || i.memberId === subject.memberId)
        if (!own)
          return refuse({
            initiativeId: i.id,
            reason: "not-the-nominees",
            level: i.level ?? "none",
            required: subject._tag === "Unit" ? subject.organizationId : subject.memberId
          })
      }
      return pass
    },
    /** An initiative cited for an award is recognised, at the scope the award needs or wider. */
    scopeMatchesTitle: (kind: AwardKind.AwardKind, cited: ReadonlyArray<Initiative>): Check => {
      const required = AwardKind.catalogue[kind].initiativeScope
      if (required === undefined) return pass
      for (const i of cited) {
        if (i.status !== "Recognized" || i.level === undefined)
          return refuse({ initiativeId: i.id, reason: "not-recognized", level: "none", required })
        if (scopeRank[i.level] < scopeRank[required])
          return refuse({ initiativeId: i.id, reason: "scope-too-narrow", level: i.level, required })
      }
      return pass
    }
  })
)
