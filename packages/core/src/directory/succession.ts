/**
 * Succession after a restructuring: who carries on an organization's rights once it ceased, and
 * whether an organization (or its successors) covers a whole period.
 *
 * @internal
 */
import type { OrganizationId } from "../Ids.js"
import * as LocalDate from "../LocalDate.js"
import { isWithin, organization, type State } from "./state.js"

const MAX_SUCCESSION = 16

/**
 * The organization that holds an organization's rights on a day: itself while it is in operation
 * (or before it began), else its successor (the one that carries it on, from the day of its
 * restructuring), and so on.
 *
 * @since 0.3.0
 */
export const carrierOn = (state: State, id: OrganizationId, date: LocalDate.LocalDate): OrganizationId => {
  let current = id
  for (let i = 0; i < MAX_SUCCESSION; i++) {
    const org = organization(state, current)
    if (org === undefined || org.validTo === undefined || date <= org.validTo || org.successorId === undefined)
      return current
    current = org.successorId
  }
  return current
}

/**
 * Whether an actor acts for an organization on a day: the organization lies within the actor's
 * subtree, or the organization's successor does once it was restructured away.
 *
 * @example
 * ```ts
 * import { Directory, LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const day = LocalDate.make("2020-01-01")
 * const events = [
 *   { _tag: "OrganizationRegistered", organizationId: "ldld-ha-noi", name: "LĐLĐ Hà Nội", level: "federation", validFrom: day },
 *   { _tag: "OrganizationRegistered", organizationId: "ldld-quan-a", name: "LĐLĐ quận A", level: "upper", parentId: "ldld-ha-noi", validFrom: day },
 *   { _tag: "OrganizationRegistered", organizationId: "ldld-quan-b", name: "LĐLĐ quận B", level: "upper", parentId: "ldld-ha-noi", validFrom: day },
 *   { _tag: "OrganizationRestructured", organizationId: "ldld-quan-a", successorId: "ldld-quan-b", at: LocalDate.make("2025-07-01") }
 * ] as never[]
 * const state = events.reduce(Directory.evolve, Directory.initialState)
 * const [a, b] = ["ldld-quan-a", "ldld-quan-b"] as never[]
 * assert.equal(Directory.actsFor(state, b, a, LocalDate.make("2025-06-30")), false)
 * assert.equal(Directory.actsFor(state, b, a, LocalDate.make("2025-07-01")), true)
 * ```
 *
 * @since 0.3.0
 */
export const actsFor = (
  state: State,
  actorId: OrganizationId,
  id: OrganizationId,
  date: LocalDate.LocalDate
): boolean => isWithin(state, actorId, id, date) || isWithin(state, actorId, carrierOn(state, id, date), date)

/**
 * Whether an organization, or the successors that carry it on, is in operation on every day of a
 * period: the condition for issuing a campaign over it (rule D2).
 *
 * @since 0.3.0
 */
export const coversPeriod = (state: State, id: OrganizationId, period: LocalDate.Period): boolean => {
  let current: OrganizationId | undefined = id
  let from = period.start
  for (let i = 0; current !== undefined && i < MAX_SUCCESSION; i++) {
    const org = organization(state, current)
    if (org === undefined || org.validFrom > from) return false
    if (org.validTo === undefined || org.validTo >= period.end) return true
    if (org.validTo >= from) from = LocalDate.addDays(org.validTo, 1)
    current = org.successorId
  }
  return false
}
