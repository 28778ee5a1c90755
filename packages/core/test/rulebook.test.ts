import { describe, expect, it } from "@effect/vitest"
import { Rule, Rulebook } from "../src/index.js"

describe("every rulebook parameter is read by a rule, by the workflow engine, or named as awaiting the eligibility engine", () => {
  const params = Object.keys(Rulebook.standard.regimes[0]!.params).sort()
  const read = new Set(Rule.all.flatMap((r) => r.reads))
  const awaiting = new Set<string>(Rulebook.awaitingEligibility)
  const calendar = new Set<string>(Rulebook.workflow)

  it("the three lists cover the parameters exactly, and never two name one", () => {
    expect([...new Set([...read, ...awaiting, ...calendar])].sort()).toEqual(params)
    for (const p of read) expect(awaiting.has(p) || calendar.has(p), p).toBe(false)
    for (const p of calendar) expect(awaiting.has(p), p).toBe(false)
  })

  it("the rules that read parameters say so", () => {
    expect(Rule.byId.G1.reads).toEqual(["titlesRequireRegistration"])
    expect(Rule.byId.I2.reads).toEqual(["grassrootsFighterInitiative"])
    expect(Rule.byId.A4.reads).toEqual(["publicationDays"])
  })
})
