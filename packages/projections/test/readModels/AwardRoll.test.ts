import { describe, expect, it } from "@effect/vitest"
import { Campaign, Directory, type Event, type Ids, Organization } from "@thidua/core"
import { AwardRoll } from "@thidua/projections"
import { Scenario } from "@thidua/testing"
import {
  CAMPAIGN_STREAM,
  countBy,
  directoryEvents,
  foldPartition,
  forAllHistories,
  log,
  scenarioLog,
  TENANT
} from "./support.js"

const ids = (awards: Iterable<{ readonly id?: string; readonly awardId?: string }>) =>
  [...awards].map((a) => a.awardId ?? a.id).sort()

const counts = (m: ReadonlyMap<string, ReadonlyArray<AwardRoll.Entry>>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, v.length]))

describe("AwardRoll", () => {
  it("the standing awards are the campaign's awards less the revoked, by kind, level and recipient", () =>
    forAllHistories((h) => {
      const roll = foldPartition(
        AwardRoll.projection,
        log([`org:${TENANT}`, directoryEvents(h.world)], [CAMPAIGN_STREAM, h.events]),
        TENANT
      )
      const awards = [...Campaign.awards(h.final)]
      const standing = awards.filter((a) => !a.revoked)
      expect(ids(AwardRoll.standing(roll))).toEqual(ids(standing))
      expect(ids(AwardRoll.revoked(roll))).toEqual(ids(awards.filter((a) => a.revoked)))
      expect(ids(AwardRoll.entries(roll))).toEqual(ids(awards))
      for (const e of AwardRoll.entries(roll)) {
        const a = Campaign.award(h.final, e.awardId)!
        expect([e.kind, e.recipient, e.grantedById, e.basis, e.period]).toEqual([
          a.kind,
          a.recipient,
          a.grantedById,
          a.basis,
          a.period
        ])
        expect(e.campaignId).toBe(h.final.plan!.campaignId)
        expect([e.presented?.presentedById, e.presented?.at]).toEqual([a.presentedById, a.presentedAt])
      }
      expect(counts(AwardRoll.byKind(roll))).toEqual(countBy(standing, (a) => a.kind))
      expect(counts(AwardRoll.byLevel(roll))).toEqual(
        countBy(standing, (a) => Directory.organization(h.world.directory, a.grantedById)!.level)
      )
      expect(counts(AwardRoll.byRecipient(roll))).toEqual(
        countBy(standing, (a) => Organization.subjectKey(a.recipient))
      )
    }))

  it("keeps campaigns apart: the same award id in two campaigns is two awards, revoked one at a time", () =>
    forAllHistories((h) => {
      const roll = foldPartition(
        AwardRoll.projection,
        log([CAMPAIGN_STREAM, h.events], ["campaign:campaign-2", h.events.filter((e) => e._tag !== "AwardRevoked")]),
        TENANT
      )
      const awards = [...Campaign.awards(h.final)]
      expect(AwardRoll.entries(roll).length).toBe(2 * awards.length)
      expect(AwardRoll.standing(roll).length).toBe(awards.length + awards.filter((a) => !a.revoked).length)
      expect(AwardRoll.revoked(roll).every((e) => e.streamId === CAMPAIGN_STREAM)).toBe(true)
    }, 40))

  it("is stable under replay, and survives the copy a read model store makes", () =>
    forAllHistories((h) => {
      const entries = log([`org:${TENANT}`, directoryEvents(h.world)], [CAMPAIGN_STREAM, h.events])
      const once = foldPartition(AwardRoll.projection, entries, TENANT)
      expect(foldPartition(AwardRoll.projection, entries, TENANT)).toEqual(once)
      expect(structuredClone(once)).toEqual(once)
    }, 40))

  // Hoàng Mai 2020, after its final review: the district, the city and a union grant awards.
  const s = Scenario.make(2020)
  const given = s.given(
    s.plan(),
    s.launch(),
    s.phase("dot-1", "2020-01-01", "2020-12-31"),
    s.open("dot-1", "2020-01-02"),
    s.enroll("cdcs-trung-thanh"),
    s.enroll("cdcs-phuong-mai", "administrative"),
    s.close("dot-1", "2020-12-31"),
    s.end(),
    s.finalReview(),
    s.grant("kt-1", s.unit("cdcs-trung-thanh"), "giay-khen"),
    s.grant("kt-2", s.unit("cdcs-phuong-mai"), "giay-khen"),
    s.grant("kt-3", s.member("m-1"), "bang-khen-ldld", {}, { actor: "ldld-hn" }),
    s.grant("kt-4", s.member("m-2"), "giay-khen", {}, { actor: "cdcs-trung-thanh" }),
    s.revoke("kt-2", "false-dossier")
  )
  const roll = foldPartition(AwardRoll.projection, scenarioLog(given.events), "hanoi")
  // The scenario's directory is a state, not events: its levels come in through a lookup.
  const levelOf = (id: string) => Directory.organization(s.directory, id)?.level

  it("applies revocations: a revoked award stays on the roll, marked, and stops standing", () => {
    expect(AwardRoll.standing(roll).map((a) => a.awardId)).toEqual(["kt-1", "kt-3", "kt-4"])
    expect(AwardRoll.revoked(roll).map((a) => [a.awardId, a.revoked])).toEqual([
      ["kt-2", { reason: "false-dossier", at: "2021-03-01" }]
    ])
  })

  it("groups by kind, in the catalogue's order", () => {
    expect([...AwardRoll.byKind(roll)].map(([k, v]) => [k, v.map((a) => a.awardId)])).toEqual([
      ["giay-khen", ["kt-1", "kt-4"]],
      ["bang-khen-ldld", ["kt-3"]]
    ])
  })

  it("groups by the granting level, from the top", () => {
    expect([...AwardRoll.byLevel(roll)].map(([k, v]) => [k, v.length])).toEqual([["unknown", 3]])
    expect([...AwardRoll.byLevel(roll, levelOf)].map(([k, v]) => [k, v.map((a) => a.awardId)])).toEqual([
      ["federation", ["kt-3"]],
      ["upper", ["kt-1"]],
      ["grassroots", ["kt-4"]]
    ])
  })

  it("groups by recipient", () => {
    const byRecipient = AwardRoll.byRecipient(roll)
    expect(byRecipient.get("member:m-1")?.map((a) => a.kind)).toEqual(["bang-khen-ldld"])
    expect(byRecipient.get("member:m-2")?.map((a) => a.grantedById)).toEqual(["cdcs-trung-thanh"])
    expect(byRecipient.get("unit:cdcs-trung-thanh")?.length).toBe(1)
    expect(byRecipient.has("unit:cdcs-phuong-mai")).toBe(false)
  })

  it("takes levels from the tenant's directory stream when it folds it", () => {
    const registered: Array<Event.DomainEvent> = [...Directory.organizations(s.directory)].map((o) => ({
      _tag: "OrganizationRegistered",
      organizationId: o.id,
      name: o.name,
      level: o.level,
      validFrom: o.validFrom
    }))
    const withDirectory = foldPartition(
      AwardRoll.projection,
      [...scenarioLog(registered, "org:hanoi"), ...scenarioLog(given.events)],
      "hanoi"
    )
    expect([...AwardRoll.byLevel(withDirectory).keys()]).toEqual(["federation", "upper", "grassroots"])
  })

  describe("presentation (trao tặng)", () => {
    // Nam Từ Liêm's way: the city federation grants a Bằng khen, the district chair presents it at the
    // ward's conference; the district presents its own Giấy khen; a third award waits for its ceremony.
    const ceremony = "Hội nghị phát động thi đua năm 2021 tại cdcs-trung-thanh"
    const presented = s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2020-01-01", "2020-12-31"),
      s.open("dot-1", "2020-01-02"),
      s.enroll("cdcs-trung-thanh"),
      s.enroll("cdcs-phuong-mai", "administrative"),
      s.close("dot-1", "2020-12-31"),
      s.end(),
      s.finalReview(),
      s.grant("kt-1", s.unit("cdcs-trung-thanh"), "bang-khen-ldld", {}, { actor: "ldld-hn" }),
      s.grant("kt-2", s.unit("cdcs-phuong-mai"), "giay-khen"),
      s.grant("kt-3", s.member("m-1"), "giay-khen", {}, { at: "2021-01-16" }),
      s.command("PresentAward", { awardId: "kt-1" as Ids.AwardId, ceremony }, { at: "2021-01-22" }),
      s.present("kt-2")
    )
    const roll = foldPartition(AwardRoll.projection, scenarioLog(presented.events), "hanoi")
    const entry = (id: string) => AwardRoll.entries(roll).find((e) => e.awardId === id)!

    it("shows who granted an award and who presented it, at which ceremony and when", () => {
      const bangKhen = entry("kt-1")
      expect([bangKhen.grantedById, bangKhen.at]).toEqual(["ldld-hn", "2021-01-15"])
      expect(bangKhen.presented).toEqual({ presentedById: "ldld-hoang-mai", ceremony, at: "2021-01-22" })
    })

    it("shows a grantor presenting its own award, without a ceremony named", () => {
      expect([entry("kt-2").grantedById, entry("kt-2").presented]).toEqual([
        "ldld-hoang-mai",
        { presentedById: "ldld-hoang-mai", ceremony: undefined, at: "2021-01-20" }
      ])
    })

    it("leaves an award not yet presented unmarked, and standing", () => {
      expect(entry("kt-3").presented).toBeUndefined()
      expect(AwardRoll.standing(roll).map((a) => a.awardId)).toEqual(["kt-1", "kt-2", "kt-3"])
    })

    it("agrees with the campaign's own state", () => {
      for (const e of AwardRoll.entries(roll)) {
        const a = Campaign.award(presented.state, e.awardId)!
        expect([e.presented?.presentedById, e.presented?.at]).toEqual([a.presentedById, a.presentedAt])
      }
    })

    it("presents the award of its own campaign only: the same id in another stream stays unpresented", () => {
      const grants = presented.events.filter((e) => e._tag !== "AwardPresented")
      const both = foldPartition(
        AwardRoll.projection,
        [...scenarioLog(presented.events), ...scenarioLog(grants, "campaign:hm-copy")],
        "hanoi"
      )
      expect(
        AwardRoll.entries(both)
          .filter((e) => e.awardId === "kt-1")
          .map((e) => [e.streamId, e.presented?.presentedById])
      ).toEqual([
        ["campaign:hm", "ldld-hoang-mai"],
        ["campaign:hm-copy", undefined]
      ])
    })

    it("survives the copy a read model store makes", () => {
      expect(structuredClone(roll)).toEqual(roll)
    })
  })
})
