/**
 * The commendation record's fold: the directory's member events and the campaigns' awards,
 * initiatives and registrations, folded into the record of each member and unit.
 *
 * @internal
 */
import type { DomainEvent } from "../Event.js"
import * as LocalDate from "../LocalDate.js"
import type { Subject } from "../Organization.js"
import { registrationSubject, subjectKey } from "../Organization.js"
import type { Grant, Subject as Held, Member, State, Unit } from "./state.js"

/** An empty record. @internal */
export const empty = (): State => ({
  members: new Map(),
  units: new Map(),
  clusters: new Map(),
  awards: new Map(),
  initiatives: new Map(),
  pledges: new Map(),
  themes: new Map(),
  events: 0
})

const base = (key: string) => ({ key, grants: [], initiatives: [], registered: new Set<number>(), ratings: new Map() })

/** The member's record, made when first met. @internal */
export const memberOf = (state: State, memberId: string): Member => {
  let m = state.members.get(memberId)
  if (m === undefined) {
    m = { ...base(`member:${memberId}`), memberId, known: false, units: [], leave: [], discipline: [] }
    state.members.set(memberId, m)
  }
  return m
}

/** The unit's record, made when first met. @internal */
export const unitOf = (state: State, organizationId: string): Unit => {
  let u = state.units.get(organizationId)
  if (u === undefined) {
    u = { ...base(`unit:${organizationId}`), organizationId }
    state.units.set(organizationId, u)
  }
  return u
}

/** The record of a subject; a member first met through an award learns its unit from it. @internal */
export const subjectOf = (state: State, s: Subject, at: LocalDate.LocalDate): Held => {
  if (s._tag === "Unit") return unitOf(state, s.organizationId)
  const m = memberOf(state, s.memberId)
  if (m.units.length === 0) m.units.push({ organizationId: s.organizationId, from: at })
  return m
}

const keyed = (state: State, key: string): Held | undefined =>
  key.startsWith("unit:") ? unitOf(state, key.slice(5)) : memberOf(state, key.slice(7))

const years = (p: LocalDate.Period): ReadonlyArray<number> => {
  const out: Array<number> = []
  for (let y = LocalDate.year(p.start); y <= LocalDate.year(p.end); y++) out.push(y)
  return out
}

const campaignOf = (streamId: string): string | undefined =>
  streamId.startsWith("campaign:") ? streamId.slice("campaign:".length) : undefined

/**
 * Folds one event of a tenant's log into its record, in place; `streamId` says which campaign a
 * campaign event belongs to. Events of other kinds are counted and ignored.
 *
 * @internal
 */
export const apply = (state: State, event: DomainEvent, streamId: string): State => {
  state.events++
  const campaignId = campaignOf(streamId)
  switch (event._tag) {
    case "MemberRegistered": {
      const m = memberOf(state, event.memberId)
      m.known = true
      m.name = event.name
      m.recruitedOn = event.recruitedOn
      if (event.gender !== undefined) m.gender = event.gender
      m.units.length = 0
      // The directory is the authority on a member's unit, from the day they were recruited.
      m.units.push({ organizationId: event.organizationId, from: event.recruitedOn })
      break
    }
    case "MemberTransferred":
      memberOf(state, event.memberId).units.push({ organizationId: event.organizationId, from: event.at })
      break
    case "MemberLeft":
      memberOf(state, event.memberId).leftOn = event.at
      break
    case "LeaveRecorded":
      memberOf(state, event.memberId).leave.push({
        kind: event.kind,
        period: event.period,
        workingDays: event.workingDays
      })
      break
    case "DisciplineRecorded":
      memberOf(state, event.memberId).discipline.push({
        level: event.level,
        at: event.at,
        ...(event.decisionNo !== undefined ? { decisionNo: event.decisionNo } : {})
      })
      break
    case "MemberRated":
      memberOf(state, event.memberId).ratings.set(event.year, event.rating)
      break
    case "UnitRated":
      unitOf(state, event.organizationId).ratings.set(event.year, event.rating)
      break
    case "ClusterFormed":
      state.clusters.set(event.clusterId, {
        clusterId: event.clusterId,
        year: event.year,
        memberIds: event.memberIds,
        ...(event.headId !== undefined ? { headId: event.headId } : {})
      })
      break
    default:
      if (campaignId !== undefined) applyCampaign(state, event, campaignId)
  }
  return state
}

const applyCampaign = (state: State, event: DomainEvent, campaignId: string): void => {
  switch (event._tag) {
    case "CampaignPlanned":
      state.themes.set(campaignId, event.theme ?? event.title)
      break
    case "PledgeSigned": {
      // A covenant registers its signers at once; a registration counts once approved (rule G1).
      const keys =
        event.kind === "registration"
          ? [subjectKey(registrationSubject(event))]
          : event.signerIds.map((id) => `unit:${id}`)
      const ys = years(event.period)
      state.pledges.set(`${campaignId}/${event.pledgeId}`, { keys, years: ys })
      if (event.kind !== "registration") for (const k of keys) for (const y of ys) keyed(state, k)?.registered.add(y)
      break
    }
    case "RegistrationApproved": {
      const p = state.pledges.get(`${campaignId}/${event.pledgeId}`)
      if (p !== undefined) for (const k of p.keys) for (const y of p.years) keyed(state, k)?.registered.add(y)
      break
    }
    case "InitiativeRecorded": {
      const i = {
        initiativeId: event.initiativeId,
        campaignId,
        title: event.title,
        benefitVnd: event.benefitVnd,
        year: LocalDate.year(event.at),
        applied: false,
        rejected: false
      }
      state.initiatives.set(`${campaignId}/${event.initiativeId}`, i)
      const owner: Held =
        event.memberId !== undefined
          ? subjectOf(
              state,
              { _tag: "Member", memberId: event.memberId, organizationId: event.unitId } as never,
              event.at
            )
          : unitOf(state, event.unitId)
      owner.initiatives.push(i)
      break
    }
    case "InitiativeApplied": {
      const i = state.initiatives.get(`${campaignId}/${event.initiativeId}`)
      if (i !== undefined) i.applied = true
      break
    }
    case "InitiativeRecognized": {
      const i = state.initiatives.get(`${campaignId}/${event.initiativeId}`)
      if (i !== undefined) i.scope = event.level
      break
    }
    case "InitiativeRejected": {
      const i = state.initiatives.get(`${campaignId}/${event.initiativeId}`)
      if (i !== undefined) i.rejected = true
      break
    }
    case "AwardGranted": {
      const g: Grant = {
        awardId: event.awardId,
        campaignId,
        kind: event.kind,
        grantedById: event.grantedById,
        ...(event.decisionNo !== undefined ? { decisionNo: event.decisionNo } : {}),
        basis: event.basis,
        period: event.period,
        year: LocalDate.year(event.period.end),
        at: event.at,
        extraordinary: event.extraordinary
      }
      state.awards.set(`${campaignId}/${event.awardId}`, g)
      subjectOf(state, event.recipient, event.at).grants.push(g)
      break
    }
    case "AwardRevoked": {
      const g = state.awards.get(`${campaignId}/${event.awardId}`)
      // V1: a revoked grant stays in the record, marked, and counts for nothing from then on.
      if (g !== undefined) g.revoked = { reason: event.reason, at: event.at }
      break
    }
  }
}
