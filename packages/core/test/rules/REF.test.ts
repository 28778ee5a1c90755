import { describe, it } from "@effect/vitest"
import { Scenario } from "@thidua/testing"

describe("REF-MISSING and REF-EXISTS: commands refer to what exists; ids are never reused", () => {
  const s = Scenario.make(2020)

  it("REF-MISSING: a command for a campaign that was never planned", () => {
    s.given().when(s.launch()).thenFails("REF-MISSING")
  })

  it("REF-MISSING: opening a phase that was never scheduled", () => {
    s.given(s.plan(), s.launch()).when(s.open("dot-9", "2020-02-01")).thenFails("REF-MISSING")
  })

  it("REF-MISSING: recording an initiative of a unit that did not enroll", () => {
    s.given(s.plan(), s.launch())
      .when(s.record("sk-1", "cdcs-trung-thanh", 1_000_000))
      .thenFails("REF-MISSING")
  })

  it("REF-EXISTS: scheduling a phase id twice, enrolling a unit twice", () => {
    const given = s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2020-01-01", "2020-06-30"),
      s.enroll("cdcs-trung-thanh")
    )
    given.when(s.phase("dot-1", "2020-07-01", "2020-12-31")).thenFails("REF-EXISTS")
    given.when(s.enroll("cdcs-trung-thanh")).thenFails("REF-EXISTS")
  })
})
