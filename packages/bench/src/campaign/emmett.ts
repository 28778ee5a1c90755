/**
 * The same small campaign decider in Emmett's own idiom: commands and events as
 * `{ type, data }`, a plain-object state, `decide` returning events or throwing
 * `IllegalStateError` / `ValidationError`, `evolve` and `initialState`. It keeps the rules the
 * generated commands meet in Thi Đua (a campaign is planned and launched once, phases within its
 * period and not overlapping, a phase open before it is scored, participants from the directory
 * enrolled once, scores in bounds, after the start, by someone who acts for the unit), so both
 * sides do comparable work per command.
 *
 * The directory is a plain map the host keeps beside the decider (Emmett has no directory of its
 * own): `directoryOf` builds it from the generated directory commands, untimed.
 */
import { type Command, CommandHandler, type Event, IllegalStateError, ValidationError } from "@event-driven-io/emmett"
import type { CampaignCommand, DirectoryCommand, Refusal, Step } from "./thidua.js"

type Period = { readonly start: string; readonly end: string }
type Actor = { readonly organizationId: string; readonly role: string }

export type PlanCampaign = Command<
  "PlanCampaign",
  {
    campaignId: string
    actor: Actor
    at: string
    issuerId: string
    title: string
    period: Period
    contents: ReadonlyArray<string>
  }
>
export type LaunchCampaign = Command<"LaunchCampaign", { campaignId: string; actor: Actor; at: string }>
export type SchedulePhase = Command<
  "SchedulePhase",
  { campaignId: string; actor: Actor; at: string; phaseId: string; name: string; period: Period }
>
export type OpenPhase = Command<"OpenPhase", { campaignId: string; actor: Actor; at: string; phaseId: string }>
export type EnrollParticipant = Command<
  "EnrollParticipant",
  { campaignId: string; actor: Actor; at: string; unitId: string; sector: string }
>
export type AssessScore = Command<
  "AssessScore",
  {
    campaignId: string
    actor: Actor
    at: string
    unitId: string
    phaseId: string | undefined
    contentId: string
    points: number
    kind: "self" | "cross"
  }
>
export type CampaignCommandE =
  | PlanCampaign
  | LaunchCampaign
  | SchedulePhase
  | OpenPhase
  | EnrollParticipant
  | AssessScore

export type CampaignPlanned = Event<
  "CampaignPlanned",
  { campaignId: string; issuerId: string; title: string; period: Period; contents: ReadonlyArray<string>; at: string }
>
export type CampaignLaunched = Event<"CampaignLaunched", { campaignId: string; at: string }>
export type PhaseScheduled = Event<
  "PhaseScheduled",
  { campaignId: string; phaseId: string; name: string; start: string; end: string; at: string }
>
export type PhaseOpened = Event<"PhaseOpened", { campaignId: string; phaseId: string; at: string }>
export type ParticipantEnrolled = Event<
  "ParticipantEnrolled",
  { campaignId: string; unitId: string; sector: string; at: string }
>
export type ScoreAssessed = Event<
  "ScoreAssessed",
  {
    campaignId: string
    unitId: string
    phaseId: string | undefined
    contentId: string
    points: number
    kind: "self" | "cross"
    assessorId: string
    at: string
  }
>
export type CampaignEvent =
  | CampaignPlanned
  | CampaignLaunched
  | PhaseScheduled
  | PhaseOpened
  | ParticipantEnrolled
  | ScoreAssessed

export type Phase = { readonly id: string; readonly start: string; readonly end: string; readonly open: boolean }
export type Participant = { readonly sector: string }

export type CampaignState = {
  readonly status: "Initial" | "Planned" | "Launched"
  readonly issuerId: string
  readonly period: Period
  readonly contents: ReadonlyArray<string>
  readonly phases: ReadonlyArray<Phase>
  readonly participants: Readonly<Record<string, Participant>>
}

export const initialState = (): CampaignState => ({
  status: "Initial",
  issuerId: "",
  period: { start: "", end: "" },
  contents: [],
  phases: [],
  participants: {}
})

export const evolve = (state: CampaignState, event: CampaignEvent): CampaignState => {
  const { type, data } = event
  switch (type) {
    case "CampaignPlanned":
      return { ...state, status: "Planned", issuerId: data.issuerId, period: data.period, contents: data.contents }
    case "CampaignLaunched":
      return { ...state, status: "Launched" }
    case "PhaseScheduled":
      return {
        ...state,
        phases: [...state.phases, { id: data.phaseId, start: data.start, end: data.end, open: false }]
      }
    case "PhaseOpened":
      return { ...state, phases: state.phases.map((p) => (p.id === data.phaseId ? { ...p, open: true } : p)) }
    case "ParticipantEnrolled":
      return { ...state, participants: { ...state.participants, [data.unitId]: { sector: data.sector } } }
    case "ScoreAssessed":
      // Scores are kept by read models, not by the decider: no rule reads them back.
      return state
  }
}

/** An organization of the directory, as the host keeps it for the decider. */
export type Organization = { readonly parentId: string | undefined; readonly sector: string | undefined }
export type Directory = ReadonlyMap<string, Organization>

/** The organization acts for the unit: it is the unit or one of its ancestors. */
const actsFor = (directory: Directory, actorId: string, unitId: string): boolean => {
  for (let id: string | undefined = unitId; id !== undefined; id = directory.get(id)?.parentId)
    if (id === actorId) return true
  return false
}

const requireIssuer = (state: CampaignState, directory: Directory, actor: Actor) => {
  if (actor.role !== "executive" || !actsFor(directory, actor.organizationId, state.issuerId))
    throw new IllegalStateError(`${actor.organizationId} does not act for the issuer ${state.issuerId}`)
}

const requirePlanned = (state: CampaignState) => {
  if (state.status === "Initial") throw new IllegalStateError("the campaign is not planned")
}

export const decide = (command: CampaignCommandE, state: CampaignState, directory: Directory): CampaignEvent => {
  const { type, data } = command
  switch (type) {
    case "PlanCampaign": {
      if (state.status !== "Initial") throw new IllegalStateError("the campaign is planned already")
      if (data.title.length === 0) throw new ValidationError("a campaign needs a title")
      if (data.period.start > data.period.end) throw new ValidationError("the period ends before it starts")
      if (data.contents.length === 0) throw new ValidationError("a campaign needs contents")
      if (!directory.has(data.issuerId)) throw new IllegalStateError(`no organization ${data.issuerId}`)
      requireIssuer({ ...state, issuerId: data.issuerId }, directory, data.actor)
      return {
        type: "CampaignPlanned",
        data: {
          campaignId: data.campaignId,
          issuerId: data.issuerId,
          title: data.title,
          period: data.period,
          contents: data.contents,
          at: data.at
        }
      }
    }
    case "LaunchCampaign":
      if (state.status !== "Planned") throw new IllegalStateError(`a campaign ${state.status} cannot be launched`)
      requireIssuer(state, directory, data.actor)
      return { type: "CampaignLaunched", data: { campaignId: data.campaignId, at: data.at } }
    case "SchedulePhase": {
      requirePlanned(state)
      requireIssuer(state, directory, data.actor)
      const { start, end } = data.period
      if (state.phases.some((p) => p.id === data.phaseId))
        throw new IllegalStateError(`phase ${data.phaseId} is scheduled already`)
      if (start > end || start < state.period.start || end > state.period.end)
        throw new ValidationError("the phase is not within the campaign's period")
      if (state.phases.some((p) => p.start <= end && start <= p.end))
        throw new IllegalStateError("the phase overlaps another")
      return {
        type: "PhaseScheduled",
        data: { campaignId: data.campaignId, phaseId: data.phaseId, name: data.name, start, end, at: data.at }
      }
    }
    case "OpenPhase": {
      if (state.status !== "Launched") throw new IllegalStateError("the campaign is not launched")
      requireIssuer(state, directory, data.actor)
      const phase = state.phases.find((p) => p.id === data.phaseId)
      if (phase === undefined) throw new IllegalStateError(`no phase ${data.phaseId}`)
      if (phase.open) throw new IllegalStateError(`phase ${data.phaseId} is open already`)
      return { type: "PhaseOpened", data: { campaignId: data.campaignId, phaseId: data.phaseId, at: data.at } }
    }
    case "EnrollParticipant": {
      requirePlanned(state)
      if (state.participants[data.unitId] !== undefined)
        throw new IllegalStateError(`${data.unitId} is enrolled already`)
      const unit = directory.get(data.unitId)
      if (unit === undefined) throw new IllegalStateError(`no organization ${data.unitId}`)
      if (unit.sector !== data.sector) throw new ValidationError(`${data.unitId} is not of sector ${data.sector}`)
      if (!actsFor(directory, data.actor.organizationId, data.unitId))
        throw new IllegalStateError(`${data.actor.organizationId} does not act for ${data.unitId}`)
      return {
        type: "ParticipantEnrolled",
        data: { campaignId: data.campaignId, unitId: data.unitId, sector: data.sector, at: data.at }
      }
    }
    case "AssessScore": {
      if (!Number.isFinite(data.points) || data.points < -10_000 || data.points > 10_000)
        throw new ValidationError(`points out of bounds: ${data.points}`)
      if (state.participants[data.unitId] === undefined) throw new IllegalStateError(`${data.unitId} is not enrolled`)
      if (data.at < state.period.start) throw new IllegalStateError("scored before the campaign's start")
      if (data.phaseId !== undefined) {
        const phase = state.phases.find((p) => p.id === data.phaseId)
        if (phase === undefined) throw new IllegalStateError(`no phase ${data.phaseId}`)
        if (!phase.open) throw new IllegalStateError(`phase ${data.phaseId} is not open`)
        if (data.at < phase.start || data.at > phase.end) throw new IllegalStateError("scored outside the phase")
      }
      if (!state.contents.includes(data.contentId)) throw new IllegalStateError(`no content ${data.contentId}`)
      const actorId = data.actor.organizationId
      const mayAssess =
        actsFor(directory, actorId, data.unitId) ||
        (data.kind === "cross" &&
          (state.participants[actorId] !== undefined || actsFor(directory, actorId, state.issuerId)))
      if (!mayAssess) throw new IllegalStateError(`${actorId} may not assess ${data.unitId}`)
      return {
        type: "ScoreAssessed",
        data: {
          campaignId: data.campaignId,
          unitId: data.unitId,
          phaseId: data.phaseId,
          contentId: data.contentId,
          points: data.points,
          kind: data.kind,
          assessorId: actorId,
          at: data.at
        }
      }
    }
  }
}

/** Emmett's command handler for the campaign: reads the stream, folds it, appends what `decide` returns. */
export const handle = CommandHandler<CampaignState, CampaignEvent>({ evolve, initialState })

/** The Emmett error a refused command must throw, by the refusal of the generator. */
export const expectedError = (refusal: Refusal): typeof IllegalStateError | typeof ValidationError =>
  refusal.kind === "outOfBounds" ? ValidationError : IllegalStateError

/** The directory the host keeps, from the generated directory commands. */
export const directoryOf = (steps: ReadonlyArray<Step<DirectoryCommand>>): Directory =>
  new Map(steps.map(({ command: c }) => [c.organizationId, { parentId: c.parentId, sector: c.sector }] as const))

/** A generated Thi Đua command as the Emmett command a host would build from the same request. */
export const toEmmett = (command: CampaignCommand): CampaignCommandE => {
  const common = { campaignId: command.campaignId, actor: command.actor, at: command.at }
  switch (command._tag) {
    case "PlanCampaign":
      return {
        type: "PlanCampaign",
        data: {
          ...common,
          issuerId: command.issuerId,
          title: command.title,
          period: command.period,
          contents: command.sectors.flatMap((s) => s.contents.map((c) => c.contentId))
        }
      }
    case "LaunchCampaign":
      return { type: "LaunchCampaign", data: common }
    case "SchedulePhase":
      return {
        type: "SchedulePhase",
        data: { ...common, phaseId: command.phaseId, name: command.name, period: command.period }
      }
    case "OpenPhase":
      return { type: "OpenPhase", data: { ...common, phaseId: command.phaseId } }
    case "EnrollParticipant":
      return { type: "EnrollParticipant", data: { ...common, unitId: command.unitId, sector: command.sector } }
    case "AssessScore":
      return {
        type: "AssessScore",
        data: {
          ...common,
          unitId: command.unitId,
          phaseId: command.phaseId,
          contentId: command.contentId,
          points: command.points,
          kind: command.kind
        }
      }
  }
}
