import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import { Campaign, Command, type Decider, Directory, Rulebook } from "../src/index.js"

const run = <S, C, E>(
  d: Decider.Decider<S, C, E, unknown>,
  cmds: ReadonlyArray<unknown>,
  decode: (u: unknown) => Result.Result<C, unknown>,
  from: S
) => {
  let s = from
  for (const raw of cmds) {
    const c = Result.getOrThrow(decode(raw))
    const r = d.decide(s, c)
    if (Result.isFailure(r)) throw new Error(`${(raw as { _tag: string })._tag}: ${String(r.failure)}`)
    for (const e of r.success) s = d.evolve(s, e)
  }
  return s
}

describe("smoke", () => {
  it("runs a small campaign", () => {
    const base = { tenantId: "hanoi", at: "2020-01-01" }
    const exec = (org: string) => ({ organizationId: org, role: "executive" })
    let n = 0
    const cmd = (x: Record<string, unknown>) => ({ commandId: `c${++n}`, ...base, ...x })
    const dir = run(
      Directory.decider,
      [
        cmd({
          _tag: "RegisterOrganization",
          actor: exec("ldld-hn"),
          organizationId: "ldld-hn",
          name: "LĐLĐ Hà Nội",
          level: "federation"
        }),
        cmd({
          _tag: "RegisterOrganization",
          actor: exec("ldld-hn"),
          organizationId: "ldld-hm",
          name: "LĐLĐ Hoàng Mai",
          level: "upper",
          parentId: "ldld-hn"
        }),
        cmd({
          _tag: "RegisterOrganization",
          actor: exec("ldld-hm"),
          organizationId: "cdcs-tt",
          name: "CĐCS Trung Thành",
          level: "grassroots",
          parentId: "ldld-hm",
          sector: "enterprise"
        })
      ],
      Command.decodeDirectory,
      Directory.initialFor("hanoi" as never)
    )
    const ctx = { directory: dir, rulebook: Rulebook.standard }
    const c = { campaignId: "hm-2020" }
    const s = run(
      Campaign.decider(ctx),
      [
        cmd({
          _tag: "PlanCampaign",
          ...c,
          actor: exec("ldld-hm"),
          issuerId: "ldld-hm",
          title: "Thi đua 2020",
          form: "regular",
          period: { start: "2020-01-01", end: "2020-12-31" },
          sectors: [{ sector: "enterprise", contents: [{ contentId: "nd-1", title: "Sáng kiến" }] }],
          titlesOffered: ["lao-dong-tien-tien"]
        }),
        cmd({ _tag: "LaunchCampaign", ...c, actor: exec("ldld-hm"), at: "2020-01-02", pilotUnitId: "cdcs-tt" }),
        cmd({
          _tag: "SchedulePhase",
          ...c,
          actor: exec("ldld-hm"),
          at: "2020-01-02",
          phaseId: "dot-1",
          name: "Đợt 1",
          kind: "regular",
          period: { start: "2020-01-01", end: "2020-06-30" }
        }),
        cmd({
          _tag: "SchedulePhase",
          ...c,
          actor: exec("ldld-hm"),
          at: "2020-01-02",
          phaseId: "dot-2",
          name: "Đợt 2",
          kind: "regular",
          period: { start: "2020-07-01", end: "2020-12-31" }
        }),
        cmd({ _tag: "OpenPhase", ...c, actor: exec("ldld-hm"), at: "2020-01-02", phaseId: "dot-1" }),
        cmd({
          _tag: "EnrollParticipant",
          ...c,
          actor: exec("cdcs-tt"),
          at: "2020-01-03",
          unitId: "cdcs-tt",
          sector: "enterprise"
        }),
        cmd({
          _tag: "SignPledge",
          ...c,
          actor: exec("cdcs-tt"),
          at: "2020-01-05",
          pledgeId: "dk-1",
          kind: "registration",
          signerIds: ["cdcs-tt"],
          targets: [{ awardKind: "lao-dong-tien-tien", description: "50 LĐTT" }]
        }),
        cmd({ _tag: "ApproveRegistration", ...c, actor: exec("ldld-hm"), at: "2020-01-10", pledgeId: "dk-1" }),
        cmd({
          _tag: "RecordInitiative",
          ...c,
          actor: exec("cdcs-tt"),
          at: "2020-03-01",
          initiativeId: "sk-1",
          phaseId: "dot-1",
          unitId: "cdcs-tt",
          memberId: "m-1",
          kind: "initiative",
          title: "Cải tiến",
          benefitVnd: 90000000
        }),
        cmd({ _tag: "ClosePhase", ...c, actor: exec("ldld-hm"), at: "2020-06-30", phaseId: "dot-1" }),
        cmd({ _tag: "HoldInterimReview", ...c, actor: exec("ldld-hm"), at: "2020-07-10", phaseId: "dot-1" }),
        cmd({ _tag: "OpenPhase", ...c, actor: exec("ldld-hm"), at: "2020-07-01", phaseId: "dot-2" }),
        cmd({ _tag: "ClosePhase", ...c, actor: exec("ldld-hm"), at: "2020-12-31", phaseId: "dot-2" }),
        cmd({ _tag: "EndCampaign", ...c, actor: exec("ldld-hm"), at: "2020-12-31" }),
        cmd({ _tag: "HoldFinalReview", ...c, actor: exec("ldld-hm"), at: "2021-01-10" }),
        cmd({
          _tag: "GrantAward",
          ...c,
          actor: exec("cdcs-tt"),
          at: "2021-01-15",
          awardId: "kt-1",
          recipient: { _tag: "Member", memberId: "m-1", organizationId: "cdcs-tt" },
          kind: "lao-dong-tien-tien",
          reason: "Hoàn thành tốt",
          basis: "campaign",
          period: { start: "2020-01-01", end: "2020-12-31" },
          extraordinary: false
        }),
        cmd({ _tag: "CloseCampaign", ...c, actor: exec("ldld-hm"), at: "2021-01-20" })
      ],
      Command.decodeCampaign,
      Campaign.initialState
    )
    expect(s.status).toBe("Closed")
  })
})
