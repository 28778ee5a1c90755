import { describe, expect, it } from "@effect/vitest"
import { Inline } from "@thidua/projections"
import { InMemoryStore } from "@thidua/store"
import { Seeds } from "@thidua/testing"
import { Effect, Layer } from "effect"
import { describe as describeReport, readModels, run } from "../src/run.js"

describe("seed campaigns demo", () => {
  for (const seed of Seeds.all)
    it.effect(`${seed.name} runs from its plan to its close with nothing refused`, () =>
      Effect.gen(function* () {
        const report = yield* run(seed)
        expect(report.refused).toEqual([])
        expect(report.status).toBe("Closed")
        expect(describeReport(report)[0]).toBe(seed.title)
        // The inline read models saw every event: the scoreboard ranks every enrolled unit.
        const enrolled = report.events.filter((e) => e._tag === "ParticipantEnrolled").length
        expect(report.top.length).toBe(Math.min(3, enrolled))
        expect(report.top.map((s) => s.rank)).toEqual(report.top.map((_, i) => i + 1))
        // The award roll saw every presentation.
        expect(report.awards.presented).toBe(report.events.filter((e) => e._tag === "AwardPresented").length)
      }).pipe(Effect.provide(Inline.layer(readModels).pipe(Layer.provideMerge(InMemoryStore.layer))))
    )
})
