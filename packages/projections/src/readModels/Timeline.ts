/**
 * The timeline of a campaign: its history as dated lines in Vietnamese and English, one per event,
 * in the order recorded — what a campaign's page or its final report (báo cáo tổng kết) lists.
 *
 * Partitioned by campaign stream. The fold keeps each event with its day; the text is written when
 * the lines are read, so a rebuild stays fast and a change of wording needs none. Lines name
 * organizations and members by id: their names live in the tenant's directory, another stream; a
 * host app maps ids to names when it shows them.
 *
 * @since 0.1.0
 */
import { AwardKind, type Event, type LocalDate, Organization } from "@thidua/core"
import type { Effect } from "effect"
import * as Projection from "../Projection.js"
import type * as ProjectionError from "../ProjectionError.js"
import * as ReadModels from "../ReadModels.js"

type Tag = Event.CampaignEvent["_tag"]
type Of<T extends Tag> = Extract<Event.CampaignEvent, { readonly _tag: T }>

/**
 * One line of the timeline.
 *
 * @since 0.1.0
 */
export interface Entry {
  readonly at: LocalDate.LocalDate
  readonly tag: Tag
  readonly vi: string
  readonly en: string
}

/**
 * The timeline's state: each event with its day, and what lines need to name things (phase names,
 * initiative titles, awards).
 *
 * @since 0.1.0
 */
export interface State {
  readonly events: Array<{ readonly at: LocalDate.LocalDate; readonly event: Event.CampaignEvent }>
  readonly phases: Map<string, string>
  readonly initiatives: Map<string, { readonly kind: Event.InitiativeKind; readonly title: string }>
  readonly awards: Map<
    string,
    {
      readonly kind: AwardKind.AwardKind
      readonly recipient: Organization.Subject
      readonly grantedById: string
    }
  >
}

interface Text {
  readonly vi: string
  readonly en: string
}

const viDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
const span = (from: string, to: string): Text => ({ vi: `${viDate(from)} – ${viDate(to)}`, en: `${from} – ${to}` })
const thousands = (n: number, sep: string) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep)
const vnd = (n: number): Text => ({ vi: `${thousands(n, ".")} đ`, en: `${thousands(n, ",")} VND` })
// Vietnamese writes a decimal comma: 92,5 điểm.
const points = (n: number): Text => ({ vi: String(n).replace(".", ","), en: String(n) })

const subject = (s: Organization.Subject): Text =>
  s._tag === "Unit"
    ? { vi: `đơn vị ${s.organizationId}`, en: `unit ${s.organizationId}` }
    : { vi: `đoàn viên ${s.memberId} (${s.organizationId})`, en: `member ${s.memberId} (${s.organizationId})` }

const award = (kind: AwardKind.AwardKind): Text => AwardKind.catalogue[kind]

const sectors: Record<Organization.Sector, Text> = {
  enterprise: { vi: "khối doanh nghiệp", en: "enterprise sector" },
  administrative: { vi: "khối hành chính sự nghiệp", en: "administrative sector" }
}
const initiativeKinds: Record<Event.InitiativeKind, Text> = {
  initiative: { vi: "sáng kiến", en: "initiative" },
  research: { vi: "đề tài", en: "research project" },
  solution: { vi: "giải pháp", en: "solution" },
  work: { vi: "công trình", en: "work" }
}
const recognitionLevels: Record<Event.RecognitionLevel, Text> = {
  unit: { vi: "cấp cơ sở", en: "at unit level" },
  province: { vi: "cấp tỉnh, thành phố", en: "at provincial level" },
  national: { vi: "cấp toàn quốc", en: "at national level" }
}
const pledgeKinds: Record<Event.PledgeKind, Text> = {
  covenant: { vi: "Ký kết giao ước thi đua", en: "Emulation covenant signed" },
  registration: { vi: "Đăng ký thi đua", en: "Emulation registration submitted" },
  "union-management": {
    vi: "Ký kết giao ước thi đua giữa công đoàn và chuyên môn",
    en: "Union-management covenant signed"
  }
}
const outcomes: Record<Event.Outcome, Text> = {
  notAchieved: { vi: "không đạt", en: "not achieved" },
  achievedAtLevel: { vi: "đạt, khen thưởng tại cấp", en: "achieved at this level" },
  escalated: { vi: "đề nghị cấp trên khen thưởng", en: "escalated to the level above" }
}
const revocationReasons: Record<Event.RevocationReason, Text> = {
  "fraudulent-declaration": { vi: "gian dối trong kê khai thành tích", en: "fraudulent declaration" },
  "false-dossier": { vi: "hồ sơ không trung thực, giả mạo", en: "false or forged dossier" },
  "unlawful-appraisal": { vi: "thẩm định, xét duyệt trái pháp luật", en: "unlawful appraisal" },
  "violation-in-period": {
    vi: "vi phạm trong thời gian lập thành tích",
    en: "violation within the achievement period"
  }
}

const phaseName = (state: State, id: string) => state.phases.get(id) ?? id

const initiative = (state: State, id: string): Text => {
  const i = state.initiatives.get(id)
  if (i === undefined) return { vi: `sáng kiến ${id}`, en: `initiative ${id}` }
  const kind = initiativeKinds[i.kind]
  return { vi: `${kind.vi} "${i.title}"`, en: `${kind.en} "${i.title}"` }
}

/**
 * The line of each type of campaign event. Typed over every type, so a new event type does not
 * compile until it has its line.
 */
const texts: { readonly [T in Tag]: (e: Of<T>, state: State) => Text } = {
  CampaignPlanned: (e) => ({
    vi: `Ban hành kế hoạch phong trào "${e.title}" (${span(e.period.start, e.period.end).vi})`,
    en: `Campaign plan adopted: "${e.title}" (${span(e.period.start, e.period.end).en})`
  }),
  CampaignLaunched: (e) =>
    e.pilotUnitId === undefined
      ? { vi: "Phát động phong trào", en: "Campaign launched" }
      : {
          vi: `Phát động phong trào (phát động điểm tại ${e.pilotUnitId})`,
          en: `Campaign launched (pilot launch at ${e.pilotUnitId})`
        },
  PhaseScheduled: (e) => {
    const when = span(e.start, e.end)
    return e.kind === "peak"
      ? { vi: `Lên kế hoạch đợt cao điểm ${e.name} (${when.vi})`, en: `Peak phase scheduled: ${e.name} (${when.en})` }
      : { vi: `Lên kế hoạch đợt thi đua ${e.name} (${when.vi})`, en: `Phase scheduled: ${e.name} (${when.en})` }
  },
  PhaseOpened: (e, s) => ({ vi: `Bắt đầu ${phaseName(s, e.phaseId)}`, en: `Phase opened: ${phaseName(s, e.phaseId)}` }),
  PhaseClosed: (e, s) => ({
    vi: `Kết thúc ${phaseName(s, e.phaseId)}`,
    en: `Phase closed: ${phaseName(s, e.phaseId)}`
  }),
  ParticipantEnrolled: (e) => ({
    vi: `Đơn vị ${e.unitId} tham gia phong trào (${sectors[e.sector].vi})`,
    en: `Unit ${e.unitId} enrolled (${sectors[e.sector].en})`
  }),
  PledgeSigned: (e) => {
    const kind = pledgeKinds[e.kind]
    if (e.kind === "registration") {
      const who = subject(Organization.registrationSubject(e))
      return { vi: `${kind.vi}: ${who.vi}`, en: `${kind.en}: ${who.en}` }
    }
    const n = e.signerIds.length
    return { vi: `${kind.vi} (${n} đơn vị)`, en: `${kind.en} (${n} ${n === 1 ? "unit" : "units"})` }
  },
  RegistrationApproved: (e) => ({
    vi: `Duyệt đăng ký thi đua ${e.pledgeId}`,
    en: `Registration ${e.pledgeId} approved`
  }),
  RegistrationRejected: (e) => ({
    vi: `Không duyệt đăng ký thi đua ${e.pledgeId}: ${e.reason}`,
    en: `Registration ${e.pledgeId} rejected: ${e.reason}`
  }),
  InitiativeRecorded: (e) => {
    const kind = initiativeKinds[e.kind]
    const benefit = vnd(e.benefitVnd)
    return {
      vi: `Ghi nhận ${kind.vi} "${e.title}" của đơn vị ${e.unitId}, làm lợi ${benefit.vi}`,
      en: `${kind.en[0]!.toUpperCase()}${kind.en.slice(1)} "${e.title}" recorded for unit ${e.unitId}, benefit ${benefit.en}`
    }
  },
  InitiativeApplied: (e, s) => {
    const i = initiative(s, e.initiativeId)
    return { vi: `Áp dụng ${i.vi}`, en: `Applied: ${i.en}` }
  },
  InitiativeRecognized: (e, s) => {
    const i = initiative(s, e.initiativeId)
    const level = recognitionLevels[e.level]
    return { vi: `Công nhận ${i.vi} ${level.vi}`, en: `Recognized ${level.en}: ${i.en}` }
  },
  InitiativeRejected: (e, s) => {
    const i = initiative(s, e.initiativeId)
    return { vi: `Không công nhận ${i.vi}: ${e.reason}`, en: `Not recognized: ${i.en}: ${e.reason}` }
  },
  WorkPlaqued: (e, s) => {
    const i = initiative(s, e.initiativeId)
    return { vi: `Gắn biển ${i.vi}`, en: `Plaque awarded to ${i.en}` }
  },
  ScoreAssessed: (e) => {
    const n = points(e.points)
    return e.kind === "self"
      ? { vi: `Đơn vị ${e.unitId} tự chấm ${n.vi} điểm`, en: `Unit ${e.unitId} self-assessed ${n.en} points` }
      : {
          vi: `${e.assessorId} chấm chéo đơn vị ${e.unitId}: ${n.vi} điểm`,
          en: `${e.assessorId} cross-assessed unit ${e.unitId}: ${n.en} points`
        }
  },
  InterimReviewHeld: (e, s) =>
    e.phaseId === undefined
      ? { vi: "Sơ kết phong trào", en: "Interim review of the campaign" }
      : { vi: `Sơ kết ${phaseName(s, e.phaseId)}`, en: `Interim review of ${phaseName(s, e.phaseId)}` },
  CampaignEnded: () => ({ vi: "Kết thúc thời gian thi đua", en: "Campaign period ended" }),
  FinalReviewHeld: () => ({ vi: "Tổng kết phong trào", en: "Final review held" }),
  NominationProposed: (e) => {
    const who = subject(e.subject)
    const what = award(e.awardKind)
    return {
      vi: `Đề nghị khen thưởng ${what.vi} cho ${who.vi}`,
      en: `${who.en[0]!.toUpperCase()}${who.en.slice(1)} nominated for ${what.en}`
    }
  },
  DeliberationHeld: (e) => ({
    vi: `Bình xét đề nghị ${e.nominationId}: ${e.votesFor}/${e.present} phiếu tán thành`,
    en: `Nomination ${e.nominationId} deliberated: ${e.votesFor} of ${e.present} in favour`
  }),
  NomineesPublished: (e) => {
    const n = e.nominationIds.length
    const when = span(e.from, e.to)
    return {
      vi: `Công khai ${n} đề nghị khen thưởng để lấy ý kiến (${when.vi})`,
      en: `${n} ${n === 1 ? "nominee" : "nominees"} published for comment (${when.en})`
    }
  },
  NominationSubmitted: (e) => ({
    vi: `Trình đề nghị ${e.nominationId} lên ${e.toOrganizationId}`,
    en: `Nomination ${e.nominationId} submitted to ${e.toOrganizationId}`
  }),
  NominationDecided: (e) => ({
    vi: `Quyết định đề nghị ${e.nominationId}: ${outcomes[e.outcome].vi}`,
    en: `Nomination ${e.nominationId} decided: ${outcomes[e.outcome].en}`
  }),
  AwardGranted: (e) => {
    const who = subject(e.recipient)
    const what = award(e.kind)
    return {
      vi: `${e.grantedById} tặng ${what.vi} cho ${who.vi}`,
      en: `${e.grantedById} granted ${what.en} to ${who.en}`
    }
  },
  // An award presented by another organization than its grantor names the grantor too.
  AwardPresented: (e, s) => {
    const a = s.awards.get(e.awardId)
    const at = e.ceremony === undefined ? { vi: "", en: "" } : { vi: ` tại ${e.ceremony}`, en: ` at ${e.ceremony}` }
    if (a === undefined)
      return {
        vi: `${e.presentedById} trao khen thưởng ${e.awardId}${at.vi}`,
        en: `${e.presentedById} presented award ${e.awardId}${at.en}`
      }
    const what = award(a.kind)
    const who = subject(a.recipient)
    const by =
      a.grantedById === e.presentedById
        ? { vi: "", en: "" }
        : { vi: ` (do ${a.grantedById} tặng)`, en: ` (granted by ${a.grantedById})` }
    return {
      vi: `${e.presentedById} trao ${what.vi}${by.vi} cho ${who.vi}${at.vi}`,
      en: `${e.presentedById} presented ${what.en}${by.en} to ${who.en}${at.en}`
    }
  },
  AwardRevoked: (e, s) => {
    const a = s.awards.get(e.awardId)
    const what = a === undefined ? { vi: `khen thưởng ${e.awardId}`, en: `award ${e.awardId}` } : award(a.kind)
    const who = a === undefined ? undefined : subject(a.recipient)
    const why = revocationReasons[e.reason]
    return {
      vi: `Thu hồi ${what.vi}${who === undefined ? "" : ` của ${who.vi}`}: ${why.vi}`,
      en: `Revoked ${what.en}${who === undefined ? "" : ` of ${who.en}`}: ${why.en}`
    }
  },
  ExemplarReplicated: (e) => {
    const who = subject(e.subject)
    return { vi: `Nhân rộng điển hình tiên tiến: ${who.vi}`, en: `Exemplar replicated: ${who.en}` }
  },
  CampaignClosed: () => ({ vi: "Khép hồ sơ phong trào", en: "Campaign files closed" }),
  CampaignCancelled: (e) => ({ vi: `Hủy phong trào: ${e.reason}`, en: `Campaign cancelled: ${e.reason}` })
}

/**
 * The day of an event. Two types carry no `at`: a published list dates from the start of its
 * comment period, and a phase scheduled (whose dates are the phase's, not the scheduling's) takes
 * the day of the line before it.
 */
const dateOf = (state: State, e: Event.CampaignEvent): LocalDate.LocalDate => {
  switch (e._tag) {
    case "NomineesPublished":
      return e.from
    case "PhaseScheduled":
      return state.events[state.events.length - 1]?.at ?? e.start
    default:
      return e.at
  }
}

/** What later lines need to remember of an event, to name things. */
const remember: { readonly [T in Tag]?: (state: State, e: Of<T>) => void } = {
  PhaseScheduled: (s, e) => {
    if (!s.phases.has(e.phaseId)) s.phases.set(e.phaseId, e.name)
  },
  InitiativeRecorded: (s, e) => {
    s.initiatives.set(e.initiativeId, { kind: e.kind, title: e.title })
  },
  AwardGranted: (s, e) => {
    s.awards.set(e.awardId, { kind: e.kind, recipient: e.recipient, grantedById: e.grantedById })
  }
}

const record = (state: State, e: Event.CampaignEvent): State => {
  state.events.push({ at: dateOf(state, e), event: e })
  const keep = remember[e._tag] as ((s: State, e: Event.CampaignEvent) => void) | undefined
  keep?.(state, e)
  return state
}

const render = ({ at, event }: State["events"][number], state: State): Entry => {
  const text = (texts[event._tag] as (e: Event.CampaignEvent, state: State) => Text)(event, state)
  return { at, tag: event._tag, vi: text.vi, en: text.en }
}

/**
 * The timeline projection, one state per campaign stream.
 *
 * @example
 * ```ts
 * import { Timeline } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "CampaignLaunched", at: "2020-01-02" },
 *   { _tag: "PhaseScheduled", phaseId: "dot-1", name: "Đợt 1", kind: "regular", start: "2020-01-01", end: "2020-06-30" },
 *   { _tag: "PhaseOpened", phaseId: "dot-1", at: "2020-01-03" }
 * ] as never[]
 * const state = events.reduce((s, e) => Timeline.projection.apply(s, e, meta), Timeline.projection.init())
 * assert.deepEqual(Timeline.entries(state)[0], { at: "2020-01-02", tag: "CampaignLaunched", vi: "Phát động phong trào", en: "Campaign launched" })
 * assert.equal(Timeline.entries(state)[2]!.vi, "Bắt đầu Đợt 1")
 * ```
 *
 * @since 0.1.0
 */
export const projection: Projection.Projection<State> = Projection.make<State>({
  name: "thidua.timeline",
  // 2: an award remembers its grantor, for the line of its presentation.
  version: 2,
  init: () => ({ events: [], phases: new Map(), initiatives: new Map(), awards: new Map() }),
  partition: Projection.byCampaign,
  // Every campaign event has a line: the handlers are the text table's types.
  handlers: Object.fromEntries(Object.keys(texts).map((tag) => [tag, record])) as Projection.Handlers<State>
})

/**
 * Every line, in the order things happened.
 *
 * @example
 * ```ts
 * import { Timeline } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * assert.deepEqual(Timeline.entries(Timeline.projection.init()), [])
 * ```
 *
 * @since 0.1.0
 */
export const entries = (state: State): ReadonlyArray<Entry> => state.events.map((e) => render(e, state))

/**
 * The lines dated from `from` to `to`, both included.
 *
 * @example
 * ```ts
 * import { Timeline } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "CampaignLaunched", at: "2020-01-02" },
 *   { _tag: "InterimReviewHeld", at: "2020-07-01" },
 *   { _tag: "CampaignEnded", at: "2020-12-31" }
 * ] as never[]
 * const state = events.reduce((s, e) => Timeline.projection.apply(s, e, meta), Timeline.projection.init())
 * assert.deepEqual(Timeline.between(state, "2020-06-01", "2020-12-31").map((e) => e.en), ["Interim review of the campaign", "Campaign period ended"])
 * ```
 *
 * @since 0.1.0
 */
export const between = (state: State, from: string, to: string): ReadonlyArray<Entry> =>
  state.events.filter((e) => from <= e.at && e.at <= to).map((e) => render(e, state))

/**
 * The timeline as text, a line per entry: the date (dd/mm/yyyy in Vietnamese, ISO in English) and
 * what happened.
 *
 * @example
 * ```ts
 * import { Timeline } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const state = Timeline.projection.apply(Timeline.projection.init(), { _tag: "FinalReviewHeld", at: "2021-01-10" } as never, meta)
 * assert.deepEqual(Timeline.lines(state, "vi"), ["10/01/2021  Tổng kết phong trào"])
 * assert.deepEqual(Timeline.lines(state, "en"), ["2021-01-10  Final review held"])
 * ```
 *
 * @since 0.1.0
 */
export const lines = (state: State, lang: "vi" | "en"): ReadonlyArray<string> =>
  entries(state).map((e) => `${lang === "vi" ? viDate(e.at) : e.at}  ${e[lang]}`)

/**
 * A campaign's timeline, from the read models in context (inline, or saved by a runner); `undefined` until its
 * first event. The queries of this module then apply to it, as in plain code.
 *
 * @since 0.1.0
 */
export const read = (
  tenantId: string,
  campaignId: string
): Effect.Effect<State | undefined, ProjectionError.CorruptState, ReadModels.ReadModels> =>
  ReadModels.get(projection, ReadModels.campaignKey(tenantId, campaignId))
