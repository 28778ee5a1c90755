/**
 * Participation across a tenant's campaigns: who enrolled against who could have, what was
 * pledged, and how far a campaign cascaded — how many of the organizations below its issuer
 * launched a campaign in response (phát động hưởng ứng), level by level.
 *
 * Partitioned by tenant: a cascade spans campaign streams (a responding campaign names its parent
 * in `CampaignPlanned.parentCampaignId`), and levels and subtrees come from the tenant's directory
 * stream, which this projection folds too. Queries resolve the hierarchy when asked, so the order
 * in which a tenant's streams reach the projection does not matter.
 *
 * @since 0.1.0
 */
import { Directory, type Event, type Ids, Lifecycle, type LocalDate, Organization } from "@thidua/core"
import type { Effect } from "effect"
import * as Projection from "../Projection.js"
import type * as ProjectionError from "../ProjectionError.js"
import * as ReadModels from "../ReadModels.js"

/**
 * A campaign as participation sees it.
 *
 * @since 0.1.0
 */
export interface Campaign {
  readonly campaignId: Ids.CampaignId
  readonly issuerId: Ids.OrganizationId
  readonly parentCampaignId: Ids.CampaignId | undefined
  readonly clusterId: Ids.ClusterId | undefined
  readonly period: LocalDate.Period
  launchedAt: LocalDate.LocalDate | undefined
  cancelledAt: LocalDate.LocalDate | undefined
  /** Units enrolled. */
  readonly enrolled: Set<string>
  readonly pledges: Map<string, { readonly kind: Event.PledgeKind; status: Lifecycle.PledgeStatus }>
}

/**
 * The state of one tenant: its directory (organizations with their dated parents, clusters), its
 * campaigns, and which campaigns responded to which.
 *
 * @since 0.1.0
 */
export interface State {
  readonly organizations: Map<string, Directory.Org>
  readonly clusters: Map<string, ReadonlyArray<Ids.OrganizationId>>
  readonly campaigns: Map<string, Campaign>
  /** Stream id to the campaign it holds. */
  readonly streams: Map<string, string>
  /** Campaign id to the campaigns planned in response, in the order planned. */
  readonly responses: Map<string, Array<string>>
}

const campaignOf = (state: State, meta: Projection.Meta): Campaign | undefined => {
  const id = state.streams.get(meta.streamId)
  return id === undefined ? undefined : state.campaigns.get(id)
}

const withCampaign =
  <E>(f: (c: Campaign, e: E) => void) =>
  (state: State, e: E, meta: Projection.Meta): State => {
    const c = campaignOf(state, meta)
    if (c !== undefined) f(c, e)
    return state
  }

/** Moves a pledge by the pledge machine (a covenant is Signed: approval and rejection leave it). */
const movePledge = (c: Campaign, pledgeId: string, step: Lifecycle.PledgeStep): void => {
  const p = c.pledges.get(pledgeId)
  if (p !== undefined) p.status = Lifecycle.pledge.after(p.status, step)
}

/** Folds an organization's event as the directory does, into the projection's own map. */
const foldOrg = (state: State, e: Directory.OrgEvent): State => {
  const o = Directory.foldOrg(state.organizations.get(e.organizationId), e)
  if (o !== undefined) state.organizations.set(o.id, o)
  return state
}

/**
 * The participation projection, one state per tenant.
 *
 * @example
 * ```ts
 * import { Participation, Projection } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const at = (streamId: string, i: number) => ({ tenantId: "hanoi", streamId, version: i, position: String(i) as never, recordedAt: 0 })
 * const log = [
 *   { event: { _tag: "CampaignPlanned", campaignId: "hm-2020", tenantId: "hanoi", issuerId: "ldld-hm", title: "Phong trào 2020", form: "regular", period: { start: "2020-01-01", end: "2020-12-31" }, sectors: [], titlesOffered: [], regime: "R2003", at: "2019-12-20" }, meta: at("campaign:hm-2020", 1) },
 *   { event: { _tag: "ParticipantEnrolled", unitId: "cdcs-a", sector: "enterprise", at: "2020-01-05" }, meta: at("campaign:hm-2020", 2) },
 *   { event: { _tag: "PledgeSigned", pledgeId: "dk-1", kind: "registration", signerIds: ["cdcs-a"], targets: [], period: { start: "2020-01-01", end: "2020-12-31" }, at: "2020-01-06" }, meta: at("campaign:hm-2020", 3) },
 *   { event: { _tag: "RegistrationApproved", pledgeId: "dk-1", at: "2020-01-10" }, meta: at("campaign:hm-2020", 4) }
 * ] as never[]
 * const state = Projection.fold(Participation.projection, log).get("hanoi")!
 * const s = Participation.summary(state, "hm-2020")!
 * assert.deepEqual([s.enrolled, s.signed.registration, s.approved], [1, 1, 1])
 * ```
 *
 * @since 0.1.0
 */
export const projection: Projection.Projection<State> = Projection.make<State>({
  name: "thidua.participation",
  version: 1,
  init: () => ({
    organizations: new Map(),
    clusters: new Map(),
    campaigns: new Map(),
    streams: new Map(),
    responses: new Map()
  }),
  partition: Projection.byTenant,
  handlers: {
    OrganizationRegistered: foldOrg,
    OrganizationMoved: foldOrg,
    OrganizationRestructured: foldOrg,
    ClusterFormed: (state, e) => {
      state.clusters.set(e.clusterId, e.memberIds)
      return state
    },
    CampaignPlanned: (state, e, meta) => {
      state.streams.set(meta.streamId, e.campaignId)
      state.campaigns.set(e.campaignId, {
        campaignId: e.campaignId,
        issuerId: e.issuerId,
        parentCampaignId: e.parentCampaignId,
        clusterId: e.clusterId,
        period: e.period,
        launchedAt: undefined,
        cancelledAt: undefined,
        enrolled: new Set(),
        pledges: new Map()
      })
      if (e.parentCampaignId !== undefined) {
        const siblings = state.responses.get(e.parentCampaignId)
        if (siblings === undefined) state.responses.set(e.parentCampaignId, [e.campaignId])
        else siblings.push(e.campaignId)
      }
      return state
    },
    CampaignLaunched: withCampaign((c, e) => {
      c.launchedAt = e.at
    }),
    CampaignCancelled: withCampaign((c, e) => {
      c.cancelledAt = e.at
    }),
    ParticipantEnrolled: withCampaign((c, e) => {
      c.enrolled.add(e.unitId)
    }),
    PledgeSigned: withCampaign((c, e) => {
      c.pledges.set(e.pledgeId, { kind: e.kind, status: Lifecycle.pledgeStarts(e.kind) })
      if (e.supersedes !== undefined) movePledge(c, e.supersedes, "Supersede")
    }),
    RegistrationApproved: withCampaign((c, e) => movePledge(c, e.pledgeId, "ApproveRegistration")),
    RegistrationRejected: withCampaign((c, e) => movePledge(c, e.pledgeId, "RejectRegistration"))
  }
})

// ---------------------------------------------------------------------------------------------
// the hierarchy, as the directory stands on a day
// ---------------------------------------------------------------------------------------------

/** Organizations below `ancestorId` and in operation on a day. */
const subtree = (state: State, ancestorId: string, date: LocalDate.LocalDate): Array<Directory.Org> =>
  [...state.organizations.values()].filter(
    (o) =>
      Directory.isActiveOn(o, date) &&
      o.id !== ancestorId &&
      Directory.isWithinBy((id) => state.organizations.get(id), ancestorId, o.id, date)
  )

// ---------------------------------------------------------------------------------------------
// queries
// ---------------------------------------------------------------------------------------------

/**
 * What one campaign gathered.
 *
 * @since 0.1.0
 */
export interface Summary {
  readonly campaignId: Ids.CampaignId
  readonly issuerId: Ids.OrganizationId
  readonly parentCampaignId: Ids.CampaignId | undefined
  readonly launchedAt: LocalDate.LocalDate | undefined
  readonly cancelledAt: LocalDate.LocalDate | undefined
  /** Units enrolled. */
  readonly enrolled: number
  /** Pledges signed, by kind (superseded ones included: they were signed). */
  readonly signed: { readonly [K in Event.PledgeKind]: number }
  /** Registrations approved and not superseded. */
  readonly approved: number
  /** Registrations rejected. */
  readonly rejected: number
}

const summarize = (c: Campaign): Summary => {
  const signed = { covenant: 0, registration: 0, "union-management": 0 }
  let approved = 0
  let rejected = 0
  for (const p of c.pledges.values()) {
    signed[p.kind]++
    if (p.status === "Approved") approved++
    else if (p.status === "Rejected") rejected++
  }
  return {
    campaignId: c.campaignId,
    issuerId: c.issuerId,
    parentCampaignId: c.parentCampaignId,
    launchedAt: c.launchedAt,
    cancelledAt: c.cancelledAt,
    enrolled: c.enrolled.size,
    signed,
    approved,
    rejected
  }
}

/**
 * A campaign's enrolments and pledges, or `undefined` for a campaign not planned in this tenant.
 *
 * @example
 * ```ts
 * import { Participation } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * assert.equal(Participation.summary(Participation.projection.init(), "hm-2020"), undefined)
 * ```
 *
 * @since 0.1.0
 */
export const summary = (state: State, campaignId: string): Summary | undefined => {
  const c = state.campaigns.get(campaignId)
  return c === undefined ? undefined : summarize(c)
}

/**
 * The campaigns planned in direct response to a campaign, in the order planned.
 *
 * @example
 * ```ts
 * import { Participation } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * assert.deepEqual(Participation.responses(Participation.projection.init(), "hn-2020"), [])
 * ```
 *
 * @since 0.1.0
 */
export const responses = (state: State, campaignId: string): ReadonlyArray<Summary> =>
  (state.responses.get(campaignId) ?? []).flatMap((id) => {
    const c = state.campaigns.get(id)
    return c === undefined ? [] : [summarize(c)]
  })

/**
 * Enrolled against eligible, in units and in members. The eligible units are the members of the
 * campaign's cluster when it has one, else the grassroots unions below the issuer in operation
 * when the campaign begins; members are the `members` their registrations state.
 *
 * @since 0.1.0
 */
export interface Enrolment {
  readonly enrolled: number
  readonly eligible: number
  readonly members: { readonly enrolled: number; readonly eligible: number }
  /** Eligible units not enrolled, by id. */
  readonly notEnrolled: ReadonlyArray<Ids.OrganizationId>
}

/**
 * A campaign's enrolment against its eligible units, or `undefined` for an unknown campaign.
 *
 * @example
 * ```ts
 * import { Participation } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = (streamId: string) => ({ tenantId: "hanoi", streamId, version: 1, position: "1" as never, recordedAt: 0 })
 * const org = (organizationId: string, level: string, parentId?: string) => ({ _tag: "OrganizationRegistered", organizationId, name: organizationId, level, members: 50, validFrom: "2019-01-01", ...(parentId ? { parentId } : {}) })
 * const log = [
 *   { event: org("ldld-hm", "upper"), meta: meta("org:hanoi") },
 *   { event: org("cdcs-a", "grassroots", "ldld-hm"), meta: meta("org:hanoi") },
 *   { event: org("cdcs-b", "grassroots", "ldld-hm"), meta: meta("org:hanoi") },
 *   { event: { _tag: "CampaignPlanned", campaignId: "hm-2020", tenantId: "hanoi", issuerId: "ldld-hm", title: "Phong trào 2020", form: "regular", period: { start: "2020-01-01", end: "2020-12-31" }, sectors: [], titlesOffered: [], regime: "R2003", at: "2019-12-20" }, meta: meta("campaign:hm-2020") },
 *   { event: { _tag: "ParticipantEnrolled", unitId: "cdcs-a", sector: "enterprise", at: "2020-01-05" }, meta: meta("campaign:hm-2020") }
 * ] as never[]
 * const state = log.reduce((s, { event, meta }) => Participation.projection.apply(s, event, meta), Participation.projection.init())
 * assert.deepEqual(Participation.enrolment(state, "hm-2020"), { enrolled: 1, eligible: 2, members: { enrolled: 50, eligible: 100 }, notEnrolled: ["cdcs-b"] })
 * ```
 *
 * @since 0.1.0
 */
export const enrolment = (state: State, campaignId: string): Enrolment | undefined => {
  const c = state.campaigns.get(campaignId)
  if (c === undefined) return undefined
  const cluster = c.clusterId === undefined ? undefined : state.clusters.get(c.clusterId)
  const eligible: ReadonlyArray<string> =
    cluster ??
    subtree(state, c.issuerId, c.period.start)
      .filter((o) => o.level === "grassroots")
      .map((o) => o.id)
  const members = (ids: Iterable<string>) => {
    let n = 0
    for (const id of ids) n += state.organizations.get(id)?.members ?? 0
    return n
  }
  return {
    enrolled: c.enrolled.size,
    eligible: eligible.length,
    members: { enrolled: members(c.enrolled), eligible: members(eligible) },
    notEnrolled: eligible.filter((id) => !c.enrolled.has(id)).sort() as Array<Ids.OrganizationId>
  }
}

/**
 * How far a campaign reached at one level below its issuer.
 *
 * @since 0.1.0
 */
export interface LevelCoverage {
  readonly level: Organization.Level
  /** Organizations of the level below the issuer, in operation on the day. */
  readonly eligible: number
  /** Of them, those that planned a campaign in response, directly or down the cascade. */
  readonly planned: number
  /** Of them, those that launched one. */
  readonly launched: number
  /** `launched / eligible`. */
  readonly share: number
  /** Eligible organizations that launched nothing in response, by id. */
  readonly notLaunched: ReadonlyArray<Ids.OrganizationId>
}

/**
 * The cascade of a campaign, level by level below its issuer (levels with no organization left
 * out).
 *
 * @since 0.1.0
 */
export interface Coverage {
  readonly campaignId: Ids.CampaignId
  readonly issuerId: Ids.OrganizationId
  /** The day the hierarchy was read on. */
  readonly on: LocalDate.LocalDate
  readonly levels: ReadonlyArray<LevelCoverage>
}

/**
 * The cascade of a campaign: for each level below its issuer, how many organizations planned and
 * launched a campaign in response — to it, or to a campaign that responded to it, at any depth. A
 * response counts for the organization that issued it; cancelled later, it still launched. The
 * hierarchy is read on `on`, by default the day the campaign begins. `undefined` for a campaign
 * not planned in this tenant.
 *
 * @example
 * ```ts
 * import { Participation } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = (streamId: string) => ({ tenantId: "hanoi", streamId, version: 1, position: "1" as never, recordedAt: 0 })
 * const org = (organizationId: string, level: string, parentId?: string) => ({ event: { _tag: "OrganizationRegistered", organizationId, name: organizationId, level, validFrom: "2019-01-01", ...(parentId ? { parentId } : {}) }, meta: meta("org:hanoi") })
 * const plan = (campaignId: string, issuerId: string, parentCampaignId?: string) => ({ event: { _tag: "CampaignPlanned", campaignId, tenantId: "hanoi", issuerId, title: campaignId, form: "regular", period: { start: "2020-01-01", end: "2020-12-31" }, sectors: [], titlesOffered: [], regime: "R2003", at: "2019-12-20", ...(parentCampaignId ? { parentCampaignId } : {}) }, meta: meta(`campaign:${campaignId}`) })
 * const launch = (campaignId: string) => ({ event: { _tag: "CampaignLaunched", at: "2020-01-02" }, meta: meta(`campaign:${campaignId}`) })
 * const log = [
 *   org("ldld-hn", "federation"), org("ldld-hm", "upper", "ldld-hn"), org("ldld-bd", "upper", "ldld-hn"), org("cdcs-a", "grassroots", "ldld-hm"),
 *   plan("hn-2020", "ldld-hn"), launch("hn-2020"),
 *   plan("hm-2020", "ldld-hm", "hn-2020"), launch("hm-2020"),
 *   plan("bd-2020", "ldld-bd", "hn-2020"),
 *   plan("a-2020", "cdcs-a", "hm-2020"), launch("a-2020")
 * ] as never[]
 * const state = log.reduce((s, { event, meta }) => Participation.projection.apply(s, event, meta), Participation.projection.init())
 * const districts = Participation.coverage(state, "hn-2020")!.levels[0]!
 * assert.deepEqual([districts.level, districts.eligible, districts.planned, districts.launched], ["upper", 2, 2, 1])
 * assert.deepEqual(districts.notLaunched, ["ldld-bd"])
 * assert.equal(Participation.coverage(state, "hn-2020")!.levels[1]!.share, 1)
 * ```
 *
 * @since 0.1.0
 */
export const coverage = (state: State, campaignId: string, on?: LocalDate.LocalDate): Coverage | undefined => {
  const root = state.campaigns.get(campaignId)
  if (root === undefined) return undefined
  const day = on ?? root.period.start
  // Every campaign down the cascade; `seen` guards against a cycle of parent ids.
  const planned = new Set<string>()
  const launched = new Set<string>()
  const seen = new Set<string>([campaignId])
  const queue = [campaignId]
  for (let id = queue.shift(); id !== undefined; id = queue.shift())
    for (const childId of state.responses.get(id) ?? []) {
      const child = state.campaigns.get(childId)
      if (child === undefined || seen.has(childId)) continue
      seen.add(childId)
      queue.push(childId)
      planned.add(child.issuerId)
      if (child.launchedAt !== undefined) launched.add(child.issuerId)
    }
  const byLevel = new Map<Organization.Level, Array<Directory.Org>>()
  for (const o of subtree(state, root.issuerId, day)) {
    const list = byLevel.get(o.level)
    if (list === undefined) byLevel.set(o.level, [o])
    else list.push(o)
  }
  const levels = [...byLevel]
    .sort(([a], [b]) => Organization.rank(a) - Organization.rank(b))
    .map(([level, orgs]): LevelCoverage => {
      const done = orgs.filter((o) => launched.has(o.id)).length
      return {
        level,
        eligible: orgs.length,
        planned: orgs.filter((o) => planned.has(o.id)).length,
        launched: done,
        share: done / orgs.length,
        notLaunched: orgs
          .filter((o) => !launched.has(o.id))
          .map((o) => o.id)
          .sort()
      }
    })
  return { campaignId: root.campaignId, issuerId: root.issuerId, on: day, levels }
}

/**
 * A tenant's participation read model, from the read models in context (inline, or saved by a runner); `undefined` until its
 * first event. The queries of this module then apply to it, as in plain code.
 *
 * @since 0.1.0
 */
export const read = (
  tenantId: string
): Effect.Effect<State | undefined, ProjectionError.CorruptState, ReadModels.ReadModels> =>
  ReadModels.get(projection, tenantId)
