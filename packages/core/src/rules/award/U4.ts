/**
 * U4: The Confederation's thematic certificates of merit are at most the rulebook's number per
 * theme and year, and per city or provincial federation.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { chain, organization } from "../../directory/state.js"
import { counts, type Input, type Outcome, unitOn, unknown, yearEnd } from "../../eligibility/input.js"
import type { OrganizationId } from "../../Ids.js"
import type { Subject } from "../../record/state.js"
import { define } from "../define.js"

export const U4 = define(
  {
    id: "U4",
    family: "award",
    source: { tag: "V", reference: "QĐ 1689/QĐ-TLĐ 2019 Art. 15 (S35)" },
    details: Schema.Struct({
      scope: Schema.Literals(["theme", "federation"]),
      value: Schema.String,
      year: Schema.Number,
      count: Schema.Number,
      cap: Schema.Number
    }),
    example: { scope: "federation", value: "ldld-ha-noi", year: 2024, count: 5, cap: 4 },
    reads: ["thematicMeritPerTheme", "thematicMeritProposalsPerFederation"],
    statement: {
      en: "Thematic certificates of merit of the Confederation are at most the rulebook's number per theme and year, and per federation.",
      vi: "Bằng khen chuyên đề của Tổng LĐLĐ không vượt số lượng quy định cho mỗi chuyên đề mỗi năm và cho mỗi LĐLĐ tỉnh, thành phố."
    },
    message: (d) => ({
      en: `${d.year}: ${d.count} thematic certificates ${d.scope === "theme" ? `on the theme "${d.value}"` : `for ${d.value}`}; the cap is ${d.cap}.`,
      vi: `Năm ${d.year}: ${d.count} Bằng khen chuyên đề ${d.scope === "theme" ? `chuyên đề "${d.value}"` : `của ${d.value}`}; tối đa ${d.cap}.`
    })
  },
  (refuse) => ({
    /** Room under the theme's cap and the federation's cap; unknown without a theme or a directory. */
    thematicQuota: (input: Input): Outcome => {
      const { record, year, kind, params } = input
      const theme = input.campaignId === undefined ? undefined : record.themes.get(input.campaignId)
      const end = yearEnd(year)
      const unitOf = (s: Subject): string | undefined =>
        "organizationId" in s ? (s.organizationId as string) : unitOn(s as never, end)
      const federationOf = (unitId: string | undefined): string | undefined => {
        if (unitId === undefined || input.directory === undefined) return undefined
        return chain(input.directory, unitId as OrganizationId, end).find(
          (id) => organization(input.directory!, id)?.level === "federation"
        )
      }
      const federation = federationOf(unitOf(input.held) ?? input.subject.organizationId)
      let onTheme = 0
      let inFederation = 0
      const all = [...record.members.values(), ...record.units.values()] as ReadonlyArray<Subject>
      for (const s of all)
        for (const g of s.grants) {
          if (g.kind !== kind || g.year !== year || !counts(input, g)) continue
          if (theme !== undefined && record.themes.get(g.campaignId) === theme) onTheme++
          if (federation !== undefined && federationOf(unitOf(s)) === federation) inFederation++
        }
      if (theme !== undefined && onTheme + 1 > params.thematicMeritPerTheme)
        return refuse({ scope: "theme", value: theme, year, count: onTheme + 1, cap: params.thematicMeritPerTheme })
      if (federation !== undefined && inFederation + 1 > params.thematicMeritProposalsPerFederation)
        return refuse({
          scope: "federation",
          value: federation,
          year,
          count: inFederation + 1,
          cap: params.thematicMeritProposalsPerFederation
        })
      return theme === undefined || federation === undefined
        ? unknown(
            "The campaign's theme or the recipient's federation is not known, so a cap could not be counted.",
            "Chưa rõ chuyên đề của phong trào hoặc LĐLĐ của đối tượng nên chưa tính được hạn mức."
          )
        : Result.void
    }
  })
)
