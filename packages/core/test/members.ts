/**
 * Given/when/then over the directory, for the members' tests: the Hanoi world of `Scenario` (the
 * confederation `tld`, the city federation `ldld-hn`, the districts `ldld-hoang-mai` and
 * `ldld-ba-dinh`, their grassroots unions), registered from 1 January of the year before, and
 * builders for the member commands whose defaults fill the routine fields.
 */
import { type Command, Directory, DomainError, type Event, type Ids, type Organization } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { Result } from "effect"

type DirectoryCommand = Command.DirectoryCommand
type Tag = DirectoryCommand["_tag"]
type Fields<T extends Tag> = Omit<
  Extract<DirectoryCommand, { _tag: T }>,
  "_tag" | "commandId" | "tenantId" | "actor" | "at"
>

/** Who acts and when. */
export interface As {
  readonly actor?: string
  readonly role?: Organization.Role
  readonly at?: string
  readonly memberId?: string
  readonly tenantId?: string
}

/** The year of the world: every organization is in operation from 1 January of the year before. */
export const YEAR = 2024

/** The directory of the Hanoi world, without members. */
export const world: Directory.State = Scenario.make(YEAR).directory

let n = 0

/** Any directory command; by default the executive of ldld-hoang-mai acts on 1 March. */
export const command = <T extends Tag>(
  tag: T,
  fields: Fields<T>,
  as: As = {}
): Extract<DirectoryCommand, { _tag: T }> =>
  ({
    _tag: tag,
    commandId: `m-cmd-${++n}`,
    tenantId: as.tenantId ?? "hanoi",
    actor: {
      organizationId: as.actor ?? "ldld-hoang-mai",
      role: as.role ?? "executive",
      ...(as.memberId !== undefined ? { memberId: as.memberId } : {})
    },
    at: as.at ?? `${YEAR}-03-01`,
    ...fields
  }) as never

const o = (id: string) => id as Ids.OrganizationId
const m = (id: string) => id as Ids.MemberId
const day = (s: string) => s as never

export const register = (memberId: string, unit = "cdcs-trung-thanh", recruitedOn = "2015-03-01", as: As = {}) =>
  command(
    "RegisterMember",
    { memberId: m(memberId), name: "Nguyễn Thị Lan", organizationId: o(unit), recruitedOn: day(recruitedOn) },
    as
  )
export const transfer = (memberId: string, unit: string, as: As = {}) =>
  command("TransferMember", { memberId: m(memberId), organizationId: o(unit) }, as)
export const leave = (memberId: string, start: string, end: string, workingDays: number, as: As = {}) =>
  command(
    "RecordLeave",
    { memberId: m(memberId), kind: "maternity", period: { start: day(start), end: day(end) }, workingDays },
    as
  )
export const discipline = (memberId: string, as: As = {}) =>
  command("RecordDiscipline", { memberId: m(memberId), level: "reprimand" }, as)
export const rateMember = (memberId: string, year: number, as: As = {}) =>
  command("RateMember", { memberId: m(memberId), year, rating: "good" }, as)
export const rateUnit = (unit: string, year: number, as: As = {}) =>
  command("RateUnit", { organizationId: o(unit), year, rating: "excellent" }, as)
export const seat = (
  memberId: string,
  organizationId: string,
  body: "executive" | "council",
  as: As = {},
  until?: string
) =>
  command(
    "AssignSeat",
    {
      memberId: m(memberId),
      organizationId: o(organizationId),
      body,
      ...(until !== undefined ? { until: day(until) } : {})
    },
    as
  )
export const depart = (memberId: string, as: As = {}) =>
  command("RecordDeparture", { memberId: m(memberId), reason: "retired" }, as)
export const endSeat = (memberId: string, organizationId: string, body: "executive" | "council", as: As = {}) =>
  command("EndSeat", { memberId: m(memberId), organizationId: o(organizationId), body }, as)

/** Applies commands that must be accepted. */
export const apply = (state: Directory.State, ...commands: ReadonlyArray<DirectoryCommand>): Directory.State => {
  let s = state
  commands.forEach((c, i) => {
    const r = Directory.decide(s, c)
    if (Result.isFailure(r)) throw new Error(`given: command ${i} (${c._tag}) was refused: ${String(r.failure)}`)
    s = r.success.reduce(Directory.evolve, s)
  })
  return s
}

/** The directory after some commands, and what one more does to it. */
export const given = (...commands: ReadonlyArray<DirectoryCommand>) => {
  const state = apply(world, ...commands)
  return {
    state,
    when: (c: DirectoryCommand) => {
      const result = Directory.decide(state, c)
      return {
        result,
        thenFails: <C extends DomainError.Code>(code: C): DomainError.DomainError<C> => {
          if (Result.isSuccess(result))
            throw new Error(`expected ${code}, but ${c._tag} was accepted: ${result.success.map((e) => e._tag)}`)
          if (result.failure.code !== code) throw new Error(`expected ${code}, got ${String(result.failure)}`)
          if (!DomainError.isDomainError(result.failure)) throw new Error("not a DomainError")
          return result.failure as DomainError.DomainError<C>
        },
        thenEmits: (...tags: ReadonlyArray<Event.DirectoryEvent["_tag"]>): ReadonlyArray<Event.DirectoryEvent> => {
          if (Result.isFailure(result)) throw new Error(`expected ${tags.join(", ")}, got ${String(result.failure)}`)
          const got = result.success.map((e) => e._tag)
          if (got.join() !== tags.join()) throw new Error(`expected ${tags.join(", ")}, got ${got.join(", ")}`)
          return result.success
        }
      }
    }
  }
}
