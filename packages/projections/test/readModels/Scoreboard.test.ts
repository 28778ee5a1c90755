import { describe, expect, it } from "@effect/vitest"
import { Campaign, type Ids } from "@thidua/core"
import { Projection, Scoreboard } from "@thidua/projections"
import { type History, Scenario } from "@thidua/testing"
import { CAMPAIGN_PARTITION, campaignLog, foldEvents, foldPartition, forAllHistories } from "./support.js"

type Tally = { -readonly [K in keyof Scoreboard.Tally]: Scoreboard.Tally[K] } & {
  recognized: { unit: number; province: number; national: number }
}

const fresh = (): Tally => ({ ...Scoreboard.emptyTally, recognized: { unit: 0, province: 0, national: 0 } })

/**
 * The tallies recomputed from scratch: scores from the events (the campaign's state does not keep
 * them), everything else from the campaign's final state.
 */
const naiveTallies = (h: History.History) => {
  const campaign = new Map<string, Tally>()
  const phases = new Map<string, Map<string, Tally>>(h.final.phases.map((p) => [p.id, new Map()]))
  const at = (m: Map<string, Tally>, unit: string) => {
    if (!m.has(unit)) m.set(unit, fresh())
    return m.get(unit)!
  }
  const both = (unit: string, phaseId: string | undefined, f: (t: Tally) => void) => {
    f(at(campaign, unit))
    if (phaseId !== undefined) f(at(phases.get(phaseId)!, unit))
  }
  for (const e of h.events)
    if (e._tag === "ScoreAssessed")
      both(e.unitId, e.phaseId, (t) => {
        if (e.kind === "self") t.self += e.points
        else t.cross += e.points
      })
  for (const i of Campaign.initiatives(h.final))
    both(i.unitId, i.phaseId, (t) => {
      t.initiatives++
      if (i.status === "Recognized") {
        t.recognized[i.level!]++
        t.recognizedBenefitVnd += i.benefitVnd
      }
      if (i.plaqued) t.plaqued++
    })
  for (const p of Campaign.pledges(h.final)) {
    if (p.status === "Signed") for (const u of p.signerIds) at(campaign, u).covenants++
    if (p.status === "Approved") {
      const t = at(campaign, p.subject!.organizationId)
      if (p.subject!._tag === "Unit") t.registrations++
      else t.memberRegistrations++
    }
  }
  for (const a of Campaign.awards(h.final)) {
    if (a.revoked) continue
    const phase =
      a.basis === "phase"
        ? h.final.phases.find((p) => p.start === a.period.start && p.end === a.period.end)?.id
        : undefined
    both(a.recipient.organizationId, phase, (t) => {
      if (a.recipient._tag === "Unit") t.awards++
      else t.memberAwards++
    })
  }
  return { campaign, phases }
}

/** A ranking recomputed from scratch: the documented order, spelled out again. */
const naiveRanking = (units: ReadonlyArray<string>, tallies: Map<string, Tally> | undefined) =>
  units
    .map((unitId) => {
      const tally = tallies?.get(unitId) ?? fresh()
      return { unitId, points: Scoreboard.standardPolicy.points(tally), tally }
    })
    .sort((a, b) => {
      const recognized = (t: Tally) => t.recognized.unit + t.recognized.province + t.recognized.national
      if (a.points !== b.points) return b.points - a.points
      if (recognized(a.tally) !== recognized(b.tally)) return recognized(b.tally) - recognized(a.tally)
      return a.unitId < b.unitId ? -1 : 1
    })
    .map((r, i) => ({ rank: i + 1, unitId: r.unitId, points: r.points, tally: r.tally }))

const plain = (ranking: ReadonlyArray<Scoreboard.Standing>) =>
  ranking.map((s) => ({ rank: s.rank, unitId: s.unitId, points: s.points, tally: { ...s.tally } }))

/** Every scope a history has: the campaign, its sectors and clusters as enrolled, its phases. */
const scopesOf = (h: History.History): Array<Scoreboard.Scope> => {
  const participants = [...Campaign.participants(h.final)]
  return [
    Scoreboard.campaign,
    ...[...new Set(participants.map((p) => p.sector))].map(Scoreboard.sector),
    ...[...new Set(participants.flatMap((p) => (p.clusterId === undefined ? [] : [p.clusterId])))].map(
      Scoreboard.cluster
    ),
    ...h.final.phases.map((p) => Scoreboard.phase(p.id))
  ]
}

describe("Scoreboard", () => {
  it("ranks every scope as a recomputation from the campaign's state does", () =>
    forAllHistories((h) => {
      const state = foldPartition(Scoreboard.projection, campaignLog(h), CAMPAIGN_PARTITION)
      const naive = naiveTallies(h)
      const participants = [...Campaign.participants(h.final)]
      for (const scope of scopesOf(h)) {
        const units = participants
          .filter(
            (p) =>
              scope._tag === "Campaign" ||
              scope._tag === "Phase" ||
              (scope._tag === "Sector" && p.sector === scope.sector) ||
              (scope._tag === "Cluster" && p.clusterId === scope.clusterId)
          )
          .map((p) => p.unitId)
        const tallies = scope._tag === "Phase" ? naive.phases.get(scope.phaseId) : naive.campaign
        expect(plain(Scoreboard.ranking(state, scope))).toEqual(naiveRanking(units, tallies))
      }
    }))

  it("gives every unit of a scope its own rank, 1 to n, under the standard policy", () =>
    forAllHistories((h) => {
      const state = foldPartition(Scoreboard.projection, campaignLog(h), CAMPAIGN_PARTITION)
      for (const scope of scopesOf(h)) {
        const ranking = Scoreboard.ranking(state, scope)
        expect(ranking.map((s) => s.rank)).toEqual(ranking.map((_, i) => i + 1))
        expect(new Set(ranking.map((s) => s.unitId)).size).toBe(ranking.length)
        for (const s of ranking) expect(Scoreboard.rankOf(state, s.unitId, scope)).toEqual(s)
      }
    }))

  it("is stable under replay, and survives the copy a read model store makes", () =>
    forAllHistories((h) => {
      const once = foldPartition(Scoreboard.projection, campaignLog(h), CAMPAIGN_PARTITION)
      const again = foldPartition(Scoreboard.projection, campaignLog(h), CAMPAIGN_PARTITION)
      const copy = structuredClone(once)
      expect(again).toEqual(once)
      for (const scope of scopesOf(h)) {
        expect(Scoreboard.ranking(again, scope)).toEqual(Scoreboard.ranking(once, scope))
        expect(Scoreboard.ranking(copy, scope)).toEqual(Scoreboard.ranking(once, scope))
      }
    }, 40))

  // Hoàng Mai 2020: three units, two of them in the district's cluster.
  const s = Scenario.make(2020)
  const cluster = "cum-hoang-mai-2020"
  const enroll = (unitId: string, sector: "enterprise" | "administrative", clusterId?: string) =>
    s.command(
      "EnrollParticipant",
      {
        unitId: unitId as Ids.OrganizationId,
        sector,
        ...(clusterId !== undefined ? { clusterId: clusterId as Ids.ClusterId } : {})
      },
      { actor: unitId, role: "officer" }
    )
  const score = (unitId: string, points: number, kind: "self" | "cross", phaseId?: string) =>
    s.command("AssessScore", {
      unitId: unitId as Ids.OrganizationId,
      contentId: "nd-dn-1" as Ids.ContentId,
      points,
      kind,
      ...(phaseId !== undefined ? { phaseId: phaseId as Ids.PhaseId } : {})
    })
  const launched = [
    s.plan(),
    s.launch(),
    s.phase("dot-1", "2020-01-01", "2020-06-30"),
    s.phase("dot-2", "2020-07-01", "2020-12-31"),
    s.open("dot-1", "2020-01-02"),
    enroll("cdcs-trung-thanh", "enterprise", cluster),
    enroll("cdcs-phuong-mai", "administrative", cluster),
    enroll("cdcs-hoang-liet", "enterprise")
  ] as const

  it("ranks by points: a cross-assessment counts twice a unit's own", () => {
    const state = foldEvents(
      Scoreboard.projection,
      s.given(
        ...launched,
        score("cdcs-trung-thanh", 100, "self"),
        score("cdcs-phuong-mai", 60, "cross"),
        score("cdcs-hoang-liet", 40, "cross")
      ).events
    )
    expect(Scoreboard.top(state, 2).map((r) => [r.rank, r.unitId, r.points])).toEqual([
      [1, "cdcs-phuong-mai", 60],
      [2, "cdcs-trung-thanh", 50]
    ])
    expect(Scoreboard.rankOf(state, "cdcs-hoang-liet")?.rank).toBe(3)
    expect(Scoreboard.rankOf(state, "cdcs-ba-dinh")).toBeUndefined()
  })

  it("ranks a cluster, a sector and a phase apart from the campaign", () => {
    const state = foldEvents(
      Scoreboard.projection,
      s.given(
        ...launched,
        score("cdcs-hoang-liet", 90, "cross", "dot-1"),
        score("cdcs-trung-thanh", 70, "cross"),
        score("cdcs-phuong-mai", 20, "cross", "dot-1")
      ).events
    )
    const ids = (r: ReadonlyArray<Scoreboard.Standing>) => r.map((x) => x.unitId)
    expect(ids(Scoreboard.ranking(state))).toEqual(["cdcs-hoang-liet", "cdcs-trung-thanh", "cdcs-phuong-mai"])
    expect([...Scoreboard.byCluster(state)].map(([c, r]) => [c, ids(r)])).toEqual([
      [cluster, ["cdcs-trung-thanh", "cdcs-phuong-mai"]]
    ])
    expect([...Scoreboard.bySector(state)].map(([k, r]) => [k, ids(r)])).toEqual([
      ["administrative", ["cdcs-phuong-mai"]],
      ["enterprise", ["cdcs-hoang-liet", "cdcs-trung-thanh"]]
    ])
    // In the first phase cdcs-trung-thanh has nothing: its 70 points were not given for a phase.
    expect(ids(Scoreboard.top(state, 3, Scoreboard.phase("dot-1")))).toEqual([
      "cdcs-hoang-liet",
      "cdcs-phuong-mai",
      "cdcs-trung-thanh"
    ])
    expect(Scoreboard.rankOf(state, "cdcs-trung-thanh", Scoreboard.phase("dot-1"))?.points).toBe(0)
    expect(
      Scoreboard.byPhase(state)
        .get("dot-2")!
        .every((r) => r.points === 0)
    ).toBe(true)
    expect(Scoreboard.ranking(state, Scoreboard.phase("dot-9"))).toEqual([])
  })

  it("counts recognized initiatives, their benefit, approved registrations and standing awards", () => {
    const given = s.given(
      ...launched,
      s.record("sk-1", "cdcs-hoang-liet", 120_000_000, { phaseId: "dot-1" as Ids.PhaseId }),
      s.apply("sk-1", "cdcs-hoang-liet"),
      s.recognize("sk-1", "unit", { actor: "cdcs-hoang-liet" }),
      s.register("dk-1", s.unit("cdcs-phuong-mai"), { at: "2020-01-03" }),
      s.approve("dk-1", { at: "2020-01-04" }),
      s.close("dot-1", "2020-06-30"),
      s.open("dot-2", "2020-07-01"),
      s.close("dot-2", "2020-12-31"),
      s.end(),
      s.finalReview(),
      s.grant("kt-1", s.unit("cdcs-trung-thanh"), "giay-khen"),
      s.grant("kt-2", s.unit("cdcs-phuong-mai"), "giay-khen"),
      s.revoke("kt-2", "false-dossier")
    )
    const state = foldEvents(Scoreboard.projection, given.events)
    const tally = (unit: string) => Scoreboard.rankOf(state, unit)!.tally
    expect(tally("cdcs-hoang-liet")).toMatchObject({ recognized: { unit: 1 }, recognizedBenefitVnd: 120_000_000 })
    expect(tally("cdcs-phuong-mai")).toMatchObject({ registrations: 1, awards: 0 })
    expect(tally("cdcs-trung-thanh")).toMatchObject({ awards: 1 })
    // 10 for the recognition + 12 for 120 million đồng; 5 for the registration; 20 for the award.
    expect(Scoreboard.ranking(state).map((r) => [r.unitId, r.points])).toEqual([
      ["cdcs-hoang-liet", 22],
      ["cdcs-trung-thanh", 20],
      ["cdcs-phuong-mai", 5]
    ])
  })

  it("counts a covenant in force once: the one that supersedes it takes its place", () => {
    const covenant = (pledgeId: string, supersedes?: string) =>
      s.command(
        "SignPledge",
        {
          pledgeId: pledgeId as Ids.PledgeId,
          kind: "covenant",
          signerIds: ["cdcs-trung-thanh", "cdcs-phuong-mai"] as [Ids.OrganizationId, Ids.OrganizationId],
          clusterId: cluster as Ids.ClusterId,
          targets: [{ description: "Giao ước thi đua năm 2020" }],
          ...(supersedes !== undefined ? { supersedes: supersedes as Ids.PledgeId } : {})
        },
        { at: "2020-01-15" }
      )
    const state = foldEvents(
      Scoreboard.projection,
      s.given(...launched, covenant("gu-1"), covenant("gu-2", "gu-1")).events
    )
    expect(Scoreboard.ranking(state).map((r) => [r.unitId, r.tally.covenants, r.points])).toEqual([
      ["cdcs-phuong-mai", 1, 5],
      ["cdcs-trung-thanh", 1, 5],
      ["cdcs-hoang-liet", 0, 0]
    ])
  })

  it("breaks equal points by recognized initiatives, then by unit id; a policy may share the rank instead", () => {
    const given = s.given(
      ...launched,
      s.record("sk-1", "cdcs-trung-thanh", 0),
      s.apply("sk-1", "cdcs-trung-thanh"),
      s.recognize("sk-1", "unit", { actor: "cdcs-trung-thanh" }),
      score("cdcs-hoang-liet", 10, "cross"),
      score("cdcs-phuong-mai", 10, "cross")
    )
    const state = foldEvents(Scoreboard.projection, given.events)
    expect(Scoreboard.ranking(state).map((r) => [r.rank, r.unitId])).toEqual([
      [1, "cdcs-trung-thanh"],
      [2, "cdcs-hoang-liet"],
      [3, "cdcs-phuong-mai"]
    ])
    const shared = Scoreboard.weighted(Scoreboard.standardWeights, "share")
    expect(Scoreboard.ranking(state, Scoreboard.campaign, shared).map((r) => [r.rank, r.unitId])).toEqual([
      [1, "cdcs-trung-thanh"],
      [1, "cdcs-hoang-liet"],
      [1, "cdcs-phuong-mai"]
    ])
  })

  it("ranks again by a replaced policy, with no rebuild", () => {
    const state = foldEvents(
      Scoreboard.projection,
      s.given(
        ...launched,
        score("cdcs-trung-thanh", 100, "self"),
        score("cdcs-phuong-mai", 60, "cross"),
        s.record("sk-1", "cdcs-hoang-liet", 0),
        s.apply("sk-1", "cdcs-hoang-liet"),
        s.recognize("sk-1", "unit", { actor: "cdcs-hoang-liet" })
      ).events
    )
    const ids = (policy?: Scoreboard.Policy) =>
      Scoreboard.top(state, 3, Scoreboard.campaign, policy).map((r) => r.unitId)
    expect(ids()).toEqual(["cdcs-phuong-mai", "cdcs-trung-thanh", "cdcs-hoang-liet"])
    // Self-assessment at full weight puts cdcs-trung-thanh first.
    expect(ids(Scoreboard.weighted({ ...Scoreboard.standardWeights, self: 1 }))).toEqual([
      "cdcs-trung-thanh",
      "cdcs-phuong-mai",
      "cdcs-hoang-liet"
    ])
    // A policy of initiatives only: one unit ahead, the other two share the second place.
    const initiativesOnly: Scoreboard.Policy = { points: Scoreboard.recognizedCount, ties: "share" }
    expect(
      Scoreboard.ranking(state, Scoreboard.campaign, initiativesOnly).map((r) => [r.rank, r.unitId, r.points])
    ).toEqual([
      [1, "cdcs-hoang-liet", 1],
      [2, "cdcs-phuong-mai", 0],
      [2, "cdcs-trung-thanh", 0]
    ])
  })

  it("keeps one board per campaign stream", () => {
    const { events } = s.given(...launched)
    const states = Projection.fold(Scoreboard.projection, [
      ...events.map((event, i) => ({
        event,
        meta: { tenantId: "hanoi", streamId: "campaign:a", version: i + 1, position: `a${i}` as never, recordedAt: 0 }
      })),
      ...events.slice(0, 6).map((event, i) => ({
        event,
        meta: { tenantId: "hanoi", streamId: "campaign:b", version: i + 1, position: `b${i}` as never, recordedAt: 0 }
      }))
    ])
    expect(Scoreboard.ranking(states.get("hanoi/campaign:a")!).length).toBe(3)
    expect(Scoreboard.ranking(states.get("hanoi/campaign:b")!).length).toBe(1)
  })
})
