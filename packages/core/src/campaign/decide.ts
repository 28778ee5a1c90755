/**
 * The campaign's own commands: plan, launch, end, final review, close and cancel (Law 06/2022
 * Art. 17: plan, launch and carry out, review).
 *
 * @internal
 */
import { Result } from "effect"
import * as CampaignState from "../CampaignState.js"
import type { PlanCampaign } from "../Command.js"
import * as Directory from "../Directory.js"
import {
  asCheck,
  type Context,
  type Decision,
  emit,
  type Handlers,
  one,
  organizer,
  type Refusals
} from "../internal/decision.js"
import * as Rulebook from "../Rulebook.js"
import { C1 } from "../rules/campaign/C1.js"
import { C2 } from "../rules/campaign/C2.js"
import { C4 } from "../rules/campaign/C4.js"
import { C6 } from "../rules/campaign/C6.js"
import { all, pass } from "../rules/define.js"
import { D2 } from "../rules/directory/D2.js"
import { LIFECYCLE } from "../rules/engineering/LIFECYCLE.js"

/** Plans a campaign: the only command without a plan before it. */
export const planCampaign = (command: typeof PlanCampaign.Type, ctx: Context): Decision => {
  const issuer = Directory.requireActive(ctx.directory, command.issuerId, command.at)
  if (Result.isFailure(issuer)) return Result.fail(issuer.failure)
  return emit(
    all(
      () =>
        C2.guards.launcherJurisdiction(
          ctx.directory,
          command.actor.organizationId,
          command.issuerId,
          command.issuerId,
          command.at
        ),
      () => C1.guards.formAndScope(command, ctx.directory),
      () => C4.guards.thematicPeriod(command),
      () => D2.guards.issuerCoversPeriod(ctx.directory, command.issuerId, command.period)
    ),
    () => {
      const { _tag, commandId, actor, ...fields } = command
      return { _tag: "CampaignPlanned", ...fields, regime: Rulebook.regimeOn(ctx.rulebook, command.period.start).id }
    }
  )
}

/** The campaign's commands after the plan. */
export const handlers: Handlers<
  "LaunchCampaign" | "EndCampaign" | "HoldFinalReview" | "CloseCampaign" | "CancelCampaign"
> = {
  LaunchCampaign: ({ plan, command, ctx }) => {
    const { at, pilotUnitId: pilot } = command
    const actorId = command.actor.organizationId
    return emit(
      all(
        () => C2.guards.launcherJurisdiction(ctx.directory, actorId, plan.issuerId, plan.issuerId, at),
        () => D2.guards.issuerCoversPeriod(ctx.directory, plan.issuerId, plan.period),
        () =>
          pilot === undefined
            ? pass
            : all(
                () => asCheck(Directory.requireActive(ctx.directory, pilot, at)),
                () => C2.guards.launcherJurisdiction(ctx.directory, actorId, plan.issuerId, pilot, at)
              )
      ),
      () => ({ _tag: "CampaignLaunched", at, ...(pilot !== undefined ? { pilotUnitId: pilot } : {}) })
    )
  },
  EndCampaign: ({ plan, command, ctx }) => {
    const o = organizer(ctx, plan, command.actor.organizationId, command.at)
    if (Result.isFailure(o)) return Result.fail(o.failure)
    if (command.at < plan.period.end)
      return LIFECYCLE.guards.refuseStep(
        "campaign",
        plan.campaignId,
        `Launched (until ${plan.period.end})`,
        command._tag
      )
    return one({ _tag: "CampaignEnded", at: command.at })
  },
  HoldFinalReview: ({ state, plan, command, ctx }) =>
    emit(
      all(
        () => organizer(ctx, plan, command.actor.organizationId, command.at),
        () => C6.guards.finalReviewReady(state, command.at)
      ),
      () => ({
        _tag: "FinalReviewHeld",
        at: command.at,
        ...(command.notes !== undefined ? { notes: command.notes } : {})
      })
    ),
  CloseCampaign: ({ state, plan, command, ctx }) => {
    const o = organizer(ctx, plan, command.actor.organizationId, command.at)
    if (Result.isFailure(o)) return Result.fail(o.failure)
    for (const n of CampaignState.nominations(state))
      if (n.status !== "Decided") return LIFECYCLE.guards.refuseStep("nomination", n.id, n.status, command._tag)
    return one({ _tag: "CampaignClosed", at: command.at })
  },
  CancelCampaign: ({ plan, command, ctx }) =>
    emit(organizer(ctx, plan, command.actor.organizationId, command.at), () => ({
      _tag: "CampaignCancelled",
      reason: command.reason,
      at: command.at
    }))
}

/** The rules each function above may refuse with (`organizer` refuses with AUTH-SUBTREE). */
export const refusals: Refusals<
  "PlanCampaign" | "LaunchCampaign" | "EndCampaign" | "HoldFinalReview" | "CloseCampaign" | "CancelCampaign"
> = {
  PlanCampaign: ["AUTH-ACTOR", "C2", "C1", "C4", "D2"],
  LaunchCampaign: ["C2", "D2", "AUTH-ACTOR"],
  EndCampaign: ["AUTH-SUBTREE", "LIFECYCLE"],
  HoldFinalReview: ["AUTH-SUBTREE", "C6"],
  CloseCampaign: ["AUTH-SUBTREE", "LIFECYCLE"],
  CancelCampaign: ["AUTH-SUBTREE"]
}
