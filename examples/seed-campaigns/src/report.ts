/**
 * The report of a seed run: read back from the engine (the campaign's state, the directory, the
 * read models, the log), as JSON for machines and as text for people.
 */
import { Directory, type Event, type Organization } from "@thidua/core"
import { AwardRoll, CampaignCalendar, InitiativeLedger, Participation, Scoreboard, type ThiDua } from "@thidua/engine"
import type { Ran, Refusal } from "./run.js"

/** Coverage of a level: how many could take part, how many did. */
export interface Coverage {
  readonly eligible: number
  readonly enrolled: number
  readonly percent: number
}

/** The report of one seed, as `pnpm demo --json` prints it. */
export interface Report {
  readonly seed: string
  readonly title: string
  readonly issuer: { readonly organizationId: string; readonly name: string }
  readonly regime: string
  readonly status: string
  readonly phases: ReadonlyArray<{
    readonly name: string
    readonly start: string
    readonly end: string
    readonly theme: string | null
    readonly kind: string
    readonly status: string
    /** Who opened and closed it: `calendar` (the workflow) or a command's id. */
    readonly openedBy: string | null
    readonly closedBy: string | null
  }>
  readonly sectors: ReadonlyArray<{ readonly sector: string; readonly contents: number }>
  readonly pilotUnit: { readonly organizationId: string; readonly name: string } | null
  readonly coverage: { readonly grassroots: Coverage; readonly members: Coverage } | null
  readonly organizations: { readonly grassroots: number; readonly members?: number; readonly workers?: number }
  readonly initiatives: {
    readonly count: number
    readonly benefitVnd: number
    readonly recognized: number
    readonly plaqued: number
  }
  readonly awards: ReadonlyArray<{
    readonly kind: string
    readonly recipient: string
    readonly grantedBy: string
    readonly presentedBy?: string
    readonly revoked: boolean
  }>
  readonly scoreboard: ReadonlyArray<{
    readonly rank: number
    readonly unitId: string
    readonly name: string
    readonly points: number
  }>
  readonly deadlinesMissed: number
  readonly events: number
  readonly commands: number
  readonly refused: ReadonlyArray<Refusal>
  readonly seconds: number
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10)

const byWho = (commandId: string | undefined) =>
  commandId === undefined ? null : commandId.startsWith("wf.calendar.") ? "calendar" : commandId

/** Reads a seed's report back from the engine. */
export const report = async (td: ThiDua.ThiDua, ran: Ran): Promise<Report> => {
  const tenantId = ran.seed.tenantId
  const { campaignId } = ran
  const state = await td.campaign(tenantId, campaignId)
  const directory = await td.directory(tenantId)
  const nameOf = (id: string) => Directory.organization(directory, id)?.name ?? id
  // A member is named by the id the host gave it, with the union it belongs to.
  const recipientOf = (s: Organization.Subject): string =>
    s._tag === "Unit"
      ? nameOf(s.organizationId)
      : "memberId" in s
        ? `${s.memberId} (${nameOf(s.organizationId)})`
        : JSON.stringify(s)
  const stream = `campaign:${campaignId}`
  const log: Array<{ readonly event: Event.DomainEvent; readonly commandId: string | undefined }> = []
  let deadlinesMissed = 0
  for await (const e of td.events({ tenantId, streamId: stream })) log.push(e)
  for await (const e of td.events({ tenantId, streamId: CampaignCalendar.streamOf(tenantId) }))
    if (e.event._tag === "DeadlineMissed" && e.event.campaignId === campaignId) deadlinesMissed++
  const plan = state?.plan
  const scheduled = new Map<string, Event.DomainEvent & { readonly _tag: "PhaseScheduled" }>()
  const moved = new Map<string, { opened?: string | undefined; closed?: string | undefined }>()
  for (const { event, commandId } of log) {
    if (event._tag === "PhaseScheduled") scheduled.set(event.phaseId, event)
    if (event._tag === "PhaseOpened") moved.set(event.phaseId, { ...moved.get(event.phaseId), opened: commandId })
    if (event._tag === "PhaseClosed") moved.set(event.phaseId, { ...moved.get(event.phaseId), closed: commandId })
  }
  const participation = await td.read(Participation, { tenantId })
  const enrolment = participation === undefined ? undefined : Participation.enrolment(participation, campaignId)
  const ledger = await td.read(InitiativeLedger, { tenantId, campaignId })
  const totals = ledger === undefined ? undefined : InitiativeLedger.totals(ledger)
  const roll = await td.read(AwardRoll, { tenantId })
  const board = await td.read(Scoreboard, { tenantId, campaignId })
  // The issuer's grassroots unions on the campaign's first day, with their members and workers.
  const start = plan?.period.start
  const units =
    plan === undefined || start === undefined
      ? []
      : [...Directory.organizations(directory)].filter(
          (o) =>
            o.level === "grassroots" &&
            Directory.isActiveOn(o, start) &&
            Directory.isWithin(directory, plan.issuerId, o.id, start)
        )
  const sum = (f: (o: Directory.Org) => number | undefined) => {
    const values = units.map(f).filter((n): n is number => n !== undefined)
    return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0)
  }
  const members = sum((o) => o.members)
  const workers = sum((o) => o.workers)
  return {
    seed: ran.seed.name,
    title: plan?.title ?? ran.seed.title,
    issuer: { organizationId: plan?.issuerId ?? "", name: plan === undefined ? "" : nameOf(plan.issuerId) },
    regime: plan?.regime ?? "-",
    status: state?.status ?? "Initial",
    phases: (state?.phases ?? []).map((p) => ({
      name: p.name,
      start: p.start,
      end: p.end,
      theme: scheduled.get(p.id)?.theme ?? null,
      kind: p.kind,
      status: p.status,
      openedBy: byWho(moved.get(p.id)?.opened),
      closedBy: byWho(moved.get(p.id)?.closed)
    })),
    sectors: (plan?.sectors ?? []).map((s) => ({ sector: s.sector, contents: s.contents.length })),
    pilotUnit:
      state?.pilotUnitId === undefined ? null : { organizationId: state.pilotUnitId, name: nameOf(state.pilotUnitId) },
    coverage:
      enrolment === undefined
        ? null
        : {
            grassroots: {
              eligible: enrolment.eligible,
              enrolled: enrolment.enrolled,
              percent: percent(enrolment.enrolled, enrolment.eligible)
            },
            members: {
              eligible: enrolment.members.eligible,
              enrolled: enrolment.members.enrolled,
              percent: percent(enrolment.members.enrolled, enrolment.members.eligible)
            }
          },
    organizations: {
      grassroots: units.length,
      ...(members === undefined ? {} : { members }),
      ...(workers === undefined ? {} : { workers })
    },
    initiatives: {
      count: totals?.count ?? 0,
      benefitVnd: totals?.benefitVnd ?? 0,
      recognized: totals?.recognized ?? 0,
      plaqued: totals?.plaqued ?? 0
    },
    awards: (roll === undefined ? [] : AwardRoll.entries(roll))
      .filter((a) => a.campaignId === campaignId)
      .map((a) => ({
        kind: a.kind,
        recipient: recipientOf(a.recipient),
        grantedBy: nameOf(a.grantedById),
        ...(a.presented === undefined ? {} : { presentedBy: nameOf(a.presented.presentedById) }),
        revoked: a.revoked !== undefined
      })),
    scoreboard: (board === undefined ? [] : Scoreboard.top(board, 5)).map((s) => ({
      rank: s.rank,
      unitId: s.unitId,
      name: nameOf(s.unitId),
      points: s.points
    })),
    deadlinesMissed,
    events: log.length,
    commands: ran.commands,
    refused: ran.refused,
    seconds: Math.round(ran.seconds * 10) / 10
  }
}

const n = (x: number) => x.toLocaleString("vi-VN")
const day = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

/** The report as text, for people. */
export const describe = (r: Report): ReadonlyArray<string> => [
  r.title,
  `  ${r.seed} · ${r.issuer.name} · ${r.regime} · ${n(r.events)} events from ${n(r.commands)} commands in ${r.seconds} s · ${r.status}`,
  ...(r.pilotUnit === null ? [] : [`  launched at the pilot unit ${r.pilotUnit.name}`]),
  "  phases:",
  ...r.phases.map(
    (p) =>
      `    ${p.name} (${p.kind}) ${day(p.start)}–${day(p.end)}, ${p.status}` +
      `${p.openedBy === "calendar" && p.closedBy === "calendar" ? ", opened and closed by the calendar" : ""}` +
      `${p.theme === null ? "" : `\n      “${clip(p.theme, 110)}”`}`
  ),
  `  contents: ${r.sectors.map((s) => `${s.contents} for the ${s.sector} sector`).join(", ") || "none"}`,
  `  organizations: ${n(r.organizations.grassroots)} grassroots unions` +
    `${r.organizations.members === undefined ? "" : `, ${n(r.organizations.members)} members`}` +
    `${r.organizations.workers === undefined ? "" : `, ${n(r.organizations.workers)} workers`}`,
  r.coverage === null
    ? "  coverage: -"
    : `  coverage: ${n(r.coverage.grassroots.enrolled)} of ${n(r.coverage.grassroots.eligible)} grassroots unions enrolled (${r.coverage.grassroots.percent} %)` +
      (r.coverage.members.eligible === 0
        ? ""
        : `, ${n(r.coverage.members.enrolled)} of ${n(r.coverage.members.eligible)} members (${r.coverage.members.percent} %)`),
  `  initiatives: ${n(r.initiatives.count)} worth ${n(r.initiatives.benefitVnd)} đ, ${n(r.initiatives.recognized)} recognized, ${r.initiatives.plaqued} works plaqued`,
  r.awards.length === 0 ? "  awards: none" : "  awards:",
  ...r.awards.map(
    (a) =>
      `    ${a.kind} → ${a.recipient}, granted by ${a.grantedBy}` +
      `${a.presentedBy === undefined ? "" : `, presented by ${a.presentedBy}`}${a.revoked ? " (revoked)" : ""}`
  ),
  `  scoreboard: ${r.scoreboard.map((s) => `${s.rank}. ${s.name} (${s.points})`).join(", ") || "no unit enrolled"}`,
  ...(r.deadlinesMissed > 0 ? [`  deadlines missed (noted by the calendar): ${r.deadlinesMissed}`] : []),
  ...r.refused.map(({ index, command, code, message }) => `  refused #${index} ${command}: ${code} ${message}`)
]
