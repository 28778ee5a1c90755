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

/**
 * A scoring stream, as events to append: forty units enrolled, then scores (half of them naming
 * a phase) with an initiative in ten events.
 */
export const scoringEvents = (s: number, perStream: number) =>
  Array.from({ length: perStream }, (_, i) => {
    const unitId = `cdcs-${s}-${i % 40}`
    const eventId = `${s}-${i}`
    if (i < 40)
      return {
        eventId,
        type: "ParticipantEnrolled",
        data: { unitId, sector: "enterprise", at: "2024-01-05" },
        schemaVersion: 1
      }
    if (i % 10 === 5)
      return {
        eventId,
        type: "InitiativeRecorded",
        data: {
          initiativeId: `sk-${i}`,
          unitId,
          phaseId: "dot-1",
          kind: "initiative",
          title: "Cải tiến quy trình",
          benefitVnd: i * 1_000_000,
          at: "2024-03-01"
        },
        schemaVersion: 1
      }
    return {
      eventId,
      type: "ScoreAssessed",
      data: {
        unitId,
        ...(i % 2 === 0 ? { phaseId: "dot-1" } : {}),
        contentId: "nd-1",
        points: i % 13,
        kind: i % 3 === 0 ? "cross" : "self",
        assessorId: unitId,
        at: "2024-06-01"
      },
      schemaVersion: 1
    }
  })
