import { describe, expect, it } from "@effect/vitest"
import { Campaign, type Event } from "@thidua/core"
import { Projection } from "@thidua/projections"
import { InMemoryStore } from "@thidua/store"
import { Effect } from "effect"
import { Scenario, Spec, StoreConformance } from "../src/index.js"

describe("Spec", () => {
  const s = Scenario.make(2020)
  const spec = Spec.decider(Campaign.decider(s.context))
  const history = s.given(s.plan(), s.launch()).events as ReadonlyArray<Event.CampaignEvent>

  it("thenFails: the rule that refuses", () =>
    spec.given(history).when(s.open("dot-1", "2020-02-01")).thenFails("REF-MISSING"))

  it("thenEmits: events from a history of events, not commands", () =>
    spec
      .given([
        ...history,
        {
          _tag: "PhaseScheduled",
          phaseId: "dot-1" as never,
          name: "Đợt 1",
          kind: "regular",
          start: "2020-01-01" as never,
          end: "2020-06-30" as never
        }
      ])
      .when(s.open("dot-1", "2020-02-01"))
      .thenEmits([{ _tag: "PhaseOpened", phaseId: "dot-1" as never, at: "2020-02-01" as never }]))

  it("fails loudly when the expectation is wrong", () => {
    expect(() => spec.given(history).when(s.launch()).thenEmits([])).toThrow(/refused/)
    expect(() =>
      spec
        .given(history)
        .when(s.phase("dot-1", "2020-01-01", "2020-06-30"))
        .thenFails("C5")
    ).toThrow(/accepted/)
  })
})

describe("Spec.projection", () => {
  const opened = Projection.make({
    name: "opened",
    version: 1,
    init: () => ({ n: 0 }),
    partition: Projection.byCampaign,
    handlers: {
      PhaseOpened: (s) => {
        s.n++
        return s
      }
    }
  })

  it("folds events into partitions and compares them", () => {
    const e = { _tag: "PhaseOpened", phaseId: "dot-1", at: "2020-01-02" } as Event.CampaignEvent
    Spec.projection(opened)
      .given([e, e])
      .thenStates(new Map([["tenant-1/campaign:campaign-1", { n: 2 }]]))
    expect(() =>
      Spec.projection(opened)
        .given([e])
        .thenStates(new Map([["tenant-1/campaign:campaign-1", { n: 2 }]]))
    ).toThrow()
  })
})

describe("StoreConformance", () => {
  for (const check of StoreConformance.checks)
    it.live(`in-memory store: ${check.name}`, () => check.run.pipe(Effect.provide(InMemoryStore.layer)))
})
