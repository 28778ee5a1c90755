/**
 * The members' commands and events (hồ sơ đoàn viên), kept in the tenant's directory stream: the
 * person behind an actor, the unit that manages them, when they were recruited, their leave, their
 * discipline, their yearly rating, the seats they hold on executive committees and councils, and
 * the units' yearly ratings. The commendation record and the eligibility engine read them.
 *
 * The personal data is the least the rules need (docs/concepts/members.md): a name as the unit
 * writes it, a recruitment date, an optional gender (for the titles of female members); no birth
 * date, no identity number, no address.
 *
 * @since 0.6.0
 */
import { Schema } from "effect"
import { MemberId, OrganizationId } from "../Ids.js"
import { base, Count, FreeText, Name } from "../internal/shapes.js"
import { LocalDate, Period } from "../LocalDate.js"

/** A calendar year, as the rules count titles. @since 0.6.0 */
export const Year = Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2199 }))

/**
 * A yearly rating (xếp loại): `excellent` hoàn thành xuất sắc nhiệm vụ, `good` hoàn thành tốt
 * nhiệm vụ, `completed` hoàn thành nhiệm vụ, `not-completed` không hoàn thành nhiệm vụ. Members are
 * rated by their unit; grassroots unions by the level above (rule E1).
 *
 * @since 0.6.0
 */
export const Rating = Schema.Literals(["excellent", "good", "completed", "not-completed"])
/** @since 0.6.0 */
export type Rating = typeof Rating.Type

/**
 * A disciplinary measure, from the lightest: `reprimand` khiển trách, `warning` cảnh cáo,
 * `demotion` hạ bậc lương / cách chức, `dismissal` buộc thôi việc; `administrative` is an
 * administrative sanction (xử phạt hành chính).
 *
 * @since 0.6.0
 */
export const DisciplineLevel = Schema.Literals(["reprimand", "warning", "demotion", "dismissal", "administrative"])
/** @since 0.6.0 */
export type DisciplineLevel = typeof DisciplineLevel.Type

/** Why a member was away: maternity leave is counted as work time; the others are not. @since 0.6.0 */
export const LeaveKind = Schema.Literals(["maternity", "sick", "unpaid", "other"])
/** @since 0.6.0 */
export type LeaveKind = typeof LeaveKind.Type

/**
 * Why a member left the union's rolls: `resigned` (thôi việc), `retired` (nghỉ hưu), `dismissed`
 * (buộc thôi việc), `moved-away` (chuyển công tác ra ngoài), `deceased` (từ trần), `other`.
 *
 * @since 0.6.0
 */
export const DepartureReason = Schema.Literals(["resigned", "retired", "dismissed", "moved-away", "deceased", "other"])
/** @since 0.6.0 */
export type DepartureReason = typeof DepartureReason.Type

/** A body a member sits on: the executive committee (Ban Chấp hành) or the emulation council (Hội đồng TĐKT). @since 0.6.0 */
export const Body = Schema.Literals(["executive", "council"])
/** @since 0.6.0 */
export type Body = typeof Body.Type

/** An optional gender, for the titles of female members (Giỏi việc nước, đảm việc nhà). @since 0.6.0 */
export const Gender = Schema.Literals(["female", "male"])
/** @since 0.6.0 */
export type Gender = typeof Gender.Type

// commands

/** Register a member with the unit that manages them and the day they were recruited. @since 0.6.0 */
export const RegisterMember = Schema.TaggedStruct("RegisterMember", {
  ...base,
  memberId: MemberId,
  name: Name,
  organizationId: OrganizationId,
  recruitedOn: LocalDate,
  gender: Schema.optionalKey(Gender)
})

/** Move a member to another unit from `at`. @since 0.6.0 */
export const TransferMember = Schema.TaggedStruct("TransferMember", {
  ...base,
  memberId: MemberId,
  organizationId: OrganizationId
})

/** Record that a member left the union's rolls from `at` (their last day was the day before). @since 0.6.0 */
export const RecordDeparture = Schema.TaggedStruct("RecordDeparture", {
  ...base,
  memberId: MemberId,
  reason: DepartureReason
})

/** Record a member's leave, with the working days it took. @since 0.6.0 */
export const RecordLeave = Schema.TaggedStruct("RecordLeave", {
  ...base,
  memberId: MemberId,
  kind: LeaveKind,
  period: Period,
  workingDays: Count
})

/** Record a disciplinary measure against a member, effective on `at`. @since 0.6.0 */
export const RecordDiscipline = Schema.TaggedStruct("RecordDiscipline", {
  ...base,
  memberId: MemberId,
  level: DisciplineLevel,
  decisionNo: Schema.optionalKey(Name),
  notes: Schema.optionalKey(FreeText)
})

/** Rate a member for a year (đánh giá, xếp loại). @since 0.6.0 */
export const RateMember = Schema.TaggedStruct("RateMember", {
  ...base,
  memberId: MemberId,
  year: Year,
  rating: Rating
})

/** Rate a unit for a year; the level above it rates it (rule E1). @since 0.6.0 */
export const RateUnit = Schema.TaggedStruct("RateUnit", {
  ...base,
  organizationId: OrganizationId,
  year: Year,
  rating: Rating,
  points: Schema.optionalKey(Count)
})

/** Seat a member on a body of an organization from `at` (until `until`, when known). @since 0.6.0 */
export const AssignSeat = Schema.TaggedStruct("AssignSeat", {
  ...base,
  memberId: MemberId,
  organizationId: OrganizationId,
  body: Body,
  until: Schema.optionalKey(LocalDate)
})

/** End a member's seat on a body from `at`. @since 0.6.0 */
export const EndSeat = Schema.TaggedStruct("EndSeat", {
  ...base,
  memberId: MemberId,
  organizationId: OrganizationId,
  body: Body
})

// events

/** A member was registered (kết nạp, tiếp nhận hồ sơ). @since 0.6.0 */
export const MemberRegistered = Schema.TaggedStruct("MemberRegistered", {
  memberId: MemberId,
  name: Name,
  organizationId: OrganizationId,
  recruitedOn: LocalDate,
  gender: Schema.optionalKey(Gender),
  at: LocalDate
})

/** A member moved to another unit. @since 0.6.0 */
export const MemberTransferred = Schema.TaggedStruct("MemberTransferred", {
  memberId: MemberId,
  organizationId: OrganizationId,
  at: LocalDate
})

/** A member left the union's rolls; from `at` they belong to no unit and hold no seat. @since 0.6.0 */
export const MemberLeft = Schema.TaggedStruct("MemberLeft", {
  memberId: MemberId,
  reason: DepartureReason,
  at: LocalDate
})

/** A member's leave was recorded. @since 0.6.0 */
export const LeaveRecorded = Schema.TaggedStruct("LeaveRecorded", {
  memberId: MemberId,
  kind: LeaveKind,
  period: Period,
  workingDays: Count
})

/** A disciplinary measure was recorded. @since 0.6.0 */
export const DisciplineRecorded = Schema.TaggedStruct("DisciplineRecorded", {
  memberId: MemberId,
  level: DisciplineLevel,
  decisionNo: Schema.optionalKey(Name),
  notes: Schema.optionalKey(FreeText),
  at: LocalDate
})

/** A member was rated for a year. @since 0.6.0 */
export const MemberRated = Schema.TaggedStruct("MemberRated", {
  memberId: MemberId,
  year: Year,
  rating: Rating,
  ratedById: OrganizationId,
  at: LocalDate
})

/** A unit was rated for a year by the level above it. @since 0.6.0 */
export const UnitRated = Schema.TaggedStruct("UnitRated", {
  organizationId: OrganizationId,
  year: Year,
  rating: Rating,
  points: Schema.optionalKey(Count),
  ratedById: OrganizationId,
  at: LocalDate
})

/** A member took a seat on a body. @since 0.6.0 */
export const SeatAssigned = Schema.TaggedStruct("SeatAssigned", {
  memberId: MemberId,
  organizationId: OrganizationId,
  body: Body,
  from: LocalDate,
  to: Schema.optionalKey(LocalDate)
})

/** A member's seat ended (the day before `at` was its last). @since 0.6.0 */
export const SeatEnded = Schema.TaggedStruct("SeatEnded", {
  memberId: MemberId,
  organizationId: OrganizationId,
  body: Body,
  at: LocalDate
})
