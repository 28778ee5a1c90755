/**
 * G5: A covenant's period lies within the campaign period, and a signed covenant is never edited:
 * a change is a new covenant that supersedes it.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as CampaignState from "../../CampaignState.js"
import type { SignPledge } from "../../Command.js"
import * as Lifecycle from "../../Lifecycle.js"
import * as LocalDate from "../../LocalDate.js"
import * as Organization from "../../Organization.js"
import { type Check, define, pass } from "../define.js"
import { REF_MISSING } from "../engineering/REF-MISSING.js"

export const G5 = define(
  {
    id: "G5",
    family: "registration",
    source: { tag: "U", reference: "Cluster practice (S28, S29)" },
    details: Schema.Struct({
      pledgeId: Schema.String,
      reason: Schema.Literals(["already-signed", "outside-period", "cannot-supersede"]),
      other: Schema.String
    }),
    example: { pledgeId: "gu-2", reason: "outside-period", other: "2020-01-01 – 2020-12-31" },
    reads: [],
    statement: {
      en: "A covenant's period lies within the campaign period, and a signed covenant is never edited: a change is a new covenant that supersedes it.",
      vi: "Thời gian giao ước nằm trong thời gian phong trào; giao ước đã ký không sửa, thay đổi thì ký giao ước mới thay thế."
    },
    message: (d) => {
      switch (d.reason) {
        case "already-signed":
          return {
            en: `Pledge ${d.pledgeId} is already signed; a change is a new pledge that supersedes it.`,
            vi: `Giao ước, đăng ký ${d.pledgeId} đã ký; muốn thay đổi thì ký bản mới thay thế.`
          }
        case "outside-period":
          return {
            en: `Pledge ${d.pledgeId} runs outside the campaign period ${d.other}.`,
            vi: `Thời gian của giao ước, đăng ký ${d.pledgeId} nằm ngoài thời gian phong trào ${d.other}.`
          }
        case "cannot-supersede":
          return {
            en: `Pledge ${d.pledgeId} cannot supersede ${d.other}: it is of another kind or subject, or no longer stands.`,
            vi: `Giao ước, đăng ký ${d.pledgeId} không thể thay thế ${d.other}: khác loại, khác đối tượng hoặc không còn hiệu lực.`
          }
      }
    }
  },
  (refuse) => ({
    /**
     * A pledge's period lies within the campaign's, a signed pledge is never signed again under
     * the same id, and a superseding pledge replaces one of its own kind that still stands.
     */
    covenantFixedOnceSigned: (
      state: CampaignState.State,
      plan: CampaignState.Plan,
      command: typeof SignPledge.Type,
      period: LocalDate.Period
    ): Check => {
      if (CampaignState.pledge(state, command.pledgeId) !== undefined)
        return refuse({ pledgeId: command.pledgeId, reason: "already-signed", other: "" })
      if (!LocalDate.contains(plan.period, period))
        return refuse({
          pledgeId: command.pledgeId,
          reason: "outside-period",
          other: `${plan.period.start} – ${plan.period.end}`
        })
      if (command.supersedes !== undefined) {
        const old = CampaignState.pledge(state, command.supersedes)
        if (old === undefined) return REF_MISSING.refuse({ kind: "pledge", id: command.supersedes })
        // The same kind, still standing (the pledge machine lets it be superseded), and the same
        // pledge: a registration of the same subject, a covenant with a signer in common.
        const same =
          command.kind === "registration"
            ? old.subject !== undefined &&
              Organization.subjectKey(old.subject) ===
                Organization.subjectKey(Organization.registrationSubject(command))
            : old.signerIds.some((u) => command.signerIds.includes(u))
        if (old.kind !== command.kind || Lifecycle.pledge.next(old.status, "Supersede") === undefined || !same)
          return refuse({ pledgeId: command.pledgeId, reason: "cannot-supersede", other: old.id })
      }
      return pass
    }
  })
)
