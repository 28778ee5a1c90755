import { describe, expect, it } from "@effect/vitest"
import { Command, Directory, Rulebook } from "@thidua/core"
import { Result } from "effect"
import fc from "fast-check"
import { runs } from "../../../scripts/properties.js"
import { History } from "../src/index.js"

const refusals = (h: History.History) =>
  h.steps.flatMap((s, i) =>
    Result.isFailure(s.result)
      ? [`step ${i} ${s.command._tag}: ${s.result.failure.code} ${s.result.failure.message}`]
      : []
  )

describe("History.campaign({ valid: true })", () => {
  // The acceptance of the testing kit: 100,000 generated histories (THIDUA_LONG_PROPERTIES=1),
  // not one command refused; 5,000 by default. The long run takes about a minute on two cores; it
  // shrinks to the first step where the generator's reading of the rules and the decider part.
  const histories = runs(5_000, 100_000)
  it(`core accepts every command of ${histories.toLocaleString("en")} generated histories`, { timeout: 600_000 }, () =>
    fc.assert(
      fc.property(History.campaign({ valid: true }), (h) => {
        expect(refusals(h)).toEqual([])
      }),
      // A failure's shrinking replays long histories thousands of times: bounded, it reports the
      // smallest counterexample found in time instead of holding the suite for many minutes.
      { numRuns: histories, seed: 20261123, interruptAfterTimeLimit: 300_000, markInterruptAsFailure: true }
    )
  )

  it("still reaches every status and every kind of command", () => {
    const statuses = new Set<string>()
    const accepted = new Set<string>()
    for (const h of fc.sample(History.campaign({ valid: true, maxSteps: 150 }), { numRuns: 500, seed: 3 })) {
      expect(refusals(h)).toEqual([])
      statuses.add(h.final.status)
      for (const s of h.steps) accepted.add(s.command._tag)
    }
    for (const status of ["Launched", "Ended", "Reviewed", "Awarding", "Closed", "Cancelled"])
      expect(statuses).toContain(status)
    // The campaign's commands: every command but the directory's.
    for (const tag of Object.keys(Command.schemas).filter((t) => !(t in Directory.refusals)))
      expect(accepted, tag).toContain(tag)
  })

  // Long histories reach the top of the hierarchy and the end of the lifecycle; rulebooks with
  // other numbers move the lines the generator must keep to.
  const variants: ReadonlyArray<readonly [string, Partial<Rulebook.Params>]> = [
    ["the standard rulebook", {}],
    ["peak phases may not overlap", { peakPhasesMayOverlap: false }],
    ["fighters capped at half the advanced workers", { grassrootsFighterQuota: 0.5 }],
    ["titles without registration", { titlesRequireRegistration: false }],
    ["councils that must all but agree", { defaultCouncilApproval: 0.95 }]
  ]
  for (const [name, override] of variants)
    it(`core accepts every command of 300-step histories under ${name}`, () => {
      const rulebook = Rulebook.withOverride(Rulebook.standard, "ldld-hn", override)
      fc.assert(
        fc.property(History.campaign({ valid: true, maxSteps: 300, rulebook }), (h) => {
          expect(refusals(h)).toEqual([])
        }),
        { numRuns: runs(200, 2_000), seed: 7, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: true }
      )
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
