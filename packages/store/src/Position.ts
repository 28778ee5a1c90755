/**
 * Positions in the global log: opaque strings that order events as a subscriber must see them.
 * Comparing two positions as strings compares them in the log's order, whatever the store: the
 * in-memory store counts, PostgreSQL pairs the writing transaction with a sequence number.
 *
 * @since 0.1.0
 */
import type { Brand } from "effect"

/** @since 0.1.0 */
export type Position = string & Brand.Brand<"Position">

/**
 * Before the first event: `readAll(start)` reads everything.
 *
 * @since 0.1.0
 */
export const start = "" as Position

/**
 * A position from a count, zero-padded so that string order is numeric order.
 *
 * @example
 * ```ts
 * import { Position } from "@thidua/store"
 * import assert from "node:assert"
 *
 * assert.ok(Position.fromCount(9) < Position.fromCount(10))
 * assert.ok(Position.start < Position.fromCount(1))
 * ```
 *
 * @since 0.1.0
 */
export const fromCount = (n: number | bigint): Position => n.toString().padStart(20, "0") as Position

/** Whether `a` comes after `b`. @since 0.1.0 */
export const isAfter = (a: Position, b: Position): boolean => a > b
