/**
 * The organization directory of a tenant: the union hierarchy with validity dates, and the
 * clusters and blocks formed each year. One stream per tenant (`org:<tenant>`).
 *
 * The hierarchy is data with dates, not a fixed tree: an organization's parent can change from a
 * day on (the 1/7/2025 reform) and an organization can cease, so a 2020 campaign is judged
 * against the 2020 hierarchy.
 *
 * @internal
 */
import { Result } from "effect"
import * as Dict from "../Dict.js"
import type { ClusterFormed, DirectoryEvent } from "../Event.js"
import type { ClusterId, OrganizationId, TenantId } from "../Ids.js"
import type { DomainError } from "../internal/domainError.js"
import * as LocalDate from "../LocalDate.js"
import { evolveMembers, type Member, type UnitRating } from "../member/state.js"
import type * as Organization from "../Organization.js"
import { AUTH_ACTOR } from "../rules/engineering/AUTH-ACTOR.js"
import { AUTH_SUBTREE } from "../rules/engineering/AUTH-SUBTREE.js"

/**
 * An organization as the directory knows it. `parents` lists its parent from each date on.
 *
 * @since 0.1.0
 */
export interface Org {
  readonly id: OrganizationId
  readonly name: string
  readonly level: Organization.Level
  readonly sector?: Organization.Sector
  readonly members?: number
  readonly workers?: number
  readonly parents: ReadonlyArray<{ readonly parentId: OrganizationId; readonly from: LocalDate.LocalDate }>
  readonly validFrom: LocalDate.LocalDate
  readonly validTo?: LocalDate.LocalDate
  readonly successorId?: OrganizationId
}

/** A cluster or block as formed for a year. @since 0.1.0 */
export type Cluster = Omit<typeof ClusterFormed.Type, "_tag">

/**
 * The directory's state.
 *
 * @since 0.1.0
 */
export interface State {
  readonly tenantId: TenantId | undefined
  readonly organizations: Dict.Dict<Org>
  readonly clusters: Dict.Dict<Cluster>
  /** `unit|organizer|year|kind` to the cluster holding that membership (rule G4). */
  readonly memberships: Dict.Dict<ClusterId>
  /** The members (person records), by id. */
  readonly members: Dict.Dict<Member>
  /** `unit|year` to the unit's rating that year (rule E1). */
  readonly unitRatings: Dict.Dict<UnitRating>
}

/** @since 0.1.0 */
export const initialState: State = {
  tenantId: undefined,
  organizations: Dict.empty(),
  clusters: Dict.empty(),
  memberships: Dict.empty(),
  members: Dict.empty(),
  unitRatings: Dict.empty()
}

// ---------------------------------------------------------------------------------------------
// queries
// ---------------------------------------------------------------------------------------------

/** The organization with an id. @since 0.1.0 */
export const organization = (state: State, id: string): Org | undefined => Dict.get(state.organizations, id)

/** The cluster with an id. @since 0.1.0 */
export const cluster = (state: State, id: string): Cluster | undefined => Dict.get(state.clusters, id)

/** Every organization. @since 0.1.0 */
export const organizations = (state: State): Iterable<Org> => Dict.values(state.organizations)

/** Whether an organization is in operation on a day. @since 0.1.0 */
export const isActiveOn = (org: Org, date: LocalDate.LocalDate): boolean =>
  org.validFrom <= date && (org.validTo === undefined || date <= org.validTo)

/** The parent of an organization on a day (`undefined` for a root). @since 0.1.0 */
export const parentOn = (org: Org, date: LocalDate.LocalDate): OrganizationId | undefined => {
  let parent: OrganizationId | undefined
  for (const p of org.parents) if (p.from <= date) parent = p.parentId
  return parent ?? org.parents[0]?.parentId
}

const MAX_DEPTH = 16

/**
 * The organization and its ancestors on a day, nearest first.
 *
 * @since 0.1.0
 */
export const chain = (state: State, id: OrganizationId, date: LocalDate.LocalDate): ReadonlyArray<OrganizationId> => {
  const result: Array<OrganizationId> = []
  let current: OrganizationId | undefined = id
  while (current !== undefined && result.length < MAX_DEPTH) {
    result.push(current)
    const org = organization(state, current)
    current = org === undefined ? undefined : parentOn(org, date)
  }
  return result
}

/**
 * Whether `id` is `ancestorId` or lies below it on a day.
 *
 * @example
 * ```ts
 * import { Directory, Ids, LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const day = LocalDate.make("2020-01-01")
 * const events = [
 *   { _tag: "OrganizationRegistered", organizationId: Ids.OrganizationId.make("ldld-ha-noi"), name: "LĐLĐ Hà Nội", level: "federation", validFrom: day },
 *   { _tag: "OrganizationRegistered", organizationId: Ids.OrganizationId.make("ldld-hoang-mai"), name: "LĐLĐ quận Hoàng Mai", level: "upper", parentId: Ids.OrganizationId.make("ldld-ha-noi"), validFrom: day }
 * ] as const
 * const state = events.reduce(Directory.evolve, Directory.initialState)
 * assert.equal(Directory.isWithin(state, Ids.OrganizationId.make("ldld-ha-noi"), Ids.OrganizationId.make("ldld-hoang-mai"), day), true)
 * assert.equal(Directory.isWithin(state, Ids.OrganizationId.make("ldld-hoang-mai"), Ids.OrganizationId.make("ldld-ha-noi"), day), false)
 * ```
 *
 * @since 0.1.0
 */
export const isWithin = (
  state: State,
  ancestorId: OrganizationId,
  id: OrganizationId,
  date: LocalDate.LocalDate
): boolean => isWithinBy((o) => organization(state, o), ancestorId, id, date)

/**
 * `isWithin` over any lookup of organizations: for projections that keep the hierarchy in their
 * own state (folded with {@link foldOrg}).
 *
 * @example
 * ```ts
 * import { Directory, LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const day = LocalDate.make("2020-01-01")
 * const orgs = new Map([
 *   ["ldld-quan", { id: "ldld-quan", name: "LĐLĐ quận", level: "upper", parents: [{ parentId: "ldld-ha-noi", from: day }], validFrom: day }]
 * ] as never)
 * assert.equal(Directory.isWithinBy((id) => orgs.get(id), "ldld-ha-noi" as never, "ldld-quan" as never, day), true)
 * ```
 *
 * @since 0.3.0
 */
export const isWithinBy = (
  lookup: (id: string) => Org | undefined,
  ancestorId: string,
  id: string,
  date: LocalDate.LocalDate
): boolean => {
  let current: string | undefined = id
  for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
    if (current === ancestorId) return true
    const org = lookup(current)
    current = org === undefined ? undefined : parentOn(org, date)
  }
  return false
}

/** @internal */
export const membershipKey = (unit: string, organizer: string, year: number, kind: string) =>
  `${unit}|${organizer}|${year}|${kind}`

/** Whether a unit is a member of a cluster. @since 0.1.0 */
export const isClusterMember = (c: Cluster, unitId: OrganizationId): boolean => c.memberIds.includes(unitId)

// ---------------------------------------------------------------------------------------------
// authorization shared with the campaign decider
// ---------------------------------------------------------------------------------------------

type Auth<A = void> = Result.Result<A, DomainError>
const ok: Auth = Result.succeed(undefined)

/**
 * Checks that an actor's organization exists and is in operation on a day (AUTH-ACTOR).
 *
 * @since 0.1.0
 */
export const requireActive = (state: State, id: OrganizationId, date: LocalDate.LocalDate): Auth<Org> => {
  const org = organization(state, id)
  return org !== undefined && isActiveOn(org, date)
    ? Result.succeed(org)
    : AUTH_ACTOR.refuse({ organizationId: id, date })
}

/**
 * Checks that `targetId` lies within `actorId`'s subtree on a day (AUTH-SUBTREE).
 *
 * @since 0.1.0
 */
export const requireWithin = (
  state: State,
  actorId: OrganizationId,
  targetId: OrganizationId,
  date: LocalDate.LocalDate
): Auth => (isWithin(state, actorId, targetId, date) ? ok : AUTH_SUBTREE.refuse({ actorId, targetId, date }))

/**
 * The directory events about one organization: what {@link foldOrg} folds.
 *
 * @since 0.6.0
 */
export type OrgEvent = Extract<
  DirectoryEvent,
  { readonly _tag: "OrganizationRegistered" | "OrganizationMoved" | "OrganizationRestructured" }
>

/**
 * Folds an event of the directory into one organization, as plain data: what `evolve` does for
 * organizations, for projections that keep the hierarchy in their own (serialisable) state.
 * `undefined` before the organization is registered, and for an event about an unknown one.
 *
 * @example
 * ```ts
 * import { Directory, LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const registered = Directory.foldOrg(undefined, {
 *   _tag: "OrganizationRegistered", organizationId: "ldld-quan", name: "LĐLĐ quận", level: "upper",
 *   parentId: "ldld-ha-noi", validFrom: LocalDate.make("2020-01-01")
 * } as never)
 * const ended = Directory.foldOrg(registered, {
 *   _tag: "OrganizationRestructured", organizationId: "ldld-quan", at: LocalDate.make("2025-07-01")
 * } as never)
 * assert.equal(ended?.validTo, "2025-06-30")
 * assert.equal(JSON.parse(JSON.stringify(ended)).parents[0].parentId, "ldld-ha-noi")
 * ```
 *
 * @since 0.3.0
 */
export const foldOrg = (org: Org | undefined, event: OrgEvent): Org | undefined => {
  switch (event._tag) {
    case "OrganizationRegistered": {
      const { _tag, organizationId, parentId, ...rest } = event
      return {
        id: organizationId,
        ...rest,
        parents: parentId === undefined ? [] : [{ parentId, from: event.validFrom }]
      }
    }
    case "OrganizationMoved":
      return org === undefined
        ? undefined
        : { ...org, parents: [...org.parents, { parentId: event.parentId, from: event.at }] }
    case "OrganizationRestructured":
      return org === undefined
        ? undefined
        : {
            ...org,
            validTo: LocalDate.addDays(event.at, -1),
            ...(event.successorId !== undefined ? { successorId: event.successorId } : {})
          }
  }
}

/**
 * Folds a directory event.
 *
 * @since 0.1.0
 */
export const evolve = (state: State, event: DirectoryEvent): State => {
  switch (event._tag) {
    case "OrganizationRegistered":
    case "OrganizationMoved":
    case "OrganizationRestructured": {
      const org = foldOrg(organization(state, event.organizationId), event)
      return org === undefined ? state : { ...state, organizations: Dict.set(state.organizations, org.id, org) }
    }
    case "ClusterFormed": {
      const { _tag, ...c } = event
      let memberships = state.memberships
      for (const unitId of c.memberIds)
        memberships = Dict.set(memberships, membershipKey(unitId, c.organizerId, c.year, c.kind), c.clusterId)
      return { ...state, clusters: Dict.set(state.clusters, c.clusterId, c), memberships }
    }
    default:
      return evolveMembers(state, event)
  }
}
