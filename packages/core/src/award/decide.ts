/**
 * Awards (khen thưởng): granted by an organization whose level may grant the kind (A1), after the
 * review of their period (C7), to a registered subject for titles (G1), once per achievement (U1),
 * within the quota (T4), following the nomination they cite (A3); presented (trao tặng) by the
 * grantor or an organization between it and the recipient; revoked only for a lawful reason (V1).
 * Exemplars are replicated (nhân rộng) from awards or reviews.
 *
 * @internal
 */
import { Result } from "effect"
import * as CampaignState from "../CampaignState.js"
import * as Dict from "../Dict.js"
import * as Directory from "../Directory.js"
import { codes as eligibilityCodes } from "../eligibility/requirements.js"
import {
  eligible,
  emit,
  exists,
  type Handlers,
  inScope,
  missing,
  one,
  organizer,
  ownUnit,
  paramsOf,
  type Refusals
} from "../internal/decision.js"
import type * as Rulebook from "../Rulebook.js"
import { A1 } from "../rules/authority/A1.js"
import { A3 } from "../rules/authority/A3.js"
import { AWARD_SUBJECT } from "../rules/award/AWARD-SUBJECT.js"
import { T4 } from "../rules/award/T4.js"
import { U1 } from "../rules/award/U1.js"
import { V1 } from "../rules/award/V1.js"
import { C4 } from "../rules/campaign/C4.js"
import { C7 } from "../rules/campaign/C7.js"
import { all, pass } from "../rules/define.js"
import { AUTH_SUBTREE } from "../rules/engineering/AUTH-SUBTREE.js"
import { LIFECYCLE } from "../rules/engineering/LIFECYCLE.js"
import { G1 } from "../rules/registration/G1.js"

/** The awards' commands. */
export const handlers: Handlers<"GrantAward" | "PresentAward" | "RevokeAward" | "ReplicateExemplar"> = {
  GrantAward: ({ state, plan, command, ctx, actor }) => {
    if (CampaignState.award(state, command.awardId) !== undefined) return exists("award", command.awardId)
    const { at, nominationId, recipient, kind } = command
    const actorId = command.actor.organizationId
    const n = nominationId === undefined ? undefined : CampaignState.nomination(state, nominationId)
    if (nominationId !== undefined && n === undefined) return missing("nomination", nominationId)
    // Two guards read the parameters; the regime and the issuer's overrides are resolved once.
    let resolved: Rulebook.Params | undefined
    const params = (): Rulebook.Params => (resolved ??= paramsOf(ctx, plan))
    return emit(
      all(
        () => A1.guards.grantingAuthority(actorId, actor.level, kind),
        () => AWARD_SUBJECT.guards.fits(recipient, kind),
        () => Directory.requireWithin(ctx.directory, actorId, recipient.organizationId, at),
        () => inScope(ctx, plan, recipient.organizationId, at),
        () => ownUnit(ctx, recipient, command.period, at),
        () => C4.guards.periodWithinCampaign(plan, command.period),
        () => (n === undefined ? pass : A3.guards.grantFollowsNomination(n, recipient, kind, actorId)),
        () => C7.guards.awardAfterReview(state, kind, command.period, command.extraordinary),
        () => G1.guards.titleNeedsRegistration(state, recipient, kind, command.extraordinary, params()),
        () => U1.guards.oneAwardPerAchievement(state, recipient, command.basis, command.period, kind),
        () => T4.guards.fighterQuota(state, recipient, kind, params()),
        () =>
          eligible(ctx, plan, {
            subject: recipient,
            kind,
            period: command.period,
            extraordinary: command.extraordinary,
            deliberation: n?.vote
          })
      ),
      () => {
        const { _tag, commandId, tenantId, actor: _actor, campaignId, ...fields } = command
        return { _tag: "AwardGranted", ...fields, grantedById: actorId }
      }
    )
  },
  PresentAward: ({ state, command, ctx }) => {
    const a = CampaignState.award(state, command.awardId)
    if (a === undefined) return missing("award", command.awardId)
    if (a.revoked) return LIFECYCLE.guards.refuseStep("award", a.id, "Revoked", command._tag)
    if (a.presentedAt !== undefined) return exists("presentation", a.id)
    const { at } = command
    const actorId = command.actor.organizationId
    // The grantor presents (or its successor, once it was restructured away), or an organization
    // on the line between the grantor and the recipient.
    const grantor = Directory.carrierOn(ctx.directory, a.grantedById, at)
    const onTheLine =
      Directory.isWithin(ctx.directory, grantor, actorId, at) &&
      Directory.actsFor(ctx.directory, actorId, a.recipient.organizationId, at)
    if (!onTheLine) return AUTH_SUBTREE.refuse({ actorId, targetId: a.recipient.organizationId, date: at })
    return emit(C4.guards.presentedAfterGrant(a, at), () => ({
      _tag: "AwardPresented",
      awardId: a.id,
      presentedById: actorId,
      ...(command.ceremony !== undefined ? { ceremony: command.ceremony } : {}),
      at
    }))
  },
  RevokeAward: ({ state, command, ctx }) => {
    const a = CampaignState.award(state, command.awardId)
    if (a === undefined) return missing("award", command.awardId)
    return emit(
      all(
        () =>
          Directory.actsFor(ctx.directory, command.actor.organizationId, a.grantedById, command.at)
            ? pass
            : AUTH_SUBTREE.refuse({
                actorId: command.actor.organizationId,
                targetId: a.grantedById,
                date: command.at
              }),
        () => V1.guards.lawfulRevocation(a, command.reason)
      ),
      () => ({
        _tag: "AwardRevoked",
        awardId: a.id,
        reason: command.reason,
        ...(command.notes !== undefined ? { notes: command.notes } : {}),
        at: command.at
      })
    )
  },
  ReplicateExemplar: ({ state, plan, command, ctx }) => {
    const o = organizer(ctx, plan, command.actor.organizationId, command.at)
    if (Result.isFailure(o)) return Result.fail(o.failure)
    const key = command.subject._tag === "Unit" ? command.subject.organizationId : command.subject.memberId
    const awarded = Dict.some(
      state.awards,
      (a) => !a.revoked && (a.recipient._tag === "Unit" ? a.recipient.organizationId : a.recipient.memberId) === key
    )
    const reviewed = state.interimReviews.length > 0 || state.finalReviewAt !== undefined
    if (!awarded && !reviewed) return missing("exemplar", key)
    return one({ _tag: "ExemplarReplicated", subject: command.subject, at: command.at })
  }
}

/** The rules each function above may refuse with. */
export const refusals: Refusals<"GrantAward" | "PresentAward" | "RevokeAward" | "ReplicateExemplar"> = {
  GrantAward: [
    "REF-EXISTS",
    "REF-MISSING",
    "A1",
    "AWARD-SUBJECT",
    "AUTH-SUBTREE",
    "C4",
    "A3",
    "C7",
    "G1",
    "U1",
    "T4",
    ...eligibilityCodes
  ],
  PresentAward: ["REF-MISSING", "LIFECYCLE", "REF-EXISTS", "AUTH-SUBTREE", "C4"],
  RevokeAward: ["REF-MISSING", "AUTH-SUBTREE", "V1"],
  ReplicateExemplar: ["AUTH-SUBTREE", "REF-MISSING"]
}
