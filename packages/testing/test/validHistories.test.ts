import { describe, expect, it } from "@effect/vitest"
import { Command } from "@thidua/core"
import { Result } from "effect"
import fc from "fast-check"
import { History } from "../src/index.js"

const refusals = (h: History.History) =>
  h.steps.flatMap((s, i) =>
    Result.isFailure(s.result)
      ? [`step ${i} ${s.command._tag}: ${s.result.failure.code} ${s.result.failure.message}`]
      : []
  )

describe("History.campaign({ valid: true })", () => {
  // The acceptance of the testing kit: 100,000 generated histories, not one command refused.
  // Run on the sources, about a minute on two cores; it shrinks to the first step where the
  // generator's reading of the rules and the decider part.
  it("core accepts every command of 100,000 generated histories", { timeout: 600_000 }, () =>
    fc.assert(
      fc.property(History.campaign({ valid: true }), (h) => {
        expect(refusals(h)).toEqual([])
      }),
      { numRuns: 100_000, seed: 20261123 }
    )
  )

  it("still reaches every status and every kind of command", () => {
    const statuses = new Set<string>()
    const accepted = new Set<string>()
    for (const h of fc.sample(History.campaign({ valid: true, maxSteps: 150 }), { numRuns: 500, seed: 3 })) {
      statuses.add(h.final.status)
      for (const s of h.steps) accepted.add(s.command._tag)
    }
    for (const status of ["Launched", "Ended", "Reviewed", "Awarding", "Closed", "Cancelled"])
      expect(statuses).toContain(status)
    const directory = ["RegisterOrganization", "MoveOrganization", "RestructureOrganization", "FormCluster"]
    for (const tag of Object.keys(Command.schemas).filter((t) => !directory.includes(t)))
      expect(accepted, tag).toContain(tag)
  })

  it("ignores noise: nothing is perturbed", () =>
    fc.assert(
      fc.property(History.campaign({ valid: true, noise: 1 }), (h) => {
        expect(h.steps.every((s) => !s.perturbed)).toBe(true)
        expect(refusals(h)).toEqual([])
      }),
      { numRuns: 300 }
    ))
})
