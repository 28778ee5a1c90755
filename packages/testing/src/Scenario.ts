/**
 * Example-based tests that read as the rule: given some commands, when one more is sent, then it
 * fails with a rule id, or it emits events.
 *
 * ```ts no-run
 * const s = Scenario.make(2020)
 * s.given(s.plan(), s.launch(), s.phase("dot-1", "2020-01-01", "2020-06-30"))
 *   .when(s.phase("dot-2", "2020-06-15", "2020-12-31"))
 *   .thenFails("C5")
 * ```
 *
 * The world is fixed and small: the confederation (`tld`), the Hanoi federation (`ldld-hn`), two
 * district federations (`ldld-hoang-mai`, `ldld-ba-dinh`) with grassroots unions under them, and a
 * cluster of two of the Hoàng Mai unions (`cdcs-trung-thanh`, `cdcs-phuong-mai`; not
 * `cdcs-hoang-liet`) for the year.
 *
 * @since 0.1.0
 */
import {
  Campaign,
  type Command,
  Directory,
  DomainError,
  type Event,
  type Ids,
  type LocalDate,
  type Organization,
  Rulebook
} from "@thidua/core"
import { Result } from "effect"

type CampaignCommand = Command.CampaignCommand
type Tag = CampaignCommand["_tag"]
type Fields<T extends Tag> = Omit<
  Extract<CampaignCommand, { _tag: T }>,
  "_tag" | "commandId" | "tenantId" | "campaignId" | "actor" | "at"
>

/** Who acts and when, for one command. @since 0.1.0 */
export interface As {
  readonly actor?: string
  readonly role?: Organization.Role
  readonly at?: string
}

/** The outcome of `when`. @since 0.1.0 */
export interface Then {
  readonly result: Result.Result<ReadonlyArray<Event.CampaignEvent>, DomainError.DomainError>
  /** Asserts the command was refused by `code`, and returns the error. */
  readonly thenFails: <C extends DomainError.Code>(code: C) => DomainError.DomainError<C>
  /** Asserts the command was accepted with events of these types, and returns them. */
  readonly thenEmits: (...tags: ReadonlyArray<Event.CampaignEvent["_tag"]>) => ReadonlyArray<Event.CampaignEvent>
}

/** A campaign after some commands. @since 0.1.0 */
export interface Given {
  readonly state: Campaign.State
  readonly events: ReadonlyArray<Event.CampaignEvent>
  readonly when: (command: CampaignCommand) => Then
}

const TENANT = "hanoi" as Ids.TenantId
const d = (s: string) => s as LocalDate.LocalDate

const directoryFor = (year: number, extra: ReadonlyArray<Command.DirectoryCommand>): Directory.State => {
  let n = 0
  const at = d(`${year - 1}-01-01`)
  const reg = (
    actor: string,
    organizationId: string,
    name: string,
    level: Organization.Level,
    parentId?: string,
    sector?: Organization.Sector
  ): Command.DirectoryCommand => ({
    _tag: "RegisterOrganization",
    commandId: `dir-${++n}` as Ids.CommandId,
    tenantId: TENANT,
    actor: { organizationId: actor as Ids.OrganizationId, role: "executive" },
    at,
    organizationId: organizationId as Ids.OrganizationId,
    name,
    level,
    ...(parentId !== undefined ? { parentId: parentId as Ids.OrganizationId } : {}),
    ...(sector !== undefined ? { sector } : {})
  })
  const commands: Array<Command.DirectoryCommand> = [
    reg("tld", "tld", "Tổng LĐLĐ Việt Nam", "confederation"),
    reg("tld", "ldld-hn", "LĐLĐ thành phố Hà Nội", "federation", "tld"),
    reg("ldld-hn", "ldld-hoang-mai", "LĐLĐ quận Hoàng Mai", "upper", "ldld-hn"),
    reg("ldld-hn", "ldld-ba-dinh", "LĐLĐ quận Ba Đình", "upper", "ldld-hn"),
    reg(
      "ldld-hoang-mai",
      "cdcs-trung-thanh",
      "CĐCS Công ty TNHH Trung Thành",
      "grassroots",
      "ldld-hoang-mai",
      "enterprise"
    ),
    reg(
      "ldld-hoang-mai",
      "cdcs-phuong-mai",
      "CĐCS phường Hoàng Văn Thụ",
      "grassroots",
      "ldld-hoang-mai",
      "administrative"
    ),
    reg("ldld-hoang-mai", "cdcs-hoang-liet", "CĐCS Công ty Hoàng Liệt", "grassroots", "ldld-hoang-mai", "enterprise"),
    reg("ldld-ba-dinh", "cdcs-ba-dinh", "CĐCS Công ty Ba Đình", "grassroots", "ldld-ba-dinh", "enterprise"),
    {
      _tag: "FormCluster",
      commandId: `dir-${++n}` as Ids.CommandId,
      tenantId: TENANT,
      actor: { organizationId: "ldld-hoang-mai" as Ids.OrganizationId, role: "executive" },
      at: d(`${year}-01-01`),
      clusterId: `cum-hoang-mai-${year}` as Ids.ClusterId,
      name: "Cụm thi đua Hoàng Mai",
      kind: "cluster",
      year,
      memberIds: ["cdcs-trung-thanh", "cdcs-phuong-mai"] as [Ids.OrganizationId, Ids.OrganizationId]
    }
  ]
  let state = Directory.initialFor(TENANT)
  for (const c of [...commands, ...extra]) {
    const r = Directory.decide(state, c)
    if (Result.isFailure(r)) throw new Error(`scenario directory: ${String(r.failure)}`)
    for (const e of r.success) state = Directory.evolve(state, e)
  }
  return state
}

/**
 * A scenario for a campaign of `ldld-hoang-mai` over one calendar year, with command builders whose
 * defaults fill the routine fields (ids, tenant, actor, date).
 *
 * @since 0.1.0
 */
export const make = (
  year: number,
  options: {
    readonly rulebook?: Rulebook.Rulebook
    /** Directory commands applied after the standard world, e.g. a restructuring. Tenant `hanoi`. */
    readonly directory?: ReadonlyArray<Command.DirectoryCommand>
  } = {}
) => {
  const directory = directoryFor(year, options.directory ?? [])
  const context: Campaign.Context = { directory, rulebook: options.rulebook ?? Rulebook.standard }
  let n = 0
  const campaignId = `hoang-mai-${year}` as Ids.CampaignId
  const period = { start: d(`${year}-01-01`), end: d(`${year}-12-31`) }

  /** Any campaign command; by default the executive of ldld-hoang-mai acts on 2 January. */
  const command = <T extends Tag>(tag: T, fields: Fields<T>, as: As = {}): Extract<CampaignCommand, { _tag: T }> =>
    ({
      _tag: tag,
      commandId: `cmd-${++n}`,
      tenantId: TENANT,
      campaignId,
      actor: { organizationId: as.actor ?? "ldld-hoang-mai", role: as.role ?? "executive" },
      at: as.at ?? `${year}-01-02`,
      ...fields
    }) as unknown as Extract<CampaignCommand, { _tag: T }>

  const run = (commands: ReadonlyArray<CampaignCommand>): Given => {
    let state = Campaign.initialState
    const events: Array<Event.CampaignEvent> = []
    commands.forEach((c, i) => {
      const r = Campaign.decide(state, c, context)
      if (Result.isFailure(r)) throw new Error(`given: command ${i} (${c._tag}) was refused: ${String(r.failure)}`)
      for (const e of r.success) {
        state = Campaign.evolve(state, e)
        events.push(e)
      }
    })
    return {
      state,
      events,
      when: (c) => {
        const result = Campaign.decide(state, c, context)
        return {
          result,
          thenFails: (code) => {
            if (Result.isSuccess(result))
              throw new Error(
                `expected ${code}, but ${c._tag} was accepted: ${result.success.map((e) => e._tag).join(", ")}`
              )
            if (result.failure.code !== code) throw new Error(`expected ${code}, got ${String(result.failure)}`)
            if (!DomainError.isDomainError(result.failure)) throw new Error("not a DomainError")
            return result.failure as never
          },
          thenEmits: (...tags) => {
            if (Result.isFailure(result)) throw new Error(`expected ${tags.join(", ")}, got ${String(result.failure)}`)
            const got = result.success.map((e) => e._tag)
            if (got.join() !== tags.join()) throw new Error(`expected ${tags.join(", ")}, got ${got.join(", ")}`)
            return result.success
          }
        }
      }
    }
  }

  const member = (memberId: string, organizationId = "cdcs-trung-thanh"): Organization.Subject => ({
    _tag: "Member",
    memberId: memberId as Ids.MemberId,
    organizationId: organizationId as Ids.OrganizationId
  })
  const unit = (organizationId: string): Organization.Subject => ({
    _tag: "Unit",
    organizationId: organizationId as Ids.OrganizationId
  })

  return {
    year,
    directory,
    context,
    campaignId,
    period,
    command,
    given: (...commands: ReadonlyArray<CampaignCommand>) => run(commands),
    member,
    unit,
    /** The plan of a regular campaign over the year, with one content per sector. */
    plan: (fields: Partial<Fields<"PlanCampaign">> = {}, as: As = {}) =>
      command(
        "PlanCampaign",
        {
          issuerId: "ldld-hoang-mai" as Ids.OrganizationId,
          title: `Phong trào thi đua CNVCLĐ quận Hoàng Mai năm ${year}`,
          form: "regular",
          period,
          sectors: [
            {
              sector: "enterprise",
              contents: [{ contentId: "nd-dn-1" as Ids.ContentId, title: "Phát huy sáng kiến" }]
            },
            {
              sector: "administrative",
              contents: [{ contentId: "nd-hc-1" as Ids.ContentId, title: "Cải cách hành chính" }]
            }
          ],
          titlesOffered: ["lao-dong-tien-tien", "chien-si-thi-dua-co-so"],
          ...fields
        },
        { at: `${year - 1}-12-20`, ...as }
      ),
    launch: (as: As = {}) => command("LaunchCampaign", {}, as),
    phase: (phaseId: string, start: string, end: string, kind: "regular" | "peak" = "regular", as: As = {}) =>
      command(
        "SchedulePhase",
        { phaseId: phaseId as Ids.PhaseId, name: phaseId, kind, period: { start: d(start), end: d(end) } },
        as
      ),
    open: (phaseId: string, at: string) => command("OpenPhase", { phaseId: phaseId as Ids.PhaseId }, { at }),
    close: (phaseId: string, at: string) => command("ClosePhase", { phaseId: phaseId as Ids.PhaseId }, { at }),
    enroll: (unitId: string, sector: Organization.Sector = "enterprise", as: As = {}) =>
      command(
        "EnrollParticipant",
        { unitId: unitId as Ids.OrganizationId, sector },
        { actor: unitId, role: "officer", ...as }
      ),
    register: (pledgeId: string, subject: Organization.Subject, as: As = {}) =>
      command(
        "SignPledge",
        {
          pledgeId: pledgeId as Ids.PledgeId,
          kind: "registration",
          signerIds: [subject.organizationId],
          subject,
          targets: [{ awardKind: "lao-dong-tien-tien", description: "Đăng ký thi đua" }]
        },
        { actor: subject.organizationId, role: "officer", ...as }
      ),
    approve: (pledgeId: string, as: As = {}) =>
      command("ApproveRegistration", { pledgeId: pledgeId as Ids.PledgeId }, as),
    reject: (pledgeId: string, as: As = {}) =>
      command("RejectRegistration", { pledgeId: pledgeId as Ids.PledgeId, reason: "Chưa đủ chỉ tiêu" }, as),
    record: (
      initiativeId: string,
      unitId: string,
      benefitVnd: number,
      fields: Partial<Fields<"RecordInitiative">> = {},
      as: As = {}
    ) =>
      command(
        "RecordInitiative",
        {
          initiativeId: initiativeId as Ids.InitiativeId,
          unitId: unitId as Ids.OrganizationId,
          kind: "initiative",
          title: "Sáng kiến",
          benefitVnd: benefitVnd as never,
          ...fields
        },
        { actor: unitId, role: "officer", at: `${year}-03-01`, ...as }
      ),
    apply: (initiativeId: string, unitId: string, as: As = {}) =>
      command(
        "ApplyInitiative",
        { initiativeId: initiativeId as Ids.InitiativeId },
        { actor: unitId, role: "officer", at: `${year}-04-01`, ...as }
      ),
    recognize: (initiativeId: string, level: "unit" | "province" | "national", as: As = {}) =>
      command(
        "RecognizeInitiative",
        { initiativeId: initiativeId as Ids.InitiativeId, level },
        { at: `${year}-05-01`, ...as }
      ),
    interim: (phaseId: string | undefined, at: string) =>
      command("HoldInterimReview", phaseId === undefined ? {} : { phaseId: phaseId as Ids.PhaseId }, { at }),
    end: (at = `${year}-12-31`) => command("EndCampaign", {}, { at }),
    finalReview: (at = `${year + 1}-01-10`) => command("HoldFinalReview", {}, { at }),
    grant: (
      awardId: string,
      recipient: Organization.Subject,
      kind: Fields<"GrantAward">["kind"],
      fields: Partial<Fields<"GrantAward">> = {},
      as: As = {}
    ) =>
      command(
        "GrantAward",
        {
          awardId: awardId as Ids.AwardId,
          recipient,
          kind,
          reason: "Thành tích xuất sắc",
          basis: "campaign",
          period,
          extraordinary: false,
          ...fields
        },
        { at: `${year + 1}-01-15`, ...as }
      ),
    revoke: (awardId: string, reason: Fields<"RevokeAward">["reason"], as: As = {}) =>
      command("RevokeAward", { awardId: awardId as Ids.AwardId, reason }, { at: `${year + 1}-03-01`, ...as }),
    propose: (
      nominationId: string,
      subject: Organization.Subject,
      awardKind: Fields<"ProposeNomination">["awardKind"],
      fields: Partial<Fields<"ProposeNomination">> = {},
      as: As = {}
    ) =>
      command(
        "ProposeNomination",
        { nominationId: nominationId as Ids.NominationId, subject, awardKind, basis: "campaign", period, ...fields },
        { at: `${year + 1}-01-12`, ...as }
      ),
    deliberate: (nominationId: string, votesFor: number, councilSize: number, as: As = {}) =>
      command(
        "HoldDeliberation",
        { nominationId: nominationId as Ids.NominationId, present: councilSize, votesFor, councilSize },
        { role: "council", at: `${year + 1}-01-13`, ...as }
      ),
    decide: (nominationId: string, outcome: Fields<"DecideNomination">["outcome"], as: As = {}) =>
      command(
        "DecideNomination",
        { nominationId: nominationId as Ids.NominationId, outcome },
        { at: `${year + 1}-01-14`, ...as }
      ),
    submit: (nominationId: string, to: string, as: As = {}) =>
      command(
        "SubmitNomination",
        { nominationId: nominationId as Ids.NominationId, toOrganizationId: to as Ids.OrganizationId },
        { at: `${year + 1}-01-14`, ...as }
      ),
    publish: (nominationIds: ReadonlyArray<string>, start: string, end: string, as: As = {}) =>
      command(
        "PublishNominees",
        { nominationIds: nominationIds as never, period: { start: d(start), end: d(end) } },
        { at: start, ...as }
      ),
    /** The presentation (trao tặng) of a granted award; by default the executive of ldld-hoang-mai on 20 January. */
    present: (awardId: string, as: As = {}) =>
      command("PresentAward", { awardId: awardId as Ids.AwardId }, { at: `${year + 1}-01-20`, ...as }),
    closeCampaign: (at = `${year + 1}-02-01`) => command("CloseCampaign", {}, { at }),
    cancel: (at: string) => command("CancelCampaign", { reason: "Điều chỉnh kế hoạch" }, { at })
  }
}

/** @since 0.1.0 */
export type Scenario = ReturnType<typeof make>
