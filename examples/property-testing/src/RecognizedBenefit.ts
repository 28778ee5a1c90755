/**
 * A host app's own read model: the benefit (giá trị làm lợi, VND) of each unit's recognized
 * initiatives, per campaign — what a federation's portal shows beside its scoreboard. Written with
 * the same API as the library's built-in read models, and run by the same runners.
 */
import { Projection } from "@thidua/projections"

export interface State {
  /** Every recorded initiative: whose it is and what it claims. */
  readonly initiatives: Map<string, { readonly unitId: string; readonly benefitVnd: number }>
  /** Unit id to the benefit of its recognized initiatives. */
  readonly byUnit: Map<string, number>
}

export const projection = Projection.make<State>({
  name: "recognized-benefit",
  version: 1,
  init: () => ({ initiatives: new Map(), byUnit: new Map() }),
  // Initiative ids are unique within a campaign, so each campaign stream keeps its own state.
  partition: Projection.byCampaign,
  handlers: {
    InitiativeRecorded: (s, e) => {
      s.initiatives.set(e.initiativeId, { unitId: e.unitId, benefitVnd: e.benefitVnd })
      return s
    },
    InitiativeRecognized: (s, e) => {
      const i = s.initiatives.get(e.initiativeId)
      if (i !== undefined) s.byUnit.set(i.unitId, (s.byUnit.get(i.unitId) ?? 0) + i.benefitVnd)
      return s
    }
  }
})

/** Units by the benefit of their recognized initiatives, largest first; ties by unit id. */
export const leaders = (s: State, n: number): ReadonlyArray<readonly [string, number]> =>
  [...s.byUnit].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n)
