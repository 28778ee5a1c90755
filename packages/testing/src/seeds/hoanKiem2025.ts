/**
 * Seed `004_2c66f2228d63e6f0.txt`: "LĐLĐ quận Hoàn Kiếm phát động công nhân, viên chức, lao động thi
 * đua hoàn thành tốt nhiệm vụ năm 2025" (Lao động Thủ đô; undated, before Tết Ất Tỵ).
 *
 * The campaign outlives its issuer: by decision of the Ban Thường vụ of LĐLĐ thành phố Hà Nội, 40
 * upper-level unions, LĐLĐ quận Hoàn Kiếm among them, ended their activity on 30/6/2025 and the city
 * federation took their grassroots unions over, as the two-tier local government began on
 * 1/7/2025. The directory records that, and the city federation carries the campaign to its close.
 *
 * @since 0.1.0
 * @internal
 */
import type { Commands, Facts, Seed } from "../Seeds.js"
import { type CampaignStep, campaign, type DirectoryStep, directory, executive, officer } from "./build.js"
import { apportion, merge, padTo, weight } from "./scale.js"

const tenantId = "seed-hoan-kiem-2025"
const campaignId = "hoan-kiem-2025"

const hanoi = "ldld-ha-noi"
const hoanKiem = "ldld-hoan-kiem"
const ubndQuan = "cd-co-quan-ubnd-hoan-kiem"
const doanhNghiep1 = "cdcs-doanh-nghiep-hoan-kiem-1"
const doanhNghiep2 = "cdcs-doanh-nghiep-hoan-kiem-2"

const year = { start: "2025-01-01", end: "2025-12-31" }
const dot1 = { start: "2025-01-01", end: "2025-06-30" }
const reform = "2025-07-01"

const phase2Theme = "Thi đua lao động giỏi, lao động sáng tạo, hoàn thành thắng lợi nhiệm vụ năm 2025"

/**
 * The article, by hand. It prints the members as "3.5829": a dot misplaced in 35.829 (35,829, the
 * reading taken here, and below the 38,025 workers as members must be); the article has no other
 * reading of that figure, and no other source is used.
 *
 * @internal
 */
const facts: Facts = {
  issuer: { organizationId: hoanKiem, name: "Liên đoàn Lao động quận Hoàn Kiếm" },
  pilotUnit: null,
  organizations: {
    grassroots: 517,
    members: 35_829,
    workers: 38_025,
    quote:
      "LĐLĐ quận Hoàn Kiếm hiện đang quản lý và chỉ đạo trực tiếp 517 Công đoàn cơ sở với 3.5829 đoàn viên/38.025 công nhân, viên chức, lao động (CNVCLĐ)."
  },
  initiatives: {},
  phases: [
    {
      name: "Đợt 1",
      start: "2025-01-01",
      end: "2025-06-30",
      theme:
        "Lập thành tích chào mừng 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2025), 50 năm Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025); chào mừng Đại hội Đảng cấp cơ sở và Đại hội Đại biểu quận Hoàn Kiếm lần thứ XXVII",
      statedBy: "article",
      quote: "Đợt 1: Từ 1/1/2025 đến 30/6/2025"
    },
    {
      name: "Đợt 2",
      start: "2025-07-01",
      end: "2025-12-31",
      theme: phase2Theme,
      statedBy: "article",
      quote: `Đợt 2: Từ 1/7/2025 đến 31/12/2025, với chủ đề “${phase2Theme}”.`
    },
    {
      name: "Đợt thi đua cao điểm chào mừng 80 năm Cách mạng tháng Tám và Quốc khánh 2/9",
      start: "2025-07-01",
      end: "2025-09-02",
      theme:
        "Chào mừng 80 năm Cách mạng tháng Tám và Quốc khánh (2/9); Đại hội Đại biểu lần thứ XVIII Đảng bộ thành phố Hà Nội, Đại hội đại biểu toàn quốc lần thứ 14 của Đảng",
      // The article names the peak phase inside Đợt 2 without its days.
      statedBy: "seed"
    }
  ],
  // The article's paragraphs, not a count it gives: "Đối với khối doanh nghiệp …", "Đối với khu vực
  // hành chính, sự nghiệp …".
  sectors: [
    { sector: "enterprise", contents: 5, statedBy: "seed" },
    { sector: "administrative", contents: 4, statedBy: "seed" }
  ],
  awards: [
    {
      name: "Cờ thi đua xuất sắc của LĐLĐ Thành phố",
      kind: "co-thi-dua-ldld",
      year: 2024,
      recipient: { organizationId: hoanKiem, name: "Liên đoàn Lao động quận Hoàn Kiếm" },
      grantedBy: { organizationId: hanoi, name: "Liên đoàn Lao động thành phố Hà Nội" },
      presentedBy: undefined,
      quote: "Đặc biệt, năm 2024, LĐLĐ quận Hoàn Kiếm đã vinh dự nhận Cờ thi đua xuất sắc của LĐLĐ Thành phố."
    }
  ],
  figures: []
}

/** @internal */
export const seed: Seed = {
  name: "hoan-kiem-2025",
  source: "004_2c66f2228d63e6f0.txt",
  title: "Phong trào thi đua trong công nhân, viên chức, lao động và các cấp Công đoàn quận Hoàn Kiếm năm 2025",
  summary:
    "LĐLĐ quận Hoàn Kiếm (517 grassroots unions, 35,829 members, 38,025 workers) launches its 2025 campaign under the " +
    "theme “Quyết tâm đổi mới, tích cực sáng tạo, …”, with contents for the enterprise and administrative sectors, " +
    "Đợt 1 (01/01–30/06/2025), Đợt 2 (01/07–31/12/2025) and, inside Đợt 2, a peak phase for the 80th anniversary of the " +
    "August Revolution and National Day (dated 01/07–02/09/2025 here) in which a work is plaqued. The article has no " +
    "date (launch dated 10/01/2025) and names no unit: the units, registrations, initiatives, scores and the Đợt 1 " +
    "awards are illustrative. The district federation ended on 30/6/2025 (LĐLĐ Hà Nội's decision on 40 upper-level " +
    "unions): its enterprise unions move to the city federation, its People's Committee office union is dissolved, and " +
    "the city federation runs Đợt 2 and the final review; no year-end titles are granted in this campaign, since its " +
    "scope, the district's subtree, is empty after the reform. The city federation's rating of the district for 2024 " +
    "(“completed tasks excellently”, on which the article's Cờ thi đua of LĐLĐ Thành phố for 2024 rests) is in the " +
    "directory; its day is the seed's.",
  tenantId,
  directory: directory("hoan-kiem-2025", tenantId, [
    {
      _tag: "RegisterOrganization",
      actor: executive(hanoi),
      at: "2024-12-01",
      organizationId: hanoi,
      name: "Liên đoàn Lao động thành phố Hà Nội",
      level: "federation"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hanoi),
      at: "2024-12-01",
      organizationId: hoanKiem,
      name: "Liên đoàn Lao động quận Hoàn Kiếm",
      level: "upper",
      parentId: hanoi,
      members: 35_829,
      workers: 38_025
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hoanKiem),
      at: "2024-12-01",
      organizationId: ubndQuan,
      name: "Công đoàn cơ quan Ủy ban nhân dân quận Hoàn Kiếm",
      level: "grassroots",
      parentId: hoanKiem,
      sector: "administrative"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hoanKiem),
      at: "2024-12-01",
      organizationId: doanhNghiep1,
      name: "Công đoàn cơ sở doanh nghiệp thương mại – dịch vụ quận Hoàn Kiếm (minh họa)",
      level: "grassroots",
      parentId: hoanKiem,
      sector: "enterprise"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hoanKiem),
      at: "2024-12-01",
      organizationId: doanhNghiep2,
      name: "Công đoàn cơ sở doanh nghiệp du lịch – khách sạn quận Hoàn Kiếm (minh họa)",
      level: "grassroots",
      parentId: hoanKiem,
      sector: "enterprise"
    },
    // The district's own 2024, which the article names: "Đặc biệt, năm 2024, LĐLĐ quận Hoàn Kiếm đã
    // vinh dự nhận Cờ thi đua xuất sắc của LĐLĐ Thành phố." The city flag goes only to a union the
    // level above rated "hoàn thành xuất sắc nhiệm vụ" that year (rule K6, QĐ 1564/QĐ-TLĐ Art. 11),
    // so the city federation's rating of the district for 2024 is "excellent"; its day is the seed's.
    {
      _tag: "RateUnit",
      actor: executive(hanoi),
      at: "2024-12-26",
      organizationId: hoanKiem,
      year: 2024,
      rating: "excellent"
    },
    { _tag: "MoveOrganization", actor: executive(hanoi), at: reform, organizationId: doanhNghiep1, parentId: hanoi },
    { _tag: "MoveOrganization", actor: executive(hanoi), at: reform, organizationId: doanhNghiep2, parentId: hanoi },
    { _tag: "RestructureOrganization", actor: executive(hanoi), at: reform, organizationId: ubndQuan },
    {
      _tag: "RestructureOrganization",
      actor: executive(hanoi),
      at: reform,
      organizationId: hoanKiem,
      successorId: hanoi
    }
  ]),
  campaign: campaign("hoan-kiem-2025", tenantId, campaignId, [
    {
      _tag: "PlanCampaign",
      actor: executive(hoanKiem),
      at: "2025-01-06",
      issuerId: hoanKiem,
      title: "Phong trào thi đua trong công nhân, viên chức, lao động và các cấp Công đoàn quận Hoàn Kiếm năm 2025",
      theme:
        "Quyết tâm đổi mới, tích cực sáng tạo, nâng cao năng suất lao động, hiệu quả công tác, tiết kiệm, chống lãng phí, chào mừng Đại hội Đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng; Hội nghị Điển hình tiên tiến các cấp tiến tới Đại hội Thi đua yêu nước toàn quốc lần thứ 11",
      form: "regular",
      period: year,
      sectors: [
        {
          sector: "enterprise",
          contents: [
            {
              contentId: "hk2025-dn-1",
              title:
                "Nâng cao kỹ năng, trình độ tay nghề, phát huy sáng kiến, sáng tạo, cải tiến kỹ thuật, ứng dụng khoa học, công nghệ, nâng cao năng suất lao động, hiệu quả công việc"
            },
            {
              contentId: "hk2025-dn-2",
              title:
                "Các phong trào “Lao động giỏi, lao động sáng tạo”, “Công nhân giỏi Thủ đô”, “Sáng kiến, sáng tạo Thủ đô”, “Ôn lý thuyết, luyện tay nghề, thi thợ giỏi”"
            },
            {
              contentId: "hk2025-dn-3",
              title:
                "Các đợt thi đua cao điểm, gắn biển các công trình, phần việc, sản phẩm chào mừng các ngày lễ lớn, các sự kiện lịch sử, chính trị quan trọng"
            },
            {
              contentId: "hk2025-dn-4",
              title:
                "Ba khâu đột phá nhiệm kỳ 2023-2028: đối thoại, thương lượng tập thể; phát triển đoàn viên, thành lập Công đoàn cơ sở; xây dựng đội ngũ chủ tịch Công đoàn cơ sở"
            },
            {
              contentId: "hk2025-dn-5",
              title:
                "Chăm lo đời sống vật chất và tinh thần cho người lao động, xây dựng quan hệ lao động hài hòa, ổn định, tiến bộ; chăm lo Tết Nguyên đán Ất Tỵ 2025"
            }
          ]
        },
        {
          sector: "administrative",
          contents: [
            {
              contentId: "hk2025-hc-1",
              title:
                "Hoàn thành các nhiệm vụ chính trị, mục tiêu, chỉ tiêu phát triển kinh tế - xã hội, quốc phòng - an ninh và chủ đề công tác năm 2025"
            },
            {
              contentId: "hk2025-hc-2",
              title:
                "Xây dựng hệ thống chính trị, học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; xây dựng bộ máy tinh gọn, hiệu năng, hiệu lực, hiệu quả"
            },
            {
              contentId: "hk2025-hc-3",
              title:
                "Học tập nâng cao trình độ, chuyên môn, nghiệp vụ, đổi mới quy trình làm việc, cải cách hành chính, gắn với chương trình chuyển đổi số quốc gia"
            },
            {
              contentId: "hk2025-hc-4",
              title:
                "Chăm lo lợi ích và phúc lợi cho đoàn viên, người lao động; phát triển đoàn viên, nâng cao chất lượng đội ngũ cán bộ Công đoàn"
            }
          ]
        }
      ],
      titlesOffered: [
        "lao-dong-tien-tien",
        "chien-si-thi-dua-co-so",
        "cong-nhan-gioi-cap-tren",
        "cong-nhan-gioi-thu-do",
        "gioi-viec-nuoc-dam-viec-nha",
        "cong-doan-co-so-vung-manh",
        "giay-khen"
      ]
    },
    { _tag: "LaunchCampaign", actor: executive(hoanKiem), at: "2025-01-10" },
    {
      _tag: "SchedulePhase",
      actor: executive(hoanKiem),
      at: "2025-01-10",
      phaseId: "dot-1",
      name: "Đợt 1",
      kind: "regular",
      period: dot1,
      theme:
        "Lập thành tích chào mừng 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2025), 50 năm Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025); chào mừng Đại hội Đảng cấp cơ sở và Đại hội Đại biểu quận Hoàn Kiếm lần thứ XXVII"
    },
    {
      _tag: "SchedulePhase",
      actor: executive(hoanKiem),
      at: "2025-01-10",
      phaseId: "dot-2",
      name: "Đợt 2",
      kind: "regular",
      period: { start: "2025-07-01", end: "2025-12-31" },
      theme: "Thi đua lao động giỏi, lao động sáng tạo, hoàn thành thắng lợi nhiệm vụ năm 2025"
    },
    {
      _tag: "SchedulePhase",
      actor: executive(hoanKiem),
      at: "2025-01-10",
      phaseId: "cao-diem-80-nam",
      name: "Đợt thi đua cao điểm chào mừng 80 năm Cách mạng tháng Tám và Quốc khánh 2/9",
      kind: "peak",
      period: { start: "2025-07-01", end: "2025-09-02" },
      theme:
        "Chào mừng 80 năm Cách mạng tháng Tám và Quốc khánh (2/9); Đại hội Đại biểu lần thứ XVIII Đảng bộ thành phố Hà Nội, Đại hội đại biểu toàn quốc lần thứ 14 của Đảng"
    },
    { _tag: "OpenPhase", actor: executive(hoanKiem), at: "2025-01-10", phaseId: "dot-1" },
    {
      _tag: "EnrollParticipant",
      actor: officer(hoanKiem),
      at: "2025-01-14",
      unitId: ubndQuan,
      sector: "administrative"
    },
    {
      _tag: "EnrollParticipant",
      actor: officer(hoanKiem),
      at: "2025-01-14",
      unitId: doanhNghiep1,
      sector: "enterprise"
    },
    {
      _tag: "EnrollParticipant",
      actor: officer(hoanKiem),
      at: "2025-01-14",
      unitId: doanhNghiep2,
      sector: "enterprise"
    },
    {
      _tag: "SignPledge",
      actor: executive(doanhNghiep1),
      at: "2025-01-17",
      pledgeId: "hk2025-dk-dn1",
      kind: "registration",
      signerIds: [doanhNghiep1],
      targets: [
        { contentId: "hk2025-dn-1", description: "Mỗi bộ phận có ít nhất một sáng kiến, cải tiến được áp dụng" },
        { awardKind: "cong-nhan-gioi-cap-tren", description: "Có công nhân đạt Công nhân giỏi cấp trên cơ sở" },
        { awardKind: "gioi-viec-nuoc-dam-viec-nha", description: "Nữ công nhân đạt “Giỏi việc nước, đảm việc nhà”" }
      ]
    },
    {
      _tag: "SignPledge",
      actor: executive(ubndQuan),
      at: "2025-01-17",
      pledgeId: "hk2025-dk-ubnd-quan",
      kind: "registration",
      signerIds: [ubndQuan],
      targets: [
        { contentId: "hk2025-hc-3", description: "Đẩy mạnh cải cách hành chính gắn với chuyển đổi số" },
        { awardKind: "cong-doan-co-so-vung-manh", description: "Công đoàn cơ sở vững mạnh" }
      ]
    },
    { _tag: "ApproveRegistration", actor: executive(hoanKiem), at: "2025-01-22", pledgeId: "hk2025-dk-dn1" },
    { _tag: "ApproveRegistration", actor: executive(hoanKiem), at: "2025-01-22", pledgeId: "hk2025-dk-ubnd-quan" },
    {
      _tag: "RecordInitiative",
      actor: officer(doanhNghiep1),
      at: "2025-03-18",
      initiativeId: "hk2025-sk-1",
      phaseId: "dot-1",
      unitId: doanhNghiep1,
      memberId: "hoan-kiem-dn1-cnld-01",
      kind: "initiative",
      title: "Sáng kiến số hóa quy trình quản lý kho, tiết kiệm chi phí vận hành",
      benefitVnd: 95_000_000
    },
    { _tag: "ApplyInitiative", actor: officer(doanhNghiep1), at: "2025-04-21", initiativeId: "hk2025-sk-1" },
    {
      _tag: "RecognizeInitiative",
      actor: executive(doanhNghiep1),
      at: "2025-05-26",
      initiativeId: "hk2025-sk-1",
      level: "unit"
    },
    {
      _tag: "RecordInitiative",
      actor: officer(doanhNghiep2),
      at: "2025-06-16",
      initiativeId: "hk2025-ct-1",
      // Registered in June, while Đợt 1 runs: the peak phase opens on 1/7 and only then takes
      // what is filed under it.
      phaseId: "dot-1",
      unitId: doanhNghiep2,
      kind: "work",
      title: "Công trình chào mừng 80 năm Cách mạng tháng Tám và Quốc khánh 2/9 (minh họa)",
      benefitVnd: 0
    },
    {
      _tag: "AssessScore",
      actor: officer(ubndQuan),
      at: "2025-06-25",
      unitId: ubndQuan,
      phaseId: "dot-1",
      contentId: "hk2025-hc-3",
      points: 9,
      kind: "self"
    },
    {
      _tag: "AssessScore",
      actor: officer(doanhNghiep1),
      at: "2025-06-25",
      unitId: doanhNghiep1,
      phaseId: "dot-1",
      contentId: "hk2025-dn-1",
      points: 9.5,
      kind: "self"
    },
    {
      _tag: "AssessScore",
      actor: officer(hoanKiem),
      at: "2025-06-27",
      unitId: doanhNghiep1,
      phaseId: "dot-1",
      contentId: "hk2025-dn-1",
      points: 9,
      kind: "cross"
    },
    { _tag: "ClosePhase", actor: executive(hoanKiem), at: "2025-06-30", phaseId: "dot-1" },
    {
      _tag: "HoldInterimReview",
      actor: executive(hoanKiem),
      at: "2025-06-30",
      phaseId: "dot-1",
      notes:
        "Sơ kết Đợt 1; LĐLĐ quận Hoàn Kiếm kết thúc hoạt động từ 30/6/2025, LĐLĐ thành phố Hà Nội trực tiếp quản lý các Công đoàn cơ sở"
    },
    {
      _tag: "GrantAward",
      actor: executive(hoanKiem),
      at: "2025-06-30",
      awardId: "hk2025-gk-dot-1-dn1",
      recipient: { _tag: "Unit", organizationId: doanhNghiep1 },
      kind: "giay-khen",
      reason: "Có thành tích xuất sắc trong Đợt 1 năm 2025",
      basis: "phase",
      period: dot1,
      extraordinary: false
    },
    {
      _tag: "GrantAward",
      actor: executive(hoanKiem),
      at: "2025-06-30",
      awardId: "hk2025-gk-dot-1-ubnd-quan",
      recipient: { _tag: "Unit", organizationId: ubndQuan },
      kind: "giay-khen",
      reason: "Có thành tích xuất sắc trong Đợt 1 năm 2025, đẩy mạnh cải cách hành chính gắn với chuyển đổi số",
      basis: "phase",
      period: dot1,
      extraordinary: false
    },
    { _tag: "OpenPhase", actor: executive(hanoi), at: reform, phaseId: "dot-2" },
    { _tag: "OpenPhase", actor: executive(hanoi), at: reform, phaseId: "cao-diem-80-nam" },
    { _tag: "ApplyInitiative", actor: officer(doanhNghiep2), at: "2025-08-25", initiativeId: "hk2025-ct-1" },
    { _tag: "PlaqueWork", actor: executive(hanoi), at: "2025-08-28", initiativeId: "hk2025-ct-1" },
    {
      _tag: "AssessScore",
      actor: officer(hanoi),
      at: "2025-09-02",
      unitId: doanhNghiep2,
      phaseId: "cao-diem-80-nam",
      contentId: "hk2025-dn-3",
      points: 10,
      kind: "cross"
    },
    { _tag: "ClosePhase", actor: executive(hanoi), at: "2025-09-02", phaseId: "cao-diem-80-nam" },
    { _tag: "ClosePhase", actor: executive(hanoi), at: "2025-12-31", phaseId: "dot-2" },
    { _tag: "EndCampaign", actor: executive(hanoi), at: "2025-12-31" },
    {
      _tag: "HoldFinalReview",
      actor: executive(hanoi),
      at: "2026-01-15",
      notes:
        "LĐLĐ thành phố Hà Nội tổng kết phong trào do LĐLĐ quận Hoàn Kiếm phát động; khen thưởng cuối năm của các Công đoàn cơ sở xét trong phong trào thi đua của LĐLĐ Thành phố"
    },
    { _tag: "CloseCampaign", actor: executive(hanoi), at: "2026-01-20" }
  ]),
  facts
}

interface Registered {
  readonly _tag: string
  readonly at: string
  readonly organizationId?: string
  readonly level?: string
  readonly parentId?: string
  readonly members?: number
  readonly workers?: number
}

/**
 * The district at the article's scale: the grassroots unions the narrative does not register, up
 * to the article's count, carrying between them every member and worker the article counts (the
 * narrative's three units carry none, so the units' sum is the district's own figure); each is
 * enrolled on the narrative's day of enrolment and moved to the city federation on 1/7/2025, as
 * the narrative's enterprise unions are. Every third unit is an administrative one: the article
 * gives no split by sector.
 *
 * @internal
 */
export const scale = (s: Seed): Commands => {
  const { grassroots = 0, members = 0, workers = 0 } = s.facts.organizations
  const narrative = s.directory as ReadonlyArray<Registered>
  const own = narrative.filter(
    (c) => c._tag === "RegisterOrganization" && c.level === "grassroots" && c.parentId === hoanKiem
  )
  const held = own.reduce((n, c) => n + (c.members ?? 0), 0)
  const heldWorkers = own.reduce((n, c) => n + (c.workers ?? 0), 0)
  const count = grassroots - own.length
  const registeredOn = own[0]?.at ?? "2024-12-01"
  const enrolledOn =
    (s.campaign as ReadonlyArray<Registered>).find((c) => c._tag === "EnrollParticipant")?.at ?? "2025-01-14"
  const n = Array.from({ length: count }, (_, i) => i + 1)
  const memberCounts = apportion(members - held, n.map(weight))
  // Workers who are not union members, spread by other weights: every unit has at least its members.
  const others = apportion(
    workers - heldWorkers - (members - held),
    n.map((i) => weight(i + 5))
  )
  const units = n.map((i) => ({
    organizationId: `hk2025-cdcs-${padTo(i, count, 4)}`,
    number: padTo(i, count, 4),
    sector: i % 3 === 0 ? ("administrative" as const) : ("enterprise" as const),
    members: memberCounts[i - 1]!,
    workers: memberCounts[i - 1]! + others[i - 1]!
  }))
  const directorySteps: ReadonlyArray<DirectoryStep> = [
    ...units.map(
      (u): DirectoryStep => ({
        _tag: "RegisterOrganization",
        actor: executive(hoanKiem),
        at: registeredOn,
        organizationId: u.organizationId,
        name: `Công đoàn cơ sở ${u.sector === "enterprise" ? "doanh nghiệp" : "cơ quan, đơn vị"} số ${u.number} quận Hoàn Kiếm (minh họa)`,
        level: "grassroots",
        parentId: hoanKiem,
        sector: u.sector,
        members: u.members,
        workers: u.workers
      })
    ),
    ...units.map(
      (u): DirectoryStep => ({
        _tag: "MoveOrganization",
        actor: executive(hanoi),
        at: reform,
        organizationId: u.organizationId,
        parentId: hanoi
      })
    )
  ]
  const campaignSteps: ReadonlyArray<CampaignStep> = units.map((u) => ({
    _tag: "EnrollParticipant",
    actor: officer(hoanKiem),
    at: enrolledOn,
    unitId: u.organizationId,
    sector: u.sector
  }))
  return {
    directory: merge(s.directory, directory(`${s.name}-scale`, s.tenantId, directorySteps)),
    campaign: merge(s.campaign, campaign(`${s.name}-scale`, s.tenantId, campaignId, campaignSteps))
  }
}
