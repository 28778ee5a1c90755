import { describe, expect, it } from "@effect/vitest"
import { LocalDate, Rulebook } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { acceptedEvents, forAllHistories } from "../support.js"

// A nomination of the district federation, deliberated by its council.
const nominated = (s: Scenario.Scenario) => [
  s.plan(),
  s.launch(),
  s.phase("dot-1", `${s.year}-01-01`, `${s.year}-12-31`),
  s.open("dot-1", `${s.year}-01-02`),
  s.close("dot-1", `${s.year}-12-31`),
  s.end(),
  s.finalReview(),
  s.propose("dn-1", s.unit("cdcs-trung-thanh"), "giay-khen", {}, { actor: "ldld-hoang-mai" }),
  s.deliberate("dn-1", 9, 10, { actor: "ldld-hoang-mai" })
]

describe("A4 nominees are published for comment before the decision, for the rulebook's days", () => {
  it("every published window lasts the rulebook's days, and a published nomination is decided after it", () =>
    forAllHistories((h) => {
      const days = Rulebook.standard.regimes[0]!.params.publicationDays
      // In the order things happened: a decision is held to the windows published before it.
      const until = new Map<string, string>()
      for (const { event } of acceptedEvents(h)) {
        if (event._tag === "NomineesPublished") {
          expect(LocalDate.addDays(event.from, days - 1) <= event.to).toBe(true)
          for (const id of event.nominationIds) until.set(id, event.to)
        }
        if (event._tag === "NominationDecided") {
          const to = until.get(event.nominationId)
          if (to !== undefined) expect(event.at > to).toBe(true)
        }
      }
    }))

  it("refuses a window of three days when the rulebook asks for five", () => {
    const s = Scenario.make(2024)
    s.given(...nominated(s))
      .when(s.publish(["dn-1"], "2025-01-14", "2025-01-16"))
      .thenFails("A4")
  })

  it("refuses a decision while the nominees are still published, and accepts it the day after", () => {
    const s = Scenario.make(2024)
    const given = s.given(...nominated(s), s.publish(["dn-1"], "2025-01-14", "2025-01-18"))
    given.when(s.decide("dn-1", "achievedAtLevel", { at: "2025-01-18" })).thenFails("A4")
    given.when(s.decide("dn-1", "achievedAtLevel", { at: "2025-01-19" })).thenEmits("NominationDecided")
  })

  it("reads the window from the rulebook: with one day, a one-day window stands", () => {
    const book = Rulebook.withOverride(Rulebook.standard, "ldld-hoang-mai", { publicationDays: 1 })
    const s = Scenario.make(2024, { rulebook: book })
    s.given(...nominated(s))
      .when(s.publish(["dn-1"], "2025-01-14", "2025-01-14"))
      .thenEmits("NomineesPublished")
  })

  it("refuses a window that began before the day it is published (no back-dating)", () => {
    const s = Scenario.make(2024)
    s.given(...nominated(s))
      .when(s.publish(["dn-1"], "2024-12-01", "2024-12-05", { at: "2025-01-14" }))
      .thenFails("A4")
  })

  it("a nomination published again is decided after the later window: republishing never shortens it", () => {
    const s = Scenario.make(2024)
    const given = s.given(
      ...nominated(s),
      s.publish(["dn-1"], "2025-01-14", "2025-01-31"),
      s.publish(["dn-1"], "2025-01-14", "2025-01-18")
    )
    given.when(s.decide("dn-1", "achievedAtLevel", { at: "2025-01-19" })).thenFails("A4")
    given.when(s.decide("dn-1", "achievedAtLevel", { at: "2025-02-01" })).thenEmits("NominationDecided")
  })

  it("a host rulebook with a nonsensical number of days refuses publication with a typed error, never a throw", () => {
    for (const publicationDays of [0, -3, 1.5, Number.NaN, 1e12]) {
      const book = Rulebook.withOverride(Rulebook.standard, "ldld-hoang-mai", { publicationDays })
      const s = Scenario.make(2024, { rulebook: book })
      const e = s
        .given(...nominated(s))
        .when(s.publish(["dn-1"], "2025-01-14", "2025-01-20"))
        .thenFails("A4")
      expect(e.details).toMatchObject({ reason: "invalid-days" })
    }
  })
})
