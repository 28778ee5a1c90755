/**
 * Seed `001_ef2e1db0822d2fbd.txt`: "Phát động thi đua năm 2024 trong công nhân, viên chức, lao động
 * huyện Phúc Thọ" (Lao động Thủ đô; the text carries no date, Tết Giáp Thìn is still ahead).
 *
 * @since 0.1.0
 * @internal
 */
import type { Facts, Seed } from "../Seeds.js"
import { campaign, council, directory, executive, officer } from "./build.js"

const tenantId = "seed-phuc-tho-2024"
const campaignId = "phuc-tho-2024"

const hanoi = "ldld-ha-noi"
const phucTho = "ldld-phuc-tho"

// Cụm thi đua số 1 and số 2: the unions of commune and town officials; số 3: enterprises.
const thiTran = "cd-thi-tran-phuc-tho"
const vongXuyen = "cd-xa-vong-xuyen"
const longXuyen = "cd-xa-long-xuyen"
const senPhuong = "cd-xa-sen-phuong"
const vanPhuc = "cd-xa-van-phuc"
const hatMon = "cd-xa-hat-mon"
const doanhNghiep1 = "cdcs-doanh-nghiep-phuc-tho-1"
const doanhNghiep2 = "cdcs-doanh-nghiep-phuc-tho-2"

const cum1 = "phuc-tho-2024-cum-1"
const cum2 = "phuc-tho-2024-cum-2"
const cum3 = "phuc-tho-2024-cum-3"

const year = { start: "2024-01-01", end: "2024-12-31" }
const dot1 = { start: "2024-01-01", end: "2024-07-31" }

const commune = (organizationId: string, name: string) =>
  ({
    _tag: "RegisterOrganization",
    actor: executive(phucTho),
    at: "2023-12-01",
    organizationId,
    name,
    level: "grassroots",
    parentId: phucTho,
    sector: "administrative"
  }) as const

const enroll = (unitId: string, sector: "enterprise" | "administrative", clusterId: string) =>
  ({ _tag: "EnrollParticipant", actor: officer(phucTho), at: "2024-01-11", unitId, sector, clusterId }) as const

const worker = (n: number) => ({
  _tag: "Member" as const,
  memberId: `phuc-tho-dn1-cnld-${String(n).padStart(2, "0")}`,
  organizationId: doanhNghiep1
})

/**
 * The article, by hand. It has the clusters sign their covenants right after the launch but does
 * not say how many clusters there are or which units they hold: `clusters` leaves both out, and
 * the seed's three clusters are illustrative.
 *
 * @internal
 */
const facts: Facts = {
  issuer: { organizationId: phucTho, name: "Liên đoàn Lao động huyện Phúc Thọ" },
  pilotUnit: null,
  organizations: {},
  initiatives: {},
  phases: [
    {
      name: "Đợt 1",
      start: "2024-01-01",
      end: "2024-07-31",
      theme:
        "Đổi mới, sáng tạo, thi đua lập thành tích chào mừng các sự kiện trọng đại của Thủ đô và đất nước, chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam",
      statedBy: "article",
      quote:
        "Đợt 1: Từ tháng 1/1/2024 đến 31/7/2024 với chủ đề: “Đổi mới, sáng tạo, thi đua lập thành tích chào mừng các sự kiện trọng đại của Thủ đô và đất nước, chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam”."
    },
    {
      name: "Đợt 2",
      start: "2024-08-01",
      end: "2024-12-31",
      theme: "Thi đua lao động giỏi, lao động sáng tạo, quyết tâm hoàn thành thắng lợi chỉ tiêu, nhiệm vụ năm 2024",
      statedBy: "article",
      quote:
        "Đợt 2: Từ 1/8/2024 đến 31/12/2024 với chủ đề: “Thi đua lao động giỏi, lao động sáng tạo, quyết tâm hoàn thành thắng lợi chỉ tiêu, nhiệm vụ năm 2024”."
    }
  ],
  // The article's paragraphs for officials and for enterprises, counted by the seed.
  sectors: [
    { sector: "administrative", contents: 4, statedBy: "seed" },
    { sector: "enterprise", contents: 3, statedBy: "seed" }
  ],
  clusters: {
    covenantsAtLaunch: true,
    quote:
      "Ngay sau khi LĐLĐ huyện phát động thi đua năm 2024, các Cụm thi đua thuộc LĐLĐ huyện đã ký kết giao ước thi đua"
  },
  awards: [],
  figures: []
}

/** @internal */
export const seed: Seed = {
  name: "phuc-tho-2024",
  source: "001_ef2e1db0822d2fbd.txt",
  title: "Phong trào thi đua trong công nhân, viên chức, lao động huyện Phúc Thọ năm 2024",
  summary:
    "LĐLĐ huyện Phúc Thọ launches its 2024 campaign, with contents for the administrative and enterprise sectors and " +
    "two phases: Đợt 1 (01/01–31/07/2024, greeting the 95th anniversary of the Vietnam Trade Union) and Đợt 2 " +
    "(01/08–31/12/2024); right after the launch each emulation cluster (cụm thi đua) signs its 2024 covenant. The " +
    "article has no date (the launch is dated 11/01/2024, before Tết Giáp Thìn) and names no cluster or unit: the " +
    "three clusters and their members are illustrative, as are the initiative, the scores, the reviews and the " +
    "awards, among them a Cờ thi đua of LĐLĐ Hà Nội for a cluster leader proposed by the district and decided by the city.",
  tenantId,
  directory: directory("phuc-tho-2024", tenantId, [
    {
      _tag: "RegisterOrganization",
      actor: executive(hanoi),
      at: "2023-12-01",
      organizationId: hanoi,
      name: "Liên đoàn Lao động thành phố Hà Nội",
      level: "federation"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(hanoi),
      at: "2023-12-01",
      organizationId: phucTho,
      name: "Liên đoàn Lao động huyện Phúc Thọ",
      level: "upper",
      parentId: hanoi
    },
    commune(thiTran, "Công đoàn thị trấn Phúc Thọ"),
    commune(vongXuyen, "Công đoàn xã Võng Xuyên"),
    commune(longXuyen, "Công đoàn xã Long Xuyên"),
    commune(senPhuong, "Công đoàn xã Sen Phương"),
    commune(vanPhuc, "Công đoàn xã Vân Phúc"),
    commune(hatMon, "Công đoàn xã Hát Môn"),
    {
      _tag: "RegisterOrganization",
      actor: executive(phucTho),
      at: "2023-12-01",
      organizationId: doanhNghiep1,
      name: "Công đoàn cơ sở doanh nghiệp số 1 huyện Phúc Thọ (minh họa)",
      level: "grassroots",
      parentId: phucTho,
      sector: "enterprise"
    },
    {
      _tag: "RegisterOrganization",
      actor: executive(phucTho),
      at: "2023-12-01",
      organizationId: doanhNghiep2,
      name: "Công đoàn cơ sở doanh nghiệp số 2 huyện Phúc Thọ (minh họa)",
      level: "grassroots",
      parentId: phucTho,
      sector: "enterprise"
    },
    {
      _tag: "FormCluster",
      actor: executive(phucTho),
      at: "2024-01-05",
      clusterId: cum1,
      name: "Cụm thi đua số 1 – LĐLĐ huyện Phúc Thọ",
      kind: "cluster",
      year: 2024,
      memberIds: [thiTran, vongXuyen, longXuyen],
      headId: thiTran
    },
    {
      _tag: "FormCluster",
      actor: executive(phucTho),
      at: "2024-01-05",
      clusterId: cum2,
      name: "Cụm thi đua số 2 – LĐLĐ huyện Phúc Thọ",
      kind: "cluster",
      year: 2024,
      memberIds: [senPhuong, vanPhuc, hatMon],
      headId: senPhuong
    },
    {
      _tag: "FormCluster",
      actor: executive(phucTho),
      at: "2024-01-05",
      clusterId: cum3,
      name: "Cụm thi đua số 3 (khối doanh nghiệp) – LĐLĐ huyện Phúc Thọ",
      kind: "cluster",
      year: 2024,
      memberIds: [doanhNghiep1, doanhNghiep2],
      headId: doanhNghiep1
    }
  ]),
  campaign: campaign("phuc-tho-2024", tenantId, campaignId, [
    {
      _tag: "PlanCampaign",
      actor: executive(phucTho),
      at: "2024-01-08",
      issuerId: phucTho,
      title: "Phong trào thi đua trong công nhân, viên chức, lao động huyện Phúc Thọ năm 2024",
      theme: "Chung sức xây dựng huyện Phúc Thọ ngày càng giàu đẹp, văn minh, hiện đại, phát triển bền vững",
      form: "regular",
      period: year,
      sectors: [
        {
          sector: "administrative",
          contents: [
            {
              contentId: "pt2024-hc-1",
              title:
                "Thực hiện thắng lợi các nhiệm vụ chính trị, mục tiêu, chỉ tiêu phát triển kinh tế - xã hội, quốc phòng - an ninh và chủ đề công tác năm 2024"
            },
            {
              contentId: "pt2024-hc-2",
              title:
                "Xây dựng hệ thống chính trị; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; các phong trào “Người tốt, việc tốt”, “Tham mưu giỏi, phục vụ tốt”, “Đẩy mạnh cải cách hành chính”"
            },
            {
              contentId: "pt2024-hc-3",
              title:
                "Học tập nâng cao trình độ, chuyên môn, nghiệp vụ, đổi mới quy trình làm việc, cải cách hành chính gắn với chương trình chuyển đổi số quốc gia"
            },
            {
              contentId: "pt2024-hc-4",
              title:
                "Thực hiện Nghị quyết Đại hội Công đoàn các cấp nhiệm kỳ 2023 - 2028 và Nghị quyết số 02-NQ/TW; chăm lo lợi ích, phúc lợi cho đoàn viên, người lao động"
            }
          ]
        },
        {
          sector: "enterprise",
          contents: [
            {
              contentId: "pt2024-dn-1",
              title:
                "Nâng cao kỹ năng, trình độ tay nghề, phát huy sáng kiến, sáng tạo, cải tiến kỹ thuật, ứng dụng khoa học, công nghệ, nâng cao năng suất lao động"
            },
            {
              contentId: "pt2024-dn-2",
              title:
                "Đối thoại, thương lượng tập thể, chăm lo đời sống vật chất và tinh thần của đoàn viên, người lao động; không để ai không có Tết"
            },
            {
              contentId: "pt2024-dn-3",
              title:
                "Vượt khó, sáng tạo, phát triển đoàn viên, thành lập Công đoàn cơ sở; nâng cao chất lượng Chủ tịch Công đoàn cơ sở doanh nghiệp ngoài khu vực nhà nước"
            }
          ]
        }
      ],
      titlesOffered: [
        "lao-dong-tien-tien",
        "chien-si-thi-dua-co-so",
        "cong-doan-co-so-vung-manh",
        "co-thi-dua-ldld",
        "giay-khen"
      ]
    },
    { _tag: "LaunchCampaign", actor: executive(phucTho), at: "2024-01-11" },
    {
      _tag: "SchedulePhase",
      actor: executive(phucTho),
      at: "2024-01-11",
      phaseId: "dot-1",
      name: "Đợt 1",
      kind: "regular",
      period: dot1,
      theme:
        "Đổi mới, sáng tạo, thi đua lập thành tích chào mừng các sự kiện trọng đại của Thủ đô và đất nước, chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam"
    },
    {
      _tag: "SchedulePhase",
      actor: executive(phucTho),
      at: "2024-01-11",
      phaseId: "dot-2",
      name: "Đợt 2",
      kind: "regular",
      period: { start: "2024-08-01", end: "2024-12-31" },
      theme: "Thi đua lao động giỏi, lao động sáng tạo, quyết tâm hoàn thành thắng lợi chỉ tiêu, nhiệm vụ năm 2024"
    },
    { _tag: "OpenPhase", actor: executive(phucTho), at: "2024-01-11", phaseId: "dot-1" },
    enroll(thiTran, "administrative", cum1),
    enroll(vongXuyen, "administrative", cum1),
    enroll(longXuyen, "administrative", cum1),
    enroll(senPhuong, "administrative", cum2),
    enroll(vanPhuc, "administrative", cum2),
    enroll(hatMon, "administrative", cum2),
    enroll(doanhNghiep1, "enterprise", cum3),
    enroll(doanhNghiep2, "enterprise", cum3),
    {
      _tag: "SignPledge",
      actor: executive(thiTran),
      at: "2024-01-11",
      pledgeId: "pt2024-giao-uoc-cum-1",
      kind: "covenant",
      signerIds: [thiTran, vongXuyen, longXuyen],
      clusterId: cum1,
      targets: [
        { contentId: "pt2024-hc-1", description: "Hoàn thành và hoàn thành vượt mức các chỉ tiêu năm 2024" },
        { contentId: "pt2024-hc-3", description: "Đẩy mạnh cải cách hành chính gắn với chuyển đổi số" },
        {
          awardKind: "cong-doan-co-so-vung-manh",
          description: "100% Công đoàn trong cụm hoàn thành tốt nhiệm vụ trở lên"
        }
      ]
    },
    {
      _tag: "SignPledge",
      actor: executive(senPhuong),
      at: "2024-01-11",
      pledgeId: "pt2024-giao-uoc-cum-2",
      kind: "covenant",
      signerIds: [senPhuong, vanPhuc, hatMon],
      clusterId: cum2,
      targets: [
        { contentId: "pt2024-hc-1", description: "Hoàn thành các chỉ tiêu xây dựng nông thôn mới năm 2024" },
        { contentId: "pt2024-hc-2", description: "Hưởng ứng phong trào “Người tốt, việc tốt”" },
        {
          awardKind: "cong-doan-co-so-vung-manh",
          description: "100% Công đoàn trong cụm hoàn thành tốt nhiệm vụ trở lên"
        }
      ]
    },
    {
      _tag: "SignPledge",
      actor: executive(doanhNghiep1),
      at: "2024-01-11",
      pledgeId: "pt2024-giao-uoc-cum-3",
      kind: "covenant",
      signerIds: [doanhNghiep1, doanhNghiep2],
      clusterId: cum3,
      targets: [
        { contentId: "pt2024-dn-1", description: "Mỗi doanh nghiệp có sáng kiến, cải tiến kỹ thuật được áp dụng" },
        { contentId: "pt2024-dn-2", description: "Tổ chức đối thoại định kỳ, không để đoàn viên nào không có Tết" },
        { awardKind: "lao-dong-tien-tien", description: "Phấn đấu đa số người lao động đạt Lao động tiên tiến" }
      ]
    },
    {
      _tag: "RecordInitiative",
      actor: officer(doanhNghiep1),
      at: "2024-05-20",
      initiativeId: "pt2024-sk-1",
      phaseId: "dot-1",
      unitId: doanhNghiep1,
      memberId: "phuc-tho-dn1-cnld-01",
      kind: "initiative",
      title: "Cải tiến kỹ thuật trên dây chuyền sản xuất, giảm tỷ lệ sản phẩm lỗi",
      benefitVnd: 60_000_000
    },
    { _tag: "ApplyInitiative", actor: officer(doanhNghiep1), at: "2024-06-10", initiativeId: "pt2024-sk-1" },
    {
      _tag: "RecognizeInitiative",
      actor: executive(doanhNghiep1),
      at: "2024-07-15",
      initiativeId: "pt2024-sk-1",
      level: "unit"
    },
    {
      _tag: "AssessScore",
      actor: officer(thiTran),
      at: "2024-07-31",
      unitId: thiTran,
      phaseId: "dot-1",
      contentId: "pt2024-hc-1",
      points: 9.5,
      kind: "self"
    },
    { _tag: "ClosePhase", actor: executive(phucTho), at: "2024-07-31", phaseId: "dot-1" },
    { _tag: "OpenPhase", actor: executive(phucTho), at: "2024-08-01", phaseId: "dot-2" },
    {
      _tag: "AssessScore",
      actor: officer(vongXuyen),
      at: "2024-08-05",
      unitId: thiTran,
      phaseId: "dot-1",
      contentId: "pt2024-hc-1",
      points: 9,
      kind: "cross"
    },
    {
      _tag: "AssessScore",
      actor: officer(thiTran),
      at: "2024-08-05",
      unitId: vongXuyen,
      phaseId: "dot-1",
      contentId: "pt2024-hc-1",
      points: 8.5,
      kind: "cross"
    },
    {
      _tag: "AssessScore",
      actor: officer(doanhNghiep2),
      at: "2024-08-05",
      unitId: doanhNghiep1,
      phaseId: "dot-1",
      contentId: "pt2024-dn-1",
      points: 9,
      kind: "cross"
    },
    {
      _tag: "HoldInterimReview",
      actor: executive(phucTho),
      at: "2024-08-09",
      phaseId: "dot-1",
      notes:
        "Sơ kết Đợt 1, lập thành tích chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)"
    },
    {
      _tag: "GrantAward",
      actor: executive(phucTho),
      at: "2024-08-09",
      awardId: "pt2024-gk-dot-1-dn1",
      recipient: { _tag: "Unit", organizationId: doanhNghiep1 },
      kind: "giay-khen",
      reason: "Có thành tích xuất sắc trong Đợt 1, chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam",
      basis: "phase",
      period: dot1,
      extraordinary: false
    },
    {
      _tag: "AssessScore",
      actor: officer(senPhuong),
      at: "2024-12-20",
      unitId: senPhuong,
      phaseId: "dot-2",
      contentId: "pt2024-hc-2",
      points: 9,
      kind: "self"
    },
    {
      _tag: "AssessScore",
      actor: officer(hatMon),
      at: "2024-12-23",
      unitId: senPhuong,
      phaseId: "dot-2",
      contentId: "pt2024-hc-2",
      points: 9.5,
      kind: "cross"
    },
    { _tag: "ClosePhase", actor: executive(phucTho), at: "2024-12-31", phaseId: "dot-2" },
    { _tag: "EndCampaign", actor: executive(phucTho), at: "2024-12-31" },
    {
      _tag: "HoldFinalReview",
      actor: executive(phucTho),
      at: "2025-01-10",
      notes: "Tổng kết phong trào thi đua năm 2024; các cụm thi đua bình xét, suy tôn đơn vị dẫn đầu"
    },
    {
      _tag: "ProposeNomination",
      actor: executive(phucTho),
      at: "2025-01-10",
      nominationId: "pt2024-de-nghi-co-cum-1",
      subject: { _tag: "Unit", organizationId: thiTran },
      awardKind: "co-thi-dua-ldld",
      basis: "campaign",
      period: year
    },
    {
      _tag: "HoldDeliberation",
      actor: council(phucTho),
      at: "2025-01-13",
      nominationId: "pt2024-de-nghi-co-cum-1",
      present: 9,
      votesFor: 9,
      councilSize: 11
    },
    {
      _tag: "DecideNomination",
      actor: executive(phucTho),
      at: "2025-01-14",
      nominationId: "pt2024-de-nghi-co-cum-1",
      outcome: "escalated"
    },
    {
      _tag: "SubmitNomination",
      actor: officer(phucTho),
      at: "2025-01-15",
      nominationId: "pt2024-de-nghi-co-cum-1",
      toOrganizationId: hanoi
    },
    {
      _tag: "GrantAward",
      actor: executive(phucTho),
      at: "2025-01-16",
      awardId: "pt2024-cdcs-vung-manh-sen-phuong",
      recipient: { _tag: "Unit", organizationId: senPhuong },
      kind: "cong-doan-co-so-vung-manh",
      reason: "Đơn vị dẫn đầu Cụm thi đua số 2, hoàn thành xuất sắc nhiệm vụ năm 2024",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    {
      _tag: "GrantAward",
      actor: executive(phucTho),
      at: "2025-01-16",
      awardId: "pt2024-cdcs-vung-manh-dn1",
      recipient: { _tag: "Unit", organizationId: doanhNghiep1 },
      kind: "cong-doan-co-so-vung-manh",
      reason: "Đơn vị dẫn đầu Cụm thi đua số 3 (khối doanh nghiệp), hoàn thành xuất sắc nhiệm vụ năm 2024",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    // The author of the initiative is an Advanced Worker of 2024 first: a Grassroots Emulation
    // Fighter is chosen among them (T3).
    {
      _tag: "GrantAward",
      actor: executive(doanhNghiep1),
      at: "2025-01-16",
      awardId: "pt2024-ldtt-dn1-01",
      recipient: worker(1),
      kind: "lao-dong-tien-tien",
      reason: "Hoàn thành tốt nhiệm vụ năm 2024",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    {
      _tag: "GrantAward",
      actor: executive(doanhNghiep1),
      at: "2025-01-16",
      awardId: "pt2024-ldtt-dn1-02",
      recipient: worker(2),
      kind: "lao-dong-tien-tien",
      reason: "Hoàn thành tốt nhiệm vụ năm 2024",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    {
      _tag: "GrantAward",
      actor: executive(doanhNghiep1),
      at: "2025-01-16",
      awardId: "pt2024-ldtt-dn1-03",
      recipient: worker(3),
      kind: "lao-dong-tien-tien",
      reason: "Hoàn thành tốt nhiệm vụ năm 2024",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    {
      _tag: "ProposeNomination",
      actor: officer(doanhNghiep1),
      at: "2025-01-16",
      nominationId: "pt2024-de-nghi-cstd-dn1-01",
      subject: worker(1),
      awardKind: "chien-si-thi-dua-co-so",
      basis: "campaign",
      period: year,
      initiativeIds: ["pt2024-sk-1"]
    },
    {
      _tag: "HoldDeliberation",
      actor: council(doanhNghiep1),
      at: "2025-01-17",
      nominationId: "pt2024-de-nghi-cstd-dn1-01",
      present: 5,
      votesFor: 4,
      councilSize: 5
    },
    {
      _tag: "DecideNomination",
      actor: executive(doanhNghiep1),
      at: "2025-01-17",
      nominationId: "pt2024-de-nghi-cstd-dn1-01",
      outcome: "achievedAtLevel"
    },
    {
      _tag: "GrantAward",
      actor: executive(doanhNghiep1),
      at: "2025-01-17",
      awardId: "pt2024-cstdcs-dn1-01",
      recipient: worker(1),
      kind: "chien-si-thi-dua-co-so",
      nominationId: "pt2024-de-nghi-cstd-dn1-01",
      reason: "Tác giả sáng kiến cải tiến kỹ thuật được công nhận và áp dụng tại doanh nghiệp",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    {
      _tag: "HoldDeliberation",
      actor: council(hanoi),
      at: "2025-01-22",
      nominationId: "pt2024-de-nghi-co-cum-1",
      present: 15,
      votesFor: 14,
      councilSize: 17
    },
    {
      _tag: "PublishNominees",
      actor: officer(hanoi),
      at: "2025-01-22",
      nominationIds: ["pt2024-de-nghi-co-cum-1"],
      period: { start: "2025-01-22", end: "2025-01-27" }
    },
    {
      _tag: "DecideNomination",
      actor: executive(hanoi),
      at: "2025-02-05",
      nominationId: "pt2024-de-nghi-co-cum-1",
      outcome: "achievedAtLevel"
    },
    {
      _tag: "GrantAward",
      actor: executive(hanoi),
      at: "2025-02-05",
      awardId: "pt2024-co-thi-dua-cum-1",
      recipient: { _tag: "Unit", organizationId: thiTran },
      kind: "co-thi-dua-ldld",
      nominationId: "pt2024-de-nghi-co-cum-1",
      reason: "Đơn vị dẫn đầu Cụm thi đua số 1 – LĐLĐ huyện Phúc Thọ năm 2024",
      basis: "campaign",
      period: year,
      extraordinary: false
    },
    { _tag: "CloseCampaign", actor: executive(phucTho), at: "2025-02-10" }
  ]),
  facts
}
