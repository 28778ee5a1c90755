import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { LifecycleModel } from "../src/index.js"

describe("LifecycleModel", () => {
  it("the decider agrees with the model of the rules on every step of generated command sequences", () =>
    fc.assert(
      fc.property(LifecycleModel.commands(120), (cmds) => LifecycleModel.run(cmds)),
      { numRuns: 500 }
    ))

  it("the sequences reach every status and every rule the model knows, so agreement means something", () => {
    const log: Array<LifecycleModel.Agreed> = []
    for (const cmds of fc.sample(LifecycleModel.commands(120), { numRuns: 300, seed: 20240101 }))
      LifecycleModel.run(cmds, log)
    const statuses: ReadonlyArray<LifecycleModel.Status> = [
      "Initial",
      "Planned",
      "Launched",
      "Ended",
      "Reviewed",
      "Awarding",
      "Closed",
      "Cancelled"
    ]
    const outcomes: ReadonlyArray<LifecycleModel.Outcome> = [
      "accepted",
      "REF-MISSING",
      "REF-EXISTS",
      "C3",
      "C5",
      "C6",
      "C7",
      "C8",
      "LIFECYCLE",
      "G1",
      "G2",
      "I1",
      "A3",
      "T7",
      "U1",
      "V1"
    ]
    expect(statuses.filter((s) => !log.some((a) => a.to === s))).toEqual([])
    expect(outcomes.filter((o) => !log.some((a) => a.outcome === o))).toEqual([])
    // Commands where a loosened guard would hide: after the end, and after the final review.
    for (const [from, command] of [
      ["Ended", "schedule"],
      ["Ended", "interim review"],
      ["Ended", "close campaign"],
      ["Reviewed", "cancel"],
      ["Awarding", "cancel"]
    ] as const)
      expect(log.some((a) => a.from === from && a.command.startsWith(command))).toBe(true)
  })
})
