/**
 * The commendation record (hồ sơ thi đua, khen thưởng) as data: per member and per unit, the titles
 * and forms received with their basis campaign, decision and grantor, the revocations applied, the
 * initiatives recognised, the registrations, the yearly ratings, the leave and the discipline.
 *
 * @internal
 */
import type { AwardKind } from "../AwardKind.js"
import type { RevocationReason } from "../Event.js"
import type { Basis, RecognitionLevel } from "../internal/shapes.js"
import type { LocalDate, Period } from "../LocalDate.js"
import type { DisciplineLevel, Gender, LeaveKind, Rating } from "../member/schema.js"

/** A title or form received. @since 0.6.0 */
export interface Grant {
  readonly awardId: string
  readonly campaignId: string
  readonly kind: AwardKind
  readonly grantedById: string
  readonly decisionNo?: string
  readonly basis: Basis
  readonly period: Period
  /** The year the award is for: the year its period ends. */
  readonly year: number
  readonly at: LocalDate
  readonly extraordinary: boolean
  /** Set once revoked (rule V1): a revoked grant counts for nothing. */
  revoked?: { readonly reason: RevocationReason; readonly at: LocalDate }
}

/** An initiative of the subject, as the record counts it: recognised, and at which scope (rules I1, I2). @since 0.6.0 */
export interface Initiative {
  readonly initiativeId: string
  readonly campaignId: string
  readonly title: string
  readonly benefitVnd: number
  /** The year it was recorded: the year of the achievement. */
  readonly year: number
  applied: boolean
  scope?: RecognitionLevel
  rejected: boolean
}

/** A leave taken. @since 0.6.0 */
export interface Leave {
  readonly kind: LeaveKind
  readonly period: Period
  readonly workingDays: number
}

/** A disciplinary measure. @since 0.6.0 */
export interface Discipline {
  readonly level: DisciplineLevel
  readonly at: LocalDate
  readonly decisionNo?: string
}

/** What the record holds for any subject, member or unit. @since 0.6.0 */
export interface Subject {
  readonly key: string
  readonly grants: Array<Grant>
  readonly initiatives: Array<Initiative>
  /** Years the subject registered for emulation (approved registration or signed covenant; rule G1). */
  readonly registered: Set<number>
  readonly ratings: Map<number, Rating>
}

/** A member's record. @since 0.6.0 */
export interface Member extends Subject {
  readonly memberId: string
  /** Whether the directory knows the member (registered with a recruitment date). */
  known: boolean
  name?: string
  recruitedOn?: LocalDate
  gender?: Gender
  /** The unit managing the member from each date on. */
  readonly units: Array<{ readonly organizationId: string; readonly from: LocalDate }>
  readonly leave: Array<Leave>
  readonly discipline: Array<Discipline>
  /** The first day off the union's rolls, once the member left: from then on they count in no unit. */
  leftOn?: LocalDate
}

/** A unit's record. @since 0.6.0 */
export interface Unit extends Subject {
  readonly organizationId: string
}

/** A cluster (cụm, khối) as formed for a year. @since 0.6.0 */
export interface Cluster {
  readonly clusterId: string
  readonly year: number
  readonly memberIds: ReadonlyArray<string>
  readonly headId?: string
}

/**
 * The record of a tenant. It is folded in place, event by event (a projection owns its record):
 * copying maps per event made the fold quadratic.
 *
 * @since 0.6.0
 */
export interface State {
  readonly members: Map<string, Member>
  readonly units: Map<string, Unit>
  readonly clusters: Map<string, Cluster>
  /** `campaignId/awardId` to the grant, for revocations. */
  readonly awards: Map<string, Grant>
  /** `campaignId/initiativeId` to the initiative. */
  readonly initiatives: Map<string, Initiative>
  /** `campaignId/pledgeId` to the registered subjects and the years the pledge covers. */
  readonly pledges: Map<string, { readonly keys: ReadonlyArray<string>; readonly years: ReadonlyArray<number> }>
  /** Campaign id to its theme (or title): thematic certificates are counted per theme (rule U4). */
  readonly themes: Map<string, string>
  /** Events folded. */
  events: number
}
