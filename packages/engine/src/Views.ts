/**
 * The built-in read models as plain JSON rows, the shape every surface shows: the command line's
 * tables and `--json`, the HTTP API's answers, a web page. A read model's state is built for
 * folding (maps, running tallies); a view is built for reading (arrays of flat rows, in order, with
 * names and labels), so every surface shows the same numbers in the same order.
 *
 * @since 0.7.0
 */
import { AwardKind, Directory } from "@thidua/core"
import { type AwardRoll, Scoreboard as Board, InitiativeLedger, type Scoreboard } from "@thidua/projections"

/**
 * Organization names by id, from a tenant's directory (`engine.directory(tenantId)`).
 *
 * @example
 * ```ts
 * import { Commands, Views, createThiDua } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const td = await createThiDua()
 * const actor = { organizationId: "ldld-ha-noi", role: "executive" } as const
 * await td.executeOrThrow(
 *   Commands.registerOrganization({ commandId: "c-1", tenantId: "hanoi", actor, at: "2020-01-02", organizationId: "ldld-ha-noi", name: "Liên đoàn Lao động thành phố Hà Nội", level: "federation" }),
 *   { principal: { tenantId: "hanoi", ...actor } }
 * )
 * const names = Views.names(await td.directory("hanoi"))
 * assert.equal(names.get("ldld-ha-noi"), "Liên đoàn Lao động thành phố Hà Nội")
 * await td.close()
 * ```
 *
 * @since 0.7.0
 */
export const names = (directory: Directory.State): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  for (const org of Directory.organizations(directory)) out.set(org.id, org.name)
  return out
}

/**
 * One row of a scoreboard: a unit's rank, points and the counts behind them.
 *
 * @since 0.7.0
 */
export interface ScoreboardRow {
  readonly rank: number
  readonly unitId: string
  /** The unit's name when the directory knows it, else its id. */
  readonly name: string
  readonly points: number
  /** Self-assessed points (tự chấm điểm). */
  readonly self: number
  /** Cross-assessed points (chấm chéo). */
  readonly cross: number
  readonly initiatives: number
  /** Initiatives recognized at any level. */
  readonly recognized: number
  readonly recognizedBenefitVnd: number
  readonly registrations: number
  /** Awards standing to the unit and to its members. */
  readonly awards: number
}

/**
 * A campaign's ranking as rows (the whole campaign unless a scope is given), ranked by the
 * standard policy unless another is given. An absent scoreboard (no event yet) is an empty list.
 *
 * @example
 * ```ts
 * import { Scoreboard, Views } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const events = [
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-a", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ParticipantEnrolled", unitId: "cdcs-b", sector: "enterprise", at: "2020-01-05" },
 *   { _tag: "ScoreAssessed", unitId: "cdcs-b", contentId: "nd-1", points: 70, kind: "cross", assessorId: "ldld-hm", at: "2020-06-30" }
 * ] as never[]
 * const state = events.reduce((s, e) => Scoreboard.projection.apply(s, e, meta), Scoreboard.projection.init())
 * const rows = Views.scoreboard(state, { names: new Map([["cdcs-b", "Công đoàn B"]]) })
 * assert.deepEqual(rows.map((r) => [r.rank, r.name, r.cross]), [[1, "Công đoàn B", 70], [2, "cdcs-a", 0]])
 * assert.deepEqual(Views.scoreboard(undefined), [])
 * ```
 *
 * @since 0.7.0
 */
export const scoreboard = (
  state: Scoreboard.State | undefined,
  options: {
    readonly scope?: Scoreboard.Scope
    readonly policy?: Scoreboard.Policy
    readonly names?: ReadonlyMap<string, string>
  } = {}
): ReadonlyArray<ScoreboardRow> =>
  state === undefined
    ? []
    : Board.ranking(state, options.scope, options.policy).map((s) => ({
        rank: s.rank,
        unitId: s.unitId,
        name: options.names?.get(s.unitId) ?? s.unitId,
        points: s.points,
        self: s.tally.self,
        cross: s.tally.cross,
        initiatives: s.tally.initiatives,
        recognized: Board.recognizedCount(s.tally),
        recognizedBenefitVnd: s.tally.recognizedBenefitVnd,
        registrations: s.tally.registrations,
        awards: s.tally.awards + s.tally.memberAwards
      }))

/**
 * A campaign's initiative ledger: the totals and every initiative in the order recorded.
 *
 * @since 0.7.0
 */
export interface Ledger {
  readonly totals: InitiativeLedger.Totals
  readonly entries: ReadonlyArray<InitiativeLedger.Entry & { readonly unitName: string }>
}

// The totals of a ledger that has seen nothing, as the ledger itself starts.
const noTotals: InitiativeLedger.Totals = InitiativeLedger.totals(InitiativeLedger.projection.init())

/**
 * The initiative ledger as totals and rows (empty before the first initiative).
 *
 * @example
 * ```ts
 * import { InitiativeLedger, Views } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const recorded = { _tag: "InitiativeRecorded", initiativeId: "sk-1", unitId: "cdcs-a", kind: "initiative", title: "Cải tiến dây chuyền", benefitVnd: 120000000, at: "2020-03-12" } as never
 * const state = InitiativeLedger.projection.apply(InitiativeLedger.projection.init(), recorded, meta)
 * const ledger = Views.ledger(state)
 * assert.equal(ledger.totals.benefitVnd, 120000000)
 * assert.deepEqual(ledger.entries.map((e) => [e.initiativeId, e.status]), [["sk-1", "Recorded"]])
 * assert.equal(Views.ledger(undefined).totals.count, 0)
 * ```
 *
 * @since 0.7.0
 */
export const ledger = (
  state: InitiativeLedger.State | undefined,
  options: { readonly names?: ReadonlyMap<string, string> } = {}
): Ledger =>
  state === undefined
    ? { totals: noTotals, entries: [] }
    : {
        totals: { ...state.total },
        entries: [...state.initiatives.values()].map((e) => ({
          ...e,
          unitName: options.names?.get(e.unitId) ?? e.unitId
        }))
      }

/**
 * One award on the roll, with its kind's labels and the recipient's name.
 *
 * @since 0.7.0
 */
export interface AwardRow {
  readonly awardId: string
  readonly campaignId: string | undefined
  readonly kind: AwardKind.AwardKind
  /** The kind's name in Vietnamese and English (`Bằng khen`, `Certificate of Merit`, ...). */
  readonly label: { readonly vi: string; readonly en: string }
  /** `Unit` or `Member`. */
  readonly recipient: AwardRoll.Entry["recipient"]
  /** The unit's name, or the member's id with their unit's name. */
  readonly recipientName: string
  readonly grantedById: string
  readonly at: string
  readonly presented: boolean
  readonly revoked: boolean
}

/**
 * The awards of a tenant (those of one campaign when `campaignId` is given), in the order granted.
 *
 * @example
 * ```ts
 * import { AwardRoll, Views } from "@thidua/engine"
 * import { Projection } from "@thidua/projections"
 * import assert from "node:assert"
 *
 * const meta = { tenantId: "hanoi", streamId: "campaign:hm-2020", version: 1, position: "1" as never, recordedAt: 0 }
 * const granted = { _tag: "AwardGranted", awardId: "gk-1", recipient: { _tag: "Unit", organizationId: "cdcs-a" }, kind: "giay-khen", grantedById: "ldld-hm", reason: "Thành tích xuất sắc", basis: "campaign", period: { start: "2020-01-01", end: "2020-12-31" }, extraordinary: false, at: "2021-01-15" }
 * const roll = Projection.fold(AwardRoll.projection, [{ event: granted, meta }] as never[]).get("hanoi")
 * const rows = Views.awards(roll)
 * assert.deepEqual(rows.map((a) => [a.awardId, a.label.vi, a.recipientName]), [["gk-1", "Giấy khen", "cdcs-a"]])
 * ```
 *
 * @since 0.7.0
 */
export const awards = (
  state: AwardRoll.State | undefined,
  options: { readonly campaignId?: string; readonly names?: ReadonlyMap<string, string> } = {}
): ReadonlyArray<AwardRow> => {
  if (state === undefined) return []
  const name = (id: string) => options.names?.get(id) ?? id
  const rows: Array<AwardRow> = []
  for (const a of state.awards.values()) {
    if (options.campaignId !== undefined && a.campaignId !== options.campaignId) continue
    const entry = AwardKind.catalogue[a.kind]
    rows.push({
      awardId: a.awardId,
      campaignId: a.campaignId,
      kind: a.kind,
      label: { vi: entry.vi, en: entry.en },
      recipient: a.recipient,
      recipientName:
        a.recipient._tag === "Unit"
          ? name(a.recipient.organizationId)
          : `${a.recipient.memberId} (${name(a.recipient.organizationId)})`,
      grantedById: a.grantedById,
      at: a.at,
      presented: a.presented !== undefined,
      revoked: a.revoked !== undefined
    })
  }
  return rows
}
