/**
 * The version of the package, for host apps that log or report which rules they run.
 *
 * @since 0.1.0
 */

/**
 * The published version of `@thidua/core`. Kept in step with `package.json` by a test.
 *
 * @example
 * ```ts
 * import { Version } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.match(Version.version, /^\d+\.\d+\.\d+/)
 * ```
 *
 * @since 0.1.0
 */
export const version = "0.0.0"

/**
 * Whether the running package satisfies a host app's minimum `major.minor`, so an app can refuse to
 * start against a core older than the rules it was written for.
 *
 * @example
 * ```ts
 * import { Version } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Version.isAtLeast("0.0.0", "0.0"), true)
 * assert.equal(Version.isAtLeast("0.9.3", "1.0"), false)
 * ```
 *
 * @since 0.1.0
 */
export const isAtLeast = (running: string, minimum: string): boolean => {
  const [rMajor = 0, rMinor = 0] = running.split(".").map(Number)
  const [mMajor = 0, mMinor = 0] = minimum.split(".").map(Number)
  return rMajor > mMajor || (rMajor === mMajor && rMinor >= mMinor)
}
