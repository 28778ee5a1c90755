/**
 * The commendation record (hồ sơ thi đua, khen thưởng): across campaigns and years, per member and
 * per unit, the titles and forms received (basis campaign, decision number, granting organization),
 * the revocations applied, the initiatives recognised and their scope, the registrations, the
 * yearly ratings, the leave and the discipline. It is a fold over a tenant's whole log — the
 * directory's member events and every campaign's — that the eligibility engine reads, the command
 * handler keeps caught up for `GrantAward` and nomination decisions, and
 * `@thidua/projections` serves as a read model.
 *
 * A revoked grant stays in the record, marked; every rule skips it, so revoking a title breaks each
 * chain it was part of (rule V1), and {@link Eligibility.review} names the grants that stood on it.
 *
 * @since 0.6.0
 */

import type { DomainEvent } from "./Event.js"
import { unitOn, yearEnd } from "./eligibility/input.js"
import type { Subject } from "./Organization.js"
import { apply as applyEvent, empty as emptyState } from "./record/evolve.js"
import type { Subject as Held, Member, State } from "./record/state.js"

export type {
  /** @since 0.6.0 */
  Cluster,
  /** @since 0.6.0 */
  Discipline,
  /** @since 0.6.0 */
  Grant,
  /** @since 0.6.0 */
  Initiative,
  /** @since 0.6.0 */
  Leave,
  /** @since 0.6.0 */
  Member,
  /** @since 0.6.0 */
  State,
  /** @since 0.6.0 */
  Subject as Held,
  /** @since 0.6.0 */
  Unit
} from "./record/state.js"

/**
 * An empty record.
 *
 * @example
 * ```ts
 * import { Record } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Record.empty().members.size, 0)
 * ```
 *
 * @since 0.6.0
 */
export const empty: () => State = emptyState

/**
 * Folds one event of a tenant's log into the record, in place, and returns it; `streamId` tells
 * a campaign's events apart (`campaign:<id>`). Events the record does not read are skipped.
 *
 * @example
 * ```ts
 * import { Record } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const r = Record.apply(Record.empty(), { _tag: "AwardGranted", awardId: "a-1", recipient: { _tag: "Member", memberId: "m-1", organizationId: "cdcs-1" }, kind: "lao-dong-tien-tien", grantedById: "cdcs-1", reason: "…", basis: "campaign", period: { start: "2024-01-01", end: "2024-12-31" }, extraordinary: false, at: "2025-01-10" } as never, "campaign:c-1")
 * assert.equal(Record.member(r, "m-1")?.grants[0]?.year, 2024)
 * ```
 *
 * @since 0.6.0
 */
export const apply: (record: State, event: DomainEvent, streamId: string) => State = applyEvent

/**
 * A record folded from events and their streams, in log order.
 *
 * @example
 * ```ts
 * import { Record } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const r = Record.fromEvents([{ streamId: "org:hn", event: { _tag: "UnitRated", organizationId: "cdcs-1", year: 2024, rating: "excellent", ratedById: "ldld-q", at: "2024-12-28" } }] as never)
 * assert.equal(Record.unit(r, "cdcs-1")?.ratings.get(2024), "excellent")
 * ```
 *
 * @since 0.6.0
 */
export const fromEvents = (events: Iterable<{ readonly streamId: string; readonly event: DomainEvent }>): State => {
  const r = emptyState()
  for (const e of events) applyEvent(r, e.event, e.streamId)
  return r
}

const unitRegistered = (record: State, held: Held, year: number): boolean => {
  if (!("memberId" in held)) return false
  const unit = unitOn(held as Member, yearEnd(year))
  return unit !== undefined && (record.units.get(unit)?.registered.has(year) ?? false)
}

/** A member's record, if the record met them. @since 0.6.0 */
export const member = (record: State, memberId: string) => record.members.get(memberId)

/** A unit's record, if the record met it. @since 0.6.0 */
export const unit = (record: State, organizationId: string) => record.units.get(organizationId)

/** The record of a subject, member or unit. @since 0.6.0 */
export const of = (record: State, subject: Subject) =>
  subject._tag === "Member" ? record.members.get(subject.memberId) : record.units.get(subject.organizationId)

/**
 * A subject's record year by year, as plain data for a page or a report: each year's rating,
 * titles and forms (revoked ones marked), and initiatives with their scope and benefit.
 *
 * @example
 * ```ts
 * import { Record } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const r = Record.fromEvents([{ streamId: "org:hn", event: { _tag: "UnitRated", organizationId: "cdcs-1", year: 2024, rating: "good", ratedById: "ldld-q", at: "2024-12-28" } }] as never)
 * assert.deepEqual(Record.years(r, { _tag: "Unit", organizationId: "cdcs-1" } as never), [{ year: 2024, rating: "good", grants: [], initiatives: [], registered: false }])
 * ```
 *
 * @since 0.6.0
 */
export const years = (record: State, subject: Subject) => {
  const held = of(record, subject)
  if (held === undefined) return []
  const ys = new Set<number>([
    ...held.ratings.keys(),
    ...held.registered,
    ...held.grants.map((g) => g.year),
    ...held.initiatives.map((i) => i.year)
  ])
  return [...ys]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      rating: held.ratings.get(year),
      grants: held.grants
        .filter((g) => g.year === year)
        .map((g) => ({
          awardId: g.awardId,
          campaignId: g.campaignId,
          kind: g.kind,
          grantedById: g.grantedById,
          decisionNo: g.decisionNo,
          revoked: g.revoked !== undefined
        })),
      initiatives: held.initiatives
        .filter((i) => i.year === year)
        .map((i) => ({
          initiativeId: i.initiativeId,
          title: i.title,
          scope: i.scope,
          benefitVnd: i.benefitVnd,
          applied: i.applied
        })),
      // A member counts as registered when their unit did (rule G1).
      registered: held.registered.has(year) || unitRegistered(record, held, year)
    }))
}
