/**
 * `thidua exec [file]`: commands as NDJSON, one JSON command a line, from a file or from stdin (no
 * file, or `-`). Each line gets one line of JSON on stdout, in order:
 *
 * ```text
 * {"line":1,"ok":true,"commandId":"c-1","streamId":"campaign:hm-2020","version":3,"duplicate":false}
 * {"line":2,"ok":false,"code":"C5","message":"...","messages":{"vi":"...","en":"..."}}
 * ```
 *
 * A line may also be `{"command": {...}, "expectedVersion": n}`: the command runs only if its
 * stream is still at version `n`. A line that is not JSON, not a command, or not UTF-8 is answered
 * as refused with its number, and the lines after it are read as usual; blank lines are skipped. The exit code says whether all were accepted (0), some
 * refused (1), or the run could not start (2).
 *
 * Who sends the commands: with `--tenant --organization --role [--member]`, that principal, and a
 * command of another tenant or actor is refused (`AUTH-PRINCIPAL`); without them, each command's
 * own actor (operator mode: whoever runs `exec` on the store acts for anyone in it).
 *
 * @since 0.7.0
 */
import { resolve } from "node:path"
import { Command as Commands, Organization, ThiDuaError, Vietnamese } from "@thidua/core"
import type { Principal } from "@thidua/store"
import { Console, Effect, FileSystem, Option, Result, Stdio, Stream } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { Backend } from "./Backend.js"
import { FileUnreadable, SomeRefused, Usage } from "./CliError.js"
import { Env } from "./Env.js"
import * as Output from "./Output.js"

/**
 * A line of the input that is not a command: not JSON, too long, or JSON of the wrong shape.
 *
 * @example
 * ```ts
 * import { Exec } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new Exec.NotACommand({ reason: { en: "not JSON", vi: "không phải JSON" } })
 * assert.equal(e.code, "CLI-LINE")
 * assert.equal(e.messages.vi, "Dòng này không phải là lệnh: không phải JSON")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class NotACommand extends ThiDuaError.Tagged("NotACommand")<{
  readonly reason: { readonly en: string; readonly vi: string }
}> {
  readonly code = "CLI-LINE"
  get messages(): ThiDuaError.Messages {
    return { en: `This line is not a command: ${this.reason.en}`, vi: `Dòng này không phải là lệnh: ${this.reason.vi}` }
  }
}

/**
 * The longest line read, in characters; a longer one is refused.
 *
 * @since 0.7.0
 */
export const maxLineLength = 1_000_000

/**
 * What one line of input became, as printed.
 *
 * @since 0.7.0
 */
export type Answer =
  | {
      readonly line: number
      readonly ok: true
      readonly commandId: string
      readonly streamId: string
      readonly version: number
      readonly duplicate: boolean
    }
  | {
      readonly line: number
      readonly ok: false
      readonly code: string
      readonly message: string
      readonly messages: { readonly vi: string; readonly en: string }
    }

/**
 * A line of input as read: its bytes split on newlines, decoded as UTF-8, or why it could not be
 * (a line that is not UTF-8, one longer than `maxLineLength`).
 *
 * @since 0.7.0
 */
export type Line = Result.Result<string, NotACommand>

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })
const maxLineBytes = maxLineLength * 4

const notUtf8 = new NotACommand({
  reason: {
    en: "not UTF-8 text (a byte that is not UTF-8; the line is left out, never read with U+FFFD)",
    vi: "không phải văn bản UTF-8 (có byte không hợp lệ; dòng này bị bỏ qua, không đọc thành U+FFFD)"
  }
})

const tooLong = new NotACommand({
  reason: {
    en: `longer than ${maxLineLength.toLocaleString("en-US")} characters`,
    vi: `dài quá ${Vietnamese.formatNumber(maxLineLength)} ký tự`
  }
})

const decodeLine = (bytes: Uint8Array, first: boolean): Line => {
  let end = bytes.length
  if (end > 0 && bytes[end - 1] === 0x0d) end--
  // A byte order mark starts the first line of a file saved by some editors; it is not JSON.
  const start = first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  try {
    return Result.succeed(utf8.decode(bytes.subarray(start, end)))
  } catch {
    return Result.fail(notUtf8)
  }
}

interface Pending {
  readonly parts: Array<Uint8Array>
  size: number
  overflow: boolean
  first: boolean
}

/**
 * Splits bytes into lines on the newline byte and decodes each on its own, fatally: a line that
 * is not UTF-8 is answered as refused, and the lines after it are read as usual (a newline byte is
 * never part of a UTF-8 sequence). A line longer than the limit is refused without being kept.
 *
 * @example
 * ```ts
 * import { Exec } from "@thidua/cli"
 * import { Effect, Result, Stream } from "effect"
 * import assert from "node:assert"
 *
 * const bytes = Uint8Array.from([...new TextEncoder().encode('{"a":1}\r\n'), 0x41, 0xff, 0x0a, 0x7b, 0x7d])
 * const lines = await Effect.runPromise(Stream.runCollect(Exec.splitLines(Stream.make(bytes))))
 * assert.deepEqual(lines.map((l) => Result.isSuccess(l) ? l.success : l.failure.code), ['{"a":1}', "CLI-LINE", "{}"])
 * ```
 *
 * @since 0.7.0
 */
export const splitLines = <E, R>(bytes: Stream.Stream<Uint8Array, E, R>): Stream.Stream<Line, E, R> =>
  bytes.pipe(
    Stream.mapAccum(
      (): Pending => ({ parts: [], size: 0, overflow: false, first: true }),
      (pending, chunk) => {
        const out: Array<Line> = []
        const take = (piece: Uint8Array) => {
          if (pending.overflow) return
          if (pending.size + piece.length > maxLineBytes) {
            pending.overflow = true
            pending.parts.length = 0
            return
          }
          pending.parts.push(piece)
          pending.size += piece.length
        }
        let start = 0
        for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, start)) {
          take(chunk.subarray(start, i))
          out.push(
            pending.overflow ? Result.fail(tooLong) : decodeLine(joined(pending.parts, pending.size), pending.first)
          )
          pending.parts.length = 0
          pending.size = 0
          pending.overflow = false
          pending.first = false
          start = i + 1
        }
        if (start < chunk.length) take(chunk.slice(start))
        return [pending, out]
      },
      {
        onHalt: (pending) =>
          pending.overflow
            ? [Result.fail(tooLong)]
            : pending.size === 0
              ? []
              : [decodeLine(joined(pending.parts, pending.size), pending.first)]
      }
    )
  )

const joined = (parts: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const refused = (line: number, error: { readonly code: string; readonly messages: ThiDuaError.Messages }): Answer => ({
  line,
  ok: false,
  code: error.code,
  message: error.messages.en,
  messages: { vi: error.messages.vi, en: error.messages.en }
})

// A line as a command and its expected version: the command itself, or the envelope
// `{ command, expectedVersion }`.
const read = (
  text: string
): Result.Result<{ readonly command: unknown; readonly expectedVersion?: number }, NotACommand> => {
  if (text.length > maxLineLength) return Result.fail(tooLong)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause)
    return Result.fail(new NotACommand({ reason: { en: `not JSON (${why})`, vi: `không phải JSON (${why})` } }))
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return Result.fail(new NotACommand({ reason: { en: "not a JSON object", vi: "không phải một đối tượng JSON" } }))
  if (!Object.hasOwn(json, "_tag") && Object.hasOwn(json, "command")) {
    const { command, expectedVersion, ...rest } = json as {
      readonly command: unknown
      readonly expectedVersion?: unknown
    }
    if (Object.keys(rest).length > 0 || (expectedVersion !== undefined && typeof expectedVersion !== "number"))
      return Result.fail(
        new NotACommand({
          reason: {
            en: "an envelope holds only command and expectedVersion (a number)",
            vi: "phong bì chỉ gồm command và expectedVersion (một số)"
          }
        })
      )
    return Result.succeed(expectedVersion === undefined ? { command } : { command, expectedVersion })
  }
  return Result.succeed({ command: json })
}

const lines = (file: Option.Option<string>) =>
  Effect.gen(function* () {
    if (Option.isNone(file) || file.value === "-") return (yield* Stdio.Stdio).stdin
    const env = yield* Env
    const fs = yield* FileSystem.FileSystem
    const path = resolve(env.cwd, file.value)
    const info = yield* Effect.mapError(
      fs.stat(path),
      (e) => new FileUnreadable({ path: file.value, reason: e.reason._tag === "NotFound" ? "no such file" : e.message })
    )
    if (info.type !== "File") return yield* new FileUnreadable({ path: file.value, reason: "not a file" })
    return fs.stream(path)
  })

/**
 * The `exec` subcommand.
 *
 * @since 0.7.0
 */
export const command = Command.make(
  "exec",
  {
    file: Argument.String("file").pipe(
      Argument.optional,
      Argument.withDescription("NDJSON commands, one a line (default: stdin; - for stdin)")
    ),
    tenant: Flag.String("tenant").pipe(Flag.optional, Flag.withDescription("The principal's tenant")),
    organization: Flag.String("organization").pipe(Flag.optional, Flag.withDescription("The principal's organization")),
    role: Flag.Literals("role", Organization.Role.literals).pipe(
      Flag.optional,
      Flag.withDescription("The principal's role")
    ),
    member: Flag.String("member").pipe(Flag.optional, Flag.withDescription("The member acting, if any"))
  },
  ({ file, tenant, organization, role, member }) =>
    Output.guard(
      Effect.scoped(
        Effect.gen(function* () {
          const given = [tenant, organization, role].filter(Option.isSome).length
          if ((given > 0 && given < 3) || (given === 0 && Option.isSome(member)))
            return yield* new Usage({
              en: "a principal is --tenant, --organization and --role together (and --member if a member acts)",
              vi: "người gửi gồm cả --tenant, --organization và --role (thêm --member nếu một thành viên thực hiện)"
            })
          const fixed: Principal.Principal | undefined =
            Option.isSome(tenant) && Option.isSome(organization) && Option.isSome(role)
              ? {
                  tenantId: tenant.value,
                  organizationId: organization.value,
                  role: role.value,
                  ...(Option.isSome(member) ? { memberId: member.value } : {})
                }
              : undefined
          const input = yield* lines(file)
          const engine = yield* (yield* Backend).engine
          let n = 0
          let total = 0
          let refusedCount = 0
          const answer = (text: string): Effect.Effect<Answer> => {
            const line = n
            const parsed = read(text)
            if (Result.isFailure(parsed)) return Effect.succeed(refused(line, parsed.failure))
            // Operator mode: the command's own actor, once the command is known to be one.
            let principal = fixed
            if (principal === undefined) {
              const decoded = Commands.decode(parsed.success.command)
              if (Result.isFailure(decoded)) return Effect.succeed(refused(line, decoded.failure))
              const c = decoded.success
              principal = {
                tenantId: c.tenantId,
                organizationId: c.actor.organizationId,
                role: c.actor.role,
                ...(c.actor.memberId === undefined ? {} : { memberId: c.actor.memberId })
              }
            }
            const { command, expectedVersion } = parsed.success
            return Effect.match(
              engine.execute(command, {
                principal,
                ...(expectedVersion === undefined ? {} : { expectedVersion })
              }),
              {
                onFailure: (error): Answer => refused(line, error),
                onSuccess: (done): Answer => ({
                  line,
                  ok: true,
                  commandId: (command as { readonly commandId: string }).commandId,
                  streamId: done.streamId,
                  version: done.version,
                  duplicate: done.duplicate
                })
              }
            )
          }
          yield* splitLines(input).pipe(
            Stream.runForEach((decoded) => {
              n++
              if (Result.isSuccess(decoded) && decoded.success.trim() === "") return Effect.void
              total++
              const answered = Result.isSuccess(decoded)
                ? answer(decoded.success)
                : Effect.succeed(refused(n, decoded.failure))
              return Effect.flatMap(answered, (a) => {
                if (!a.ok) refusedCount++
                return Console.log(JSON.stringify(a))
              })
            }),
            Effect.mapError((e) => new FileUnreadable({ path: Option.getOrElse(file, () => "-"), reason: e.message }))
          )
          if (refusedCount > 0) return yield* new SomeRefused({ refused: refusedCount, total })
        })
      )
    )
).pipe(
  Command.withDescription(
    "Execute NDJSON commands from a file or stdin, one JSON answer a line; without a principal each command runs as its own actor (operator mode) · Thực hiện các lệnh NDJSON"
  )
)
