import { describe, expect, it } from "@effect/vitest"
import { AwardKind, type Event, type Ids } from "@thidua/core"
import { Timeline } from "@thidua/projections"
import { Scenario } from "@thidua/testing"
import { CAMPAIGN_PARTITION, campaignLog, foldEvents, foldPartition, forAllHistories } from "./support.js"

/** The day of each event, spelled out again: its own, or the line before's when it has none. */
const naiveDates = (events: ReadonlyArray<Event.CampaignEvent>) => {
  const out: Array<string> = []
  for (const e of events)
    out.push(
      e._tag === "NomineesPublished" ? e.from : e._tag === "PhaseScheduled" ? (out[out.length - 1] ?? e.start) : e.at
    )
  return out
}

describe("Timeline", () => {
  it("has a dated line in both languages for every event, in order", () =>
    forAllHistories((h) => {
      const entries = Timeline.entries(foldPartition(Timeline.projection, campaignLog(h), CAMPAIGN_PARTITION))
      expect(entries.map((e) => e.tag)).toEqual(h.events.map((e) => e._tag))
      expect(entries.map((e) => e.at)).toEqual(naiveDates(h.events))
      entries.forEach((entry, i) => {
        const e = h.events[i]!
        expect(entry.vi).not.toBe("")
        expect(entry.en).not.toBe("")
        expect(entry.vi).not.toBe(entry.en)
        expect(`${entry.vi} ${entry.en}`).not.toMatch(/undefined|NaN|\[object/)
        if (e._tag === "CampaignLaunched") {
          expect(entry.vi).toMatch(/^Phát động phong trào/)
          expect(entry.en).toMatch(/^Campaign launched/)
        }
        if (e._tag === "AwardGranted" || e._tag === "NominationProposed") {
          const kind = e._tag === "AwardGranted" ? e.kind : e.awardKind
          expect(entry.vi).toContain(AwardKind.catalogue[kind].vi)
          expect(entry.en).toContain(AwardKind.catalogue[kind].en)
        }
      })
    }))

  it("is stable under replay, and survives the copy a read model store makes", () =>
    forAllHistories((h) => {
      const once = foldPartition(Timeline.projection, campaignLog(h), CAMPAIGN_PARTITION)
      expect(foldPartition(Timeline.projection, campaignLog(h), CAMPAIGN_PARTITION)).toEqual(once)
      expect(Timeline.lines(structuredClone(once), "vi")).toEqual(Timeline.lines(once, "vi"))
    }, 40))

  // Hoàng Mai 2020, from its plan to its files closed.
  const s = Scenario.make(2020)
  const state = foldEvents(
    Timeline.projection,
    s.given(
      s.plan(),
      s.launch({ at: "2020-01-05" }),
      s.phase("dot-1", "2020-01-01", "2020-12-31"),
      s.open("dot-1", "2020-01-06"),
      s.enroll("cdcs-trung-thanh", "enterprise", { at: "2020-01-07" }),
      s.register("dk-1", s.member("m-1"), { at: "2020-01-08" }),
      s.approve("dk-1", { at: "2020-01-09" }),
      s.record("sk-1", "cdcs-trung-thanh", 120_000_000, { title: "Cải tiến dây chuyền" }),
      s.apply("sk-1", "cdcs-trung-thanh"),
      s.recognize("sk-1", "unit", { actor: "cdcs-trung-thanh" }),
      s.command(
        "AssessScore",
        {
          unitId: "cdcs-trung-thanh" as Ids.OrganizationId,
          contentId: "nd-dn-1" as Ids.ContentId,
          points: 92.5,
          kind: "cross"
        },
        { at: "2020-12-20" }
      ),
      s.close("dot-1", "2020-12-31"),
      s.end(),
      s.finalReview(),
      s.grant("kt-1", s.member("m-1"), "lao-dong-tien-tien", {}, { actor: "cdcs-trung-thanh" }),
      s.revoke("kt-1", "violation-in-period", { actor: "cdcs-trung-thanh" }),
      s.closeCampaign("2021-03-05")
    ).events
  )

  it("tells the campaign in Vietnamese", () => {
    expect(Timeline.lines(state, "vi")).toEqual([
      '20/12/2019  Ban hành kế hoạch phong trào "Phong trào thi đua CNVCLĐ quận Hoàng Mai năm 2020" (01/01/2020 – 31/12/2020)',
      "05/01/2020  Phát động phong trào",
      "05/01/2020  Lên kế hoạch đợt thi đua dot-1 (01/01/2020 – 31/12/2020)",
      "06/01/2020  Bắt đầu dot-1",
      "07/01/2020  Đơn vị cdcs-trung-thanh tham gia phong trào (khối doanh nghiệp)",
      "08/01/2020  Đăng ký thi đua: đoàn viên m-1 (cdcs-trung-thanh)",
      "09/01/2020  Duyệt đăng ký thi đua dk-1",
      '01/03/2020  Ghi nhận sáng kiến "Cải tiến dây chuyền" của đơn vị cdcs-trung-thanh, làm lợi 120.000.000 đ',
      '01/04/2020  Áp dụng sáng kiến "Cải tiến dây chuyền"',
      '01/05/2020  Công nhận sáng kiến "Cải tiến dây chuyền" cấp cơ sở',
      "20/12/2020  ldld-hoang-mai chấm chéo đơn vị cdcs-trung-thanh: 92,5 điểm",
      "31/12/2020  Kết thúc dot-1",
      "31/12/2020  Kết thúc thời gian thi đua",
      "10/01/2021  Tổng kết phong trào",
      "15/01/2021  cdcs-trung-thanh tặng Lao động tiên tiến cho đoàn viên m-1 (cdcs-trung-thanh)",
      "01/03/2021  Thu hồi Lao động tiên tiến của đoàn viên m-1 (cdcs-trung-thanh): vi phạm trong thời gian lập thành tích",
      "05/03/2021  Khép hồ sơ phong trào"
    ])
  })

  it("tells it in English", () => {
    expect(Timeline.lines(state, "en").slice(1, 4)).toEqual([
      "2020-01-05  Campaign launched",
      "2020-01-05  Phase scheduled: dot-1 (2020-01-01 – 2020-12-31)",
      "2020-01-06  Phase opened: dot-1"
    ])
    expect(Timeline.entries(state).find((e) => e.tag === "InitiativeRecorded")?.en).toBe(
      'Initiative "Cải tiến dây chuyền" recorded for unit cdcs-trung-thanh, benefit 120,000,000 VND'
    )
    expect(Timeline.entries(state).find((e) => e.tag === "AwardRevoked")?.en).toBe(
      "Revoked Advanced Worker of member m-1 (cdcs-trung-thanh): violation within the achievement period"
    )
  })

  it("selects the lines of a period", () => {
    expect(Timeline.between(state, "2021-01-01", "2021-12-31").map((e) => e.tag)).toEqual([
      "FinalReviewHeld",
      "AwardGranted",
      "AwardRevoked",
      "CampaignClosed"
    ])
  })

  it("names a pilot launch", () => {
    const piloted = foldEvents(
      Timeline.projection,
      s.given(s.plan(), s.command("LaunchCampaign", { pilotUnitId: "cdcs-trung-thanh" as Ids.OrganizationId })).events
    )
    expect(Timeline.entries(piloted)[1]).toEqual({
      at: "2020-01-02",
      tag: "CampaignLaunched",
      vi: "Phát động phong trào (phát động điểm tại cdcs-trung-thanh)",
      en: "Campaign launched (pilot launch at cdcs-trung-thanh)"
    })
  })

  it("tells a presentation, naming the grantor when another organization presents the award", () => {
    const state = foldEvents(
      Timeline.projection,
      s.given(
        s.plan(),
        s.launch(),
        s.phase("dot-1", "2020-01-01", "2020-12-31"),
        s.open("dot-1", "2020-01-02"),
        s.enroll("cdcs-trung-thanh"),
        s.close("dot-1", "2020-12-31"),
        s.end(),
        s.finalReview(),
        s.grant("kt-1", s.unit("cdcs-trung-thanh"), "bang-khen-ldld", {}, { actor: "ldld-hn" }),
        s.grant("kt-2", s.member("m-1"), "giay-khen"),
        s.present("kt-2"),
        s.command(
          "PresentAward",
          { awardId: "kt-1" as Ids.AwardId, ceremony: "Hội nghị phát động thi đua năm 2021" },
          { at: "2021-01-22" }
        )
      ).events
    )
    expect(Timeline.lines(state, "vi").slice(-2)).toEqual([
      "20/01/2021  ldld-hoang-mai trao Giấy khen cho đoàn viên m-1 (cdcs-trung-thanh)",
      "22/01/2021  ldld-hoang-mai trao Bằng khen của BCH LĐLĐ tỉnh, thành phố (do ldld-hn tặng) cho đơn vị cdcs-trung-thanh tại Hội nghị phát động thi đua năm 2021"
    ])
    expect(Timeline.lines(state, "en").slice(-2)).toEqual([
      "2021-01-20  ldld-hoang-mai presented Certificate of Commendation to member m-1 (cdcs-trung-thanh)",
      "2021-01-22  ldld-hoang-mai presented Certificate of Merit of the City Labour Federation (granted by ldld-hn) to unit cdcs-trung-thanh at Hội nghị phát động thi đua năm 2021"
    ])
  })

  it("tells a presentation of an award it did not see granted by its id", () => {
    const state = Timeline.projection.apply(
      Timeline.projection.init(),
      { _tag: "AwardPresented", awardId: "kt-9", presentedById: "ldld-hoang-mai", at: "2021-01-20" } as never,
      { tenantId: "hanoi", streamId: "campaign:hm", version: 1, position: "1" as never, recordedAt: 0 }
    )
    expect(Timeline.entries(state)).toEqual([
      {
        at: "2021-01-20",
        tag: "AwardPresented",
        vi: "ldld-hoang-mai trao khen thưởng kt-9",
        en: "ldld-hoang-mai presented award kt-9"
      }
    ])
  })
})
