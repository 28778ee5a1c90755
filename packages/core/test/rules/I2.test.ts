import { describe, expect, it } from "@effect/vitest"
import { AwardKind, Campaign, Directory, Rulebook } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories } from "../support.js"

const competent: Record<string, ReadonlyArray<string>> = {
  unit: ["confederation", "federation", "upper", "grassroots"],
  province: ["confederation", "federation"],
  national: ["confederation"]
}
const rank = { unit: 0, province: 1, national: 2 } as const

describe("I2 recognition by a competent level, at the scope the title needs", () => {
  it("every recognition comes from a competent level; every cited initiative has the scope its award needs", () =>
    forAllHistories((h) => {
      for (const { event } of eventsOf(h, "InitiativeRecognized"))
        expect(competent[event.level]).toContain(
          Directory.organization(h.context.directory, event.recognizedById)?.level
        )
      for (const { step, event } of eventsOf(h, "NominationProposed")) {
        const needed = AwardKind.catalogue[event.awardKind].initiativeScope
        if (needed === undefined) continue
        // A title resting on an initiative cites one, but the grassroots fighter under a regime
        // where the initiative is one alternative among others (R2024 on).
        const alternative =
          event.awardKind === "chien-si-thi-dua-co-so" &&
          Rulebook.regime(Rulebook.standard, step.before.plan!.regime, step.before.plan!.period.start).params
            .grassrootsFighterInitiative === "alternative"
        if (!alternative) expect((event.initiativeIds ?? []).length).toBeGreaterThan(0)
        for (const id of event.initiativeIds ?? []) {
          const i = Campaign.initiative(step.before, id)!
          expect(i.status).toBe("Recognized")
          expect(rank[i.level!]).toBeGreaterThanOrEqual(rank[needed])
        }
      }
    }))

  const s = Scenario.make(2024)
  const applied = [
    s.plan(),
    s.launch(),
    s.enroll("cdcs-trung-thanh"),
    s.record("sk-1", "cdcs-trung-thanh", 150_000_000, { memberId: "m-1" as never }),
    s.apply("sk-1", "cdcs-trung-thanh")
  ] as const

  it("refuses a district federation recognising at city scope", () => {
    s.given(...applied)
      .when(s.recognize("sk-1", "province"))
      .thenFails("I2")
  })

  it("refuses a provincial fighter nomination backed by a unit-level initiative", () => {
    s.given(...applied, s.recognize("sk-1", "unit"))
      .when(
        s.propose(
          "dn-1",
          s.member("m-1"),
          "chien-si-thi-dua-cap-tinh",
          { initiativeIds: ["sk-1"] as never },
          { actor: "cdcs-trung-thanh" }
        )
      )
      .thenFails("I2")
  })

  it("accepts it when the city federation recognised the initiative at city scope", () => {
    s.given(...applied, s.recognize("sk-1", "province", { actor: "ldld-hn" }))
      .when(
        s.propose(
          "dn-1",
          s.member("m-1"),
          "chien-si-thi-dua-cap-tinh",
          { initiativeIds: ["sk-1"] as never },
          { actor: "cdcs-trung-thanh" }
        )
      )
      .thenEmits("NominationProposed")
  })

  const fighter = (year: number) => {
    const r = Scenario.make(year)
    const reviewed = [
      r.plan(),
      r.launch(),
      r.phase("dot-1", `${year}-01-01`, `${year}-12-31`),
      r.open("dot-1", `${year}-01-02`),
      r.enroll("cdcs-trung-thanh"),
      r.close("dot-1", `${year}-12-31`),
      r.end(),
      r.finalReview()
    ]
    const propose = r.propose("dn-1", r.member("m-1"), "chien-si-thi-dua-co-so", {}, { actor: "cdcs-trung-thanh" })
    return { r, reviewed, propose }
  }

  it("refuses a 2020 grassroots fighter nomination that cites no initiative (R2003 requires one)", () => {
    const { r, reviewed, propose } = fighter(2020)
    r.given(...reviewed)
      .when(propose)
      .thenFails("I2")
  })

  it("accepts the same nomination in 2024, where an initiative is one alternative (R2024)", () => {
    const { r, reviewed, propose } = fighter(2024)
    r.given(...reviewed)
      .when(propose)
      .thenEmits("NominationProposed")
  })

  it("refuses a provincial fighter nomination that cites no initiative, in any regime", () => {
    s.given(...applied)
      .when(s.propose("dn-1", s.member("m-1"), "chien-si-thi-dua-cap-tinh", {}, { actor: "cdcs-trung-thanh" }))
      .thenFails("I2")
  })

  it("refuses a nomination citing an initiative of another unit, or of another member", () => {
    const r = Scenario.make(2020)
    const recognised = [
      r.plan(),
      r.launch(),
      r.enroll("cdcs-trung-thanh"),
      r.enroll("cdcs-phuong-mai", "administrative"),
      r.record("sk-pm", "cdcs-phuong-mai", 0, { memberId: "m-9" as never }),
      r.record("sk-tt", "cdcs-trung-thanh", 0, { memberId: "m-2" as never }),
      r.apply("sk-pm", "cdcs-phuong-mai"),
      r.apply("sk-tt", "cdcs-trung-thanh"),
      r.recognize("sk-pm", "unit"),
      r.recognize("sk-tt", "unit")
    ]
    const propose = (id: string) =>
      r.propose(
        `dn-${id}`,
        r.member("m-1"),
        "chien-si-thi-dua-co-so",
        { initiativeIds: [id] as never },
        { actor: "cdcs-trung-thanh", at: "2020-06-01" }
      )
    r.given(...recognised)
      .when(propose("sk-pm"))
      .thenFails("I2")
    r.given(...recognised)
      .when(propose("sk-tt"))
      .thenFails("I2")
  })
})
