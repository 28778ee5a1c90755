/**
 * The log as server-sent events: one frame per event (`id`, `event`, `data`), a comment to open
 * the stream (so headers go out at once) and every heartbeat, and a last `problem` frame when the
 * log fails after the stream began (its status line is long gone by then).
 *
 * @internal
 */
import type { Engine } from "@thidua/engine"
import { type Duration, Effect, Stream } from "effect"
import { problemOf } from "./report.js"

const encoder = new TextEncoder()

/** @internal */
export const frame = (e: Engine.LoggedEvent): Uint8Array =>
  encoder.encode(`id: ${e.position}\nevent: ${e.event._tag}\ndata: ${JSON.stringify(e)}\n\n`)

const comment = (text: string): Uint8Array => encoder.encode(`: ${text}\n\n`)

/** @internal */
export const encode = (
  events: Stream.Stream<Engine.LoggedEvent, unknown>,
  options: {
    readonly heartbeat: Duration.Input
    /** Completes when the server closes: the stream ends then. */
    readonly closing: Effect.Effect<void>
    readonly opened: () => void
    readonly closed: () => void
  }
): Stream.Stream<Uint8Array> => {
  const heartbeats = Stream.tick(options.heartbeat).pipe(
    Stream.drop(1),
    Stream.map(() => comment("heartbeat"))
  )
  const body = Stream.map(events, frame).pipe(
    Stream.merge(heartbeats, { haltStrategy: "left" }),
    Stream.catch((error) =>
      Stream.fromEffect(
        Effect.map(problemOf(error), (problem) =>
          encoder.encode(`event: problem\ndata: ${JSON.stringify(problem)}\n\n`)
        )
      )
    )
  )
  // Counted from its first pull to its end, whichever way it ends (the client gone, the server
  // closing, the log failing).
  let started = false
  return Stream.concat(Stream.make(comment("thidua events")), body).pipe(
    Stream.interruptWhen(options.closing),
    Stream.onStart(
      Effect.sync(() => {
        started = true
        options.opened()
      })
    ),
    Stream.ensuring(Effect.sync(() => started && options.closed()))
  )
}
