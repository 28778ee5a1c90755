/**
 * The directory's decide: who may register, move and restructure organizations and form clusters.
 * The members' commands pass the same shared checks here, then `member/decide.ts` decides them.
 *
 * @internal
 */
import { Result } from "effect"
import type { DirectoryCommand } from "../Command.js"
import * as Dict from "../Dict.js"
import type { DirectoryEvent } from "../Event.js"
import type { DomainError } from "../internal/domainError.js"
import * as Member from "../member/decide.js"
import * as Organization from "../Organization.js"
import type { Code } from "../Rule.js"
import { D1 } from "../rules/directory/D1.js"
import { AUTH_ROLE } from "../rules/engineering/AUTH-ROLE.js"
import { AUTH_SEAT } from "../rules/engineering/AUTH-SEAT.js"
import { AUTH_SUBTREE } from "../rules/engineering/AUTH-SUBTREE.js"
import { AUTH_TENANT } from "../rules/engineering/AUTH-TENANT.js"
import { REF_EXISTS } from "../rules/engineering/REF-EXISTS.js"
import { REF_MISSING } from "../rules/engineering/REF-MISSING.js"
import { G4 } from "../rules/registration/G4.js"
import { isActiveOn, isWithin, membershipKey, organization, requireActive, requireWithin, type State } from "./state.js"

type DirectoryDecision = Result.Result<ReadonlyArray<DirectoryEvent>, DomainError>

const one = (e: DirectoryEvent): DirectoryDecision => Result.succeed([e])

/**
 * Decides a directory command.
 *
 * @since 0.1.0
 */
export const decide = (state: State, command: DirectoryCommand): DirectoryDecision => {
  const tenant = AUTH_TENANT.guards.sameTenant(state.tenantId, command.tenantId)
  if (Result.isFailure(tenant)) return Result.fail(tenant.failure)
  const role = AUTH_ROLE.guards.roleFor(command.actor.role, command._tag)
  if (Result.isFailure(role)) return Result.fail(role.failure)
  const seat = AUTH_SEAT.guards.seatForRole(state, command.actor, command.at)
  if (Result.isFailure(seat)) return Result.fail(seat.failure)
  const at = command.at
  const actorId = command.actor.organizationId
  if (Member.isMemberCommand(command)) {
    const actor = requireActive(state, actorId, at)
    if (Result.isFailure(actor)) return Result.fail(actor.failure)
    const handler = Member.handlers[command._tag] as (input: Member.Input<Member.Tag>) => DirectoryDecision
    return handler({ state, command, actor: actor.success })
  }

  switch (command._tag) {
    case "RegisterOrganization": {
      if (Dict.has(state.organizations, command.organizationId))
        return REF_EXISTS.refuse({ kind: "organization", id: command.organizationId })
      if (command.validTo !== undefined && command.validTo < at)
        return D1.refuse({
          organizationId: command.organizationId,
          reason: "ends-before-begins",
          other: command.validTo
        })
      if (command.parentId === undefined) {
        // A root registers itself: the way a tenant's directory starts.
        if (actorId !== command.organizationId)
          return AUTH_SUBTREE.refuse({ actorId, targetId: command.organizationId, date: at })
      } else {
        const actor = requireActive(state, actorId, at)
        if (Result.isFailure(actor)) return Result.fail(actor.failure)
        const parent = organization(state, command.parentId)
        if (parent === undefined) return REF_MISSING.refuse({ kind: "organization", id: command.parentId })
        if (!isActiveOn(parent, at))
          return D1.refuse({
            organizationId: command.organizationId,
            reason: "parent-inactive",
            other: parent.id
          })
        if (Organization.rank(parent.level) >= Organization.rank(command.level))
          return D1.refuse({
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
      if (org === undefined) return REF_MISSING.refuse({ kind: "organization", id: command.organizationId })
      const parent = organization(state, command.parentId)
      if (parent === undefined) return REF_MISSING.refuse({ kind: "organization", id: command.parentId })
      if (!isActiveOn(org, at) || !isActiveOn(parent, at))
        return D1.refuse({ organizationId: org.id, reason: "inactive", other: at })
      if (Organization.rank(parent.level) >= Organization.rank(org.level))
        return D1.refuse({ organizationId: org.id, reason: "parent-not-higher", other: parent.level })
      if (isWithin(state, org.id, parent.id, at))
        return D1.refuse({ organizationId: org.id, reason: "cycle", other: parent.id })
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
      if (org === undefined) return REF_MISSING.refuse({ kind: "organization", id: command.organizationId })
      if (org.validTo !== undefined)
        return D1.refuse({ organizationId: org.id, reason: "already-restructured", other: org.validTo })
      if (!isActiveOn(org, at) || at <= org.validFrom)
        return D1.refuse({ organizationId: org.id, reason: "outside-operation", other: at })
      if (command.successorId !== undefined) {
        const successor = organization(state, command.successorId)
        if (successor === undefined) return REF_MISSING.refuse({ kind: "organization", id: command.successorId })
        if (!isActiveOn(successor, at) || successor.id === org.id)
          return D1.refuse({ organizationId: org.id, reason: "successor-inactive", other: successor.id })
        // The successor carries on the organization's rights: a peer or a higher level (so never
        // one of its own units), and one the actor may place (an organization cannot hand itself
        // away).
        if (Organization.rank(successor.level) > Organization.rank(org.level))
          return D1.refuse({ organizationId: org.id, reason: "successor-lower", other: successor.id })
        for (let s: string | undefined = successor.successorId, i = 0; s !== undefined && i < 16; i++) {
          if (s === org.id) return D1.refuse({ organizationId: org.id, reason: "cycle", other: successor.id })
          s = organization(state, s)?.successorId
        }
        const places = requireWithin(state, actorId, successor.id, at)
        if (Result.isFailure(places)) return Result.fail(places.failure)
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
        return REF_EXISTS.refuse({ kind: "cluster", id: command.clusterId })
      if (command.headId !== undefined && !command.memberIds.includes(command.headId))
        return REF_MISSING.refuse({ kind: "cluster member", id: command.headId })
      for (const unitId of command.memberIds) {
        const unit = requireActive(state, unitId, at)
        if (Result.isFailure(unit)) return Result.fail(unit.failure)
        const within = requireWithin(state, actorId, unitId, at)
        if (Result.isFailure(within)) return Result.fail(within.failure)
        const other = Dict.get(state.memberships, membershipKey(unitId, actorId, command.year, command.kind))
        const g4 = G4.guards.oneClusterPerYear(unitId, command.clusterId, other)
        if (Result.isFailure(g4)) return Result.fail(g4.failure)
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

// What `decide` checks itself for every command, in its order; the member commands then check
// the actor before their part decides them.
const shared: ReadonlyArray<Code> = ["AUTH-TENANT", "AUTH-ROLE", "AUTH-SEAT"]
const memberRefusals = (tag: Member.Tag): ReadonlyArray<Code> => [
  ...new Set<Code>([...shared, "AUTH-ACTOR", ...Member.refusals[tag]])
]

/**
 * The rules that can refuse each directory command, in the order {@link decide} first meets them:
 * the tenant, the role (the executive changes the organizations; an officer may keep the members'
 * day-to-day records) and the seat of the member the actor names, then the command's own.
 * A test holds the list to what `decide` does on generated commands; the command reference
 * (docs/reference/commands.md) prints it.
 *
 * @example
 * ```ts
 * import { Directory } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.ok(Directory.refusals.FormCluster.includes("G4"))
 * assert.ok(Directory.refusals.RateUnit.includes("E1"))
 * assert.ok(Directory.refusals.RegisterMember.includes("AUTH-SEAT"))
 * ```
 *
 * @since 0.5.0
 */
export const refusals: { readonly [T in DirectoryCommand["_tag"]]: ReadonlyArray<Code> } = {
  RegisterOrganization: [...shared, "REF-EXISTS", "D1", "AUTH-SUBTREE", "AUTH-ACTOR", "REF-MISSING"],
  MoveOrganization: [...shared, "AUTH-ACTOR", "REF-MISSING", "D1", "AUTH-SUBTREE"],
  RestructureOrganization: [...shared, "AUTH-ACTOR", "REF-MISSING", "D1", "AUTH-SUBTREE"],
  FormCluster: [...shared, "AUTH-ACTOR", "REF-EXISTS", "REF-MISSING", "AUTH-SUBTREE", "G4"],
  RegisterMember: memberRefusals("RegisterMember"),
  TransferMember: memberRefusals("TransferMember"),
  RecordLeave: memberRefusals("RecordLeave"),
  RecordDiscipline: memberRefusals("RecordDiscipline"),
  RateMember: memberRefusals("RateMember"),
  RateUnit: memberRefusals("RateUnit"),
  AssignSeat: memberRefusals("AssignSeat"),
  EndSeat: memberRefusals("EndSeat"),
  RecordDeparture: memberRefusals("RecordDeparture")
}
