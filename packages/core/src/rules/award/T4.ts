/**
 * T4: Grassroots Emulation Fighters in a unit are at most the rulebook's share of its Advanced
 * Workers.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { AwardKind } from "../../AwardKind.js"
import type { State } from "../../CampaignState.js"
import * as Dict from "../../Dict.js"
import { holds, type Input, type Outcome, unitOn, yearEnd } from "../../eligibility/input.js"
import type * as Organization from "../../Organization.js"
import type * as Rulebook from "../../Rulebook.js"
import { type Check, define, pass } from "../define.js"

export const T4 = define(
  {
    id: "T4",
    family: "award",
    source: { tag: "V-old", reference: "Decree 91/2017 Art. 9 (R2003); rulebook parameter" },
    details: Schema.Struct({ unitId: Schema.String, count: Schema.Number, cap: Schema.Number }),
    example: { unitId: "cdcs-trung-thanh", count: 3, cap: 2 },
    reads: ["grassrootsFighterQuota"],
    statement: {
      en: "Grassroots Emulation Fighters in a unit are at most the rulebook's share of its Advanced Workers.",
      vi: "Số Chiến sĩ thi đua cơ sở của đơn vị không vượt tỷ lệ quy định trên số Lao động tiên tiến."
    },
    message: (d) => ({
      en: `${d.unitId} would have ${d.count} Grassroots Emulation Fighter${d.count === 1 ? "" : "s"}; the cap is ${d.cap}.`,
      vi: `${d.unitId} sẽ có ${d.count} Chiến sĩ thi đua cơ sở, vượt mức tối đa ${d.cap}.`
    })
  },
  (refuse) => ({
    /** Grassroots Emulation Fighters of a unit stay within the rulebook's share of its Advanced Workers. */
    fighterQuota: (state: State, recipient: Organization.Subject, kind: AwardKind, params: Rulebook.Params): Check => {
      if (kind !== "chien-si-thi-dua-co-so" || params.grassrootsFighterQuota === null || recipient._tag !== "Member")
        return pass
      const counts = Dict.get(state.fighters, recipient.organizationId) ?? { advanced: 0, fighters: 0 }
      const cap = Math.floor(params.grassrootsFighterQuota * counts.advanced + 1e-9)
      return counts.fighters + 1 <= cap
        ? pass
        : refuse({ unitId: recipient.organizationId, count: counts.fighters + 1, cap })
    },
    /** The same share across every campaign of the year, as the commendation record counts the unit's members. */
    quotaInUnit: (input: Input): Outcome => {
      const q = input.params.grassrootsFighterQuota
      if (q === null || input.subject._tag !== "Member") return pass
      const unitId = input.unitId
      const end = yearEnd(input.year)
      let advanced = 0
      let fighters = 0
      for (const m of input.record.members.values()) {
        if (m === input.member || unitOn(m, end) !== unitId) continue
        if (holds(input, m, "lao-dong-tien-tien", input.year)) advanced++
        if (holds(input, m, "chien-si-thi-dua-co-so", input.year)) fighters++
      }
      // The subject's own Advanced Worker title counts towards the base the cap is a share of.
      if (input.member !== undefined && holds(input, input.member, "lao-dong-tien-tien", input.year)) advanced++
      const cap = Math.floor(q * advanced + 1e-9)
      return fighters + 1 <= cap ? pass : refuse({ unitId, count: fighters + 1, cap })
    }
  })
)
