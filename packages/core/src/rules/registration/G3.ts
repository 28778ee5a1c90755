/**
 * G3: A unit signs at most one covenant per cluster per year, and every signatory belongs to that
 * cluster that year.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as CampaignState from "../../CampaignState.js"
import type { SignPledge } from "../../Command.js"
import * as Dict from "../../Dict.js"
import * as Directory from "../../Directory.js"
import type { OrganizationId } from "../../Ids.js"
import * as LocalDate from "../../LocalDate.js"
import { type Check, define, pass } from "../define.js"
import { REF_MISSING } from "../engineering/REF-MISSING.js"

export const G3 = define(
  {
    id: "G3",
    family: "registration",
    source: { tag: "U", reference: "Cluster practice (S28, S29)" },
    details: Schema.Struct({
      clusterId: Schema.String,
      unitId: Schema.String,
      reason: Schema.String,
      other: Schema.String
    }),
    example: { clusterId: "cum-thi-dua-3", unitId: "cdcs-trung-thanh", reason: "already-signed", other: "gu-1" },
    reads: [],
    statement: {
      en: "A unit signs at most one covenant per cluster per year, and every signatory belongs to that cluster that year.",
      vi: "Mỗi đơn vị chỉ ký một giao ước với mỗi cụm, khối mỗi năm, và mọi bên ký đều là thành viên cụm, khối năm đó."
    },
    message: (d) => ({
      en:
        d.reason === "not-member"
          ? `${d.unitId} is not a member of cluster ${d.clusterId} that year.`
          : `${d.unitId} already signed covenant ${d.other} in cluster ${d.clusterId} this year.`,
      vi:
        d.reason === "not-member"
          ? `${d.unitId} không phải thành viên cụm, khối ${d.clusterId} trong năm.`
          : `${d.unitId} đã ký giao ước ${d.other} trong cụm, khối ${d.clusterId} năm nay.`
    })
  },
  (refuse) => ({
    /** A unit enrolled with a cluster is a member of it. */
    enrolledInOwnCluster: (cluster: Directory.Cluster, unitId: OrganizationId): Check =>
      Directory.isClusterMember(cluster, unitId)
        ? pass
        : refuse({ clusterId: cluster.clusterId, unitId, reason: "not-member", other: String(cluster.year) }),
    /**
     * A cluster covenant's signatories all belong to the cluster in the covenant's year, and each
     * signs at most one covenant per cluster (a superseding covenant replaces the one it names).
     */
    oneCovenantPerCluster: (
      state: CampaignState.State,
      directory: Directory.State,
      command: typeof SignPledge.Type,
      period: LocalDate.Period
    ): Check => {
      if (command.clusterId === undefined) return pass
      const cluster = Directory.cluster(directory, command.clusterId)
      if (cluster === undefined) return REF_MISSING.refuse({ kind: "cluster", id: command.clusterId })
      for (const unitId of command.signerIds) {
        if (!Directory.isClusterMember(cluster, unitId) || cluster.year !== LocalDate.year(period.start))
          return refuse({ clusterId: cluster.clusterId, unitId, reason: "not-member", other: String(cluster.year) })
        const other = Dict.get(state.covenants, `${cluster.clusterId}|${unitId}`)
        if (
          other !== undefined &&
          other !== command.supersedes &&
          CampaignState.pledge(state, other)?.status === "Signed"
        )
          return refuse({ clusterId: cluster.clusterId, unitId, reason: "already-signed", other })
      }
      return pass
    }
  })
)
