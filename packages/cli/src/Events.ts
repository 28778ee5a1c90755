/**
 * `thidua events --tenant <id>`: a tenant's log, one event a line in log order: its position, the
 * day the store recorded it, its stream and version, its type and the command that appended it.
 * `--stream` keeps one stream, `--after <position>` starts after a position printed before,
 * `--follow` keeps printing new events until Ctrl-C, `--json` prints each event as one JSON line
 * (position, tenant, stream, version, recordedAt, commandId, event).
 *
 * @since 0.7.0
 */
import type { Engine } from "@thidua/engine"
import { Console, Effect, Option, Stream } from "effect"
import { Command, Flag } from "effect/cli"
import { Backend } from "./Backend.js"
import * as Output from "./Output.js"

/**
 * An event as one line of text, escaped (`Output.safe`): a line holds what commands wrote.
 *
 * @example
 * ```ts
 * import { Events } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const line = Events.text({ position: "00000000000000000001" as never, tenantId: "hn", streamId: "campaign:hn-2020", version: 1, recordedAt: Date.UTC(2020, 0, 2), commandId: "c-1", event: { _tag: "CampaignLaunched" } as never })
 * assert.equal(line, "00000000000000000001  2020-01-02T00:00:00.000Z  campaign:hn-2020#1  CampaignLaunched  c-1")
 * ```
 *
 * @since 0.7.0
 */
export const text = (e: Engine.LoggedEvent): string =>
  Output.safe(
    [
      e.position,
      new Date(e.recordedAt).toISOString(),
      `${e.streamId}#${e.version}`,
      e.event._tag,
      ...(e.commandId === undefined ? [] : [e.commandId])
    ].join("  ")
  )

/**
 * The `events` subcommand.
 *
 * @since 0.7.0
 */
export const command = Command.make(
  "events",
  {
    tenant: Flag.String("tenant").pipe(Flag.withDescription("The tenant whose log to print")),
    stream: Flag.String("stream").pipe(
      Flag.optional,
      Flag.withDescription("Only this stream (campaign:<id>, org:<tenant>)")
    ),
    after: Flag.String("after").pipe(
      Flag.optional,
      Flag.withMetavar("position"),
      Flag.withDescription("Only events after this position")
    ),
    follow: Flag.Boolean("follow").pipe(
      Flag.withDefault(false),
      Flag.withDescription("Keep printing new events until Ctrl-C")
    ),
    json: Flag.Boolean("json").pipe(Flag.withDefault(false), Flag.withDescription("One JSON object a line"))
  },
  ({ tenant, stream, after, follow, json }) =>
    Output.guard(
      Effect.scoped(
        Effect.gen(function* () {
          const engine = yield* (yield* Backend).engine
          const events = engine.events({
            tenantId: tenant,
            ...(Option.isSome(stream) ? { streamId: stream.value } : {}),
            ...(Option.isSome(after) ? { after: after.value } : {}),
            live: follow
          })
          yield* Stream.runForEach(events, (e) => Console.log(json ? JSON.stringify(e) : text(e)))
        })
      )
    )
).pipe(
  Command.withDescription(
    "Print a tenant's events in log order; --follow keeps printing until Ctrl-C · In nhật ký sự kiện của một đơn vị"
  )
)
