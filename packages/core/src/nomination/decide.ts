/**
 * Nominations (đề nghị khen thưởng): proposed with the initiatives they rest on (I2), deliberated
 * by the council (T7), published for comment (A4), decided at their level by an organization that
 * may grant the kind (A1) or escalated one level up (A2); decided only after a deliberation (A3).
 *
 * @internal
 */
import * as CampaignState from "../CampaignState.js"
import * as Directory from "../Directory.js"
import { codes as eligibilityCodes } from "../eligibility/requirements.js"
import {
  asCheck,
  type Decision,
  eligible,
  emit,
  exists,
  forUnit,
  type Handlers,
  type Input,
  missing,
  one,
  ownUnit,
  paramsOf,
  type Refusals,
  stop
} from "../internal/decision.js"
import * as Lifecycle from "../Lifecycle.js"
import type * as LocalDate from "../LocalDate.js"
import { A1 } from "../rules/authority/A1.js"
import { A2 } from "../rules/authority/A2.js"
import { A3 } from "../rules/authority/A3.js"
import { A4 } from "../rules/authority/A4.js"
import { AWARD_SUBJECT } from "../rules/award/AWARD-SUBJECT.js"
import { T7 } from "../rules/award/T7.js"
import { C4 } from "../rules/campaign/C4.js"
import { all, pass } from "../rules/define.js"
import { AUTH_SUBTREE } from "../rules/engineering/AUTH-SUBTREE.js"
import { LIFECYCLE } from "../rules/engineering/LIFECYCLE.js"
import { I2 } from "../rules/initiative/I2.js"

type Held = "HoldDeliberation" | "SubmitNomination" | "DecideNomination"

/**
 * Who holds a nomination's file on a day: the organization it was proposed by or submitted to,
 * or its successor once that organization was restructured away.
 */
const holderOn = (directory: Directory.State, n: CampaignState.Nomination, at: LocalDate.LocalDate) =>
  Directory.carrierOn(directory, n.holderId, at)

/** The nomination a step acts on, held by the actor. */
const held = (
  input: Input<"HoldDeliberation"> | Input<"SubmitNomination"> | Input<"DecideNomination">,
  decide: (n: CampaignState.Nomination) => Decision
): Decision => {
  const { state, command, ctx } = input
  const actorId = command.actor.organizationId
  const n = CampaignState.nomination(state, command.nominationId)
  if (n === undefined) return missing("nomination", command.nominationId)
  const holder = holderOn(ctx.directory, n, command.at)
  if (holder !== actorId) return AUTH_SUBTREE.refuse({ actorId, targetId: holder, date: command.at })
  return decide(n)
}

/** The level above the one that holds the file. */
const parentOf = (directory: Directory.State, n: CampaignState.Nomination, at: LocalDate.LocalDate) => {
  const holder = Directory.organization(directory, holderOn(directory, n, at))
  return holder === undefined ? undefined : Directory.parentOn(holder, at)
}

/** The nominations' commands. */
export const handlers: Handlers<"ProposeNomination" | "PublishNominees" | Held> = {
  ProposeNomination: ({ state, plan, command, ctx }) => {
    if (CampaignState.nomination(state, command.nominationId) !== undefined)
      return exists("nomination", command.nominationId)
    const cited: Array<CampaignState.Initiative> = []
    for (const id of command.initiativeIds ?? []) {
      const i = CampaignState.initiative(state, id)
      if (i === undefined) return missing("initiative", id)
      cited.push(i)
    }
    const actorId = command.actor.organizationId
    return emit(
      all(
        () => forUnit(ctx, plan, actorId, command.subject.organizationId, command.at),
        () => AWARD_SUBJECT.guards.fits(command.subject, command.awardKind),
        () => C4.guards.periodWithinCampaign(plan, command.period),
        () => ownUnit(ctx, command.subject, command.period, command.at),
        () => I2.guards.initiativeCited(command.nominationId, command.awardKind, cited, paramsOf(ctx, plan)),
        () => I2.guards.nomineesOwn(command.subject, cited),
        () => I2.guards.scopeMatchesTitle(command.awardKind, cited)
      ),
      () => ({
        _tag: "NominationProposed",
        nominationId: command.nominationId,
        subject: command.subject,
        awardKind: command.awardKind,
        basis: command.basis,
        period: command.period,
        proposedById: actorId,
        ...(command.initiativeIds !== undefined ? { initiativeIds: command.initiativeIds } : {}),
        at: command.at
      })
    )
  },
  HoldDeliberation: (input) =>
    held(input, (n) => {
      const { command } = input
      if (Lifecycle.nomination.next(n.status, "HoldDeliberation") === undefined)
        return LIFECYCLE.guards.refuseStep("nomination", n.id, n.status, command._tag)
      return one({
        _tag: "DeliberationHeld",
        nominationId: n.id,
        present: command.present,
        votesFor: command.votesFor,
        councilSize: command.councilSize,
        at: command.at
      })
    }),
  PublishNominees: ({ state, plan, command, ctx }) => {
    const actorId = command.actor.organizationId
    for (const id of command.nominationIds) {
      const n = CampaignState.nomination(state, id)
      if (n === undefined) return missing("nomination", id)
      const holder = holderOn(ctx.directory, n, command.at)
      if (holder !== actorId) return AUTH_SUBTREE.refuse({ actorId, targetId: holder, date: command.at })
      if (Lifecycle.nomination.next(n.status, "PublishNominees") === undefined)
        return LIFECYCLE.guards.refuseStep("nomination", n.id, n.status, command._tag)
    }
    return emit(
      A4.guards.windowLongEnough(command.nominationIds[0], command.period, command.at, paramsOf(ctx, plan)),
      () => ({
        _tag: "NomineesPublished",
        nominationIds: command.nominationIds,
        from: command.period.start,
        to: command.period.end
      })
    )
  },
  SubmitNomination: (input) =>
    held(input, (n) => {
      const { command, ctx } = input
      if (Lifecycle.nomination.next(n.status, "SubmitNomination") === undefined)
        return LIFECYCLE.guards.refuseStep("nomination", n.id, n.status, command._tag)
      return emit(
        all(
          () => A2.guards.oneLevelUp(n, parentOf(ctx.directory, n, command.at), command.toOrganizationId),
          () => asCheck(Directory.requireActive(ctx.directory, command.toOrganizationId, command.at))
        ),
        () => ({
          _tag: "NominationSubmitted",
          nominationId: n.id,
          toOrganizationId: command.toOrganizationId,
          at: command.at
        })
      )
    }),
  DecideNomination: (input) =>
    held(input, (n) => {
      const { command, ctx, plan, actor } = input
      if (Lifecycle.nomination.next(n.status, Lifecycle.decisionStep(command.outcome)) === undefined)
        return n.status === "Proposed" || n.status === "Submitted"
          ? stop(A3.guards.deliberatedFirst(n))
          : LIFECYCLE.guards.refuseStep("nomination", n.id, n.status, command._tag)
      const params = paramsOf(ctx, plan)
      return emit(
        all(
          () => (command.outcome === "notAchieved" ? pass : T7.guards.councilApproval(n, params)),
          () => A4.guards.windowClosed(n, command.at, params),
          () =>
            command.outcome === "achievedAtLevel"
              ? A1.guards.grantingAuthority(actor.id, actor.level, n.awardKind)
              : command.outcome === "escalated"
                ? A2.guards.levelAbove(n, parentOf(ctx.directory, n, command.at))
                : pass,
          () =>
            command.outcome === "achievedAtLevel"
              ? eligible(ctx, plan, {
                  subject: n.subject,
                  kind: n.awardKind,
                  period: n.period,
                  extraordinary: false,
                  deliberation: n.vote
                })
              : pass
        ),
        () => ({ _tag: "NominationDecided", nominationId: n.id, outcome: command.outcome, at: command.at })
      )
    })
}

/**
 * The rules each function above may refuse with (`held` refuses with REF-MISSING and
 * AUTH-SUBTREE; T7 refuses a nomination without a vote with A3).
 */
export const refusals: Refusals<"ProposeNomination" | "PublishNominees" | Held> = {
  ProposeNomination: ["REF-EXISTS", "REF-MISSING", "AUTH-SUBTREE", "AWARD-SUBJECT", "C4", "I2"],
  HoldDeliberation: ["REF-MISSING", "AUTH-SUBTREE", "LIFECYCLE"],
  PublishNominees: ["REF-MISSING", "AUTH-SUBTREE", "LIFECYCLE", "A4"],
  SubmitNomination: ["REF-MISSING", "AUTH-SUBTREE", "LIFECYCLE", "A2", "AUTH-ACTOR"],
  DecideNomination: ["REF-MISSING", "AUTH-SUBTREE", "A3", "LIFECYCLE", "T7", "A4", "A1", "A2", ...eligibilityCodes]
}
