import { describe, expect, it } from "@effect/vitest"
import { Campaign, type Command, Directory, type Event, type Ids, type LocalDate } from "@thidua/core"
import { Participation } from "@thidua/projections"
import { type History, Scenario } from "@thidua/testing"
import fc from "fast-check"
import {
  CAMPAIGN_STREAM,
  countBy,
  directoryEvents,
  foldPartition,
  histories,
  log,
  scenarioLog,
  TENANT
} from "./support.js"

const planned = (
  campaignId: string,
  issuerId: string,
  year: number,
  parentCampaignId?: string
): Event.CampaignEvent => ({
  _tag: "CampaignPlanned",
  campaignId: campaignId as Ids.CampaignId,
  tenantId: TENANT as Ids.TenantId,
  issuerId: issuerId as Ids.OrganizationId,
  title: `Hưởng ứng phong trào thi đua năm ${year}`,
  form: "regular",
  period: { start: `${year}-01-01` as LocalDate.LocalDate, end: `${year}-12-31` as LocalDate.LocalDate },
  ...(parentCampaignId !== undefined ? { parentCampaignId: parentCampaignId as Ids.CampaignId } : {}),
  sectors: [],
  titlesOffered: [],
  regime: "R2003",
  at: `${year - 1}-12-15` as LocalDate.LocalDate
})
const launched = (year: number): Event.CampaignEvent => ({
  _tag: "CampaignLaunched",
  at: `${year}-01-02` as LocalDate.LocalDate
})

/**
 * A cascade over a generated world: the city federation's campaign, and a response from each
 * district and union whose flag says so, launched when the next flag says so. A union answers its
 * district's response when there is one, else the city's campaign directly.
 */
const cascade = (w: History.World, flags: ReadonlyArray<boolean>) => {
  const streams: Array<readonly [string, ReadonlyArray<Event.CampaignEvent>]> = []
  const plannedBy = new Set<string>()
  const launchedBy = new Set<string>()
  const respond = (issuer: string, parent: string, i: number) => {
    if (!flags[i]) return
    const campaignId = `resp-${issuer}`
    plannedBy.add(issuer)
    if (flags[i + 1]) launchedBy.add(issuer)
    streams.push([
      `campaign:${campaignId}`,
      [planned(campaignId, issuer, w.year, parent), ...(flags[i + 1] ? [launched(w.year)] : [])]
    ])
  }
  for (const [i, u] of w.uppers.entries()) respond(u, "city", 2 * i)
  for (const [j, u] of w.units.entries())
    respond(u.id, plannedBy.has(u.parent) ? `resp-${u.parent}` : "city", 6 + 2 * j)
  // The responses reach the projection before the campaign they answer: order must not matter.
  streams.push(["campaign:city", [planned("city", w.federation, w.year), launched(w.year)]])
  return { streams, plannedBy, launchedBy }
}

/** The organizations below one, in operation on a day, by the directory's own queries. */
const below = (w: History.World, issuerId: string, on: LocalDate.LocalDate) =>
  [...Directory.organizations(w.directory)].filter(
    (o) =>
      o.id !== issuerId &&
      Directory.isActiveOn(o, on) &&
      Directory.isWithin(w.directory, issuerId as Ids.OrganizationId, o.id, on)
  )

/** The cascade recomputed from the directory's own queries. */
const naiveCoverage = (
  w: History.World,
  campaignId: string,
  issuerId: string,
  on: LocalDate.LocalDate,
  plannedBy: ReadonlySet<string>,
  launchedBy: ReadonlySet<string>
) => {
  const orgsBelow = below(w, issuerId, on)
  const levels = (["confederation", "federation", "upper", "grassroots", "group"] as const).flatMap((level) => {
    const orgs = orgsBelow.filter((o) => o.level === level)
    if (orgs.length === 0) return []
    const done = orgs.filter((o) => launchedBy.has(o.id))
    return [
      {
        level,
        eligible: orgs.length,
        planned: orgs.filter((o) => plannedBy.has(o.id)).length,
        launched: done.length,
        share: done.length / orgs.length,
        notLaunched: orgs
          .filter((o) => !launchedBy.has(o.id))
          .map((o) => o.id)
          .sort()
      }
    ]
  })
  return { campaignId, issuerId, on, levels }
}

const flags = fc.array(fc.boolean(), { minLength: 32, maxLength: 32 })

describe("Participation", () => {
  it("enrolments, pledges and the cascade equal a recomputation from the campaign and the directory", () =>
    fc.assert(
      fc.property(histories, flags, (h, f) => {
        const w = h.world
        const { streams, plannedBy, launchedBy } = cascade(w, f)
        const state = foldPartition(
          Participation.projection,
          log([`org:${TENANT}`, directoryEvents(w)], ...streams, [CAMPAIGN_STREAM, h.events]),
          TENANT
        )
        const start = `${w.year}-01-01` as LocalDate.LocalDate
        expect(Participation.coverage(state, "city")).toEqual(
          naiveCoverage(w, "city", w.federation, start, plannedBy, launchedBy)
        )
        for (const upper of plannedBy)
          if (w.uppers.includes(upper as Ids.OrganizationId)) {
            const answered = new Set(w.units.filter((u) => u.parent === upper).map((u) => u.id as string))
            const only = (s: ReadonlySet<string>) => new Set([...s].filter((id) => answered.has(id)))
            expect(Participation.coverage(state, `resp-${upper}`)).toEqual(
              naiveCoverage(w, `resp-${upper}`, upper, start, only(plannedBy), only(launchedBy))
            )
          }
        expect(Participation.responses(state, "city").map((r) => r.issuerId)).toEqual(
          w.uppers
            .filter((u) => plannedBy.has(u))
            .concat(w.units.flatMap((u) => (plannedBy.has(u.id) && !plannedBy.has(u.parent) ? [u.id] : [])))
        )

        const plan = h.final.plan
        if (plan === undefined) {
          expect(Participation.summary(state, "campaign-1")).toBeUndefined()
          return
        }
        const pledges = [...Campaign.pledges(h.final)]
        const participants = [...Campaign.participants(h.final)]
        expect(Participation.summary(state, "campaign-1")).toEqual({
          campaignId: plan.campaignId,
          issuerId: plan.issuerId,
          parentCampaignId: undefined,
          launchedAt: h.events.find((e) => e._tag === "CampaignLaunched")?.at,
          cancelledAt: h.events.find((e) => e._tag === "CampaignCancelled")?.at,
          enrolled: participants.length,
          signed: { covenant: 0, registration: 0, "union-management": 0, ...countBy(pledges, (p) => p.kind) },
          approved: pledges.filter((p) => p.status === "Approved").length,
          rejected: pledges.filter((p) => p.status === "Rejected").length
        })
        const eligible =
          plan.clusterId !== undefined
            ? w.clusters.find((c) => c.id === plan.clusterId)!.members
            : below(w, plan.issuerId, plan.period.start)
                .filter((o) => o.level === "grassroots")
                .map((o) => o.id)
        const members = (ids: ReadonlyArray<string>) =>
          ids.reduce((n, id) => n + (Directory.organization(w.directory, id)?.members ?? 0), 0)
        expect(Participation.enrolment(state, "campaign-1")).toEqual({
          enrolled: participants.length,
          eligible: eligible.length,
          members: { enrolled: members(participants.map((p) => p.unitId)), eligible: members(eligible) },
          notEnrolled: eligible.filter((id) => Campaign.participant(h.final, id) === undefined).sort()
        })
      }),
      { numRuns: 100 }
    ))

  it("is stable under replay, and survives the copy a read model store makes", () =>
    fc.assert(
      fc.property(histories, flags, (h, f) => {
        const entries = log([`org:${TENANT}`, directoryEvents(h.world)], ...cascade(h.world, f).streams, [
          CAMPAIGN_STREAM,
          h.events
        ])
        const once = foldPartition(Participation.projection, entries, TENANT)
        expect(foldPartition(Participation.projection, entries, TENANT)).toEqual(once)
        const copy = structuredClone(once)
        expect(copy).toEqual(once)
        expect(Participation.coverage(copy, "city")).toEqual(Participation.coverage(once, "city"))
      }),
      { numRuns: 40 }
    ))

  // Hà Nội 2020: the city launches; Hoàng Mai responds and launches, Ba Đình only plans; a Hoàng
  // Mai union responds to its district's campaign.
  const s = Scenario.make(2020)
  const within = <C extends Command.CampaignCommand>(campaignId: string, command: C): C => ({
    ...command,
    campaignId: campaignId as Ids.CampaignId
  })
  const run = (campaignId: string, ...commands: ReadonlyArray<Command.CampaignCommand>) =>
    scenarioLog(s.given(...commands.map((c) => within(campaignId, c))).events, `campaign:${campaignId}`)
  const parent = (id: string) => ({ parentCampaignId: id as Ids.CampaignId })
  const directory: Array<Event.DomainEvent> = [
    ...[...Directory.organizations(s.directory)].map(
      (o): Event.DomainEvent => ({
        _tag: "OrganizationRegistered",
        organizationId: o.id,
        name: o.name,
        level: o.level,
        ...(o.parents[0] !== undefined ? { parentId: o.parents[0].parentId } : {}),
        validFrom: o.validFrom
      })
    ),
    { _tag: "ClusterFormed", ...Directory.cluster(s.directory, "cum-hoang-mai-2020")! }
  ]
  const tenantLog = [
    ...scenarioLog(directory, "org:hanoi"),
    ...run(
      "hn-2020",
      s.plan({ issuerId: "ldld-hn" as Ids.OrganizationId }, { actor: "ldld-hn" }),
      s.launch({ actor: "ldld-hn" })
    ),
    ...run(
      "hm-2020",
      s.plan(parent("hn-2020")),
      s.launch(),
      s.enroll("cdcs-trung-thanh"),
      s.enroll("cdcs-phuong-mai", "administrative"),
      s.register("dk-1", s.unit("cdcs-trung-thanh")),
      s.register("dk-2", s.member("m-1", "cdcs-phuong-mai")),
      s.approve("dk-1"),
      s.reject("dk-2"),
      s.command("SignPledge", {
        pledgeId: "gu-1" as Ids.PledgeId,
        kind: "covenant",
        signerIds: ["cdcs-trung-thanh", "cdcs-phuong-mai"] as [Ids.OrganizationId, Ids.OrganizationId],
        clusterId: "cum-hoang-mai-2020" as Ids.ClusterId,
        targets: [{ description: "Giao ước thi đua năm 2020" }]
      })
    ),
    ...run(
      "bd-2020",
      s.plan({ issuerId: "ldld-ba-dinh" as Ids.OrganizationId, ...parent("hn-2020") }, { actor: "ldld-ba-dinh" })
    ),
    ...run(
      "tt-2020",
      s.plan(
        { issuerId: "cdcs-trung-thanh" as Ids.OrganizationId, ...parent("hm-2020") },
        { actor: "cdcs-trung-thanh" }
      ),
      s.launch({ actor: "cdcs-trung-thanh" })
    )
  ]
  const state = foldPartition(Participation.projection, tenantLog, "hanoi")

  it("rolls the cascade up by level: of the city's district federations, one launched a response", () => {
    const c = Participation.coverage(state, "hn-2020")!
    expect(c.levels.map((l) => [l.level, l.eligible, l.planned, l.launched, l.share])).toEqual([
      ["upper", 2, 2, 1, 0.5],
      ["grassroots", 4, 1, 1, 0.25]
    ])
    expect(c.levels[0]!.notLaunched).toEqual(["ldld-ba-dinh"])
    expect(Participation.coverage(state, "hm-2020")!.levels).toEqual([
      {
        level: "grassroots",
        eligible: 3,
        planned: 1,
        launched: 1,
        share: 1 / 3,
        notLaunched: ["cdcs-hoang-liet", "cdcs-phuong-mai"]
      }
    ])
    expect(Participation.coverage(state, "no-such-campaign")).toBeUndefined()
  })

  it("reads the hierarchy on a day: a union moved in later counts from that day", () => {
    const moved = foldPartition(
      Participation.projection,
      [
        ...tenantLog,
        ...scenarioLog(
          [
            {
              _tag: "OrganizationMoved",
              organizationId: "cdcs-ba-dinh" as Ids.OrganizationId,
              parentId: "ldld-hoang-mai" as Ids.OrganizationId,
              at: "2020-07-01" as LocalDate.LocalDate
            }
          ],
          "org:hanoi"
        )
      ],
      "hanoi"
    )
    expect(Participation.coverage(moved, "hm-2020")!.levels[0]!.eligible).toBe(3)
    expect(Participation.coverage(moved, "hm-2020", "2020-07-01" as LocalDate.LocalDate)!.levels[0]!.eligible).toBe(4)
  })

  it("lists the responses to a campaign", () => {
    expect(Participation.responses(state, "hn-2020").map((r) => [r.campaignId, r.issuerId, r.launchedAt])).toEqual([
      ["hm-2020", "ldld-hoang-mai", "2020-01-02"],
      ["bd-2020", "ldld-ba-dinh", undefined]
    ])
  })

  it("counts enrolments against eligible units, pledges by kind, approved registrations", () => {
    expect(Participation.summary(state, "hm-2020")).toMatchObject({
      enrolled: 2,
      signed: { covenant: 1, registration: 2, "union-management": 0 },
      approved: 1,
      rejected: 1
    })
    expect(Participation.enrolment(state, "hm-2020")).toEqual({
      enrolled: 2,
      eligible: 3,
      members: { enrolled: 0, eligible: 0 },
      notEnrolled: ["cdcs-hoang-liet"]
    })
  })
})
