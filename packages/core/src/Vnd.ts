/**
 * Amounts of Vietnamese đồng. The đồng has no minor unit, so an amount is a whole number; it is
 * never negative and never above 2^53 - 1, where JavaScript numbers stop being exact.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A VND amount: a safe, non-negative integer.
 *
 * @example
 * ```ts
 * import { Vnd } from "@thidua/core"
 * import { Schema } from "effect"
 * import assert from "node:assert"
 *
 * const is = Schema.is(Vnd.Vnd)
 * assert.equal(is(80_000_000), true)
 * assert.equal(is(1.5), false)
 * assert.equal(is(-1), false)
 * assert.equal(is(2 ** 53), false)
 * ```
 *
 * @since 0.1.0
 */
export const Vnd = Schema.Int.check(
  Schema.isGreaterThanOrEqualTo(0, {
    expected: "a non-negative amount of VND",
    "thidua/vi": "phải là một số tiền VND không âm"
  })
).pipe(Schema.brand("Vnd"))

/** @since 0.1.0 */
export type Vnd = typeof Vnd.Type

/** Makes an amount, throwing on a fraction, a negative or an unsafe integer. @since 0.1.0 */
export const make = (n: number): Vnd => Vnd.make(n)

/** Zero đồng. @since 0.1.0 */
export const zero: Vnd = 0 as Vnd

/**
 * Formats an amount the Vietnamese way, with dots between thousands.
 *
 * @example
 * ```ts
 * import { Vnd } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Vnd.format(Vnd.make(120_000_000)), "120.000.000 đ")
 * ```
 *
 * @since 0.1.0
 */
export const format = (amount: Vnd): string => `${amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đ`
