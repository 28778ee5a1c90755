/**
 * `thidua import <file>`: a campaign from a campaign file (YAML or JSON, see `CampaignFile`). The
 * whole file is read, converted and decoded first; a file with a problem is reported (every
 * problem, with its step, field and line) and nothing is written. Then the steps run in order,
 * each as its own actor: an import replays records its actors made, so it is an operator's tool,
 * for whoever holds the store. A step refused by a rule stops the import there, naming the rule;
 * the steps before it stay, and importing the file again (fixed) skips them as done. A step edited
 * since the file was imported is `StepChanged` (an import only appends). Ctrl-C stops between two
 * steps and says after which one.
 *
 * @since 0.7.0
 */
import { readFile, stat } from "node:fs/promises"
import { resolve } from "node:path"
import { ThiDuaError } from "@thidua/core"
import { Console, Effect, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { Backend } from "./Backend.js"
import * as CampaignFile from "./CampaignFile.js"
import { FileUnreadable } from "./CliError.js"
import { Env } from "./Env.js"
import * as Lang from "./Lang.js"
import * as Output from "./Output.js"

/**
 * A step of an import was refused: which one, and the error (a rule's `DomainError`, with the rule
 * id as its code). The steps before it were imported.
 *
 * @example
 * ```ts
 * import { Import } from "@thidua/cli"
 * import { DomainError } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const cause = { code: "C5", messages: { en: "Phase dot-2 overlaps dot-1.", vi: "Đợt dot-2 trùng thời gian với đợt dot-1." } }
 * const e = new Import.StepRefused({ file: "hm.yaml", step: 7, line: 40, type: "SchedulePhase", imported: 6, refusal: cause })
 * assert.equal(e.code, "CLI-IMPORT-REFUSED")
 * assert.match(e.messages.vi, /Bước 7 \(dòng 40, SchedulePhase\) bị từ chối theo quy tắc C5: Đợt dot-2/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class StepRefused extends ThiDuaError.Tagged("StepRefused")<{
  readonly file: string
  readonly step: number
  readonly line: number | undefined
  readonly type: string
  readonly imported: number
  readonly refusal: { readonly code: string; readonly messages: ThiDuaError.Messages }
}> {
  readonly code = "CLI-IMPORT-REFUSED"
  readonly exitCode = 1
  get messages(): ThiDuaError.Messages {
    const at = (l: string) => `${this.line === undefined ? "" : `${l} ${this.line}, `}${this.type}`
    return {
      en: `${this.file}: step ${this.step} (${at("line")}) was refused by rule ${this.refusal.code}: ${this.refusal.messages.en} ${this.imported} step(s) before it are imported; fix the step and import the file again.`,
      vi: `${this.file}: Bước ${this.step} (${at("dòng")}) bị từ chối theo quy tắc ${this.refusal.code}: ${this.refusal.messages.vi} ${this.imported} bước trước đó đã được nhập; hãy sửa bước này rồi nhập lại tệp.`
    }
  }
}

/**
 * A step differs from the one this file imported before under the same command id (the step's
 * number): the file was edited in the middle. An import only appends: the advice is to restore
 * the step and add the correction as a new step at the end (or to send it with `exec`), not to
 * "fix the step", which is what was done.
 *
 * @example
 * ```ts
 * import { Import } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const e = new Import.StepChanged({ file: "hm.yaml", step: 4, line: 30, type: "RegisterOrganization", commandId: "import:hm-2020:4", imported: 3 })
 * assert.equal(e.code, "CLI-IMPORT-CHANGED")
 * assert.match(e.messages.en, /step 4 \(line 30, RegisterOrganization\) differs from what this file imported before \(as import:hm-2020:4\): an import only appends/)
 * assert.match(e.messages.vi, /bước 4 \(dòng 30, RegisterOrganization\) khác với bước tệp này đã nhập trước đó/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class StepChanged extends ThiDuaError.Tagged("StepChanged")<{
  readonly file: string
  readonly step: number
  readonly line: number | undefined
  readonly type: string
  readonly commandId: string
  readonly imported: number
}> {
  readonly code = "CLI-IMPORT-CHANGED"
  readonly exitCode = 1
  get messages(): ThiDuaError.Messages {
    const at = (l: string) => `${this.line === undefined ? "" : `${l} ${this.line}, `}${this.type}`
    return {
      en: `${this.file}: step ${this.step} (${at("line")}) differs from what this file imported before (as ${this.commandId}): an import only appends. Restore the step as it was and add corrections as new steps at the end of the file, or send them with "thidua exec". Nothing was written for this step; ${this.imported} step(s) before it are imported.`,
      vi: `${this.file}: bước ${this.step} (${at("dòng")}) khác với bước tệp này đã nhập trước đó (mã ${this.commandId}): lệnh nhập chỉ ghi thêm. Hãy khôi phục bước như cũ và thêm phần sửa thành bước mới ở cuối tệp, hoặc gửi bằng "thidua exec". Bước này chưa được ghi; ${this.imported} bước trước đó đã được nhập.`
    }
  }
}

const readBytes = (path: string, shown: string) =>
  Effect.tryPromise({
    try: async () => {
      const info = await stat(path)
      if (!info.isFile()) throw new Error("not a file")
      if (info.size > CampaignFile.maxLength * 4) throw new Error(`larger than ${CampaignFile.maxLength * 4} bytes`)
      return readFile(path)
    },
    catch: (cause) =>
      new FileUnreadable({
        path: shown,
        reason:
          (cause as { readonly code?: unknown }).code === "ENOENT"
            ? "no such file"
            : cause instanceof Error
              ? cause.message
              : String(cause)
      })
  })

/**
 * The `import` subcommand.
 *
 * @since 0.7.0
 */
export const command = Command.make(
  "import",
  {
    file: Argument.String("file").pipe(Argument.withDescription("The campaign file (.yaml, .yml or .json)")),
    check: Flag.Boolean("check").pipe(
      Flag.withDefault(false),
      Flag.withDescription("Only read and check the file: write nothing")
    )
  },
  ({ file, check }) =>
    Output.guard(
      Effect.scoped(
        Effect.gen(function* () {
          const lang = yield* Lang.current
          const env = yield* Env
          const bytes = yield* readBytes(resolve(env.cwd, file), file)
          const text = CampaignFile.decode(bytes, { file })
          if (Result.isFailure(text)) return yield* text.failure
          const read = CampaignFile.parse(text.success, { file })
          if (Result.isFailure(read)) return yield* read.failure
          const campaign = read.success
          const total = campaign.steps.length
          if (check) {
            yield* Console.log(
              Lang.pick(lang, {
                en: `${file}: ${total} steps for ${campaign.campaignId} (tenant ${campaign.tenantId}), all readable.`,
                vi: `${file}: ${total} bước cho ${campaign.campaignId} (đơn vị ${campaign.tenantId}), đều đọc được.`
              })
            )
            return
          }
          const engine = yield* (yield* Backend).engine
          let fresh = 0
          let through = 0
          const run = Effect.gen(function* () {
            for (const step of campaign.steps) {
              const done = yield* Effect.result(engine.execute(step.command, { principal: step.principal }))
              if (Result.isFailure(done) && done.failure._tag === "IdempotencyConflict")
                return yield* new StepChanged({
                  file,
                  step: step.number,
                  line: step.line,
                  type: step.command._tag,
                  commandId: step.command.commandId,
                  imported: step.number - 1
                })
              if (Result.isFailure(done))
                return yield* new StepRefused({
                  file,
                  step: step.number,
                  line: step.line,
                  type: step.command._tag,
                  imported: step.number - 1,
                  refusal: done.failure
                })
              if (!done.success.duplicate) fresh++
              through = step.number
            }
          })
          // Ctrl-C between two steps: those done stay, and the next import skips them as done.
          yield* Effect.onInterrupt(run, () =>
            Console.error(
              Lang.pick(lang, {
                en: `Interrupted after step ${through} of ${total}; run the import again to continue.`,
                vi: `Đã dừng sau bước ${through} trên ${total}; hãy chạy lại lệnh nhập để tiếp tục.`
              })
            )
          )
          const before = total - fresh
          yield* Console.log(
            fresh === 0
              ? Lang.pick(lang, {
                  en: `Nothing changed: all ${total} steps of ${file} were imported before.`,
                  vi: `Không có gì thay đổi: cả ${total} bước của ${file} đã được nhập trước đó.`
                })
              : Lang.pick(lang, {
                  en: `Imported ${campaign.campaignId} (tenant ${campaign.tenantId}) from ${file}: ${total} steps, ${fresh} new${before > 0 ? `, ${before} imported before` : ""}.`,
                  vi: `Đã nhập ${campaign.campaignId} (đơn vị ${campaign.tenantId}) từ ${file}: ${total} bước, ${fresh} bước mới${before > 0 ? `, ${before} bước đã nhập trước đó` : ""}.`
                })
          )
        })
      )
    )
).pipe(
  Command.withDescription(
    "Import a campaign from a YAML or JSON file written the Vietnamese way; runs each step as its own actor (an operator's tool) · Nhập chiến dịch từ tệp YAML hoặc JSON"
  )
)
