/**
 * The events of a process stream (`process:<manager>:<instance>`): a process manager's inbox and
 * outbox in one stream. What came in (an event of another stream, a timer that fell due), and
 * what the manager decided on it (commands to send, timers to set or cancel, deadlines missed,
 * notes of its own), appended together, so that a process stopped anywhere resumes with nothing
 * lost and nothing done twice.
 *
 * Inputs are kept as stored (type, schema version, payload) and decoded where they are read, so
 * that a later schema version of an input event upcasts them as it upcasts the event itself.
 *
 * @since 0.4.0
 */
import { Schema, SchemaIssue } from "effect"
import { CampaignCommand, DirectoryCommand } from "../Command.js"
import { CommandId, Id } from "../Ids.js"
import { maxItems, text, unstorableAt } from "../internal/checks.js"

const Key = text("nameLength")
const Reason = text("textLength")

// `u`: as for ids and dates, so that JSON Schema receives the pattern.
const instantShape = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/u
const isInstantShape = (u: unknown): boolean => typeof u === "string" && instantShape.test(u)
// The shape, and a real instant that `toISOString` writes back the same (no 30 February, no 24:00).
const isInstant = (u: unknown): boolean => {
  if (!isInstantShape(u)) return false
  const ms = Date.parse(u as string)
  return Number.isFinite(ms) && new Date(ms).toISOString() === u
}

/**
 * An instant, as `Date.prototype.toISOString` writes it in UTC (`2019-12-31T17:00:00.000Z`): the
 * string order is the order in time.
 *
 * @example
 * ```ts
 * import { Event } from "@thidua/core"
 * import { Schema, SchemaIssue } from "effect"
 * import assert from "node:assert"
 *
 * assert.equal(Schema.is(Event.Instant)("2019-12-31T17:00:00.000Z"), true)
 * assert.equal(Schema.is(Event.Instant)("2019-12-31T17:00:00Z"), false)
 * assert.equal(Schema.is(Event.Instant)("2019-02-30T00:00:00.000Z"), false)
 * ```
 *
 * @since 0.4.0
 */
export const Instant = Schema.String.check(
  Schema.isPattern(instantShape, {
    expected: "an instant in UTC as toISOString writes it: 2019-12-31T17:00:00.000Z",
    "thidua/vi": "phải là một thời điểm UTC dạng 2019-12-31T17:00:00.000Z",
    "thidua/holds": isInstantShape
  }),
  Schema.makeFilter<string>(
    (s) =>
      isInstant(s) ||
      new SchemaIssue.InvalidValue({
        message: `${s} is not an instant of the calendar`,
        "thidua/vi": `không phải là một thời điểm có thật trong lịch (${s})`
      }),
    { "thidua/holds": isInstant }
  )
)

/** @since 0.4.0 */
export type Instant = typeof Instant.Type

// A JSON value PostgreSQL stores as it is: no NUL and no lone surrogate in any key or string, no
// value JSON would change (undefined, NaN, a Date), at most 64 deep.
const jsonProblem = (u: unknown, depth: number): string | undefined => {
  if (depth > 64) return "is nested more than 64 deep"
  switch (typeof u) {
    case "string":
      return unstorableAt(u) < 0 ? undefined : "holds a NUL or a lone surrogate"
    case "boolean":
      return undefined
    case "number":
      return Number.isFinite(u) ? undefined : "holds a number JSON cannot write"
    case "object": {
      if (u === null) return undefined
      if (Array.isArray(u)) {
        for (const v of u) {
          const p = jsonProblem(v, depth + 1)
          if (p !== undefined) return p
        }
        return undefined
      }
      const proto = Object.getPrototypeOf(u)
      if (proto !== Object.prototype && proto !== null) return "holds an object JSON does not have"
      for (const [k, v] of Object.entries(u)) {
        if (unstorableAt(k) >= 0) return "holds a key with a NUL or a lone surrogate"
        const p = jsonProblem(v, depth + 1)
        if (p !== undefined) return p
      }
      return undefined
    }
    default:
      return `holds a ${typeof u}, not a JSON value`
  }
}

// One value of a JSON object: checked one by one, so that a refusal names its key.
const JsonValue = Schema.Unknown.check(
  Schema.makeFilter<unknown>(
    (u) => {
      const problem = jsonProblem(u, 1)
      return (
        problem === undefined ||
        new SchemaIssue.InvalidValue({
          message: `is not JSON a database can store: it ${problem}`,
          "thidua/vi": `không phải JSON lưu được (${problem})`
        })
      )
    },
    { "thidua/holds": (u: unknown) => jsonProblem(u, 1) === undefined }
  )
)

/** A JSON object, as stored. */
const JsonObject = Schema.Record(Schema.String, JsonValue)

/**
 * An event of another stream came in: where it stands (stream, version, global position, event
 * id), and the event as stored.
 *
 * @since 0.4.0
 */
export const InputReceived = Schema.TaggedStruct("InputReceived", {
  streamId: Key,
  version: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  position: Key,
  eventId: Key,
  type: Key,
  schemaVersion: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  data: JsonObject,
  at: Instant
})

/** @since 0.4.0 */
export type InputReceived = typeof InputReceived.Type

/**
 * A command the manager decided to send. Its id is derived from the process and the input, so
 * that sending it again (after a crash) is a re-send the command handler answers once.
 *
 * @since 0.4.0
 */
export const CommandIssued = Schema.TaggedStruct("CommandIssued", {
  commandId: CommandId,
  // One flat union: a refusal names the field of the command's own type, found by its tag.
  command: Schema.Union([...DirectoryCommand.members, ...CampaignCommand.members])
})

/** @since 0.4.0 */
export type CommandIssued = typeof CommandIssued.Type

/**
 * A command the manager issued was refused by the domain: the rule and its messages. Recorded by
 * the runner that sent it, so that a refusal never passes in silence.
 *
 * @since 0.4.0
 */
export const CommandRefused = Schema.TaggedStruct("CommandRefused", {
  commandId: CommandId,
  code: Key,
  message: Schema.Struct({ vi: Reason, en: Reason }),
  at: Instant
})

/** @since 0.4.0 */
export type CommandRefused = typeof CommandRefused.Type

/** A timer was set: it falls due at `dueAt`. @since 0.4.0 */
export const TimerScheduled = Schema.TaggedStruct("TimerScheduled", {
  timerId: Key,
  dueAt: Instant,
  reason: Reason
})

/** @since 0.4.0 */
export type TimerScheduled = typeof TimerScheduled.Type

/** A timer fell due and was handed to its manager: the inbox record of a timer. @since 0.4.0 */
export const TimerFired = Schema.TaggedStruct("TimerFired", { timerId: Key, dueAt: Instant, firedAt: Instant })

/** @since 0.4.0 */
export type TimerFired = typeof TimerFired.Type

/** A timer was cancelled before it fell due. @since 0.4.0 */
export const TimerCancelled = Schema.TaggedStruct("TimerCancelled", { timerId: Key })

/** @since 0.4.0 */
export type TimerCancelled = typeof TimerCancelled.Type

/**
 * A deadline passed with something still undone: who was due, what for, and when.
 *
 * @since 0.4.0
 */
export const DeadlineMissed = Schema.TaggedStruct("DeadlineMissed", {
  deadline: Key,
  dueAt: Instant,
  campaignId: Schema.optionalKey(Key),
  subjects: Schema.Array(Id).check(maxItems("deadlineSubjects")),
  reason: Reason
})

/** @since 0.4.0 */
export type DeadlineMissed = typeof DeadlineMissed.Type

/** A note of the manager's own, for its state and its readers. @since 0.4.0 */
export const ProcessNoted = Schema.TaggedStruct("ProcessNoted", { note: Key, data: JsonObject })

/** @since 0.4.0 */
export type ProcessNoted = typeof ProcessNoted.Type
