/**
 * Where a stored event stands, as a projection's handlers see it.
 *
 * @internal
 */
import type { Recorded } from "@thidua/store"
import type { Meta } from "../Projection.js"

// A stored event has every field of a Meta: it is handed over as its own, with no object made per
// event read (a rebuild reads millions).
export const metaOf = (r: Recorded.RecordedEvent): Meta => r
