/**
 * The cluster covenant (giao ước thi đua cụm, khối): when a cluster's covenant is signed in a
 * campaign, every member unit of the cluster takes part in the campaign and signs a pledge of
 * its own.
 *
 * - A member not yet enrolled in the campaign is enrolled: the manager sends `EnrollParticipant`
 *   with the cluster, as the campaign's organizer (its issuer's executive, or the organization
 *   carrying the issuer on once it was restructured away), dated the covenant's day, with the
 *   member's sector from the directory (or the campaign's only sector when the directory has
 *   none). A member the organizer may not enrol (not in operation that day, outside the
 *   organizer's subtree or the campaign's scope, no sector to give) is not enrolled and not due:
 *   it is noted (`ProcessNoted` `covenant-not-enrolled`) with the reason.
 * - Every member enrolled (before, or by the manager) is due to sign its own pledge — a
 *   registration or a covenant among whose signers it is — by the last day of the window,
 *   `covenantDays` (default 15) after the covenant's day, local time. A member that signed the
 *   covenant itself has signed. When the window is over, the members that have not are named in
 *   one `DeadlineMissed` (deadline `covenant:<campaignId>:<clusterId>`, subjects sorted);
 *   nothing is recorded when all signed, and the deadline is cancelled as soon as they have. A
 *   signature after the window is noted (`covenant-late-signature`) and raises nothing again.
 * - Only the first covenant of a cluster in a campaign starts this; a campaign cancelled or
 *   closed cancels its deadlines.
 *
 * One instance per tenant (instance id: the tenant id), not per campaign: a manager's input goes
 * to one instance, and the directory events that say who the cluster's members are, where they
 * stand and what sector they are in belong to no campaign. The tenant's instance folds the
 * directory (with core's `Directory.evolve`) and the campaigns' events in the log's order, so
 * each covenant is judged against the directory of the moment it was signed; its timers carry
 * the campaign in their ids.
 *
 * @since 0.4.0
 */
import { Directory, type Event, LocalDate, type Organization, Stream } from "@thidua/core"
import * as Calendar from "./Calendar.js"
import * as ProcessManager from "./ProcessManager.js"

interface CampaignInfo {
  readonly issuerId: string
  readonly clusterId: string | undefined
  readonly periodStart: string
  readonly sectors: ReadonlyArray<Organization.Sector>
  readonly finished: boolean
  /** Units enrolled, or whose enrolment the manager issued. */
  readonly enrolled: Readonly<Record<string, true>>
  /** Units that signed a registration or a covenant, with the day they first did. */
  readonly signed: Readonly<Record<string, string>>
}

interface Covenant {
  readonly campaignId: string
  readonly clusterId: string
  /** The members due to sign, sorted. */
  readonly due: ReadonlyArray<string>
  /** The last day a signature counts. */
  readonly lastDay: string
  /** Whether its deadline was judged, or cancelled with its campaign. */
  readonly over: boolean
}

/**
 * What the manager knows of its tenant: the directory, the campaigns, and the covenants under way
 * (by deadline: `covenant:<campaignId>:<clusterId>`).
 *
 * @since 0.4.0
 */
export interface State {
  readonly directory: Directory.State
  readonly campaigns: Readonly<Record<string, CampaignInfo>>
  readonly covenants: Readonly<Record<string, Covenant>>
}

/** @since 0.4.0 */
export interface Options {
  /** Days after the covenant's day within which each member signs its own pledge. Default 15. */
  readonly covenantDays?: number
  /** The organizers' time zone. Default Asia/Ho_Chi_Minh. */
  readonly zone?: string
}

const initialState: State = { directory: Directory.initialState, campaigns: {}, covenants: {} }

const prefix = "campaign:"
const campaignOf = (streamId: string) => (streamId.startsWith(prefix) ? streamId.slice(prefix.length) : undefined)

/** The deadline (and timer id) of a cluster's covenant in a campaign. */
const deadlineOf = (campaignId: string, clusterId: string) => `covenant:${campaignId}:${clusterId}`

/**
 * Whether the campaign's organizer may enrol a unit on a day, as core judges it (the actor in
 * operation, the unit in operation, within the actor's subtree and within the campaign's scope),
 * and with what: the actor and the sector; or why not.
 *
 * @example
 * ```ts
 * import { ClusterCovenant } from "@thidua/workflow"
 * import { Directory } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const directory = ([
 *   { _tag: "OrganizationRegistered", organizationId: "ldld-phuc-tho", name: "LĐLĐ huyện Phúc Thọ", level: "upper", validFrom: "2023-12-01" },
 *   { _tag: "OrganizationRegistered", organizationId: "cd-xa-hat-mon", name: "Công đoàn xã Hát Môn", level: "grassroots", parentId: "ldld-phuc-tho", sector: "administrative", validFrom: "2023-12-01" }
 * ] as never[]).reduce(Directory.evolve, Directory.initialState)
 * const campaign = { issuerId: "ldld-phuc-tho", clusterId: undefined, periodStart: "2024-01-01", sectors: ["administrative", "enterprise"] } as const
 * assert.deepEqual(ClusterCovenant.enrolment(directory, campaign, "cd-xa-hat-mon", "2024-01-11"), {
 *   _tag: "Enrol", actor: { organizationId: "ldld-phuc-tho", role: "executive" }, sector: "administrative"
 * })
 * assert.equal(ClusterCovenant.enrolment(directory, campaign, "cd-xa-nowhere", "2024-01-11")._tag, "Refused")
 * ```
 *
 * @since 0.4.0
 */
export const enrolment = (
  directory: Directory.State,
  campaign: {
    readonly issuerId: string
    readonly clusterId: string | undefined
    readonly periodStart: string
    readonly sectors: ReadonlyArray<Organization.Sector>
  },
  unitId: string,
  day: string
):
  | {
      readonly _tag: "Enrol"
      readonly actor: { readonly organizationId: string; readonly role: "executive" }
      readonly sector: Organization.Sector
    }
  | { readonly _tag: "Refused"; readonly reason: string } => {
  const at = LocalDate.make(day)
  const id = (s: string) => s as Parameters<typeof Directory.isWithin>[1]
  const unit = Directory.organization(directory, unitId)
  if (unit === undefined || !Directory.isActiveOn(unit, at)) return { _tag: "Refused", reason: "unit-not-in-operation" }
  // The organizer's rights pass to its successor once it was restructured away.
  const actorId = Directory.carrierOn(directory, id(campaign.issuerId), at)
  const actor = Directory.organization(directory, actorId)
  if (actor === undefined || !Directory.isActiveOn(actor, at))
    return { _tag: "Refused", reason: "organizer-not-in-operation" }
  if (!Directory.isWithin(directory, actorId, id(unitId), at)) return { _tag: "Refused", reason: "outside-organizer" }
  const scoped =
    campaign.clusterId !== undefined
      ? (Directory.cluster(directory, campaign.clusterId)?.memberIds.includes(id(unitId)) ?? false)
      : Directory.isWithin(directory, id(campaign.issuerId), id(unitId), LocalDate.make(campaign.periodStart)) ||
        Directory.isWithin(directory, actorId, id(unitId), at)
  if (!scoped) return { _tag: "Refused", reason: "outside-scope" }
  const sector = unit.sector ?? (campaign.sectors.length === 1 ? campaign.sectors[0] : undefined)
  if (sector === undefined) return { _tag: "Refused", reason: "no-sector" }
  return { _tag: "Enrol", actor: { organizationId: actorId, role: "executive" }, sector }
}

/** What a covenant leads to: the members to enrol, those that cannot be, and those due to sign. */
const consequences = (state: State, campaignId: string, e: typeof Event.PledgeSigned.Type) => {
  const campaign = state.campaigns[campaignId]
  if (campaign === undefined || campaign.finished || e.kind !== "covenant" || e.clusterId === undefined)
    return undefined
  if (state.covenants[deadlineOf(campaignId, e.clusterId)] !== undefined) return undefined
  const cluster = Directory.cluster(state.directory, e.clusterId)
  if (cluster === undefined) return undefined
  const enrol: Array<{
    readonly unitId: string
    readonly actor: { readonly organizationId: string; readonly role: "executive" }
    readonly sector: Organization.Sector
  }> = []
  const refused: Array<{ readonly unitId: string; readonly reason: string }> = []
  const due: Array<string> = []
  for (const unitId of cluster.memberIds) {
    if (campaign.enrolled[unitId] === undefined) {
      const r = enrolment(state.directory, campaign, unitId, e.at)
      if (r._tag === "Refused") {
        refused.push({ unitId, reason: r.reason })
        continue
      }
      enrol.push({ unitId, actor: r.actor, sector: r.sector })
    }
    due.push(unitId)
  }
  return { clusterId: e.clusterId, enrol, refused, due: due.sort() }
}

/**
 * The cluster covenant manager.
 *
 * @example
 * ```ts
 * import { ClusterCovenant } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const manager = ClusterCovenant.make({ covenantDays: 15 })
 * const input = (streamId: string, position: string, event: unknown) =>
 *   ({ _tag: "Event", tenantId: "phuc-tho", streamId, version: 1, position, at: "2024-01-11T03:00:00.000Z", event }) as never
 * const org = (organizationId: string, parentId?: string) =>
 *   ({ _tag: "OrganizationRegistered", organizationId, name: organizationId, level: parentId ? "grassroots" : "upper", sector: "administrative", validFrom: "2023-12-01", ...(parentId ? { parentId } : {}) })
 * let state = manager.initialState
 * for (const i of [
 *   input("org:phuc-tho", "1", org("ldld-phuc-tho")),
 *   input("org:phuc-tho", "2", org("cd-xa-sen-phuong", "ldld-phuc-tho")),
 *   input("org:phuc-tho", "3", org("cd-xa-hat-mon", "ldld-phuc-tho")),
 *   input("org:phuc-tho", "4", { _tag: "ClusterFormed", clusterId: "cum-2", name: "Cụm thi đua số 2", kind: "cluster", organizerId: "ldld-phuc-tho", year: 2024, memberIds: ["cd-xa-sen-phuong", "cd-xa-hat-mon"] }),
 *   input("campaign:pt-2024", "5", { _tag: "CampaignPlanned", campaignId: "pt-2024", tenantId: "phuc-tho", issuerId: "ldld-phuc-tho", period: { start: "2024-01-01", end: "2024-12-31" }, sectors: [] })
 * ])
 *   state = manager.evolve(state, i)
 * const decision = manager.decide(state, input("campaign:pt-2024", "6", {
 *   _tag: "PledgeSigned", pledgeId: "giao-uoc-cum-2", kind: "covenant", signerIds: ["cd-xa-sen-phuong"], clusterId: "cum-2", targets: [], period: { start: "2024-01-01", end: "2024-12-31" }, at: "2024-01-11"
 * }))
 * assert.deepEqual(decision.commands?.map((c) => c._tag === "EnrollParticipant" && [c.unitId, c.actor.organizationId, c.sector]), [
 *   ["cd-xa-sen-phuong", "ldld-phuc-tho", "administrative"],
 *   ["cd-xa-hat-mon", "ldld-phuc-tho", "administrative"]
 * ])
 * // Công đoàn xã Hát Môn signs its own pledge by the end of 26/1 (15 days after 11/1), local time.
 * assert.deepEqual(decision.timers?.map((t) => t._tag === "Schedule" && [t.timerId, t.dueAt]), [
 *   ["covenant:pt-2024:cum-2", "2024-01-26T17:00:00.000Z"]
 * ])
 * ```
 *
 * @since 0.4.0
 */
export const make = (options: Options = {}): ProcessManager.ProcessManager<State> => {
  const days = options.covenantDays ?? 15
  if (!Number.isSafeInteger(days) || days < 0) throw new Error(`covenantDays is a whole number of days: ${days}`)
  const zone = options.zone ?? Calendar.vietnam

  const noted = (note: string, data: Record<string, unknown>): Event.ProcessNoted =>
    ({ _tag: "ProcessNoted", note, data }) as Event.ProcessNoted

  const onPledge = (
    state: State,
    input: ProcessManager.EventInput,
    campaignId: string,
    e: typeof Event.PledgeSigned.Type
  ): ProcessManager.Decision => {
    const commands: Array<ProcessManager.Issue> = []
    const timers: Array<ProcessManager.Schedule | ProcessManager.Cancel> = []
    const events: Array<ProcessManager.Own> = []
    const campaign = state.campaigns[campaignId]
    if (campaign === undefined) return {}
    const signers: ReadonlyArray<string> = e.kind === "union-management" ? [] : e.signerIds
    // The covenants under way in this campaign: a signature may complete one, or come late.
    for (const [deadline, c] of Object.entries(state.covenants)) {
      if (c.campaignId !== campaignId) continue
      const fresh = signers.filter((u) => c.due.includes(u) && campaign.signed[u] === undefined)
      if (fresh.length === 0) continue
      if (c.over || e.at > c.lastDay)
        events.push(
          noted("covenant-late-signature", { deadline, campaignId, clusterId: c.clusterId, signerIds: fresh, at: e.at })
        )
      else if (c.due.every((u) => signers.includes(u) || (campaign.signed[u] ?? "9999") <= c.lastDay))
        timers.push({ _tag: "Cancel", timerId: deadline })
    }
    const next = consequences(state, campaignId, e)
    if (next !== undefined) {
      for (const m of next.enrol)
        commands.push({
          _tag: "EnrollParticipant",
          tenantId: input.tenantId,
          campaignId,
          actor: m.actor,
          at: e.at,
          unitId: m.unitId,
          sector: m.sector,
          clusterId: next.clusterId
        } as ProcessManager.Issue)
      for (const r of next.refused)
        events.push(
          noted("covenant-not-enrolled", { campaignId, clusterId: next.clusterId, unitId: r.unitId, reason: r.reason })
        )
      const unsigned = next.due.filter((u) => !signers.includes(u) && campaign.signed[u] === undefined)
      if (unsigned.length > 0)
        timers.push({
          _tag: "Schedule",
          timerId: deadlineOf(campaignId, next.clusterId),
          dueAt: Calendar.endOfDay(LocalDate.addDays(e.at, days), zone),
          reason: `Hạn ký giao ước, đăng ký thi đua của đơn vị trong cụm / cluster members' pledges due (${unsigned.length})`
        })
    }
    return { commands, timers, events }
  }

  const onEvent = (state: State, input: ProcessManager.EventInput): ProcessManager.Decision => {
    const e = input.event
    const campaignId = campaignOf(input.streamId)
    if (campaignId === undefined) return {}
    switch (e._tag) {
      case "PledgeSigned":
        return onPledge(state, input, campaignId, e)
      case "CampaignCancelled":
      case "CampaignClosed":
        return {
          timers: Object.entries(state.covenants)
            .filter(([, c]) => c.campaignId === campaignId && !c.over)
            .map(([timerId]) => ({ _tag: "Cancel", timerId }))
        }
      default:
        return {}
    }
  }

  const onTimer = (state: State, input: ProcessManager.TimerInput): ProcessManager.Decision => {
    const c = state.covenants[input.timerId]
    const campaign = c === undefined ? undefined : state.campaigns[c.campaignId]
    if (c === undefined || campaign === undefined || c.over) return {}
    const overdue = c.due.filter((u) => (campaign.signed[u] ?? "9999") > c.lastDay)
    if (overdue.length === 0) return {}
    return {
      events: [
        {
          _tag: "DeadlineMissed",
          deadline: input.timerId,
          dueAt: input.dueAt,
          campaignId: c.campaignId,
          subjects: overdue,
          reason: `${overdue.length} đơn vị trong cụm ${c.clusterId} chưa ký giao ước, đăng ký thi đua / cluster members have not signed a pledge`
        } as Event.DeadlineMissed
      ]
    }
  }

  const withCampaign = (state: State, campaignId: string, f: (c: CampaignInfo) => CampaignInfo): State => {
    const campaign = state.campaigns[campaignId]
    return campaign === undefined ? state : { ...state, campaigns: { ...state.campaigns, [campaignId]: f(campaign) } }
  }

  const overFor = (state: State, campaignId: string): State => {
    const covenants: Record<string, Covenant> = { ...state.covenants }
    for (const [k, c] of Object.entries(covenants)) if (c.campaignId === campaignId) covenants[k] = { ...c, over: true }
    return { ...state, covenants }
  }

  const onCampaign = (state: State, campaignId: string, e: Event.CampaignEvent): State => {
    switch (e._tag) {
      case "CampaignPlanned":
        return {
          ...state,
          campaigns: {
            ...state.campaigns,
            [campaignId]: {
              issuerId: e.issuerId,
              clusterId: e.clusterId,
              periodStart: e.period.start,
              sectors: e.sectors.map((s) => s.sector),
              finished: false,
              enrolled: {},
              signed: {}
            }
          }
        }
      case "ParticipantEnrolled":
        return withCampaign(state, campaignId, (c) => ({ ...c, enrolled: { ...c.enrolled, [e.unitId]: true } }))
      case "PledgeSigned": {
        const next = consequences(state, campaignId, e)
        let s = state
        if (next !== undefined)
          s = {
            ...s,
            covenants: {
              ...s.covenants,
              [deadlineOf(campaignId, next.clusterId)]: {
                campaignId,
                clusterId: next.clusterId,
                due: next.due,
                lastDay: LocalDate.addDays(e.at, days),
                over: false
              }
            }
          }
        if (e.kind === "union-management") return s
        return withCampaign(s, campaignId, (c) => {
          const signed = { ...c.signed }
          for (const u of e.signerIds) signed[u] ??= e.at
          return { ...c, signed }
        })
      }
      case "CampaignCancelled":
      case "CampaignClosed":
        return overFor(
          withCampaign(state, campaignId, (c) => ({ ...c, finished: true })),
          campaignId
        )
      default:
        return state
    }
  }

  const evolve = (state: State, step: ProcessManager.Step): State => {
    switch (step._tag) {
      case "Timer": {
        const c = state.covenants[step.timerId]
        return c === undefined
          ? state
          : { ...state, covenants: { ...state.covenants, [step.timerId]: { ...c, over: true } } }
      }
      case "CommandIssued": {
        // An enrolment issued counts as made: a second covenant does not issue it again.
        const command = step.command
        return command._tag === "EnrollParticipant"
          ? withCampaign(state, command.campaignId, (c) => ({
              ...c,
              enrolled: { ...c.enrolled, [command.unitId]: true }
            }))
          : state
      }
      case "Event": {
        const e = step.event
        switch (e._tag) {
          case "OrganizationRegistered":
          case "OrganizationMoved":
          case "OrganizationRestructured":
          case "ClusterFormed":
          // The manager reads only the inputs above (ProcessManager.directoryInputs); the members'
          // events are the directory's too, should a host route them here.
          case "MemberRegistered":
          case "MemberTransferred":
          case "MemberLeft":
          case "LeaveRecorded":
          case "DisciplineRecorded":
          case "MemberRated":
          case "UnitRated":
          case "SeatAssigned":
          case "SeatEnded":
            return { ...state, directory: Directory.evolve(state.directory, e) }
          default: {
            const campaignId = campaignOf(step.streamId)
            return campaignId === undefined ? state : onCampaign(state, campaignId, e)
          }
        }
      }
      default:
        return state
    }
  }

  return ProcessManager.make<State>({
    name: "cluster-covenant",
    version: 1,
    inputs: [
      ...ProcessManager.directoryInputs,
      "CampaignPlanned",
      "ParticipantEnrolled",
      "PledgeSigned",
      "CampaignCancelled",
      "CampaignClosed"
    ],
    route: ProcessManager.byTenant,
    initialState,
    decide: (state, input) => (input._tag === "Event" ? onEvent(state, input) : onTimer(state, input)),
    evolve
  })
}

/**
 * The stream of a tenant's cluster covenant manager.
 *
 * @example
 * ```ts
 * import { ClusterCovenant } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(ClusterCovenant.streamOf("phuc-tho"), "process:cluster-covenant:phuc-tho")
 * ```
 *
 * @since 0.4.0
 */
export const streamOf = (tenantId: string): string => Stream.process("cluster-covenant", tenantId)
