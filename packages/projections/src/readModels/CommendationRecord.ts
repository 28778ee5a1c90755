/**
 * The commendation record (hồ sơ thi đua, khen thưởng) of a tenant as a read model: core's
 * `Record.State`, folded with `Record.apply` over every event of the tenant's directory and
 * campaign streams (process streams are skipped), across campaigns and years. It is what the
 * eligibility engine (`Eligibility.eligibility`, `Eligibility.explain`) reads, and what a page of
 * a member's or a unit's titles, forms, ratings and initiatives shows (`Record.years`).
 *
 * Partitioned by tenant. The record is folded in place, and one grant (one initiative) is held
 * twice in it: on its recipient, and in the index a revocation (a recognition) finds it by. A
 * store that keeps states as JSON (`SqlReadModelStore`, `Inline.layerSql`) gives the two back as
 * two copies, so the fold links them again the first time it meets a state it did not make: a
 * revocation folded after a reload still marks the recipient's grant.
 *
 * @since 0.6.0
 */
import { Record, Stream } from "@thidua/core"
import type { Effect } from "effect"
import * as Projection from "../Projection.js"
import type * as ProjectionError from "../ProjectionError.js"
import * as ReadModels from "../ReadModels.js"

/**
 * The state: core's commendation record of the tenant.
 *
 * @since 0.6.0
 */
export type State = Record.State

// The states this module made, or linked again after a copy that kept no shared objects.
const linked = new WeakSet<State>()

const init = (): State => {
  const state = Record.empty()
  linked.add(state)
  return state
}

// The indexes point at the grants and initiatives the subjects hold again (their keys are the
// ones `Record.apply` writes: `campaignId/awardId`, `campaignId/initiativeId`).
const relink = (state: State): void => {
  for (const subjects of [state.members.values(), state.units.values()])
    for (const held of subjects) {
      for (const g of held.grants) state.awards.set(`${g.campaignId}/${g.awardId}`, g)
      for (const i of held.initiatives) state.initiatives.set(`${i.campaignId}/${i.initiativeId}`, i)
    }
  linked.add(state)
}

/**
 * The commendation record projection, one state per tenant.
 *
 * @example
 * ```ts
 * import { Record } from "@thidua/core"
 * import { CommendationRecord, Projection } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const at = (streamId: string, i: number) => ({ tenantId: "hanoi", streamId, version: i, position: String(i) as never, recordedAt: 0 })
 * const worker = { _tag: "Member", memberId: "m-1", organizationId: "cdcs-a" } as const
 * const grant = { _tag: "AwardGranted", awardId: "kt-1", recipient: worker, kind: "lao-dong-tien-tien", grantedById: "cdcs-a", reason: "Hoàn thành tốt nhiệm vụ", basis: "campaign", period: { start: "2020-01-01", end: "2020-12-31" }, extraordinary: false, at: "2021-01-12" }
 * const log = [
 *   { event: { _tag: "MemberRated", memberId: "m-1", year: 2020, rating: "good", ratedById: "cdcs-a", at: "2020-12-20" }, meta: at("org:hanoi", 1) },
 *   { event: grant, meta: at("campaign:hm-2020", 2) },
 *   { event: { _tag: "AwardRevoked", awardId: "kt-1", reason: "false-dossier", at: "2021-03-01" }, meta: at("campaign:hm-2020", 3) }
 * ] as never[]
 * const record = Projection.fold(CommendationRecord.projection, log).get("hanoi")!
 * assert.deepEqual(Record.years(record, worker as never), [{
 *   year: 2020, rating: "good", initiatives: [], registered: false,
 *   grants: [{ awardId: "kt-1", campaignId: "hm-2020", kind: "lao-dong-tien-tien", grantedById: "cdcs-a", decisionNo: undefined, revoked: true }]
 * }])
 * ```
 *
 * @since 0.6.0
 */
export const projection: Projection.Projection<State> = {
  name: "thidua.commendation-record",
  version: 1,
  init,
  apply: (state, event, meta) => {
    if (Stream.kindOf(meta.streamId) === "process") return state
    if (!linked.has(state)) relink(state)
    return Record.apply(state, event, meta.streamId)
  },
  partition: Projection.byTenant,
  partitionByStream: true,
  // Every domain event: the record decides what it reads, and counts the rest.
  tags: undefined
}

/**
 * A tenant's commendation record, from the read models in context (inline, or saved by a runner);
 * `undefined` until its first event. `Record.years`, `Eligibility.eligibility` and the other
 * functions of core then apply to it.
 *
 * @since 0.6.0
 */
export const read = (
  tenantId: string
): Effect.Effect<State | undefined, ProjectionError.CorruptState, ReadModels.ReadModels> =>
  ReadModels.get(projection, tenantId)
