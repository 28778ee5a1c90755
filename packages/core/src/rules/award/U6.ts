/**
 * U6: The union's own forms need no lower form first; the state's ladder holds only where the law
 * sets one: the Prime Minister's certificate goes to a holder of a provincial certificate with the
 * rulebook's consecutive years rated "good" or better, among them the rulebook's Grassroots
 * Emulation Fighter years.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { atLeast, holds, type Input, knownMember, type Outcome, standing, unknown } from "../../eligibility/input.js"
import { define } from "../define.js"
import { who } from "../labels.js"

export const U6 = define(
  {
    id: "U6",
    family: "award",
    source: { tag: "V", reference: "LĐLĐ Hà Nội QĐ 139/2020 Art. 4 (S31); Decree 98/2023 (S19)" },
    details: Schema.Struct({
      subject: Schema.String,
      year: Schema.Number,
      provincialCertificate: Schema.Boolean,
      goodYears: Schema.Number,
      fighterYears: Schema.Number
    }),
    example: { subject: "member:m-1", year: 2024, provincialCertificate: false, goodYears: 5, fighterYears: 3 },
    reads: ["primeMinisterMeritYears", "primeMinisterMeritFighterYears"],
    statement: {
      en: "The union's forms need no lower form first; the Prime Minister's certificate needs a provincial certificate, consecutive years rated well and Grassroots Emulation Fighter years.",
      vi: "Hình thức khen thưởng của Công đoàn không bắt buộc có hình thức thấp hơn; Bằng khen Thủ tướng cần đã có Bằng khen cấp tỉnh, các năm liên tục hoàn thành tốt nhiệm vụ và số năm đạt Chiến sĩ thi đua cơ sở."
    },
    message: (d) => ({
      en: `${who(d.subject)} for ${d.year}: provincial certificate ${d.provincialCertificate ? "held" : "missing"}, ${d.goodYears} consecutive years rated well, ${d.fighterYears} Grassroots Emulation Fighter years.`,
      vi: `${who(d.subject)} năm ${d.year}: Bằng khen cấp tỉnh ${d.provincialCertificate ? "đã có" : "chưa có"}, ${d.goodYears} năm liên tục hoàn thành tốt nhiệm vụ, ${d.fighterYears} năm đạt Chiến sĩ thi đua cơ sở.`
    })
  },
  (refuse) => ({
    /** The Prime Minister's certificate's ladder; every other form passes. */
    ladder: (input: Input): Outcome => {
      if (input.kind !== "bang-khen-thu-tuong" || input.subject._tag !== "Member") return Result.void
      const { held, year, params } = input
      const n = params.primeMinisterMeritYears
      const provincialCertificate = standing(input, held, "bang-khen-cap-tinh").some((g) => g.year <= year)
      let fighterYears = 0
      for (let y = year - n + 1; y <= year; y++) if (holds(input, held, "chien-si-thi-dua-co-so", y)) fighterYears++
      const m = knownMember(input)
      // Every one of the years rated "good" or better: one below fails, whatever else is unrated.
      let goodYears = 0
      let below = false
      let unrated = false
      for (let y = year - n + 1; y <= year; y++) {
        const r = m?.ratings.get(y)
        if (r === undefined) unrated = true
        else if (atLeast(r, "good")) goodYears++
        else below = true
      }
      const details = { subject: held.key, year, provincialCertificate, goodYears, fighterYears }
      if (!provincialCertificate || fighterYears < params.primeMinisterMeritFighterYears || below)
        return refuse(details)
      if (goodYears >= n) return Result.void
      return unrated
        ? unknown(
            `Ratings of the last ${n} years are not all recorded.`,
            `Chưa có đủ kết quả xếp loại ${n} năm gần nhất.`
          )
        : refuse(details)
    }
  })
)
