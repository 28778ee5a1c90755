/**
 * Branded identifiers. Each id is a non-empty string of at most 64 characters drawn from letters,
 * digits, `-`, `_`, `.` and `:`, so ids are safe in stream names, URLs and SQL keys alike, and an
 * id of one kind cannot be passed where another is expected.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

// What each ASCII char may be in an id: a letter or a digit anywhere, `-`, `_`, `.` and `:` after
// the first char (one table read a char: a third faster than comparing ranges, and a rebuild reads
// three or four ids an event).
const letterOrDigit = 1
const idChars = new Uint8Array(128)
for (let c = 0; c < 128; c++)
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) idChars[c] = letterOrDigit
for (const c of "-_.:") idChars[c.charCodeAt(0)] = 2

/**
 * Whether a value is an id of any kind, by the pattern of every id, read by char codes: the
 * compiled validators run it instead of the RegExp (a rebuild checks three ids an event), and
 * hosts' edges (the engine's principal) check ids with it. A test holds the two to the same answers.
 *
 * @example
 * ```ts
 * import { Ids } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.ok(Ids.isId("cdcs-trung-thanh"))
 * assert.ok(!Ids.isId("-leading-dash"))
 * assert.ok(!Ids.isId("a".repeat(65)))
 * ```
 *
 * @category guards
 * @since 0.7.0
 */
export const isId = (u: unknown): u is string => {
  if (typeof u !== "string") return false
  const n = u.length
  if (n === 0 || n > 64) return false
  const first = u.charCodeAt(0)
  if (first > 127 || idChars[first] !== letterOrDigit) return false
  for (let i = 1; i < n; i++) {
    const c = u.charCodeAt(i)
    if (c > 127 || idChars[c] === 0) return false
  }
  return true
}

// The `u` flag changes nothing for an ASCII pattern; Effect exports only such patterns to JSON
// Schema (docs/reference/json-schema).
const idString = Schema.String.check(
  Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/u, {
    expected: "an id: 1-64 letters, digits, '-', '_', '.' or ':', starting with a letter or digit",
    "thidua/vi":
      "phải là một mã định danh: 1–64 chữ cái, chữ số, '-', '_', '.' hoặc ':', bắt đầu bằng chữ cái hoặc chữ số",
    "thidua/holds": isId
  })
)

/**
 * The tenant: one federation's installation. Data of two tenants never meet.
 *
 * @example
 * ```ts
 * import { Ids } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const tenant = Ids.TenantId.make("hanoi")
 * assert.equal(tenant, "hanoi")
 * assert.throws(() => Ids.TenantId.make("has space"))
 * ```
 *
 * @since 0.1.0
 */
export const TenantId = idString.pipe(Schema.brand("TenantId"))
/** @since 0.1.0 */
export type TenantId = typeof TenantId.Type

/** A node of the union hierarchy (tổ chức Công đoàn). @since 0.1.0 */
export const OrganizationId = idString.pipe(Schema.brand("OrganizationId"))
/** @since 0.1.0 */
export type OrganizationId = typeof OrganizationId.Type

/** An emulation cluster or block (cụm / khối thi đua). @since 0.1.0 */
export const ClusterId = idString.pipe(Schema.brand("ClusterId"))
/** @since 0.1.0 */
export type ClusterId = typeof ClusterId.Type

/** A campaign (phong trào thi đua). @since 0.1.0 */
export const CampaignId = idString.pipe(Schema.brand("CampaignId"))
/** @since 0.1.0 */
export type CampaignId = typeof CampaignId.Type

/** A phase of a campaign (đợt thi đua). @since 0.1.0 */
export const PhaseId = idString.pipe(Schema.brand("PhaseId"))
/** @since 0.1.0 */
export type PhaseId = typeof PhaseId.Type

/** A covenant or a registration (giao ước / đăng ký thi đua). @since 0.1.0 */
export const PledgeId = idString.pipe(Schema.brand("PledgeId"))
/** @since 0.1.0 */
export type PledgeId = typeof PledgeId.Type

/** A registration for titles, when a host app tracks it apart from its pledge. @since 0.1.0 */
export const RegistrationId = idString.pipe(Schema.brand("RegistrationId"))
/** @since 0.1.0 */
export type RegistrationId = typeof RegistrationId.Type

/** An initiative (sáng kiến, đề tài, giải pháp, công trình). @since 0.1.0 */
export const InitiativeId = idString.pipe(Schema.brand("InitiativeId"))
/** @since 0.1.0 */
export type InitiativeId = typeof InitiativeId.Type

/** A nomination for an award (đề nghị khen thưởng). @since 0.1.0 */
export const NominationId = idString.pipe(Schema.brand("NominationId"))
/** @since 0.1.0 */
export type NominationId = typeof NominationId.Type

/** A granted award (khen thưởng). @since 0.1.0 */
export const AwardId = idString.pipe(Schema.brand("AwardId"))
/** @since 0.1.0 */
export type AwardId = typeof AwardId.Type

/** A union member or worker (đoàn viên, người lao động). @since 0.1.0 */
export const MemberId = idString.pipe(Schema.brand("MemberId"))
/** @since 0.1.0 */
export type MemberId = typeof MemberId.Type

/** A content (nội dung thi đua) of a campaign, per sector. @since 0.1.0 */
export const ContentId = idString.pipe(Schema.brand("ContentId"))
/** @since 0.1.0 */
export type ContentId = typeof ContentId.Type

/**
 * The id a caller gives each command, so that sending it twice has the effect of sending it once.
 *
 * @since 0.1.0
 */
export const CommandId = idString.pipe(Schema.brand("CommandId"))

/**
 * Any id of the domain (an organization, a nomination, a unit): where a field may hold ids of
 * several kinds, as the subjects of a missed deadline.
 *
 * @example
 * ```ts
 * import { Ids } from "@thidua/core"
 * import { Schema } from "effect"
 * import assert from "node:assert"
 *
 * assert.equal(Schema.is(Ids.Id)("cdcs-trung-thanh"), true)
 * assert.equal(Schema.is(Ids.Id)("a".repeat(65)), false)
 * ```
 *
 * @since 0.4.0
 */
export const Id = idString
/** @since 0.1.0 */
export type CommandId = typeof CommandId.Type
