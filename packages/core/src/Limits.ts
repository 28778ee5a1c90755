/**
 * The documented limits of commands and events: how long each kind of text may be, and how many
 * items each array may hold. The schemas of `Command` and `Event` enforce them, so a command over
 * a limit fails to decode with a `CommandDecodeError` whose `path` names the field and whose
 * messages name the limit (`Limits.contentsPerSector`), and an event over a limit is refused by
 * `Upcast.decode` the same way.
 *
 * The numbers are generous: several times what a real campaign of the union holds (the seed
 * campaigns and the generators of `@thidua/testing` use a small part of each), and small enough
 * that the largest event any command can produce stays under the store's byte limit of one event.
 *
 * **What is counted.** Text is counted in UTF-16 code units (`string.length`): a Vietnamese letter
 * with its marks, precomposed as NFC text is, counts one. Text must also be storable: no NUL
 * (`\u0000`) and no lone surrogate, which PostgreSQL refuses or silently replaces.
 *
 * **Bytes live in the store.** The limits on bytes (of one event's payload, of one append, the
 * nesting depth of a payload) and on keys are the store's: they are `Limits` of `@thidua/store`,
 * checked at every write, and they hold for events of any type, the domain's or a host's own.
 *
 * @example
 * ```ts
 * import { Command, Limits } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const reject = (reason: string) => Command.decode({
 *   _tag: "CancelCampaign",
 *   commandId: "cmd-9",
 *   tenantId: "hanoi",
 *   actor: { organizationId: "ldld-hoang-mai", role: "executive" },
 *   at: "2020-05-01",
 *   campaignId: "hoang-mai-2020",
 *   reason
 * })
 * assert.ok(Result.isSuccess(reject("Thay bằng phong trào chung của thành phố")))
 * const long = reject("x".repeat(Limits.textLength + 1))
 * assert.ok(Result.isFailure(long))
 * assert.equal(long.failure.path, "reason")
 * assert.match(long.failure.message, /Limits\.textLength/)
 * ```
 *
 * @since 0.2.0
 */

/**
 * The longest name or title, in UTF-16 code units: names of organizations, clusters and phases;
 * titles of campaigns, contents and initiatives; themes; decision numbers. 500 is several lines,
 * longer than any official name of a union body or any campaign title in use.
 *
 * @example
 * ```ts
 * import { Command, Limits } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const schedule = (name: string) => Command.decode({
 *   _tag: "SchedulePhase",
 *   commandId: "cmd-3",
 *   tenantId: "hanoi",
 *   actor: { organizationId: "ldld-hoang-mai", role: "executive" },
 *   at: "2020-01-02",
 *   campaignId: "hoang-mai-2020",
 *   phaseId: "dot-1",
 *   name,
 *   kind: "regular",
 *   period: { start: "2020-01-01", end: "2020-06-30" }
 * })
 * assert.ok(Result.isSuccess(schedule("Đợt 1: Mừng Đảng quang vinh – Mừng xuân Canh Tý")))
 * const refused = schedule("Đ".repeat(Limits.nameLength + 1))
 * assert.ok(Result.isFailure(refused))
 * assert.equal(refused.failure.path, "name")
 * assert.match(refused.failure.message, /at most 500/)
 * ```
 *
 * @since 0.2.0
 * @category text
 */
export const nameLength = 500

/**
 * The longest free text, in UTF-16 code units: reasons (a rejection, a cancellation, an award),
 * notes of a review or a revocation, the description of a pledge's target. 4,000 is about two
 * pages; a longer report belongs in a document the host keeps and links to.
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.ok(Limits.textLength > Limits.nameLength)
 * ```
 *
 * @since 0.2.0
 * @category text
 */
export const textLength = 4_000

/**
 * The most sectors a campaign's plan lists contents for (`PlanCampaign.sectors`). There are two
 * sectors today (enterprise, administrative); four leaves room for one listed twice or a sector
 * yet to come.
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Limits.sectors, 4)
 * ```
 *
 * @since 0.2.0
 * @category arrays
 */
export const sectors = 4

/**
 * The most contents (nội dung thi đua) of one sector in a campaign's plan
 * (`PlanCampaign.sectors[i].contents`). Real plans set a handful to a few dozen.
 *
 * @example
 * ```ts
 * import { Command, Limits } from "@thidua/core"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * const contents = Array.from({ length: Limits.contentsPerSector + 1 }, (_, i) => ({ contentId: `nd-${i}`, title: "Nội dung" }))
 * const result = Command.decode({
 *   _tag: "PlanCampaign",
 *   commandId: "cmd-1",
 *   tenantId: "hanoi",
 *   actor: { organizationId: "ldld-hoang-mai", role: "executive" },
 *   at: "2019-12-20",
 *   campaignId: "hoang-mai-2020",
 *   issuerId: "ldld-hoang-mai",
 *   title: "Phong trào thi đua năm 2020",
 *   form: "regular",
 *   period: { start: "2020-01-01", end: "2020-12-31" },
 *   sectors: [{ sector: "enterprise", contents }],
 *   titlesOffered: []
 * })
 * assert.ok(Result.isFailure(result))
 * assert.equal(result.failure.path, "sectors[0].contents")
 * assert.match(result.failure.messages.vi, /Limits\.contentsPerSector/)
 * ```
 *
 * @since 0.2.0
 * @category arrays
 */
export const contentsPerSector = 100

/**
 * The most award kinds a campaign's plan offers (`PlanCampaign.titlesOffered`): four times the
 * catalogue of `AwardKind`.
 *
 * @example
 * ```ts
 * import { AwardKind, Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.ok(Object.keys(AwardKind.catalogue).length <= Limits.titlesOffered)
 * ```
 *
 * @since 0.2.0
 * @category arrays
 */
export const titlesOffered = 100

/**
 * The most units that sign one pledge (`SignPledge.signerIds`): a covenant may be signed by every
 * member of a large block.
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Limits.pledgeSigners, Limits.clusterMembers)
 * ```
 *
 * @since 0.2.0
 * @category arrays
 */
export const pledgeSigners = 5_000

/**
 * The most targets of one pledge (`SignPledge.targets`).
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Limits.pledgeTargets, 50)
 * ```
 *
 * @since 0.2.0
 * @category arrays
 */
export const pledgeTargets = 50

/**
 * The most member units of one cluster or block (`FormCluster.memberIds`). A block formed by a
 * province may hold every grassroots union of a district or a sector: thousands, not millions.
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Limits.clusterMembers, 5_000)
 * ```
 *
 * @since 0.2.0
 * @category arrays
 */
export const clusterMembers = 5_000

/**
 * The most nominations published for comment at once (`PublishNominees.nominationIds`).
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Limits.publishedNominations, 5_000)
 * ```
 *
 * @since 0.2.0
 * @category arrays
 */
export const publishedNominations = 5_000

/**
 * The most initiatives one nomination rests on (`ProposeNomination.initiativeIds`).
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Limits.nominationInitiatives, 100)
 * ```
 *
 * @since 0.2.0
 * @category arrays
 */
export const nominationInitiatives = 100

/**
 * The most subjects one missed deadline names (`DeadlineMissed.subjects`): the units of the
 * largest cluster, or the nominations of one publication.
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Limits.deadlineSubjects, Limits.clusterMembers)
 * ```
 *
 * @since 0.4.0
 * @category arrays
 */
export const deadlineSubjects = 5_000

/**
 * The name of a limit on text.
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const kind: Limits.TextLimit = "nameLength"
 * assert.equal(Limits[kind], 500)
 * ```
 *
 * @since 0.2.0
 * @category names
 */
export type TextLimit = "nameLength" | "textLength"

/**
 * The name of a limit on an array.
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const limit: Limits.ArrayLimit = "pledgeTargets"
 * assert.equal(Limits[limit], 50)
 * ```
 *
 * @since 0.2.0
 * @category names
 */
export type ArrayLimit =
  | "sectors"
  | "contentsPerSector"
  | "titlesOffered"
  | "pledgeSigners"
  | "pledgeTargets"
  | "clusterMembers"
  | "publishedNominations"
  | "nominationInitiatives"
  | "deadlineSubjects"
