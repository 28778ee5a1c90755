/**
 * The names of the streams the domain writes: one per campaign (`campaign:<id>`), one
 * directory per tenant (`org:<tenant>`) and one per process of a process manager
 * (`process:<manager>:<instance>`). The command handler, the stores' validation and the
 * projections all name and recognise streams with these functions.
 *
 * @since 0.3.0
 */

/**
 * The stream of a campaign.
 *
 * @example
 * ```ts
 * import { Stream } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Stream.campaign("hoang-mai-2020"), "campaign:hoang-mai-2020")
 * assert.equal(Stream.kindOf("campaign:hoang-mai-2020"), "campaign")
 * ```
 *
 * @since 0.3.0
 */
export const campaign = (campaignId: string): string => `campaign:${campaignId}`

/**
 * The directory stream of a tenant.
 *
 * @example
 * ```ts
 * import { Stream } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Stream.directory("hanoi"), "org:hanoi")
 * ```
 *
 * @since 0.3.0
 */
export const directory = (tenantId: string): string => `org:${tenantId}`

/**
 * The kind of a stream by its name, or `undefined` for a stream the domain does not write.
 *
 * @example
 * ```ts
 * import { Stream } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Stream.kindOf("org:hanoi"), "directory")
 * assert.equal(Stream.kindOf("crm:visits"), undefined)
 * ```
 *
 * @since 0.3.0
 */
export const kindOf = (streamId: string): "campaign" | "directory" | "process" | undefined =>
  streamId.startsWith("campaign:")
    ? "campaign"
    : streamId.startsWith("org:")
      ? "directory"
      : streamId.startsWith("process:")
        ? "process"
        : undefined

/**
 * The stream of one instance of a process manager (`@thidua/workflow`): its inbox and outbox.
 *
 * @example
 * ```ts
 * import { Stream } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Stream.process("calendar", "hoang-mai-2020"), "process:calendar:hoang-mai-2020")
 * assert.equal(Stream.kindOf("process:calendar:hoang-mai-2020"), "process")
 * ```
 *
 * @since 0.4.0
 */
export const process = (manager: string, instanceId: string): string => `process:${manager}:${instanceId}`
