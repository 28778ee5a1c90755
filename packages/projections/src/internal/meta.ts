/**
 * Where a stored event stands, as a projection's handlers see it.
 *
 * @internal
 */
import type { Recorded } from "@thidua/store"
import type { Meta } from "../Projection.js"

export const metaOf = (r: Recorded.RecordedEvent): Meta => ({
  tenantId: r.tenantId,
  streamId: r.streamId,
  version: r.version,
  position: r.position,
  recordedAt: r.recordedAt
})
