import { describe, expect, it } from "@effect/vitest"
import { Command, Directory, type Event, LocalDate, ThiDuaError } from "@thidua/core"
import { Result } from "effect"
import fc from "fast-check"
import { runs } from "../../../scripts/properties.js"
import {
  apply,
  command,
  depart,
  discipline,
  endSeat,
  given,
  leave,
  rateMember,
  rateUnit,
  register,
  seat,
  transfer,
  world,
  YEAR
} from "./members.js"

const d = LocalDate.make
const lan = register("m-lan", "cdcs-trung-thanh", "2015-03-01", { actor: "cdcs-trung-thanh", role: "officer" })

describe("members as data: each command is accepted with its event", () => {
  it("an officer of CĐCS Trung Thành registers Nguyễn Thị Lan, recruited in 2015", () => {
    const [e] = given().when(lan).thenEmits("MemberRegistered")
    expect(e).toMatchObject({ memberId: "m-lan", organizationId: "cdcs-trung-thanh", recruitedOn: "2015-03-01" })
    const state = apply(world, lan)
    expect(Directory.member(state, "m-lan")?.name).toBe("Nguyễn Thị Lan")
    expect(Directory.unitOfMember(state, "m-lan", d("2015-03-01"))).toBe("cdcs-trung-thanh")
    expect(Directory.unitOfMember(state, "m-lan", d("2015-02-28"))).toBeUndefined()
  })

  it("Hoàng Mai transfers her to CĐCS phường Hoàng Văn Thụ from 1 July; the history keeps both", () => {
    const move = transfer("m-lan", "cdcs-phuong-mai", { at: `${YEAR}-07-01` })
    given(lan).when(move).thenEmits("MemberTransferred")
    const state = apply(world, lan, move)
    expect(Directory.unitOfMember(state, "m-lan", d(`${YEAR}-06-30`))).toBe("cdcs-trung-thanh")
    expect(Directory.unitOfMember(state, "m-lan", d(`${YEAR}-07-01`))).toBe("cdcs-phuong-mai")
  })

  it("her maternity leave is recorded with its working days", () => {
    const [e] = given(lan)
      .when(leave("m-lan", `${YEAR}-01-02`, `${YEAR}-06-30`, 124, { actor: "cdcs-trung-thanh", role: "officer" }))
      .thenEmits("LeaveRecorded")
    expect(e).toMatchObject({ kind: "maternity", workingDays: 124 })
  })

  it("the union's executive records a reprimand", () => {
    given(lan)
      .when(discipline("m-lan", { actor: "cdcs-trung-thanh" }))
      .thenEmits("DisciplineRecorded")
  })

  it("the union rates her for the year; the rater is recorded", () => {
    const [e] = given(lan)
      .when(rateMember("m-lan", YEAR, { actor: "cdcs-trung-thanh", at: `${YEAR}-12-20` }))
      .thenEmits("MemberRated")
    expect((e as Extract<Event.DirectoryEvent, { _tag: "MemberRated" }>).ratedById).toBe("cdcs-trung-thanh")
  })

  it("Hoàng Mai rates CĐCS Trung Thành for the year (E1: by the level above)", () => {
    const [e] = given()
      .when(rateUnit("cdcs-trung-thanh", YEAR, { at: `${YEAR}-12-28` }))
      .thenEmits("UnitRated")
    expect(e).toMatchObject({ ratedById: "ldld-hoang-mai", rating: "excellent" })
  })

  it("she takes a seat on the union's executive committee, and it ends", () => {
    const sit = seat("m-lan", "cdcs-trung-thanh", "executive", {}, "2027-12-31")
    given(lan).when(sit).thenEmits("SeatAssigned")
    const end = endSeat("m-lan", "cdcs-trung-thanh", "executive", { at: `${YEAR}-10-01` })
    given(lan, sit).when(end).thenEmits("SeatEnded")
    const state = apply(world, lan, sit, end)
    const on = (s: string) => Directory.holdsSeat(state, "m-lan", "cdcs-trung-thanh" as never, "executive", d(s))
    expect([on(`${YEAR}-03-01`), on(`${YEAR}-09-30`), on(`${YEAR}-10-01`)]).toEqual([true, true, false])
  })
})

describe("members as data: the year's unit rates the year", () => {
  it("given Lan moved to CĐCS phường Mai on 2 January, when Trung Thành rates her year just finished, then it may; phường Mai may not rate a year it did not manage her", () => {
    const move = transfer("m-lan", "cdcs-phuong-mai", { at: `${YEAR + 1}-01-02` })
    given(lan, move)
      .when(rateMember("m-lan", YEAR, { actor: "cdcs-trung-thanh", at: `${YEAR + 1}-01-10` }))
      .thenEmits("MemberRated")
    given(lan, move)
      .when(rateMember("m-lan", YEAR, { actor: "cdcs-phuong-mai", at: `${YEAR + 1}-01-10` }))
      .thenFails("AUTH-SUBTREE")
  })
})

describe("members as data: a member leaves the rolls", () => {
  it("given Lan seated on the union's executive, when she retires on 1 October, then she belongs to no unit, her seat ends the day before, and nothing more is recorded of her", () => {
    const onCommittee = seat("m-lan", "cdcs-trung-thanh", "executive", {
      actor: "cdcs-trung-thanh",
      at: `${YEAR}-01-02`
    })
    const retire = depart("m-lan", { actor: "cdcs-trung-thanh", at: `${YEAR}-10-01` })
    const [e] = given(lan, onCommittee).when(retire).thenEmits("MemberLeft")
    expect(e).toMatchObject({ memberId: "m-lan", reason: "retired", at: `${YEAR}-10-01` })
    const state = apply(world, lan, onCommittee, retire)
    expect(Directory.unitOfMember(state, "m-lan", d(`${YEAR}-09-30`))).toBe("cdcs-trung-thanh")
    expect(Directory.unitOfMember(state, "m-lan", d(`${YEAR}-10-01`))).toBeUndefined()
    expect(Directory.holdsSeat(state, "m-lan", "cdcs-trung-thanh" as never, "executive", d(`${YEAR}-09-30`))).toBe(true)
    expect(Directory.holdsSeat(state, "m-lan", "cdcs-trung-thanh" as never, "executive", d(`${YEAR}-10-01`))).toBe(
      false
    )
    // Off the rolls: a rating, a transfer or a second departure after it is refused (D1 "left").
    given(lan, onCommittee, retire)
      .when(rateMember("m-lan", YEAR, { actor: "cdcs-trung-thanh", at: `${YEAR}-12-20` }))
      .thenFails("D1")
    given(lan, onCommittee, retire)
      .when(depart("m-lan", { actor: "cdcs-trung-thanh", at: `${YEAR}-11-01` }))
      .thenFails("D1")
  })

  it("D1: once a departure is recorded, nothing more is, whatever date the act claims; her last year is still rated", () => {
    const retire = depart("m-lan", { actor: "cdcs-trung-thanh", at: `${YEAR + 1}-01-01` })
    // A seat dated before the departure, sent after it: refused, or it would outlive her on the rolls.
    given(lan, retire)
      .when(seat("m-lan", "cdcs-trung-thanh", "executive", { actor: "cdcs-trung-thanh", at: `${YEAR}-03-01` }))
      .thenFails("D1")
    // A second departure, dated earlier: refused.
    given(lan, retire)
      .when(depart("m-lan", { actor: "cdcs-trung-thanh", at: `${YEAR}-02-01` }))
      .thenFails("D1")
    // She retired on 1 January: the year she finished is rated in the January after.
    given(lan, retire)
      .when(rateMember("m-lan", YEAR, { actor: "cdcs-trung-thanh", at: `${YEAR + 1}-01-10` }))
      .thenEmits("MemberRated")
  })

  it("D1: a departure comes after the last move, never before it", () => {
    const move = transfer("m-lan", "cdcs-phuong-mai", { at: `${YEAR}-06-01` })
    given(lan, move)
      .when(depart("m-lan", { actor: "ldld-hoang-mai", at: `${YEAR}-03-01` }))
      .thenFails("D1")
  })

  it("AUTH-ROLE and AUTH-SUBTREE: an officer records no departure; Ba Đình none of a Hoàng Mai member", () => {
    given(lan)
      .when(depart("m-lan", { actor: "cdcs-trung-thanh", role: "officer", at: `${YEAR}-10-01` }))
      .thenFails("AUTH-ROLE")
    given(lan)
      .when(depart("m-lan", { actor: "ldld-ba-dinh", at: `${YEAR}-10-01` }))
      .thenFails("AUTH-SUBTREE")
  })
})

describe("members as data: each refusal names its rule", () => {
  it("AUTH-TENANT: another tenant's registration", () => {
    given()
      .when(register("m-x", "cdcs-trung-thanh", "2015-03-01", { tenantId: "hai-phong" }))
      .thenFails("AUTH-TENANT")
  })

  it("AUTH-ROLE: the council registers nobody; an officer neither rates a unit nor disciplines", () => {
    given()
      .when(register("m-x", "cdcs-trung-thanh", "2015-03-01", { role: "council" }))
      .thenFails("AUTH-ROLE")
    given()
      .when(rateUnit("cdcs-trung-thanh", YEAR, { role: "officer" }))
      .thenFails("AUTH-ROLE")
    given(lan)
      .when(discipline("m-lan", { actor: "cdcs-trung-thanh", role: "officer" }))
      .thenFails("AUTH-ROLE")
  })

  it("AUTH-ACTOR: an organization the directory does not know", () => {
    given(lan)
      .when(discipline("m-lan", { actor: "ldld-khong-co" }))
      .thenFails("AUTH-ACTOR")
  })

  it("REF-EXISTS: a member id reused, a second rating, a seat overlapping another, a transfer to the same unit", () => {
    given(lan).when(register("m-lan", "cdcs-phuong-mai")).thenFails("REF-EXISTS")
    given(lan, rateMember("m-lan", YEAR))
      .when(rateMember("m-lan", YEAR, { at: `${YEAR}-12-30` }))
      .thenFails("REF-EXISTS")
    const sit = seat("m-lan", "cdcs-trung-thanh", "executive", {}, `${YEAR + 2}-12-31`)
    given(lan, sit)
      .when(seat("m-lan", "cdcs-trung-thanh", "executive", { at: `${YEAR + 1}-01-01` }))
      .thenFails("REF-EXISTS")
    given(lan).when(transfer("m-lan", "cdcs-trung-thanh")).thenFails("REF-EXISTS")
  })

  it("REF-MISSING: an unknown unit, an unknown member, a seat not held", () => {
    given().when(register("m-x", "cdcs-khong-co")).thenFails("REF-MISSING")
    given().when(discipline("m-khong-co")).thenFails("REF-MISSING")
    given(lan)
      .when(endSeat("m-lan", "cdcs-trung-thanh", "council"))
      .thenFails("REF-MISSING")
    given().when(rateUnit("cdcs-khong-co", YEAR)).thenFails("REF-MISSING")
  })

  it("D1: a member's unit is a grassroots union or group in operation, or a level below the actor", () => {
    expect(given().when(register("m-x", "ldld-hoang-mai")).thenFails("D1").details.reason).toBe("not-a-unit")
    // The city federation may place its office's staff under a district federation.
    given()
      .when(register("m-x", "ldld-hoang-mai", "2015-03-01", { actor: "ldld-hn" }))
      .thenEmits("MemberRegistered")
    const merged = command(
      "RestructureOrganization",
      { organizationId: "cdcs-phuong-mai" as never, successorId: "cdcs-trung-thanh" as never },
      { at: `${YEAR}-07-01` }
    )
    expect(
      given(lan, merged)
        .when(transfer("m-lan", "cdcs-phuong-mai", { at: `${YEAR}-08-01` }))
        .thenFails("D1").details.reason
    ).toBe("inactive")
  })

  it("D1: a member's record is dated in order", () => {
    const reason = (r: { details: { reason: string } }) => r.details.reason
    expect(
      reason(
        given()
          .when(register("m-x", "cdcs-trung-thanh", `${YEAR}-06-01`))
          .thenFails("D1")
      )
    ).toBe("recruited-after")
    const move = transfer("m-lan", "cdcs-phuong-mai", { at: `${YEAR}-07-01` })
    const binh = register("m-binh", "cdcs-trung-thanh", "2023-06-01")
    expect(
      reason(
        given(binh)
          .when(transfer("m-binh", "cdcs-hoang-liet", { at: "2023-03-01" }))
          .thenFails("D1")
      )
    ).toBe("recruited-after")
    expect(
      reason(
        given(lan, move)
          .when(transfer("m-lan", "cdcs-hoang-liet", { at: `${YEAR}-07-01` }))
          .thenFails("D1")
      )
    ).toBe("out-of-order")
    expect(
      reason(
        given(lan)
          .when(leave("m-lan", `${YEAR}-01-01`, `${YEAR}-01-10`, 11))
          .thenFails("D1")
      )
    ).toBe("leave-too-long")
    expect(
      reason(
        given(lan)
          .when(leave("m-lan", "2014-01-01", "2014-01-10", 5))
          .thenFails("D1")
      )
    ).toBe("recruited-after")
    expect(reason(given(lan).when(rateMember("m-lan", 2014)).thenFails("D1"))).toBe("recruited-after")
    expect(
      reason(
        given(lan)
          .when(seat("m-lan", "cdcs-trung-thanh", "council", {}, `${YEAR}-02-28`))
          .thenFails("D1")
      )
    ).toBe("ends-before-begins")
  })

  it("AUTH-SUBTREE: Ba Đình acts on no Hoàng Mai member; a unit rates no member of another", () => {
    given()
      .when(register("m-x", "cdcs-trung-thanh", "2015-03-01", { actor: "ldld-ba-dinh" }))
      .thenFails("AUTH-SUBTREE")
    given(lan)
      .when(discipline("m-lan", { actor: "ldld-ba-dinh" }))
      .thenFails("AUTH-SUBTREE")
    given(lan)
      .when(rateMember("m-lan", YEAR, { actor: "cdcs-phuong-mai" }))
      .thenFails("AUTH-SUBTREE")
    given(lan)
      .when(seat("m-lan", "ldld-ba-dinh", "council"))
      .thenFails("AUTH-SUBTREE")
  })
})

describe("members as data: bad input gets a typed error and changes nothing", () => {
  const before = apply(world, lan)
  // What a host does with input: decode it, decide it, fold what was decided.
  const handle = (input: unknown) => {
    const decoded = Command.decodeDirectory(JSON.parse(JSON.stringify(input)))
    if (Result.isFailure(decoded)) return { state: before, error: decoded.failure }
    const r = Directory.decide(before, decoded.success)
    return Result.isFailure(r)
      ? { state: before, error: r.failure }
      : { state: r.success.reduce(Directory.evolve, before), error: undefined }
  }

  it.each([
    ["a member id reused", register("m-lan", "cdcs-phuong-mai"), "REF-EXISTS"],
    ["an unknown unit", register("m-x", "cdcs-khong-co"), "REF-MISSING"],
    ["another tenant", register("m-x", "cdcs-trung-thanh", "2015-03-01", { tenantId: "hai-phong" }), "AUTH-TENANT"],
    ["a date out of order", register("m-x", "cdcs-trung-thanh", `${YEAR + 1}-01-01`), "D1"],
    [
      "a leave period that ends before it starts",
      leave("m-lan", `${YEAR}-02-01`, `${YEAR}-01-01`, 1),
      "CommandDecodeError"
    ],
    ["a NUL in the name", { ...register("m-x"), name: "Nguyễn\u0000Lan" }, "CommandDecodeError"],
    ["a year out of range", rateMember("m-lan", 3000), "CommandDecodeError"]
  ] as const)("%s: %s", (_, input, code) => {
    const { state, error } = handle(input)
    expect(ThiDuaError.isThiDuaError(error)).toBe(true)
    expect((error as { code: string }).code).toBe(code)
    expect(state).toBe(before)
    expect(Directory.member(state, "m-x")).toBeUndefined()
  })
})

// A model of what the directory may hold, written from the statements: a member's units follow
// each other in time, a member never holds two seats on one body of one organization on one day,
// a member is rated once a year.
describe("members as data: no reachable directory breaks the member rules", () => {
  const members = ["m-1", "m-2", "m-3"]
  const units = ["cdcs-trung-thanh", "cdcs-phuong-mai", "cdcs-hoang-liet", "cdcs-ba-dinh", "ldld-hoang-mai"]
  const dates = [
    "2014-06-01",
    `${YEAR}-01-15`,
    `${YEAR}-03-01`,
    `${YEAR}-07-01`,
    `${YEAR + 1}-01-01`,
    `${YEAR + 2}-05-01`
  ]
  const member = fc.constantFrom(...members)
  const unit = fc.constantFrom(...units)
  const date = fc.constantFrom(...dates)
  const as = fc.record({
    actor: fc.constantFrom("ldld-hn", "ldld-hn", "ldld-hoang-mai", "cdcs-trung-thanh"),
    at: date
  })
  const body = fc.constantFrom("executive" as const, "council" as const)
  // Seats of fewer members on fewer bodies, so that ending one meets a seat that is held.
  const seatMember = fc.constantFrom("m-1", "m-2")
  const seatUnit = fc.constantFrom("cdcs-trung-thanh", "ldld-hoang-mai")
  const step = fc.oneof(
    fc.tuple(member, unit, date, as).map(([m, u, r, a]) => register(m, u, r, a)),
    fc.tuple(member, unit, as).map(([m, u, a]) => transfer(m, u, a)),
    fc.tuple(member, date, date, fc.nat({ max: 400 }), as).map(([m, x, y, n, a]) => {
      const [start, end] = [x, y].sort()
      return leave(m, start!, end!, n, a)
    }),
    fc.tuple(member, fc.constantFrom(YEAR, YEAR + 1), as).map(([m, y, a]) => rateMember(m, y, a)),
    {
      arbitrary: fc
        .tuple(seatMember, seatUnit, body, as, fc.option(date, { nil: undefined }))
        .map(([m, u, b, a, until]) => seat(m, u, b, a, until)),
      weight: 2
    },
    { arbitrary: fc.tuple(seatMember, seatUnit, body, as).map(([m, u, b, a]) => endSeat(m, u, b, a)), weight: 4 }
  )
  // The members registered first, most of the time, so that the steps meet them.
  const first = fc
    .subarray(members)
    .chain((ms) =>
      fc.tuple(
        ...ms.map((m) => unit.map((u) => register(m, u, "2014-06-01", { actor: "ldld-hn", at: `${YEAR}-01-15` })))
      )
    )
  const accepted = new Map<string, number>()

  it("every state after accepted commands keeps the rules", () => {
    fc.assert(
      fc.property(first, fc.array(step, { minLength: 5, maxLength: 40 }), (registrations, steps) => {
        let state = world
        for (const c of [...registrations, ...steps]) {
          const r = Directory.decide(state, c)
          if (Result.isFailure(r)) continue
          accepted.set(c._tag, (accepted.get(c._tag) ?? 0) + 1)
          state = r.success.reduce(Directory.evolve, state)
          for (const id of members) {
            const m = Directory.member(state, id)
            if (m === undefined) continue
            // Units follow each other in time, each from a later day, none before recruitment.
            expect(m.units[0]?.from).toBe(m.recruitedOn)
            for (let i = 1; i < m.units.length; i++) expect(m.units[i - 1]!.from < m.units[i]!.from).toBe(true)
            // No two seats held on one day on one body of one organization.
            for (const day of dates)
              for (const u of units)
                for (const b of ["executive", "council"] as const)
                  expect(
                    m.seats.filter(
                      (s) =>
                        s.organizationId === u && s.body === b && s.from <= day && (s.to === undefined || day <= s.to)
                    ).length
                  ).toBeLessThanOrEqual(1)
            expect(new Set(m.ratedYears).size).toBe(m.ratedYears.length)
          }
        }
      }),
      { numRuns: runs(300, 10_000) }
    )
    // The property is worth something only if it meets accepted commands of every kind.
    for (const tag of ["RegisterMember", "TransferMember", "RecordLeave", "RateMember", "AssignSeat", "EndSeat"])
      expect(accepted.get(tag) ?? 0, tag).toBeGreaterThan(0)
  })
})
