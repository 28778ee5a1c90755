/**
 * The documented limits of every store, enforced before anything reaches a database: what a write
 * lets in, every read can read back (PostgreSQL clients refuse a message over 16 MiB; `jsonb`
 * prints a payload with a space after each comma and colon, at most about one and a half times its
 * JSON size once numbers are counted as it prints them). An append over a limit fails with
 * `LimitExceeded`, a malformed one with `InvalidInput`, and nothing is written.
 *
 * Sizes are in bytes of UTF-8 JSON, as `JSON.stringify` writes the payload, except numbers with
 * an exponent, which count as PostgreSQL prints them: in full (`1e300` is 301 digits). The limits of a
 * command's own fields (text lengths, array sizes) live in `Limits` of `@thidua/core`.
 *
 * @example
 * ```ts
 * import { Limits } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.equal(Limits.eventBytes, 2 * 1024 * 1024)
 * assert.ok(Limits.appendBytes >= Limits.eventBytes)
 * ```
 *
 * @since 0.2.0
 */

/** The largest payload of one event: 2 MiB of JSON. @since 0.2.0 */
export const eventBytes = 2 * 1024 * 1024

/** The largest sum of the payloads of one append (and of one bulk-import statement): 8 MiB. @since 0.2.0 */
export const appendBytes = 8 * 1024 * 1024

/** The most events in one append. @since 0.2.0 */
export const appendEvents = 10_000

/** The longest key: tenant, stream, event and command ids, in UTF-16 code units. @since 0.2.0 */
export const keyLength = 256

/** The deepest nesting of a payload's arrays and objects. @since 0.2.0 */
export const depth = 32
