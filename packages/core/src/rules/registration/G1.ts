/**
 * G1: An emulation title goes only to a subject that registered for it or signed the covenant.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as AwardKind from "../../AwardKind.js"
import type { State } from "../../CampaignState.js"
import * as Dict from "../../Dict.js"
import type { Input, Outcome } from "../../eligibility/input.js"
import * as Organization from "../../Organization.js"
import type * as Rulebook from "../../Rulebook.js"
import { type Check, define, pass } from "../define.js"

import { award } from "../labels.js"

export const G1 = define(
  {
    id: "G1",
    family: "registration",
    source: { tag: "V-old", reference: "Training manual S8; union guidance S27" },
    details: Schema.Struct({ subject: Schema.String, awardKind: Schema.String }),
    example: { subject: "member:m-1", awardKind: "chien-si-thi-dua-co-so" },
    reads: ["titlesRequireRegistration"],
    statement: {
      en: "An emulation title goes only to a subject that registered for it or signed the covenant.",
      vi: "Không đăng ký thi đua thì không được xét danh hiệu thi đua."
    },
    message: (d) => ({
      en: `${d.subject} did not register for emulation, so it cannot receive the title ${award(d.awardKind).en}.`,
      vi: `${d.subject} không đăng ký thi đua nên không được xét danh hiệu ${award(d.awardKind).vi}.`
    })
  },
  (refuse) => ({
    /**
     * An emulation title goes only to a subject that registered (approved registration) or signed
     * a covenant; a member also counts as registered when their unit did. Forms and extraordinary
     * awards are exempt.
     */
    titleNeedsRegistration: (
      state: State,
      subject: Organization.Subject,
      kind: AwardKind.AwardKind,
      extraordinary: boolean,
      params: Rulebook.Params
    ): Check => {
      if (!params.titlesRequireRegistration || extraordinary || !AwardKind.isTitle(kind)) return pass
      const key = Organization.subjectKey(subject)
      const registered =
        Dict.has(state.registered, key) ||
        (subject._tag === "Member" && Dict.has(state.registered, `unit:${subject.organizationId}`))
      return registered ? pass : refuse({ subject: key, awardKind: kind })
    },
    /** Across campaigns: the subject (or a member's unit) registered for emulation in the year. */
    registeredForYear: (input: Input): Outcome => {
      if (!input.params.titlesRequireRegistration || !AwardKind.isTitle(input.kind)) return pass
      const unit = input.record.units.get(input.unitId)
      return input.held.registered.has(input.year) ||
        (input.subject._tag === "Member" && unit !== undefined && unit.registered.has(input.year))
        ? pass
        : refuse({ subject: input.held.key, awardKind: input.kind })
    }
  })
)
