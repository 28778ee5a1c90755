/**
 * fast-check arbitraries for every value, event and command of `@thidua/core`. They are written by
 * hand (Effect's own `effect/Arbitrary` is a different engine) and kept honest by a test that
 * decodes every generated value with its schema.
 *
 * Small ones compose into bigger ones: `localDate` into `period`, ids and `actor` into commands.
 * For whole command histories that the deciders accept, see `History`.
 *
 * @since 0.1.0
 */
import type { AwardKind, Command, Event, Ids, LocalDate, Organization, Vnd } from "@thidua/core"
import { AwardKind as Awards } from "@thidua/core"
import fc from "fast-check"

type Arb<A> = fc.Arbitrary<A>

const struct = <R extends Record<string, Arb<unknown>>, O extends Record<string, Arb<unknown>>>(
  required: R,
  optional: O
): Arb<
  { [K in keyof R]: R[K] extends Arb<infer A> ? A : never } & {
    [K in keyof O]?: O[K] extends Arb<infer A> ? A : never
  }
> =>
  fc.record(
    { ...required, ...optional },
    { requiredKeys: Object.keys(required), noNullPrototype: true }
  ) as unknown as Arb<
    { [K in keyof R]: R[K] extends Arb<infer A> ? A : never } & {
      [K in keyof O]?: O[K] extends Arb<infer A> ? A : never
    }
  >

const tagged = <T extends string, R extends Record<string, Arb<unknown>>, O extends Record<string, Arb<unknown>>>(
  tag: T,
  required: R,
  optional: O = {} as O
) => struct({ _tag: fc.constant(tag), ...required }, optional)

// ---------------------------------------------------------------------------------------------
// values
// ---------------------------------------------------------------------------------------------

const idString = fc.stringMatching(/^[a-z0-9][a-z0-9_.:-]{0,20}$/)
const id = <B>(): Arb<B> => idString as unknown as Arb<B>

/** @since 0.1.0 */
export const tenantId: Arb<Ids.TenantId> = id()
/** @since 0.1.0 */
export const organizationId: Arb<Ids.OrganizationId> = id()
/** @since 0.1.0 */
export const clusterId: Arb<Ids.ClusterId> = id()
/** @since 0.1.0 */
export const campaignId: Arb<Ids.CampaignId> = id()
/** @since 0.1.0 */
export const phaseId: Arb<Ids.PhaseId> = id()
/** @since 0.1.0 */
export const pledgeId: Arb<Ids.PledgeId> = id()
/** @since 0.1.0 */
export const initiativeId: Arb<Ids.InitiativeId> = id()
/** @since 0.1.0 */
export const nominationId: Arb<Ids.NominationId> = id()
/** @since 0.1.0 */
export const awardId: Arb<Ids.AwardId> = id()
/** @since 0.1.0 */
export const memberId: Arb<Ids.MemberId> = id()
/** @since 0.1.0 */
export const contentId: Arb<Ids.ContentId> = id()
/** @since 0.1.0 */
export const commandId: Arb<Ids.CommandId> = id()

const DAY = 86_400_000
const minDay = Date.UTC(1990, 0, 1) / DAY
const maxDay = Date.UTC(2199, 11, 31) / DAY

/**
 * A local date between 1990 and 2199.
 *
 * @example
 * ```ts
 * import { Arbitraries } from "@thidua/testing"
 * import fc from "fast-check"
 * import assert from "node:assert"
 *
 * for (const d of fc.sample(Arbitraries.localDate, 20)) assert.match(d, /^\d{4}-\d{2}-\d{2}$/)
 * ```
 *
 * @since 0.1.0
 */
export const localDate: Arb<LocalDate.LocalDate> = fc
  .integer({ min: minDay, max: maxDay })
  .map((d) => new Date(d * DAY).toISOString().slice(0, 10) as LocalDate.LocalDate)

/** A local date within a year. @since 0.1.0 */
export const dateIn = (year: number): Arb<LocalDate.LocalDate> =>
  fc
    .integer({ min: Date.UTC(year, 0, 1) / DAY, max: Date.UTC(year, 11, 31) / DAY })
    .map((d) => new Date(d * DAY).toISOString().slice(0, 10) as LocalDate.LocalDate)

/** A period: two dates in order. @since 0.1.0 */
export const period: Arb<LocalDate.Period> = fc
  .tuple(localDate, localDate)
  .map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }))

/** A VND amount: any safe non-negative integer, small ones more often. @since 0.1.0 */
export const vnd: Arb<Vnd.Vnd> = fc.oneof(
  fc.integer({ min: 0, max: 500_000_000 }),
  fc.maxSafeNat()
) as unknown as Arb<Vnd.Vnd>

/** Text as names and titles carry it, Vietnamese included. @since 0.1.0 */
export const text: Arb<string> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom("Đợt 1", "Mừng Đảng quang vinh – Mừng sinh nhật Bác", "Công đoàn cơ sở", "Sáng kiến cải tiến")
)

/** @since 0.1.0 */
export const level: Arb<Organization.Level> = fc.constantFrom(
  "confederation",
  "federation",
  "upper",
  "grassroots",
  "group"
)
/** @since 0.1.0 */
export const sector: Arb<Organization.Sector> = fc.constantFrom("enterprise", "administrative")
/** @since 0.1.0 */
export const role: Arb<Organization.Role> = fc.constantFrom("executive", "council", "officer")
/** An actor, naming the member acting now and then (rule AUTH-SEAT). @since 0.1.0 */
export const actor: Arb<Organization.Actor> = struct({ organizationId, role }, { memberId })
/** @since 0.1.0 */
export const subject: Arb<Organization.Subject> = fc.oneof(
  tagged("Unit", { organizationId }),
  tagged("Member", { memberId, organizationId })
)
/** @since 0.1.0 */
export const awardKind: Arb<AwardKind.AwardKind> = fc.constantFrom(
  ...(Object.keys(Awards.catalogue) as Array<AwardKind.AwardKind>)
)

const count = fc.nat({ max: 100_000 })
const form = fc.constantFrom("regular" as const, "thematic" as const)
const phaseKind = fc.constantFrom("regular" as const, "peak" as const)
const pledgeKind = fc.constantFrom("covenant" as const, "registration" as const, "union-management" as const)
const initiativeKind = fc.constantFrom("initiative" as const, "research" as const, "solution" as const, "work" as const)
const recognitionLevel = fc.constantFrom("unit" as const, "province" as const, "national" as const)
const scoreKind = fc.constantFrom("self" as const, "cross" as const)
const basis = fc.constantFrom("campaign" as const, "phase" as const)
const outcome = fc.constantFrom("notAchieved" as const, "achievedAtLevel" as const, "escalated" as const)
const revocationReason = fc.constantFrom(
  "fraudulent-declaration" as const,
  "false-dossier" as const,
  "unlawful-appraisal" as const,
  "violation-in-period" as const
)
// JSON has no negative zero, so a stored -0 points would read back as 0.
const points = fc.double({ min: -10_000, max: 10_000, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0)
const year = fc.integer({ min: 1990, max: 2199 })
const sectors = fc.array(
  fc.record(
    { sector, contents: fc.array(fc.record({ contentId, title: text }, { noNullPrototype: true }), { maxLength: 3 }) },
    { noNullPrototype: true }
  ),
  { maxLength: 2 }
)
const target = struct({ description: text }, { contentId, awardKind })
const rating = fc.constantFrom("excellent" as const, "good" as const, "completed" as const, "not-completed" as const)
const disciplineLevel = fc.constantFrom(
  "reprimand" as const,
  "warning" as const,
  "demotion" as const,
  "dismissal" as const,
  "administrative" as const
)
const leaveKind = fc.constantFrom("maternity" as const, "sick" as const, "unpaid" as const, "other" as const)
const departureReason = fc.constantFrom(
  "resigned" as const,
  "retired" as const,
  "dismissed" as const,
  "moved-away" as const,
  "deceased" as const,
  "other" as const
)
const body = fc.constantFrom("executive" as const, "council" as const)
const gender = fc.constantFrom("female" as const, "male" as const)
const memberYear = fc.integer({ min: 1900, max: 2199 })

// ---------------------------------------------------------------------------------------------
// events
// ---------------------------------------------------------------------------------------------

/** Every directory event. @since 0.1.0 */
export const directoryEvent = fc.oneof(
  tagged(
    "OrganizationRegistered",
    { organizationId, name: text, level, validFrom: localDate },
    { parentId: organizationId, sector, members: count, workers: count, validTo: localDate }
  ),
  tagged("OrganizationMoved", { organizationId, parentId: organizationId, at: localDate }),
  tagged("OrganizationRestructured", { organizationId, at: localDate }, { successorId: organizationId }),
  tagged(
    "ClusterFormed",
    {
      clusterId,
      name: text,
      kind: fc.constantFrom("cluster" as const, "block" as const),
      organizerId: organizationId,
      year,
      memberIds: fc.array(organizationId, { maxLength: 5 })
    },
    { headId: organizationId }
  ),
  tagged(
    "MemberRegistered",
    { memberId, name: text, organizationId, recruitedOn: localDate, at: localDate },
    { gender }
  ),
  tagged("MemberTransferred", { memberId, organizationId, at: localDate }),
  tagged("MemberLeft", { memberId, reason: departureReason, at: localDate }),
  tagged("LeaveRecorded", { memberId, kind: leaveKind, period, workingDays: count }),
  tagged("DisciplineRecorded", { memberId, level: disciplineLevel, at: localDate }, { decisionNo: text, notes: text }),
  tagged("MemberRated", {
    memberId,
    year: memberYear,
    rating,
    ratedById: organizationId,
    at: localDate
  }),
  tagged(
    "UnitRated",
    { organizationId, year: memberYear, rating, ratedById: organizationId, at: localDate },
    { points: count }
  ),
  tagged("SeatAssigned", { memberId, organizationId, body, from: localDate }, { to: localDate }),
  tagged("SeatEnded", { memberId, organizationId, body, at: localDate })
) as Arb<Event.DirectoryEvent>

/** Every campaign event. @since 0.1.0 */
export const campaignEvent = fc.oneof(
  tagged(
    "CampaignPlanned",
    {
      campaignId,
      tenantId,
      issuerId: organizationId,
      title: text,
      form,
      period,
      sectors,
      titlesOffered: fc.array(awardKind, { maxLength: 3 }),
      regime: fc.constantFrom("R2003" as const, "R2024" as const, "R2025" as const),
      at: localDate
    },
    { theme: text, parentCampaignId: campaignId, clusterId }
  ),
  tagged("CampaignLaunched", { at: localDate }, { pilotUnitId: organizationId }),
  period.chain((p) =>
    tagged(
      "PhaseScheduled",
      { phaseId, name: text, kind: phaseKind, start: fc.constant(p.start), end: fc.constant(p.end) },
      { theme: text }
    )
  ),
  tagged("PhaseOpened", { phaseId, at: localDate }),
  tagged("PhaseClosed", { phaseId, at: localDate }),
  tagged("ParticipantEnrolled", { unitId: organizationId, sector, at: localDate }, { clusterId }),
  tagged(
    "PledgeSigned",
    {
      pledgeId,
      kind: pledgeKind,
      signerIds: fc.array(organizationId, { minLength: 1, maxLength: 4 }),
      targets: fc.array(target, { maxLength: 3 }),
      period,
      at: localDate
    },
    { subject, clusterId, supersedes: pledgeId }
  ),
  tagged("RegistrationApproved", { pledgeId, at: localDate }),
  tagged("RegistrationRejected", { pledgeId, reason: text, at: localDate }),
  tagged(
    "InitiativeRecorded",
    { initiativeId, unitId: organizationId, kind: initiativeKind, title: text, benefitVnd: vnd, at: localDate },
    { phaseId, memberId }
  ),
  tagged("InitiativeApplied", { initiativeId, at: localDate }),
  tagged("InitiativeRecognized", {
    initiativeId,
    level: recognitionLevel,
    recognizedById: organizationId,
    at: localDate
  }),
  tagged("InitiativeRejected", { initiativeId, reason: text, at: localDate }),
  tagged("WorkPlaqued", { initiativeId, grantedById: organizationId, at: localDate }),
  tagged(
    "ScoreAssessed",
    { unitId: organizationId, contentId, points, kind: scoreKind, assessorId: organizationId, at: localDate },
    { phaseId }
  ),
  tagged("InterimReviewHeld", { at: localDate }, { phaseId, notes: text }),
  tagged("CampaignEnded", { at: localDate }),
  tagged("FinalReviewHeld", { at: localDate }, { notes: text }),
  tagged(
    "NominationProposed",
    { nominationId, subject, awardKind, basis, period, proposedById: organizationId, at: localDate },
    { initiativeIds: fc.array(initiativeId, { maxLength: 3 }) }
  ),
  tagged("DeliberationHeld", { nominationId, present: count, votesFor: count, councilSize: count, at: localDate }),
  tagged("NomineesPublished", {
    nominationIds: fc.array(nominationId, { minLength: 1, maxLength: 3 }),
    from: localDate,
    to: localDate
  }),
  tagged("NominationSubmitted", { nominationId, toOrganizationId: organizationId, at: localDate }),
  tagged("NominationDecided", { nominationId, outcome, at: localDate }),
  tagged(
    "AwardGranted",
    {
      awardId,
      recipient: subject,
      kind: awardKind,
      grantedById: organizationId,
      reason: text,
      basis,
      period,
      extraordinary: fc.boolean(),
      at: localDate
    },
    { nominationId, decisionNo: text }
  ),
  tagged("AwardPresented", { awardId, presentedById: organizationId, at: localDate }, { ceremony: text }),
  tagged("AwardRevoked", { awardId, reason: revocationReason, at: localDate }, { notes: text }),
  tagged("ExemplarReplicated", { subject, at: localDate }),
  tagged("CampaignClosed", { at: localDate }),
  tagged("CampaignCancelled", { reason: text, at: localDate })
) as Arb<Event.CampaignEvent>

// ---------------------------------------------------------------------------------------------
// commands
// ---------------------------------------------------------------------------------------------

const base = { commandId, tenantId, actor, at: localDate }
const onCampaign = { ...base, campaignId }

/** Every directory command. @since 0.1.0 */
export const directoryCommand = fc.oneof(
  tagged(
    "RegisterOrganization",
    { ...base, organizationId, name: text, level },
    { parentId: organizationId, sector, members: count, workers: count, validTo: localDate }
  ),
  tagged("MoveOrganization", { ...base, organizationId, parentId: organizationId }),
  tagged("RestructureOrganization", { ...base, organizationId }, { successorId: organizationId }),
  tagged(
    "FormCluster",
    {
      ...base,
      clusterId,
      name: text,
      kind: fc.constantFrom("cluster" as const, "block" as const),
      year,
      memberIds: fc.uniqueArray(organizationId, { minLength: 1, maxLength: 5 })
    },
    { headId: organizationId }
  ),
  tagged("RegisterMember", { ...base, memberId, name: text, organizationId, recruitedOn: localDate }, { gender }),
  tagged("TransferMember", { ...base, memberId, organizationId }),
  tagged("RecordLeave", { ...base, memberId, kind: leaveKind, period, workingDays: count }),
  tagged("RecordDiscipline", { ...base, memberId, level: disciplineLevel }, { decisionNo: text, notes: text }),
  tagged("RateMember", { ...base, memberId, year: memberYear, rating }),
  tagged("RateUnit", { ...base, organizationId, year: memberYear, rating }, { points: count }),
  tagged("AssignSeat", { ...base, memberId, organizationId, body }, { until: localDate }),
  tagged("EndSeat", { ...base, memberId, organizationId, body }),
  tagged("RecordDeparture", { ...base, memberId, reason: departureReason })
) as Arb<Command.DirectoryCommand>

const deliberation = fc
  .tuple(
    fc.integer({ min: 1, max: 50 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true })
  )
  .map(([councilSize, a, b]) => {
    const present = Math.floor(a * councilSize)
    return { councilSize, present, votesFor: Math.floor(b * present) }
  })

/** Every campaign command. @since 0.1.0 */
export const campaignCommand = fc.oneof(
  tagged(
    "PlanCampaign",
    {
      ...onCampaign,
      issuerId: organizationId,
      title: text,
      form,
      period,
      sectors,
      titlesOffered: fc.array(awardKind, { maxLength: 3 })
    },
    { theme: text, parentCampaignId: campaignId, clusterId }
  ),
  tagged("LaunchCampaign", onCampaign, { pilotUnitId: organizationId }),
  tagged("SchedulePhase", { ...onCampaign, phaseId, name: text, kind: phaseKind, period }, { theme: text }),
  tagged("OpenPhase", { ...onCampaign, phaseId }),
  tagged("ClosePhase", { ...onCampaign, phaseId }),
  tagged("EnrollParticipant", { ...onCampaign, unitId: organizationId, sector }, { clusterId }),
  tagged(
    "SignPledge",
    {
      ...onCampaign,
      pledgeId,
      kind: pledgeKind,
      signerIds: fc.uniqueArray(organizationId, { minLength: 1, maxLength: 4 }),
      targets: fc.array(target, { maxLength: 3 })
    },
    { subject, clusterId, period, supersedes: pledgeId }
  ),
  tagged("ApproveRegistration", { ...onCampaign, pledgeId }),
  tagged("RejectRegistration", { ...onCampaign, pledgeId, reason: text }),
  tagged(
    "RecordInitiative",
    { ...onCampaign, initiativeId, unitId: organizationId, kind: initiativeKind, title: text, benefitVnd: vnd },
    { phaseId, memberId }
  ),
  tagged("ApplyInitiative", { ...onCampaign, initiativeId }),
  tagged("RecognizeInitiative", { ...onCampaign, initiativeId, level: recognitionLevel }),
  tagged("RejectInitiative", { ...onCampaign, initiativeId, reason: text }),
  tagged("PlaqueWork", { ...onCampaign, initiativeId }),
  tagged("AssessScore", { ...onCampaign, unitId: organizationId, contentId, points, kind: scoreKind }, { phaseId }),
  tagged("HoldInterimReview", onCampaign, { phaseId, notes: text }),
  tagged("EndCampaign", onCampaign),
  tagged("HoldFinalReview", onCampaign, { notes: text }),
  tagged(
    "ProposeNomination",
    { ...onCampaign, nominationId, subject, awardKind, basis, period },
    { initiativeIds: fc.array(initiativeId, { maxLength: 3 }) }
  ),
  fc.tuple(tagged("HoldDeliberation", { ...onCampaign, nominationId }), deliberation).map(([c, d]) => ({ ...c, ...d })),
  tagged("PublishNominees", {
    ...onCampaign,
    nominationIds: fc.uniqueArray(nominationId, { minLength: 1, maxLength: 3 }),
    period
  }),
  tagged("SubmitNomination", { ...onCampaign, nominationId, toOrganizationId: organizationId }),
  tagged("DecideNomination", { ...onCampaign, nominationId, outcome }),
  tagged(
    "GrantAward",
    {
      ...onCampaign,
      awardId,
      recipient: subject,
      kind: awardKind,
      reason: text,
      basis,
      period,
      extraordinary: fc.boolean()
    },
    { nominationId, decisionNo: text }
  ),
  tagged("PresentAward", { ...onCampaign, awardId }, { ceremony: text }),
  tagged("RevokeAward", { ...onCampaign, awardId, reason: revocationReason }, { notes: text }),
  tagged("ReplicateExemplar", { ...onCampaign, subject }),
  tagged("CloseCampaign", onCampaign),
  tagged("CancelCampaign", { ...onCampaign, reason: text })
) as Arb<Command.CampaignCommand>

/**
 * Any command, valid by its schema (not necessarily by the rules).
 *
 * @example
 * ```ts
 * import { Command } from "@thidua/core"
 * import { Arbitraries } from "@thidua/testing"
 * import { Result } from "effect"
 * import fc from "fast-check"
 * import assert from "node:assert"
 *
 * fc.assert(fc.property(Arbitraries.domainCommand, (c) => Result.isSuccess(Command.decode(c))), { numRuns: 50 })
 * ```
 *
 * @since 0.1.0
 */
export const domainCommand: Arb<Command.DomainCommand> = fc.oneof(directoryCommand, campaignCommand)

/** An instant as process events store it (`toISOString`, UTC). @since 0.4.0 */
export const instant: Arb<Event.Instant> = fc
  .date({ min: new Date("1990-01-01T00:00:00.000Z"), max: new Date("2199-12-31T23:59:59.999Z"), noInvalidDate: true })
  .map((d) => d.toISOString() as Event.Instant)

const json = fc.dictionary(
  fc.string({ maxLength: 8 }),
  fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()),
  {
    maxKeys: 4
  }
)

/**
 * Every event of a process stream (`@thidua/workflow`), valid by its schema.
 *
 * @since 0.4.0
 */
export const processEvent = fc.oneof(
  tagged("InputReceived", {
    streamId: text,
    version: fc.integer({ min: 1, max: 1_000_000 }),
    position: text,
    eventId: text,
    type: text,
    schemaVersion: fc.integer({ min: 0, max: 3 }),
    data: json,
    at: instant
  }),
  domainCommand.map((command) => ({ _tag: "CommandIssued" as const, commandId: command.commandId, command })),
  tagged("CommandRefused", { commandId, code: text, message: fc.record({ vi: text, en: text }), at: instant }),
  tagged("TimerScheduled", { timerId: text, dueAt: instant, reason: text }),
  tagged("TimerFired", { timerId: text, dueAt: instant, firedAt: instant }),
  tagged("TimerCancelled", { timerId: text }),
  tagged(
    "DeadlineMissed",
    { deadline: text, dueAt: instant, subjects: fc.array(organizationId, { maxLength: 4 }), reason: text },
    { campaignId: text }
  ),
  tagged("ProcessNoted", { note: text, data: json })
) as Arb<Event.ProcessEvent>

/**
 * Any event, valid by its schema (not necessarily by the rules).
 *
 * @since 0.1.0
 */
export const domainEvent: Arb<Event.DomainEvent> = fc.oneof(directoryEvent, campaignEvent, processEvent)
