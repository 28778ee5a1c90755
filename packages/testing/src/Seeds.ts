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
 * Each seed also carries the article's facts, written by hand with the sentences they are read
 * from (`facts`), and {@link atScale} gives its commands at the article's scale: the narrative's,
 * with generated ones that bring every total the article gives (517 grassroots unions, 30,000
 * initiatives) into the directory and the campaign.
 *
 * @since 0.1.0
 */
import type { AwardKind, Organization } from "@thidua/core"
import { scale as hanoiPeak2019Scale, seed as hanoiPeak2019Seed } from "./seeds/hanoiPeak2019.js"
import { seed as hoangMai2020Seed } from "./seeds/hoangMai2020.js"
import { scale as hoanKiem2025Scale, seed as hoanKiem2025Seed } from "./seeds/hoanKiem2025.js"
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
  /**
   * What the article states, written by hand from its text (never computed from the commands),
   * with the sentence each figure is read from. The generator of {@link atScale} builds the
   * article's totals from these.
   *
   * @since 0.5.0
   */
  readonly facts: Facts
}

/**
 * An organization as a seed's directory registers it: its id there and its name.
 *
 * @example
 * ```ts
 * import { Seeds } from "@thidua/testing"
 * import assert from "node:assert"
 *
 * const issuer: Seeds.Unit = Seeds.hoanKiem2025.facts.issuer
 * assert.deepEqual(issuer, { organizationId: "ldld-hoan-kiem", name: "Liên đoàn Lao động quận Hoàn Kiếm" })
 * ```
 *
 * @since 0.5.0
 */
export interface Unit {
  readonly organizationId: string
  readonly name: string
}

/**
 * A party to an award as the article names it: `organizationId` is its id in the seed's directory,
 * `null` for a body the directory does not hold (Tổng LĐLĐ Việt Nam, or "the grassroots unions"
 * taken together); `person` is whoever the article says acted for it.
 *
 * @example
 * ```ts
 * import { Seeds } from "@thidua/testing"
 * import assert from "node:assert"
 *
 * const [award] = Seeds.namTuLiem2021.facts.awards
 * const grantor: Seeds.Party | undefined = award?.grantedBy
 * assert.deepEqual(grantor, { organizationId: null, name: "Tổng Liên đoàn Lao động Việt Nam" })
 * ```
 *
 * @since 0.5.0
 */
export interface Party {
  readonly organizationId: string | null
  readonly name: string
  readonly person?: string
}

/**
 * Who states a date or a count: the `article`, or the `seed` where the article is silent or vague
 * (a drive "from April 2019" of 90 days is dated 30/04–28/07 by the seed).
 *
 * @example
 * ```ts
 * import { Seeds } from "@thidua/testing"
 * import assert from "node:assert"
 *
 * const by: Seeds.StatedBy = Seeds.hanoiPeak2019.facts.phases[0]!.statedBy
 * assert.equal(by, "seed")
 * ```
 *
 * @since 0.5.0
 */
export type StatedBy = "article" | "seed"

/**
 * A phase as the seed schedules it, and whether the article gives its dates.
 *
 * @example
 * ```ts
 * import { Seeds } from "@thidua/testing"
 * import assert from "node:assert"
 *
 * const dot1: Seeds.PhaseFact = Seeds.hoangMai2020.facts.phases[0]!
 * assert.deepEqual([dot1.start, dot1.end, dot1.statedBy], ["2020-01-01", "2020-06-30", "article"])
 * ```
 *
 * @since 0.5.0
 */
export interface PhaseFact {
  readonly name: string
  readonly start: string
  readonly end: string
  readonly theme: string
  readonly statedBy: StatedBy
  /** The sentence that gives the dates, when the article does. */
  readonly quote?: string
}

/**
 * How many contents (nội dung thi đua) a sector has: counted by the article (Hoàng Mai's "6 nội
 * dung" and "3 nội dung") or by the seed's reading of its paragraphs.
 *
 * @example
 * ```ts
 * import { Seeds } from "@thidua/testing"
 * import assert from "node:assert"
 *
 * const sectors: ReadonlyArray<Seeds.SectorFact> = Seeds.hoangMai2020.facts.sectors
 * assert.deepEqual(sectors.map((s) => [s.sector, s.contents]), [["enterprise", 6], ["administrative", 3]])
 * ```
 *
 * @since 0.5.0
 */
export interface SectorFact {
  readonly sector: Organization.Sector
  readonly contents: number
  readonly statedBy: StatedBy
  readonly quote?: string
}

/**
 * An award the article names: what it is in the article's words, its kind in the catalogue when
 * it has one, the year it rewards, who received, granted and presented it.
 *
 * @example
 * ```ts
 * import { Seeds } from "@thidua/testing"
 * import assert from "node:assert"
 *
 * const flag: Seeds.AwardFact = Seeds.hoanKiem2025.facts.awards[0]!
 * assert.deepEqual([flag.kind, flag.year, flag.grantedBy.organizationId], ["co-thi-dua-ldld", 2024, "ldld-ha-noi"])
 * ```
 *
 * @since 0.5.0
 */
export interface AwardFact {
  /** The award in the article's words. */
  readonly name: string
  /** Its kind in `AwardKind.catalogue`, `undefined` when the article does not say which. */
  readonly kind: AwardKind.AwardKind | undefined
  /** The year whose achievements it rewards, when the article says. */
  readonly year: number | undefined
  readonly recipient: Party
  readonly grantedBy: Party
  /** Who handed it over (trao tặng), when the article says. */
  readonly presentedBy: Party | undefined
  readonly quote: string
}

/**
 * A number the article gives that no other field holds: a share of units, houses built.
 *
 * @example
 * ```ts
 * import { Seeds } from "@thidua/testing"
 * import assert from "node:assert"
 *
 * const houses: Seeds.Figure | undefined = Seeds.hanoiPeak2019.facts.figures.find((f) => f.value === 95)
 * assert.ok(houses?.quote.includes("95 Mái ấm Công đoàn"))
 * ```
 *
 * @since 0.5.0
 */
export interface Figure {
  /** What is counted, in English; a share is a fraction of 1. */
  readonly what: string
  readonly value: number
  /** The article says "more than" (hơn, trên). */
  readonly moreThan?: boolean
  readonly quote: string
}

/**
 * What an article states, by hand. A field the article gives no number for is left out
 * (`organizations: {}`), never guessed.
 *
 * @example
 * ```ts
 * import { Seeds } from "@thidua/testing"
 * import assert from "node:assert"
 *
 * const facts: Seeds.Facts = Seeds.hoanKiem2025.facts
 * assert.deepEqual(
 *   [facts.organizations.grassroots, facts.organizations.members, facts.organizations.workers],
 *   [517, 35_829, 38_025]
 * )
 * assert.equal(Seeds.hoangMai2020.facts.organizations.members, undefined)
 * assert.equal(Seeds.hoangMai2020.facts.pilotUnit?.organizationId, "cdcs-trung-thanh")
 * ```
 *
 * @since 0.5.0
 */
export interface Facts {
  /** The federation that launches the campaign (phát động). */
  readonly issuer: Unit
  /** Where the launch is held as a pilot (phát động điểm), or `null`. */
  readonly pilotUnit: Unit | null
  /** The issuer's grassroots unions, their union members and their workers, as the article counts them. */
  readonly organizations: {
    readonly grassroots?: number
    readonly members?: number
    readonly workers?: number
    readonly quote?: string
  }
  /** Initiatives (đề tài, sáng kiến, giải pháp), their benefit in VND, and works plaqued (gắn biển). */
  readonly initiatives: {
    readonly count?: number
    readonly benefitVnd?: number
    readonly plaqued?: number
    /** `count` and `benefitVnd` are the article's "more than" (hơn, trên): lower bounds. */
    readonly moreThan?: boolean
    readonly quote?: string
  }
  /** The phases, as the seed schedules them. */
  readonly phases: ReadonlyArray<PhaseFact>
  /** The contents per sector. */
  readonly sectors: ReadonlyArray<SectorFact>
  /** The emulation clusters (cụm thi đua) and their covenants, when the article has them. */
  readonly clusters?: {
    /** How many clusters; `undefined` when the article does not count them. */
    readonly count?: number
    /** How many units they hold, all together. */
    readonly units?: number
    /** Every cluster signs its covenant (giao ước thi đua) right after the launch. */
    readonly covenantsAtLaunch: boolean
    readonly quote: string
  }
  /** The awards the article names. */
  readonly awards: ReadonlyArray<AwardFact>
  /** Other numbers the article gives. */
  readonly figures: ReadonlyArray<Figure>
}

/**
 * A seed's commands: the directory's, then the campaign's, each list in the order to run it.
 *
 * @example
 * ```ts
 * import { Seeds } from "@thidua/testing"
 * import assert from "node:assert"
 *
 * const { directory, campaign }: Seeds.Commands = Seeds.atScale(Seeds.hoangMai2020)
 * assert.equal(directory, Seeds.hoangMai2020.directory)
 * assert.equal(campaign, Seeds.hoangMai2020.campaign)
 * ```
 *
 * @since 0.5.0
 */
export interface Commands {
  readonly directory: ReadonlyArray<unknown>
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

const generators: ReadonlyMap<string, (seed: Seed) => Commands> = new Map([
  [hanoiPeak2019Seed.name, hanoiPeak2019Scale],
  [hoanKiem2025Seed.name, hoanKiem2025Scale]
])

/**
 * A seed at the scale of its article: its narrative commands, with commands generated so that
 * every total the article gives is there in full, merged in by date so that every command is
 * accepted. Deterministic (no randomness: two calls give equal lists) and built afresh on each call.
 *
 * **When to use**: to load a store or a read model with the article's numbers — a participation
 * read that finds LĐLĐ quận Hoàn Kiếm's 517 grassroots unions and 35,829 members, an initiative
 * ledger worth 900 billion VND. The narrative seeds stay small for the tests that fold them often.
 *
 * **Details**: generated commands have ids of their own, numbered to the width of their list
 * (`hoan-kiem-2025-scale-dir-0001`, `ha-noi-cao-diem-2019-scale-cmd-00001`; organizations
 * `hk2025-cdcs-0001`, initiatives `hn2019-gp-00001`, `hn2019-sk-00003`, `hn2019-dt-00010`), and
 * there are only as many as the totals need: one `RecordInitiative` per initiative, one
 * registration, one enrolment and one move per unit.
 * - `hoan-kiem-2025`: 514 more grassroots unions under LĐLĐ quận Hoàn Kiếm (517 with the three the
 *   narrative registers), whose `members` and `workers` sum to 35,829 and 38,025; each is enrolled
 *   on the narrative's day of enrolment and moved to LĐLĐ thành phố Hà Nội on 1/7/2025.
 * - `ha-noi-90-days-2019`: 29,998 more initiatives, so that with the narrative's two the
 *   campaign holds 30,000 initiatives, research topics and solutions worth 900,000,000,000 VND
 *   (the article's "hơn 30 nghìn", "trên 900 tỷ đồng" taken at their round figures), recorded
 *   on every day of the peak phase from the first enrolment, over the three enrolled units;
 *   the five plaqued works are the narrative's.
 * - The other seeds' articles give no total beyond what the narrative already holds (Phúc Thọ's
 *   does not say how many clusters signed): their lists are the narrative's, as they are.
 *
 * @example
 * ```ts
 * import { Seeds } from "@thidua/testing"
 * import assert from "node:assert"
 *
 * type Registration = { _tag: string; level?: string; members?: number; workers?: number }
 * const hk = Seeds.atScale(Seeds.hoanKiem2025)
 * const units = (hk.directory as ReadonlyArray<Registration>).filter(
 *   (c) => c._tag === "RegisterOrganization" && c.level === "grassroots"
 * )
 * assert.equal(units.length, 517)
 * assert.equal(units.reduce((n, c) => n + (c.members ?? 0), 0), 35_829)
 * assert.equal(units.reduce((n, c) => n + (c.workers ?? 0), 0), 38_025)
 * // the narrative's commands are all there, in their order
 * assert.deepEqual(hk.campaign.filter((c) => Seeds.hoanKiem2025.campaign.includes(c)), Seeds.hoanKiem2025.campaign)
 * // and the lists are the same on every call
 * assert.deepEqual(Seeds.atScale(Seeds.hanoiPeak2019), Seeds.atScale(Seeds.hanoiPeak2019))
 * ```
 *
 * @since 0.5.0
 */
export const atScale = (seed: Seed): Commands =>
  generators.get(seed.name)?.(seed) ?? { directory: seed.directory, campaign: seed.campaign }
