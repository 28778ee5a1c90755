/**
 * K4: An emulation flag goes to a unit of the grantor's clusters within the rulebook's number of
 * flags per cluster and year (in practice the unit the cluster ranked first).
 *
 * @since 0.6.0
 */
import { Result, Schema } from "effect"
import { holds, type Input, type Outcome, unitRecord } from "../../eligibility/input.js"
import { define } from "../define.js"

export const K4 = define(
  {
    id: "K4",
    family: "award",
    source: { tag: "P", reference: "Confederation 2022 (S34); Central guidance 1479/HD-BTĐKT (S28); quota: rulebook" },
    details: Schema.Struct({
      unitId: Schema.String,
      clusterId: Schema.String,
      year: Schema.Number,
      holders: Schema.Array(Schema.String),
      quota: Schema.Number
    }),
    example: { unitId: "cdcs-2", clusterId: "cum-1", year: 2024, holders: ["cdcs-1"], quota: 1 },
    reads: ["flagsPerCluster"],
    statement: {
      en: "An emulation flag goes to a unit within the rulebook's number of flags per cluster and year.",
      vi: "Cờ thi đua trao cho đơn vị trong cụm, khối thi đua không vượt số lượng quy định mỗi cụm, khối mỗi năm."
    },
    message: (d) => ({
      en: `Cluster ${d.clusterId} already has ${d.holders.length} flag(s) for ${d.year} (${d.holders.join(", ")}); the quota is ${d.quota}.`,
      vi: `Cụm ${d.clusterId} đã có ${d.holders.length} Cờ thi đua năm ${d.year} (${d.holders.join(", ")}); tối đa ${d.quota}.`
    })
  },
  (refuse) => ({
    /** Every cluster the unit belongs to in the year has room for one more flag of the kind. */
    flagQuota: (input: Input): Outcome => {
      const unitId = input.subject.organizationId
      for (const c of input.record.clusters.values()) {
        if (c.year !== input.year || !c.memberIds.includes(unitId)) continue
        const holders = c.memberIds.filter((id) => {
          const u = unitRecord(input.record, id)
          return id !== unitId && u !== undefined && holds(input, u, input.kind, input.year)
        })
        if (holders.length + 1 > input.params.flagsPerCluster)
          return refuse({
            unitId,
            clusterId: c.clusterId,
            year: input.year,
            holders,
            quota: input.params.flagsPerCluster
          })
      }
      return Result.void
    }
  })
)
