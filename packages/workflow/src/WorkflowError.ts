/**
 * The errors of the workflow engine.
 *
 * @since 0.4.0
 */
import { ThiDuaError } from "@thidua/core"

/**
 * A process manager's `decide` or `evolve` threw: the runner stops with the manager, the instance
 * and the input named, and appends nothing for that input (a runner started again with the
 * manager fixed takes the input again).
 *
 * @example
 * ```ts
 * import { WorkflowError } from "@thidua/workflow"
 * import assert from "node:assert"
 *
 * const e = new WorkflowError.ManagerFailed({ manager: "calendar", instanceId: "hm-2020", input: "in:7", cause: "boom" })
 * assert.equal(e.code, "WF-MANAGER")
 * assert.match(e.messages.vi, /calendar/)
 * ```
 *
 * @since 0.4.0
 */
export class ManagerFailed extends ThiDuaError.Tagged("ManagerFailed")<{
  readonly manager: string
  readonly instanceId: string
  readonly input: string
  readonly cause: string
}> {
  readonly code = "WF-MANAGER"
  get messages(): ThiDuaError.Messages {
    return {
      en: `The process manager ${this.manager} failed on input ${this.input} of ${this.instanceId}: ${this.cause}`,
      vi: `Bộ điều phối ${this.manager} gặp lỗi khi xử lý đầu vào ${this.input} của ${this.instanceId}: ${this.cause}`
    }
  }
}
