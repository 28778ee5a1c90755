/**
 * Seed `003_09e435ed94fc720a.txt`: "Phát động thi đua điểm năm 2021 tại công đoàn cơ sở phường Cầu
 * Diễn" (Lao động Thủ đô, 22/01/2021).
 *
 * @since 0.1.0
 * @internal
 */
import type { Facts, Seed } from "../Seeds.js"
import { campaign, council, directory, executive, officer } from "./build.js"

const tenantId = "seed-nam-tu-liem-2021"
const campaignId = "nam-tu-liem-2021"

const confederation = "tong-ldld-viet-nam"
const hanoi = "ldld-ha-noi"
const namTuLiem = "ldld-nam-tu-liem"
const cauDien = "cd-phuong-cau-dien"
const myDinh2 = "cd-phuong-my-dinh-2"

// The phases run to 30/11, so the year's emulation period ends there and the final review falls in December.
const year = { start: "2021-01-01", end: "2021-11-30" }
const dot1 = { start: "2021-01-01", end: "2021-05-31" }

const member = (n: number) => ({
  _tag: "Member" as const,
  memberId: `cau-dien-dvcd-${String(n).padStart(2, "0")}`,
  organizationId: cauDien
})

/**
 * The article, by hand: the pilot launch at Cầu Diễn, the two phases, three contents ("Một là",
 * "Hai là", "Ba là"), and the Bằng khen of the Confederation for 2020 presented there; no totals.
 *
 * @internal
 */
const facts: Facts = {
  issuer: { organizationId: namTuLiem, name: "Liên đoàn Lao động quận Nam Từ Liêm" },
  pilotUnit: { organizationId: cauDien, name: "Công đoàn phường Cầu Diễn" },
  organizations: {},
  initiatives: {},
  phases: [
    {
      name: "Đợt 1",
      start: "2021-01-01",
      end: "2021-05-31",
      theme: "Chào mừng Đại hội đại biểu lần thứ XIII của Đảng - Mừng sinh nhật Bác",
      statedBy: "article",
      quote:
        "Cụ thể, đợt 1 từ tháng 1/1 đến 31/5/2021 với chủ đề “Chào mừng Đại hội đại biểu lần thứ XIII của Đảng - Mừng sinh nhật Bác”."
    },
    {
      name: "Đợt 2",
      start: "2021-06-01",
      end: "2021-11-30",
      theme: "Thi đua lao động giỏi, lao động sáng tạo, hoàn thành thắng lợi nhiệm vụ năm 2021",
      statedBy: "article",
      quote:
        "Đợt 2 từ 1/6 đến 30/11/2021 với chủ đề “Thi đua lao động giỏi, lao động sáng tạo, hoàn thành thắng lợi nhiệm vụ năm 2021”."
    }
  ],
  sectors: [
    {
      sector: "administrative",
      contents: 3,
      statedBy: "article",
      // "Một là", "Hai là", "Ba là": the last of the three.
      quote:
        "Ba là, thi đua thực hiện thắng lợi các mục tiêu, chỉ tiêu Nghị quyết Đại hội Đảng bộ các cấp nhiệm kỳ 2020-2025"
    }
  ],
  awards: [
    {
      name: "Bằng khen của Tổng Liên đoàn Lao động Việt Nam",
      kind: "bang-khen-cap-tinh",
      year: 2020,
      recipient: { organizationId: cauDien, name: "Công đoàn phường Cầu Diễn" },
      grantedBy: { organizationId: null, name: "Tổng Liên đoàn Lao động Việt Nam" },
      // The year: "Vừa qua, Công đoàn phường Cầu Diễn cũng đã nhận được Bằng khen của Tổng Liên đoàn
      // Lao động Việt Nam năm 2020." The Confederation grants it; the district chair hands it over.
      presentedBy: {
        organizationId: namTuLiem,
        name: "Liên đoàn Lao động quận Nam Từ Liêm",
        person: "Lê Thị Kim Điệp, Chủ tịch"
      },
      quote:
        "Chủ tịch Liên đoàn Lao động quận Nam Từ Liêm Lê Thị Kim Điệp trao Bằng khen của Tổng Liên đoàn Lao động Việt Nam cho Công đoàn phường Cầu Diễn."
    }
  ],
  figures: []
}

/** @internal */
export const seed: Seed = {
  name: "nam-tu-liem-2021",
  source: "003_09e435ed94fc720a.txt",
  title: "Phong trào thi đua trong đoàn viên công đoàn, cán bộ, công chức, người lao động quận Nam Từ Liêm năm 2021",
  summary:
    "LĐLĐ quận Nam Từ Liêm holds its 2021 pilot launch (phát động điểm) at Công đoàn phường Cầu Diễn on 22/01/2021, " +
    "after Mỹ Đình 2 in 2020: three contents for cadres, civil servants and workers of the ward, and two phases, " +
    "Đợt 1 (01/01–31/05/2021, “Chào mừng Đại hội đại biểu lần thứ XIII của Đảng - Mừng sinh nhật Bác”) and Đợt 2 " +
    "(01/06–30/11/2021); the campaign's period ends with Đợt 2 on 30/11 so that the final review falls in December. " +
    "The plan date, the registrations, the solution, the scores, the reviews and the awards (a Giấy khen after the " +
    "Đợt 1 review, three Đoàn viên công đoàn xuất sắc, a Bằng khen of Tổng LĐLĐ Việt Nam for the pilot ward, proposed by " +
    "the district and escalated through LĐLĐ Hà Nội) are plausible additions; the Bằng khen of the Confederation the ward " +
    "received for 2020 belongs to the 2020 campaign. As the article has the district chair Lê Thị Kim Điệp present that " +
    "Bằng khen at the ward's launch of the next year, the Confederation's Bằng khen for 2021 is presented by the district " +
    "(LĐLĐ quận Nam Từ Liêm) at the ward's 2022 launch, before the campaign's files are closed; that ceremony and its " +
    "date are plausible additions too. The directory holds the Confederation above the city federation, and the " +
    "district's ratings of its wards: Cầu Diễn “completed tasks excellently” in 2020, as the article implies, and in " +
    "2021 with Mỹ Đình 2 (plausible, as the awards that rest on them).",
  tenantId,
  directory: directory("nam-tu-liem-2021", tenantId, [
    {
      _tag: "RegisterOrganization",
      actor: executive(confederation),
      at: "2020-12-01",
      organizationId: confederation,
      name: "Tổng Liên đoàn Lao động Việt Nam",
      level: "confederation"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(confederation),
      at: "2020-12-01",
      organizationId: hanoi,
      name: "Liên đoàn Lao động thành phố Hà Nội",
      level: "federation",
      parentId: confederation
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hanoi),
      at: "2020-12-01",
      organizationId: namTuLiem,
      name: "Liên đoàn Lao động quận Nam Từ Liêm",
      level: "upper",
      parentId: hanoi
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(namTuLiem),
      at: "2020-12-01",
      organizationId: cauDien,
      name: "Công đoàn phường Cầu Diễn",
      level: "grassroots",
      parentId: namTuLiem,
      sector: "administrative"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(namTuLiem),
      at: "2020-12-01",
      organizationId: myDinh2,
      name: "Công đoàn phường Mỹ Đình 2",
      level: "grassroots",
      parentId: namTuLiem,
      sector: "administrative"
    },
    // The district rates its grassroots unions each year (rule E1). For 2020 the article has it: the
    // district chair asks Cầu Diễn "tiếp tục phát huy những kết quả, thành tích đã đạt được … để tiếp
    // tục hoàn thành xuất sắc nhiệm vụ năm 2021", after a year crowned with the Confederation's
    // Bằng khen; the day is the seed's.
    {
      _tag: "RateUnit",
      actor: executive(namTuLiem),
      at: "2020-12-28",
      organizationId: cauDien,
      year: 2020,
      rating: "excellent"
    },
    // For 2021 the ratings are the seed's, as the awards resting on them are: Cầu Diễn's (the pilot
    // ward "hoàn thành xuất sắc nhiệm vụ" at the final review, then the Confederation's Bằng khen)
    // and Mỹ Đình 2's (its Công đoàn cơ sở vững mạnh, which needs the year rated excellent).
    {
      _tag: "RateUnit",
      actor: executive(namTuLiem),
      at: "2021-12-15",
      organizationId: cauDien,
      year: 2021,
      rating: "excellent"
    },
    {
      _tag: "RateUnit",
      actor: executive(namTuLiem),
      at: "2021-12-15",
      organizationId: myDinh2,
      year: 2021,
      rating: "excellent"
    }
  ]),
  campaign: campaign("nam-tu-liem-2021", tenantId, campaignId, [
    {
      _tag: "PlanCampaign",
      actor: executive(namTuLiem),
      at: "2021-01-11",
      issuerId: namTuLiem,
      title:
        "Phong trào thi đua trong đoàn viên công đoàn, cán bộ, công chức, người lao động quận Nam Từ Liêm năm 2021",
      form: "regular",
      period: year,
      sectors: [
        {
          sector: "administrative",
          contents: [
            {
              contentId: "ntl2021-hc-1",
              title:
                "Thực hiện có hiệu quả các nhiệm vụ chính trị, chỉ tiêu phát triển kinh tế - xã hội và chủ đề công tác năm 2021; “Thực hiện văn hoá công sở và nơi công cộng”, “Cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau”; “Trung thành, trách nhiệm, liêm chính, sáng tạo”"
            },
            {
              contentId: "ntl2021-hc-2",
              title:
                "Đẩy mạnh cải cách hành chính, duy trì bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả; nâng cao chỉ số cải cách hành chính; ứng dụng công nghệ thông tin trong thực thi công vụ"
            },
            {
              contentId: "ntl2021-hc-3",
              title:
                "Thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ các cấp nhiệm kỳ 2020-2025 và Nghị quyết Đại hội Công đoàn các cấp nhiệm kỳ 2018-2023; chăm lo, đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của người lao động; xây dựng tổ chức Công đoàn vững mạnh"
            }
          ]
        }
      ],
      titlesOffered: [
        "lao-dong-tien-tien",
        "chien-si-thi-dua-co-so",
        "doan-vien-cong-doan-xuat-sac",
        "cong-doan-co-so-vung-manh",
        "giay-khen",
        "bang-khen-cap-tinh"
      ]
    },
    { _tag: "LaunchCampaign", actor: executive(namTuLiem), at: "2021-01-22", pilotUnitId: cauDien },
    {
      _tag: "SchedulePhase",
      actor: executive(namTuLiem),
      at: "2021-01-22",
      phaseId: "dot-1",
      name: "Đợt 1",
      kind: "regular",
      period: dot1,
      theme: "Chào mừng Đại hội đại biểu lần thứ XIII của Đảng - Mừng sinh nhật Bác"
    },
    {
      _tag: "SchedulePhase",
      actor: executive(namTuLiem),
      at: "2021-01-22",
      phaseId: "dot-2",
      name: "Đợt 2",
      kind: "regular",
      period: { start: "2021-06-01", end: "2021-11-30" },
      theme: "Thi đua lao động giỏi, lao động sáng tạo, hoàn thành thắng lợi nhiệm vụ năm 2021"
    },
    { _tag: "OpenPhase", actor: executive(namTuLiem), at: "2021-01-22", phaseId: "dot-1" },
    {
      _tag: "EnrollParticipant",
      actor: executive(cauDien),
      at: "2021-01-22",
      unitId: cauDien,
      sector: "administrative"
    },
    {
      _tag: "SignPledge",
      actor: executive(cauDien),
      at: "2021-01-22",
      pledgeId: "ntl2021-dk-cau-dien",
      kind: "registration",
      signerIds: [cauDien],
      targets: [
        {
          contentId: "ntl2021-hc-1",
          description:
            "Hoàn thành và hoàn thành xuất sắc nhiệm vụ được giao, góp phần thực hiện thắng lợi nhiệm vụ năm 2021 của phường"
        },
        { contentId: "ntl2021-hc-2", description: "Ứng dụng công nghệ thông tin trong thực thi công vụ" },
        { awardKind: "cong-doan-co-so-vung-manh", description: "Công đoàn cơ sở vững mạnh" },
        { awardKind: "doan-vien-cong-doan-xuat-sac", description: "Đoàn viên công đoàn xuất sắc" }
      ]
    },
    {
      _tag: "EnrollParticipant",
      actor: executive(myDinh2),
      at: "2021-01-25",
      unitId: myDinh2,
      sector: "administrative"
    },
    {
      _tag: "SignPledge",
      actor: executive(myDinh2),
      at: "2021-01-26",
      pledgeId: "ntl2021-dk-my-dinh-2",
      kind: "registration",
      signerIds: [myDinh2],
      targets: [
        { contentId: "ntl2021-hc-2", description: "Nâng cao chỉ số cải cách hành chính của phường" },
        { awardKind: "cong-doan-co-so-vung-manh", description: "Công đoàn cơ sở vững mạnh" }
      ]
    },
    { _tag: "ApproveRegistration", actor: executive(namTuLiem), at: "2021-01-29", pledgeId: "ntl2021-dk-cau-dien" },
    { _tag: "ApproveRegistration", actor: executive(namTuLiem), at: "2021-01-29", pledgeId: "ntl2021-dk-my-dinh-2" },
    {
      _tag: "RecordInitiative",
      actor: officer(cauDien),
      at: "2021-04-12",
      initiativeId: "ntl2021-gp-1",
      phaseId: "dot-1",
      unitId: cauDien,
      memberId: "cau-dien-dvcd-01",
      kind: "solution",
      title:
        "Giải pháp ứng dụng công nghệ thông tin trong tiếp nhận, giải quyết thủ tục hành chính tại bộ phận một cửa",
      benefitVnd: 0
    },
    { _tag: "ApplyInitiative", actor: officer(cauDien), at: "2021-05-04", initiativeId: "ntl2021-gp-1" },
    {
      _tag: "RecognizeInitiative",
      actor: executive(cauDien),
      at: "2021-05-28",
      initiativeId: "ntl2021-gp-1",
      level: "unit"
    },
    {
      _tag: "AssessScore",
      actor: officer(cauDien),
      at: "2021-05-31",
      unitId: cauDien,
      phaseId: "dot-1",
      contentId: "ntl2021-hc-2",
      points: 9,
      kind: "self"
    },
    {
      _tag: "AssessScore",
      actor: officer(myDinh2),
      at: "2021-05-31",
      unitId: myDinh2,
      phaseId: "dot-1",
      contentId: "ntl2021-hc-2",
      points: 9.5,
      kind: "self"
    },
    { _tag: "ClosePhase", actor: executive(namTuLiem), at: "2021-05-31", phaseId: "dot-1" },
    { _tag: "OpenPhase", actor: executive(namTuLiem), at: "2021-06-01", phaseId: "dot-2" },
    {
      _tag: "AssessScore",
      actor: officer(namTuLiem),
      at: "2021-06-04",
      unitId: myDinh2,
      phaseId: "dot-1",
      contentId: "ntl2021-hc-2",
      points: 9.5,
      kind: "cross"
    },
    {
      _tag: "AssessScore",
      actor: officer(namTuLiem),
      at: "2021-06-04",
      unitId: cauDien,
      phaseId: "dot-1",
      contentId: "ntl2021-hc-2",
      points: 9,
      kind: "cross"
    },
    {
      _tag: "HoldInterimReview",
      actor: executive(namTuLiem),
      at: "2021-06-10",
      phaseId: "dot-1",
      notes: "Sơ kết Đợt 1 “Chào mừng Đại hội đại biểu lần thứ XIII của Đảng - Mừng sinh nhật Bác”"
    },
    {
      _tag: "GrantAward",
      actor: executive(namTuLiem),
      at: "2021-06-10",
      awardId: "ntl2021-gk-dot-1-my-dinh-2",
      recipient: { _tag: "Unit", organizationId: myDinh2 },
      kind: "giay-khen",
      reason: "Có thành tích xuất sắc trong Đợt 1 năm 2021",
      basis: "phase",
      period: dot1,
      extraordinary: false
    },
    {
      _tag: "AssessScore",
      actor: officer(cauDien),
      at: "2021-11-26",
      unitId: cauDien,
      phaseId: "dot-2",
      contentId: "ntl2021-hc-3",
      points: 9.5,
      kind: "self"
    },
    { _tag: "ClosePhase", actor: executive(namTuLiem), at: "2021-11-30", phaseId: "dot-2" },
    { _tag: "EndCampaign", actor: executive(namTuLiem), at: "2021-11-30" },
    {
      _tag: "HoldFinalReview",
      actor: executive(namTuLiem),
      at: "2021-12-14",
      notes:
        "Tổng kết phong trào thi đua năm 2021; đơn vị phát động điểm Công đoàn phường Cầu Diễn hoàn thành xuất sắc nhiệm vụ"
    },
    ...[1, 2, 3].map(
      (n) =>
        ({
          _tag: "GrantAward",
          actor: executive(cauDien),
          at: "2021-12-16",
          awardId: `ntl2021-dvcd-xuat-sac-${n}`,
          recipient: member(n),
          kind: "doan-vien-cong-doan-xuat-sac",
          reason: "Đoàn viên công đoàn có nhiều thành tích trong phong trào thi đua năm 2021",
          basis: "campaign",
          period: year,
          extraordinary: false
        }) as const
    ),
    {
      _tag: "GrantAward",
      actor: executive(namTuLiem),
      at: "2021-12-16",
      awardId: "ntl2021-cdcs-vung-manh-my-dinh-2",
      recipient: { _tag: "Unit", organizationId: myDinh2 },
      kind: "cong-doan-co-so-vung-manh",
      reason: "Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ năm 2021",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    {
      _tag: "ProposeNomination",
      actor: officer(namTuLiem),
      at: "2021-12-16",
      nominationId: "ntl2021-de-nghi-bk-cau-dien",
      subject: { _tag: "Unit", organizationId: cauDien },
      awardKind: "bang-khen-cap-tinh",
      basis: "campaign",
      period: year
    },
    {
      _tag: "HoldDeliberation",
      actor: council(namTuLiem),
      at: "2021-12-17",
      nominationId: "ntl2021-de-nghi-bk-cau-dien",
      present: 9,
      votesFor: 9,
      councilSize: 9
    },
    {
      _tag: "DecideNomination",
      actor: executive(namTuLiem),
      at: "2021-12-17",
      nominationId: "ntl2021-de-nghi-bk-cau-dien",
      outcome: "escalated"
    },
    {
      _tag: "SubmitNomination",
      actor: officer(namTuLiem),
      at: "2021-12-20",
      nominationId: "ntl2021-de-nghi-bk-cau-dien",
      toOrganizationId: hanoi
    },
    {
      _tag: "HoldDeliberation",
      actor: council(hanoi),
      at: "2021-12-28",
      nominationId: "ntl2021-de-nghi-bk-cau-dien",
      present: 15,
      votesFor: 15,
      councilSize: 17
    },
    {
      _tag: "DecideNomination",
      actor: executive(hanoi),
      at: "2021-12-29",
      nominationId: "ntl2021-de-nghi-bk-cau-dien",
      outcome: "escalated"
    },
    {
      _tag: "SubmitNomination",
      actor: officer(hanoi),
      at: "2021-12-30",
      nominationId: "ntl2021-de-nghi-bk-cau-dien",
      toOrganizationId: confederation
    },
    {
      _tag: "HoldDeliberation",
      actor: council(confederation),
      at: "2022-01-04",
      nominationId: "ntl2021-de-nghi-bk-cau-dien",
      present: 19,
      votesFor: 19,
      councilSize: 21
    },
    {
      _tag: "DecideNomination",
      actor: executive(confederation),
      at: "2022-01-04",
      nominationId: "ntl2021-de-nghi-bk-cau-dien",
      outcome: "achievedAtLevel"
    },
    {
      _tag: "GrantAward",
      actor: executive(confederation),
      at: "2022-01-04",
      awardId: "ntl2021-bk-cau-dien",
      recipient: { _tag: "Unit", organizationId: cauDien },
      kind: "bang-khen-cap-tinh",
      nominationId: "ntl2021-de-nghi-bk-cau-dien",
      reason: "Đơn vị phát động thi đua điểm, hoàn thành xuất sắc nhiệm vụ năm 2021",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    {
      _tag: "ReplicateExemplar",
      actor: executive(namTuLiem),
      at: "2022-01-05",
      subject: { _tag: "Unit", organizationId: cauDien }
    },
    // A Bằng khen of the Confederation, proposed by the district and escalated through the city,
    // presented (trao tặng) by the district chair at the ward's next launch — as the article's Bằng
    // khen of the Confederation for 2020 was at the ward's launch of 2021.
    {
      _tag: "PresentAward",
      actor: executive(namTuLiem),
      at: "2022-01-07",
      awardId: "ntl2021-bk-cau-dien",
      ceremony: "Hội nghị phát động thi đua năm 2022 tại Công đoàn phường Cầu Diễn"
    },
    { _tag: "CloseCampaign", actor: executive(namTuLiem), at: "2022-01-10" }
  ]),
  facts
}
