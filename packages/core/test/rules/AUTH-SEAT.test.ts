import { describe, expect, it } from "@effect/vitest"
import { type Command, Directory, type Ids, type Organization } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"
import { runs } from "../../../../scripts/properties.js"
import { apply, discipline, endSeat, given, leave, register, seat, transfer, world, YEAR } from "../members.js"

type Role = Organization.Role
const hn = { actor: "ldld-hn" }

// A named actor: the organization and role it claims, and the member acting.
const as = (organizationId: string, role: Role, memberId: string) =>
  ({ organizationId: organizationId as Ids.OrganizationId, role, memberId: memberId as Ids.MemberId }) as const

describe("AUTH-SEAT an actor that names a member acts through a seat the member holds", () => {
  const members = ["m-a", "m-b", "m-c"]
  const units = ["cdcs-trung-thanh", "cdcs-phuong-mai", "cdcs-hoang-liet"]
  const seatOrgs = ["ldld-hn", "ldld-hoang-mai", "cdcs-trung-thanh", "cdcs-phuong-mai"]
  const DAY = 86_400_000
  const dayOf = (n: number) => new Date(Date.UTC(YEAR, 0, 1) + n * DAY).toISOString().slice(0, 10)
  const day = fc.integer({ min: 1, max: 360 }).map(dayOf)

  // Each member: a unit, perhaps a transfer on a day, and at most one seat per body and
  // organization, so that every setup command is accepted.
  const person = fc.record({
    unit: fc.constantFrom(...units),
    moved: fc.option(fc.tuple(day, fc.constantFrom(...units)), { nil: undefined }),
    seats: fc.uniqueArray(
      fc.record({
        org: fc.constantFrom(...seatOrgs),
        body: fc.constantFrom("executive" as const, "council" as const),
        from: day,
        length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined })
      }),
      { selector: (s) => `${s.org}|${s.body}`, maxLength: 3 }
    )
  })
  const probe = fc.record({
    memberId: fc.constantFrom(...members, "m-khong-co"),
    org: fc.constantFrom("ldld-hn", "ldld-hoang-mai", ...units),
    role: fc.constantFrom<Role>("executive", "council", "officer"),
    at: day
  })

  it("a command naming a member is refused with AUTH-SEAT exactly when the model says the member has no seat for the role", () =>
    fc.assert(
      fc.property(
        fc.tuple(...members.map(() => person)),
        fc.array(probe, { minLength: 1, maxLength: 8 }),
        (people, probes) => {
          const setup: Array<Command.DirectoryCommand> = []
          people.forEach((p, i) => {
            const id = members[i]!
            setup.push(register(id, p.unit, "2015-01-01", { ...hn, at: `${YEAR - 1}-06-01` }))
            if (p.moved !== undefined && p.moved[1] !== p.unit)
              setup.push(transfer(id, p.moved[1], { ...hn, at: p.moved[0] }))
            for (const s of p.seats) {
              const until =
                s.length === undefined ? undefined : dayOf((Date.parse(s.from) - Date.UTC(YEAR, 0, 1)) / DAY + s.length)
              setup.push(seat(id, s.org, s.body, { ...hn, at: s.from }, until))
            }
          })
          // The model, from the generated data alone.
          const unitOn = (i: number, at: string) => {
            const p = people[i]!
            return p.moved !== undefined && p.moved[1] !== p.unit && p.moved[0] <= at ? p.moved[1] : p.unit
          }
          const seated = (i: number, org: string, body: string, at: string) =>
            people[i]!.seats.some((s) => {
              const until =
                s.length === undefined
                  ? "9999-12-31"
                  : dayOf((Date.parse(s.from) - Date.UTC(YEAR, 0, 1)) / DAY + s.length)
              return s.org === org && s.body === body && s.from <= at && at <= until
            })
          const holds = (memberId: string, org: string, role: Role, at: string) => {
            const i = members.indexOf(memberId)
            if (i < 0) return false
            return role === "officer"
              ? unitOn(i, at) === org || seated(i, org, "executive", at) || seated(i, org, "council", at)
              : seated(i, org, role, at)
          }

          const s = Scenario.make(YEAR, { directory: setup })
          const launched = s.given(s.plan(), s.launch())
          const directory = apply(world, ...setup)
          for (const { memberId, org, role, at } of probes) {
            const expected = holds(memberId, org, role, at)
            // A campaign command any role may send, so that AUTH-SEAT is the first check that can refuse.
            const enroll = { ...s.enroll("cdcs-hoang-liet"), actor: as(org, role, memberId), at: at as never }
            const r = launched.when(enroll).result
            const refusedBySeat = Result.isFailure(r) && r.failure.code === "AUTH-SEAT"
            expect(refusedBySeat, `${memberId} as ${role} of ${org} on ${at}`).toBe(!expected)
            // The directory checks the same, after the role.
            if (role !== "council") {
              const d = Directory.decide(directory, {
                ...register("m-moi", "cdcs-hoang-liet", "2015-01-01", { at }),
                actor: as(org, role, memberId)
              })
              expect(Result.isFailure(d) && d.failure.code === "AUTH-SEAT").toBe(!expected)
            }
          }
        }
      ),
      { numRuns: runs(150, 3_000) }
    ))

  const lan = register("m-lan", "cdcs-trung-thanh", "2015-03-01", { ...hn, at: `${YEAR - 1}-06-01` })
  const an = register("m-an", "cdcs-phuong-mai", "2010-05-01", { ...hn, at: `${YEAR - 1}-06-01` })
  const anOnTheCommittee = seat("m-an", "ldld-hoang-mai", "executive", { ...hn, at: `${YEAR - 1}-06-01` })

  it("accepts Nguyễn Văn An, on Hoàng Mai's executive committee, launching its campaign", () => {
    const s = Scenario.make(YEAR, { directory: [an, anOnTheCommittee] })
    s.given(s.plan())
      .when({ ...s.launch(), actor: as("ldld-hoang-mai", "executive", "m-an") })
      .thenEmits("CampaignLaunched")
  })

  it("refuses him once his seat ended on 31 December, and a member the directory does not know", () => {
    const ended = endSeat("m-an", "ldld-hoang-mai", "executive", { ...hn, at: `${YEAR}-01-01` })
    const s = Scenario.make(YEAR, { directory: [an, anOnTheCommittee, ended] })
    const error = s
      .given(s.plan())
      .when({ ...s.launch(), actor: as("ldld-hoang-mai", "executive", "m-an") })
      .thenFails("AUTH-SEAT")
    expect(error.details.reason).toBe("no-seat")
    expect(error.messages.vi).toBe(
      `Đoàn viên m-an không có ghế Ban Chấp hành tại ldld-hoang-mai vào ngày ${YEAR}-01-02.`
    )
    const unknown = s
      .given(s.plan())
      .when({ ...s.launch(), actor: as("ldld-hoang-mai", "executive", "m-khong-co") })
      .thenFails("AUTH-SEAT")
    expect(unknown.details.reason).toBe("unknown-member")
  })

  it("refuses a council seat where the executive is needed, and the reverse", () => {
    const council = seat("m-an", "ldld-hoang-mai", "council", { ...hn, at: `${YEAR - 1}-06-01` })
    const s = Scenario.make(YEAR, { directory: [an, council] })
    s.given(s.plan())
      .when({ ...s.launch(), actor: as("ldld-hoang-mai", "executive", "m-an") })
      .thenFails("AUTH-SEAT")
    given(an, anOnTheCommittee)
      .when(discipline("m-an", { actor: "ldld-hoang-mai", memberId: "m-an" }))
      .thenEmits("DisciplineRecorded")
  })

  it("an officer of CĐCS Trung Thành records leave there, not at CĐCS phường Hoàng Văn Thụ", () => {
    const officer = (unit: string) => ({ actor: unit, role: "officer" as const, memberId: "m-lan" })
    given(lan)
      .when(leave("m-lan", `${YEAR}-01-02`, `${YEAR}-01-05`, 4, officer("cdcs-trung-thanh")))
      .thenEmits("LeaveRecorded")
    given(lan, an)
      .when(leave("m-an", `${YEAR}-01-02`, `${YEAR}-01-05`, 4, officer("cdcs-phuong-mai")))
      .thenFails("AUTH-SEAT")
  })

  it("an actor that names nobody is checked by role alone, as before", () => {
    const s = Scenario.make(YEAR)
    s.given(s.plan()).when(s.launch()).thenEmits("CampaignLaunched")
    given(lan).when(discipline("m-lan")).thenEmits("DisciplineRecorded")
  })
})
