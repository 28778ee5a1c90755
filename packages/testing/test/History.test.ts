import { describe, expect, it } from "@effect/vitest"
import { Command, Directory } from "@thidua/core"
import { Result } from "effect"
import fc from "fast-check"
import { History } from "../src/index.js"

describe("History", () => {
  it("every generated command decodes with its schema, perturbed ones included", () =>
    fc.assert(
      fc.property(History.campaign({ noise: 0.3, maxSteps: 80 }), (h) => {
        for (const s of h.steps) {
          const r = Command.decode(JSON.parse(JSON.stringify(s.command)))
          if (Result.isFailure(r)) throw new Error(`${s.command._tag}: ${r.failure.message}`)
        }
      }),
      { numRuns: 100 }
    ))

  it("unperturbed histories reach every status and accept every kind of command", () => {
    const statuses = new Set<string>()
    const accepted = new Set<string>()
    for (const h of fc.sample(History.campaign({ maxSteps: 150 }), { numRuns: 400, seed: 1 })) {
      statuses.add(h.final.status)
      for (const s of h.steps) if (Result.isSuccess(s.result)) accepted.add(s.command._tag)
    }
    for (const status of ["Launched", "Ended", "Awarding", "Closed", "Cancelled"]) expect(statuses).toContain(status)
    // The campaign's commands: every command but the directory's.
    const all = Object.keys(Command.schemas).filter((t) => !(t in Directory.refusals))
    for (const tag of all) expect(accepted, tag).toContain(tag)
  })

  it("with noise, near misses meet the guards of the rules", () => {
    const codes = new Set<string>()
    for (const h of fc.sample(History.campaign({ noise: 0.3, maxSteps: 120 }), { numRuns: 400, seed: 2 }))
      for (const s of h.steps) if (Result.isFailure(s.result)) codes.add(s.result.failure.code)
    for (const code of [
      "C1",
      "C2",
      "C3",
      "C4",
      "C5",
      "C6",
      "C7",
      "G1",
      "G2",
      "G3",
      "G5",
      "I1",
      "I2",
      "A1",
      "A3",
      "A4",
      "U1",
      "T4",
      "T7",
      "V1",
      "AUTH-TENANT",
      "AUTH-ACTOR",
      "AUTH-SUBTREE",
      "AUTH-ROLE",
      "LIFECYCLE",
      "REF-MISSING",
      "REF-EXISTS"
    ])
      expect(codes, code).toContain(code)
  })
})
