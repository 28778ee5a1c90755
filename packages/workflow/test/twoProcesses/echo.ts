/**
 * A test-only process manager on real time: each initiative recorded sets a timer `delay` ms after
 * the event was recorded, and when it fires the manager applies the initiative (`ApplyInitiative`,
 * as the unit's officer). One instance per campaign, so every input meets in one stream.
 */
import type { Event } from "@thidua/core"
import * as Calendar from "../../src/Calendar.js"
import * as ProcessManager from "../../src/ProcessManager.js"

/** The unit of the Hoàng Mai 2020 seed whose officer records and applies the initiatives. */
export const unitId = "cdcs-trung-thanh"
/** The date the initiatives are recorded and applied on (the campaign's own calendar). */
export const day = "2020-04-15"
const prefix = "campaign:"

interface State {
  readonly campaignId: string
}

export const make = (delay: number): ProcessManager.ProcessManager<State> =>
  ProcessManager.make<State>({
    name: "echo",
    version: 1,
    inputs: ["InitiativeRecorded"],
    route: (input) => (input.streamId.startsWith(prefix) ? input.streamId.slice(prefix.length) : undefined),
    initialState: { campaignId: "" },
    decide: (state, input) => {
      if (input._tag === "Event") {
        const e = input.event as Event.CampaignEvent & { readonly initiativeId: string }
        return {
          timers: [
            {
              _tag: "Schedule",
              timerId: `apply:${e.initiativeId}`,
              dueAt: Calendar.instant(Date.parse(input.at) + delay),
              reason: "áp dụng sáng kiến / apply the initiative"
            }
          ]
        }
      }
      return {
        commands: [
          {
            _tag: "ApplyInitiative",
            tenantId: input.tenantId,
            campaignId: state.campaignId,
            actor: { organizationId: unitId, role: "officer" },
            at: day,
            initiativeId: input.timerId.slice("apply:".length)
          } as ProcessManager.Issue
        ]
      }
    },
    evolve: (state, step) => (step._tag === "Event" ? { campaignId: step.streamId.slice(prefix.length) } : state)
  })
