import { describe, expect, it } from "@effect/vitest"
import { AwardKind, Campaign, Directory } from "@thidua/core"
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
})
