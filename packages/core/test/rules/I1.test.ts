import { describe, expect, it } from "@effect/vitest"
import { Campaign } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("I1 a benefit is a non-negative VND amount; recognition comes after application", () => {
  it("every benefit is a safe non-negative integer and every recognised initiative was applied first", () =>
    forAllHistories((h) => {
      for (const { event } of eventsOf(h, "InitiativeRecorded")) {
        expect(Number.isSafeInteger(event.benefitVnd)).toBe(true)
        expect(event.benefitVnd).toBeGreaterThanOrEqual(0)
      }
      for (const { step, event } of eventsOf(h, "InitiativeRecognized"))
        expect(Campaign.initiative(step.before, event.initiativeId)?.status).toBe("Applied")
    }))

  it("generated histories meet the rule", () => expect(refusals("I1")).toBeGreaterThan(0))

  const s = Scenario.make(2020)
  const launched = [s.plan(), s.launch(), s.enroll("cdcs-trung-thanh")] as const

  it("refuses recognising an initiative that has not been applied", () => {
    s.given(...launched, s.record("sk-1", "cdcs-trung-thanh", 90_000_000))
      .when(s.recognize("sk-1", "unit"))
      .thenFails("I1")
  })

  it("refuses a negative or fractional benefit from a caller that skipped decoding", () => {
    s.given(...launched)
      .when(s.record("sk-1", "cdcs-trung-thanh", -5))
      .thenFails("I1")
    s.given(...launched)
      .when(s.record("sk-1", "cdcs-trung-thanh", 1.5))
      .thenFails("I1")
  })

  it("recognises it once applied", () => {
    s.given(...launched, s.record("sk-1", "cdcs-trung-thanh", 90_000_000), s.apply("sk-1", "cdcs-trung-thanh"))
      .when(s.recognize("sk-1", "unit"))
      .thenEmits("InitiativeRecognized")
  })
})
