/**
 * G2: A subject has at most one active registration per campaign; it may register again only after
 * a rejection.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { State } from "../../CampaignState.js"
import type { SignPledge } from "../../Command.js"
import * as Dict from "../../Dict.js"
import * as Organization from "../../Organization.js"
import { type Check, define, pass } from "../define.js"

export const G2 = define(
  {
    id: "G2",
    family: "registration",
    source: { tag: "P", reference: "MISA registration statuses (S44)" },
    details: Schema.Struct({ subject: Schema.String, pledgeId: Schema.String, existing: Schema.String }),
    example: { subject: "unit:cdcs-trung-thanh", pledgeId: "dk-2", existing: "dk-1" },
    reads: [],
    statement: {
      en: "A subject has at most one active registration per campaign; it may register again only after a rejection.",
      vi: "Mỗi đối tượng chỉ có một bản đăng ký thi đua còn hiệu lực trong một phong trào; chỉ đăng ký lại khi bị từ chối."
    },
    message: (d) => ({
      en: `${d.subject} already has registration ${d.existing}; ${d.pledgeId} is refused.`,
      vi: `${d.subject} đã có bản đăng ký ${d.existing}; không nhận thêm ${d.pledgeId}.`
    })
  },
  (refuse) => ({
    /** At most one active registration per subject; a new one only after a rejection. */
    oneActiveRegistration: (state: State, command: typeof SignPledge.Type): Check => {
      if (command.kind !== "registration") return pass
      const key = Organization.subjectKey(Organization.registrationSubject(command))
      const existing = Dict.get(state.activeRegistrations, key)
      return existing === undefined || existing === command.supersedes
        ? pass
        : refuse({ subject: key, pledgeId: command.pledgeId, existing })
    }
  })
)
