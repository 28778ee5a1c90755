import { describe, expect, it } from "@effect/vitest"
import { InMemoryStore } from "@thidua/store"
import { Seeds } from "@thidua/testing"
import { Effect } from "effect"
import { describe as describeReport, run } from "../src/run.js"

describe("seed campaigns demo", () => {
  for (const seed of Seeds.all)
    it.effect(`${seed.name} runs from its plan to its close with nothing refused`, () =>
      Effect.gen(function* () {
        const report = yield* run(seed)
        expect(report.refused).toEqual([])
        expect(report.status).toBe("Closed")
        expect(describeReport(report)[0]).toBe(seed.title)
      }).pipe(Effect.provide(InMemoryStore.layer))
    )
})
