/**
 * Seed `000_b6a55d5eb6fd242a.txt`: "LĐLĐ quận Hoàng Mai phát động 2 đợt thi đua năm 2020"
 * (published 02/01/2020).
 *
 * @since 0.1.0
 * @internal
 */
import type { Facts, Seed } from "../Seeds.js"
import { campaign, council, directory, executive, officer } from "./build.js"

const tenantId = "seed-hoang-mai-2020"
const campaignId = "hoang-mai-2020"

const hanoi = "ldld-ha-noi"
const hoangMai = "ldld-hoang-mai"
const trungThanh = "cdcs-trung-thanh"
const ubndQuan = "cdcs-co-quan-ubnd-hoang-mai"

const year = { start: "2020-01-01", end: "2020-12-31" }
const dot1 = { start: "2020-01-01", end: "2020-06-30" }

const worker = (n: number) => ({
  _tag: "Member" as const,
  memberId: `trung-thanh-cnld-${String(n).padStart(2, "0")}`,
  organizationId: trungThanh
})

// Eight Advanced Workers at Trung Thành, worker 1 among them: a Grassroots Emulation Fighter is an
// Advanced Worker of the year (T3), and under R2003 eight allow one fighter (T4).
const advancedWorkers = [2, 3, 4, 5, 6, 7, 8, 1].map((n, i) => ({
  _tag: "GrantAward" as const,
  actor: executive(trungThanh),
  at: "2021-01-12",
  awardId: `hm2020-ldtt-${i + 1}`,
  recipient: worker(n),
  kind: "lao-dong-tien-tien" as const,
  reason: "Hoàn thành tốt nhiệm vụ, tích cực hưởng ứng phong trào thi đua năm 2020",
  basis: "campaign" as const,
  period: year,
  extraordinary: false
}))

/** The article, by hand: it counts the contents and dates the phases, and gives no other total. @internal */
const facts: Facts = {
  issuer: { organizationId: hoangMai, name: "Liên đoàn Lao động quận Hoàng Mai" },
  pilotUnit: { organizationId: trungThanh, name: "Công đoàn cơ sở Công ty TNHH Trung Thành" },
  organizations: {},
  initiatives: {},
  phases: [
    {
      name: "Đợt 1",
      start: "2020-01-01",
      end: "2020-06-30",
      theme: "Mừng Đảng quang vinh – Mừng sinh nhật Bác",
      statedBy: "article",
      // "từ tháng 01/01/2020": a stray "tháng" (month) in the article, read as the day.
      quote:
        "Đợt 1 diễn ra từ tháng 01/01/2020 đến 30/6/2020 có chủ đề thi đua “Mừng Đảng quang vinh – Mừng sinh nhật Bác”"
    },
    {
      name: "Đợt 2",
      start: "2020-07-01",
      end: "2020-12-31",
      theme:
        "Chào mừng Đại hội thi đua yêu nước và Đại hội Đảng các cấp, tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
      statedBy: "article",
      quote:
        "đợt 2 diễn ra từ 01/7/2020 đến 31/12/2020 với chủ đề “Chào mừng Đại hội thi đua yêu nước và Đại hội Đảng các cấp, tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng ”"
    }
  ],
  sectors: [
    {
      sector: "enterprise",
      contents: 6,
      statedBy: "article",
      quote: "Cụ thể, khối doanh nghiệp có 6 nội dung thi đua"
    },
    {
      sector: "administrative",
      contents: 3,
      statedBy: "article",
      quote: "Đối với khối hành chính sự nghiệp, thi đua tập trung vào 3 nội dung."
    }
  ],
  awards: [],
  figures: []
}

/** @internal */
export const seed: Seed = {
  name: "hoang-mai-2020",
  source: "000_b6a55d5eb6fd242a.txt",
  title: "Phong trào thi đua công nhân viên chức lao động quận Hoàng Mai năm 2020",
  summary:
    "LĐLĐ quận Hoàng Mai launches its 2020 campaign on 02/01/2020 with a pilot launch (phát động điểm) at " +
    "Công ty TNHH Trung Thành, six contents for the enterprise sector and three for the administrative sector, and " +
    "two phases: Đợt 1 (01/01–30/06/2020, “Mừng Đảng quang vinh – Mừng sinh nhật Bác”) and Đợt 2 (01/07–31/12/2020). " +
    "The article stops at the launch: the plan date, the second (administrative) unit, registrations, the initiative, " +
    "scores, the reviews and the awards (a Giấy khen after the Đợt 1 review, seven Lao động tiên tiến and, within " +
    "the R2003 15% quota, one Chiến sĩ thi đua cơ sở through a nomination) are plausible additions.",
  tenantId,
  directory: directory("hoang-mai-2020", tenantId, [
    {
      _tag: "RegisterOrganization",
      actor: executive(hanoi),
      at: "2019-12-01",
      organizationId: hanoi,
      name: "Liên đoàn Lao động thành phố Hà Nội",
      level: "federation"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hanoi),
      at: "2019-12-01",
      organizationId: hoangMai,
      name: "Liên đoàn Lao động quận Hoàng Mai",
      level: "upper",
      parentId: hanoi
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hoangMai),
      at: "2019-12-01",
      organizationId: trungThanh,
      name: "Công đoàn cơ sở Công ty TNHH Trung Thành",
      level: "grassroots",
      parentId: hoangMai,
      sector: "enterprise"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hoangMai),
      at: "2019-12-01",
      organizationId: ubndQuan,
      name: "Công đoàn cơ quan Ủy ban nhân dân quận Hoàng Mai",
      level: "grassroots",
      parentId: hoangMai,
      sector: "administrative"
    }
  ]),
  campaign: campaign("hoang-mai-2020", tenantId, campaignId, [
    {
      _tag: "PlanCampaign",
      actor: executive(hoangMai),
      at: "2019-12-30",
      issuerId: hoangMai,
      title: "Phong trào thi đua công nhân viên chức lao động quận Hoàng Mai năm 2020",
      theme: "Nâng cao chất lượng Công đoàn cơ sở",
      form: "regular",
      period: year,
      sectors: [
        {
          sector: "enterprise",
          contents: [
            {
              contentId: "hm2020-dn-1",
              title:
                "Thực hiện thắng lợi các mục tiêu, chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội và kế hoạch sản xuất kinh doanh của doanh nghiệp năm 2020"
            },
            {
              contentId: "hm2020-dn-2",
              title: "Phát huy sáng kiến, cải tiến kỹ thuật, đổi mới quy trình làm việc, tăng năng suất lao động"
            },
            {
              contentId: "hm2020-dn-3",
              title:
                "Nghiên cứu ứng dụng tiến bộ khoa học kỹ thuật, công nghệ thông tin vào sản xuất kinh doanh và quản lý kinh tế"
            },
            {
              contentId: "hm2020-dn-4",
              title:
                "Thực hành tiết kiệm, chống lãng phí; đồng hành cùng doanh nghiệp tháo gỡ khó khăn, đảm bảo việc làm, thu nhập cho người lao động"
            },
            {
              contentId: "hm2020-dn-5",
              title:
                "Thực hiện Nghị quyết Đại hội Công đoàn Thành phố lần thứ XVI, Nghị quyết Đại hội XII Công đoàn Việt Nam và chủ đề năm “Nâng cao chất lượng Công đoàn cơ sở”"
            },
            {
              contentId: "hm2020-dn-6",
              title:
                "Đẩy mạnh đối thoại tại nơi làm việc; duy trì phong trào “Ôn lý thuyết, luyện tay nghề, thi thợ giỏi”; hội nghị điển hình tiên tiến các cấp"
            }
          ]
        },
        {
          sector: "administrative",
          contents: [
            {
              contentId: "hm2020-hc-1",
              title:
                "Thực hiện có hiệu quả các nhiệm vụ chính trị, chỉ tiêu phát triển kinh tế - xã hội năm 2020; hưởng ứng các phong trào do Thủ tướng Chính phủ phát động"
            },
            {
              contentId: "hm2020-hc-2",
              title:
                "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với xây dựng người cán bộ, công chức, viên chức “Trung thành, trách nhiệm, liêm chính, sáng tạo”"
            },
            {
              contentId: "hm2020-hc-3",
              title:
                "Đẩy mạnh cải cách hành chính, sắp xếp bộ máy tinh gọn, ứng dụng công nghệ thông tin hướng tới thành phố thông minh, sáng tạo"
            }
          ]
        }
      ],
      titlesOffered: [
        "lao-dong-tien-tien",
        "chien-si-thi-dua-co-so",
        "tap-the-lao-dong-tien-tien",
        "cong-doan-co-so-vung-manh",
        "giay-khen"
      ]
    },
    { _tag: "LaunchCampaign", actor: executive(hoangMai), at: "2020-01-02", pilotUnitId: trungThanh },
    {
      _tag: "SchedulePhase",
      actor: executive(hoangMai),
      at: "2020-01-02",
      phaseId: "dot-1",
      name: "Đợt 1",
      kind: "regular",
      period: dot1,
      theme: "Mừng Đảng quang vinh – Mừng sinh nhật Bác"
    },
    {
      _tag: "SchedulePhase",
      actor: executive(hoangMai),
      at: "2020-01-02",
      phaseId: "dot-2",
      name: "Đợt 2",
      kind: "regular",
      period: { start: "2020-07-01", end: "2020-12-31" },
      theme:
        "Chào mừng Đại hội thi đua yêu nước và Đại hội Đảng các cấp, tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
    },
    { _tag: "OpenPhase", actor: executive(hoangMai), at: "2020-01-02", phaseId: "dot-1" },
    {
      _tag: "EnrollParticipant",
      actor: executive(trungThanh),
      at: "2020-01-02",
      unitId: trungThanh,
      sector: "enterprise"
    },
    {
      _tag: "EnrollParticipant",
      actor: executive(ubndQuan),
      at: "2020-01-08",
      unitId: ubndQuan,
      sector: "administrative"
    },
    {
      _tag: "SignPledge",
      actor: executive(trungThanh),
      at: "2020-01-10",
      pledgeId: "hm2020-dk-trung-thanh",
      kind: "registration",
      signerIds: [trungThanh],
      targets: [
        {
          contentId: "hm2020-dn-2",
          description: "Mỗi tổ sản xuất có ít nhất một sáng kiến, cải tiến kỹ thuật được áp dụng"
        },
        { awardKind: "lao-dong-tien-tien", description: "Phấn đấu đa số người lao động đạt Lao động tiên tiến" },
        {
          awardKind: "chien-si-thi-dua-co-so",
          description: "Có Chiến sĩ thi đua cơ sở trong công nhân trực tiếp sản xuất"
        }
      ]
    },
    {
      _tag: "SignPledge",
      actor: executive(ubndQuan),
      at: "2020-01-15",
      pledgeId: "hm2020-dk-ubnd-quan",
      kind: "registration",
      signerIds: [ubndQuan],
      targets: [
        { contentId: "hm2020-hc-3", description: "Nâng cao chỉ số cải cách hành chính của quận" },
        { awardKind: "tap-the-lao-dong-tien-tien", description: "Tập thể lao động tiên tiến năm 2020" }
      ]
    },
    { _tag: "ApproveRegistration", actor: executive(hoangMai), at: "2020-01-20", pledgeId: "hm2020-dk-trung-thanh" },
    { _tag: "ApproveRegistration", actor: executive(hoangMai), at: "2020-01-20", pledgeId: "hm2020-dk-ubnd-quan" },
    {
      _tag: "RecordInitiative",
      actor: officer(trungThanh),
      at: "2020-04-15",
      initiativeId: "hm2020-sk-1",
      phaseId: "dot-1",
      unitId: trungThanh,
      memberId: "trung-thanh-cnld-01",
      kind: "initiative",
      title: "Cải tiến quy trình làm việc tại tổ sản xuất, giảm thời gian chờ giữa các công đoạn",
      benefitVnd: 85_000_000
    },
    { _tag: "ApplyInitiative", actor: officer(trungThanh), at: "2020-05-11", initiativeId: "hm2020-sk-1" },
    {
      _tag: "RecognizeInitiative",
      actor: executive(trungThanh),
      at: "2020-06-15",
      initiativeId: "hm2020-sk-1",
      level: "unit"
    },
    {
      _tag: "AssessScore",
      actor: officer(trungThanh),
      at: "2020-06-30",
      unitId: trungThanh,
      phaseId: "dot-1",
      contentId: "hm2020-dn-2",
      points: 9,
      kind: "self"
    },
    {
      _tag: "AssessScore",
      actor: officer(ubndQuan),
      at: "2020-06-30",
      unitId: ubndQuan,
      phaseId: "dot-1",
      contentId: "hm2020-hc-3",
      points: 8,
      kind: "self"
    },
    { _tag: "ClosePhase", actor: executive(hoangMai), at: "2020-06-30", phaseId: "dot-1" },
    { _tag: "OpenPhase", actor: executive(hoangMai), at: "2020-07-01", phaseId: "dot-2" },
    {
      _tag: "AssessScore",
      actor: officer(hoangMai),
      at: "2020-07-06",
      unitId: trungThanh,
      phaseId: "dot-1",
      contentId: "hm2020-dn-2",
      points: 8.5,
      kind: "cross"
    },
    {
      _tag: "HoldInterimReview",
      actor: executive(hoangMai),
      at: "2020-07-10",
      phaseId: "dot-1",
      notes: "Sơ kết Đợt 1 “Mừng Đảng quang vinh – Mừng sinh nhật Bác”; biểu dương đơn vị phát động điểm"
    },
    {
      _tag: "GrantAward",
      actor: executive(hoangMai),
      at: "2020-07-10",
      awardId: "hm2020-gk-dot-1",
      recipient: { _tag: "Unit", organizationId: trungThanh },
      kind: "giay-khen",
      reason: "Đơn vị phát động thi đua điểm có thành tích xuất sắc trong Đợt 1",
      basis: "phase",
      period: dot1,
      extraordinary: false
    },
    {
      _tag: "RecordInitiative",
      actor: officer(ubndQuan),
      at: "2020-09-15",
      initiativeId: "hm2020-gp-1",
      phaseId: "dot-2",
      unitId: ubndQuan,
      memberId: "ubnd-quan-ccvc-01",
      kind: "solution",
      title: "Ứng dụng công nghệ thông tin trong tiếp nhận và trả kết quả thủ tục hành chính",
      benefitVnd: 0
    },
    {
      _tag: "AssessScore",
      actor: officer(ubndQuan),
      at: "2020-12-21",
      unitId: ubndQuan,
      phaseId: "dot-2",
      contentId: "hm2020-hc-1",
      points: 9,
      kind: "self"
    },
    { _tag: "ClosePhase", actor: executive(hoangMai), at: "2020-12-31", phaseId: "dot-2" },
    { _tag: "EndCampaign", actor: executive(hoangMai), at: "2020-12-31" },
    {
      _tag: "HoldFinalReview",
      actor: executive(hoangMai),
      at: "2021-01-08",
      notes: "Tổng kết phong trào thi đua công nhân viên chức lao động quận Hoàng Mai năm 2020"
    },
    ...advancedWorkers,
    {
      _tag: "ProposeNomination",
      actor: officer(trungThanh),
      at: "2021-01-12",
      nominationId: "hm2020-de-nghi-cstd-1",
      subject: worker(1),
      awardKind: "chien-si-thi-dua-co-so",
      basis: "campaign",
      period: year,
      initiativeIds: ["hm2020-sk-1"]
    },
    {
      _tag: "HoldDeliberation",
      actor: council(trungThanh),
      at: "2021-01-13",
      nominationId: "hm2020-de-nghi-cstd-1",
      present: 7,
      votesFor: 7,
      councilSize: 7
    },
    {
      _tag: "DecideNomination",
      actor: executive(trungThanh),
      at: "2021-01-14",
      nominationId: "hm2020-de-nghi-cstd-1",
      outcome: "achievedAtLevel"
    },
    {
      _tag: "GrantAward",
      actor: executive(trungThanh),
      at: "2021-01-15",
      awardId: "hm2020-cstdcs-1",
      recipient: worker(1),
      kind: "chien-si-thi-dua-co-so",
      nominationId: "hm2020-de-nghi-cstd-1",
      reason: "Tác giả sáng kiến cải tiến quy trình làm việc được công nhận và áp dụng tại đơn vị",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    {
      _tag: "GrantAward",
      actor: executive(hoangMai),
      at: "2021-01-15",
      awardId: "hm2020-ttldtt-ubnd-quan",
      recipient: { _tag: "Unit", organizationId: ubndQuan },
      kind: "tap-the-lao-dong-tien-tien",
      reason: "Hoàn thành tốt nhiệm vụ năm 2020, đẩy mạnh cải cách hành chính",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    {
      _tag: "GrantAward",
      actor: executive(hoangMai),
      at: "2021-01-15",
      awardId: "hm2020-cdcs-vung-manh-trung-thanh",
      recipient: { _tag: "Unit", organizationId: trungThanh },
      kind: "cong-doan-co-so-vung-manh",
      reason: "Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ năm 2020",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    {
      _tag: "ReplicateExemplar",
      actor: executive(hoangMai),
      at: "2021-01-20",
      subject: { _tag: "Unit", organizationId: trungThanh }
    },
    { _tag: "CloseCampaign", actor: executive(hoangMai), at: "2021-01-25" }
  ]),
  facts
}
