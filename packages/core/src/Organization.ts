/**
 * The vocabulary of the union hierarchy: levels, sectors, the roles an actor can hold, and the
 * subjects (units or members) that pledges, scores and awards are about.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { MemberId, OrganizationId } from "./Ids.js"

/**
 * The level of an organization, from the top of the union hierarchy down:
 * `confederation` (Tổng LĐLĐ Việt Nam), `federation` (LĐLĐ tỉnh/thành phố, công đoàn ngành trung
 * ương), `upper` (công đoàn cấp trên trực tiếp cơ sở: LĐLĐ quận/huyện), `grassroots` (công đoàn cơ
 * sở) and `group` (tổ công đoàn).
 *
 * @since 0.1.0
 */
export const Level = Schema.Literals(["confederation", "federation", "upper", "grassroots", "group"])
/** @since 0.1.0 */
export type Level = typeof Level.Type

const ranks: Record<Level, number> = { confederation: 0, federation: 1, upper: 2, grassroots: 3, group: 4 }

/**
 * The rank of a level: 0 at the top. A parent always has a smaller rank than its children.
 *
 * @example
 * ```ts
 * import { Organization } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.ok(Organization.rank("federation") < Organization.rank("grassroots"))
 * ```
 *
 * @since 0.1.0
 */
export const rank = (level: Level): number => ranks[level]

/** Labels of each level, in Vietnamese and English. @since 0.1.0 */
export const levelLabels: Record<Level, { readonly vi: string; readonly en: string }> = {
  confederation: { vi: "Tổng Liên đoàn Lao động Việt Nam", en: "Vietnam General Confederation of Labour" },
  federation: { vi: "Liên đoàn Lao động tỉnh, thành phố", en: "Provincial or city labour federation" },
  upper: { vi: "Công đoàn cấp trên trực tiếp cơ sở", en: "Immediate upper-level union" },
  grassroots: { vi: "Công đoàn cơ sở", en: "Grassroots union" },
  group: { vi: "Tổ công đoàn", en: "Union group" }
}

/**
 * A sector (khối): enterprises (khối doanh nghiệp) or administrative and public-service bodies
 * (khối hành chính sự nghiệp).
 *
 * @since 0.1.0
 */
export const Sector = Schema.Literals(["enterprise", "administrative"])
/** @since 0.1.0 */
export type Sector = typeof Sector.Type

/**
 * The role an actor holds in its organization: `executive` (Ban Chấp hành, Ban Thường vụ: launches,
 * decides and grants), `council` (Hội đồng Thi đua – Khen thưởng: deliberates) or `officer` (cán bộ
 * công đoàn: records the day-to-day work).
 *
 * @since 0.1.0
 */
export const Role = Schema.Literals(["executive", "council", "officer"])
/** @since 0.1.0 */
export type Role = typeof Role.Type

/**
 * Who issues a command: an organization and the role acting for it, and from 0.6.0 optionally the
 * member acting (`memberId`), who must then hold the seat the role needs there on the day (rule
 * AUTH-SEAT). Without `memberId` the role alone is checked, as before members were data.
 *
 * @example
 * ```ts
 * import { Organization } from "@thidua/core"
 * import { Schema } from "effect"
 * import assert from "node:assert"
 *
 * const actor = Schema.decodeUnknownSync(Organization.Actor)({
 *   organizationId: "ldld-hoang-mai",
 *   role: "executive",
 *   memberId: "m-nguyen-thi-lan"
 * })
 * assert.equal(actor.memberId, "m-nguyen-thi-lan")
 * ```
 *
 * @since 0.1.0
 */
export const Actor = Schema.Struct({
  organizationId: OrganizationId,
  role: Role,
  /** @since 0.6.0 */
  memberId: Schema.optionalKey(MemberId)
})
/** @since 0.1.0 */
export type Actor = typeof Actor.Type

/** A collective subject: a unit of the hierarchy. @since 0.1.0 */
export const UnitSubject = Schema.TaggedStruct("Unit", { organizationId: OrganizationId })
/** An individual subject: a member, with the unit that manages them. @since 0.1.0 */
export const MemberSubject = Schema.TaggedStruct("Member", { memberId: MemberId, organizationId: OrganizationId })

/**
 * Whom a pledge, a nomination or an award is about: a unit (tập thể) or a member (cá nhân). A
 * member always names the unit that manages them, which is where authorization and routing start.
 *
 * @example
 * ```ts
 * import { Organization } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const s = Organization.MemberSubject.make({ memberId: "m-1", organizationId: "cdcs-trung-thanh" } as never)
 * assert.equal(Organization.subjectKey(s), "member:m-1")
 * ```
 *
 * @since 0.1.0
 */
export const Subject = Schema.Union([UnitSubject, MemberSubject])
/** @since 0.1.0 */
export type Subject = typeof Subject.Type

/** A stable string key of a subject, for maps and uniqueness checks. @since 0.1.0 */
export const subjectKey = (s: Subject): string =>
  s._tag === "Unit" ? `unit:${s.organizationId}` : `member:${s.memberId}`

/**
 * Whom a registration is for: its subject, or else its first signer (a unit registering itself).
 * The campaign decider, the projections and the testing kit all read a registration this way.
 *
 * @example
 * ```ts
 * import { Organization } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const unit = Organization.registrationSubject({ signerIds: ["cdcs-trung-thanh"] as never })
 * assert.equal(Organization.subjectKey(unit), "unit:cdcs-trung-thanh")
 * ```
 *
 * @since 0.3.0
 */
export const registrationSubject = (pledge: {
  readonly subject?: Subject | undefined
  readonly signerIds: ReadonlyArray<OrganizationId>
}): Subject => pledge.subject ?? { _tag: "Unit", organizationId: pledge.signerIds[0] as OrganizationId }
