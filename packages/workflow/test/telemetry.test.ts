import { describe, expect, it } from "@effect/vitest"
import { ReadModelStore } from "@thidua/projections"
import { InMemoryStore, Telemetry } from "@thidua/store"
import { Effect, Layer, Tracer } from "effect"
import { CampaignCalendar, Runner } from "../src/index.js"
import { launched } from "./support.js"

// Every span the runner's code creates, recorded by a tracer of the test's own.
const recording = () => {
  const spans: Array<Tracer.NativeSpan> = []
  const tracer = Tracer.make({
    span: (options) => {
      const span = new Tracer.NativeSpan(options)
      spans.push(span)
      return span
    }
  })
  return { spans, tracer }
}

describe("a workflow step is a span", () => {
  it.effect(
    "the calendar firing its first timer and sending OpenPhase: timer and send steps, the command inside the send",
    () => {
      const { spans, tracer } = recording()
      return Effect.gen(function* () {
        yield* launched
        const runner = yield* Runner.make({ managers: [CampaignCalendar.make()] })
        const report = yield* runner.tick
        expect(report.commandsSent).toBe(1)
        const steps = spans.filter((s) => s.name === "thidua.workflow.step")
        const timer = steps.find((s) => s.attributes.get("thidua.workflow.step_kind") === "timer")
        expect(timer?.attributes.get("thidua.workflow.manager")).toBe("calendar")
        expect(timer?.attributes.get("thidua.tenant_id")).toBe("seed-hoang-mai-2020")
        expect(timer?.attributes.get("thidua.timer_id")).toBe("open:hoang-mai-2020:dot-1")
        expect(timer?.attributes.get("thidua.workflow.taken")).toBe("taken")
        expect(timer?.attributes.get("thidua.workflow.commands_issued")).toBe(1)
        const send = steps.find((s) => s.attributes.get("thidua.workflow.step_kind") === "send")
        expect(send?.attributes.get("thidua.command.type")).toBe("OpenPhase")
        expect(send?.status._tag).toBe("Ended")
        // The command the step sent is a child of the step.
        const command = spans.find(
          (s) => s.name === "thidua.command" && s.attributes.get("thidua.command.type") === "OpenPhase"
        )
        expect(command?.parent._tag === "Some" && command.parent.value.spanId).toBe(send?.spanId)
        expect(command?.attributes.get("thidua.command.outcome")).toBe("accepted")
      }).pipe(
        Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)),
        Effect.provide(Telemetry.enable),
        Effect.withTracer(tracer)
      )
    }
  )

  it.effect("with telemetry off the same tick creates no span of ours", () => {
    const { spans, tracer } = recording()
    return Effect.gen(function* () {
      yield* launched
      const runner = yield* Runner.make({ managers: [CampaignCalendar.make()] })
      expect((yield* runner.tick).commandsSent).toBe(1)
      expect(spans.filter((s) => s.name.startsWith("thidua."))).toEqual([])
    }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)), Effect.withTracer(tracer))
  })
})
