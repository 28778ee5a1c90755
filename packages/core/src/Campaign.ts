/**
 * The campaign as a Decider: `decide(state, command, context)` answers with the events that follow
 * or the rule that refuses, `evolve` folds them. One stream per campaign (`campaign:<id>`).
 *
 * `decide` reads two things besides the campaign: the tenant's organization directory (for
 * authorization and clusters) and the rulebook (for the numbers). Both come in a `Context`, so
 * the function stays pure and a host app can pass its own rulebook.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as Award from "./award/decide.js"
import * as AwardFolds from "./award/evolve.js"
import * as CampaignState from "./CampaignState.js"
import type { CampaignCommand } from "./Command.js"
import * as CampaignPart from "./campaign/decide.js"
import * as CampaignFolds from "./campaign/evolve.js"
import type { Decider } from "./Decider.js"
import * as Dict from "./Dict.js"
import * as Directory from "./Directory.js"
import type { CampaignEvent } from "./Event.js"
import * as Initiative from "./initiative/decide.js"
import * as InitiativeFolds from "./initiative/evolve.js"
import {
  type Context,
  type Decision,
  type Folds,
  type Handlers,
  type Input,
  keep,
  type Refusals,
  type Tag
} from "./internal/decision.js"
import type { DomainError } from "./internal/domainError.js"
import * as Lifecycle from "./Lifecycle.js"
import * as Nomination from "./nomination/decide.js"
import * as NominationFolds from "./nomination/evolve.js"
import * as Participant from "./participant/decide.js"
import * as ParticipantFolds from "./participant/evolve.js"
import * as Phase from "./phase/decide.js"
import * as PhaseFolds from "./phase/evolve.js"
import * as Pledge from "./pledge/decide.js"
import * as PledgeFolds from "./pledge/evolve.js"
import type { Code } from "./Rule.js"
import { C3 } from "./rules/campaign/C3.js"
import { C4 } from "./rules/campaign/C4.js"
import { C6 } from "./rules/campaign/C6.js"
import { C8 } from "./rules/campaign/C8.js"
import { AUTH_ROLE, neededRole } from "./rules/engineering/AUTH-ROLE.js"
import { AUTH_SEAT } from "./rules/engineering/AUTH-SEAT.js"
import { AUTH_TENANT } from "./rules/engineering/AUTH-TENANT.js"
import { LIFECYCLE } from "./rules/engineering/LIFECYCLE.js"
import { REF_EXISTS } from "./rules/engineering/REF-EXISTS.js"
import { REF_MISSING } from "./rules/engineering/REF-MISSING.js"

export type {
  /** @since 0.1.0 */
  Award,
  /** @since 0.1.0 */
  Initiative,
  /** @since 0.1.0 */
  Nomination,
  /** @since 0.1.0 */
  Participant,
  /** @since 0.1.0 */
  Phase,
  /** @since 0.1.0 */
  Plan,
  /** @since 0.1.0 */
  Pledge,
  /** @since 0.1.0 */
  State
} from "./CampaignState.js"
export {
  /** @since 0.1.0 */
  achievementKey,
  /** @since 0.1.0 */
  award,
  /** @since 0.1.0 */
  awards,
  /** @since 0.1.0 */
  initialState,
  /** @since 0.1.0 */
  initiative,
  /** @since 0.1.0 */
  initiatives,
  /** @since 0.1.0 */
  nomination,
  /** @since 0.1.0 */
  nominations,
  /** @since 0.1.0 */
  participant,
  /** @since 0.1.0 */
  participants,
  /** @since 0.1.0 */
  phase,
  /** @since 0.1.0 */
  pledge,
  /** @since 0.1.0 */
  pledges
} from "./CampaignState.js"
export type {
  /** @since 0.1.0 */
  Context
} from "./internal/decision.js"

// Every command has its part's decide function; the type fails when one is missing.
const handlers: Handlers<Exclude<Tag, "PlanCampaign">> = {
  ...CampaignPart.handlers,
  ...Phase.handlers,
  ...Participant.handlers,
  ...Pledge.handlers,
  ...Initiative.handlers,
  ...Nomination.handlers,
  ...Award.handlers
}

// Every event has its part's fold; the type fails when one is missing.
const folds: Folds<CampaignEvent["_tag"]> = {
  ...CampaignFolds.folds,
  ...PhaseFolds.folds,
  ...ParticipantFolds.folds,
  ...PledgeFolds.folds,
  ...InitiativeFolds.folds,
  ...NominationFolds.folds,
  ...AwardFolds.folds
}

// Activities: dated within the campaign's period (C4), whatever the campaign's form. Scores are
// bounded by the review instead (see participant/decide.ts).
const activities: ReadonlySet<Tag> = new Set<Tag>([
  "OpenPhase",
  "EnrollParticipant",
  "SignPledge",
  "RecordInitiative",
  "ApplyInitiative"
])

// What a launch conference does before the period begins: units enrol and sign their covenants.
const atLaunch: ReadonlySet<Tag> = new Set<Tag>(["EnrollParticipant", "SignPledge"])

/** The rule that refuses a command the campaign machine does not allow in the status. */
const refuseStatus = (state: CampaignState.State, command: CampaignCommand): Decision => {
  const { campaignId, _tag } = command
  switch (Lifecycle.refusal(state.status, _tag)) {
    case "REF-MISSING":
      return REF_MISSING.refuse({ kind: "campaign", id: campaignId })
    case "REF-EXISTS":
      return REF_EXISTS.refuse({ kind: "campaign", id: campaignId })
    // The machine already said no: these only say which rule, with its details.
    case "C3":
      return C3.refuse({ campaignId, command: _tag })
    case "C8":
      return C8.refuse({ campaignId, status: state.status, command: _tag })
    case "C6":
      return C6.refuse({ reason: "not-running", phaseId: "", value: state.status })
    default:
      return LIFECYCLE.guards.refuseStep("campaign", campaignId, state.status, _tag)
  }
}

/**
 * Decides a campaign command. The shared checks run once, in a fixed order — tenant, lifecycle,
 * actor, role, the seat of the member the actor names (AUTH-SEAT), the campaign's period for
 * activities — then the command's part decides it with its own rules, so the first broken rule is
 * the one reported.
 *
 * @example
 * ```ts
 * import { Campaign, Directory, Rulebook } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const context = { directory: Directory.initialState, rulebook: Rulebook.standard }
 * const result = Campaign.decide(Campaign.initialState, {
 *   _tag: "OpenPhase",
 *   commandId: "c-1",
 *   tenantId: "hanoi",
 *   actor: { organizationId: "ldld-hoang-mai", role: "officer" },
 *   at: "2020-01-01",
 *   campaignId: "hoang-mai-2020",
 *   phaseId: "dot-1"
 * } as never, context)
 * assert.ok(Result.isFailure(result))
 * assert.equal(result.failure.code, "REF-MISSING")
 * ```
 *
 * @since 0.1.0
 */
export const decide = (state: CampaignState.State, command: CampaignCommand, ctx: Context): Decision => {
  const tenant = AUTH_TENANT.guards.sameTenant(ctx.directory.tenantId ?? state.plan?.tenantId, command.tenantId)
  if (Result.isFailure(tenant)) return Result.fail(tenant.failure)
  const plan = state.plan
  if (plan !== undefined) {
    const again = AUTH_TENANT.guards.sameTenant(plan.tenantId, command.tenantId)
    if (Result.isFailure(again)) return Result.fail(again.failure)
    if (plan.campaignId !== command.campaignId) return REF_MISSING.refuse({ kind: "campaign", id: command.campaignId })
  }
  if (Lifecycle.campaign.next(state.status, command._tag) === undefined) return refuseStatus(state, command)
  const actor = Directory.requireActive(ctx.directory, command.actor.organizationId, command.at)
  if (Result.isFailure(actor)) return Result.fail(actor.failure)
  const role = AUTH_ROLE.guards.roleFor(command.actor.role, command._tag)
  if (Result.isFailure(role)) return Result.fail(role.failure)
  const seat = AUTH_SEAT.guards.seatForRole(ctx.directory, command.actor, command.at)
  if (Result.isFailure(seat)) return Result.fail(seat.failure)
  // The machine lets PlanCampaign through only while nothing is planned.
  if (command._tag === "PlanCampaign") return CampaignPart.planCampaign(command, ctx)
  // From here on the machine guarantees a plan.
  const p = plan as CampaignState.Plan
  if (activities.has(command._tag)) {
    const launched = state.launchedAt
    const from =
      atLaunch.has(command._tag) && launched !== undefined && launched < p.period.start ? launched : p.period.start
    const c4 = C4.guards.activityWithinPeriod(p, command.at, from)
    if (Result.isFailure(c4)) return Result.fail(c4.failure)
  }
  const handler = handlers[command._tag] as (input: Input<typeof command._tag>) => Decision
  return handler({ state, plan: p, command, ctx, actor: actor.success })
}

// The rules each part declares beside its decide functions; the type fails when one is missing.
const partRefusals: Refusals<Tag> = {
  ...CampaignPart.refusals,
  ...Phase.refusals,
  ...Participant.refusals,
  ...Pledge.refusals,
  ...Initiative.refusals,
  ...Nomination.refusals,
  ...Award.refusals
}

// What `decide` checks itself, in its order: the tenant and the campaign's id, the status (the
// rule `Lifecycle.refusal` names in each status the command is not allowed in), the actor, the
// role, the seat of the member the actor names, the campaign's period for activities.
const sharedRefusals = (tag: Tag): ReadonlyArray<Code> => [
  "AUTH-TENANT",
  "REF-MISSING",
  ...Lifecycle.campaign.states
    .filter((s) => !Lifecycle.campaignCommands[tag].in.includes(s))
    .map((s) => Lifecycle.refusal(s, tag)),
  "AUTH-ACTOR",
  ...(neededRole(tag) === undefined ? [] : ["AUTH-ROLE" as const]),
  // Any command's actor may name a member, who must hold the seat the role needs.
  "AUTH-SEAT",
  ...(activities.has(tag) ? ["C4" as const] : [])
]

/**
 * The rules that can refuse each campaign command: the checks {@link decide} runs for every
 * command, then those its part declares beside its decide function. Each id appears once, in the
 * order the checks first meet it. A test holds the list to what the decider does on generated
 * histories, so a refusal missing from it fails there; the command reference
 * (docs/reference/commands.md) prints it.
 *
 * **When to use**: to tell a host which refusals to expect from a command, or to document them.
 *
 * @example
 * ```ts
 * import { Campaign } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.ok(Campaign.refusals.SchedulePhase.includes("C5"))
 * assert.ok(Campaign.refusals.HoldDeliberation.includes("AUTH-ROLE"))
 * assert.ok(!Campaign.refusals.OpenPhase.includes("C5"))
 * ```
 *
 * @since 0.5.0
 */
export const refusals: { readonly [T in Tag]: ReadonlyArray<Code> } = Object.fromEntries(
  (Object.keys(Lifecycle.campaignCommands) as Array<Tag>).map((tag) => [
    tag,
    [...new Set([...sharedRefusals(tag), ...partRefusals[tag]])]
  ])
) as never

/**
 * Folds a campaign event. The campaign's status moves by the lifecycle machine
 * (`Lifecycle.campaign` and `Lifecycle.commandOf`); the event's part folds the rest. Total over
 * valid histories; an event that refers to something unknown leaves the state as it was.
 *
 * @example
 * ```ts
 * import { Campaign } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const planned = Campaign.evolve(Campaign.initialState, {
 *   _tag: "CampaignPlanned", campaignId: "hm-2020", tenantId: "hanoi", issuerId: "ldld-hoang-mai",
 *   title: "Phong trào thi đua 2020", form: "regular", period: { start: "2020-01-01", end: "2020-12-31" },
 *   sectors: [], titlesOffered: [], regime: "R2003", at: "2019-12-20"
 * } as never)
 * assert.equal(planned.status, "Planned")
 * ```
 *
 * @since 0.1.0
 */
export const evolve = (state: CampaignState.State, event: CampaignEvent): CampaignState.State => {
  const status = Lifecycle.campaign.after(state.status, Lifecycle.commandOf[event._tag])
  const next = (folds[event._tag] as (s: CampaignState.State, e: CampaignEvent) => CampaignState.State)(state, event)
  return next.status === status ? next : { ...next, status }
}

/**
 * The types of the events that change nothing in a campaign's state: {@link evolve} returns the
 * very state it is given for them, in every status. `ScoreAssessed` is one (scores are kept by
 * the scoreboard, not by the decider): most of a running campaign's stream.
 *
 * **When to use**: a fold that only needs the state may pass over these events. {@link evolveAll}
 * does; a store rehydrating a stream could leave them undecoded (their payloads are then checked
 * only where they are read: by projections, or when a duplicate command's events are answered).
 *
 * **Details**: read from the folds and the lifecycle machine, not listed: an event whose fold is
 * the identity (`keep`) and whose command moves the campaign's status from none of its states. A
 * fold or a transition that starts to change something takes its event out of the set.
 *
 * @example
 * ```ts
 * import { Campaign } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.ok(Campaign.neutral.has("ScoreAssessed"))
 * assert.ok(!Campaign.neutral.has("ParticipantEnrolled"))
 * assert.ok(!Campaign.neutral.has("CampaignClosed")) // its fold keeps the state, but the status moves
 * ```
 *
 * @since 0.7.0
 * @category folding
 */
export const neutral: ReadonlySet<CampaignEvent["_tag"]> = new Set(
  (Object.keys(folds) as Array<CampaignEvent["_tag"]>).filter(
    (tag) =>
      folds[tag] === keep &&
      Lifecycle.campaign.states.every((s) => Lifecycle.campaign.after(s, Lifecycle.commandOf[tag]) === s)
  )
)

// The state's persistent maps, each named once: the type fails when a map is missing. A fold over
// many events changes them in place (`Dict.thaw`) and makes them persistent again at the end.
type DictField = {
  [K in keyof CampaignState.State]-?: CampaignState.State[K] extends Dict.Dict<infer _> ? K : never
}[keyof CampaignState.State]
const dictFields = Object.keys({
  participants: true,
  pledges: true,
  activeRegistrations: true,
  registered: true,
  covenants: true,
  initiatives: true,
  nominations: true,
  awards: true,
  achievements: true,
  fighters: true
} satisfies { readonly [K in DictField]: true }) as ReadonlyArray<DictField>

const withMaps = (state: CampaignState.State, f: <V>(d: Dict.Dict<V>) => Dict.Dict<V>): CampaignState.State => {
  const out: Record<string, unknown> = { ...state }
  for (const k of dictFields) out[k] = f(state[k] as Dict.Dict<unknown>)
  return out as unknown as CampaignState.State
}

// Below this many events the maps are not worth thawing.
const fewEvents = 8

/**
 * Folds many campaign events at once: the state {@link evolve} would reach one event at a time,
 * faster. The state's maps are changed in place while the fold runs (nobody sees the states in
 * between), then made persistent again; events that change nothing (`ScoreAssessed`, most of a
 * running campaign's stream) are skipped. The state given is never changed.
 *
 * **When to use**: rehydrating a stream (a command handler loading a campaign, a rebuild). For
 * one event, or when each intermediate state is needed, use {@link evolve}.
 *
 * **Details**: equal to `events.reduce(evolve, state)`, maps iterated in the same order; a
 * property test holds the two together on generated histories and on arbitrary event sequences.
 *
 * @example
 * ```ts
 * import { Campaign } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const events = [
 *   { _tag: "CampaignPlanned", campaignId: "hm-2020", tenantId: "hanoi", issuerId: "ldld-hoang-mai",
 *     title: "Phong trào thi đua 2020", form: "regular", period: { start: "2020-01-01", end: "2020-12-31" },
 *     sectors: [], titlesOffered: [], regime: "R2003", at: "2019-12-20" },
 *   { _tag: "CampaignLaunched", at: "2019-12-25" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-1", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ScoreAssessed", unitId: "cdcs-1", contentId: "nd-1", points: 8, kind: "self",
 *     assessorId: "cdcs-1", at: "2020-02-01" }
 * ] as never
 * const state = Campaign.evolveAll(Campaign.initialState, events)
 * assert.equal(state.status, "Launched")
 * assert.equal(Campaign.participant(state, "cdcs-1")?.sector, "enterprise")
 * const oneByOne = (events as Array<never>).reduce(Campaign.evolve, Campaign.initialState)
 * assert.deepEqual([...Campaign.participants(state)], [...Campaign.participants(oneByOne)])
 * ```
 *
 * @since 0.7.0
 * @category folding
 */
export const evolveAll = (state: CampaignState.State, events: ReadonlyArray<CampaignEvent>): CampaignState.State => {
  const n = events.length
  if (n < fewEvents) {
    let s = state
    for (let i = 0; i < n; i++) s = evolve(s, events[i]!)
    return s
  }
  let i = 0
  while (i < n && neutral.has(events[i]!._tag)) i++
  if (i === n) return state
  let s = withMaps(state, Dict.thaw)
  for (; i < n; i++) {
    const e = events[i]!
    if (!neutral.has(e._tag)) s = evolve(s, e)
  }
  return withMaps(s, Dict.freeze)
}

/**
 * The campaign as a Decider for a fixed context.
 *
 * @example
 * ```ts
 * import { Campaign, Decider, Directory, Rulebook } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const decider = Campaign.decider({ directory: Directory.initialState, rulebook: Rulebook.standard })
 * assert.equal(Decider.fold(decider, []).status, "Initial")
 * ```
 *
 * @since 0.1.0
 */
export const decider = (ctx: Context): Decider<CampaignState.State, CampaignCommand, CampaignEvent, DomainError> => ({
  initialState: CampaignState.initialState,
  decide: (state, command) => decide(state, command, ctx),
  evolve,
  evolveAll
})
