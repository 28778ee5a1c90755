import { describe, expect, it } from "@effect/vitest"
import { Scenario } from "@thidua/testing"
import { accepted, eventsOf, forAllHistories, refusals } from "../support.js"

const activities = new Set(["OpenPhase", "EnrollParticipant", "SignPledge", "RecordInitiative", "ApplyInitiative"])
const atLaunch = new Set(["EnrollParticipant", "SignPledge"])

describe("C4 a campaign's activities fall within its period, and within the phase they are filed under", () => {
  it("every thematic campaign has start < end and every activity of any campaign inside the period", () =>
    forAllHistories((h) => {
      for (const { event } of eventsOf(h, "CampaignPlanned"))
        if (event.form === "thematic") expect(event.period.start < event.period.end).toBe(true)
      for (const s of accepted(h)) {
        const plan = s.before.plan
        if (plan === undefined) continue
        // Enrolment and covenants may come at a launch conference held before the period.
        const launched = s.before.launchedAt
        const from =
          atLaunch.has(s.command._tag) && launched !== undefined && launched < plan.period.start
            ? launched
            : plan.period.start
        if (activities.has(s.command._tag)) expect(from <= s.command.at && s.command.at <= plan.period.end).toBe(true)
        // Scores belong to the reviews too: never before the campaign, possibly after it.
        if (s.command._tag === "AssessScore") expect(s.command.at >= plan.period.start).toBe(true)
      }
    }))

  it("an initiative or a self-assessment filed under a phase is dated within it while it is open", () =>
    forAllHistories((h) => {
      for (const s of accepted(h)) {
        const c = s.command
        if ((c._tag === "RecordInitiative" || (c._tag === "AssessScore" && c.kind === "self")) && c.phaseId) {
          const phase = s.before.phases.find((p) => p.id === c.phaseId)!
          expect(phase.status).toBe("Open")
          expect(phase.start <= c.at && c.at <= phase.end).toBe(true)
        }
        // A cross-assessment may come at the review, once the phase closed, never before it began.
        if (c._tag === "AssessScore" && c.kind === "cross" && c.phaseId) {
          const phase = s.before.phases.find((p) => p.id === c.phaseId)!
          expect(["Open", "Closed"]).toContain(phase.status)
          expect(phase.start <= c.at).toBe(true)
        }
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("C4")).toBeGreaterThan(0))

  it("refuses a thematic campaign that ends the day it starts", () => {
    const s = Scenario.make(2021)
    s.given()
      .when(s.plan({ form: "thematic", period: { start: "2021-05-01", end: "2021-05-01" } as never }))
      .thenFails("C4")
  })

  it("refuses an initiative recorded after a 90-day thematic campaign ended", () => {
    const s = Scenario.make(2021)
    const period = { start: "2021-03-01", end: "2021-05-29" } as never
    s.given(
      s.plan({ form: "thematic", period }),
      s.launch({ at: "2021-03-01" }),
      s.enroll("cdcs-trung-thanh", "enterprise", { at: "2021-03-02" })
    )
      .when(s.record("sk-1", "cdcs-trung-thanh", 1_000_000, {}, { at: "2021-06-15" }))
      .thenFails("C4")
  })

  it("refuses an initiative dated 1/7 filed under Đợt 1, which ended on 30/6 (Hoàng Mai 2020)", () => {
    const s = Scenario.make(2020)
    s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2020-01-01", "2020-06-30"),
      s.phase("dot-2", "2020-07-01", "2020-12-31"),
      s.open("dot-1", "2020-01-02"),
      s.enroll("cdcs-trung-thanh", "enterprise", { at: "2020-01-05" })
    )
      .when(s.record("sk-1", "cdcs-trung-thanh", 5_000_000, { phaseId: "dot-1" as never }, { at: "2020-07-01" }))
      .thenFails("C4")
  })

  it("refuses an initiative filed under a phase that is only scheduled, and one under a closed phase", () => {
    const s = Scenario.make(2020)
    const running = [
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2020-01-01", "2020-06-30"),
      s.phase("dot-2", "2020-07-01", "2020-12-31"),
      s.open("dot-1", "2020-01-02"),
      s.enroll("cdcs-trung-thanh", "enterprise", { at: "2020-01-05" })
    ]
    const record = (phaseId: string, at: string) =>
      s.record(`sk-${phaseId}`, "cdcs-trung-thanh", 0, { phaseId: phaseId as never }, { at })
    s.given(...running)
      .when(record("dot-2", "2020-07-02"))
      .thenFails("LIFECYCLE")
    s.given(...running, s.close("dot-1", "2020-06-30"))
      .when(record("dot-1", "2020-06-30"))
      .thenFails("LIFECYCLE")
    s.given(...running)
      .when(record("dot-1", "2020-06-30"))
      .thenEmits("InitiativeRecorded")
  })

  it("bounds a regular campaign's activities by its period, as a thematic one's", () => {
    const s = Scenario.make(2020)
    s.given(s.plan(), s.launch())
      .when(s.enroll("cdcs-trung-thanh", "enterprise", { at: "2021-01-05" }))
      .thenFails("C4")
  })

  it("refuses an award for a period outside the campaign", () => {
    const s = Scenario.make(2020)
    s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2020-01-01", "2020-12-31"),
      s.open("dot-1", "2020-01-02"),
      s.close("dot-1", "2020-12-31"),
      s.end(),
      s.finalReview()
    )
      .when(
        s.grant(
          "kt-1",
          s.unit("cdcs-trung-thanh"),
          "giay-khen",
          { period: { start: "2019-01-01", end: "2019-12-31" } as never },
          { actor: "ldld-hoang-mai" }
        )
      )
      .thenFails("C4")
  })

  it("lets units enrol and sign their covenant at a launch conference held before the period", () => {
    const s = Scenario.make(2020)
    const atConference = { at: "2019-12-25" }
    s.given(s.plan({}, { at: "2019-12-10" }), s.launch(atConference))
      .when(s.enroll("cdcs-trung-thanh", "enterprise", atConference))
      .thenEmits("ParticipantEnrolled")
    s.given(s.plan({}, { at: "2019-12-10" }), s.launch({ at: "2020-01-02" }))
      .when(s.enroll("cdcs-trung-thanh", "enterprise", atConference))
      .thenFails("C4")
  })

  it("takes a unit's year-end self-assessment after the period, before the final review, never before the start", () => {
    const s = Scenario.make(2020)
    const score = (at: string) =>
      s.command(
        "AssessScore",
        { unitId: "cdcs-trung-thanh" as never, contentId: "nd-dn-1" as never, points: 90, kind: "self" },
        { actor: "cdcs-trung-thanh", role: "officer", at }
      )
    const ended = [
      s.plan(),
      s.launch(),
      s.enroll("cdcs-trung-thanh", "enterprise", { at: "2020-01-05" }),
      s.phase("dot-1", "2020-01-01", "2020-12-31"),
      s.open("dot-1", "2020-01-02"),
      s.close("dot-1", "2020-12-31"),
      s.end()
    ]
    s.given(...ended)
      .when(score("2021-01-05"))
      .thenEmits("ScoreAssessed")
    s.given(...ended.slice(0, 3))
      .when(score("2019-12-31"))
      .thenFails("C4")
  })

  it("refuses closing a phase before the day it opened", () => {
    const s = Scenario.make(2020)
    s.given(s.plan(), s.launch(), s.phase("dot-1", "2020-01-01", "2020-06-30"), s.open("dot-1", "2020-03-01"))
      .when(s.close("dot-1", "2020-01-15"))
      .thenFails("C4")
  })
})
