/**
 * The members' decide functions, one per command: who may register a member, move them, record
 * their leave and discipline, rate them and their units, and seat them on a body. The directory's
 * decide runs the checks every directory command shares (tenant, role, seat, actor) and hands the
 * command here with the acting organization.
 *
 * @internal
 */
import { Result } from "effect"
import type { DirectoryCommand } from "../Command.js"
import { isActiveOn, type Org, organization, requireWithin, type State } from "../directory/state.js"
import type { DirectoryEvent } from "../Event.js"
import type { OrganizationId } from "../Ids.js"
import type { DomainError } from "../internal/domainError.js"
import * as LocalDate from "../LocalDate.js"
import * as Organization from "../Organization.js"
import type { Code } from "../Rule.js"
import { all, type Check, pass } from "../rules/define.js"
import { D1 } from "../rules/directory/D1.js"
import { E1 } from "../rules/directory/E1.js"
import { REF_EXISTS } from "../rules/engineering/REF-EXISTS.js"
import { REF_MISSING } from "../rules/engineering/REF-MISSING.js"
import { type Member, member, seatOn, unitOn, unitRating } from "./state.js"

type Decision = Result.Result<ReadonlyArray<DirectoryEvent>, DomainError>

/** The member commands. @internal */
export type Tag =
  | "RegisterMember"
  | "TransferMember"
  | "RecordLeave"
  | "RecordDiscipline"
  | "RateMember"
  | "RateUnit"
  | "AssignSeat"
  | "EndSeat"
  | "RecordDeparture"

/** What a member decide function receives, once the shared checks passed. @internal */
export interface Input<T extends Tag> {
  readonly state: State
  readonly command: Extract<DirectoryCommand, { readonly _tag: T }>
  /** The acting organization, in operation on the day of the act. */
  readonly actor: Org
}

const emit = (check: Check, event: () => DirectoryEvent): Decision =>
  Result.isFailure(check) ? Result.fail(check.failure) : Result.succeed([event()])

/** A registered member and the unit that manages them on the day: nothing is recorded before their recruitment. */
const memberOn = (
  state: State,
  memberId: string,
  at: LocalDate.LocalDate,
  // The last day the member must have been on the rolls: the day of the act, or for a rating the
  // rated year's end (a retiree's last year is rated in the January after).
  onRollsOn: LocalDate.LocalDate = at
): Result.Result<{ readonly m: Member; readonly unitId: OrganizationId }, DomainError> => {
  const m = member(state, memberId)
  if (m === undefined) return REF_MISSING.refuse({ kind: "member", id: memberId })
  // Once a departure is recorded nothing more is, whatever the date the act claims (a seat dated
  // before the departure would otherwise outlive it); only the rating of a year they finished.
  if (m.leftOn !== undefined && (onRollsOn === at || m.leftOn <= onRollsOn))
    return D1.refuse({
      organizationId: m.units[m.units.length - 1]?.organizationId ?? "",
      memberId,
      reason: "left",
      other: m.leftOn
    })
  const unitId = unitOn(m, m.leftOn !== undefined && m.leftOn <= at ? LocalDate.addDays(m.leftOn, -1) : at)
  if (unitId === undefined)
    return D1.refuse({
      organizationId: m.units[0]?.organizationId ?? "",
      memberId,
      reason: "recruited-after",
      other: m.recruitedOn
    })
  return Result.succeed({ m, unitId })
}

// The units are a dated history: a transfer or a departure comes after the last move, never
// between two.
const afterLastMove = (m: Member, unitId: OrganizationId, memberId: string, at: LocalDate.LocalDate): Check => {
  const last = m.units[m.units.length - 1]?.from ?? m.recruitedOn
  return last < at ? pass : D1.refuse({ organizationId: unitId, memberId, reason: "out-of-order", other: last })
}

/**
 * A unit a member may belong to from `at`: known, in operation, and a grassroots union or a group
 * (where members are managed), or any level below the actor's (a federation may place its own
 * office's members under a district federation, say).
 */
const placeable = (
  state: State,
  actor: Org,
  unitId: OrganizationId,
  memberId: string,
  at: LocalDate.LocalDate
): Check => {
  const unit = organization(state, unitId)
  if (unit === undefined) return REF_MISSING.refuse({ kind: "organization", id: unitId })
  if (!isActiveOn(unit, at)) return D1.refuse({ organizationId: unitId, memberId, reason: "inactive", other: at })
  const managesMembers = unit.level === "grassroots" || unit.level === "group"
  return managesMembers || Organization.rank(unit.level) > Organization.rank(actor.level)
    ? pass
    : D1.refuse({ organizationId: unitId, memberId, reason: "not-a-unit", other: unit.level })
}

const days = (p: LocalDate.Period): number => (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 + 1

const seatKey = (memberId: string, organizationId: string, body: string) => `${memberId}@${organizationId}/${body}`

/** The member commands. @internal */
export const handlers: { readonly [K in Tag]: (input: Input<K>) => Decision } = {
  RegisterMember: ({ state, command, actor }) => {
    const { memberId, organizationId, recruitedOn, at } = command
    if (member(state, memberId) !== undefined) return REF_EXISTS.refuse({ kind: "member", id: memberId })
    return emit(
      all(
        () => placeable(state, actor, organizationId, memberId, at),
        () => requireWithin(state, actor.id, organizationId, at),
        () =>
          recruitedOn <= at
            ? pass
            : D1.refuse({ organizationId, memberId, reason: "recruited-after", other: recruitedOn })
      ),
      () => {
        const { _tag, commandId, tenantId, actor: _actor, ...fields } = command
        return { _tag: "MemberRegistered", ...fields }
      }
    )
  },
  TransferMember: ({ state, command, actor }) => {
    const { memberId, organizationId, at } = command
    const found = memberOn(state, memberId, at)
    if (Result.isFailure(found)) return Result.fail(found.failure)
    const { m, unitId } = found.success
    return emit(
      all(
        () => afterLastMove(m, unitId, memberId, at),
        () =>
          unitId === organizationId
            ? REF_EXISTS.refuse({ kind: "membership", id: `${memberId}@${organizationId}` })
            : pass,
        () => placeable(state, actor, organizationId, memberId, at),
        () => requireWithin(state, actor.id, unitId, at),
        () => requireWithin(state, actor.id, organizationId, at)
      ),
      () => ({ _tag: "MemberTransferred", memberId, organizationId, at })
    )
  },
  RecordLeave: ({ state, command, actor }) => {
    const { memberId, period, workingDays, at } = command
    const found = memberOn(state, memberId, at)
    if (Result.isFailure(found)) return Result.fail(found.failure)
    const { m, unitId } = found.success
    return emit(
      all(
        () =>
          m.recruitedOn <= period.start
            ? pass
            : D1.refuse({ organizationId: unitId, memberId, reason: "recruited-after", other: m.recruitedOn }),
        () =>
          workingDays <= days(period)
            ? pass
            : D1.refuse({ organizationId: unitId, memberId, reason: "leave-too-long", other: String(days(period)) }),
        () => requireWithin(state, actor.id, unitId, at)
      ),
      () => ({ _tag: "LeaveRecorded", memberId, kind: command.kind, period, workingDays })
    )
  },
  RecordDiscipline: ({ state, command, actor }) => {
    const { memberId, at } = command
    const found = memberOn(state, memberId, at)
    if (Result.isFailure(found)) return Result.fail(found.failure)
    return emit(requireWithin(state, actor.id, found.success.unitId, at), () => {
      const { _tag, commandId, tenantId, actor: _actor, ...fields } = command
      return { _tag: "DisciplineRecorded", ...fields }
    })
  },
  RateMember: ({ state, command, actor }) => {
    const { memberId, year, at } = command
    const found = memberOn(state, memberId, at, LocalDate.make(`${year}-12-31`))
    if (Result.isFailure(found)) return Result.fail(found.failure)
    const { m, unitId } = found.success
    return emit(
      all(
        () =>
          LocalDate.year(m.recruitedOn) <= year
            ? pass
            : D1.refuse({ organizationId: unitId, memberId, reason: "recruited-after", other: m.recruitedOn }),
        // A year is rated once it has begun: a rating given ahead would block the real one.
        () =>
          year <= LocalDate.year(at)
            ? pass
            : D1.refuse({ organizationId: unitId, memberId, reason: "future-year", other: String(year) }),
        // A member is rated by the unit that managed them at the rated year's end, or a level above
        // it: a member moved in January is rated by last year's unit, not by the new one.
        () => requireWithin(state, actor.id, unitOn(m, LocalDate.make(`${year}-12-31`)) ?? unitId, at),
        () => (m.ratedYears.includes(year) ? REF_EXISTS.refuse({ kind: "rating", id: `${memberId}/${year}` }) : pass)
      ),
      () => ({ _tag: "MemberRated", memberId, year, rating: command.rating, ratedById: actor.id, at })
    )
  },
  RateUnit: ({ state, command, actor }) => {
    const { organizationId, year, at } = command
    if (organization(state, organizationId) === undefined)
      return REF_MISSING.refuse({ kind: "organization", id: organizationId })
    return emit(
      all(
        () =>
          year <= LocalDate.year(at)
            ? pass
            : D1.refuse({ organizationId, reason: "out-of-order", other: String(year) }),
        () => E1.guards.ratedFromAbove(state, actor.id, organizationId, year, at),
        () => E1.guards.oneRatingPerYear(organizationId, year, unitRating(state, organizationId, year)?.rating)
      ),
      () => {
        const { _tag, commandId, tenantId, actor: _actor, ...fields } = command
        return { _tag: "UnitRated", ...fields, ratedById: actor.id }
      }
    )
  },
  AssignSeat: ({ state, command, actor }) => {
    const { memberId, organizationId, body, until, at } = command
    const found = memberOn(state, memberId, at)
    if (Result.isFailure(found)) return Result.fail(found.failure)
    const { m } = found.success
    const org = organization(state, organizationId)
    if (org === undefined) return REF_MISSING.refuse({ kind: "organization", id: organizationId })
    const end = until ?? "9999-12-31"
    return emit(
      all(
        () => (isActiveOn(org, at) ? pass : D1.refuse({ organizationId, memberId, reason: "inactive", other: at })),
        () =>
          until === undefined || at <= until
            ? pass
            : D1.refuse({ organizationId, memberId, reason: "ends-before-begins", other: until }),
        // The body is the organization's: the actor seats people on its own bodies or those below
        // it, whichever unit manages the person.
        () => requireWithin(state, actor.id, organizationId, at),
        () =>
          m.seats.some(
            (s) =>
              s.organizationId === organizationId &&
              s.body === body &&
              s.from <= end &&
              at <= (s.to ?? "9999-12-31") &&
              (s.to === undefined || s.from <= s.to)
          )
            ? REF_EXISTS.refuse({ kind: "seat", id: seatKey(memberId, organizationId, body) })
            : pass
      ),
      () => ({
        _tag: "SeatAssigned",
        memberId,
        organizationId,
        body,
        from: at,
        ...(until !== undefined ? { to: until } : {})
      })
    )
  },
  EndSeat: ({ state, command, actor }) => {
    const { memberId, organizationId, body, at } = command
    const found = memberOn(state, memberId, at)
    if (Result.isFailure(found)) return Result.fail(found.failure)
    const seat = seatOn(found.success.m, organizationId, body, at)
    if (seat === undefined) return REF_MISSING.refuse({ kind: "seat", id: seatKey(memberId, organizationId, body) })
    return emit(requireWithin(state, actor.id, organizationId, at), () => ({
      _tag: "SeatEnded",
      memberId,
      organizationId,
      body,
      at
    }))
  },
  RecordDeparture: ({ state, command, actor }) => {
    const { memberId, reason, at } = command
    const found = memberOn(state, memberId, at)
    if (Result.isFailure(found)) return Result.fail(found.failure)
    const { m, unitId } = found.success
    // The member's own unit or a level above it records the departure.
    return emit(
      all(
        () => afterLastMove(m, unitId, memberId, at),
        () => requireWithin(state, actor.id, unitId, at)
      ),
      () => ({
        _tag: "MemberLeft",
        memberId,
        reason,
        at
      })
    )
  }
}

/** The rules each function above may refuse with, in the order it meets them. @internal */
export const refusals: { readonly [K in Tag]: ReadonlyArray<Code> } = {
  RegisterMember: ["REF-EXISTS", "REF-MISSING", "D1", "AUTH-SUBTREE"],
  TransferMember: ["REF-MISSING", "D1", "REF-EXISTS", "AUTH-SUBTREE"],
  RecordLeave: ["REF-MISSING", "D1", "AUTH-SUBTREE"],
  RecordDiscipline: ["REF-MISSING", "D1", "AUTH-SUBTREE"],
  RateMember: ["REF-MISSING", "D1", "AUTH-SUBTREE", "REF-EXISTS"],
  RateUnit: ["REF-MISSING", "D1", "E1"],
  AssignSeat: ["REF-MISSING", "D1", "AUTH-SUBTREE", "REF-EXISTS"],
  EndSeat: ["REF-MISSING", "D1", "AUTH-SUBTREE"],
  RecordDeparture: ["REF-MISSING", "D1", "AUTH-SUBTREE"]
}

/** Whether a directory command is a member command. @internal */
export const isMemberCommand = (
  command: DirectoryCommand
): command is Extract<DirectoryCommand, { readonly _tag: Tag }> => Object.hasOwn(handlers, command._tag)
