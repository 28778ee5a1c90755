import { describe, expect, it } from "@effect/vitest"
import { Seeds } from "@thidua/testing"
import { describe as describeReport, run } from "../src/run.js"

describe("seed campaigns demo", () => {
  for (const seed of Seeds.all)
    it(`${seed.name} runs from its plan to its close with nothing refused`, () => {
      const report = run(seed)
      expect(report.refused).toEqual([])
      expect(report.status).toBe("Closed")
      expect(describeReport(report)[0]).toBe(seed.title)
    })
})
