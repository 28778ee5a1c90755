/**
 * C1: A campaign's form is regular or thematic, and its scope is the issuer's organization or a
 * cluster that the issuer organizes.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { PlanCampaign } from "../../Command.js"
import * as Directory from "../../Directory.js"
import { type Check, define, pass } from "../define.js"

export const C1 = define(
  {
    id: "C1",
    family: "campaign",
    source: { tag: "V", reference: "Law 06/2022 Art. 16" },
    details: Schema.Struct({ campaignId: Schema.String, reason: Schema.String, value: Schema.String }),
    example: { campaignId: "hoang-mai-2020", reason: "scope", value: "cum-thi-dua-3" },
    reads: [],
    statement: {
      en: "A campaign's form is regular or thematic, and its scope is the issuer's organization or a cluster that the issuer organizes.",
      vi: "Phong trào thi đua có hình thức thường xuyên hoặc theo chuyên đề; phạm vi là tổ chức phát động hoặc cụm, khối do tổ chức đó tổ chức."
    },
    message: (d) => ({
      en: `Campaign ${d.campaignId} has an invalid ${d.reason}: ${d.value}.`,
      vi: `Phong trào ${d.campaignId} có ${d.reason === "form" ? "hình thức" : "phạm vi"} không hợp lệ: ${d.value}.`
    })
  },
  (refuse) => ({
    /** The form is regular or thematic; a cluster scope is a cluster the issuer organizes. */
    formAndScope: (command: typeof PlanCampaign.Type, directory: Directory.State): Check => {
      if (command.form !== "regular" && command.form !== "thematic")
        return refuse({ campaignId: command.campaignId, reason: "form", value: String(command.form) })
      if (command.clusterId !== undefined) {
        const cluster = Directory.cluster(directory, command.clusterId)
        if (cluster === undefined || cluster.organizerId !== command.issuerId)
          return refuse({ campaignId: command.campaignId, reason: "scope", value: command.clusterId })
      }
      return pass
    }
  })
)
