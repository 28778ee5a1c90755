/**
 * `thidua scoreboard|ledger|awards --tenant <id> --campaign <id>`: a campaign's read models as
 * tables (a campaign that does not exist is `CLI-NOT-FOUND`, exit 1, nothing on stdout), from the engine's `Views` (the rows the HTTP API and a web page show): the ranking, the
 * initiative ledger with its totals, the awards granted in the campaign. Headers in the run's
 * language; numbers and money the Vietnamese way in Vietnamese ("8,5", "85.000.000 đồng") and with
 * en-US grouping in English. `--json` prints the `Views` rows as they are, for scripts.
 *
 * @since 0.7.0
 */
import { AwardRoll, type Engine, InitiativeLedger, Scoreboard, Views } from "@thidua/engine"
import { Console, Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { Backend } from "./Backend.js"
import { NotFound } from "./CliError.js"
import * as Lang from "./Lang.js"
import * as Output from "./Output.js"

const flags = {
  tenant: Flag.String("tenant").pipe(Flag.withDescription("The tenant")),
  campaign: Flag.String("campaign").pipe(Flag.withDescription("The campaign")),
  json: Flag.Boolean("json").pipe(Flag.withDefault(false), Flag.withDescription("Print the rows as JSON"))
}

const print = (lines: ReadonlyArray<string>) => Console.log(lines.join("\n"))

const view = <A>(
  json: boolean,
  names: { readonly tenant: string; readonly campaign: string },
  read: (engine: Engine.Shape) => Effect.Effect<A, unknown>,
  show: (rows: A, lang: Lang.Lang) => ReadonlyArray<string>
) =>
  Output.guard(
    Effect.scoped(
      Effect.gen(function* () {
        const lang = yield* Lang.current
        const engine = yield* (yield* Backend).engine
        // A mistyped tenant or campaign is not an empty table: "No scores yet." would say it exists.
        if ((yield* engine.campaign(names.tenant, names.campaign)) === undefined)
          return yield* new NotFound({ tenantId: names.tenant, campaignId: names.campaign })
        const rows = yield* read(engine)
        yield* json ? Console.log(JSON.stringify(rows, null, 2)) : print(show(rows, lang))
      })
    )
  )

const namesOf = (engine: Engine.Shape, tenantId: string) => Effect.map(engine.directory(tenantId), Views.names)

/**
 * The scoreboard as lines of a table.
 *
 * @example
 * ```ts
 * import { Tables } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const row = { rank: 1, unitId: "cdcs-a", name: "Công đoàn A", points: 17.5, self: 9, cross: 8.5, initiatives: 1, recognized: 1, recognizedBenefitVnd: 85_000_000, registrations: 1, awards: 2 }
 * const [header, , line] = Tables.scoreboardLines([row], "vi")
 * assert.match(header!, /^Hạng  Đơn vị/)
 * assert.match(line!, /17,5 .* 85\.000\.000 đồng/)
 * assert.deepEqual(Tables.scoreboardLines([], "en"), ["No scores yet."])
 * ```
 *
 * @since 0.7.0
 */
export const scoreboardLines = (rows: ReadonlyArray<Views.ScoreboardRow>, lang: Lang.Lang): ReadonlyArray<string> =>
  rows.length === 0
    ? [Lang.pick(lang, { en: "No scores yet.", vi: "Chưa có điểm." })]
    : Output.table(
        lang,
        [
          { header: { vi: "Hạng", en: "Rank" }, right: true },
          { header: { vi: "Đơn vị", en: "Unit" } },
          { header: { vi: "Điểm", en: "Points" }, right: true },
          { header: { vi: "Tự chấm", en: "Self" }, right: true },
          { header: { vi: "Chấm chéo", en: "Cross" }, right: true },
          { header: { vi: "Sáng kiến", en: "Initiatives" }, right: true },
          { header: { vi: "Làm lợi được công nhận", en: "Recognized benefit" }, right: true },
          { header: { vi: "Khen thưởng", en: "Awards" }, right: true }
        ],
        rows.map((r) => [
          String(r.rank),
          r.name,
          Output.number(lang, r.points),
          Output.number(lang, r.self),
          Output.number(lang, r.cross),
          Output.number(lang, r.initiatives),
          Output.amount(lang, r.recognizedBenefitVnd),
          Output.number(lang, r.awards)
        ])
      )

const kinds: { readonly [K in InitiativeLedger.Entry["kind"]]: Lang.Texts } = {
  initiative: { vi: "Sáng kiến", en: "Initiative" },
  research: { vi: "Đề tài", en: "Research" },
  solution: { vi: "Giải pháp", en: "Solution" },
  work: { vi: "Công trình", en: "Work" }
}

const statuses: { readonly [K in InitiativeLedger.Entry["status"]]: Lang.Texts } = {
  Recorded: { vi: "Đã ghi nhận", en: "Recorded" },
  Applied: { vi: "Đã áp dụng", en: "Applied" },
  Recognized: { vi: "Được công nhận", en: "Recognized" },
  Rejected: { vi: "Không được công nhận", en: "Rejected" }
}

/**
 * The initiative ledger as lines: a table of the initiatives, then the totals.
 *
 * @example
 * ```ts
 * import { Tables } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const totals = { count: 1, benefitVnd: 85_000_000, recognized: 1, recognizedBenefitVnd: 85_000_000, rejected: 0, plaqued: 0 }
 * const entry = { initiativeId: "sk-1", unitId: "cdcs-a", unitName: "Công đoàn A", memberId: undefined, phaseId: undefined, kind: "initiative", title: "Cải tiến", benefitVnd: 85_000_000, status: "Recognized", level: "unit", plaqued: false, at: "2020-04-15" } as const
 * const lines = Tables.ledgerLines({ totals, entries: [entry as never] }, "en")
 * assert.match(lines.at(-1)!, /^Total: 1 initiative, benefit 85,000,000 VND; 1 recognized \(85,000,000 VND\)/)
 * ```
 *
 * @since 0.7.0
 */
export const ledgerLines = (ledger: Views.Ledger, lang: Lang.Lang): ReadonlyArray<string> => {
  if (ledger.entries.length === 0) return [Lang.pick(lang, { en: "No initiatives yet.", vi: "Chưa có sáng kiến." })]
  const t = ledger.totals
  return [
    ...Output.table(
      lang,
      [
        { header: { vi: "Mã", en: "Id" } },
        { header: { vi: "Đơn vị", en: "Unit" } },
        { header: { vi: "Loại", en: "Kind" } },
        { header: { vi: "Làm lợi", en: "Benefit" }, right: true },
        { header: { vi: "Trạng thái", en: "Status" } },
        { header: { vi: "Tên", en: "Title" } }
      ],
      ledger.entries.map((e) => [
        e.initiativeId,
        e.unitName,
        kinds[e.kind][lang],
        Output.amount(lang, e.benefitVnd),
        statuses[e.status][lang],
        e.title
      ])
    ),
    "",
    Lang.pick(lang, {
      en: `Total: ${Output.number(lang, t.count)} initiative${t.count === 1 ? "" : "s"}, benefit ${Output.amount(lang, t.benefitVnd)}; ${Output.number(lang, t.recognized)} recognized (${Output.amount(lang, t.recognizedBenefitVnd)}), ${Output.number(lang, t.rejected)} rejected.`,
      vi: `Tổng: ${Output.number(lang, t.count)} sáng kiến, làm lợi ${Output.amount(lang, t.benefitVnd)}; ${Output.number(lang, t.recognized)} được công nhận (${Output.amount(lang, t.recognizedBenefitVnd)}), ${Output.number(lang, t.rejected)} không được công nhận.`
    })
  ]
}

/**
 * The awards as lines of a table.
 *
 * @example
 * ```ts
 * import { Tables } from "@thidua/cli"
 * import assert from "node:assert"
 *
 * const row = { awardId: "gk-1", campaignId: "hm-2020", kind: "giay-khen", label: { vi: "Giấy khen", en: "Certificate of Merit" }, recipient: { _tag: "Unit", organizationId: "cdcs-a" }, recipientName: "Công đoàn A", grantedById: "ldld-hm", at: "2020-07-10", presented: false, revoked: false } as const
 * const [, , line] = Tables.awardLines([row as never], "vi")
 * assert.equal(line, "gk-1  Giấy khen  Công đoàn A  10/07/2020  Đã quyết định")
 * ```
 *
 * @since 0.7.0
 */
export const awardLines = (rows: ReadonlyArray<Views.AwardRow>, lang: Lang.Lang): ReadonlyArray<string> =>
  rows.length === 0
    ? [Lang.pick(lang, { en: "No awards yet.", vi: "Chưa có khen thưởng." })]
    : Output.table(
        lang,
        [
          { header: { vi: "Mã", en: "Id" } },
          { header: { vi: "Hình thức", en: "Award" } },
          { header: { vi: "Người nhận", en: "Recipient" } },
          { header: { vi: "Ngày", en: "Date" } },
          { header: { vi: "Trạng thái", en: "Status" } }
        ],
        rows.map((a) => [
          a.awardId,
          a.label[lang],
          a.recipientName,
          Output.date(lang, a.at),
          Lang.pick(
            lang,
            a.revoked
              ? { vi: "Đã thu hồi", en: "Revoked" }
              : a.presented
                ? { vi: "Đã trao", en: "Presented" }
                : { vi: "Đã quyết định", en: "Granted" }
          )
        ])
      )

/**
 * The `scoreboard` subcommand: the ranking of a campaign.
 *
 * @since 0.7.0
 */
export const scoreboard = Command.make("scoreboard", flags, ({ tenant, campaign, json }) =>
  view(
    json,
    { tenant, campaign },
    (engine) =>
      Effect.zipWith(
        engine.read(Scoreboard, { tenantId: tenant, campaignId: campaign }),
        namesOf(engine, tenant),
        (state, names) => Views.scoreboard(state, { names })
      ),
    scoreboardLines
  )
).pipe(Command.withDescription("Print a campaign's ranking · In bảng xếp hạng của chiến dịch"))

/**
 * The `ledger` subcommand: a campaign's initiatives and their totals.
 *
 * @since 0.7.0
 */
export const ledger = Command.make("ledger", flags, ({ tenant, campaign, json }) =>
  view(
    json,
    { tenant, campaign },
    (engine) =>
      Effect.zipWith(
        engine.read(InitiativeLedger, { tenantId: tenant, campaignId: campaign }),
        namesOf(engine, tenant),
        (state, names) => Views.ledger(state, { names })
      ),
    ledgerLines
  )
).pipe(Command.withDescription("Print a campaign's initiatives and their totals · In sổ sáng kiến của chiến dịch"))

/**
 * The `awards` subcommand: the awards granted in a campaign.
 *
 * @since 0.7.0
 */
export const awards = Command.make("awards", flags, ({ tenant, campaign, json }) =>
  view(
    json,
    { tenant, campaign },
    (engine) =>
      Effect.zipWith(engine.read(AwardRoll, { tenantId: tenant }), namesOf(engine, tenant), (state, names) =>
        Views.awards(state, { campaignId: campaign, names })
      ),
    awardLines
  )
).pipe(Command.withDescription("Print the awards granted in a campaign · In danh sách khen thưởng của chiến dịch"))
