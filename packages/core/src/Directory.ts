/**
 * The organization directory of a tenant: the union hierarchy with validity dates, and the
 * clusters and blocks formed each year. One stream per tenant (`org:<tenant>`).
 *
 * The hierarchy is data with dates, not a fixed tree: an organization's parent can change from a
 * day on (the 1/7/2025 reform) and an organization can cease, so a 2020 campaign is judged
 * against the 2020 hierarchy.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import type { DirectoryCommand } from "./Command.js"
import type { Decider as DeciderShape } from "./Decider.js"
import * as Dict from "./Dict.js"
import * as DomainError from "./DomainError.js"
import type { ClusterFormed, DirectoryEvent } from "./Event.js"
import type { ClusterId, OrganizationId, TenantId } from "./Ids.js"
import * as LocalDate from "./LocalDate.js"
import * as Organization from "./Organization.js"

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
}

/** @since 0.1.0 */
export const initialState: State = {
  tenantId: undefined,
  organizations: Dict.empty(),
  clusters: Dict.empty(),
  memberships: Dict.empty()
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
): boolean => {
  let current: OrganizationId | undefined = id
  for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
    if (current === ancestorId) return true
    const org = organization(state, current)
    current = org === undefined ? undefined : parentOn(org, date)
  }
  return false
}

const membershipKey = (unit: string, organizer: string, year: number, kind: string) =>
  `${unit}|${organizer}|${year}|${kind}`

/** Whether a unit is a member of a cluster. @since 0.1.0 */
export const isClusterMember = (c: Cluster, unitId: OrganizationId): boolean => c.memberIds.includes(unitId)

// ---------------------------------------------------------------------------------------------
// authorization shared with the campaign decider
// ---------------------------------------------------------------------------------------------

type Auth<A = void> = Result.Result<A, DomainError.DomainError>
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
    : Result.fail(DomainError.make("AUTH-ACTOR", { organizationId: id, date }))
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
): Auth =>
  isWithin(state, actorId, targetId, date)
    ? ok
    : Result.fail(DomainError.make("AUTH-SUBTREE", { actorId, targetId, date }))

// ---------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------

const fail = <C extends DomainError.Code>(code: C, details: DomainError.Details[C]) =>
  Result.fail(DomainError.make(code, details))

const one = (e: DirectoryEvent): Result.Result<ReadonlyArray<DirectoryEvent>, DomainError.DomainError> =>
  Result.succeed([e])

/**
 * Decides a directory command.
 *
 * @since 0.1.0
 */
export const decide = (
  state: State,
  command: DirectoryCommand
): Result.Result<ReadonlyArray<DirectoryEvent>, DomainError.DomainError> => {
  if (state.tenantId !== undefined && state.tenantId !== command.tenantId)
    return fail("AUTH-TENANT", { expected: state.tenantId, actual: command.tenantId })
  if (command.actor.role !== "executive")
    return fail("AUTH-ROLE", { role: command.actor.role, command: command._tag, needs: "executive" })
  const at = command.at
  const actorId = command.actor.organizationId

  switch (command._tag) {
    case "RegisterOrganization": {
      if (Dict.has(state.organizations, command.organizationId))
        return fail("REF-EXISTS", { kind: "organization", id: command.organizationId })
      if (command.validTo !== undefined && command.validTo < at)
        return fail("D1", {
          organizationId: command.organizationId,
          reason: "ends-before-begins",
          other: command.validTo
        })
      if (command.parentId === undefined) {
        // A root registers itself: the way a tenant's directory starts.
        if (actorId !== command.organizationId)
          return fail("AUTH-SUBTREE", { actorId, targetId: command.organizationId, date: at })
      } else {
        const actor = requireActive(state, actorId, at)
        if (Result.isFailure(actor)) return Result.fail(actor.failure)
        const parent = organization(state, command.parentId)
        if (parent === undefined) return fail("REF-MISSING", { kind: "organization", id: command.parentId })
        if (!isActiveOn(parent, at))
          return fail("D1", {
            organizationId: command.organizationId,
            reason: "parent-inactive",
            other: parent.id
          })
        if (Organization.rank(parent.level) >= Organization.rank(command.level))
          return fail("D1", {
            organizationId: command.organizationId,
            reason: "parent-not-higher",
            other: parent.level
          })
        const within = requireWithin(state, actorId, command.parentId, at)
        if (Result.isFailure(within)) return Result.fail(within.failure)
      }
      const { _tag, commandId, tenantId, actor, at: _at, ...fields } = command
      return one({ _tag: "OrganizationRegistered", ...fields, validFrom: at })
    }
    case "MoveOrganization": {
      const actor = requireActive(state, actorId, at)
      if (Result.isFailure(actor)) return Result.fail(actor.failure)
      const org = organization(state, command.organizationId)
      if (org === undefined) return fail("REF-MISSING", { kind: "organization", id: command.organizationId })
      const parent = organization(state, command.parentId)
      if (parent === undefined) return fail("REF-MISSING", { kind: "organization", id: command.parentId })
      if (!isActiveOn(org, at) || !isActiveOn(parent, at))
        return fail("D1", { organizationId: org.id, reason: "inactive", other: at })
      if (Organization.rank(parent.level) >= Organization.rank(org.level))
        return fail("D1", { organizationId: org.id, reason: "parent-not-higher", other: parent.level })
      if (isWithin(state, org.id, parent.id, at))
        return fail("D1", { organizationId: org.id, reason: "cycle", other: parent.id })
      const a = requireWithin(state, actorId, org.id, at)
      if (Result.isFailure(a)) return Result.fail(a.failure)
      const b = requireWithin(state, actorId, parent.id, at)
      if (Result.isFailure(b)) return Result.fail(b.failure)
      return one({ _tag: "OrganizationMoved", organizationId: org.id, parentId: parent.id, at })
    }
    case "RestructureOrganization": {
      const actor = requireActive(state, actorId, at)
      if (Result.isFailure(actor)) return Result.fail(actor.failure)
      const org = organization(state, command.organizationId)
      if (org === undefined) return fail("REF-MISSING", { kind: "organization", id: command.organizationId })
      if (!isActiveOn(org, at) || at <= org.validFrom)
        return fail("D1", { organizationId: org.id, reason: "outside-operation", other: at })
      if (command.successorId !== undefined) {
        const successor = organization(state, command.successorId)
        if (successor === undefined) return fail("REF-MISSING", { kind: "organization", id: command.successorId })
        if (!isActiveOn(successor, at) || successor.id === org.id)
          return fail("D1", { organizationId: org.id, reason: "successor-inactive", other: successor.id })
      }
      const within = requireWithin(state, actorId, org.id, at)
      if (Result.isFailure(within)) return Result.fail(within.failure)
      return one({
        _tag: "OrganizationRestructured",
        organizationId: org.id,
        ...(command.successorId !== undefined ? { successorId: command.successorId } : {}),
        at
      })
    }
    case "FormCluster": {
      const actor = requireActive(state, actorId, at)
      if (Result.isFailure(actor)) return Result.fail(actor.failure)
      if (Dict.has(state.clusters, command.clusterId))
        return fail("REF-EXISTS", { kind: "cluster", id: command.clusterId })
      if (command.headId !== undefined && !command.memberIds.includes(command.headId))
        return fail("REF-MISSING", { kind: "cluster member", id: command.headId })
      for (const unitId of command.memberIds) {
        const unit = requireActive(state, unitId, at)
        if (Result.isFailure(unit)) return Result.fail(unit.failure)
        const within = requireWithin(state, actorId, unitId, at)
        if (Result.isFailure(within)) return Result.fail(within.failure)
        const other = Dict.get(state.memberships, membershipKey(unitId, actorId, command.year, command.kind))
        if (other !== undefined) return fail("G4", { unitId, clusterId: command.clusterId, other })
      }
      return one({
        _tag: "ClusterFormed",
        clusterId: command.clusterId,
        name: command.name,
        kind: command.kind,
        organizerId: actorId,
        year: command.year,
        memberIds: command.memberIds,
        ...(command.headId !== undefined ? { headId: command.headId } : {})
      })
    }
  }
}

// ---------------------------------------------------------------------------------------------
// evolve
// ---------------------------------------------------------------------------------------------

/**
 * Folds a directory event.
 *
 * @since 0.1.0
 */
export const evolve = (state: State, event: DirectoryEvent): State => {
  switch (event._tag) {
    case "OrganizationRegistered": {
      const { _tag, organizationId, parentId, ...rest } = event
      const org: Org = {
        id: organizationId,
        ...rest,
        parents: parentId === undefined ? [] : [{ parentId, from: event.validFrom }]
      }
      return { ...state, organizations: Dict.set(state.organizations, organizationId, org) }
    }
    case "OrganizationMoved":
      return {
        ...state,
        organizations: Dict.modify(state.organizations, event.organizationId, (o) => ({
          ...o,
          parents: [...o.parents, { parentId: event.parentId, from: event.at }]
        }))
      }
    case "OrganizationRestructured":
      return {
        ...state,
        organizations: Dict.modify(state.organizations, event.organizationId, (o) => ({
          ...o,
          validTo: LocalDate.addDays(event.at, -1),
          ...(event.successorId !== undefined ? { successorId: event.successorId } : {})
        }))
      }
    case "ClusterFormed": {
      const { _tag, ...c } = event
      let memberships = state.memberships
      for (const unitId of c.memberIds)
        memberships = Dict.set(memberships, membershipKey(unitId, c.organizerId, c.year, c.kind), c.clusterId)
      return { ...state, clusters: Dict.set(state.clusters, c.clusterId, c), memberships }
    }
  }
}

/**
 * The initial state of one tenant's directory. Events do not repeat the tenant (the stream name
 * holds it), so a directory that must refuse other tenants' commands starts from here.
 *
 * @since 0.1.0
 */
export const initialFor = (tenantId: TenantId): State => ({ ...initialState, tenantId })

/**
 * The directory as a Decider.
 *
 * @since 0.1.0
 */
export const decider: DeciderShape<State, DirectoryCommand, DirectoryEvent, DomainError.DomainError> = {
  initialState,
  decide,
  evolve
}
