/**
 * Phases (đợt thi đua): scheduled within the campaign (C5), opened, closed, and reviewed at an
 * interim review (sơ kết, C6). Activities filed under a phase are dated within it while it is
 * open (C4).
 *
 * @internal
 */
import { Result } from "effect"
import * as CampaignState from "../CampaignState.js"
import type { PhaseId } from "../Ids.js"
import {
  type Decision,
  emit,
  exists,
  type Handlers,
  missing,
  one,
  organizer,
  paramsOf,
  type Refusals,
  stop
} from "../internal/decision.js"
import * as Lifecycle from "../Lifecycle.js"
import type * as LocalDate from "../LocalDate.js"
import { C4 } from "../rules/campaign/C4.js"
import { C5 } from "../rules/campaign/C5.js"
import { C6 } from "../rules/campaign/C6.js"
import type { Check } from "../rules/define.js"
import { all } from "../rules/define.js"
import { LIFECYCLE } from "../rules/engineering/LIFECYCLE.js"
import { REF_MISSING } from "../rules/engineering/REF-MISSING.js"

/**
 * An activity filed under a phase: the phase exists, is open, and the activity is dated within
 * its days. After a phase closes nothing more is filed under it, except what its review does:
 * cross-scoring (chấm chéo) happens at the review, after the phase closed and before its interim
 * review is held.
 */
export const filedUnder = (
  state: CampaignState.State,
  phaseId: PhaseId | undefined,
  at: LocalDate.LocalDate,
  command: string,
  review = false
): Check => {
  if (phaseId === undefined) return Result.succeed(undefined)
  const phase = CampaignState.phase(state, phaseId)
  if (phase === undefined) return REF_MISSING.refuse({ kind: "phase", id: phaseId })
  const open = phase.status === "Open" || (review && phase.status === "Closed")
  if (!open) return LIFECYCLE.guards.refuseStep("phase", phase.id, phase.status, command)
  return review && phase.status === "Closed" && at > phase.end
    ? Result.succeed(undefined)
    : C4.guards.activityWithinPhase(phase, at)
}

/** The phases' commands. */
export const handlers: Handlers<"SchedulePhase" | "OpenPhase" | "ClosePhase" | "HoldInterimReview"> = {
  SchedulePhase: ({ state, plan, command, ctx }) => {
    if (CampaignState.phase(state, command.phaseId) !== undefined) return exists("phase", command.phaseId)
    return emit(
      all(
        () => organizer(ctx, plan, command.actor.organizationId, command.at),
        () => C5.guards.phasesDoNotOverlap(state, plan, command, paramsOf(ctx, plan))
      ),
      () => ({
        _tag: "PhaseScheduled",
        phaseId: command.phaseId,
        name: command.name,
        kind: command.kind,
        start: command.period.start,
        end: command.period.end,
        ...(command.theme !== undefined ? { theme: command.theme } : {})
      })
    )
  },
  OpenPhase: (input) => step(input.state, input, "PhaseOpened"),
  ClosePhase: (input) => step(input.state, input, "PhaseClosed"),
  HoldInterimReview: ({ state, plan, command, ctx }) => {
    const o = organizer(ctx, plan, command.actor.organizationId, command.at)
    if (Result.isFailure(o)) return Result.fail(o.failure)
    const phaseId = command.phaseId
    if (phaseId !== undefined) {
      const ph = CampaignState.phase(state, phaseId)
      if (ph === undefined) return missing("phase", phaseId)
      const c6 = C6.guards.phaseClosedBeforeInterimReview(ph)
      if (Result.isFailure(c6)) return stop(c6)
    }
    return one({
      _tag: "InterimReviewHeld",
      ...(phaseId !== undefined ? { phaseId } : {}),
      at: command.at,
      ...(command.notes !== undefined ? { notes: command.notes } : {})
    })
  }
}

const step = (
  state: CampaignState.State,
  input: Parameters<(typeof handlers)["OpenPhase"]>[0] | Parameters<(typeof handlers)["ClosePhase"]>[0],
  event: "PhaseOpened" | "PhaseClosed"
): Decision => {
  const { plan, command, ctx } = input
  const ph = CampaignState.phase(state, command.phaseId)
  if (ph === undefined) return missing("phase", command.phaseId)
  const o = organizer(ctx, plan, command.actor.organizationId, command.at)
  if (Result.isFailure(o)) return Result.fail(o.failure)
  if (Lifecycle.phase.next(ph.status, command._tag) === undefined)
    return LIFECYCLE.guards.refuseStep("phase", ph.id, ph.status, command._tag)
  return emit(C4.guards.phaseStepDated(ph, command._tag, command.at), () => ({
    _tag: event,
    phaseId: ph.id,
    at: command.at
  }))
}

/**
 * The rules each function above may refuse with (`organizer` refuses with AUTH-SUBTREE;
 * `filedUnder` with REF-MISSING, LIFECYCLE and C4).
 */
export const refusals: Refusals<"SchedulePhase" | "OpenPhase" | "ClosePhase" | "HoldInterimReview"> = {
  SchedulePhase: ["REF-EXISTS", "AUTH-SUBTREE", "C5"],
  OpenPhase: ["REF-MISSING", "AUTH-SUBTREE", "LIFECYCLE", "C4"],
  ClosePhase: ["REF-MISSING", "AUTH-SUBTREE", "LIFECYCLE", "C4"],
  HoldInterimReview: ["AUTH-SUBTREE", "REF-MISSING", "C6"]
}
