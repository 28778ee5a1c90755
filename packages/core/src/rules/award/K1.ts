/**
 * K1: An Advanced Labour Collective has more than the rulebook's share of its members Advanced
 * Workers of the year, and no member disciplined with a warning or heavier in it.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { isWithin } from "../../directory/state.js"
import { holds, type Input, membersOf, type Outcome, unitOn, unknown } from "../../eligibility/input.js"
import type { OrganizationId } from "../../Ids.js"
import * as LocalDate from "../../LocalDate.js"
import { define } from "../define.js"

const heavy: ReadonlySet<string> = new Set(["warning", "demotion", "dismissal"])

/** The facts K1 and K2 read of a unit's members in a year. @since 0.6.0 */
export const collective = (input: Input) => {
  const unitId = input.subject.organizationId
  const members = membersOf(input.record, unitId, input.year, input.directory)
  let advanced = 0
  let fighters = 0
  let rated = 0
  let completed = 0
  const warned: Array<string> = []
  for (const m of members) {
    if (holds(input, m, "lao-dong-tien-tien", input.year)) advanced++
    if (holds(input, m, "chien-si-thi-dua-co-so", input.year)) fighters++
    const r = m.ratings.get(input.year)
    if (r !== undefined) {
      rated++
      if (r !== "not-completed") completed++
    }
  }
  // A warning or heavier (a reprimand and an administrative sanction are lighter) dated in the year,
  // of anyone the unit managed that day: one dismissed and gone by the year's end still counts.
  for (const m of input.record.members.values())
    for (const d of m.discipline) {
      if (LocalDate.year(d.at) !== input.year || !heavy.has(d.level)) continue
      const unit = unitOn(m, d.at)
      const ofUnit =
        unit === unitId ||
        (unit !== undefined &&
          input.directory !== undefined &&
          isWithin(input.directory, unitId as OrganizationId, unit as OrganizationId, d.at))
      if (ofUnit && !warned.includes(m.memberId)) warned.push(m.memberId)
    }
  return { unitId, members: members.length, advanced, fighters, rated, completed, warned }
}

/** No member files: the shares cannot be judged. @since 0.6.0 */
export const noMembers = (unitId: string) =>
  unknown(
    `The record holds no members of ${unitId}, so the shares of its members cannot be counted.`,
    `Hồ sơ chưa có đoàn viên của ${unitId} nên chưa tính được tỷ lệ.`
  )

export const K1 = define(
  {
    id: "K1",
    family: "award",
    source: { tag: "V-old", reference: "Law 15/2003 Art. 28 (S14), retained in Law 06/2022" },
    details: Schema.Struct({
      unitId: Schema.String,
      year: Schema.Number,
      advanced: Schema.Number,
      members: Schema.Number,
      share: Schema.Number,
      warned: Schema.Array(Schema.String)
    }),
    example: { unitId: "cdcs-1", year: 2024, advanced: 3, members: 10, share: 0.5, warned: [] },
    reads: ["advancedCollectiveShare"],
    statement: {
      en: "An Advanced Labour Collective has more than the rulebook's share of its members Advanced Workers, and no member disciplined with a warning or heavier.",
      vi: "Tập thể lao động tiên tiến có trên tỷ lệ quy định cá nhân đạt Lao động tiên tiến và không có cá nhân bị kỷ luật từ cảnh cáo trở lên."
    },
    message: (d) => ({
      en: `${d.unitId} in ${d.year}: ${d.advanced} of ${d.members} members are Advanced Workers (more than ${d.share * 100}% needed)${d.warned.length > 0 ? `; disciplined with a warning or heavier: ${d.warned.join(", ")}` : ""}.`,
      vi: `${d.unitId} năm ${d.year}: ${d.advanced}/${d.members} đoàn viên đạt Lao động tiên tiến (cần trên ${d.share * 100}%)${d.warned.length > 0 ? `; bị kỷ luật từ cảnh cáo: ${d.warned.join(", ")}` : ""}.`
    })
  },
  (refuse) => ({
    /** More than the share Advanced Workers, and nobody warned or worse. */
    advancedShare: (input: Input): Outcome => {
      const c = collective(input)
      if (c.members === 0) return noMembers(c.unitId)
      const share = input.params.advancedCollectiveShare
      return c.advanced > share * c.members + 1e-9 && c.warned.length === 0
        ? Result.void
        : refuse({
            unitId: c.unitId,
            year: input.year,
            advanced: c.advanced,
            members: c.members,
            share,
            warned: c.warned
          })
    }
  })
)
