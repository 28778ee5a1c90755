/**
 * One example of each command, as a host sends it: JSON, from the Hoàng Mai 2020 campaign where
 * the story has one. The generator refuses to write the reference when one does not decode, and
 * docs/test/reference.test.ts checks each against its JSON Schema as well.
 */
import type { Command } from "../../src/index.js"

type Encoded<T extends Command.CommandType> = Extract<typeof Command.DomainCommand.Encoded, { readonly _tag: T }>

const tenantId = "hanoi"
const campaignId = "hoang-mai-2020"
const executive = { organizationId: "ldld-hoang-mai", role: "executive" } as const
const unit = { organizationId: "cdcs-trung-thanh", role: "executive" } as const
const onCampaign = (n: number, at: string, actor: { readonly organizationId: string; readonly role: string }) => ({
  commandId: `cmd-${n}`,
  tenantId,
  actor: actor as Encoded<"OpenPhase">["actor"],
  at,
  campaignId
})
const period = { start: "2020-01-01", end: "2020-12-31" }

/** An example of each command type. */
export const examples: { readonly [T in Command.CommandType]: Encoded<T> } = {
  RegisterOrganization: {
    _tag: "RegisterOrganization",
    commandId: "dir-3",
    tenantId,
    actor: executive,
    at: "2019-01-01",
    organizationId: "cdcs-trung-thanh",
    name: "Công đoàn cơ sở Công ty Trung Thành",
    level: "grassroots",
    parentId: "ldld-hoang-mai",
    sector: "enterprise",
    members: 120,
    workers: 150
  },
  MoveOrganization: {
    _tag: "MoveOrganization",
    commandId: "dir-4",
    tenantId,
    actor: { organizationId: "ldld-ha-noi", role: "executive" },
    at: "2025-07-01",
    organizationId: "cdcs-trung-thanh",
    parentId: "ldld-ha-noi"
  },
  RestructureOrganization: {
    _tag: "RestructureOrganization",
    commandId: "dir-5",
    tenantId,
    actor: { organizationId: "ldld-ha-noi", role: "executive" },
    at: "2025-07-01",
    organizationId: "ldld-hoang-mai",
    successorId: "ldld-ha-noi"
  },
  FormCluster: {
    _tag: "FormCluster",
    commandId: "dir-6",
    tenantId,
    actor: executive,
    at: "2020-01-02",
    clusterId: "cum-1-2020",
    name: "Cụm thi đua số 1",
    kind: "cluster",
    year: 2020,
    memberIds: ["cdcs-trung-thanh", "cdcs-phuong-mai"],
    headId: "cdcs-trung-thanh"
  },
  RegisterMember: {
    _tag: "RegisterMember",
    commandId: "dir-7",
    tenantId,
    actor: { organizationId: "cdcs-trung-thanh", role: "officer" },
    at: "2020-01-02",
    memberId: "m-nguyen-thi-lan",
    name: "Nguyễn Thị Lan",
    organizationId: "cdcs-trung-thanh",
    recruitedOn: "2015-03-01",
    gender: "female"
  },
  TransferMember: {
    _tag: "TransferMember",
    commandId: "dir-8",
    tenantId,
    actor: executive,
    at: "2021-01-01",
    memberId: "m-nguyen-thi-lan",
    organizationId: "cdcs-phuong-mai"
  },
  RecordLeave: {
    _tag: "RecordLeave",
    commandId: "dir-9",
    tenantId,
    actor: { organizationId: "cdcs-trung-thanh", role: "officer" },
    at: "2020-09-01",
    memberId: "m-nguyen-thi-lan",
    kind: "maternity",
    period: { start: "2020-03-01", end: "2020-08-31" },
    workingDays: 132
  },
  RecordDiscipline: {
    _tag: "RecordDiscipline",
    commandId: "dir-10",
    tenantId,
    actor: unit,
    at: "2020-10-15",
    memberId: "m-tran-van-binh",
    level: "reprimand",
    decisionNo: "15/QĐ-CĐCS"
  },
  RateMember: {
    _tag: "RateMember",
    commandId: "dir-11",
    tenantId,
    actor: unit,
    at: "2020-12-20",
    memberId: "m-nguyen-thi-lan",
    year: 2020,
    rating: "excellent"
  },
  RateUnit: {
    _tag: "RateUnit",
    commandId: "dir-12",
    tenantId,
    actor: executive,
    at: "2020-12-28",
    organizationId: "cdcs-trung-thanh",
    year: 2020,
    rating: "excellent",
    points: 96
  },
  AssignSeat: {
    _tag: "AssignSeat",
    commandId: "dir-13",
    tenantId,
    actor: executive,
    at: "2020-01-02",
    memberId: "m-nguyen-thi-lan",
    organizationId: "cdcs-trung-thanh",
    body: "executive",
    until: "2022-12-31"
  },
  EndSeat: {
    _tag: "EndSeat",
    commandId: "dir-14",
    tenantId,
    actor: executive,
    at: "2021-01-01",
    memberId: "m-nguyen-thi-lan",
    organizationId: "cdcs-trung-thanh",
    body: "executive"
  },
  RecordDeparture: {
    _tag: "RecordDeparture",
    commandId: "dir-15",
    tenantId,
    actor: executive,
    at: "2026-01-01",
    memberId: "m-nguyen-thi-lan",
    reason: "retired"
  },
  PlanCampaign: {
    _tag: "PlanCampaign",
    ...onCampaign(1, "2019-12-20", executive),
    issuerId: "ldld-hoang-mai",
    title: "Phong trào thi đua lao động giỏi năm 2020",
    form: "regular",
    period,
    sectors: [{ sector: "enterprise", contents: [{ contentId: "nang-suat", title: "Năng suất lao động" }] }],
    titlesOffered: ["lao-dong-tien-tien", "tap-the-lao-dong-tien-tien"]
  },
  LaunchCampaign: {
    _tag: "LaunchCampaign",
    ...onCampaign(2, "2020-01-02", executive),
    pilotUnitId: "cdcs-trung-thanh"
  },
  SchedulePhase: {
    _tag: "SchedulePhase",
    ...onCampaign(3, "2020-01-02", executive),
    phaseId: "dot-1",
    name: "Đợt 1: Mừng Đảng quang vinh – Mừng xuân Canh Tý",
    kind: "regular",
    period: { start: "2020-01-03", end: "2020-06-30" }
  },
  OpenPhase: { _tag: "OpenPhase", ...onCampaign(4, "2020-01-03", executive), phaseId: "dot-1" },
  ClosePhase: { _tag: "ClosePhase", ...onCampaign(5, "2020-06-30", executive), phaseId: "dot-1" },
  EnrollParticipant: {
    _tag: "EnrollParticipant",
    ...onCampaign(6, "2020-01-03", executive),
    unitId: "cdcs-trung-thanh",
    sector: "enterprise",
    clusterId: "cum-1-2020"
  },
  SignPledge: {
    _tag: "SignPledge",
    ...onCampaign(7, "2020-01-10", unit),
    pledgeId: "dk-trung-thanh",
    kind: "registration",
    signerIds: ["cdcs-trung-thanh"],
    subject: { _tag: "Unit", organizationId: "cdcs-trung-thanh" },
    targets: [{ awardKind: "tap-the-lao-dong-tien-tien", description: "Đạt danh hiệu Tập thể lao động tiên tiến" }]
  },
  ApproveRegistration: {
    _tag: "ApproveRegistration",
    ...onCampaign(8, "2020-01-15", executive),
    pledgeId: "dk-trung-thanh"
  },
  RejectRegistration: {
    _tag: "RejectRegistration",
    ...onCampaign(9, "2020-01-15", executive),
    pledgeId: "dk-phuong-mai",
    reason: "Chỉ tiêu đăng ký chưa cụ thể"
  },
  RecordInitiative: {
    _tag: "RecordInitiative",
    ...onCampaign(10, "2020-03-12", unit),
    initiativeId: "sk-1",
    phaseId: "dot-1",
    unitId: "cdcs-trung-thanh",
    memberId: "nguyen-van-an",
    kind: "initiative",
    title: "Cải tiến dây chuyền đóng gói",
    benefitVnd: 120_000_000
  },
  ApplyInitiative: { _tag: "ApplyInitiative", ...onCampaign(11, "2020-04-01", unit), initiativeId: "sk-1" },
  RecognizeInitiative: {
    _tag: "RecognizeInitiative",
    ...onCampaign(12, "2020-06-15", executive),
    initiativeId: "sk-1",
    level: "unit"
  },
  RejectInitiative: {
    _tag: "RejectInitiative",
    ...onCampaign(13, "2020-06-15", executive),
    initiativeId: "sk-2",
    reason: "Chưa chứng minh được hiệu quả áp dụng"
  },
  PlaqueWork: { _tag: "PlaqueWork", ...onCampaign(14, "2020-09-02", executive), initiativeId: "ct-nha-van-hoa" },
  AssessScore: {
    _tag: "AssessScore",
    ...onCampaign(15, "2020-06-30", unit),
    unitId: "cdcs-trung-thanh",
    phaseId: "dot-1",
    contentId: "nang-suat",
    points: 18.5,
    kind: "self"
  },
  HoldInterimReview: {
    _tag: "HoldInterimReview",
    ...onCampaign(16, "2020-07-10", executive),
    phaseId: "dot-1",
    notes: "Sơ kết đợt 1"
  },
  EndCampaign: { _tag: "EndCampaign", ...onCampaign(17, "2020-12-31", executive) },
  HoldFinalReview: {
    _tag: "HoldFinalReview",
    ...onCampaign(18, "2021-01-15", executive),
    notes: "Tổng kết phong trào năm 2020"
  },
  ProposeNomination: {
    _tag: "ProposeNomination",
    ...onCampaign(19, "2021-01-18", executive),
    nominationId: "de-nghi-1",
    subject: { _tag: "Unit", organizationId: "cdcs-trung-thanh" },
    awardKind: "giay-khen",
    basis: "campaign",
    period
  },
  HoldDeliberation: {
    _tag: "HoldDeliberation",
    ...onCampaign(20, "2021-01-20", { organizationId: "ldld-hoang-mai", role: "council" }),
    nominationId: "de-nghi-1",
    present: 9,
    votesFor: 8,
    councilSize: 11
  },
  PublishNominees: {
    _tag: "PublishNominees",
    ...onCampaign(21, "2021-01-21", executive),
    nominationIds: ["de-nghi-1"],
    period: { start: "2021-01-21", end: "2021-01-25" }
  },
  SubmitNomination: {
    _tag: "SubmitNomination",
    ...onCampaign(22, "2021-01-27", executive),
    nominationId: "de-nghi-2",
    toOrganizationId: "ldld-ha-noi"
  },
  DecideNomination: {
    _tag: "DecideNomination",
    ...onCampaign(23, "2021-01-26", executive),
    nominationId: "de-nghi-1",
    outcome: "achievedAtLevel"
  },
  GrantAward: {
    _tag: "GrantAward",
    ...onCampaign(24, "2021-01-28", executive),
    awardId: "kt-1",
    recipient: { _tag: "Unit", organizationId: "cdcs-trung-thanh" },
    kind: "giay-khen",
    nominationId: "de-nghi-1",
    decisionNo: "15/QĐ-LĐLĐ",
    reason: "Có thành tích xuất sắc trong phong trào thi đua năm 2020",
    basis: "campaign",
    period,
    extraordinary: false
  },
  PresentAward: {
    _tag: "PresentAward",
    ...onCampaign(25, "2021-02-05", executive),
    awardId: "kt-1",
    ceremony: "Hội nghị tổng kết LĐLĐ quận Hoàng Mai"
  },
  RevokeAward: {
    _tag: "RevokeAward",
    ...onCampaign(26, "2021-06-01", executive),
    awardId: "kt-9",
    reason: "false-dossier",
    notes: "Hồ sơ kê khai không đúng"
  },
  ReplicateExemplar: {
    _tag: "ReplicateExemplar",
    ...onCampaign(27, "2021-02-10", executive),
    subject: { _tag: "Member", memberId: "nguyen-van-an", organizationId: "cdcs-trung-thanh" }
  },
  CloseCampaign: { _tag: "CloseCampaign", ...onCampaign(28, "2021-03-01", executive) },
  CancelCampaign: {
    _tag: "CancelCampaign",
    ...onCampaign(29, "2020-05-01", executive),
    reason: "Thay bằng phong trào chung của thành phố"
  }
}
