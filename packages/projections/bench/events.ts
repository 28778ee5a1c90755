/**
 * The synthetic campaign the projection benchmarks fold: per stream, one PhaseOpened in ten events,
 * the rest ScoreAssessed, and the projection that sums them.
 */
import { Projection } from "@thidua/projections"

/** The events of stream `s`, `perStream` of them, as events to append. */
export const streamEvents = (s: number, perStream: number) =>
  Array.from({ length: perStream }, (_, i) =>
    i % 10 === 0
      ? { eventId: `${s}-${i}`, type: "PhaseOpened", data: { phaseId: `dot-${i}`, at: "2020-01-02" }, schemaVersion: 1 }
      : {
          eventId: `${s}-${i}`,
          type: "ScoreAssessed",
          data: {
            unitId: `cdcs-${i % 7}`,
            contentId: "nd-1",
            points: i % 13,
            kind: "self",
            assessorId: `cdcs-${i % 7}`,
            at: "2020-06-01"
          },
          schemaVersion: 1
        }
  )

/** Points and opened phases per campaign. */
export const points = (name: string) =>
  Projection.make({
    name,
    version: 1,
    init: () => ({ points: 0, opened: 0 }),
    partition: Projection.byCampaign,
    handlers: {
      ScoreAssessed: (s, e) => {
        s.points += e.points
        return s
      },
      PhaseOpened: (s) => {
        s.opened++
        return s
      }
    }
  })
