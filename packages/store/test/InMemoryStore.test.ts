import { describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Conformance, InMemoryStore } from "../src/index.js"

describe("InMemoryStore conformance", () => {
  for (const check of Conformance.checks) it.live(check.name, () => check.run.pipe(Effect.provide(InMemoryStore.layer)))
})
