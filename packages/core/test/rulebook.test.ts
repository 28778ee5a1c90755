import { describe, expect, it } from "@effect/vitest"
import { Rule, Rulebook } from "../src/index.js"

describe("every rulebook parameter is read by a rule (a campaign guard or the eligibility engine) or by the workflow engine", () => {
  const params = Object.keys(Rulebook.standard.regimes[0]!.params).sort()
  const read = new Set(Rule.all.flatMap((r) => r.reads))
  const calendar = new Set<string>(Rulebook.workflow)

  it("the two lists cover the parameters exactly, and never both name one", () => {
    expect([...new Set([...read, ...calendar])].sort()).toEqual(params)
    for (const p of read) expect(calendar.has(p), p).toBe(false)
  })

  it("the rules that read parameters say so", () => {
    expect(Rule.byId.G1.reads).toEqual(["titlesRequireRegistration"])
    expect(Rule.byId.I2.reads).toEqual(["grassrootsFighterInitiative"])
    expect(Rule.byId.A4.reads).toEqual(["publicationDays"])
  })
})
