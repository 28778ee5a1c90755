/**
 * A persistent map from string keys, used for the collections inside decider states. Updates
 * share structure with the map they came from, so `evolve` stays pure without copying a whole
 * collection per event (a copied `Map` made rebuilds quadratic).
 *
 * Internal: the backing structure may change for speed; states expose these through accessors.
 *
 * @since 0.1.0
 * @internal
 */
import { HashMap, Option } from "effect"

/** @internal */
export type Dict<V> = HashMap.HashMap<string, V>

/** @internal */
export const empty = <V>(): Dict<V> => HashMap.empty<string, V>()

/** @internal */
export const get = <V>(d: Dict<V>, key: string): V | undefined => Option.getOrUndefined(HashMap.get(d, key))

/** @internal */
export const has = <V>(d: Dict<V>, key: string): boolean => HashMap.has(d, key)

/** @internal */
export const set = <V>(d: Dict<V>, key: string, value: V): Dict<V> => HashMap.set(d, key, value)

/** Applies `f` to the value at `key`, when there is one. @internal */
export const modify = <V>(d: Dict<V>, key: string, f: (v: V) => V): Dict<V> => {
  const v = get(d, key)
  return v === undefined ? d : HashMap.set(d, key, f(v))
}

/** @internal */
export const size = <V>(d: Dict<V>): number => HashMap.size(d)

/** @internal */
export const values = <V>(d: Dict<V>): IterableIterator<V> => HashMap.values(d)

/** @internal */
export const some = <V>(d: Dict<V>, p: (v: V) => boolean): boolean => {
  for (const v of HashMap.values(d)) if (p(v)) return true
  return false
}

/** @internal */
export const remove = <V>(d: Dict<V>, key: string): Dict<V> => HashMap.remove(d, key)

/**
 * A copy of `d` that `set`, `modify` and `remove` change in place, for a fold over many events
 * that owns it until {@link freeze}: no path of the trie is copied twice, and `d` itself is never
 * changed (the nodes it shares are copied on their first write). Only a fold whose intermediate
 * states nobody else sees may use it, and it must not discard a write: in place, a `set` whose
 * result is dropped still happens.
 *
 * @internal
 */
export const thaw = <V>(d: Dict<V>): Dict<V> => HashMap.beginMutation(d)

/** Ends what {@link thaw} began: `d` is persistent again (and shares nothing mutable). @internal */
export const freeze = <V>(d: Dict<V>): Dict<V> => HashMap.endMutation(d)
