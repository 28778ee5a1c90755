import { describe, expect, it } from "@effect/vitest"
import { AwardKind, Organization, Rulebook } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("G1 no registration, no title (không đăng ký thi đua thì không được xét danh hiệu)", () => {
  it("every title granted went to a registered subject (or a member of a registered unit)", () =>
    forAllHistories((h) => {
      for (const { step, event } of eventsOf(h, "AwardGranted")) {
        if (event.extraordinary || !AwardKind.isTitle(event.kind)) continue
        const registered = [...step.before.registered].map(([k]) => k)
        const key = Organization.subjectKey(event.recipient)
        expect(registered.includes(key) || registered.includes(`unit:${event.recipient.organizationId}`)).toBe(true)
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("G1")).toBeGreaterThan(0))

  const s = Scenario.make(2024)
  const reviewed = (...extra: ReadonlyArray<ReturnType<typeof s.command>>) =>
    s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2024-01-01", "2024-12-31"),
      s.open("dot-1", "2024-01-02"),
      s.enroll("cdcs-trung-thanh"),
      ...extra,
      s.close("dot-1", "2024-12-31"),
      s.end(),
      s.finalReview()
    )

  it("refuses Lao động tiên tiến to a member whose unit never registered", () => {
    reviewed()
      .when(s.grant("kt-1", s.member("m-1"), "lao-dong-tien-tien", {}, { actor: "cdcs-trung-thanh" }))
      .thenFails("G1")
  })

  it("accepts it once the unit's registration is approved, and a Giấy khen needs none", () => {
    reviewed(s.register("dk-1", s.unit("cdcs-trung-thanh")), s.approve("dk-1"))
      .when(s.grant("kt-1", s.member("m-1"), "lao-dong-tien-tien", {}, { actor: "cdcs-trung-thanh" }))
      .thenEmits("AwardGranted")
    reviewed()
      .when(s.grant("kt-2", s.member("m-1"), "giay-khen", {}, { actor: "cdcs-trung-thanh" }))
      .thenEmits("AwardGranted")
  })

  it("a submitted but unapproved registration is not enough", () => {
    reviewed(s.register("dk-1", s.unit("cdcs-trung-thanh")))
      .when(s.grant("kt-1", s.member("m-1"), "lao-dong-tien-tien", {}, { actor: "cdcs-trung-thanh" }))
      .thenFails("G1")
  })

  it("is a rulebook parameter a province may switch off", () => {
    const lenient = Scenario.make(2024, {
      rulebook: Rulebook.withOverride(Rulebook.standard, "ldld-hn", { titlesRequireRegistration: false })
    })
    lenient
      .given(
        lenient.plan(),
        lenient.launch(),
        lenient.phase("dot-1", "2024-01-01", "2024-12-31"),
        lenient.open("dot-1", "2024-01-02"),
        lenient.close("dot-1", "2024-12-31"),
        lenient.end(),
        lenient.finalReview()
      )
      .when(lenient.grant("kt-1", lenient.member("m-1"), "lao-dong-tien-tien", {}, { actor: "cdcs-trung-thanh" }))
      .thenEmits("AwardGranted")
  })
})
