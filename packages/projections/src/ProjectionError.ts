/**
 * The errors of projections, on the library's one base (`ThiDuaError` of `@thidua/core`): a
 * stable `_tag` and `code`, an English `message`, `messages` in English and Vietnamese, and the
 * details as fields.
 *
 * - `ProjectionFailed`: a projection's own code (a handler, `partition`, `init`) threw on an
 *   event, or a handler returned no state. Runners stop with it; inline layers refuse the append.
 * - `UnstorableState`: a state holds a value that PostgreSQL's JSON would not give back as it
 *   was (a `Date`, a `bigint`, `NaN`, `undefined`, a class instance...).
 * - `CorruptState`: a stored read model document does not read back as a state.
 *
 * @since 0.2.0
 */
import { ThiDuaError } from "@thidua/core"

const causeText = ThiDuaError.describeCause

/**
 * A projection's code threw while folding an event (or a handler returned no state): the
 * projection, the event it failed on, and what was thrown (`cause`).
 *
 * Runners (`rebuild`, `catchUp`, `run`) stop with it, saving nothing of the page it was on. The
 * inline layers refuse the append: it fails with `AppendAborted` whose `cause` is this error, the
 * log is unchanged, and the read models are as they were before the append.
 *
 * @example
 * ```ts
 * import { ProjectionError } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const error = new ProjectionError.ProjectionFailed({
 *   projection: "scoreboard",
 *   projectionVersion: 2,
 *   tenantId: "hanoi",
 *   streamId: "campaign:hm-2020",
 *   version: 7,
 *   position: "00000000000000000042",
 *   type: "ScoreAssessed",
 *   cause: new Error("unit not enrolled")
 * })
 * assert.ok(error instanceof Error)
 * assert.equal(error.code, "ProjectionFailed")
 * assert.equal(
 *   error.message,
 *   "Projection scoreboard@2 failed on ScoreAssessed 7 of campaign:hm-2020 (hanoi, position 00000000000000000042): unit not enrolled"
 * )
 * ```
 *
 * @since 0.2.0
 */
export class ProjectionFailed extends ThiDuaError.Tagged("ProjectionFailed")<{
  readonly projection: string
  readonly projectionVersion: number
  readonly tenantId: string
  readonly streamId: string
  /** The event's version in its stream. */
  readonly version: number
  readonly position: string
  /** The event's type. */
  readonly type: string
  readonly cause: unknown
}> {
  readonly code = "ProjectionFailed"
  get messages(): ThiDuaError.Messages {
    const cause = causeText(this.cause)
    return {
      en: `Projection ${this.projection}@${this.projectionVersion} failed on ${this.type} ${this.version} of ${this.streamId} (${this.tenantId}, position ${this.position}): ${cause}`,
      vi: `Phép chiếu ${this.projection}@${this.projectionVersion} gặp lỗi ở sự kiện ${this.type} số ${this.version} của luồng ${this.streamId} (${this.tenantId}, vị trí ${this.position}): ${cause}`
    }
  }
}

/**
 * A state that PostgreSQL cannot keep as it is: `path` says where the bad value is (`$` is the
 * state, `$.units.<map value "cdcs-1">.points`...), `reason` what it is. Nothing is written: a
 * runner stops before saving, an inline append is refused.
 *
 * @example
 * ```ts
 * import { ProjectionError } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const error = new ProjectionError.UnstorableState({
 *   projection: "ledger",
 *   projectionVersion: 1,
 *   partition: "hanoi/campaign:hm-2020",
 *   path: "$.total.benefit",
 *   reason: "NaN"
 * })
 * assert.match(error.message, /\$\.total\.benefit holds NaN/)
 * ```
 *
 * @since 0.2.0
 */
export class UnstorableState extends ThiDuaError.Tagged("UnstorableState")<{
  readonly projection: string
  readonly projectionVersion: number
  readonly partition: string
  readonly path: string
  readonly reason: string
}> {
  readonly code = "UnstorableState"
  get messages(): ThiDuaError.Messages {
    return {
      en: `The state of ${this.projection}@${this.projectionVersion}, partition ${this.partition}, cannot be stored: ${this.path} holds ${this.reason}. Keep states to what JSON keeps, with Maps and Sets (dates as strings). Nothing was written.`,
      vi: `Không lưu được trạng thái của ${this.projection}@${this.projectionVersion}, phân vùng ${this.partition}: ${this.path} chứa ${this.reason}. Trạng thái chỉ được gồm những gì JSON giữ được, cùng Map và Set (ngày ghi dạng chuỗi). Không ghi gì.`
    }
  }
}

/**
 * A stored read model document that does not read back as a state: `path` says where, `reason`
 * what is wrong. Rebuild the projection (a new version) to replace it.
 *
 * @example
 * ```ts
 * import { ProjectionError } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const error = new ProjectionError.CorruptState({
 *   projection: "ledger",
 *   projectionVersion: 1,
 *   partition: "hanoi",
 *   path: "$.byKind",
 *   reason: "a $map entry that is not a [key, value] pair"
 * })
 * assert.equal(error.code, "CorruptState")
 * ```
 *
 * @since 0.2.0
 */
export class CorruptState extends ThiDuaError.Tagged("CorruptState")<{
  readonly projection: string
  readonly projectionVersion: number
  readonly partition: string
  readonly path: string
  readonly reason: string
}> {
  readonly code = "CorruptState"
  get messages(): ThiDuaError.Messages {
    return {
      en: `The stored state of ${this.projection}@${this.projectionVersion}, partition ${this.partition}, does not read: ${this.path}: ${this.reason}. Rebuild the projection under a new version.`,
      vi: `Trạng thái đã lưu của ${this.projection}@${this.projectionVersion}, phân vùng ${this.partition}, không đọc được: ${this.path}: ${this.reason}. Hãy dựng lại phép chiếu với phiên bản mới.`
    }
  }
}
