/**
 * K2: An Excellent Labour Collective has every member completing their tasks, at least the
 * rulebook's share Advanced Workers, at least one Grassroots Emulation Fighter, and no member
 * disciplined with a warning or heavier.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { type Input, type Outcome, unknown } from "../../eligibility/input.js"
import { define } from "../define.js"
import { collective, noMembers } from "./K1.js"

export const K2 = define(
  {
    id: "K2",
    family: "award",
    source: { tag: "V-old", reference: "Law 15/2003 Art. 27 (S15)" },
    details: Schema.Struct({
      unitId: Schema.String,
      year: Schema.Number,
      members: Schema.Number,
      completed: Schema.Number,
      advanced: Schema.Number,
      fighters: Schema.Number,
      share: Schema.Number,
      warned: Schema.Array(Schema.String)
    }),
    example: {
      unitId: "cdcs-1",
      year: 2024,
      members: 10,
      completed: 10,
      advanced: 6,
      fighters: 1,
      share: 0.7,
      warned: []
    },
    reads: ["excellentCollectiveShare"],
    statement: {
      en: "An Excellent Labour Collective has every member completing tasks, at least the rulebook's share Advanced Workers, a Grassroots Emulation Fighter, and no member disciplined with a warning or heavier.",
      vi: "Tập thể lao động xuất sắc có 100% cá nhân hoàn thành nhiệm vụ, từ tỷ lệ quy định cá nhân đạt Lao động tiên tiến, có Chiến sĩ thi đua cơ sở và không có cá nhân bị kỷ luật từ cảnh cáo trở lên."
    },
    message: (d) => ({
      en: `${d.unitId} in ${d.year}: ${d.completed}/${d.members} completed tasks, ${d.advanced}/${d.members} Advanced Workers (${d.share * 100}% needed), ${d.fighters} Grassroots Emulation Fighter(s)${d.warned.length > 0 ? `, disciplined: ${d.warned.join(", ")}` : ""}.`,
      vi: `${d.unitId} năm ${d.year}: ${d.completed}/${d.members} hoàn thành nhiệm vụ, ${d.advanced}/${d.members} Lao động tiên tiến (cần ${d.share * 100}%), ${d.fighters} Chiến sĩ thi đua cơ sở${d.warned.length > 0 ? `, bị kỷ luật: ${d.warned.join(", ")}` : ""}.`
    })
  },
  (refuse) => ({
    /** Every member completed tasks, the share, a fighter, nobody warned. Unrated members leave it unknown unless another part fails. */
    excellentShare: (input: Input): Outcome => {
      const c = collective(input)
      if (c.members === 0) return noMembers(c.unitId)
      const share = input.params.excellentCollectiveShare
      const fails =
        c.completed < c.rated || c.advanced < share * c.members - 1e-9 || c.fighters === 0 || c.warned.length > 0
      if (fails)
        return refuse({
          unitId: c.unitId,
          year: input.year,
          members: c.members,
          completed: c.completed,
          advanced: c.advanced,
          fighters: c.fighters,
          share,
          warned: c.warned
        })
      return c.rated < c.members
        ? unknown(
            `${c.members - c.rated} of ${c.members} members of ${c.unitId} have no rating for ${input.year}.`,
            `${c.members - c.rated}/${c.members} đoàn viên của ${c.unitId} chưa có kết quả xếp loại năm ${input.year}.`
          )
        : Result.void
    }
  })
)
