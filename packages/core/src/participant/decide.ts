/**
 * Participants and their scores (chấm điểm): a unit of the campaign's scope is enrolled, in its
 * cluster when it has one (G3), and is scored per content, by itself or its peers.
 *
 * @internal
 */
import { Result } from "effect"
import * as CampaignState from "../CampaignState.js"
import * as Directory from "../Directory.js"
import { asCheck, emit, exists, forUnit, type Handlers, missing, one, type Refusals } from "../internal/decision.js"
import { filedUnder } from "../phase/decide.js"
import { C4 } from "../rules/campaign/C4.js"
import { all, pass } from "../rules/define.js"
import { AUTH_SUBTREE } from "../rules/engineering/AUTH-SUBTREE.js"
import { REF_MISSING } from "../rules/engineering/REF-MISSING.js"
import { G3 } from "../rules/registration/G3.js"

/** The participants' commands. */
export const handlers: Handlers<"EnrollParticipant" | "AssessScore"> = {
  EnrollParticipant: ({ state, plan, command, ctx }) => {
    if (CampaignState.participant(state, command.unitId) !== undefined) return exists("participant", command.unitId)
    const { at, clusterId, unitId } = command
    return emit(
      all(
        () => asCheck(Directory.requireActive(ctx.directory, unitId, at)),
        () => forUnit(ctx, plan, command.actor.organizationId, unitId, at),
        () => {
          if (clusterId === undefined) return pass
          const c = Directory.cluster(ctx.directory, clusterId)
          return c === undefined
            ? REF_MISSING.refuse({ kind: "cluster", id: clusterId })
            : G3.guards.enrolledInOwnCluster(c, unitId)
        }
      ),
      () => ({
        _tag: "ParticipantEnrolled",
        unitId,
        sector: command.sector,
        ...(clusterId !== undefined ? { clusterId } : {}),
        at
      })
    )
  },
  AssessScore: ({ state, plan, command, ctx }) => {
    const { at, unitId } = command
    const actorId = command.actor.organizationId
    if (CampaignState.participant(state, unitId) === undefined) return missing("participant", unitId)
    // Scores come at the reviews too (self-assessment and cross-assessment), so after the
    // campaign's start and until the final review, which the lifecycle bounds.
    const started = C4.guards.scoredAfterStart(plan, at)
    if (Result.isFailure(started)) return Result.fail(started.failure)
    const filed = filedUnder(state, command.phaseId, at, command._tag, command.kind === "cross")
    if (Result.isFailure(filed)) return Result.fail(filed.failure)
    if (!plan.sectors.some((s) => s.contents.some((c) => c.contentId === command.contentId)))
      return missing("content", command.contentId)
    // Self-assessment comes from the unit or above; cross-assessment also from a peer participant.
    const mayAssess =
      Directory.actsFor(ctx.directory, actorId, unitId, at) ||
      (command.kind === "cross" &&
        (CampaignState.participant(state, actorId) !== undefined ||
          Directory.actsFor(ctx.directory, actorId, plan.issuerId, at)))
    if (!mayAssess) return AUTH_SUBTREE.refuse({ actorId, targetId: unitId, date: at })
    return one({
      _tag: "ScoreAssessed",
      unitId,
      ...(command.phaseId !== undefined ? { phaseId: command.phaseId } : {}),
      contentId: command.contentId,
      points: command.points,
      kind: command.kind,
      assessorId: actorId,
      at
    })
  }
}

/** The rules each function above may refuse with (`forUnit` refuses with AUTH-SUBTREE). */
export const refusals: Refusals<"EnrollParticipant" | "AssessScore"> = {
  EnrollParticipant: ["REF-EXISTS", "AUTH-ACTOR", "AUTH-SUBTREE", "REF-MISSING", "G3"],
  AssessScore: ["REF-MISSING", "C4", "LIFECYCLE", "AUTH-SUBTREE"]
}
