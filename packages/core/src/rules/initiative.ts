/**
 * Guards of initiatives: I1 and I2.
 *
 * @since 0.1.0
 */
import * as AwardKind from "../AwardKind.js"
import type * as CampaignState from "../CampaignState.js"
import type { RecognitionLevel } from "../Event.js"
import type * as Organization from "../Organization.js"
import { type Check, pass, refuse } from "./common.js"

const scopeRank: Record<RecognitionLevel, number> = { unit: 0, province: 1, national: 2 }

/** Levels competent to recognise at each scope. @since 0.1.0 */
export const competentLevels: Record<RecognitionLevel, ReadonlyArray<Organization.Level>> = {
  unit: ["confederation", "federation", "upper", "grassroots"],
  province: ["confederation", "federation"],
  national: ["confederation"]
}

/** I1: a benefit is a safe, non-negative whole amount of VND. @since 0.1.0 */
export const benefitIsAmount = (initiativeId: string, benefit: number): Check =>
  Number.isSafeInteger(benefit) && benefit >= 0
    ? pass
    : refuse("I1", { initiativeId, reason: "invalid-benefit", value: String(benefit) })

/** I1: an initiative is recognised only once it has been applied. @since 0.1.0 */
export const appliedBeforeRecognition = (i: CampaignState.Initiative): Check =>
  i.status === "Applied" ? pass : refuse("I1", { initiativeId: i.id, reason: "not-applied", value: i.status })

/** I2: the recogniser's level is competent for the scope it recognises at. @since 0.1.0 */
export const competentRecognizer = (
  i: CampaignState.Initiative,
  level: RecognitionLevel,
  recognizer: Organization.Level
): Check =>
  competentLevels[level].includes(recognizer)
    ? pass
    : refuse("I2", { initiativeId: i.id, reason: "incompetent-recognizer", level: recognizer, required: level })

/**
 * I2: an initiative cited for an award is recognised, at the scope the award needs or wider.
 *
 * @since 0.1.0
 */
export const scopeMatchesTitle = (kind: AwardKind.AwardKind, cited: ReadonlyArray<CampaignState.Initiative>): Check => {
  const required = AwardKind.catalogue[kind].initiativeScope
  if (required === undefined) return pass
  for (const i of cited) {
    if (i.status !== "Recognized" || i.level === undefined)
      return refuse("I2", { initiativeId: i.id, reason: "not-recognized", level: "none", required })
    if (scopeRank[i.level] < scopeRank[required])
      return refuse("I2", { initiativeId: i.id, reason: "scope-too-narrow", level: i.level, required })
  }
  return pass
}
