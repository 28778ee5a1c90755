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
import * as CampaignState from "./CampaignState.js"
import type { CampaignCommand } from "./Command.js"
import type { Decider } from "./Decider.js"
import * as Dict from "./Dict.js"
import * as Directory from "./Directory.js"
import * as DomainError from "./DomainError.js"
import type { CampaignEvent } from "./Event.js"
import type { OrganizationId } from "./Ids.js"
import * as Lifecycle from "./Lifecycle.js"
import type * as LocalDate from "./LocalDate.js"
import * as Rulebook from "./Rulebook.js"
import * as AwardRules from "./rules/award.js"
import * as CampaignRules from "./rules/campaign.js"
import { all, type Check, pass, refuse } from "./rules/common.js"
import * as InitiativeRules from "./rules/initiative.js"
import * as RegistrationRules from "./rules/registration.js"

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
  evolve,
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

/**
 * What `decide` reads besides the campaign.
 *
 * @since 0.1.0
 */
export interface Context {
  readonly directory: Directory.State
  readonly rulebook: Rulebook.Rulebook
}

type Decision = Result.Result<ReadonlyArray<CampaignEvent>, DomainError.DomainError>

const stop = (check: Check): Decision => (Result.isFailure(check) ? Result.fail(check.failure) : Result.succeed([]))
const asCheck = (r: Result.Result<unknown, DomainError.DomainError>): Check =>
  Result.isFailure(r) ? Result.fail(r.failure) : pass
const one = (event: CampaignEvent): Decision => Result.succeed([event])
const then = (check: Check, event: () => CampaignEvent): Decision =>
  Result.isFailure(check) ? Result.fail(check.failure) : Result.succeed([event()])

const executiveCommands: ReadonlySet<Lifecycle.CommandTag> = new Set<Lifecycle.CommandTag>([
  "PlanCampaign",
  "LaunchCampaign",
  "EndCampaign",
  "HoldFinalReview",
  "ApproveRegistration",
  "RejectRegistration",
  "RecognizeInitiative",
  "PlaqueWork",
  "DecideNomination",
  "GrantAward",
  "RevokeAward",
  "CloseCampaign",
  "CancelCampaign"
])

const role = (command: CampaignCommand): Check => {
  const needs =
    command._tag === "HoldDeliberation" ? "council" : executiveCommands.has(command._tag) ? "executive" : undefined
  return needs === undefined || command.actor.role === needs
    ? pass
    : refuse("AUTH-ROLE", { role: command.actor.role, command: command._tag, needs })
}

/** The actor acts for the campaign's organizer: it is the issuer or above it. */
const organizer = (ctx: Context, plan: CampaignState.Plan, command: CampaignCommand): Check =>
  Directory.requireWithin(ctx.directory, command.actor.organizationId, plan.issuerId, command.at)

/** A unit lies within the campaign's scope: the issuer's subtree, or its cluster. */
const inScope = (ctx: Context, plan: CampaignState.Plan, unitId: OrganizationId, at: LocalDate.LocalDate): Check => {
  if (plan.clusterId !== undefined) {
    const cluster = Directory.cluster(ctx.directory, plan.clusterId)
    return cluster !== undefined && Directory.isClusterMember(cluster, unitId)
      ? pass
      : refuse("AUTH-SUBTREE", { actorId: plan.clusterId, targetId: unitId, date: at })
  }
  // The scope is the issuer's subtree as it stood when the campaign began, or as it stands now:
  // units founded later join, and units moved away by a restructuring stay in the campaign.
  return Directory.isWithin(ctx.directory, plan.issuerId, unitId, plan.period.start)
    ? pass
    : Directory.requireWithin(ctx.directory, plan.issuerId, unitId, at)
}

/** The actor acts for a unit of the campaign: the unit is within both the actor's subtree and the scope. */
const forUnit = (ctx: Context, plan: CampaignState.Plan, command: CampaignCommand, unitId: OrganizationId): Check =>
  all(
    () => Directory.requireWithin(ctx.directory, command.actor.organizationId, unitId, command.at),
    () => inScope(ctx, plan, unitId, command.at)
  )

const paramsOf = (ctx: Context, plan: CampaignState.Plan): Rulebook.Params =>
  Rulebook.params(
    ctx.rulebook,
    Rulebook.regime(ctx.rulebook, plan.regime, plan.period.start),
    Directory.chain(ctx.directory, plan.issuerId, plan.period.start)
  )

const missing = (kind: string, id: string): Decision => Result.fail(DomainError.make("REF-MISSING", { kind, id }))

const stepRefusal = (
  subject: DomainError.Details["LIFECYCLE"]["subject"],
  id: string,
  status: string,
  command: string
): Decision => Result.fail(DomainError.make("LIFECYCLE", { subject, id, status, command }))

const activities: ReadonlySet<Lifecycle.CommandTag> = new Set<Lifecycle.CommandTag>([
  "OpenPhase",
  "EnrollParticipant",
  "SignPledge",
  "RecordInitiative",
  "ApplyInitiative"
])

/**
 * Decides a campaign command. Checks run in a fixed order — tenant, lifecycle, actor, role,
 * then the command's own rules — so the first broken rule is the one reported.
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
  if (ctx.directory.tenantId !== undefined && ctx.directory.tenantId !== command.tenantId)
    return Result.fail(DomainError.make("AUTH-TENANT", { expected: ctx.directory.tenantId, actual: command.tenantId }))
  const plan = state.plan
  if (plan !== undefined) {
    if (plan.tenantId !== command.tenantId)
      return Result.fail(DomainError.make("AUTH-TENANT", { expected: plan.tenantId, actual: command.tenantId }))
    if (plan.campaignId !== command.campaignId) return missing("campaign", command.campaignId)
  }
  if (Lifecycle.campaign.next(state.status, command._tag) === undefined) {
    const code = Lifecycle.refusal(state.status, command._tag)
    const campaignId = command.campaignId
    switch (code) {
      case "REF-MISSING":
        return missing("campaign", campaignId)
      case "REF-EXISTS":
        return Result.fail(DomainError.make("REF-EXISTS", { kind: "campaign", id: campaignId }))
      case "C3":
        return Result.fail(DomainError.make("C3", { campaignId, command: command._tag }))
      case "C8":
        return Result.fail(DomainError.make("C8", { campaignId, status: state.status, command: command._tag }))
      case "C6":
        return Result.fail(DomainError.make("C6", { reason: "not-running", phaseId: "", value: state.status }))
      default:
        return stepRefusal("campaign", campaignId, state.status, command._tag)
    }
  }
  const actor = Directory.requireActive(ctx.directory, command.actor.organizationId, command.at)
  if (Result.isFailure(actor)) return Result.fail(actor.failure)
  const r = role(command)
  if (Result.isFailure(r)) return Result.fail(r.failure)
  // The machine lets PlanCampaign through only while nothing is planned.
  if (command._tag === "PlanCampaign") return planCampaign(command, ctx)
  // From here on the machine guarantees a plan.
  const p = plan as CampaignState.Plan
  if (activities.has(command._tag)) {
    const c4 = CampaignRules.activityWithinPeriod(p, command.at)
    if (Result.isFailure(c4)) return Result.fail(c4.failure)
  }
  return decidePlanned(state, p, command, ctx, actor.success)
}

const planCampaign = (command: Extract<CampaignCommand, { _tag: "PlanCampaign" }>, ctx: Context): Decision => {
  const issuer = Directory.requireActive(ctx.directory, command.issuerId, command.at)
  if (Result.isFailure(issuer)) return Result.fail(issuer.failure)
  return then(
    all(
      () =>
        CampaignRules.launcherJurisdiction(
          ctx.directory,
          command.actor.organizationId,
          command.issuerId,
          command.issuerId,
          command.at
        ),
      () => CampaignRules.formAndScope(command, ctx.directory),
      () => CampaignRules.thematicPeriod(command)
    ),
    () => {
      const { _tag, commandId, actor, ...fields } = command
      return {
        _tag: "CampaignPlanned",
        ...fields,
        regime: Rulebook.regimeOn(ctx.rulebook, command.period.start).id
      }
    }
  )
}

const decidePlanned = (
  state: CampaignState.State,
  plan: CampaignState.Plan,
  command: Exclude<CampaignCommand, { _tag: "PlanCampaign" }>,
  ctx: Context,
  actorOrg: Directory.Org
): Decision => {
  const at = command.at
  const actorId = command.actor.organizationId
  switch (command._tag) {
    case "LaunchCampaign": {
      const pilot = command.pilotUnitId
      return then(
        all(
          () => CampaignRules.launcherJurisdiction(ctx.directory, actorId, plan.issuerId, plan.issuerId, at),
          () =>
            pilot === undefined
              ? pass
              : all(
                  () => asCheck(Directory.requireActive(ctx.directory, pilot, at)),
                  () => CampaignRules.launcherJurisdiction(ctx.directory, actorId, plan.issuerId, pilot, at)
                )
        ),
        () => ({ _tag: "CampaignLaunched", at, ...(pilot !== undefined ? { pilotUnitId: pilot } : {}) })
      )
    }
    case "SchedulePhase": {
      if (CampaignState.phase(state, command.phaseId) !== undefined)
        return Result.fail(DomainError.make("REF-EXISTS", { kind: "phase", id: command.phaseId }))
      return then(
        all(
          () => organizer(ctx, plan, command),
          () => CampaignRules.phasesDoNotOverlap(state, plan, command, paramsOf(ctx, plan))
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
    }
    case "OpenPhase":
    case "ClosePhase": {
      const ph = CampaignState.phase(state, command.phaseId)
      if (ph === undefined) return missing("phase", command.phaseId)
      const o = organizer(ctx, plan, command)
      if (Result.isFailure(o)) return Result.fail(o.failure)
      if (Lifecycle.phase.next(ph.status, command._tag) === undefined)
        return stepRefusal("phase", ph.id, ph.status, command._tag)
      return one({ _tag: command._tag === "OpenPhase" ? "PhaseOpened" : "PhaseClosed", phaseId: ph.id, at })
    }
    case "EnrollParticipant": {
      if (CampaignState.participant(state, command.unitId) !== undefined)
        return Result.fail(DomainError.make("REF-EXISTS", { kind: "participant", id: command.unitId }))
      const clusterId = command.clusterId
      return then(
        all(
          () => asCheck(Directory.requireActive(ctx.directory, command.unitId, at)),
          () => forUnit(ctx, plan, command, command.unitId),
          () => {
            if (clusterId === undefined) return pass
            const c = Directory.cluster(ctx.directory, clusterId)
            if (c === undefined) return refuse("REF-MISSING", { kind: "cluster", id: clusterId })
            return Directory.isClusterMember(c, command.unitId)
              ? pass
              : refuse("G3", { clusterId, unitId: command.unitId, reason: "not-member", other: String(c.year) })
          }
        ),
        () => ({
          _tag: "ParticipantEnrolled",
          unitId: command.unitId,
          sector: command.sector,
          ...(clusterId !== undefined ? { clusterId } : {}),
          at
        })
      )
    }
    case "SignPledge": {
      const period = command.period ?? plan.period
      const subject = command.kind === "registration" ? RegistrationRules.registrationSubject(command) : undefined
      const clusterId = command.clusterId
      const signersAuthorized = (): Check => {
        for (const unitId of command.signerIds) {
          const a = Directory.requireActive(ctx.directory, unitId, at)
          if (Result.isFailure(a)) return Result.fail(a.failure)
          const s = inScope(ctx, plan, unitId, at)
          if (Result.isFailure(s)) return Result.fail(s.failure)
        }
        // A cluster covenant is signed by the cluster's head or its organizer for all members;
        // any other pledge by (an upper level of) each signer.
        if (clusterId !== undefined) {
          const c = Directory.cluster(ctx.directory, clusterId)
          if (c === undefined) return refuse("REF-MISSING", { kind: "cluster", id: clusterId })
          if (Directory.isClusterMember(c, actorId) || Directory.isWithin(ctx.directory, actorId, c.organizerId, at))
            return pass
          return refuse("AUTH-SUBTREE", { actorId, targetId: clusterId, date: at })
        }
        for (const unitId of command.signerIds) {
          const w = Directory.requireWithin(ctx.directory, actorId, unitId, at)
          if (Result.isFailure(w)) return Result.fail(w.failure)
        }
        return pass
      }
      return then(
        all(
          () => RegistrationRules.covenantFixedOnceSigned(state, plan, command, period),
          signersAuthorized,
          () =>
            subject === undefined
              ? pass
              : all(
                  () =>
                    command.signerIds.includes(subject.organizationId)
                      ? pass
                      : refuse("AUTH-SUBTREE", {
                          actorId: command.signerIds[0],
                          targetId: subject.organizationId,
                          date: at
                        }),
                  () => RegistrationRules.oneActiveRegistration(state, command)
                ),
          () => RegistrationRules.oneCovenantPerCluster(state, ctx.directory, command, period)
        ),
        () => ({
          _tag: "PledgeSigned",
          pledgeId: command.pledgeId,
          kind: command.kind,
          signerIds: command.signerIds,
          ...(subject !== undefined ? { subject } : {}),
          ...(clusterId !== undefined ? { clusterId } : {}),
          targets: command.targets,
          period,
          ...(command.supersedes !== undefined ? { supersedes: command.supersedes } : {}),
          at
        })
      )
    }
    case "ApproveRegistration":
    case "RejectRegistration": {
      const p = CampaignState.pledge(state, command.pledgeId)
      if (p === undefined || p.kind !== "registration") return missing("registration", command.pledgeId)
      const o = organizer(ctx, plan, command)
      if (Result.isFailure(o)) return Result.fail(o.failure)
      if (
        p.status === "Superseded" ||
        Lifecycle.registration.next(p.status as Lifecycle.RegistrationStatus, command._tag) === undefined
      )
        return stepRefusal("registration", p.id, p.status, command._tag)
      return one(
        command._tag === "ApproveRegistration"
          ? { _tag: "RegistrationApproved", pledgeId: p.id, at }
          : { _tag: "RegistrationRejected", pledgeId: p.id, reason: command.reason, at }
      )
    }
    case "RecordInitiative": {
      if (CampaignState.initiative(state, command.initiativeId) !== undefined)
        return Result.fail(DomainError.make("REF-EXISTS", { kind: "initiative", id: command.initiativeId }))
      if (CampaignState.participant(state, command.unitId) === undefined) return missing("participant", command.unitId)
      if (command.phaseId !== undefined && CampaignState.phase(state, command.phaseId) === undefined)
        return missing("phase", command.phaseId)
      const { _tag, commandId, tenantId, actor, campaignId, ...fields } = command
      return then(
        all(
          () => InitiativeRules.benefitIsAmount(command.initiativeId, command.benefitVnd),
          () => forUnit(ctx, plan, command, command.unitId)
        ),
        () => ({ _tag: "InitiativeRecorded", ...fields })
      )
    }
    case "ApplyInitiative":
    case "RecognizeInitiative":
    case "RejectInitiative":
    case "PlaqueWork": {
      const i = CampaignState.initiative(state, command.initiativeId)
      if (i === undefined) return missing("initiative", command.initiativeId)
      const w = Directory.requireWithin(ctx.directory, actorId, i.unitId, at)
      if (Result.isFailure(w)) return Result.fail(w.failure)
      return initiativeStep(i, command, actorOrg)
    }
    case "AssessScore": {
      if (CampaignState.participant(state, command.unitId) === undefined) return missing("participant", command.unitId)
      if (command.phaseId !== undefined && CampaignState.phase(state, command.phaseId) === undefined)
        return missing("phase", command.phaseId)
      if (!plan.sectors.some((s) => s.contents.some((c) => c.contentId === command.contentId)))
        return missing("content", command.contentId)
      // Self-assessment comes from the unit or above; cross-assessment also from a peer participant.
      const mayAssess =
        Directory.isWithin(ctx.directory, actorId, command.unitId, at) ||
        (command.kind === "cross" &&
          (CampaignState.participant(state, actorId) !== undefined ||
            Directory.isWithin(ctx.directory, actorId, plan.issuerId, at)))
      if (!mayAssess)
        return Result.fail(DomainError.make("AUTH-SUBTREE", { actorId, targetId: command.unitId, date: at }))
      return one({
        _tag: "ScoreAssessed",
        unitId: command.unitId,
        ...(command.phaseId !== undefined ? { phaseId: command.phaseId } : {}),
        contentId: command.contentId,
        points: command.points,
        kind: command.kind,
        assessorId: actorId,
        at
      })
    }
    case "HoldInterimReview": {
      const o = organizer(ctx, plan, command)
      if (Result.isFailure(o)) return Result.fail(o.failure)
      const phaseId = command.phaseId
      if (phaseId !== undefined) {
        const ph = CampaignState.phase(state, phaseId)
        if (ph === undefined) return missing("phase", phaseId)
        const c6 = CampaignRules.phaseClosedBeforeInterimReview(ph)
        if (Result.isFailure(c6)) return Result.fail(c6.failure)
      }
      return one({
        _tag: "InterimReviewHeld",
        ...(phaseId !== undefined ? { phaseId } : {}),
        at,
        ...(command.notes !== undefined ? { notes: command.notes } : {})
      })
    }
    case "EndCampaign": {
      const o = organizer(ctx, plan, command)
      if (Result.isFailure(o)) return Result.fail(o.failure)
      if (at < plan.period.end)
        return stepRefusal("campaign", plan.campaignId, `Launched (until ${plan.period.end})`, command._tag)
      return one({ _tag: "CampaignEnded", at })
    }
    case "HoldFinalReview":
      return then(
        all(
          () => organizer(ctx, plan, command),
          () => CampaignRules.phasesClosedBeforeFinalReview(state),
          () =>
            state.endedAt !== undefined && at < state.endedAt
              ? refuse("C6", { reason: "before-end", phaseId: "", value: state.endedAt })
              : pass
        ),
        () => ({ _tag: "FinalReviewHeld", at, ...(command.notes !== undefined ? { notes: command.notes } : {}) })
      )
    case "ProposeNomination": {
      if (CampaignState.nomination(state, command.nominationId) !== undefined)
        return Result.fail(DomainError.make("REF-EXISTS", { kind: "nomination", id: command.nominationId }))
      const cited: Array<CampaignState.Initiative> = []
      for (const id of command.initiativeIds ?? []) {
        const i = CampaignState.initiative(state, id)
        if (i === undefined) return missing("initiative", id)
        cited.push(i)
      }
      return then(
        all(
          () => forUnit(ctx, plan, command, command.subject.organizationId),
          () => CampaignRules.periodWithinCampaign(plan, command.period),
          () => InitiativeRules.scopeMatchesTitle(command.awardKind, cited)
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
          at
        })
      )
    }
    case "HoldDeliberation":
    case "SubmitNomination":
    case "DecideNomination": {
      const n = CampaignState.nomination(state, command.nominationId)
      if (n === undefined) return missing("nomination", command.nominationId)
      if (n.holderId !== actorId)
        return Result.fail(DomainError.make("AUTH-SUBTREE", { actorId, targetId: n.holderId, date: at }))
      return nominationStep(n, command, ctx, plan)
    }
    case "PublishNominees": {
      for (const id of command.nominationIds) {
        const n = CampaignState.nomination(state, id)
        if (n === undefined) return missing("nomination", id)
        if (n.holderId !== actorId)
          return Result.fail(DomainError.make("AUTH-SUBTREE", { actorId, targetId: n.holderId, date: at }))
        if (Lifecycle.nomination.next(n.status, "PublishNominees") === undefined)
          return stepRefusal("nomination", n.id, n.status, command._tag)
      }
      return one({
        _tag: "NomineesPublished",
        nominationIds: command.nominationIds,
        from: command.period.start,
        to: command.period.end
      })
    }
    case "GrantAward": {
      if (CampaignState.award(state, command.awardId) !== undefined)
        return Result.fail(DomainError.make("REF-EXISTS", { kind: "award", id: command.awardId }))
      const nominationId = command.nominationId
      const n = nominationId === undefined ? undefined : CampaignState.nomination(state, nominationId)
      if (nominationId !== undefined && n === undefined) return missing("nomination", nominationId)
      // Two guards read the parameters; the regime and the issuer's overrides are resolved once.
      let resolved: Rulebook.Params | undefined
      const params = (): Rulebook.Params => (resolved ??= paramsOf(ctx, plan))
      return then(
        all(
          () => AwardRules.grantingAuthority(actorId, actorOrg.level, command.kind),
          () => Directory.requireWithin(ctx.directory, actorId, command.recipient.organizationId, at),
          () => inScope(ctx, plan, command.recipient.organizationId, at),
          () => CampaignRules.periodWithinCampaign(plan, command.period),
          () =>
            n === undefined ? pass : AwardRules.grantFollowsNomination(n, command.recipient, command.kind, actorId),
          () => AwardRules.awardAfterReview(state, command.kind, command.period, command.extraordinary),
          () =>
            RegistrationRules.titleNeedsRegistration(
              state,
              command.recipient,
              command.kind,
              command.extraordinary,
              params()
            ),
          () =>
            AwardRules.oneAwardPerAchievement(state, command.recipient, command.basis, command.period, command.kind),
          () => AwardRules.fighterQuota(state, command.recipient, command.kind, params())
        ),
        () => {
          const { _tag, commandId, tenantId, actor, campaignId, ...fields } = command
          return { _tag: "AwardGranted", ...fields, grantedById: actorId }
        }
      )
    }
    case "RevokeAward": {
      const a = CampaignState.award(state, command.awardId)
      if (a === undefined) return missing("award", command.awardId)
      return then(
        all(
          () => Directory.requireWithin(ctx.directory, actorId, a.grantedById, at),
          () => AwardRules.lawfulRevocation(a, command.reason)
        ),
        () => ({
          _tag: "AwardRevoked",
          awardId: a.id,
          reason: command.reason,
          ...(command.notes !== undefined ? { notes: command.notes } : {}),
          at
        })
      )
    }
    case "ReplicateExemplar": {
      const o = organizer(ctx, plan, command)
      if (Result.isFailure(o)) return Result.fail(o.failure)
      const key = command.subject._tag === "Unit" ? command.subject.organizationId : command.subject.memberId
      const awarded = Dict.some(
        state.awards,
        (a) => !a.revoked && (a.recipient._tag === "Unit" ? a.recipient.organizationId : a.recipient.memberId) === key
      )
      const reviewed = state.interimReviews.length > 0 || state.finalReviewAt !== undefined
      if (!awarded && !reviewed) return missing("exemplar", key)
      return one({ _tag: "ExemplarReplicated", subject: command.subject, at })
    }
    case "CloseCampaign": {
      const o = organizer(ctx, plan, command)
      if (Result.isFailure(o)) return Result.fail(o.failure)
      for (const n of CampaignState.nominations(state))
        if (n.status !== "Decided") return stepRefusal("nomination", n.id, n.status, command._tag)
      return one({ _tag: "CampaignClosed", at })
    }
    case "CancelCampaign":
      return then(organizer(ctx, plan, command), () => ({ _tag: "CampaignCancelled", reason: command.reason, at }))
  }
}

const initiativeStep = (
  i: CampaignState.Initiative,
  command: Extract<
    CampaignCommand,
    { _tag: "ApplyInitiative" | "RecognizeInitiative" | "RejectInitiative" | "PlaqueWork" }
  >,
  actorOrg: Directory.Org
): Decision => {
  const at = command.at
  const actorId = command.actor.organizationId
  switch (command._tag) {
    case "ApplyInitiative":
      if (Lifecycle.initiative.next(i.status, command._tag) === undefined)
        return stepRefusal("initiative", i.id, i.status, command._tag)
      return one({ _tag: "InitiativeApplied", initiativeId: i.id, at })
    case "RecognizeInitiative":
      if (i.status === "Recorded") return stop(InitiativeRules.appliedBeforeRecognition(i))
      if (Lifecycle.initiative.next(i.status, command._tag) === undefined)
        return stepRefusal("initiative", i.id, i.status, command._tag)
      return then(InitiativeRules.competentRecognizer(i, command.level, actorOrg.level), () => ({
        _tag: "InitiativeRecognized",
        initiativeId: i.id,
        level: command.level,
        recognizedById: actorId,
        at
      }))
    case "RejectInitiative":
      if (Lifecycle.initiative.next(i.status, command._tag) === undefined)
        return stepRefusal("initiative", i.id, i.status, command._tag)
      return one({ _tag: "InitiativeRejected", initiativeId: i.id, reason: command.reason, at })
    case "PlaqueWork":
      if (i.kind !== "work") return missing("work", i.id)
      if (i.plaqued) return Result.fail(DomainError.make("REF-EXISTS", { kind: "plaque", id: i.id }))
      if (i.status !== "Applied" && i.status !== "Recognized") return stop(InitiativeRules.appliedBeforeRecognition(i))
      return one({ _tag: "WorkPlaqued", initiativeId: i.id, grantedById: actorId, at })
  }
}

const nominationStep = (
  n: CampaignState.Nomination,
  command: Extract<CampaignCommand, { _tag: "HoldDeliberation" | "SubmitNomination" | "DecideNomination" }>,
  ctx: Context,
  plan: CampaignState.Plan
): Decision => {
  const at = command.at
  switch (command._tag) {
    case "HoldDeliberation":
      if (Lifecycle.nomination.next(n.status, "HoldDeliberation") === undefined)
        return stepRefusal("nomination", n.id, n.status, command._tag)
      return one({
        _tag: "DeliberationHeld",
        nominationId: n.id,
        present: command.present,
        votesFor: command.votesFor,
        councilSize: command.councilSize,
        at
      })
    case "SubmitNomination": {
      if (Lifecycle.nomination.next(n.status, "SubmitNomination") === undefined)
        return stepRefusal("nomination", n.id, n.status, command._tag)
      const holder = Directory.organization(ctx.directory, n.holderId)
      const parent = holder === undefined ? undefined : Directory.parentOn(holder, at)
      return then(
        all(
          () => AwardRules.oneLevelUp(n, parent, command.toOrganizationId),
          () => asCheck(Directory.requireActive(ctx.directory, command.toOrganizationId, at))
        ),
        () => ({ _tag: "NominationSubmitted", nominationId: n.id, toOrganizationId: command.toOrganizationId, at })
      )
    }
    case "DecideNomination": {
      const step = command.outcome === "escalated" ? "Escalate" : "Decide"
      if (Lifecycle.nomination.next(n.status, step) === undefined)
        return n.status === "Proposed" || n.status === "Submitted"
          ? stop(AwardRules.deliberatedFirst(n))
          : stepRefusal("nomination", n.id, n.status, command._tag)
      return then(
        all(
          () => (command.outcome === "notAchieved" ? pass : AwardRules.councilApproval(n, paramsOf(ctx, plan))),
          () => {
            if (command.outcome !== "escalated") return pass
            const holder = Directory.organization(ctx.directory, n.holderId)
            return AwardRules.levelAbove(n, holder === undefined ? undefined : Directory.parentOn(holder, at))
          }
        ),
        () => ({ _tag: "NominationDecided", nominationId: n.id, outcome: command.outcome, at })
      )
    }
  }
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
export const decider = (
  ctx: Context
): Decider<CampaignState.State, CampaignCommand, CampaignEvent, DomainError.DomainError> => ({
  initialState: CampaignState.initialState,
  decide: (state, command) => decide(state, command, ctx),
  evolve: CampaignState.evolve
})
