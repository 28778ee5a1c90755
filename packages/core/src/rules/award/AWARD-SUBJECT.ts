/**
 * AWARD-SUBJECT: An award for individuals goes to a member, one for collectives to a unit, as the
 * award catalogue says whom each kind is for.
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import * as AwardKind from "../../AwardKind.js"
import { type Input, knownMember, type Outcome, unknown } from "../../eligibility/input.js"
import type * as Organization from "../../Organization.js"
import { type Check, define, pass } from "../define.js"
import { award } from "../labels.js"

/** The titles for women members ("Giỏi việc nước, đảm việc nhà", DOMAIN 2.3). @since 0.6.0 */
export const forWomen: ReadonlySet<AwardKind.AwardKind> = new Set(["gioi-viec-nuoc-dam-viec-nha"])

export const AWARD_SUBJECT = define(
  {
    id: "AWARD-SUBJECT",
    family: "award",
    source: {
      tag: "V",
      reference: "Law 06/2022 Art. 21–28 (titles for individuals and for collectives); award catalogue"
    },
    details: Schema.Struct({
      awardKind: Schema.String,
      subject: Schema.Literals(["Member", "Unit"]),
      for: Schema.Literals(["individual", "collective", "both", "female"])
    }),
    example: { awardKind: "lao-dong-tien-tien", subject: "Unit", for: "individual" },
    reads: [],
    statement: {
      en: "An award for individuals goes to a member, one for collectives to a unit, one for women members to a woman.",
      vi: "Danh hiệu, hình thức dành cho cá nhân chỉ trao cho cá nhân; dành cho tập thể chỉ trao cho tập thể; dành cho nữ đoàn viên chỉ trao cho nữ."
    },
    message: (d) =>
      d.for === "female"
        ? {
            en: `${award(d.awardKind).en} is for women members.`,
            vi: `${award(d.awardKind).vi} dành cho nữ đoàn viên.`
          }
        : d.for === "individual"
          ? {
              en: `${award(d.awardKind).en} is for individuals, not for a unit.`,
              vi: `${award(d.awardKind).vi} dành cho cá nhân, không xét cho tập thể.`
            }
          : {
              en: `${award(d.awardKind).en} is for collectives, not for a member.`,
              vi: `${award(d.awardKind).vi} dành cho tập thể, không xét cho cá nhân.`
            }
  },
  (refuse) => {
    const fits = (subject: Organization.Subject, kind: AwardKind.AwardKind): Check => {
      const entry = AwardKind.catalogue[kind]
      if (entry.subject === "both") return pass
      const ok = subject._tag === "Member" ? entry.subject === "individual" : entry.subject === "collective"
      return ok ? pass : refuse({ awardKind: kind, subject: subject._tag, for: entry.subject })
    }
    return {
      /** The kind is for the subject's sort: a member or a unit. */
      fits,
      /** The same, as the eligibility engine asks it, and a title for women asks the member's recorded gender. */
      eligible: (input: Input): Outcome => {
        const f = fits(input.subject, input.kind)
        if (Result.isFailure(f) || !forWomen.has(input.kind)) return f
        const gender = knownMember(input)?.gender
        if (gender === undefined)
          return unknown("The member's gender is not recorded.", "Hồ sơ đoàn viên chưa ghi giới tính.")
        return gender === "female" ? pass : refuse({ awardKind: input.kind, subject: "Member", for: "female" })
      }
    }
  }
)
