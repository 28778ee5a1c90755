/**
 * Shared pieces of the rule tests: generated histories with near misses, and walkers over their
 * steps.
 */
import type { Command, DomainError, Event } from "@thidua/core"
import { History } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"
import { runs } from "../../../scripts/properties.js"

/** Generated campaign histories: valid steps with 30 % of commands perturbed into near misses. */
export const histories = History.campaign({ noise: 0.3, maxSteps: 120 })

/** Runs a property over generated histories. */
export const forAllHistories = (check: (h: History.History) => void, numRuns = 120) =>
  fc.assert(fc.property(histories, check), { numRuns })

/** The accepted steps of a history, with the events each produced. */
export const accepted = (h: History.History) =>
  h.steps.flatMap((s) => (Result.isSuccess(s.result) ? [{ ...s, events: s.result.success }] : []))

/** Every accepted event with the step that produced it. */
export const acceptedEvents = (h: History.History) =>
  accepted(h).flatMap((s) => s.events.map((event) => ({ step: s, event })))

/** The events of a type, with their steps. */
export const eventsOf = <T extends Event.CampaignEvent["_tag"]>(h: History.History, tag: T) =>
  acceptedEvents(h).flatMap(({ step, event }) =>
    event._tag === tag ? [{ step, event: event as Extract<Event.CampaignEvent, { _tag: T }> }] : []
  )

/**
 * How often generated histories were refused with a code: a rule whose guard is never met is not
 * tested. One fixed sample: its first 100 histories by default, 300 with THIDUA_LONG_PROPERTIES=1.
 */
export const refusals = (code: DomainError.Code, count = runs(100, 300)): number => {
  let n = 0
  for (const h of fc.sample(histories, { numRuns: count, seed: 20260101 }))
    for (const s of h.steps) if (Result.isFailure(s.result) && s.result.failure.code === code) n++
  return n
}

/** The command of a step, narrowed. */
export const is = <T extends Command.CampaignCommand["_tag"]>(
  c: Command.CampaignCommand,
  tag: T
): c is Extract<Command.CampaignCommand, { _tag: T }> => c._tag === tag
