import { describe, it } from "@effect/vitest"
import fc from "fast-check"
import { LifecycleModel } from "../src/index.js"

describe("LifecycleModel", () => {
  it("the decider agrees with the model of the rules on every step of generated command sequences", () =>
    fc.assert(
      fc.property(LifecycleModel.commands(80), (cmds) => LifecycleModel.run(cmds)),
      { numRuns: 300 }
    ))
})
