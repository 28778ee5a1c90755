/**
 * The cascade (triển khai xuống cấp dưới): a campaign launched by a confederation or a federation
 * is answered by each organization one level down with a responding campaign of its own — the
 * city federation launches, and each district federation plans a campaign whose
 * `parentCampaignId` is the city's, issued by itself, and launches it.
 *
 * Who is due to respond is read from the directory as it stands on the launch day: the issuer's
 * direct subordinates in operation that day whose level is the next one down, and only for the
 * levels that launch campaigns of their own in the union system:
 *
 * | the issuer's level | who responds |
 * |---|---|
 * | `confederation` (Tổng LĐLĐ) | its `federation`s (LĐLĐ tỉnh/thành phố, công đoàn ngành trung ương) |
 * | `federation` (LĐLĐ tỉnh/thành phố) | its `upper` units (LĐLĐ quận/huyện, công đoàn cấp trên trực tiếp cơ sở) |
 * | `upper`, `grassroots`, `group` | nobody: a grassroots union takes part in its upper level's campaign (it enrols and registers), it does not answer it with a campaign |
 *
 * A unit placed directly under the issuer at a level further down (a grassroots union directly
 * under the city federation) is not due either; nor does a campaign of one cluster cascade (its
 * scope is the cluster, not the issuer's subtree).
 *
 * A subordinate has responded when a campaign it issued, naming the launched campaign as its
 * parent, is launched on or before the last day of the window: `cascadeDays` (default 30) after
 * the launch day, local time. When the window is over, the subordinates that have not are named
 * in one `DeadlineMissed` (deadline `cascade:<campaignId>`, subjects sorted); nothing is recorded
 * when all responded. A response that comes later is noted (`ProcessNoted`
 * `cascade-late-response`) and raises nothing again. A campaign cancelled before its window is
 * over cancels its deadline.
 *
 * The cascade issues no command: launching a campaign is an act of the subordinate's executive
 * committee, which a process manager does not take for it. It only watches and reports.
 *
 * One instance per tenant (instance id: the tenant id): it folds the tenant's directory (with
 * core's `Directory.evolve`) beside the campaigns, in the log's order, so that it judges each
 * launch against the hierarchy of that day, and sees a responding campaign wherever it is.
 *
 * @since 0.4.0
 */
import { Directory, type Event, LocalDate, Organization, Stream } from "@thidua/core"
import * as Calendar from "./Calendar.js"
import * as ProcessManager from "./ProcessManager.js"

interface CampaignInfo {
  readonly issuerId: string
  readonly parentCampaignId: string | undefined
  readonly clusterId: string | undefined
  /** The day it was launched. */
  readonly launchedOn: string | undefined
}

interface Pending {
  /** The subordinates due to respond, in the order they were found. */
  readonly due: ReadonlyArray<string>
  /** The last day a response counts. */
  readonly lastDay: string
  /** The subordinates that responded in time, with their campaign. */
  readonly responded: Readonly<Record<string, string>>
  /** Whether the window is over (its deadline judged) or the campaign was cancelled. */
  readonly over: boolean
}

/**
 * What the cascade knows of its tenant: the directory, the campaigns, and the cascades under way.
 *
 * @since 0.4.0
 */
export interface State {
  readonly directory: Directory.State
  readonly campaigns: Readonly<Record<string, CampaignInfo>>
  /** By launched campaign. */
  readonly cascades: Readonly<Record<string, Pending>>
}

/** @since 0.4.0 */
export interface Options {
  /** Days after the launch day within which the subordinates respond. Default 30. */
  readonly cascadeDays?: number
  /** The organizers' time zone. Default Asia/Ho_Chi_Minh. */
  readonly zone?: string
}

/**
 * The levels due to respond to a campaign issued at a level: the next one down, for the two
 * levels whose campaigns cascade.
 *
 * @example
 * ```ts
 * import { Cascade } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(Cascade.respondingLevel("federation"), "upper")
 * assert.equal(Cascade.respondingLevel("confederation"), "federation")
 * assert.equal(Cascade.respondingLevel("upper"), undefined)
 * ```
 *
 * @since 0.4.0
 */
export const respondingLevel = (issuerLevel: Organization.Level): Organization.Level | undefined =>
  issuerLevel === "confederation" ? "federation" : issuerLevel === "federation" ? "upper" : undefined

const initialState: State = { directory: Directory.initialState, campaigns: {}, cascades: {} }

const prefix = "campaign:"
const campaignOf = (streamId: string) => (streamId.startsWith(prefix) ? streamId.slice(prefix.length) : undefined)

/**
 * The subordinates due to respond to a campaign of `issuerId` launched on `day`, sorted.
 *
 * @example
 * ```ts
 * import { Cascade } from "@thidua/workflow"
 * import { Directory, LocalDate } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const day = LocalDate.make("2019-04-01")
 * const directory = ([
 *   { _tag: "OrganizationRegistered", organizationId: "ldld-ha-noi", name: "LĐLĐ Hà Nội", level: "federation", validFrom: day },
 *   { _tag: "OrganizationRegistered", organizationId: "ldld-nam-tu-liem", name: "LĐLĐ quận Nam Từ Liêm", level: "upper", parentId: "ldld-ha-noi", validFrom: day },
 *   { _tag: "OrganizationRegistered", organizationId: "ldld-hoang-mai", name: "LĐLĐ quận Hoàng Mai", level: "upper", parentId: "ldld-ha-noi", validFrom: day },
 *   { _tag: "OrganizationRegistered", organizationId: "cdcs-trung-thanh", name: "CĐCS Trung Thành", level: "grassroots", parentId: "ldld-hoang-mai", validFrom: day }
 * ] as never[]).reduce(Directory.evolve, Directory.initialState)
 * assert.deepEqual(Cascade.dueToRespond(directory, "ldld-ha-noi", "2019-04-15"), ["ldld-hoang-mai", "ldld-nam-tu-liem"])
 * assert.deepEqual(Cascade.dueToRespond(directory, "ldld-hoang-mai", "2019-04-15"), [])
 * ```
 *
 * @since 0.4.0
 */
export const dueToRespond = (directory: Directory.State, issuerId: string, day: string): ReadonlyArray<string> => {
  const date = LocalDate.make(day)
  const issuer = Directory.organization(directory, issuerId)
  if (issuer === undefined) return []
  const level = respondingLevel(issuer.level)
  if (level === undefined) return []
  const due: Array<string> = []
  for (const org of Directory.organizations(directory))
    if (
      org.level === level &&
      Organization.rank(org.level) === Organization.rank(issuer.level) + 1 &&
      Directory.isActiveOn(org, date) &&
      Directory.parentOn(org, date) === issuerId
    )
      due.push(org.id)
  return due.sort()
}

/**
 * The cascade manager.
 *
 * @example
 * ```ts
 * import { Cascade } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const cascade = Cascade.make({ cascadeDays: 30 })
 * const at = "2019-04-01T01:00:00.000Z"
 * const input = (streamId: string, position: string, event: unknown) =>
 *   ({ _tag: "Event", tenantId: "hanoi", streamId, version: 1, position, at, event }) as never
 * let state = cascade.initialState
 * for (const i of [
 *   input("org:hanoi", "1", { _tag: "OrganizationRegistered", organizationId: "ldld-ha-noi", name: "LĐLĐ Hà Nội", level: "federation", validFrom: "2019-04-01" }),
 *   input("org:hanoi", "2", { _tag: "OrganizationRegistered", organizationId: "ldld-hoang-mai", name: "LĐLĐ quận Hoàng Mai", level: "upper", parentId: "ldld-ha-noi", validFrom: "2019-04-01" }),
 *   input("campaign:hn-2019", "3", { _tag: "CampaignPlanned", campaignId: "hn-2019", tenantId: "hanoi", issuerId: "ldld-ha-noi", sectors: [] })
 * ])
 *   state = cascade.evolve(state, i)
 * assert.equal(cascade.route(input("campaign:hn-2019", "4", {})), "hanoi")
 * const launched = cascade.decide(state, input("campaign:hn-2019", "4", { _tag: "CampaignLaunched", at: "2019-04-15" }))
 * assert.deepEqual(launched.commands ?? [], [])
 * assert.deepEqual(launched.timers, [
 *   // 30 days after 15/4, local time: the end of 15/5 in Hà Nội.
 *   { _tag: "Schedule", timerId: "cascade:hn-2019", dueAt: "2019-05-15T17:00:00.000Z", reason: "Hạn triển khai phong trào thi đua xuống cấp dưới / responding campaigns due (1)" }
 * ])
 * ```
 *
 * @since 0.4.0
 */
export const make = (options: Options = {}): ProcessManager.ProcessManager<State> => {
  const days = options.cascadeDays ?? 30
  if (!Number.isSafeInteger(days) || days < 0) throw new Error(`cascadeDays is a whole number of days: ${days}`)
  const zone = options.zone ?? Calendar.vietnam

  /** The cascade a responding campaign answers, if it answers one still due from its issuer. */
  const answers = (state: State, campaign: CampaignInfo): Pending | undefined => {
    if (campaign.parentCampaignId === undefined) return undefined
    const pending = state.cascades[campaign.parentCampaignId]
    return pending?.due.includes(campaign.issuerId) && pending.responded[campaign.issuerId] === undefined
      ? pending
      : undefined
  }

  const late = (campaignId: string, parentCampaignId: string, c: CampaignInfo): Event.ProcessNoted =>
    ({
      _tag: "ProcessNoted",
      note: "cascade-late-response",
      data: { campaignId, parentCampaignId, issuerId: c.issuerId, launchedOn: c.launchedOn }
    }) as Event.ProcessNoted

  const onEvent = (state: State, input: ProcessManager.EventInput): ProcessManager.Decision => {
    const e = input.event
    const campaignId = campaignOf(input.streamId)
    if (campaignId === undefined) return {}
    const campaign = state.campaigns[campaignId]
    if (campaign === undefined) return {}
    switch (e._tag) {
      case "CampaignLaunched": {
        const decision: { timers?: Array<ProcessManager.Schedule>; events?: Array<ProcessManager.Own> } = {}
        // As a response: a launch after the window (or once it was judged) is only noted.
        const parent = answers(state, campaign)
        if (parent !== undefined && (parent.over || e.at > parent.lastDay))
          decision.events = [late(campaignId, campaign.parentCampaignId!, { ...campaign, launchedOn: e.at })]
        // As a campaign that cascades.
        if (campaign.clusterId === undefined) {
          const due = dueToRespond(state.directory, campaign.issuerId, e.at)
          if (due.length > 0)
            decision.timers = [
              {
                _tag: "Schedule",
                timerId: `cascade:${campaignId}`,
                dueAt: Calendar.endOfDay(LocalDate.addDays(e.at, days), zone),
                reason: `Hạn triển khai phong trào thi đua xuống cấp dưới / responding campaigns due (${due.length})`
              }
            ]
        }
        return decision
      }
      case "CampaignCancelled":
        return state.cascades[campaignId]?.over === false
          ? { timers: [{ _tag: "Cancel", timerId: `cascade:${campaignId}` }] }
          : {}
      default:
        return {}
    }
  }

  const onTimer = (state: State, input: ProcessManager.TimerInput): ProcessManager.Decision => {
    if (!input.timerId.startsWith("cascade:")) return {}
    const campaignId = input.timerId.slice("cascade:".length)
    const pending = state.cascades[campaignId]
    if (pending === undefined || pending.over) return {}
    const overdue = pending.due.filter((id) => pending.responded[id] === undefined).sort()
    if (overdue.length === 0) return {}
    return {
      events: [
        {
          _tag: "DeadlineMissed",
          deadline: input.timerId,
          dueAt: input.dueAt,
          campaignId,
          subjects: overdue,
          reason: `${overdue.length} đơn vị chưa phát động phong trào hưởng ứng / units have not launched a responding campaign`
        } as Event.DeadlineMissed
      ]
    }
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
              parentCampaignId: e.parentCampaignId,
              clusterId: e.clusterId,
              launchedOn: undefined
            }
          }
        }
      case "CampaignLaunched": {
        const campaign = state.campaigns[campaignId]
        if (campaign === undefined) return state
        const launched = { ...campaign, launchedOn: e.at }
        let cascades = state.cascades
        const parent = answers(state, launched)
        if (parent !== undefined && !parent.over && e.at <= parent.lastDay)
          cascades = {
            ...cascades,
            [launched.parentCampaignId!]: {
              ...parent,
              responded: { ...parent.responded, [launched.issuerId]: campaignId }
            }
          }
        if (launched.clusterId === undefined) {
          const due = dueToRespond(state.directory, launched.issuerId, e.at)
          if (due.length > 0) {
            // A subordinate that launched its response before the parent's launch has responded.
            const responded: Record<string, string> = {}
            for (const [id, c] of Object.entries(state.campaigns))
              if (c.parentCampaignId === campaignId && c.launchedOn !== undefined && due.includes(c.issuerId))
                responded[c.issuerId] = id
            cascades = {
              ...cascades,
              [campaignId]: { due, lastDay: LocalDate.addDays(e.at, days), responded, over: false }
            }
          }
        }
        return { ...state, campaigns: { ...state.campaigns, [campaignId]: launched }, cascades }
      }
      case "CampaignCancelled": {
        const pending = state.cascades[campaignId]
        return pending === undefined
          ? state
          : { ...state, cascades: { ...state.cascades, [campaignId]: { ...pending, over: true } } }
      }
      default:
        return state
    }
  }

  const evolve = (state: State, step: ProcessManager.Step): State => {
    if (step._tag === "Timer") {
      const campaignId = step.timerId.slice("cascade:".length)
      const pending = state.cascades[campaignId]
      return pending === undefined
        ? state
        : { ...state, cascades: { ...state.cascades, [campaignId]: { ...pending, over: true } } }
    }
    if (step._tag !== "Event") return state
    const e = step.event
    switch (e._tag) {
      case "OrganizationRegistered":
      case "OrganizationMoved":
      case "OrganizationRestructured":
        return { ...state, directory: Directory.evolve(state.directory, e) }
      default: {
        const campaignId = campaignOf(step.streamId)
        return campaignId === undefined ? state : onCampaign(state, campaignId, e as Event.CampaignEvent)
      }
    }
  }

  return ProcessManager.make<State>({
    name: "cascade",
    version: 1,
    inputs: [...ProcessManager.directoryInputs, "CampaignPlanned", "CampaignLaunched", "CampaignCancelled"],
    route: ProcessManager.byTenant,
    initialState,
    decide: (state, input) => (input._tag === "Event" ? onEvent(state, input) : onTimer(state, input)),
    evolve
  })
}

/**
 * The stream of a tenant's cascade.
 *
 * @example
 * ```ts
 * import { Cascade } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * assert.equal(Cascade.streamOf("hanoi"), "process:cascade:hanoi")
 * ```
 *
 * @since 0.4.0
 */
export const streamOf = (tenantId: string): string => Stream.process("cascade", tenantId)
