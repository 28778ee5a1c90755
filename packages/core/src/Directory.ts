/**
 * The organization directory of a tenant: the union hierarchy with validity dates, the clusters
 * and blocks formed each year, and (from 0.6.0) the members: the unit that manages each on a day,
 * the seats they hold, and the units' yearly ratings. One stream per tenant (`org:<tenant>`).
 *
 * The hierarchy is data with dates, not a fixed tree: an organization's parent can change from a
 * day on (the 1/7/2025 reform) and an organization can cease, so a 2020 campaign is judged
 * against the 2020 hierarchy.
 *
 * @since 0.1.0
 */
import type { DirectoryCommand } from "./Command.js"
import type { Decider as DeciderShape } from "./Decider.js"
import { decide } from "./directory/decide.js"
import { evolve, initialState, type State } from "./directory/state.js"
import type { DirectoryEvent } from "./Event.js"
import type { TenantId } from "./Ids.js"
import type { DomainError } from "./internal/domainError.js"

export {
  /** @since 0.1.0 */
  decide,
  /** @since 0.5.0 */
  refusals
} from "./directory/decide.js"
export type {
  /** @since 0.1.0 */
  Cluster,
  /** @since 0.1.0 */
  Org,
  /** @since 0.6.0 */
  OrgEvent,
  /** @since 0.1.0 */
  State
} from "./directory/state.js"
export {
  /** @since 0.1.0 */
  chain,
  /** @since 0.1.0 */
  cluster,
  /** @since 0.1.0 */
  evolve,
  /** @since 0.3.0 */
  foldOrg,
  /** @since 0.1.0 */
  initialState,
  /** @since 0.1.0 */
  isActiveOn,
  /** @since 0.1.0 */
  isClusterMember,
  /** @since 0.1.0 */
  isWithin,
  /** @since 0.3.0 */
  isWithinBy,
  /** @since 0.1.0 */
  organization,
  /** @since 0.1.0 */
  organizations,
  /** @since 0.1.0 */
  parentOn,
  /** @since 0.1.0 */
  requireActive,
  /** @since 0.1.0 */
  requireWithin
} from "./directory/state.js"
export {
  /** @since 0.3.0 */
  actsFor,
  /** @since 0.3.0 */
  carrierOn,
  /** @since 0.3.0 */
  coversPeriod
} from "./directory/succession.js"
export type {
  /** @since 0.6.0 */
  Member,
  /** @since 0.6.0 */
  Membership,
  /** @since 0.6.0 */
  Seat,
  /** @since 0.6.0 */
  UnitRating
} from "./member/state.js"
export {
  /** @since 0.6.0 */
  holdsSeat,
  /** @since 0.6.0 */
  member,
  /** @since 0.6.0 */
  seatOn,
  /** @since 0.6.0 */
  unitOfMember,
  /** @since 0.6.0 */
  unitOn,
  /** @since 0.6.0 */
  unitRating
} from "./member/state.js"

/**
 * The initial state of one tenant's directory. Events do not repeat the tenant (the stream name
 * holds it), so a directory that must refuse other tenants' commands starts from here.
 *
 * @since 0.1.0
 */
export const initialFor = (tenantId: TenantId): State => ({ ...initialState, tenantId })

/**
 * The directory as a Decider.
 *
 * @since 0.1.0
 */
export const decider: DeciderShape<State, DirectoryCommand, DirectoryEvent, DomainError> = {
  initialState,
  decide,
  evolve
}
