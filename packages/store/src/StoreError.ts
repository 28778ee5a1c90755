/**
 * The errors of a store. Each is an `Error` of the library's one base (`ThiDuaError` of
 * `@thidua/core`): a stable `_tag` and `code`, an English `message`, `messages` in English and
 * Vietnamese, and the details as fields.
 *
 * @since 0.1.0
 */
import { ThiDuaError } from "@thidua/core"
import type { ExpectedVersion } from "./Recorded.js"

const expectedEn = (e: ExpectedVersion) =>
  typeof e === "number"
    ? `version ${e}`
    : e === "no-stream"
      ? "no stream"
      : e === "stream-exists"
        ? "an existing stream"
        : "any version"
const expectedVi = (e: ExpectedVersion) =>
  typeof e === "number"
    ? `phiên bản ${e}`
    : e === "no-stream"
      ? "luồng chưa tồn tại"
      : e === "stream-exists"
        ? "luồng đã tồn tại"
        : "phiên bản bất kỳ"

/**
 * The stream was not at the expected version: another writer got there first, or the version a
 * host showed its user is stale.
 *
 * @example
 * ```ts
 * import { StoreError } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const error = new StoreError.WrongExpectedVersion({ tenantId: "hanoi", streamId: "campaign:hm-2020", expected: 12, actual: 13 })
 * assert.ok(error instanceof Error)
 * assert.equal(error.code, "WrongExpectedVersion")
 * assert.equal(error.message, "Stream campaign:hm-2020 of hanoi is at version 13, not version 12.")
 * ```
 *
 * @since 0.1.0
 */
export class WrongExpectedVersion extends ThiDuaError.Tagged("WrongExpectedVersion")<{
  readonly tenantId: string
  readonly streamId: string
  readonly expected: ExpectedVersion
  readonly actual: number
}> {
  readonly code = "WrongExpectedVersion"
  get messages(): ThiDuaError.Messages {
    return {
      en: `Stream ${this.streamId} of ${this.tenantId} is at version ${this.actual}, not ${expectedEn(this.expected)}.`,
      vi: `Luồng ${this.streamId} của ${this.tenantId} đang ở phiên bản ${this.actual}, không phải ${expectedVi(this.expected)}: dữ liệu đã thay đổi, hãy tải lại.`
    }
  }
}

/**
 * What an idempotency key was first used for: the stream it wrote to and what it carried.
 *
 * @since 0.2.0
 */
export interface FirstUse {
  readonly streamId: string
  /** The command's fingerprint, or the types of the events it appended. */
  readonly content: string
}

/**
 * A command id or an event id was used before for something else: on another stream of the
 * tenant, or with other content. A key never means two things; nothing is appended. `first` says
 * what the key was used for, `attempted` what this append carried.
 *
 * @example
 * ```ts
 * import { StoreError } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const error = new StoreError.IdempotencyConflict({
 *   tenantId: "hanoi",
 *   streamId: "campaign:b",
 *   key: "command c-7",
 *   reason: "used before on another stream",
 *   first: { streamId: "campaign:a", content: "PlanCampaign" },
 *   attempted: "PlanCampaign"
 * })
 * assert.match(error.message, /command c-7/)
 * assert.match(error.messages.vi, /campaign:a/)
 * ```
 *
 * @since 0.1.0
 */
export class IdempotencyConflict extends ThiDuaError.Tagged("IdempotencyConflict")<{
  readonly tenantId: string
  readonly streamId: string
  readonly key: string
  readonly reason: string
  readonly first?: FirstUse
  readonly attempted?: string
}> {
  readonly code = "IdempotencyConflict"
  get messages(): ThiDuaError.Messages {
    const first = this.first
    return {
      en:
        `${this.key} on ${this.streamId} (${this.tenantId}): ${this.reason}` +
        (first === undefined
          ? "."
          : `; first used on ${first.streamId} for ${first.content}, now for ${this.attempted ?? "other content"}.`),
      vi:
        `Khoá ${this.key} trên luồng ${this.streamId} (${this.tenantId}) đã được dùng cho nội dung khác` +
        (first === undefined
          ? "; không ghi gì."
          : `: lần đầu trên ${first.streamId} cho ${first.content}, lần này cho ${this.attempted ?? "nội dung khác"}; không ghi gì.`)
    }
  }
}

/**
 * A stored event that does not read back: unknown type, missing upcaster, or a payload that fails
 * its schema. Names where it is, so it can be repaired.
 *
 * @since 0.1.0
 */
export class CorruptEvent extends ThiDuaError.Tagged("CorruptEvent")<{
  readonly tenantId: string
  readonly streamId: string
  readonly version: number
  readonly position: string
  readonly reason: string
}> {
  readonly code = "CorruptEvent"
  get messages(): ThiDuaError.Messages {
    return {
      en: `Event ${this.version} of ${this.streamId} (${this.tenantId}, position ${this.position}) does not read: ${this.reason}`,
      vi: `Sự kiện ${this.version} của luồng ${this.streamId} (${this.tenantId}, vị trí ${this.position}) không đọc được: ${this.reason}`
    }
  }
}

/**
 * The store could not do what was asked: a lost connection, a failed query.
 *
 * @since 0.1.0
 */
export class StoreUnavailable extends ThiDuaError.Tagged("StoreUnavailable")<{
  readonly operation: string
  readonly cause: unknown
}> {
  readonly code = "StoreUnavailable"
  get messages(): ThiDuaError.Messages {
    const cause = describe(this.cause)
    return {
      en: `The event store failed during ${this.operation}: ${cause}`,
      vi: `Kho sự kiện gặp lỗi khi ${this.operation}: ${cause}`
    }
  }
}

/**
 * Input a store never writes: a key (tenant, stream, event or command id) that is empty, too
 * long, or holds a control character or a lone surrogate; an event whose type is unknown or whose
 * payload fails its schema; a value that is not JSON. `field` is the path of what is wrong
 * (`events[2].data.benefitVnd`, `tenantId`). Nothing was written.
 *
 * @example
 * ```ts
 * import { StoreError } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const error = new StoreError.InvalidInput({ field: "events[0].data.at", reason: "is not a date: 2024-02-30" })
 * assert.equal(error.message, "Refused: events[0].data.at is not a date: 2024-02-30. Nothing was written.")
 * ```
 *
 * @since 0.2.0
 */
export class InvalidInput extends ThiDuaError.Tagged("InvalidInput")<{
  readonly field: string
  readonly reason: string
}> {
  readonly code = "InvalidInput"
  get messages(): ThiDuaError.Messages {
    return {
      en: `Refused: ${this.field} ${this.reason}. Nothing was written.`,
      vi: `Từ chối: ${this.field} không hợp lệ (${this.reason}). Không ghi gì.`
    }
  }
}

/**
 * Input over one of the store's documented limits (`Limits`): an event's payload, an append's
 * payloads together, the events of one append. Nothing was written.
 *
 * @example
 * ```ts
 * import { Limits, StoreError } from "@thidua/store"
 * import assert from "node:assert"
 *
 * const error = new StoreError.LimitExceeded({ limit: "eventBytes", field: "events[0].data", size: 3_000_000, max: Limits.eventBytes })
 * assert.match(error.message, /eventBytes/)
 * ```
 *
 * @since 0.2.0
 */
export class LimitExceeded extends ThiDuaError.Tagged("LimitExceeded")<{
  readonly limit: string
  readonly field: string
  readonly size: number
  readonly max: number
}> {
  readonly code = "LimitExceeded"
  get messages(): ThiDuaError.Messages {
    return {
      en: `Refused: ${this.field} measures ${this.size}, over the limit ${this.limit} (at most ${this.max}). Nothing was written.`,
      vi: `Từ chối: ${this.field} có kích thước ${this.size}, vượt giới hạn ${this.limit} (tối đa ${this.max}). Không ghi gì.`
    }
  }
}

const describe = ThiDuaError.describeCause

/**
 * The append was refused before it committed, by its `beforeCommit` hook (an inline projection
 * that could not fold its events, a read model that could not be kept): nothing was appended.
 * `cause` says why (for inline projections, a `ProjectionFailed` of `@thidua/projections`).
 *
 * @since 0.2.0
 */
export class AppendAborted extends ThiDuaError.Tagged("AppendAborted")<{
  readonly tenantId: string
  readonly streamId: string
  readonly cause: unknown
}> {
  readonly code = "AppendAborted"
  get messages(): ThiDuaError.Messages {
    const cause = describe(this.cause)
    return {
      en: `The append to ${this.streamId} (${this.tenantId}) was aborted before it committed: ${cause}`,
      vi: `Việc ghi vào luồng ${this.streamId} (${this.tenantId}) đã bị huỷ trước khi hoàn tất: ${cause}`
    }
  }
}

/**
 * What a command id's first use carried, for the message of an `IdempotencyConflict`: the
 * command's type from its fingerprint, or the events' types.
 *
 * @since 0.2.0
 */
export const describeContent = (
  digest: string | undefined,
  events: ReadonlyArray<{ readonly type: string }>
): string =>
  digest !== undefined
    ? (digest.split(":")[0] ?? digest)
    : events.length === 0
      ? "no events"
      : events.map((e) => e.type).join(", ")
