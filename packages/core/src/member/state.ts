/**
 * The members as the directory knows them: what the directory's decide reads about a person (the
 * unit that manages them on a day, their seats, the years they were rated) and the units' yearly
 * ratings. Their leave, discipline and ratings as a record for eligibility are folded elsewhere
 * (the commendation record); the directory keeps only what its checks need.
 *
 * @internal
 */
import * as Dict from "../Dict.js"
import type { MemberId, OrganizationId } from "../Ids.js"
import * as LocalDate from "../LocalDate.js"
import type {
  Body,
  DisciplineRecorded,
  Gender,
  LeaveRecorded,
  MemberLeft,
  MemberRated,
  MemberRegistered,
  MemberTransferred,
  Rating,
  SeatAssigned,
  SeatEnded,
  UnitRated
} from "./schema.js"

/** The unit that manages a member from a day on. @since 0.6.0 */
export interface Membership {
  readonly organizationId: OrganizationId
  readonly from: LocalDate.LocalDate
}

/** A seat on a body of an organization, both ends included; `to` is absent while it lasts. @since 0.6.0 */
export interface Seat {
  readonly organizationId: OrganizationId
  readonly body: Body
  readonly from: LocalDate.LocalDate
  readonly to?: LocalDate.LocalDate
}

/**
 * A member as the directory knows them. `units` lists the unit that manages them from each day
 * on, in order: the first from their recruitment (the directory knows no earlier unit), then one
 * per transfer.
 *
 * @since 0.6.0
 */
export interface Member {
  readonly id: MemberId
  readonly name: string
  readonly recruitedOn: LocalDate.LocalDate
  readonly gender?: Gender
  readonly units: ReadonlyArray<Membership>
  readonly seats: ReadonlyArray<Seat>
  /** The years the member was rated, so a year is rated once. */
  readonly ratedYears: ReadonlyArray<number>
  /** The first day off the union's rolls, once the member left. */
  readonly leftOn?: LocalDate.LocalDate
}

/** A unit's rating for a year (rule E1). @since 0.6.0 */
export interface UnitRating {
  readonly organizationId: OrganizationId
  readonly year: number
  readonly rating: Rating
  readonly points?: number
  readonly ratedById: OrganizationId
  readonly at: LocalDate.LocalDate
}

/** The part of the directory's state the members live in. @internal */
export interface Members {
  readonly members: Dict.Dict<Member>
}

/** The part of the directory's state the units' ratings live in. @internal */
export interface UnitRatings {
  /** `unit|year` to the unit's rating that year (rule E1). */
  readonly unitRatings: Dict.Dict<UnitRating>
}

/** The member events, as the directory folds them. @internal */
export type MemberEvent =
  | typeof MemberRegistered.Type
  | typeof MemberTransferred.Type
  | typeof MemberLeft.Type
  | typeof LeaveRecorded.Type
  | typeof DisciplineRecorded.Type
  | typeof MemberRated.Type
  | typeof UnitRated.Type
  | typeof SeatAssigned.Type
  | typeof SeatEnded.Type

/** @internal */
export const unitRatingKey = (organizationId: string, year: number): string => `${organizationId}|${year}`

// ---------------------------------------------------------------------------------------------
// queries
// ---------------------------------------------------------------------------------------------

/**
 * The member with an id, as the directory knows them.
 *
 * @example
 * ```ts
 * import { Directory, LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const state = [
 *   { _tag: "MemberRegistered", memberId: "m-lan", name: "Nguyễn Thị Lan", organizationId: "cdcs-trung-thanh", recruitedOn: "2015-03-01", at: "2020-01-02" },
 *   { _tag: "MemberTransferred", memberId: "m-lan", organizationId: "cdcs-phuong-mai", at: "2021-01-01" },
 *   { _tag: "SeatAssigned", memberId: "m-lan", organizationId: "cdcs-phuong-mai", body: "executive", from: "2021-01-01", to: "2025-12-31" }
 * ].reduce((s, e) => Directory.evolve(s, e as never), Directory.initialState)
 * assert.equal(Directory.member(state, "m-lan")?.name, "Nguyễn Thị Lan")
 * assert.equal(Directory.member(state, "m-khac"), undefined)
 * ```
 *
 * @since 0.6.0
 */
export const member = (state: Members, memberId: string): Member | undefined => Dict.get(state.members, memberId)

/**
 * The unit that manages a member on a day: `undefined` before their recruitment and from the day
 * they left. For a member
 * already looked up; {@link unitOfMember} looks them up by id.
 *
 * @example
 * ```ts
 * import { Directory, LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const state = Directory.evolve(Directory.initialState, {
 *   _tag: "MemberRegistered", memberId: "m-lan", name: "Nguyễn Thị Lan",
 *   organizationId: "cdcs-trung-thanh", recruitedOn: "2015-03-01", at: "2020-01-02"
 * } as never)
 * const lan = Directory.member(state, "m-lan")!
 * assert.equal(Directory.unitOn(lan, LocalDate.make("2015-03-01")), "cdcs-trung-thanh")
 * ```
 *
 * @since 0.6.0
 */
export const unitOn = (m: Member, date: LocalDate.LocalDate): OrganizationId | undefined => {
  if (m.leftOn !== undefined && m.leftOn <= date) return undefined
  let unit: OrganizationId | undefined
  for (const u of m.units) if (u.from <= date) unit = u.organizationId
  return unit
}

/** Whether a seat is held on a day. @since 0.6.0 */
export const seatHeldOn = (seat: Seat, date: LocalDate.LocalDate): boolean =>
  seat.from <= date && (seat.to === undefined || date <= seat.to)

/**
 * The member's seat on a body of an organization held on a day, with its dates.
 *
 * @example
 * ```ts
 * import { Directory, LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const state = [
 *   { _tag: "MemberRegistered", memberId: "m-lan", name: "Nguyễn Thị Lan", organizationId: "cdcs-trung-thanh", recruitedOn: "2015-03-01", at: "2020-01-02" },
 *   { _tag: "SeatAssigned", memberId: "m-lan", organizationId: "cdcs-trung-thanh", body: "council", from: "2020-01-02" },
 *   { _tag: "SeatEnded", memberId: "m-lan", organizationId: "cdcs-trung-thanh", body: "council", at: "2023-01-01" }
 * ].reduce((s, e) => Directory.evolve(s, e as never), Directory.initialState)
 * const lan = Directory.member(state, "m-lan")!
 * // The seat ends the day before `at` of SeatEnded.
 * assert.equal(Directory.seatOn(lan, "cdcs-trung-thanh" as never, "council", LocalDate.make("2022-12-31"))?.to, "2022-12-31")
 * assert.equal(Directory.seatOn(lan, "cdcs-trung-thanh" as never, "council", LocalDate.make("2023-01-01")), undefined)
 * ```
 *
 * @since 0.6.0
 */
export const seatOn = (
  m: Member,
  organizationId: OrganizationId,
  body: Body,
  date: LocalDate.LocalDate
): Seat | undefined =>
  m.seats.find((s) => s.organizationId === organizationId && s.body === body && seatHeldOn(s, date))

/**
 * The unit that manages a member on a day: `undefined` for an unknown member or before their
 * recruitment. The registering unit holds from the recruitment; each transfer from its day.
 *
 * @example
 * ```ts
 * import { Directory, LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const state = [
 *   { _tag: "MemberRegistered", memberId: "m-lan", name: "Nguyễn Thị Lan", organizationId: "cdcs-trung-thanh", recruitedOn: "2015-03-01", at: "2020-01-02" },
 *   { _tag: "MemberTransferred", memberId: "m-lan", organizationId: "cdcs-phuong-mai", at: "2021-01-01" },
 *   { _tag: "SeatAssigned", memberId: "m-lan", organizationId: "cdcs-phuong-mai", body: "executive", from: "2021-01-01", to: "2025-12-31" }
 * ].reduce((s, e) => Directory.evolve(s, e as never), Directory.initialState)
 * assert.equal(Directory.unitOfMember(state, "m-lan", LocalDate.make("2020-06-01")), "cdcs-trung-thanh")
 * assert.equal(Directory.unitOfMember(state, "m-lan", LocalDate.make("2021-01-01")), "cdcs-phuong-mai")
 * assert.equal(Directory.unitOfMember(state, "m-lan", LocalDate.make("2014-12-31")), undefined)
 * ```
 *
 * @since 0.6.0
 */
export const unitOfMember = (
  state: Members,
  memberId: string,
  date: LocalDate.LocalDate
): OrganizationId | undefined => {
  const m = member(state, memberId)
  return m === undefined ? undefined : unitOn(m, date)
}

/**
 * Whether a member holds a seat on a body of an organization on a day (both ends of the seat
 * included).
 *
 * @example
 * ```ts
 * import { Directory, LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const state = [
 *   { _tag: "MemberRegistered", memberId: "m-lan", name: "Nguyễn Thị Lan", organizationId: "cdcs-trung-thanh", recruitedOn: "2015-03-01", at: "2020-01-02" },
 *   { _tag: "MemberTransferred", memberId: "m-lan", organizationId: "cdcs-phuong-mai", at: "2021-01-01" },
 *   { _tag: "SeatAssigned", memberId: "m-lan", organizationId: "cdcs-phuong-mai", body: "executive", from: "2021-01-01", to: "2025-12-31" }
 * ].reduce((s, e) => Directory.evolve(s, e as never), Directory.initialState)
 * const at = LocalDate.make("2024-03-01")
 * assert.equal(Directory.holdsSeat(state, "m-lan", "cdcs-phuong-mai" as never, "executive", at), true)
 * assert.equal(Directory.holdsSeat(state, "m-lan", "cdcs-phuong-mai" as never, "council", at), false)
 * assert.equal(Directory.holdsSeat(state, "m-lan", "cdcs-phuong-mai" as never, "executive", LocalDate.make("2026-01-01")), false)
 * ```
 *
 * @since 0.6.0
 */
export const holdsSeat = (
  state: Members,
  memberId: string,
  organizationId: OrganizationId,
  body: Body,
  date: LocalDate.LocalDate
): boolean => {
  const m = member(state, memberId)
  return m !== undefined && seatOn(m, organizationId, body, date) !== undefined
}

/**
 * A unit's rating for a year (rule E1: one a year, by the level above).
 *
 * @example
 * ```ts
 * import { Directory } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const state = Directory.evolve(Directory.initialState, {
 *   _tag: "UnitRated", organizationId: "cdcs-trung-thanh", year: 2024, rating: "excellent",
 *   ratedById: "ldld-hoang-mai", at: "2024-12-28"
 * } as never)
 * assert.equal(Directory.unitRating(state, "cdcs-trung-thanh", 2024)?.rating, "excellent")
 * assert.equal(Directory.unitRating(state, "cdcs-trung-thanh", 2023), undefined)
 * ```
 *
 * @since 0.6.0
 */
export const unitRating = (state: UnitRatings, organizationId: string, year: number): UnitRating | undefined =>
  Dict.get(state.unitRatings, unitRatingKey(organizationId, year))

// ---------------------------------------------------------------------------------------------
// folds
// ---------------------------------------------------------------------------------------------

const withMember = <S extends Members>(state: S, memberId: string, f: (m: Member) => Member): S => {
  const members = Dict.modify(state.members, memberId, f)
  return members === state.members ? state : { ...state, members }
}

/**
 * Folds a member event into the directory's state. An event about an unknown member leaves the
 * state as it was; leave and discipline change nothing the directory's checks read.
 *
 * @internal
 */
export const evolveMembers = <S extends Members & UnitRatings>(state: S, event: MemberEvent): S => {
  switch (event._tag) {
    case "MemberRegistered": {
      const m: Member = {
        id: event.memberId,
        name: event.name,
        recruitedOn: event.recruitedOn,
        ...(event.gender !== undefined ? { gender: event.gender } : {}),
        units: [{ organizationId: event.organizationId, from: event.recruitedOn }],
        seats: [],
        ratedYears: []
      }
      return { ...state, members: Dict.set(state.members, m.id, m) }
    }
    case "MemberTransferred":
      return withMember(state, event.memberId, (m) => ({
        ...m,
        units: [...m.units, { organizationId: event.organizationId, from: event.at }]
      }))
    case "MemberRated":
      return withMember(state, event.memberId, (m) => ({ ...m, ratedYears: [...m.ratedYears, event.year] }))
    case "MemberLeft":
      // Off the rolls from `at`: no unit, and every seat held then ends the day before.
      return withMember(state, event.memberId, (m) => ({
        ...m,
        leftOn: event.at,
        seats: m.seats.map((s) =>
          s.to === undefined || s.to >= event.at ? { ...s, to: LocalDate.addDays(event.at, -1) } : s
        )
      }))
    case "SeatAssigned":
      return withMember(state, event.memberId, (m) => ({
        ...m,
        seats: [
          ...m.seats,
          {
            organizationId: event.organizationId,
            body: event.body,
            from: event.from,
            ...(event.to !== undefined ? { to: event.to } : {})
          }
        ]
      }))
    case "SeatEnded":
      // The seat held on the day ends the day before: `at` is the first day without it.
      return withMember(state, event.memberId, (m) => ({
        ...m,
        seats: m.seats.map((s) =>
          s.organizationId === event.organizationId && s.body === event.body && seatHeldOn(s, event.at)
            ? { ...s, to: LocalDate.addDays(event.at, -1) }
            : s
        )
      }))
    case "UnitRated": {
      const { _tag, ...rating } = event
      return {
        ...state,
        unitRatings: Dict.set(state.unitRatings, unitRatingKey(rating.organizationId, rating.year), rating)
      }
    }
    case "LeaveRecorded":
    case "DisciplineRecorded":
      return state
  }
}
