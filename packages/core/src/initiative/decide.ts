/**
 * Initiatives (sáng kiến, công trình): recorded with their benefit (I1), applied, then recognised
 * by a competent level (I1, I2) or rejected; a work may be honoured with a plaque (gắn biển).
 *
 * @internal
 */
import { Result } from "effect"
import * as CampaignState from "../CampaignState.js"
import * as Directory from "../Directory.js"
import {
  type Decision,
  emit,
  exists,
  forUnit,
  type Handlers,
  type Input,
  missing,
  one,
  type Refusals,
  stop
} from "../internal/decision.js"
import * as Lifecycle from "../Lifecycle.js"
import { filedUnder } from "../phase/decide.js"
import { all } from "../rules/define.js"
import { LIFECYCLE } from "../rules/engineering/LIFECYCLE.js"
import { I1 } from "../rules/initiative/I1.js"
import { I2 } from "../rules/initiative/I2.js"

type Step = "ApplyInitiative" | "RecognizeInitiative" | "RejectInitiative" | "PlaqueWork"

/** The initiative a step acts on, and whether the actor acts for its unit. */
const found = (
  input: Input<"ApplyInitiative"> | Input<"RecognizeInitiative"> | Input<"RejectInitiative"> | Input<"PlaqueWork">,
  decide: (i: CampaignState.Initiative) => Decision
): Decision => {
  const { state, command, ctx } = input
  const i = CampaignState.initiative(state, command.initiativeId)
  if (i === undefined) return missing("initiative", command.initiativeId)
  const w = Directory.requireWithin(ctx.directory, command.actor.organizationId, i.unitId, command.at)
  if (Result.isFailure(w)) return Result.fail(w.failure)
  return decide(i)
}

const refused = (i: CampaignState.Initiative, command: string): Decision =>
  LIFECYCLE.guards.refuseStep("initiative", i.id, i.status, command)

/** The initiatives' commands. */
export const handlers: Handlers<"RecordInitiative" | Step> = {
  RecordInitiative: ({ state, plan, command, ctx }) => {
    if (CampaignState.initiative(state, command.initiativeId) !== undefined)
      return exists("initiative", command.initiativeId)
    if (CampaignState.participant(state, command.unitId) === undefined) return missing("participant", command.unitId)
    const { _tag, commandId, tenantId, actor, campaignId, ...fields } = command
    return emit(
      all(
        () => filedUnder(state, command.phaseId, command.at, _tag),
        () => I1.guards.benefitIsAmount(command.initiativeId, command.benefitVnd),
        () => forUnit(ctx, plan, actor.organizationId, command.unitId, command.at)
      ),
      () => ({ _tag: "InitiativeRecorded", ...fields })
    )
  },
  ApplyInitiative: (input) =>
    found(input, (i) =>
      Lifecycle.initiative.next(i.status, "ApplyInitiative") === undefined
        ? refused(i, "ApplyInitiative")
        : one({ _tag: "InitiativeApplied", initiativeId: i.id, at: input.command.at })
    ),
  RecognizeInitiative: (input) =>
    found(input, (i) => {
      if (i.status === "Recorded") return stop(I1.guards.appliedBeforeRecognition(i))
      if (Lifecycle.initiative.next(i.status, "RecognizeInitiative") === undefined)
        return refused(i, "RecognizeInitiative")
      const { command, actor } = input
      return emit(I2.guards.competentRecognizer(i, command.level, actor.level), () => ({
        _tag: "InitiativeRecognized",
        initiativeId: i.id,
        level: command.level,
        recognizedById: command.actor.organizationId,
        at: command.at
      }))
    }),
  RejectInitiative: (input) =>
    found(input, (i) =>
      Lifecycle.initiative.next(i.status, "RejectInitiative") === undefined
        ? refused(i, "RejectInitiative")
        : one({ _tag: "InitiativeRejected", initiativeId: i.id, reason: input.command.reason, at: input.command.at })
    ),
  PlaqueWork: (input) =>
    found(input, (i) => {
      if (i.kind !== "work") return missing("work", i.id)
      if (i.plaqued) return exists("plaque", i.id)
      // A work not yet applied waits for its application (I1); a rejected one is done with.
      if (i.status === "Rejected") return refused(i, "PlaqueWork")
      if (i.status !== "Applied" && i.status !== "Recognized") return stop(I1.guards.appliedBeforeRecognition(i))
      return one({
        _tag: "WorkPlaqued",
        initiativeId: i.id,
        grantedById: input.command.actor.organizationId,
        at: input.command.at
      })
    })
}

/** The rules each function above may refuse with (`found` refuses with REF-MISSING and AUTH-SUBTREE). */
export const refusals: Refusals<"RecordInitiative" | Step> = {
  RecordInitiative: ["REF-EXISTS", "REF-MISSING", "LIFECYCLE", "C4", "I1", "AUTH-SUBTREE"],
  ApplyInitiative: ["REF-MISSING", "AUTH-SUBTREE", "LIFECYCLE"],
  RecognizeInitiative: ["REF-MISSING", "AUTH-SUBTREE", "I1", "LIFECYCLE", "I2"],
  RejectInitiative: ["REF-MISSING", "AUTH-SUBTREE", "LIFECYCLE"],
  PlaqueWork: ["REF-MISSING", "AUTH-SUBTREE", "REF-EXISTS", "LIFECYCLE", "I1"]
}
