/**
 * A host app's own rule, on top of the library's: Hanoi's federation wants every campaign to
 * schedule its phases before it opens any, and no more than four regular phases a year.
 *
 * The rule wraps the campaign decider: it refuses first, then lets the library decide. Its errors
 * are the app's own, with their own code, in both languages like the library's.
 */
import { Campaign, type Command, type DomainError, type Event } from "@thidua/core"
import { Data, Result } from "effect"

export class HanoiRuleError extends Data.TaggedClass("HanoiRuleError")<{
  readonly code: "HN1"
  readonly message: { readonly vi: string; readonly en: string }
}> {}

export const maxRegularPhases = 4

/** HN1: at most four regular phases; none is scheduled once a phase has opened. */
export const decide = (
  state: Campaign.State,
  command: Command.CampaignCommand,
  context: Campaign.Context
): Result.Result<ReadonlyArray<Event.CampaignEvent>, DomainError.DomainError | HanoiRuleError> => {
  if (command._tag === "SchedulePhase" && command.kind === "regular") {
    const regular = state.phases.filter((p) => p.kind === "regular")
    const opened = state.phases.some((p) => p.status !== "Scheduled")
    if (regular.length >= maxRegularPhases || opened)
      return Result.fail(
        new HanoiRuleError({
          code: "HN1",
          message: {
            en: `Phase ${command.phaseId} refused: phases are scheduled before any opens, four at most.`,
            vi: `Không nhận đợt ${command.phaseId}: các đợt phải được xếp lịch trước khi mở đợt đầu, tối đa bốn đợt.`
          }
        })
      )
  }
  return Campaign.decide(state, command, context)
}
