/**
 * The five campaigns of the source articles (`shared/seeds/*.txt`, Hanoi labour federations
 * launching emulation campaigns) as command sequences the deciders accept: the directory commands
 * that build the union hierarchy each campaign needs, then the campaign's commands from its plan
 * to its close.
 *
 * The commands are raw, JSON-shaped values, exactly as a host app would receive them: decode
 * them with `Command.decodeDirectory` and `Command.decodeCampaign` from `@thidua/core`, then fold
 * them through `Directory.decide`/`evolve` and `Campaign.decide`/`evolve`. Nothing here runs them.
 *
 * Each seed has a tenant of its own, so the five can share one store without their directories
 * meeting. A directory command's `at` is the day the directory records the organization, not the
 * day it was founded.
 *
 * @since 0.1.0
 */
import { seed as hanoiPeak2019Seed } from "./seeds/hanoiPeak2019.js"
import { seed as hoangMai2020Seed } from "./seeds/hoangMai2020.js"
import { seed as hoanKiem2025Seed } from "./seeds/hoanKiem2025.js"
import { seed as namTuLiem2021Seed } from "./seeds/namTuLiem2021.js"
import { seed as phucTho2024Seed } from "./seeds/phucTho2024.js"

/**
 * One seed campaign: where it comes from, what it covers, and its commands.
 *
 * @since 0.1.0
 */
export interface Seed {
  /** A short, stable name: `hoang-mai-2020`. */
  readonly name: string
  /** The file name of the source article in `shared/seeds/`. */
  readonly source: string
  /** The campaign's title, in Vietnamese, as the article gives it. */
  readonly title: string
  /** What the fixture covers, in English, and which of its steps the article does not report. */
  readonly summary: string
  /** The tenant every command of the seed carries. */
  readonly tenantId: string
  /** Directory commands (RegisterOrganization, MoveOrganization, RestructureOrganization, FormCluster), in order. */
  readonly directory: ReadonlyArray<unknown>
  /** Campaign commands, from PlanCampaign to CloseCampaign, in order. */
  readonly campaign: ReadonlyArray<unknown>
}

/**
 * LĐLĐ quận Hoàng Mai, 2020: two phases, contents for the enterprise and administrative sectors,
 * a pilot launch at Công ty TNHH Trung Thành (source `000_b6a55d5eb6fd242a.txt`).
 *
 * @since 0.1.0
 */
export const hoangMai2020: Seed = hoangMai2020Seed

/**
 * LĐLĐ huyện Phúc Thọ, 2024: two phases, and the emulation clusters signing their covenants at
 * the launch (source `001_ef2e1db0822d2fbd.txt`).
 *
 * @since 0.1.0
 */
export const phucTho2024: Seed = phucTho2024Seed

/**
 * LĐLĐ thành phố Hà Nội, 2019: the 90-day peak drive for the 90th anniversary of the Vietnam
 * Trade Union, with its five plaqued works (source `002_e82909285ce8441c.txt`).
 *
 * @since 0.1.0
 */
export const hanoiPeak2019: Seed = hanoiPeak2019Seed

/**
 * LĐLĐ quận Nam Từ Liêm, 2021: the pilot launch at Công đoàn phường Cầu Diễn, with its two phases
 * (source `003_09e435ed94fc720a.txt`).
 *
 * @since 0.1.0
 */
export const namTuLiem2021: Seed = namTuLiem2021Seed

/**
 * LĐLĐ quận Hoàn Kiếm, 2025: two phases and a peak phase, carried on by LĐLĐ thành phố Hà Nội
 * once the district federation ended on 30/6/2025 (source `004_2c66f2228d63e6f0.txt`).
 *
 * @since 0.1.0
 */
export const hoanKiem2025: Seed = hoanKiem2025Seed

/**
 * Every seed, in the order of the source articles.
 *
 * @example
 * ```ts
 * import { Command } from "@thidua/core"
 * import { Seeds } from "@thidua/testing"
 * import { Result } from "effect"
 * import assert from "node:assert"
 *
 * assert.equal(Seeds.all.length, 5)
 * for (const seed of Seeds.all) {
 *   assert.ok(seed.directory.every((c) => Result.isSuccess(Command.decodeDirectory(c))))
 *   assert.ok(seed.campaign.every((c) => Result.isSuccess(Command.decodeCampaign(c))))
 * }
 * ```
 *
 * @since 0.1.0
 */
export const all: ReadonlyArray<Seed> = [hoangMai2020, phucTho2024, hanoiPeak2019, namTuLiem2021, hoanKiem2025]
