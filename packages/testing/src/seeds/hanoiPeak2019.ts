/**
 * Seed `002_e82909285ce8441c.txt`: "Tạo chuyển biến về chất trong hoạt động công đoàn", an interview
 * with Đặng Thị Phương Hoa, Phó Chủ tịch Thường trực LĐLĐ thành phố Hà Nội, on the 90-day peak drive
 * of 2019 for the 90th anniversary of the Vietnam Trade Union.
 *
 * @since 0.1.0
 * @internal
 */
import type { Commands, Facts, Seed } from "../Seeds.js"
import { type CampaignStep, campaign, council, directory, executive, officer } from "./build.js"
import { apportion, daysOf, merge, padTo, weight } from "./scale.js"

const tenantId = "seed-ha-noi-cao-diem-2019"
const campaignId = "ha-noi-cao-diem-90-ngay-2019"

const hanoi = "ldld-ha-noi"
const hoangMai = "ldld-hoang-mai"
const namTuLiem = "ldld-nam-tu-liem"
const trungThanh = "cdcs-trung-thanh"
const cauDien = "cd-phuong-cau-dien"
const myDinh2 = "cd-phuong-my-dinh-2"

// 90 days ending on the anniversary, 28/7/2019.
const drive = { start: "2019-04-30", end: "2019-07-28" }

const worker = (n: number) => ({
  _tag: "Member" as const,
  memberId: `trung-thanh-cnld-${String(n).padStart(2, "0")}`,
  organizationId: trungThanh
})

const works: ReadonlyArray<{ readonly id: string; readonly unitId: string; readonly title: string }> = [
  {
    id: "hn2019-ct-1",
    unitId: trungThanh,
    title: "Công trình chào mừng 90 năm Ngày thành lập Công đoàn Việt Nam số 1 (minh họa)"
  },
  {
    id: "hn2019-ct-2",
    unitId: trungThanh,
    title: "Công trình chào mừng 90 năm Ngày thành lập Công đoàn Việt Nam số 2 (minh họa)"
  },
  {
    id: "hn2019-ct-3",
    unitId: trungThanh,
    title: "Công trình chào mừng 90 năm Ngày thành lập Công đoàn Việt Nam số 3 (minh họa)"
  },
  {
    id: "hn2019-ct-4",
    unitId: cauDien,
    title: "Công trình chào mừng 90 năm Ngày thành lập Công đoàn Việt Nam số 4 (minh họa)"
  },
  {
    id: "hn2019-ct-5",
    unitId: myDinh2,
    title: "Công trình chào mừng 90 năm Ngày thành lập Công đoàn Việt Nam số 5 (minh họa)"
  }
]

/**
 * The article, by hand. Its totals are "more than" figures ("hơn 30 nghìn", "trên 900 tỷ đồng"):
 * the facts keep them as lower bounds, and the scaled seed takes them at their round values.
 *
 * @internal
 */
const facts: Facts = {
  issuer: { organizationId: hanoi, name: "Liên đoàn Lao động thành phố Hà Nội" },
  pilotUnit: null,
  organizations: {},
  initiatives: {
    count: 30_000,
    benefitVnd: 900_000_000_000,
    plaqued: 5,
    moreThan: true,
    quote:
      "đoàn viên, người lao động trong toàn Thành phố đã có hơn 30 nghìn đề tài khoa học các cấp, sáng kiến, giải pháp, sản phẩm với giá trị làm lợi trên 900 tỷ đồng, có 5 công trình đã hoàn thành và được Liên đoàn Lao động Thành phố gắn biển công trình tiêu biểu chào mừng kỷ niệm 90 năm Ngày thành lập Công đoàn Việt Nam"
  },
  phases: [
    {
      name: "Đợt thi đua cao điểm 90 ngày",
      // "Từ tháng 4/2019 … phát động": the month and the 90 days, not the days; the seed ends them on
      // the anniversary, 28/7/2019.
      start: "2019-04-30",
      end: "2019-07-28",
      theme: "Chào mừng kỷ niệm 90 năm Ngày thành lập Công đoàn Việt Nam",
      statedBy: "seed"
    }
  ],
  // Two sectors ("khu vực sản xuất kinh doanh", "khu vực hành chính, sự nghiệp"), their contents
  // counted by the seed.
  sectors: [
    { sector: "enterprise", contents: 4, statedBy: "seed" },
    { sector: "administrative", contents: 3, statedBy: "seed" }
  ],
  awards: [
    {
      name: "khen thưởng, động viên (hình thức không nêu)",
      kind: undefined,
      year: 2019,
      recipient: { organizationId: null, name: "Hàng trăm tập thể, cá nhân có thành tích xuất sắc" },
      grantedBy: { organizationId: null, name: "Công đoàn cơ sở và Công đoàn cấp trên cơ sở" },
      presentedBy: undefined,
      quote:
        "Đã có hàng trăm tập thể, cá nhân có thành tích xuất sắc đã được công đoàn cơ sở và Công đoàn cấp trên cơ sở khen thưởng, động viên…"
    }
  ],
  figures: [
    {
      what: "share of upper-level unions and units under the city federation that planned the drive",
      value: 1,
      quote:
        "100% Công đoàn cấp trên cơ sở, đơn vị trực thuộc và trên 90% Công đoàn cơ sở đã xây dựng kế hoạch triển khai Đợt thi đua này"
    },
    {
      what: "share of grassroots unions that planned the drive",
      value: 0.9,
      moreThan: true,
      quote:
        "100% Công đoàn cấp trên cơ sở, đơn vị trực thuộc và trên 90% Công đoàn cơ sở đã xây dựng kế hoạch triển khai Đợt thi đua này"
    },
    {
      what: "Mái ấm Công đoàn (union homes) built or repaired with the city federation's support",
      value: 95,
      quote: "LĐLĐ Thành phố đã ra Quyết định hỗ trợ xây mới và sửa chữa 95 Mái ấm Công đoàn"
    },
    {
      what: "of them, for workers of the capital",
      value: 90,
      quote: "Trong đó, có 90 Mái ấm Công đoàn hỗ trợ cho công nhân viên chức lao động Thủ đô"
    },
    {
      what: "of them, for workers of Hà Giang, Lai Châu and Hòa Bình hit by natural disasters",
      value: 5,
      quote:
        "5 Mái ấm Công đoàn hỗ trợ công nhân lao động các tỉnh Hà Giang, Lai Châu, Hòa Bình chịu ảnh hưởng thiên tai, lũ lụt"
    }
  ]
}

/** @internal */
export const seed: Seed = {
  name: "ha-noi-90-days-2019",
  source: "002_e82909285ce8441c.txt",
  title:
    "Đợt thi đua cao điểm 90 ngày trong công nhân viên chức lao động Thủ đô chào mừng kỷ niệm 90 năm Ngày thành lập Công đoàn Việt Nam",
  summary:
    "LĐLĐ thành phố Hà Nội plans and launches in April 2019 a thematic 90-day peak drive (đợt thi đua cao điểm) for " +
    "the 90th anniversary of the Vietnam Trade Union (28/7/1929 – 28/7/2019), with contents for the production and " +
    "business sector and for the administrative sector; five works are completed and plaqued by the city federation, " +
    "and grassroots and upper-level unions reward collectives and individuals. The article gives the month, not the " +
    "days: the drive runs the 90 days 30/04–28/07/2019. Its totals (over 30,000 initiatives worth over 900 billion " +
    "VND, 95 “Mái ấm Công đoàn”) go in the final review's notes; the units, the sample initiatives, the works' " +
    "titles and the awards (Giấy khen, Bằng khen of LĐLĐ Hà Nội through nominations escalated one level at a time) are illustrative.",
  tenantId,
  directory: directory("ha-noi-cao-diem-2019", tenantId, [
    {
      _tag: "RegisterOrganization",
      actor: executive(hanoi),
      at: "2019-04-01",
      organizationId: hanoi,
      name: "Liên đoàn Lao động thành phố Hà Nội",
      level: "federation"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hanoi),
      at: "2019-04-01",
      organizationId: hoangMai,
      name: "Liên đoàn Lao động quận Hoàng Mai",
      level: "upper",
      parentId: hanoi
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hanoi),
      at: "2019-04-01",
      organizationId: namTuLiem,
      name: "Liên đoàn Lao động quận Nam Từ Liêm",
      level: "upper",
      parentId: hanoi
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hoangMai),
      at: "2019-04-01",
      organizationId: trungThanh,
      name: "Công đoàn cơ sở Công ty TNHH Trung Thành",
      level: "grassroots",
      parentId: hoangMai,
      sector: "enterprise"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(namTuLiem),
      at: "2019-04-01",
      organizationId: cauDien,
      name: "Công đoàn phường Cầu Diễn",
      level: "grassroots",
      parentId: namTuLiem,
      sector: "administrative"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(namTuLiem),
      at: "2019-04-01",
      organizationId: myDinh2,
      name: "Công đoàn phường Mỹ Đình 2",
      level: "grassroots",
      parentId: namTuLiem,
      sector: "administrative"
    }
  ]),
  campaign: campaign("ha-noi-cao-diem-2019", tenantId, campaignId, [
    {
      _tag: "PlanCampaign",
      actor: executive(hanoi),
      at: "2019-04-10",
      issuerId: hanoi,
      title:
        "Đợt thi đua cao điểm 90 ngày trong công nhân viên chức lao động Thủ đô chào mừng kỷ niệm 90 năm Ngày thành lập Công đoàn Việt Nam",
      theme: "Chào mừng kỷ niệm 90 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2019)",
      form: "thematic",
      period: drive,
      sectors: [
        {
          sector: "enterprise",
          contents: [
            {
              contentId: "hn2019-dn-1",
              title: "Thi đua “Lao động giỏi”, “Lao động sáng tạo” với mục tiêu “Năng suất cao hơn, chất lượng tốt hơn”"
            },
            {
              contentId: "hn2019-dn-2",
              title:
                "Phấn đấu trở thành “Công nhân giỏi”, gương “sáng kiến, sáng tạo”; phát huy sáng kiến cải tiến kỹ thuật, ứng dụng tiến bộ khoa học vào sản xuất"
            },
            {
              contentId: "hn2019-dn-3",
              title:
                "Học tập, rèn luyện kỹ năng tay nghề, chuyên môn nghiệp vụ, tiếp thu công nghệ mới, đáp ứng yêu cầu của cuộc Cách mạng công nghiệp 4.0"
            },
            {
              contentId: "hn2019-dn-4",
              title: "Phong trào “Đổi mới, sáng tạo, hiệu quả trong hoạt động Công đoàn”"
            }
          ]
        },
        {
          sector: "administrative",
          contents: [
            {
              contentId: "hn2019-hc-1",
              title:
                "Thực hiện có hiệu quả “Năm nâng cao hiệu lực, hiệu quả hoạt động của hệ thống chính trị”; phong trào “Tham mưu giỏi, phục vụ tốt”"
            },
            {
              contentId: "hn2019-hc-2",
              title:
                "Cuộc vận động “Người cán bộ công chức, viên chức trung thành, trách nhiệm, liêm chính, sáng tạo”, “Cán bộ, công chức, viên chức nói không với tiêu cực”"
            },
            {
              contentId: "hn2019-hc-3",
              title: "Phong trào “Đổi mới, sáng tạo, hiệu quả trong hoạt động Công đoàn”"
            }
          ]
        }
      ],
      titlesOffered: ["bang-khen-ldld", "giay-khen"]
    },
    { _tag: "LaunchCampaign", actor: executive(hanoi), at: "2019-04-26" },
    {
      _tag: "SchedulePhase",
      actor: executive(hanoi),
      at: "2019-04-26",
      phaseId: "cao-diem-90-ngay",
      name: "Đợt thi đua cao điểm 90 ngày",
      kind: "peak",
      period: drive,
      theme: "Chào mừng kỷ niệm 90 năm Ngày thành lập Công đoàn Việt Nam"
    },
    { _tag: "OpenPhase", actor: executive(hanoi), at: "2019-04-30", phaseId: "cao-diem-90-ngay" },
    { _tag: "EnrollParticipant", actor: officer(hoangMai), at: "2019-05-03", unitId: trungThanh, sector: "enterprise" },
    {
      _tag: "EnrollParticipant",
      actor: officer(namTuLiem),
      at: "2019-05-06",
      unitId: cauDien,
      sector: "administrative"
    },
    {
      _tag: "EnrollParticipant",
      actor: officer(namTuLiem),
      at: "2019-05-06",
      unitId: myDinh2,
      sector: "administrative"
    },
    {
      _tag: "SignPledge",
      actor: executive(trungThanh),
      at: "2019-05-08",
      pledgeId: "hn2019-dk-cong-trinh-trung-thanh",
      kind: "registration",
      signerIds: [trungThanh],
      targets: [
        {
          contentId: "hn2019-dn-2",
          description: "Đăng ký ba công trình, phần việc chào mừng 90 năm Ngày thành lập Công đoàn Việt Nam"
        }
      ]
    },
    {
      _tag: "ApproveRegistration",
      actor: executive(hanoi),
      at: "2019-05-15",
      pledgeId: "hn2019-dk-cong-trinh-trung-thanh"
    },
    ...works.map(
      (w) =>
        ({
          _tag: "RecordInitiative",
          actor: officer(w.unitId),
          at: "2019-05-20",
          initiativeId: w.id,
          phaseId: "cao-diem-90-ngay",
          unitId: w.unitId,
          kind: "work",
          title: w.title,
          benefitVnd: 0
        }) as const
    ),
    {
      _tag: "RecordInitiative",
      actor: officer(trungThanh),
      at: "2019-05-27",
      initiativeId: "hn2019-sk-1",
      phaseId: "cao-diem-90-ngay",
      unitId: trungThanh,
      memberId: "trung-thanh-cnld-01",
      kind: "initiative",
      title: "Sáng kiến cải tiến kỹ thuật nâng cao năng suất máy móc, thiết bị, giảm chi phí sản xuất",
      benefitVnd: 150_000_000
    },
    {
      _tag: "RecordInitiative",
      actor: officer(cauDien),
      at: "2019-06-03",
      initiativeId: "hn2019-gp-1",
      phaseId: "cao-diem-90-ngay",
      unitId: cauDien,
      memberId: "cau-dien-ccvc-01",
      kind: "solution",
      title: "Giải pháp nâng cao chất lượng tham mưu, phục vụ tại bộ phận tiếp nhận và trả kết quả của phường",
      benefitVnd: 0
    },
    { _tag: "ApplyInitiative", actor: officer(trungThanh), at: "2019-06-17", initiativeId: "hn2019-sk-1" },
    {
      _tag: "RecognizeInitiative",
      actor: executive(trungThanh),
      at: "2019-07-01",
      initiativeId: "hn2019-sk-1",
      level: "unit"
    },
    ...works.map(
      (w) => ({ _tag: "ApplyInitiative", actor: officer(w.unitId), at: "2019-07-15", initiativeId: w.id }) as const
    ),
    ...works.map(
      (w) => ({ _tag: "PlaqueWork", actor: executive(hanoi), at: "2019-07-24", initiativeId: w.id }) as const
    ),
    {
      _tag: "AssessScore",
      actor: officer(hoangMai),
      at: "2019-07-26",
      unitId: trungThanh,
      phaseId: "cao-diem-90-ngay",
      contentId: "hn2019-dn-2",
      points: 9.5,
      kind: "cross"
    },
    {
      _tag: "AssessScore",
      actor: officer(namTuLiem),
      at: "2019-07-26",
      unitId: cauDien,
      phaseId: "cao-diem-90-ngay",
      contentId: "hn2019-hc-1",
      points: 9,
      kind: "cross"
    },
    { _tag: "ClosePhase", actor: executive(hanoi), at: "2019-07-28", phaseId: "cao-diem-90-ngay" },
    { _tag: "EndCampaign", actor: executive(hanoi), at: "2019-07-28" },
    {
      _tag: "HoldFinalReview",
      actor: executive(hanoi),
      at: "2019-08-20",
      notes:
        "100% Công đoàn cấp trên cơ sở, đơn vị trực thuộc và trên 90% Công đoàn cơ sở xây dựng kế hoạch; hơn 30 nghìn đề tài khoa học, sáng kiến, giải pháp, sản phẩm với giá trị làm lợi trên 900 tỷ đồng; 5 công trình được gắn biển công trình tiêu biểu; hỗ trợ xây mới và sửa chữa 95 Mái ấm Công đoàn (90 cho công nhân viên chức lao động Thủ đô, 5 cho công nhân lao động các tỉnh Hà Giang, Lai Châu, Hòa Bình)"
    },
    {
      _tag: "GrantAward",
      actor: executive(hoangMai),
      at: "2019-08-22",
      awardId: "hn2019-gk-trung-thanh",
      recipient: { _tag: "Unit", organizationId: trungThanh },
      kind: "giay-khen",
      reason: "Hoàn thành ba công trình chào mừng 90 năm Ngày thành lập Công đoàn Việt Nam",
      basis: "campaign",
      period: drive,
      extraordinary: false
    },
    {
      _tag: "GrantAward",
      actor: executive(namTuLiem),
      at: "2019-08-22",
      awardId: "hn2019-gk-my-dinh-2",
      recipient: { _tag: "Unit", organizationId: myDinh2 },
      kind: "giay-khen",
      reason: "Có thành tích xuất sắc trong Đợt thi đua cao điểm 90 ngày",
      basis: "campaign",
      period: drive,
      extraordinary: false
    },
    {
      _tag: "GrantAward",
      actor: executive(trungThanh),
      at: "2019-08-22",
      awardId: "hn2019-gk-trung-thanh-cnld-02",
      recipient: worker(2),
      kind: "giay-khen",
      reason: "Tích cực tham gia thi công công trình chào mừng 90 năm Ngày thành lập Công đoàn Việt Nam",
      basis: "campaign",
      period: drive,
      extraordinary: false
    },
    {
      _tag: "ProposeNomination",
      actor: officer(namTuLiem),
      at: "2019-08-22",
      nominationId: "hn2019-de-nghi-bk-cau-dien",
      subject: { _tag: "Unit", organizationId: cauDien },
      awardKind: "bang-khen-ldld",
      basis: "campaign",
      period: drive
    },
    {
      _tag: "ProposeNomination",
      actor: officer(trungThanh),
      at: "2019-08-22",
      nominationId: "hn2019-de-nghi-bk-trung-thanh-cnld-01",
      subject: worker(1),
      awardKind: "bang-khen-ldld",
      basis: "campaign",
      period: drive,
      initiativeIds: ["hn2019-sk-1"]
    },
    {
      _tag: "HoldDeliberation",
      actor: council(trungThanh),
      at: "2019-08-23",
      nominationId: "hn2019-de-nghi-bk-trung-thanh-cnld-01",
      present: 7,
      votesFor: 7,
      councilSize: 7
    },
    {
      _tag: "DecideNomination",
      actor: executive(trungThanh),
      at: "2019-08-23",
      nominationId: "hn2019-de-nghi-bk-trung-thanh-cnld-01",
      outcome: "escalated"
    },
    {
      _tag: "SubmitNomination",
      actor: officer(trungThanh),
      at: "2019-08-23",
      nominationId: "hn2019-de-nghi-bk-trung-thanh-cnld-01",
      toOrganizationId: hoangMai
    },
    {
      _tag: "HoldDeliberation",
      actor: council(namTuLiem),
      at: "2019-08-26",
      nominationId: "hn2019-de-nghi-bk-cau-dien",
      present: 9,
      votesFor: 9,
      councilSize: 9
    },
    {
      _tag: "DecideNomination",
      actor: executive(namTuLiem),
      at: "2019-08-26",
      nominationId: "hn2019-de-nghi-bk-cau-dien",
      outcome: "escalated"
    },
    {
      _tag: "SubmitNomination",
      actor: officer(namTuLiem),
      at: "2019-08-27",
      nominationId: "hn2019-de-nghi-bk-cau-dien",
      toOrganizationId: hanoi
    },
    {
      _tag: "HoldDeliberation",
      actor: council(hoangMai),
      at: "2019-08-27",
      nominationId: "hn2019-de-nghi-bk-trung-thanh-cnld-01",
      present: 9,
      votesFor: 8,
      councilSize: 9
    },
    {
      _tag: "DecideNomination",
      actor: executive(hoangMai),
      at: "2019-08-27",
      nominationId: "hn2019-de-nghi-bk-trung-thanh-cnld-01",
      outcome: "escalated"
    },
    {
      _tag: "SubmitNomination",
      actor: officer(hoangMai),
      at: "2019-08-28",
      nominationId: "hn2019-de-nghi-bk-trung-thanh-cnld-01",
      toOrganizationId: hanoi
    },
    {
      _tag: "HoldDeliberation",
      actor: council(hanoi),
      at: "2019-09-05",
      nominationId: "hn2019-de-nghi-bk-cau-dien",
      present: 15,
      votesFor: 15,
      councilSize: 17
    },
    {
      _tag: "HoldDeliberation",
      actor: council(hanoi),
      at: "2019-09-05",
      nominationId: "hn2019-de-nghi-bk-trung-thanh-cnld-01",
      present: 15,
      votesFor: 14,
      councilSize: 17
    },
    {
      _tag: "DecideNomination",
      actor: executive(hanoi),
      at: "2019-09-10",
      nominationId: "hn2019-de-nghi-bk-cau-dien",
      outcome: "achievedAtLevel"
    },
    {
      _tag: "DecideNomination",
      actor: executive(hanoi),
      at: "2019-09-10",
      nominationId: "hn2019-de-nghi-bk-trung-thanh-cnld-01",
      outcome: "achievedAtLevel"
    },
    {
      _tag: "GrantAward",
      actor: executive(hanoi),
      at: "2019-09-10",
      awardId: "hn2019-bk-cau-dien",
      recipient: { _tag: "Unit", organizationId: cauDien },
      kind: "bang-khen-ldld",
      nominationId: "hn2019-de-nghi-bk-cau-dien",
      reason:
        "Có thành tích xuất sắc trong Đợt thi đua cao điểm 90 ngày chào mừng 90 năm Ngày thành lập Công đoàn Việt Nam",
      basis: "campaign",
      period: drive,
      extraordinary: false
    },
    {
      _tag: "GrantAward",
      actor: executive(hanoi),
      at: "2019-09-10",
      awardId: "hn2019-bk-trung-thanh-cnld-01",
      recipient: worker(1),
      kind: "bang-khen-ldld",
      nominationId: "hn2019-de-nghi-bk-trung-thanh-cnld-01",
      reason: "Tác giả sáng kiến cải tiến kỹ thuật có giá trị làm lợi 150 triệu đồng trong Đợt thi đua cao điểm",
      basis: "campaign",
      period: drive,
      extraordinary: false
    },
    {
      _tag: "ReplicateExemplar",
      actor: executive(hanoi),
      at: "2019-09-20",
      subject: { _tag: "Unit", organizationId: trungThanh }
    },
    { _tag: "CloseCampaign", actor: executive(hanoi), at: "2019-09-30" }
  ]),
  facts
}

interface Recorded {
  readonly _tag: string
  readonly at: string
  readonly unitId?: string
  readonly kind?: string
  readonly benefitVnd?: number
  readonly phaseId?: string
  readonly period?: { readonly start: string; readonly end: string }
}

// The article lumps "đề tài khoa học các cấp, sáng kiến, giải pháp, sản phẩm" together: one in ten
// is taken as a research topic and two as solutions, the rest as initiatives (an illustration).
const kindOf = (i: number) => {
  const r = i % 10
  return r === 0
    ? { kind: "research" as const, code: "dt", label: "Đề tài khoa học" }
    : r <= 2
      ? { kind: "solution" as const, code: "gp", label: "Giải pháp" }
      : { kind: "initiative" as const, code: "sk", label: "Sáng kiến" }
}

/**
 * The drive at the article's scale: the initiatives the narrative does not record, up to the
 * article's count and benefit, the five works plaqued aside (the article counts them apart). They
 * are recorded on every day of the peak phase from the first enrolment to the phase's last day,
 * as many each day, by the enrolled units in turn (a unit from its day of enrolment on). Benefits
 * are whole thousands of đồng, varied, and sum to the article's figure exactly.
 *
 * @internal
 */
export const scale = (s: Seed): Commands => {
  const { count = 0, benefitVnd = 0 } = s.facts.initiatives
  const narrative = s.campaign as ReadonlyArray<Recorded>
  const recorded = narrative.filter((c) => c._tag === "RecordInitiative" && c.kind !== "work")
  const missing = count - recorded.length
  const benefit = benefitVnd - recorded.reduce((n, c) => n + (c.benefitVnd ?? 0), 0)
  const phase = narrative.find((c) => c._tag === "SchedulePhase")
  const phaseId = phase?.phaseId ?? "cao-diem-90-ngay"
  const enrolments = narrative.filter((c) => c._tag === "EnrollParticipant")
  const period = phase?.period ?? drive
  // Nothing is filed under the phase before it opens, nor for a unit before it is enrolled.
  const enrolledFrom = enrolments.map((c) => c.at).sort()[0] ?? period.start
  const days = daysOf([period.start, enrolledFrom].sort()[1]!, period.end)
  const perDay = apportion(
    missing,
    days.map(() => 1)
  )
  // Thousands of đồng, so that no benefit has odd đồng; what is under a thousand goes to the first.
  const thousands = apportion(
    Math.floor(benefit / 1000),
    Array.from({ length: missing }, (_, i) => weight(i))
  )
  const steps: Array<CampaignStep> = []
  let i = 0
  days.forEach((day, d) => {
    const units = enrolments.filter((c) => c.at <= day).map((c) => c.unitId!)
    for (let k = 0; k < perDay[d]!; k++, i++) {
      const n = i + 1
      const unitId = units[i % units.length]!
      const { kind, code, label } = kindOf(n)
      steps.push({
        _tag: "RecordInitiative",
        actor: officer(unitId),
        at: day,
        initiativeId: `hn2019-${code}-${padTo(n, missing)}`,
        phaseId,
        unitId,
        kind,
        title: `${label} số ${padTo(n, missing)} trong Đợt thi đua cao điểm 90 ngày (minh họa)`,
        benefitVnd: thousands[i]! * 1000 + (i === 0 ? benefit % 1000 : 0)
      })
    }
  })
  return {
    directory: s.directory,
    campaign: merge(s.campaign, campaign(`${s.name}-scale`, s.tenantId, campaignId, steps))
  }
}
