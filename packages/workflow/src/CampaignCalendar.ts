/**
 * The campaign calendar: a process manager, one instance per campaign, that keeps its dates.
 *
 * - A phase opens at 00:00 of its first day and closes when its last day is over, in the
 *   organizer's time zone (Asia/Ho_Chi_Minh): "1/1–30/6" opens at 00:00 on 1/1 and closes at the
 *   end of 30/6. The calendar sends `OpenPhase` and `ClosePhase` as the campaign's organizer
 *   (its issuer's executive), dated the phase's first and last day.
 * - A phase's interim review (sơ kết) falls due `interimReviewDays` after it closes; registrations
 *   `registrationDays` after the launch; nominations are to be decided `nominationDays` after the
 *   campaign ends (rulebook parameters of the campaign's regime). A deadline that passes with
 *   something undone is recorded as `DeadlineMissed`, naming who or what is late.
 *
 * A campaign closed or cancelled cancels its pending timers.
 *
 * One instance per tenant: it folds the tenant's directory (core's `Directory.evolve`) beside the
 * campaigns' events, so that a command is sent by whoever carries the issuer on that day (a
 * federation restructured into another hands its campaigns over: `Directory.carrierOn`). Timer
 * ids name the campaign: `open:<campaign>:<phase>`, `close:…`, `review:…`, `registration:<campaign>`,
 * `nominations:<campaign>`.
 *
 * @since 0.4.0
 */
import { Directory, type Event, type Ids, Lifecycle, Rulebook, Stream } from "@thidua/core"
import * as Calendar from "./Calendar.js"
import * as ProcessManager from "./ProcessManager.js"

interface Phase {
  readonly start: string
  readonly end: string
  readonly status: Lifecycle.PhaseStatus
}

/**
 * What the calendar knows of one campaign.
 *
 * @since 0.4.0
 */
export interface CampaignState {
  readonly campaignId: string
  readonly tenantId: string
  readonly issuerId: string
  readonly regime: Rulebook.RegimeId | undefined
  readonly status: "Planned" | "Launched" | "Ended" | "Finished"
  readonly phases: Readonly<Record<string, Phase>>
  /** Enrolled units, and whether each has registered. */
  readonly units: Readonly<Record<string, boolean>>
  /** Nominations proposed, and whether each is decided. */
  readonly nominations: Readonly<Record<string, boolean>>
}

/**
 * What the calendar knows of a tenant: its directory and its campaigns.
 *
 * @since 0.4.0
 */
export interface State {
  readonly directory: Directory.State
  readonly campaigns: Readonly<Record<string, CampaignState>>
}

const initialState: State = { directory: Directory.initialState, campaigns: {} }

/** @since 0.4.0 */
export interface Options {
  /** The rulebook whose regimes give the days. Default `Rulebook.standard`. */
  readonly rulebook?: Rulebook.Rulebook
  /** The organizers' time zone. Default Asia/Ho_Chi_Minh. */
  readonly zone?: string
}

const prefix = "campaign:"
const latest = (a: string, b: string) => (a > b ? a : b)
const earliest = (a: string, b: string) => (a < b ? a : b)

// A phase moves as core's phase machine says (Scheduled → Open → Closed → Reviewed).
const phaseStep = (
  state: CampaignState,
  phaseId: string,
  step: "OpenPhase" | "ClosePhase" | "HoldInterimReview"
): CampaignState => {
  const phase = state.phases[phaseId]
  if (phase === undefined) return state
  const status = Lifecycle.phase.after(phase.status, step)
  return status === phase.status ? state : { ...state, phases: { ...state.phases, [phaseId]: { ...phase, status } } }
}

/**
 * The calendar manager.
 *
 * @example
 * ```ts
 * import { CampaignCalendar } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const calendar = CampaignCalendar.make()
 * const at = { tenantId: "hanoi", streamId: "campaign:hm-2020", at: "2020-01-02T01:00:00.000Z" } as const
 * const planned = calendar.evolve(calendar.initialState, {
 *   _tag: "Event", ...at, version: 1, position: "1",
 *   event: { _tag: "CampaignPlanned", campaignId: "hm-2020", tenantId: "hanoi", issuerId: "ldld-hoang-mai", regime: "R2003" } as never
 * })
 * const decision = calendar.decide(planned, {
 *   _tag: "Event", ...at, version: 3, position: "3",
 *   event: { _tag: "PhaseScheduled", phaseId: "dot-1", name: "Đợt 1", kind: "regular", start: "2020-01-01", end: "2020-06-30" } as never
 * })
 * assert.deepEqual(decision.timers?.map((t) => t._tag === "Schedule" && [t.timerId, t.dueAt]), [
 *   ["open:hm-2020:dot-1", "2019-12-31T17:00:00.000Z"],
 *   ["close:hm-2020:dot-1", "2020-06-30T17:00:00.000Z"]
 * ])
 * ```
 *
 * @since 0.4.0
 */
export const make = (options: Options = {}): ProcessManager.ProcessManager<State> => {
  const rulebook = options.rulebook ?? Rulebook.standard
  const zone = options.zone ?? Calendar.vietnam
  // The issuer's own override applies (its ancestors' are not known to the calendar).
  const days = (c: CampaignState, key: "interimReviewDays" | "registrationDays" | "nominationDays") =>
    Rulebook.params(rulebook, rulebook.regimes.find((r) => r.id === c.regime) ?? rulebook.regimes[0]!, [
      c.issuerId as Ids.OrganizationId
    ])[key]
  const after = (instant: string, n: number) => Calendar.instant(Date.parse(instant) + n * 86_400_000)
  // Whoever carries the issuer on that day sends the command.
  const organizer = (state: State, c: CampaignState, day: string) => ({
    organizationId: Directory.carrierOn(state.directory, c.issuerId as Ids.OrganizationId, day as never),
    role: "executive" as const
  })
  const missed = (
    deadline: string,
    dueAt: Event.Instant,
    c: CampaignState,
    subjects: ReadonlyArray<string>,
    reason: string
  ): Event.DeadlineMissed =>
    ({
      _tag: "DeadlineMissed",
      deadline,
      dueAt,
      campaignId: c.campaignId,
      subjects,
      reason
    }) as Event.DeadlineMissed
  const schedule = (timerId: string, dueAt: Event.Instant, reason: string): ProcessManager.Schedule => ({
    _tag: "Schedule",
    timerId,
    dueAt,
    reason
  })
  const cancel = (timerId: string): ProcessManager.Cancel => ({ _tag: "Cancel", timerId })

  const onEvent = (state: State, input: ProcessManager.EventInput): ProcessManager.Decision => {
    const e = input.event
    const id = input.streamId.slice(prefix.length)
    const c = state.campaigns[id]
    if (c === undefined) return {}
    switch (e._tag) {
      case "CampaignLaunched":
        return {
          timers: [
            schedule(
              `registration:${id}`,
              after(Calendar.endOfDay(e.at, zone), days(c, "registrationDays")),
              "Hạn đăng ký thi đua / registration deadline"
            )
          ]
        }
      case "PhaseScheduled":
        return {
          timers: [
            schedule(`open:${id}:${e.phaseId}`, Calendar.startOfDay(e.start, zone), `${e.name} mở / opens`),
            schedule(`close:${id}:${e.phaseId}`, Calendar.endOfDay(e.end, zone), `${e.name} kết thúc / closes`)
          ]
        }
      case "PhaseOpened":
        return { timers: [cancel(`open:${id}:${e.phaseId}`)] }
      case "PhaseClosed": {
        const phase = c.phases[e.phaseId]
        if (phase === undefined) return {}
        return {
          timers: [
            cancel(`close:${id}:${e.phaseId}`),
            schedule(
              `review:${id}:${e.phaseId}`,
              after(Calendar.endOfDay(phase.end, zone), days(c, "interimReviewDays")),
              `Hạn sơ kết ${e.phaseId} / interim review due`
            )
          ]
        }
      }
      case "InterimReviewHeld":
        return e.phaseId === undefined ? {} : { timers: [cancel(`review:${id}:${e.phaseId}`)] }
      case "CampaignEnded":
        return {
          timers: [
            schedule(
              `nominations:${id}`,
              after(Calendar.endOfDay(e.at, zone), days(c, "nominationDays")),
              "Hạn xét khen thưởng / nominations to be decided"
            )
          ]
        }
      case "CampaignClosed":
      case "CampaignCancelled": {
        const ids = [`registration:${id}`, `nominations:${id}`]
        for (const p of Object.keys(c.phases)) ids.push(`open:${id}:${p}`, `close:${id}:${p}`, `review:${id}:${p}`)
        return { timers: ids.map(cancel) }
      }
      default:
        return {}
    }
  }

  const onTimer = (state: State, input: ProcessManager.TimerInput): ProcessManager.Decision => {
    const [kind, id = "", phaseId = ""] = input.timerId.split(":") as [string, string?, string?]
    const c = state.campaigns[id]
    if (c === undefined || c.status === "Finished") return {}
    const phase = c.phases[phaseId]
    const base = { tenantId: c.tenantId, campaignId: c.campaignId }
    switch (kind) {
      case "open": {
        if (phase?.status !== "Scheduled" || c.status !== "Launched") return {}
        // On its first day, or on the day the timer fired when that is later (a phase scheduled
        // after its first day, a runner that was down), but within the phase: a runner down past
        // its last day opens it on that day, and closes it the same day.
        const at = earliest(latest(phase.start, Calendar.dayOf(input.firedAt, zone)), phase.end)
        return {
          commands: [
            { _tag: "OpenPhase", ...base, actor: organizer(state, c, at), at, phaseId } as ProcessManager.Issue
          ]
        }
      }
      case "close":
        return phase?.status === "Open"
          ? {
              commands: [
                {
                  _tag: "ClosePhase",
                  ...base,
                  actor: organizer(state, c, phase.end),
                  at: phase.end,
                  phaseId
                } as ProcessManager.Issue
              ]
            }
          : {}
      case "review":
        return phase?.status === "Closed"
          ? {
              events: [
                missed(
                  input.timerId,
                  input.dueAt,
                  c,
                  [
                    Directory.carrierOn(
                      state.directory,
                      c.issuerId as Ids.OrganizationId,
                      Calendar.dayOf(input.dueAt, zone)
                    )
                  ],
                  `Chưa sơ kết ${phaseId} / the interim review of ${phaseId} was not held`
                )
              ]
            }
          : {}
      case "registration": {
        const late = Object.keys(c.units).filter((u) => !c.units[u])
        return late.length === 0
          ? {}
          : {
              events: [
                missed(
                  input.timerId,
                  input.dueAt,
                  c,
                  late.sort(),
                  `${late.length} đơn vị chưa đăng ký thi đua / units have not registered`
                )
              ]
            }
      }
      case "nominations": {
        const open = Object.keys(c.nominations).filter((n) => !c.nominations[n])
        return open.length === 0
          ? {}
          : {
              events: [
                missed(
                  input.timerId,
                  input.dueAt,
                  c,
                  open.sort(),
                  `${open.length} hồ sơ đề nghị chưa được quyết định / nominations are undecided`
                )
              ]
            }
      }
      default:
        return {}
    }
  }

  const evolveCampaign = (c: CampaignState, e: Event.CampaignEvent): CampaignState => {
    switch (e._tag) {
      case "CampaignLaunched":
        return { ...c, status: "Launched" }
      case "PhaseScheduled":
        return { ...c, phases: { ...c.phases, [e.phaseId]: { start: e.start, end: e.end, status: "Scheduled" } } }
      case "PhaseOpened":
        return phaseStep(c, e.phaseId, "OpenPhase")
      case "PhaseClosed":
        return phaseStep(c, e.phaseId, "ClosePhase")
      case "InterimReviewHeld":
        return e.phaseId === undefined ? c : phaseStep(c, e.phaseId, "HoldInterimReview")
      case "ParticipantEnrolled":
        return { ...c, units: { ...c.units, [e.unitId]: c.units[e.unitId] ?? false } }
      case "PledgeSigned": {
        if (e.kind !== "registration") return c
        const units = { ...c.units }
        for (const id of e.signerIds) units[id] = true
        return { ...c, units }
      }
      case "NominationProposed":
        return { ...c, nominations: { ...c.nominations, [e.nominationId]: false } }
      case "NominationDecided":
        return { ...c, nominations: { ...c.nominations, [e.nominationId]: true } }
      case "CampaignEnded":
        return { ...c, status: "Ended" }
      case "CampaignClosed":
      case "CampaignCancelled":
        return { ...c, status: "Finished" }
      default:
        return c
    }
  }

  const evolve = (state: State, step: ProcessManager.Step): State => {
    if (step._tag !== "Event") return state
    const e = step.event
    if (Stream.kindOf(step.streamId) === "directory")
      return { ...state, directory: Directory.evolve(state.directory, e as Event.DirectoryEvent) }
    const id = step.streamId.slice(prefix.length)
    if (e._tag === "CampaignPlanned")
      return {
        ...state,
        campaigns: {
          ...state.campaigns,
          [id]: {
            campaignId: e.campaignId,
            tenantId: e.tenantId,
            issuerId: e.issuerId,
            regime: e.regime,
            status: "Planned",
            phases: {},
            units: {},
            nominations: {}
          }
        }
      }
    const c = state.campaigns[id]
    if (c === undefined) return state
    const next = evolveCampaign(c, e as Event.CampaignEvent)
    return next === c ? state : { ...state, campaigns: { ...state.campaigns, [id]: next } }
  }

  return ProcessManager.make<State>({
    name: "calendar",
    version: 1,
    inputs: [
      ...ProcessManager.directoryInputs,
      "CampaignPlanned",
      "CampaignLaunched",
      "PhaseScheduled",
      "PhaseOpened",
      "PhaseClosed",
      "InterimReviewHeld",
      "ParticipantEnrolled",
      "PledgeSigned",
      "NominationProposed",
      "NominationDecided",
      "CampaignEnded",
      "CampaignClosed",
      "CampaignCancelled"
    ],
    // One instance per tenant: the directory and every campaign of the tenant.
    route: (input) => {
      const kind = Stream.kindOf(input.streamId)
      return kind === "campaign" || kind === "directory" ? input.tenantId : undefined
    },
    initialState,
    decide: (state, input) => (input._tag === "Event" ? onEvent(state, input) : onTimer(state, input)),
    evolve
  })
}

/** The stream of a tenant's calendar. @since 0.4.0 */
export const streamOf = (tenantId: string): string => Stream.process("calendar", tenantId)
