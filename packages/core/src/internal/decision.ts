/**
 * What every part of the campaign decider shares: the context it reads, the shape of a decision,
 * and the checks of who may act for whom. The parts (`campaign/`, `phase/`, `participant/`,
 * `pledge/`, `initiative/`, `nomination/`, `award/`) each decide their own commands with these.
 *
 * @internal
 */
import { Result } from "effect"
import type * as CampaignState from "../CampaignState.js"
import type { CampaignCommand } from "../Command.js"
import * as Directory from "../Directory.js"
import * as Eligibility from "../Eligibility.js"
import type { CampaignEvent } from "../Event.js"
import type { OrganizationId } from "../Ids.js"
import type * as LocalDate from "../LocalDate.js"
import type * as Organization from "../Organization.js"
import type * as Record from "../Record.js"
import type { Code } from "../Rule.js"
import * as Rulebook from "../Rulebook.js"
import { all, type Check, pass } from "../rules/define.js"
import { AUTH_SUBTREE } from "../rules/engineering/AUTH-SUBTREE.js"
import { REF_EXISTS } from "../rules/engineering/REF-EXISTS.js"
import { REF_MISSING } from "../rules/engineering/REF-MISSING.js"
import type { DomainError } from "./domainError.js"

/** What `decide` reads besides the campaign. @internal */
export interface Context {
  readonly directory: Directory.State
  readonly rulebook: Rulebook.Rulebook
  /**
   * The tenant's commendation record, when the host keeps one (the command handler does): awards
   * and nomination decisions consult the eligibility engine over it. Without it they are judged
   * on the campaign alone.
   */
  readonly record?: Record.State
}

/** The events that follow, or the rule that refuses. @internal */
export type Decision = Result.Result<ReadonlyArray<CampaignEvent>, DomainError>

/** The tags of campaign commands. @internal */
export type Tag = CampaignCommand["_tag"]

/** What a part's decide function receives, once the shared checks passed. @internal */
export interface Input<T extends Tag> {
  readonly state: CampaignState.State
  readonly plan: CampaignState.Plan
  readonly command: Extract<CampaignCommand, { readonly _tag: T }>
  readonly ctx: Context
  /** The acting organization, in operation on the day of the act. */
  readonly actor: Directory.Org
}

/** A part's decide functions, one per command. @internal */
export type Handlers<T extends Exclude<Tag, "PlanCampaign">> = { readonly [K in T]: (input: Input<K>) => Decision }

/**
 * The rules a part's decide function may refuse each command with, besides the checks
 * `Campaign.decide` runs before it: read by the command reference, and held to what the decider
 * does by test/refusals.test.ts.
 *
 * @internal
 */
export type Refusals<T extends Tag> = { readonly [K in T]: ReadonlyArray<Code> }

/** A part's evolve cases, one per event. @internal */
export type Folds<E extends CampaignEvent["_tag"]> = {
  readonly [K in E]: (
    state: CampaignState.State,
    event: Extract<CampaignEvent, { readonly _tag: K }>
  ) => CampaignState.State
}

/**
 * The fold of an event that changes nothing the decider reads. `Campaign.evolveAll` skips the
 * events folded by it whose command moves no status either, so it must stay the identity.
 *
 * @internal
 */
export const keep = (state: CampaignState.State): CampaignState.State => state

/** One event. @internal */
export const one = (event: CampaignEvent): Decision => Result.succeed([event])

/** The event when the check passes. (Not `then`: a module exporting `then` is a thenable, and `await import` calls it.) @internal */
export const emit = (check: Check, event: () => CampaignEvent): Decision =>
  Result.isFailure(check) ? Result.fail(check.failure) : Result.succeed([event()])

/** A check as a decision with no event (only ever used on a failing check). @internal */
export const stop = (check: Check): Decision =>
  Result.isFailure(check) ? Result.fail(check.failure) : Result.succeed([])

/** A lookup that can fail, as a check. @internal */
export const asCheck = (r: Result.Result<unknown, DomainError>): Check =>
  Result.isFailure(r) ? Result.fail(r.failure) : Result.succeed(undefined)

/** A reference to something unknown. @internal */
export const missing = (kind: string, id: string): Decision => REF_MISSING.refuse({ kind, id })

/** An id used before. @internal */
export const exists = (kind: string, id: string): Decision => REF_EXISTS.refuse({ kind, id })

/**
 * The eligibility engine's answer as a check: the first failing rule refuses (the verdict lists
 * them all; a command reports one). Without a record there is nothing to consult.
 *
 * @internal
 */
export const eligible = (
  ctx: Context,
  plan: CampaignState.Plan,
  question: {
    readonly subject: Parameters<typeof Eligibility.eligibility>[1]
    readonly kind: Parameters<typeof Eligibility.eligibility>[2]
    readonly period: LocalDate.Period
    readonly extraordinary: boolean
    readonly deliberation?: { readonly votesFor: number; readonly councilSize: number } | undefined
  }
): Check => {
  if (ctx.record === undefined) return Result.succeed(undefined)
  const v = Eligibility.eligibility(ctx.record, question.subject, question.kind, question.period, ctx.rulebook, {
    directory: ctx.directory,
    campaignId: plan.campaignId,
    ...(question.deliberation !== undefined ? { deliberation: question.deliberation } : {})
  })
  // The verdict's G1 judges titles only: an extraordinary (đột xuất) title still needs the year's
  // registration; the extraordinary forms need none (rule G1).
  const first = v.failures[0]
  return first === undefined ? Result.succeed(undefined) : Result.fail(first)
}

/**
 * A member named as a subject is named with their own unit: where the directory knows the member,
 * the unit that managed them at the end of the period or on the day of the act (a member moved in
 * January is still rewarded by last year's unit). Otherwise one union could reward another's
 * member and answer for their registration and quotas.
 *
 * @internal
 */
export const ownUnit = (
  ctx: Context,
  subject: Organization.Subject,
  period: LocalDate.Period,
  at: LocalDate.LocalDate
): Check => {
  if (subject._tag !== "Member" || Directory.member(ctx.directory, subject.memberId) === undefined) return pass
  const units = [
    Directory.unitOfMember(ctx.directory, subject.memberId, period.end),
    Directory.unitOfMember(ctx.directory, subject.memberId, at)
  ]
  return units.includes(subject.organizationId)
    ? pass
    : REF_MISSING.refuse({ kind: `member of ${subject.organizationId}`, id: subject.memberId })
}

/** The parameters the campaign is judged by. @internal */
export const paramsOf = (ctx: Context, plan: CampaignState.Plan): Rulebook.Params =>
  Rulebook.forCampaign(ctx.rulebook, ctx.directory, plan)

/**
 * The actor acts for the campaign's organizer: it is the issuer or above it, or the issuer's
 * successor (or above it) once the issuer was restructured away.
 *
 * @internal
 */
export const organizer = (
  ctx: Context,
  plan: CampaignState.Plan,
  actorId: OrganizationId,
  at: LocalDate.LocalDate
): Check =>
  Directory.actsFor(ctx.directory, actorId, plan.issuerId, at)
    ? Result.succeed(undefined)
    : AUTH_SUBTREE.refuse({ actorId, targetId: plan.issuerId, date: at })

/** A unit lies within the campaign's scope: the issuer's subtree, or its cluster. @internal */
export const inScope = (
  ctx: Context,
  plan: CampaignState.Plan,
  unitId: OrganizationId,
  at: LocalDate.LocalDate
): Check => {
  if (plan.clusterId !== undefined) {
    const cluster = Directory.cluster(ctx.directory, plan.clusterId)
    return cluster !== undefined && Directory.isClusterMember(cluster, unitId)
      ? Result.succeed(undefined)
      : AUTH_SUBTREE.refuse({ actorId: plan.clusterId, targetId: unitId, date: at })
  }
  // The scope is the issuer's subtree as it stood when the campaign began, or as it stands now
  // under the issuer, or under its successor once the issuer was restructured away: units founded
  // later join, and units moved away by a restructuring stay in the campaign.
  return Directory.isWithin(ctx.directory, plan.issuerId, unitId, plan.period.start) ||
    Directory.isWithin(ctx.directory, Directory.carrierOn(ctx.directory, plan.issuerId, at), unitId, at)
    ? Result.succeed(undefined)
    : AUTH_SUBTREE.refuse({ actorId: plan.issuerId, targetId: unitId, date: at })
}

/** The actor acts for a unit of the campaign: the unit is within both the actor's subtree and the scope. @internal */
export const forUnit = (
  ctx: Context,
  plan: CampaignState.Plan,
  actorId: OrganizationId,
  unitId: OrganizationId,
  at: LocalDate.LocalDate
): Check =>
  all(
    () => Directory.requireWithin(ctx.directory, actorId, unitId, at),
    () => inScope(ctx, plan, unitId, at)
  )
