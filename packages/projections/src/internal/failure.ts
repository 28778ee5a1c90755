/**
 * The `ProjectionFailed` of a projection's code that threw on an event, for every runner.
 *
 * @internal
 */
import type { Meta } from "../Projection.js"
import { ProjectionFailed } from "../ProjectionError.js"

export const failure = (
  projection: { readonly name: string; readonly version: number },
  event: { readonly _tag: string },
  meta: Meta,
  cause: unknown
): ProjectionFailed =>
  // A fold inside a handler (a projection built on another) has named its event already.
  cause instanceof ProjectionFailed
    ? cause
    : new ProjectionFailed({
        projection: projection.name,
        projectionVersion: projection.version,
        tenantId: meta.tenantId,
        streamId: meta.streamId,
        version: meta.version,
        position: meta.position,
        type: event._tag,
        cause
      })

/** The cause of a handler that returned no state. */
export const noState = (): Error => new Error("the handler returned no state: a handler must return the state")
