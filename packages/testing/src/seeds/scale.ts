/**
 * What the seeds at the scale of their articles share: splitting a total exactly over many parts,
 * the days of a period, and merging generated commands into a seed's narrative ones by date.
 * Everything here is deterministic: no randomness, no clock, so two calls give equal lists.
 *
 * @since 0.5.0
 * @internal
 */
import { LocalDate } from "@thidua/core"

/** A varied but fixed weight for the `i`-th part (1 to 17): parts differ in size as real ones do. @internal */
export const weight = (i: number): number => 1 + ((i * 37 + 11) % 17)

/**
 * Splits `total` into whole parts proportional to `weights` that sum to `total` exactly: each part
 * is the floor of its share, and the units left over go one each to the parts with the largest
 * remainders, the earlier part first on a tie (Hamilton's method). Exact for any safe integer total.
 *
 * @internal
 */
export const apportion = (total: number, weights: ReadonlyArray<number>): Array<number> => {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`not a whole total: ${total}`)
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n)
  if (sum <= 0n) throw new RangeError("the weights sum to nothing")
  const t = BigInt(total)
  const parts = weights.map((w) => (t * BigInt(w)) / sum)
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }))
  let left = t - parts.reduce((a, p) => a + p, 0n)
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (const { i } of remainders) {
    if (left === 0n) break
    parts[i] = parts[i]! + 1n
    left--
  }
  return parts.map(Number)
}

/** The days from `start` to `end`, both included. @internal */
export const daysOf = (start: string, end: string): Array<string> => {
  const days: Array<string> = []
  for (let d = LocalDate.make(start); d <= end; d = LocalDate.addDays(d, 1)) days.push(d)
  return days
}

/** `n` zero-padded to the width of `of` (at least `min` digits), so the ids of one list sort as they are numbered. @internal */
export const padTo = (n: number, of: number, min = 3): string =>
  String(n).padStart(Math.max(min, String(of).length), "0")

/**
 * Where a command falls within its day: a day's directory runs registrations before moves before
 * restructurings, and a campaign's day runs its plan and phases opening first, then enrolments,
 * registrations, initiatives and scores, then phases closing, reviews, awards and the end.
 */
const rank: Readonly<Record<string, number>> = {
  RegisterOrganization: 0,
  FormCluster: 1,
  MoveOrganization: 2,
  RestructureOrganization: 3,
  PlanCampaign: 0,
  LaunchCampaign: 1,
  SchedulePhase: 2,
  OpenPhase: 3,
  EnrollParticipant: 4,
  SignPledge: 5,
  ApproveRegistration: 6,
  RejectRegistration: 6,
  RecordInitiative: 7,
  ApplyInitiative: 8,
  RecognizeInitiative: 9,
  RejectInitiative: 9,
  PlaqueWork: 10,
  AssessScore: 11,
  ClosePhase: 12,
  HoldInterimReview: 13,
  EndCampaign: 15,
  HoldFinalReview: 16,
  CloseCampaign: 17,
  CancelCampaign: 17
}

interface Dated {
  readonly _tag: string
  readonly at: string
}

const keyOf = (c: unknown): readonly [string, number] => {
  const d = c as Dated
  return [d.at, rank[d._tag] ?? 14]
}

const before = (a: readonly [string, number], b: readonly [string, number]): boolean =>
  a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])

/**
 * Merges generated commands into a seed's narrative ones. The narrative keeps its order; each
 * generated command goes just before the first narrative command that comes later than it (a
 * later day, or the same day at a later step, see `rank`), so it follows everything of its day it
 * may depend on. The generated commands are ordered by day and step first (a stable sort).
 *
 * @internal
 */
export const merge = (narrative: ReadonlyArray<unknown>, generated: ReadonlyArray<unknown>): ReadonlyArray<unknown> => {
  const pending = generated
    .map((c, i) => ({ c, i, k: keyOf(c) }))
    .sort((a, b) => (before(a.k, b.k) ? -1 : before(b.k, a.k) ? 1 : a.i - b.i))
  const out: Array<unknown> = []
  let g = 0
  for (const n of narrative) {
    const k = keyOf(n)
    while (g < pending.length && before(pending[g]!.k, k)) out.push(pending[g++]!.c)
    out.push(n)
  }
  while (g < pending.length) out.push(pending[g++]!.c)
  return out
}
