/**
 * Who is calling, as the host app proved it. The library cannot know who sends a command: a
 * command's `tenantId` and `actor` are what its JSON claims. The host authenticates the caller
 * (its session, token or certificate) and passes the result as a `Principal`, apart from the
 * payload; the command handler refuses a command whose claimed tenant, organization or role differ
 * from it. **This is the one thing a host must do**: everything else (who may do what within a
 * tenant, which organization may act on which) the rules check from there.
 *
 * @since 0.2.0
 */
import type { Organization } from "@thidua/core"
import { ThiDuaError } from "@thidua/core"

/**
 * An authenticated caller: the tenant it belongs to, the organization it acts for and its role
 * there. `personId`, when the host knows it, names the person in the host's own terms and is not
 * checked. `memberId` (from 0.6.0) names the person as a member of the directory: a command from
 * such a caller must name the same member as its actor (`actor.memberId`), and a command naming a
 * member is refused from a caller that names none; the deciders then check that the member holds
 * the seat the role needs (rule AUTH-SEAT).
 *
 * @since 0.2.0
 */
export interface Principal {
  readonly tenantId: string
  readonly organizationId: string
  readonly role: Organization.Role
  readonly personId?: string
  /** @since 0.6.0 */
  readonly memberId?: string
}

/**
 * What a command claims about its sender.
 *
 * @since 0.2.0
 */
export interface Claim {
  readonly tenantId: string
  readonly actor: { readonly organizationId: string; readonly role: string; readonly memberId?: string }
}

/**
 * The command claims a tenant, an organization, a role or a member that its caller does not have. Nothing
 * was read or written.
 *
 * @example
 * ```ts
 * import { Principal } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const error = new Principal.PrincipalMismatch({
 *   field: "tenantId",
 *   claimed: "b",
 *   proven: "a"
 * })
 * assert.equal(error.code, "AUTH-PRINCIPAL")
 * assert.match(error.messages.vi, /không khớp/)
 * ```
 *
 * @since 0.2.0
 */
export class PrincipalMismatch extends ThiDuaError.Tagged("PrincipalMismatch")<{
  readonly field: "tenantId" | "actor.organizationId" | "actor.role" | "actor.memberId"
  readonly claimed: string
  readonly proven: string
}> {
  readonly code = "AUTH-PRINCIPAL"
  get messages(): ThiDuaError.Messages {
    return {
      en: `The command claims ${this.field} ${this.claimed}, but its caller is ${this.proven}.`,
      vi: `Lệnh ghi ${this.field} là ${this.claimed}, không khớp với người gửi đã xác thực (${this.proven}).`
    }
  }
}

// How a mismatch names the absence of a member on one side.
const nobody = "(no member)"

/**
 * The mismatch between a command's claim and its caller, or `undefined` when they agree.
 *
 * @example
 * ```ts
 * import { Principal } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const caller: Principal.Principal = { tenantId: "hanoi", organizationId: "ldld-hm", role: "executive" }
 * const claim = { tenantId: "hanoi", actor: { organizationId: "ldld-hm", role: "executive" } }
 * assert.equal(Principal.check(caller, claim), undefined)
 * assert.equal(Principal.check(caller, { ...claim, tenantId: "hcm" })?.field, "tenantId")
 *
 * // A caller who is a member sends commands in that member's name only.
 * const member: Principal.Principal = { ...caller, memberId: "m-nguyen-thi-lan" }
 * const named = { ...claim, actor: { ...claim.actor, memberId: "m-nguyen-thi-lan" } }
 * assert.equal(Principal.check(member, named), undefined)
 * assert.equal(Principal.check(member, claim)?.field, "actor.memberId")
 * assert.equal(Principal.check(caller, named)?.field, "actor.memberId")
 * ```
 *
 * @since 0.2.0
 */
export const check = (principal: Principal, claim: Claim): PrincipalMismatch | undefined =>
  claim.tenantId !== principal.tenantId
    ? new PrincipalMismatch({ field: "tenantId", claimed: claim.tenantId, proven: principal.tenantId })
    : claim.actor.organizationId !== principal.organizationId
      ? new PrincipalMismatch({
          field: "actor.organizationId",
          claimed: claim.actor.organizationId,
          proven: principal.organizationId
        })
      : claim.actor.role !== principal.role
        ? new PrincipalMismatch({ field: "actor.role", claimed: claim.actor.role, proven: principal.role })
        : // Both name the same member, or neither names one.
          claim.actor.memberId !== principal.memberId
          ? new PrincipalMismatch({
              field: "actor.memberId",
              claimed: claim.actor.memberId ?? nobody,
              proven: principal.memberId ?? nobody
            })
          : undefined

/**
 * The principal a command claims, taken as proven. Only for input the host already trusts as a
 * whole (its own imports and migrations, seeds, tests, its own workflows): never for a command
 * that came from a user.
 *
 * @example
 * ```ts
 * import { Principal } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const p = Principal.trustClaim({ tenantId: "hanoi", actor: { organizationId: "ldld-hm", role: "council" } })
 * assert.deepEqual(p, { tenantId: "hanoi", organizationId: "ldld-hm", role: "council" })
 * ```
 *
 * @since 0.2.0
 */
export const trustClaim = (claim: {
  readonly tenantId: string
  readonly actor: { readonly organizationId: string; readonly role: Organization.Role; readonly memberId?: string }
}): Principal => ({
  tenantId: claim.tenantId,
  organizationId: claim.actor.organizationId,
  role: claim.actor.role,
  ...(claim.actor.memberId !== undefined ? { memberId: claim.actor.memberId } : {})
})
