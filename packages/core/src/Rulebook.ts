/**
 * The numbers of the rules, as data. A `Rulebook` holds one parameter set per legal
 * regime (R2003, R2024, R2025) with the dates it is in force, and per-organization overrides: a
 * province's own regulation, say. A campaign is judged by the regime in force on the day it
 * starts, with the overrides of its issuer and the issuer's ancestors (the nearest wins).
 *
 * Host apps pass their own rulebook to the deciders. Each rule names the parameters it reads
 * (`Rule.byId.T4.reads`): the campaign's guards (G1, C5, I2, T4, T7, A4) and the eligibility
 * engine's (T2, T3, T5, T6, K1, K2, K4, K5, I3, U4, U5, U6, X1) read them. The eligibility engine
 * judges a period by the regime in force on the day the period ends. The remaining unverified
 * rules (C6, C7, G2–G5) are fixed guards until a host needs them to vary.
 *
 * @since 0.1.0
 */
import type { AwardKind } from "./AwardKind.js"
import * as Directory from "./Directory.js"
import type { OrganizationId } from "./Ids.js"
import type { LocalDate, Period } from "./LocalDate.js"

/**
 * The regimes the library knows.
 *
 * @since 0.1.0
 */
export type RegimeId = "R2003" | "R2024" | "R2025"

/**
 * Every parameter a rule reads. The rule ids in brackets say which guard uses each.
 *
 * @since 0.1.0
 */
export interface Params {
  /** [G1] Titles need a registration or a signed covenant. */
  readonly titlesRequireRegistration: boolean
  /** [C5] Peak phases (đợt cao điểm) may overlap other phases. */
  readonly peakPhasesMayOverlap: boolean
  /** [T4] Cap on Grassroots Emulation Fighters as a share of Advanced Workers per unit; `null`: no cap. */
  readonly grassrootsFighterQuota: number | null
  /** [T7] Share of all council members that must vote for a nomination, by award kind. */
  readonly councilApproval: Partial<Record<AwardKind, number>>
  /** [T7] Share of all council members that must vote for any other nomination. */
  readonly defaultCouncilApproval: number
  /** [T2] Months since recruitment below which Advanced Worker is not granted. */
  readonly advancedWorkerMinServiceMonths: number
  /** [T3, read by I2] Whether a Grassroots Emulation Fighter's nomination must cite an initiative (`required`) or it is one alternative. */
  readonly grassrootsFighterInitiative: "required" | "alternative"
  /** [T5] Consecutive grassroots fighter years for the provincial fighter title. */
  readonly provincialFighterConsecutiveYears: number
  /** [T6] Consecutive provincial fighter grants for the national fighter title. */
  readonly nationalFighterConsecutiveGrants: number
  /** [K1] Share of members that must be Advanced Workers for an Advanced Labour Collective. */
  readonly advancedCollectiveShare: number
  /** [K2] Share for an Excellent Labour Collective. */
  readonly excellentCollectiveShare: number
  /** [K4] Emulation flags of one kind a cluster (cụm, khối) may receive in a year. */
  readonly flagsPerCluster: number
  /** [K5] Cap on Government flags as a share of collectives meeting the provincial flag; `null`: no cap. */
  readonly governmentFlagQuota: number | null
  /** [I3] Creative Labour Certificate: one solution's benefit, in VND. */
  readonly creativeLabourSingleVnd: number
  /** [I3] Creative Labour Certificate: three consecutive years' total benefit, in VND. */
  readonly creativeLabourThreeYearVnd: number
  /** [U4] Thematic certificates of merit per theme per year, and proposals per federation. */
  readonly thematicMeritPerTheme: number
  readonly thematicMeritProposalsPerFederation: number
  /** [U5] A year of the Vietnam Trade Union Congress, and the years between congresses: the Nguyen Duc Canh Prize is given in congress years. */
  readonly congressYear: number
  readonly congressEvery: number
  /** [U5] Years of service the Nguyen Duc Canh Prize needs. */
  readonly prizeMinServiceYears: number
  /** [U6] The Prime Minister's certificate: consecutive years rated "good" or better, with this many Grassroots Emulation Fighter years among them. */
  readonly primeMinisterMeritYears: number
  readonly primeMinisterMeritFighterYears: number
  /** [X1] Working days of absence (maternity leave aside) from which no emulation title is given for the year. */
  readonly absenceMaxWorkingDays: number
  /** [A4] Days nominees are published for comment, at least, before a decision. */
  readonly publicationDays: number
  /** [workflow] Days after a phase closes by which its interim review (sơ kết) is due. */
  readonly interimReviewDays: number
  /** [workflow] Days after the launch by which every enrolled unit has registered (đăng ký thi đua). */
  readonly registrationDays: number
  /** [workflow] Days after the campaign ends by which every nomination is decided. */
  readonly nominationDays: number
  /** [workflow] The share of a council that must be present for its vote to count (quorum). */
  readonly councilQuorum: number
}

/**
 * The parameters the workflow engine reads and no guard does (`@thidua/workflow`): the calendar
 * manager's deadlines (a deadline passed with something undone is a `DeadlineMissed`), and the
 * quorum the award approval manager asks of a council before it counts the vote.
 *
 * @since 0.4.0
 */
export const workflow: ReadonlyArray<keyof Params> = [
  "interimReviewDays",
  "registrationDays",
  "nominationDays",
  "councilQuorum"
]

/**
 * A legal regime: its parameters and the days it is in force (`to` included; open-ended when absent).
 *
 * @since 0.1.0
 */
export interface Regime {
  readonly id: RegimeId
  readonly label: { readonly vi: string; readonly en: string }
  readonly from: LocalDate
  readonly to?: LocalDate
  readonly params: Params
}

/**
 * The regimes and the per-organization overrides.
 *
 * @since 0.1.0
 */
export interface Rulebook {
  readonly regimes: ReadonlyArray<Regime>
  readonly overrides: Readonly<Record<string, Partial<Params>>>
}

const r2024: Params = {
  titlesRequireRegistration: true,
  peakPhasesMayOverlap: true,
  grassrootsFighterQuota: null,
  councilApproval: {},
  defaultCouncilApproval: 0.5,
  advancedWorkerMinServiceMonths: 6,
  grassrootsFighterInitiative: "alternative",
  provincialFighterConsecutiveYears: 3,
  nationalFighterConsecutiveGrants: 2,
  advancedCollectiveShare: 0.5,
  excellentCollectiveShare: 0.7,
  governmentFlagQuota: null,
  creativeLabourSingleVnd: 80_000_000,
  creativeLabourThreeYearVnd: 120_000_000,
  thematicMeritPerTheme: 300,
  thematicMeritProposalsPerFederation: 4,
  flagsPerCluster: 1,
  congressYear: 2023,
  congressEvery: 5,
  prizeMinServiceYears: 5,
  primeMinisterMeritYears: 5,
  primeMinisterMeritFighterYears: 3,
  absenceMaxWorkingDays: 40,
  publicationDays: 5,
  interimReviewDays: 30,
  registrationDays: 30,
  nominationDays: 60,
  councilQuorum: 2 / 3
}

const r2003: Params = {
  ...r2024,
  grassrootsFighterQuota: 0.15,
  councilApproval: { "chien-si-thi-dua-cap-tinh": 0.9, "chien-si-thi-dua-toan-quoc": 0.9 },
  advancedWorkerMinServiceMonths: 10,
  grassrootsFighterInitiative: "required",
  governmentFlagQuota: 0.2
}

/**
 * The rulebook the library ships: R2003 until 31/12/2023 (Law 15/2003, Decree 91/2017, QĐ
 * 1689/QĐ-TLĐ), R2024 from 01/01/2024 (Law 06/2022, Decree 98/2023, QĐ 999/QĐ-TLĐ) and R2025 from
 * 01/07/2025 (Decree 152/2025), with no overrides.
 *
 * @example
 * ```ts
 * import { LocalDate, Rulebook } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Rulebook.regimeOn(Rulebook.standard, LocalDate.make("2020-01-01")).id, "R2003")
 * assert.equal(Rulebook.regimeOn(Rulebook.standard, LocalDate.make("2024-01-01")).id, "R2024")
 * assert.equal(Rulebook.regimeOn(Rulebook.standard, LocalDate.make("2025-07-01")).id, "R2025")
 * ```
 *
 * @since 0.1.0
 */
export const standard: Rulebook = {
  regimes: [
    {
      id: "R2003",
      label: { vi: "Luật Thi đua, Khen thưởng 2003", en: "Emulation and Commendation Law 2003" },
      from: "1900-01-01" as LocalDate,
      to: "2023-12-31" as LocalDate,
      params: r2003
    },
    {
      id: "R2024",
      label: { vi: "Luật Thi đua, Khen thưởng 2022 và Nghị định 98/2023", en: "Law 06/2022 and Decree 98/2023" },
      from: "2024-01-01" as LocalDate,
      to: "2025-06-30" as LocalDate,
      params: r2024
    },
    {
      id: "R2025",
      label: { vi: "Luật Thi đua, Khen thưởng 2022 và Nghị định 152/2025", en: "Law 06/2022 and Decree 152/2025" },
      from: "2025-07-01" as LocalDate,
      params: r2024
    }
  ],
  overrides: {}
}

/**
 * The regime in force on a day. Days outside every regime fall to the nearest one, so a host's
 * rulebook that starts later still answers.
 *
 * @since 0.1.0
 */
export const regimeOn = (book: Rulebook, date: LocalDate): Regime => {
  let best = book.regimes[0]
  if (best === undefined) throw new Error("A rulebook needs at least one regime")
  for (const r of book.regimes) {
    if (r.from <= date && (r.to === undefined || date <= r.to)) return r
    if (r.from <= date) best = r
  }
  return best
}

/**
 * The regime with an id, or the one in force on `fallback` when the book has no such regime.
 *
 * @since 0.1.0
 */
export const regime = (book: Rulebook, id: RegimeId, fallback: LocalDate): Regime =>
  book.regimes.find((r) => r.id === id) ?? regimeOn(book, fallback)

/**
 * The parameters for a regime, with the overrides of the given organizations applied from the
 * farthest to the nearest (pass the issuer first, then its ancestors).
 *
 * @example
 * ```ts
 * import { Rulebook } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const hanoi = Rulebook.withOverride(Rulebook.standard, "ldld-ha-noi", { grassrootsFighterQuota: 0.2 })
 * const r2024 = Rulebook.regime(hanoi, "R2024", "2024-01-01" as never)
 * assert.equal(Rulebook.params(hanoi, r2024, ["cdcs-1", "ldld-ha-noi"] as never).grassrootsFighterQuota, 0.2)
 * assert.equal(Rulebook.params(hanoi, r2024, ["cdcs-2"] as never).grassrootsFighterQuota, null)
 * ```
 *
 * @since 0.1.0
 */
export const params = (book: Rulebook, regime: Regime, chain: ReadonlyArray<OrganizationId>): Params => {
  let result = regime.params
  for (let i = chain.length - 1; i >= 0; i--) {
    const o = book.overrides[chain[i]!]
    if (o !== undefined) result = { ...result, ...o }
  }
  return result
}

/**
 * A rulebook with an organization's override added (merged over any it had).
 *
 * @since 0.1.0
 */
export const withOverride = (book: Rulebook, organizationId: string, override: Partial<Params>): Rulebook => ({
  ...book,
  overrides: { ...book.overrides, [organizationId]: { ...book.overrides[organizationId], ...override } }
})

/**
 * The parameters a campaign is judged by: its regime (or the one in force when it starts, when
 * the book lacks it), with the overrides of its issuer and the issuer's ancestors as they stood
 * when it started. The deciders and the testing kit read parameters through this one function.
 *
 * @example
 * ```ts
 * import { Directory, Rulebook } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const plan = { regime: "R2003", issuerId: "ldld-ha-noi", period: { start: "2020-01-01", end: "2020-12-31" } } as never
 * assert.equal(Rulebook.forCampaign(Rulebook.standard, Directory.initialState, plan).grassrootsFighterQuota, 0.15)
 * ```
 *
 * @since 0.3.0
 */
export const forCampaign = (
  book: Rulebook,
  directory: Directory.State,
  plan: { readonly regime: RegimeId; readonly issuerId: OrganizationId; readonly period: Period }
): Params =>
  params(
    book,
    regime(book, plan.regime, plan.period.start),
    Directory.chain(directory, plan.issuerId, plan.period.start)
  )
