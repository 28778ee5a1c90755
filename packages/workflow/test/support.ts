/**
 * What the workflow tests share: the people's commands as the seeds hold them, sent through the
 * command handler as their own claim (tests trust the seeds as a host trusts its imports).
 */
import type { Event } from "@thidua/core"
import { CommandHandler, EventStore, Position, Principal, type Recorded, type StoreError } from "@thidua/store"
import { Seeds } from "@thidua/testing"
import { Effect, Stream } from "effect"
import { TestClock } from "effect/testing"
import { ProcessManager } from "../src/index.js"

/** A command of a seed: its type, its day, and its fields. */
export type Cmd = { readonly _tag: string; readonly at: string; readonly [k: string]: unknown }

/** Sends a seed's command, campaign or directory, as its own claim. */
export const send = (handler: CommandHandler.CommandHandler, c: Cmd) => {
  const principal = Principal.trustClaim(c as never)
  return "campaignId" in c ? handler.campaign(c as never, { principal }) : handler.directory(c as never, { principal })
}

/** Hoàng Mai 2020's campaign commands, in order. */
export const hoangMai = Seeds.hoangMai2020.campaign as ReadonlyArray<Cmd>

/**
 * Hoàng Mai 2020 on 2/1/2020: the directory, the plan, the launch and the two phases scheduled
 * (the seed's first four campaign commands). A handler with no backoff: its waits would sleep on
 * the TestClock.
 */
export const launched: Effect.Effect<CommandHandler.CommandHandler, CommandHandler.HandleError, EventStore.EventStore> =
  Effect.gen(function* () {
    yield* TestClock.setTime(Date.parse("2020-01-02T03:00:00.000Z"))
    const handler = yield* CommandHandler.make({ backoff: 0 })
    for (const c of Seeds.hoangMai2020.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
    for (const c of hoangMai.slice(0, 4)) yield* send(handler, c)
    return handler
  })

/** The whole log. */
export const all: Effect.Effect<
  ReadonlyArray<Recorded.RecordedEvent>,
  StoreError.StoreUnavailable,
  EventStore.EventStore
> = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  return yield* Stream.runCollect(store.readAll(Position.start))
})

/** A manager of the test's own: on each PhaseOpened it decides what `issue` says. */
export const echo = (
  name: string,
  issue: (
    e: Extract<Event.CampaignEvent, { readonly _tag: "PhaseOpened" }>,
    tenantId: string
  ) => ProcessManager.Decision
) =>
  ProcessManager.make<number>({
    name,
    version: 1,
    inputs: ["PhaseOpened"],
    route: (input) => input.streamId.slice("campaign:".length),
    initialState: 0,
    decide: (_, input) =>
      input._tag === "Event" && input.event._tag === "PhaseOpened" ? issue(input.event, input.tenantId) : {},
    evolve: (n, step) => (step._tag === "Event" ? n + 1 : n)
  })
