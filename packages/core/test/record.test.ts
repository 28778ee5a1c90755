import { describe, expect, it } from "@effect/vitest"
import { Eligibility, type Event, type LocalDate, Record, Rulebook } from "../src/index.js"

// The commendation record, given a tenant's log, when folded, then each member's and unit's file
// holds what the log says: expectations are written from the events below, not asked of the fold.

const year2024 = { start: "2024-01-01", end: "2024-12-31" }
const worker = { _tag: "Member", memberId: "m-1", organizationId: "cdcs-1" } as const
const grant = (awardId: string, kind: string, period = year2024, recipient: object = worker) => ({
  _tag: "AwardGranted",
  awardId,
  recipient,
  kind,
  grantedById: "cdcs-1",
  decisionNo: `${awardId}/QĐ`,
  reason: "…",
  basis: "campaign",
  period,
  extraordinary: false,
  at: "2025-01-10"
})
const log = (...entries: ReadonlyArray<readonly [string, object]>) =>
  entries.map(([streamId, event]) => ({ streamId, event: event as Event.DomainEvent }))

/** A member of cdcs-1 since 2015, in the directory's log. */
const member = (id: string, gender?: string) =>
  [
    "org:t",
    {
      _tag: "MemberRegistered",
      memberId: id,
      name: id,
      organizationId: "cdcs-1",
      recruitedOn: "2015-01-01",
      at: "2015-01-01",
      ...(gender !== undefined ? { gender } : {})
    }
  ] as const

describe("Record: the commendation record folded from a tenant's log", () => {
  it("given a member registered, transferred, rated, on leave and disciplined, then the file holds each fact", () => {
    const r = Record.fromEvents(
      log(
        [
          "org:t",
          {
            _tag: "MemberRegistered",
            memberId: "m-1",
            name: "Nguyễn Văn A",
            organizationId: "cdcs-1",
            recruitedOn: "2019-03-01",
            at: "2019-03-01"
          }
        ],
        ["org:t", { _tag: "MemberTransferred", memberId: "m-1", organizationId: "cdcs-2", at: "2023-06-01" }],
        [
          "org:t",
          { _tag: "MemberRated", memberId: "m-1", year: 2023, rating: "good", ratedById: "cdcs-2", at: "2023-12-20" }
        ],
        [
          "org:t",
          {
            _tag: "LeaveRecorded",
            memberId: "m-1",
            kind: "sick",
            period: { start: "2023-02-01", end: "2023-02-20" },
            workingDays: 14
          }
        ],
        ["org:t", { _tag: "DisciplineRecorded", memberId: "m-1", level: "reprimand", at: "2023-09-09" }]
      )
    )
    const m = Record.member(r, "m-1")!
    expect(m.known).toBe(true)
    expect(m.recruitedOn).toBe("2019-03-01")
    expect(m.units.map((u) => u.organizationId)).toEqual(["cdcs-1", "cdcs-2"])
    expect(m.ratings.get(2023)).toBe("good")
    expect(m.leave).toEqual([{ kind: "sick", period: { start: "2023-02-01", end: "2023-02-20" }, workingDays: 14 }])
    expect(m.discipline).toEqual([{ level: "reprimand", at: "2023-09-09" }])
  })

  it("given awards in two campaigns and one revoked, then both are in the file, by campaign and year, the revoked one marked", () => {
    const r = Record.fromEvents(
      log(
        ["campaign:c-2023", grant("a-1", "lao-dong-tien-tien", { start: "2023-01-01", end: "2023-12-31" })],
        ["campaign:c-2024", grant("a-1", "lao-dong-tien-tien")],
        ["campaign:c-2024", { _tag: "AwardRevoked", awardId: "a-1", reason: "false-dossier", at: "2025-03-01" }]
      )
    )
    const m = Record.member(r, "m-1")!
    expect(m.known).toBe(false)
    expect(m.units).toEqual([{ organizationId: "cdcs-1", from: "2025-01-10" }])
    expect(m.grants.map((g) => [g.campaignId, g.year, g.decisionNo, g.revoked?.reason])).toEqual([
      ["c-2023", 2023, "a-1/QĐ", undefined],
      ["c-2024", 2024, "a-1/QĐ", "false-dossier"]
    ])
  })

  it("given initiatives recorded, applied, recognised or rejected, then each counts at its scope and year", () => {
    const r = Record.fromEvents(
      log(
        [
          "campaign:c",
          {
            _tag: "InitiativeRecorded",
            initiativeId: "sk-1",
            unitId: "cdcs-1",
            memberId: "m-1",
            kind: "initiative",
            title: "Cải tiến",
            benefitVnd: 90_000_000,
            at: "2024-04-01"
          }
        ],
        ["campaign:c", { _tag: "InitiativeApplied", initiativeId: "sk-1", at: "2024-05-01" }],
        [
          "campaign:c",
          {
            _tag: "InitiativeRecognized",
            initiativeId: "sk-1",
            level: "province",
            recognizedById: "ldld",
            at: "2024-11-01"
          }
        ],
        [
          "campaign:c",
          {
            _tag: "InitiativeRecorded",
            initiativeId: "sk-2",
            unitId: "cdcs-1",
            kind: "solution",
            title: "Giải pháp",
            benefitVnd: 5,
            at: "2024-04-02"
          }
        ],
        ["campaign:c", { _tag: "InitiativeRejected", initiativeId: "sk-2", reason: "…", at: "2024-06-01" }]
      )
    )
    expect(
      Record.member(r, "m-1")!.initiatives.map((i) => [i.initiativeId, i.year, i.applied, i.scope, i.rejected])
    ).toEqual([["sk-1", 2024, true, "province", false]])
    expect(Record.unit(r, "cdcs-1")!.initiatives.map((i) => [i.initiativeId, i.rejected])).toEqual([["sk-2", true]])
  })

  it("given a registration approved, one rejected and a covenant signed, then only the approved and the signed count for their years", () => {
    const pledge = (pledgeId: string, kind: string, signerIds: ReadonlyArray<string>, period = year2024) => ({
      _tag: "PledgeSigned",
      pledgeId,
      kind,
      signerIds,
      targets: [],
      period,
      at: "2024-01-05"
    })
    const r = Record.fromEvents(
      log(
        ["campaign:c", pledge("dk-1", "registration", ["cdcs-1"])],
        ["campaign:c", { _tag: "RegistrationApproved", pledgeId: "dk-1", at: "2024-01-10" }],
        ["campaign:c", pledge("dk-2", "registration", ["cdcs-2"])],
        ["campaign:c", { _tag: "RegistrationRejected", pledgeId: "dk-2", reason: "…", at: "2024-01-10" }],
        ["campaign:c", pledge("gu-1", "covenant", ["cdcs-3", "cdcs-4"], { start: "2024-01-01", end: "2025-12-31" })]
      )
    )
    expect([...Record.unit(r, "cdcs-1")!.registered]).toEqual([2024])
    expect(Record.unit(r, "cdcs-2")?.registered.size ?? 0).toBe(0)
    expect([...Record.unit(r, "cdcs-4")!.registered]).toEqual([2024, 2025])
  })

  it("events of another campaign's ids do not collide: awards are keyed by campaign", () => {
    const r = Record.fromEvents(
      log(
        ["campaign:a", grant("kt-1", "giay-khen")],
        ["campaign:b", grant("kt-1", "giay-khen")],
        ["campaign:a", { _tag: "AwardRevoked", awardId: "kt-1", reason: "false-dossier", at: "2025-02-01" }]
      )
    )
    expect(Record.member(r, "m-1")!.grants.map((g) => [g.campaignId, g.revoked !== undefined])).toEqual([
      ["a", true],
      ["b", false]
    ])
  })

  it("Record.years gives a subject's file year by year", () => {
    const r = Record.fromEvents(
      log(
        [
          "org:t",
          {
            _tag: "MemberRated",
            memberId: "m-1",
            year: 2024,
            rating: "excellent",
            ratedById: "cdcs-1",
            at: "2024-12-20"
          }
        ],
        ["campaign:c", grant("a-1", "lao-dong-tien-tien")]
      )
    )
    const ys = Record.years(r, worker as never)
    expect(ys.map((y) => [y.year, y.rating, y.grants.map((g) => g.kind)])).toEqual([
      [2024, "excellent", ["lao-dong-tien-tien"]]
    ])
  })

  it("given four members of a union, one of whom left in 2023, when its 2024 shares are counted, then the leaver counts in none (K1: 2 of 3)", () => {
    const r = Record.fromEvents(
      log(
        member("m-1"),
        member("m-2"),
        member("m-3"),
        member("m-4"),
        ["org:t", { _tag: "MemberLeft", memberId: "m-4", reason: "resigned", at: "2023-06-01" }],
        [
          "campaign:c",
          grant("a-1", "lao-dong-tien-tien", year2024, { _tag: "Member", memberId: "m-1", organizationId: "cdcs-1" })
        ],
        [
          "campaign:c",
          grant("a-2", "lao-dong-tien-tien", year2024, { _tag: "Member", memberId: "m-2", organizationId: "cdcs-1" })
        ]
      )
    )
    expect(Record.member(r, "m-4")?.leftOn).toBe("2023-06-01")
    const v = Eligibility.eligibility(
      r,
      { _tag: "Unit", organizationId: "cdcs-1" } as never,
      "tap-the-lao-dong-tien-tien",
      year2024 as LocalDate.Period,
      Rulebook.standard
    )
    expect(v.failures.filter((f) => f.code === "K1")).toEqual([])
    expect(v.passed).toContain("K1")
  })

  it("'Giỏi việc nước, đảm việc nhà' is for women members: a man fails AWARD-SUBJECT, a woman passes it, no recorded gender leaves it unknown", () => {
    const r = Record.fromEvents(log(member("m-an", "male"), member("m-hoa", "female"), member("m-khong-ro")))
    const ask = (id: string) =>
      Eligibility.eligibility(
        r,
        { _tag: "Member", memberId: id, organizationId: "cdcs-1" } as never,
        "gioi-viec-nuoc-dam-viec-nha",
        year2024 as LocalDate.Period,
        Rulebook.standard
      )
    expect(ask("m-an").failures.map((f) => [f.code, f.messages.vi])).toEqual([
      ["AWARD-SUBJECT", "Giỏi việc nước, đảm việc nhà dành cho nữ đoàn viên."]
    ])
    expect(ask("m-hoa").passed).toContain("AWARD-SUBJECT")
    expect(ask("m-khong-ro").unknown.map((u) => u.rule)).toContain("AWARD-SUBJECT")
  })

  it("given a member dismissed in May and gone the next day, when the union's year is judged, then the dismissal still counts against it (K1)", () => {
    const ldtt = (id: string) =>
      [
        "campaign:c",
        grant(`a-${id}`, "lao-dong-tien-tien", year2024, { _tag: "Member", memberId: id, organizationId: "cdcs-1" })
      ] as const
    const r = Record.fromEvents(
      log(
        ...["m-1", "m-2", "m-3", "m-4", "m-5"].map((id) => member(id)),
        ["org:t", { _tag: "DisciplineRecorded", memberId: "m-5", level: "dismissal", at: "2024-05-01" }],
        ["org:t", { _tag: "MemberLeft", memberId: "m-5", reason: "dismissed", at: "2024-05-02" }],
        ...["m-1", "m-2", "m-3", "m-4"].map(ldtt)
      )
    )
    const v = Eligibility.eligibility(
      r,
      { _tag: "Unit", organizationId: "cdcs-1" } as never,
      "tap-the-lao-dong-tien-tien",
      year2024 as LocalDate.Period,
      Rulebook.standard
    )
    // (Not registered either, G1: the shares are what is judged here.)
    const k1 = v.failures.find((f) => f.code === "K1")
    expect((k1?.details as { warned?: ReadonlyArray<string> } | undefined)?.warned).toEqual(["m-5"])
  })
})
