/**
 * How award events change the campaign's state. Besides the awards, the state keeps what the
 * guards look up: the award of each achievement (U1) and each unit's count of Advanced Workers
 * and Grassroots Emulation Fighters (T4).
 *
 * @internal
 */
import * as CampaignState from "../CampaignState.js"
import * as Dict from "../Dict.js"
import { type Folds, keep } from "../internal/decision.js"

const fighterDelta = (state: CampaignState.State, a: CampaignState.Award, sign: 1 | -1): CampaignState.State => {
  if (a.recipient._tag !== "Member") return state
  const field =
    a.kind === "lao-dong-tien-tien" ? "advanced" : a.kind === "chien-si-thi-dua-co-so" ? "fighters" : undefined
  if (field === undefined) return state
  const unit = a.recipient.organizationId
  const before = Dict.get(state.fighters, unit) ?? { advanced: 0, fighters: 0 }
  return { ...state, fighters: Dict.set(state.fighters, unit, { ...before, [field]: before[field] + sign }) }
}

/** The awards' events. */
export const folds: Folds<"AwardGranted" | "AwardPresented" | "AwardRevoked" | "ExemplarReplicated"> = {
  AwardGranted: (state, event) => {
    const a: CampaignState.Award = {
      id: event.awardId,
      recipient: event.recipient,
      kind: event.kind,
      grantedById: event.grantedById,
      basis: event.basis,
      period: event.period,
      extraordinary: event.extraordinary,
      grantedAt: event.at,
      revoked: false
    }
    const key = CampaignState.achievementKey(a.recipient, a.basis, a.period, a.kind)
    return fighterDelta(
      { ...state, awards: Dict.set(state.awards, a.id, a), achievements: Dict.set(state.achievements, key, a.id) },
      a,
      1
    )
  },
  AwardPresented: (state, event) => ({
    ...state,
    awards: Dict.modify(state.awards, event.awardId, (a) => ({
      ...a,
      presentedById: event.presentedById,
      presentedAt: event.at
    }))
  }),
  AwardRevoked: (state, event) => {
    const a = CampaignState.award(state, event.awardId)
    if (a === undefined || a.revoked) return state
    const key = CampaignState.achievementKey(a.recipient, a.basis, a.period, a.kind)
    return fighterDelta(
      {
        ...state,
        awards: Dict.set(state.awards, a.id, { ...a, revoked: true }),
        achievements:
          Dict.get(state.achievements, key) === a.id ? Dict.remove(state.achievements, key) : state.achievements
      },
      a,
      -1
    )
  },
  ExemplarReplicated: keep
}
