/**
 * The members of a union of tagged structs, by tag: one list of members stays the only place
 * that names them.
 *
 * @internal
 */
import type { Schema } from "effect"

type Tagged = Schema.Top & { readonly fields: { readonly _tag: { readonly schema: { readonly literal: unknown } } } }

/** @internal */
export const byTag = <const M extends ReadonlyArray<Tagged>>(members: M): Record<string, M[number]> =>
  Object.fromEntries(members.map((m) => [String(m.fields._tag.schema.literal), m]))
