/**
 * Which rules judge each award: the table the eligibility engine runs, in order. A kind missing
 * from it is judged by no rule of the record (the campaign's own guards still apply).
 *
 * @internal
 */
import type { AwardKind } from "../AwardKind.js"
import type { Code } from "../Rule.js"
import { AWARD_SUBJECT } from "../rules/award/AWARD-SUBJECT.js"
import { E2 } from "../rules/award/E2.js"
import { K1 } from "../rules/award/K1.js"
import { K2 } from "../rules/award/K2.js"
import { K3 } from "../rules/award/K3.js"
import { K4 } from "../rules/award/K4.js"
import { K5 } from "../rules/award/K5.js"
import { K6 } from "../rules/award/K6.js"
import { T1 } from "../rules/award/T1.js"
import { T2 } from "../rules/award/T2.js"
import { T3 } from "../rules/award/T3.js"
import { T4 } from "../rules/award/T4.js"
import { T5 } from "../rules/award/T5.js"
import { T6 } from "../rules/award/T6.js"
import { T7 } from "../rules/award/T7.js"
import { U1 } from "../rules/award/U1.js"
import { U3 } from "../rules/award/U3.js"
import { U4 } from "../rules/award/U4.js"
import { U5 } from "../rules/award/U5.js"
import { U6 } from "../rules/award/U6.js"
import { V2 } from "../rules/award/V2.js"
import { X1 } from "../rules/award/X1.js"
import { E1 } from "../rules/directory/E1.js"
import { I3 } from "../rules/initiative/I3.js"
import { G1 } from "../rules/registration/G1.js"
import type { Input, Outcome } from "./input.js"

/** A rule as the engine runs it: its id and the guard. @internal */
export interface Requirement {
  readonly rule: Code
  readonly guard: (input: Input) => Outcome
}

const r = (rule: Code, guard: (input: Input) => Outcome): Requirement => ({ rule, guard })

// The exclusions every individual emulation title shares: registered, not disciplined, present.
const exclusions = [
  r("G1", G1.guards.registeredForYear),
  r("V2", V2.guards.notDisciplined),
  r("X1", X1.guards.presentEnough)
]
const forms = [r("U6", U6.guards.ladder)]

/** The rules of each award kind. @internal */
export const requirements: { readonly [K in AwardKind]: ReadonlyArray<Requirement> } = {
  "lao-dong-tien-tien": [...exclusions, r("T1", T1.guards.ratedWell), r("T2", T2.guards.servedLongEnough)],
  "chien-si-thi-dua-co-so": [...exclusions, r("T3", T3.guards.fighterOfTheYear), r("T4", T4.guards.quotaInUnit)],
  "chien-si-thi-dua-cap-tinh": [
    r("V2", V2.guards.notDisciplined),
    r("T5", T5.guards.consecutiveFighterYears),
    r("T7", T7.guards.councilVote)
  ],
  "chien-si-thi-dua-toan-quoc": [
    r("V2", V2.guards.notDisciplined),
    r("T6", T6.guards.consecutiveProvincialTitles),
    r("T7", T7.guards.councilVote)
  ],
  "tap-the-lao-dong-tien-tien": [r("G1", G1.guards.registeredForYear), r("K1", K1.guards.advancedShare)],
  "tap-the-lao-dong-xuat-sac": [
    r("G1", G1.guards.registeredForYear),
    r("K3", K3.guards.meetsAdvanced),
    r("K2", K2.guards.excellentShare)
  ],
  "co-thi-dua-cap-tinh": [r("G1", G1.guards.registeredForYear), r("K4", K4.guards.flagQuota)],
  "co-thi-dua-chinh-phu": [r("K5", K5.guards.governmentFlag)],
  "giay-khen": forms,
  "bang-khen-cap-tinh": [...forms, r("U3", U3.guards.comprehensiveOrThematic)],
  "bang-khen-thu-tuong": forms,
  "huan-chuong-lao-dong": [],
  "co-thi-dua-ldld": [r("K6", K6.guards.ratedExcellent), r("K4", K4.guards.flagQuota)],
  "bang-khen-ldld": forms,
  "bang-khen-chuyen-de-tld": [...forms, r("U3", U3.guards.comprehensiveOrThematic), r("U4", U4.guards.thematicQuota)],
  "bang-lao-dong-sang-tao": [r("I3", I3.guards.benefitEnough)],
  "giai-thuong-nguyen-duc-canh": [r("V2", V2.guards.notDisciplined), r("U5", U5.guards.oncePerPerson)],
  "ky-niem-chuong-cong-doan": [],
  "doan-vien-cong-doan-xuat-sac": exclusions,
  "cong-doan-co-so-vung-manh": [r("E1", E1.guards.ratedExcellent)],
  "to-cong-doan-vung-manh": [],
  "cong-nhan-gioi-co-so": exclusions,
  "cong-nhan-gioi-cap-tren": [...exclusions, r("E2", E2.guards.pyramid)],
  "cong-nhan-gioi-thu-do": [...exclusions, r("E2", E2.guards.pyramid)],
  "gioi-viec-nuoc-dam-viec-nha": exclusions
}

/** The first questions for every kind: is it for this sort of subject at all, and not held for the year already. @internal */
export const first: ReadonlyArray<Requirement> = [
  r("AWARD-SUBJECT", AWARD_SUBJECT.guards.eligible),
  r("U1", U1.guards.titleOnceAYear)
]

/** Every rule the eligibility engine may refuse with, once each. @internal */
export const codes: ReadonlyArray<Code> = [
  ...new Set([...first.map((x) => x.rule), ...Object.values(requirements).flatMap((rs) => rs.map((x) => x.rule))])
]
