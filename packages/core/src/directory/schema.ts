/**
 * The directory's commands and events: organizations registered, moved and restructured, clusters formed.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { ClusterId, OrganizationId } from "../Ids.js"
import { maxItems, uniqueIds } from "../internal/checks.js"
import { base, Count, Name } from "../internal/shapes.js"
import { LocalDate } from "../LocalDate.js"
import { Level, Sector } from "../Organization.js"

// commands

/** Register an organization under its parent. @since 0.1.0 */
export const RegisterOrganization = Schema.TaggedStruct("RegisterOrganization", {
  ...base,
  organizationId: OrganizationId,
  name: Name,
  level: Level,
  parentId: Schema.optionalKey(OrganizationId),
  sector: Schema.optionalKey(Sector),
  members: Schema.optionalKey(Count),
  workers: Schema.optionalKey(Count),
  validTo: Schema.optionalKey(LocalDate)
})

/** Place an organization under another parent from `at`. @since 0.1.0 */
export const MoveOrganization = Schema.TaggedStruct("MoveOrganization", {
  ...base,
  organizationId: OrganizationId,
  parentId: OrganizationId
})

/** Merge an organization into a successor, or dissolve it, from `at`. @since 0.1.0 */
export const RestructureOrganization = Schema.TaggedStruct("RestructureOrganization", {
  ...base,
  organizationId: OrganizationId,
  successorId: Schema.optionalKey(OrganizationId)
})

/** Form a cluster or block of units for a year. @since 0.1.0 */
export const FormCluster = Schema.TaggedStruct("FormCluster", {
  ...base,
  clusterId: ClusterId,
  name: Name,
  kind: Schema.Literals(["cluster", "block"]),
  year: Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2199 })),
  memberIds: Schema.NonEmptyArray(OrganizationId).check(maxItems("clusterMembers"), uniqueIds),
  headId: Schema.optionalKey(OrganizationId)
})

// events

/** An organization joined the hierarchy. @since 0.1.0 */
export const OrganizationRegistered = Schema.TaggedStruct("OrganizationRegistered", {
  organizationId: OrganizationId,
  name: Name,
  level: Level,
  parentId: Schema.optionalKey(OrganizationId),
  sector: Schema.optionalKey(Sector),
  members: Schema.optionalKey(Count),
  workers: Schema.optionalKey(Count),
  validFrom: LocalDate,
  validTo: Schema.optionalKey(LocalDate)
})

/** An organization was placed under another parent from a date (e.g. the 1/7/2025 reform). @since 0.1.0 */
export const OrganizationMoved = Schema.TaggedStruct("OrganizationMoved", {
  organizationId: OrganizationId,
  parentId: OrganizationId,
  at: LocalDate
})

/** An organization was merged into a successor or dissolved; it ceases the day before `at`. @since 0.1.0 */
export const OrganizationRestructured = Schema.TaggedStruct("OrganizationRestructured", {
  organizationId: OrganizationId,
  successorId: Schema.optionalKey(OrganizationId),
  at: LocalDate
})

/** A cluster (cụm) or block (khối) of units was formed for a year by an organizing level. @since 0.1.0 */
export const ClusterFormed = Schema.TaggedStruct("ClusterFormed", {
  clusterId: ClusterId,
  name: Name,
  kind: Schema.Literals(["cluster", "block"]),
  organizerId: OrganizationId,
  year: Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2199 })),
  memberIds: Schema.Array(OrganizationId).check(maxItems("clusterMembers")),
  headId: Schema.optionalKey(OrganizationId)
})
