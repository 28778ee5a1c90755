/** The projection the crash test kills and restarts: points and phases per campaign. */
import { Projection } from "../../src/index.js"

export const points = (name: string) =>
  Projection.make({
    name,
    version: 1,
    init: () => ({ points: 0, opened: 0, events: 0 }),
    partition: Projection.byCampaign,
    handlers: {
      ScoreAssessed: (s, e) => {
        s.points += e.points
        s.events++
        return s
      },
      PhaseOpened: (s) => {
        s.opened++
        s.events++
        return s
      }
    }
  })
