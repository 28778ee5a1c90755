/**
 * G4: A unit belongs to at most one cluster and one block per organizing level per year.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { type Check, define, pass } from "../define.js"

export const G4 = define(
  {
    id: "G4",
    family: "registration",
    source: { tag: "U", reference: "Cluster practice (S28, S29)" },
    details: Schema.Struct({ unitId: Schema.String, clusterId: Schema.String, other: Schema.String }),
    example: { unitId: "cdcs-trung-thanh", clusterId: "cum-thi-dua-4", other: "cum-thi-dua-3" },
    reads: [],
    statement: {
      en: "A unit belongs to at most one cluster and one block per organizing level per year.",
      vi: "Mỗi đơn vị chỉ thuộc một cụm và một khối thi đua của mỗi cấp tổ chức trong một năm."
    },
    message: (d) => ({
      en: `${d.unitId} already belongs to ${d.other} that year, so it cannot join ${d.clusterId}.`,
      vi: `${d.unitId} đã thuộc ${d.other} trong năm nên không thể tham gia ${d.clusterId}.`
    })
  },
  (refuse) => ({
    /** A unit is in no other cluster (or block) of the same organizer and year. */
    oneClusterPerYear: (unitId: string, clusterId: string, other: string | undefined): Check =>
      other === undefined ? pass : refuse({ unitId, clusterId, other })
  })
)
