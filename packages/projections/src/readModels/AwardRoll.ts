/**
 * The award roll of a tenant: every award granted in its campaigns, by kind, by the level that
 * granted it and by recipient, with revocations applied (an award revoked stays on the roll, marked,
 * and drops out of the standing awards). Each entry names both acts: who granted the award, and,
 * once it was presented (trao tặng) at a ceremony, who presented it and when — often another
 * organization, as when the district chair presents an award of the city federation.
 *
 * Partitioned by tenant. An award id is unique within its campaign only, so the roll keys awards by
 * stream and id. Awards name their grantor by id; the level comes from the tenant's directory
 * stream (`OrganizationRegistered`), which the roll folds too. A grantor the roll has not seen
 * registered (another tenant's organization, a directory kept elsewhere) has no level, unless the
 * query is given a lookup of its own.
 *
 * @since 0.1.0
 */
import { AwardKind, type Event, type Ids, type LocalDate, Organization } from "@thidua/core"
import type { Effect } from "effect"
import * as Projection from "../Projection.js"
import type * as ProjectionError from "../ProjectionError.js"
import * as ReadModels from "../ReadModels.js"

/**
 * One award on the roll.
 *
 * @since 0.1.0
 */
export interface Entry {
  readonly awardId: Ids.AwardId
  /** The campaign it was granted in, from the stream's plan. */
  readonly campaignId: Ids.CampaignId | undefined
  readonly streamId: string
  readonly kind: AwardKind.AwardKind
  readonly recipient: Organization.Subject
  readonly grantedById: Ids.OrganizationId
  readonly basis: Event.Basis
  readonly period: LocalDate.Period
  readonly extraordinary: boolean
  readonly decisionNo: string | undefined
  /** The day it was granted. */
  readonly at: LocalDate.LocalDate
  /** Set when the award was presented: by whom (the grantor, or an organization between it and the recipient), where and when. */
  readonly presented: Presentation | undefined
  /** Set when the award was revoked. */
  readonly revoked: { readonly reason: Event.RevocationReason; readonly at: LocalDate.LocalDate } | undefined
}

/**
 * The presentation of an award (trao tặng).
 *
 * @since 0.3.0
 */
export interface Presentation {
  readonly presentedById: Ids.OrganizationId
  readonly ceremony: string | undefined
  readonly at: LocalDate.LocalDate
}

/**
 * The roll's state: the awards in the order granted, the campaign of each stream, and the level of
 * each registered organization.
 *
 * @since 0.1.0
 */
export interface State {
  readonly awards: Map<string, { -readonly [K in keyof Entry]: Entry[K] }>
  readonly campaigns: Map<string, Ids.CampaignId>
  readonly levels: Map<string, Organization.Level>
}

// A space never occurs in a stream name or an id.
const key = (streamId: string, awardId: string) => `${streamId} ${awardId}`

/**
 * The award roll projection, one state per tenant.
 *
 * @example
 * ```ts
 * import { AwardRoll, Projection } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const at = (streamId: string, i: number) => ({ tenantId: "hanoi", streamId, version: i, position: String(i) as never, recordedAt: 0 })
 * const period = { start: "2020-01-01", end: "2020-12-31" }
 * const grant = (awardId: string) => ({ _tag: "AwardGranted", awardId, recipient: { _tag: "Unit", organizationId: "cdcs-a" }, kind: "giay-khen", grantedById: "ldld-hm", reason: "Thành tích xuất sắc", basis: "campaign", period, extraordinary: false, at: "2021-01-15" })
 * const log = [
 *   { event: { _tag: "OrganizationRegistered", organizationId: "ldld-hm", name: "LĐLĐ quận Hoàng Mai", level: "upper", validFrom: "2019-01-01" }, meta: at("org:hanoi", 1) },
 *   { event: grant("kt-1"), meta: at("campaign:hm-2020", 20) },
 *   { event: grant("kt-1"), meta: at("campaign:hm-2021", 30) },
 *   { event: { _tag: "AwardRevoked", awardId: "kt-1", reason: "false-dossier", at: "2021-03-01" }, meta: at("campaign:hm-2020", 21) },
 *   { event: { _tag: "AwardPresented", awardId: "kt-1", presentedById: "ldld-hm", ceremony: "Hội nghị tổng kết", at: "2021-01-20" }, meta: at("campaign:hm-2021", 31) }
 * ] as never[]
 * const roll = Projection.fold(AwardRoll.projection, log).get("hanoi")!
 * assert.equal(AwardRoll.entries(roll).length, 2)
 * assert.deepEqual(AwardRoll.standing(roll).map((a) => a.streamId), ["campaign:hm-2021"])
 * assert.deepEqual(AwardRoll.standing(roll)[0]!.presented, { presentedById: "ldld-hm", ceremony: "Hội nghị tổng kết", at: "2021-01-20" })
 * assert.deepEqual([...AwardRoll.byLevel(roll)].map(([level, awards]) => [level, awards.length]), [["upper", 1]])
 * ```
 *
 * @since 0.1.0
 */
export const projection: Projection.Projection<State> = Projection.make<State>({
  name: "thidua.award-roll",
  // 2: entries carry their presentation.
  version: 2,
  init: () => ({ awards: new Map(), campaigns: new Map(), levels: new Map() }),
  partition: Projection.byTenant,
  handlers: {
    OrganizationRegistered: (state, e) => {
      state.levels.set(e.organizationId, e.level)
      return state
    },
    CampaignPlanned: (state, e, meta) => {
      state.campaigns.set(meta.streamId, e.campaignId)
      return state
    },
    AwardGranted: (state, e, meta) => {
      state.awards.set(key(meta.streamId, e.awardId), {
        awardId: e.awardId,
        campaignId: state.campaigns.get(meta.streamId),
        streamId: meta.streamId,
        kind: e.kind,
        recipient: e.recipient,
        grantedById: e.grantedById,
        basis: e.basis,
        period: e.period,
        extraordinary: e.extraordinary,
        decisionNo: e.decisionNo,
        at: e.at,
        presented: undefined,
        revoked: undefined
      })
      return state
    },
    AwardPresented: (state, e, meta) => {
      const a = state.awards.get(key(meta.streamId, e.awardId))
      // The campaign refuses a second presentation; were one recorded, it would replace the first, as in the campaign's state.
      if (a !== undefined) a.presented = { presentedById: e.presentedById, ceremony: e.ceremony, at: e.at }
      return state
    },
    AwardRevoked: (state, e, meta) => {
      const a = state.awards.get(key(meta.streamId, e.awardId))
      // A revocation annuls one grant; a second one changes nothing, as in the campaign.
      if (a !== undefined && a.revoked === undefined) a.revoked = { reason: e.reason, at: e.at }
      return state
    }
  }
})

/**
 * Every award, revoked ones included, in the order granted.
 *
 * @example
 * ```ts
 * import { AwardRoll } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * assert.deepEqual(AwardRoll.entries(AwardRoll.projection.init()), [])
 * ```
 *
 * @since 0.1.0
 */
export const entries = (state: State): ReadonlyArray<Entry> => [...state.awards.values()]

/**
 * The awards that stand: granted and not revoked.
 *
 * @example
 * ```ts
 * import { AwardRoll } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * assert.deepEqual(AwardRoll.standing(AwardRoll.projection.init()), [])
 * ```
 *
 * @since 0.1.0
 */
export const standing = (state: State): ReadonlyArray<Entry> => entries(state).filter((a) => a.revoked === undefined)

/**
 * The awards revoked.
 *
 * @example
 * ```ts
 * import { AwardRoll } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * assert.deepEqual(AwardRoll.revoked(AwardRoll.projection.init()), [])
 * ```
 *
 * @since 0.1.0
 */
export const revoked = (state: State): ReadonlyArray<Entry> => entries(state).filter((a) => a.revoked !== undefined)

const groupBy = <K>(awards: ReadonlyArray<Entry>, keyOf: (a: Entry) => K): ReadonlyMap<K, ReadonlyArray<Entry>> => {
  const out = new Map<K, Array<Entry>>()
  for (const a of awards) {
    const k = keyOf(a)
    const list = out.get(k)
    if (list === undefined) out.set(k, [a])
    else list.push(a)
  }
  return out
}

const kinds = Object.keys(AwardKind.catalogue) as ReadonlyArray<AwardKind.AwardKind>
const byCatalogue = (a: AwardKind.AwardKind, b: AwardKind.AwardKind) => kinds.indexOf(a) - kinds.indexOf(b)

/**
 * The standing awards by kind, in the catalogue's order.
 *
 * @example
 * ```ts
 * import { AwardKind } from "@thidua/core"
 * import { AwardRoll } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const period = { start: "2020-01-01", end: "2020-12-31" }
 * const events = [
 *   { _tag: "AwardGranted", awardId: "kt-1", recipient: { _tag: "Member", memberId: "m-1", organizationId: "cdcs-a" }, kind: "lao-dong-tien-tien", grantedById: "cdcs-a", reason: "Hoàn thành xuất sắc", basis: "campaign", period, extraordinary: false, at: "2021-01-15" }
 * ] as never[]
 * const state = events.reduce((s, e) => AwardRoll.projection.apply(s, e, meta), AwardRoll.projection.init())
 * const [[kind, awards]] = [...AwardRoll.byKind(state)]
 * assert.equal(AwardKind.catalogue[kind!].vi, "Lao động tiên tiến")
 * assert.equal(awards!.length, 1)
 * ```
 *
 * @since 0.1.0
 */
export const byKind = (state: State): ReadonlyMap<AwardKind.AwardKind, ReadonlyArray<Entry>> => {
  const groups = groupBy(standing(state), (a) => a.kind)
  return new Map([...groups].sort(([a], [b]) => byCatalogue(a, b)))
}

/**
 * The standing awards by the level of the organization that granted them, top level first; grantors
 * of unknown level under `"unknown"`, last. The level comes from `levelOf` when given, else from the
 * directory events the roll folded.
 *
 * @example
 * ```ts
 * import { AwardRoll } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const period = { start: "2020-01-01", end: "2020-12-31" }
 * const events = [
 *   { _tag: "AwardGranted", awardId: "kt-1", recipient: { _tag: "Unit", organizationId: "cdcs-a" }, kind: "bang-khen-ldld", grantedById: "ldld-hn", reason: "Thành tích xuất sắc", basis: "campaign", period, extraordinary: false, at: "2021-01-15" }
 * ] as never[]
 * const state = events.reduce((s, e) => AwardRoll.projection.apply(s, e, meta), AwardRoll.projection.init())
 * assert.deepEqual([...AwardRoll.byLevel(state).keys()], ["unknown"])
 * const levels: Record<string, "federation"> = { "ldld-hn": "federation" }
 * assert.deepEqual([...AwardRoll.byLevel(state, (id) => levels[id]).keys()], ["federation"])
 * ```
 *
 * @since 0.1.0
 */
export const byLevel = (
  state: State,
  levelOf: (organizationId: Ids.OrganizationId) => Organization.Level | undefined = (id) => state.levels.get(id)
): ReadonlyMap<Organization.Level | "unknown", ReadonlyArray<Entry>> => {
  const groups = groupBy(standing(state), (a): Organization.Level | "unknown" => levelOf(a.grantedById) ?? "unknown")
  const rank = (l: Organization.Level | "unknown") =>
    l === "unknown" ? Number.POSITIVE_INFINITY : Organization.rank(l)
  return new Map([...groups].sort(([a], [b]) => rank(a) - rank(b)))
}

/**
 * The standing awards by recipient, keyed by `Organization.subjectKey` (`unit:<id>`,
 * `member:<id>`), in the order first awarded.
 *
 * @example
 * ```ts
 * import { Organization } from "@thidua/core"
 * import { AwardRoll } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const period = { start: "2020-01-01", end: "2020-12-31" }
 * const member = { _tag: "Member", memberId: "m-1", organizationId: "cdcs-a" } as const
 * const grant = (awardId: string, kind: string) => ({ _tag: "AwardGranted", awardId, recipient: member, kind, grantedById: "cdcs-a", reason: "Xuất sắc", basis: "campaign", period, extraordinary: false, at: "2021-01-15" })
 * const events = [grant("kt-1", "lao-dong-tien-tien"), grant("kt-2", "chien-si-thi-dua-co-so")] as never[]
 * const state = events.reduce((s, e) => AwardRoll.projection.apply(s, e, meta), AwardRoll.projection.init())
 * assert.equal(AwardRoll.byRecipient(state).get(Organization.subjectKey(member as never))?.length, 2)
 * ```
 *
 * @since 0.1.0
 */
export const byRecipient = (state: State): ReadonlyMap<string, ReadonlyArray<Entry>> =>
  groupBy(standing(state), (a) => Organization.subjectKey(a.recipient))

/**
 * A tenant's award roll, from the read models in context (inline, or saved by a runner); `undefined` until its
 * first event. The queries of this module then apply to it, as in plain code.
 *
 * @since 0.1.0
 */
export const read = (
  tenantId: string
): Effect.Effect<State | undefined, ProjectionError.CorruptState, ReadModels.ReadModels> =>
  ReadModels.get(projection, tenantId)
