import { describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Conformance, InMemoryStore } from "../src/index.js"

describe("InMemoryStore conformance", () => {
  for (const check of Conformance.checks) it.live(check.name, () => check.run.pipe(Effect.provide(InMemoryStore.layer)))
})

describe("InMemoryStore with foreign types", () => {
  const layer = InMemoryStore.layerWith({ foreignTypes: [Conformance.foreignType] })
  for (const check of Conformance.foreignChecks) it.live(check.name, () => check.run.pipe(Effect.provide(layer)))
})
