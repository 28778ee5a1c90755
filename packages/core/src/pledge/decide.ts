/**
 * Pledges: covenants (giao ước) signed by units or a cluster, registrations for titles (đăng ký
 * thi đua) approved or rejected by the organizer, and union–management covenants (G1–G5).
 *
 * @internal
 */
import { Result } from "effect"
import * as CampaignState from "../CampaignState.js"
import * as Directory from "../Directory.js"
import { emit, type Handlers, inScope, missing, one, organizer, type Refusals } from "../internal/decision.js"
import * as Lifecycle from "../Lifecycle.js"
import * as Organization from "../Organization.js"
import { all, type Check, pass } from "../rules/define.js"
import { AUTH_SUBTREE } from "../rules/engineering/AUTH-SUBTREE.js"
import { LIFECYCLE } from "../rules/engineering/LIFECYCLE.js"
import { REF_MISSING } from "../rules/engineering/REF-MISSING.js"
import { G2 } from "../rules/registration/G2.js"
import { G3 } from "../rules/registration/G3.js"
import { G5 } from "../rules/registration/G5.js"

/** The pledges' commands. */
export const handlers: Handlers<"SignPledge" | "ApproveRegistration" | "RejectRegistration"> = {
  SignPledge: ({ state, plan, command, ctx }) => {
    const { at, clusterId } = command
    const actorId = command.actor.organizationId
    const period = command.period ?? plan.period
    const subject = command.kind === "registration" ? Organization.registrationSubject(command) : undefined
    const signersAuthorized = (): Check => {
      for (const unitId of command.signerIds) {
        const a = Directory.requireActive(ctx.directory, unitId, at)
        if (Result.isFailure(a)) return Result.fail(a.failure)
        const s = inScope(ctx, plan, unitId, at)
        if (Result.isFailure(s)) return s
      }
      // A cluster covenant is signed by the cluster's head or its organizer for all members;
      // any other pledge by (an upper level of) each signer.
      if (clusterId !== undefined) {
        const c = Directory.cluster(ctx.directory, clusterId)
        if (c === undefined) return REF_MISSING.refuse({ kind: "cluster", id: clusterId })
        if (Directory.isClusterMember(c, actorId) || Directory.actsFor(ctx.directory, actorId, c.organizerId, at))
          return pass
        return AUTH_SUBTREE.refuse({ actorId, targetId: clusterId, date: at })
      }
      for (const unitId of command.signerIds) {
        const w = Directory.requireWithin(ctx.directory, actorId, unitId, at)
        if (Result.isFailure(w)) return w
      }
      return pass
    }
    return emit(
      all(
        () => G5.guards.covenantFixedOnceSigned(state, plan, command, period),
        signersAuthorized,
        () =>
          subject === undefined
            ? pass
            : all(
                () =>
                  command.signerIds.includes(subject.organizationId)
                    ? pass
                    : AUTH_SUBTREE.refuse({
                        actorId: command.signerIds[0],
                        targetId: subject.organizationId,
                        date: at
                      }),
                () => G2.guards.oneActiveRegistration(state, command)
              ),
        () => G3.guards.oneCovenantPerCluster(state, ctx.directory, command, period)
      ),
      () => ({
        _tag: "PledgeSigned",
        pledgeId: command.pledgeId,
        kind: command.kind,
        signerIds: command.signerIds,
        ...(subject !== undefined ? { subject } : {}),
        ...(clusterId !== undefined ? { clusterId } : {}),
        targets: command.targets,
        period,
        ...(command.supersedes !== undefined ? { supersedes: command.supersedes } : {}),
        at
      })
    )
  },
  ApproveRegistration: (input) => decideRegistration(input),
  RejectRegistration: (input) => decideRegistration(input)
}

const decideRegistration = ({
  state,
  plan,
  command,
  ctx
}:
  | Parameters<(typeof handlers)["ApproveRegistration"]>[0]
  | Parameters<(typeof handlers)["RejectRegistration"]>[0]) => {
  const p = CampaignState.pledge(state, command.pledgeId)
  if (p === undefined || p.kind !== "registration") return missing("registration", command.pledgeId)
  const o = organizer(ctx, plan, command.actor.organizationId, command.at)
  if (Result.isFailure(o)) return Result.fail(o.failure)
  if (Lifecycle.pledge.next(p.status, command._tag) === undefined)
    return LIFECYCLE.guards.refuseStep("registration", p.id, p.status, command._tag)
  return one(
    command._tag === "ApproveRegistration"
      ? { _tag: "RegistrationApproved", pledgeId: p.id, at: command.at }
      : { _tag: "RegistrationRejected", pledgeId: p.id, reason: command.reason, at: command.at }
  )
}

/** The rules each function above may refuse with (G5 and G3 refuse an unknown pledge or cluster with REF-MISSING). */
export const refusals: Refusals<"SignPledge" | "ApproveRegistration" | "RejectRegistration"> = {
  SignPledge: ["G5", "REF-MISSING", "AUTH-ACTOR", "AUTH-SUBTREE", "G2", "G3"],
  ApproveRegistration: ["REF-MISSING", "AUTH-SUBTREE", "LIFECYCLE"],
  RejectRegistration: ["REF-MISSING", "AUTH-SUBTREE", "LIFECYCLE"]
}
