import { describe, expect, it } from "@effect/vitest"
import { Campaign, Command, Directory, type Event, type Ids, LocalDate, Rulebook, Stream } from "@thidua/core"
import { InitiativeLedger, Participation, type Projection } from "@thidua/projections"
import { Result } from "effect"
import { Seeds } from "../src/index.js"

// The seeds at the scale of their articles: every one folds through the pure deciders with nothing
// refused, and holds the article's totals. The numbers below are typed from the articles, never
// read from the seeds or their generator.

interface Raw {
  readonly _tag: string
  readonly commandId: string
  readonly tenantId: string
  readonly campaignId?: string
  readonly at: string
  readonly organizationId?: string
  readonly level?: string
  readonly parentId?: string
  readonly members?: number
  readonly workers?: number
  readonly unitId?: string
  readonly kind?: string
  readonly benefitVnd?: number
  readonly phaseId?: string
  readonly issuerId?: string
  readonly pilotUnitId?: string
  readonly name?: string
  readonly theme?: string
  readonly period?: { readonly start: string; readonly end: string }
  readonly sectors?: ReadonlyArray<{ readonly sector: string; readonly contents: ReadonlyArray<unknown> }>
}

const raw = (c: unknown): Raw => c as Raw

interface Folded {
  readonly directory: Directory.State
  readonly state: Campaign.State
  readonly directoryEvents: ReadonlyArray<Event.DirectoryEvent>
  readonly events: ReadonlyArray<Event.CampaignEvent>
  /** Every command that did not decode or was refused, described. */
  readonly refused: ReadonlyArray<string>
}

/** Decodes and folds a seed's commands, as the seed tests of core do, going on past a refusal. */
const fold = (tenantId: string, commands: Seeds.Commands): Folded => {
  let directory = Directory.initialFor(tenantId as Ids.TenantId)
  const directoryEvents: Array<Event.DirectoryEvent> = []
  const refused: Array<string> = []
  for (const input of commands.directory) {
    const decoded = Command.decodeDirectory(input)
    if (Result.isFailure(decoded)) {
      refused.push(`${raw(input).commandId}: ${decoded.failure.message}`)
      continue
    }
    const decision = Directory.decide(directory, decoded.success)
    if (Result.isFailure(decision)) {
      refused.push(`${raw(input).commandId}: ${decision.failure.code} ${decision.failure.messages.en}`)
      continue
    }
    for (const e of decision.success) {
      directory = Directory.evolve(directory, e)
      directoryEvents.push(e)
    }
  }
  const context = { directory, rulebook: Rulebook.standard }
  let state = Campaign.initialState
  const events: Array<Event.CampaignEvent> = []
  for (const input of commands.campaign) {
    const decoded = Command.decodeCampaign(input)
    if (Result.isFailure(decoded)) {
      refused.push(`${raw(input).commandId}: ${decoded.failure.message}`)
      continue
    }
    const decision = Campaign.decide(state, decoded.success, context)
    if (Result.isFailure(decision)) {
      refused.push(`${raw(input).commandId}: ${decision.failure.code} ${decision.failure.messages.en}`)
      continue
    }
    for (const e of decision.success) {
      state = Campaign.evolve(state, e)
      events.push(e)
    }
  }
  return { directory, state, directoryEvents, events, refused }
}

const memo = <A>(f: (seed: Seeds.Seed) => A): ((seed: Seeds.Seed) => A) => {
  const known = new Map<string, A>()
  return (seed) => {
    if (!known.has(seed.name)) known.set(seed.name, f(seed))
    return known.get(seed.name)!
  }
}

/** One generation per seed, shared by the tests that only read it. */
const scaledOf = memo(Seeds.atScale)
const folded = memo((seed) => fold(seed.tenantId, scaledOf(seed)))

/** Folds the events into a read model, each under its stream, as a runner would. */
const project = <S>(projection: Projection.Projection<S>, seed: Seeds.Seed, f: Folded): S => {
  const campaignId = raw(seed.campaign[0]).campaignId ?? ""
  const items = [
    ...f.directoryEvents.map((event) => ({ event, streamId: Stream.directory(seed.tenantId) })),
    ...f.events.map((event) => ({ event, streamId: Stream.campaign(campaignId) }))
  ]
  return items.reduce(
    (state, { event, streamId }, i) =>
      projection.apply(state, event, {
        tenantId: seed.tenantId,
        streamId,
        version: i + 1,
        position: String(i + 1) as never,
        recordedAt: 0
      }),
    projection.init()
  )
}

const all = (c: Seeds.Commands) => [...c.directory, ...c.campaign].map(raw)

describe("Seeds.atScale", () => {
  for (const seed of Seeds.all) {
    describe(seed.name, () => {
      const scaled = scaledOf(seed)

      it("folds through the deciders with nothing refused, to Closed", () => {
        const f = folded(seed)
        expect(f.refused).toEqual([])
        expect(f.state.status).toBe("Closed")
      })

      it("keeps the narrative's commands, unchanged and in their order", () => {
        const ids = new Set(all(seed).map((c) => c.commandId))
        expect(scaled.directory.filter((c) => ids.has(raw(c).commandId))).toEqual(seed.directory)
        expect(scaled.campaign.filter((c) => ids.has(raw(c).commandId))).toEqual(seed.campaign)
      })

      it("gives every command an id of its own, one tenant and one campaign, in the order of days", () => {
        const commands = all(scaled)
        expect(new Set(commands.map((c) => c.commandId)).size).toBe(commands.length)
        expect(commands.every((c) => c.tenantId === seed.tenantId)).toBe(true)
        expect(new Set(scaled.campaign.map((c) => raw(c).campaignId)).size).toBe(1)
        for (const list of [scaled.directory, scaled.campaign]) {
          const back = list.findIndex((c, i) => i > 0 && raw(c).at < raw(list[i - 1]).at)
          expect(back, `#${back} comes before the day of the command it follows`).toBe(-1)
        }
      })

      it("is deterministic: two calls give equal lists", () => {
        expect(Seeds.atScale(seed)).toEqual(scaled)
      })
    })
  }

  it("gives ids of the generated commands that no narrative seed uses", () => {
    const narrative = new Set(Seeds.all.flatMap((s) => all(s).map((c) => c.commandId)))
    const generated = Seeds.all.flatMap((s) => all(scaledOf(s)).filter((c) => !narrative.has(c.commandId)))
    expect(generated.length).toBe(514 * 2 + 514 + 29_998)
    expect(generated.every((c) => c.commandId.includes("-scale-"))).toBe(true)
  })

  describe("hoan-kiem-2025: 517 grassroots unions, 35,829 members, 38,025 workers", () => {
    const seed = Seeds.hoanKiem2025
    const scaled = scaledOf(seed)
    const units = scaled.directory.map(raw).filter((c) => c._tag === "RegisterOrganization" && c.level === "grassroots")

    it("registers 517 grassroots unions under LĐLĐ quận Hoàn Kiếm", () => {
      expect(units).toHaveLength(517)
      expect(units.every((u) => u.parentId === "ldld-hoan-kiem")).toBe(true)
      const f = folded(seed)
      const under = [...Directory.organizations(f.directory)].filter(
        (o) =>
          o.level === "grassroots" &&
          Directory.isWithin(f.directory, "ldld-hoan-kiem" as Ids.OrganizationId, o.id, LocalDate.make("2025-01-01"))
      )
      expect(under).toHaveLength(517)
    })

    it("whose members and workers sum to the article's figures, the district's own", () => {
      expect(units.reduce((n, u) => n + (u.members ?? 0), 0)).toBe(35_829)
      expect(units.reduce((n, u) => n + (u.workers ?? 0), 0)).toBe(38_025)
      expect(units.every((u) => (u.members ?? 0) <= (u.workers ?? 0))).toBe(true)
      const district = Directory.organization(folded(seed).directory, "ldld-hoan-kiem")
      expect([district?.members, district?.workers]).toEqual([35_829, 38_025])
    })

    it("generates only what the totals need: one registration, one move and one enrolment per unit", () => {
      expect(scaled.directory.length - seed.directory.length).toBe(514 * 2)
      expect(scaled.campaign.length - seed.campaign.length).toBe(514)
      expect(units.filter((u) => u.organizationId?.startsWith("hk2025-cdcs-"))[0]?.organizationId).toBe(
        "hk2025-cdcs-0001"
      )
    })

    it("enrols every unit, and the participation read model counts the article's members", () => {
      const f = folded(seed)
      expect(f.events.filter((e) => e._tag === "ParticipantEnrolled")).toHaveLength(517)
      const state = project(Participation.projection, seed, f)
      const enrolment = Participation.enrolment(state, "hoan-kiem-2025")
      expect(enrolment).toMatchObject({
        enrolled: 517,
        eligible: 517,
        members: { enrolled: 35_829, eligible: 35_829 },
        notEnrolled: []
      })
      const coverage = Participation.coverage(state, "hoan-kiem-2025")
      expect(coverage?.levels.map((l) => [l.level, l.eligible])).toEqual([["grassroots", 517]])
    })

    it("moves every unit to LĐLĐ thành phố Hà Nội on 1/7/2025, but the dissolved one", () => {
      const d = folded(seed).directory
      const parents = units.map((u) => {
        const o = Directory.organization(d, u.organizationId ?? "")
        return o === undefined || o.validTo !== undefined
          ? "ended"
          : Directory.parentOn(o, LocalDate.make("2025-07-01"))
      })
      expect(parents.filter((p) => p === "ldld-ha-noi")).toHaveLength(516)
      expect(parents.filter((p) => p === "ended")).toHaveLength(1)
    })
  })

  describe("ha-noi-90-days-2019: 30,000 initiatives worth 900 billion VND, five works plaqued", () => {
    const seed = Seeds.hanoiPeak2019
    const records = () =>
      scaledOf(seed)
        .campaign.map(raw)
        .filter((c) => c._tag === "RecordInitiative")

    it("records 30,000 initiatives besides the works, worth exactly 900,000,000,000 VND", () => {
      const initiatives = records().filter((c) => c.kind !== "work")
      expect(initiatives).toHaveLength(30_000)
      expect(initiatives.reduce((n, c) => n + (c.benefitVnd ?? 0), 0)).toBe(900_000_000_000)
      expect(new Set(initiatives.map((c) => c.kind))).toEqual(new Set(["initiative", "solution", "research"]))
    })

    it("plaques the five works of the narrative", () => {
      const f = folded(seed)
      expect(records().filter((c) => c.kind === "work")).toHaveLength(5)
      expect(f.events.filter((e) => e._tag === "WorkPlaqued")).toHaveLength(5)
    })

    it("spreads them over every day of the peak phase from the first enrolment, and over the three units", () => {
      const generated = records().filter((c) => c.commandId.includes("-scale-"))
      expect(generated).toHaveLength(29_998)
      const days = new Set(generated.map((c) => c.at))
      expect(days.size).toBe(87)
      expect([...days].sort()[0]).toBe("2019-05-03")
      expect([...days].sort().at(-1)).toBe("2019-07-28")
      expect(generated.every((c) => c.phaseId === "cao-diem-90-ngay")).toBe(true)
      const byUnit = new Map<string, number>()
      for (const c of generated) byUnit.set(c.unitId ?? "", (byUnit.get(c.unitId ?? "") ?? 0) + 1)
      expect([...byUnit.keys()].sort()).toEqual(["cd-phuong-cau-dien", "cd-phuong-my-dinh-2", "cdcs-trung-thanh"])
      for (const n of byUnit.values()) expect(n).toBeGreaterThan(9_000)
    })

    it("gives the initiative ledger the article's benefit and the five plaques", () => {
      const ledger = project(InitiativeLedger.projection, seed, folded(seed))
      const totals = InitiativeLedger.totals(ledger)
      expect([totals.count, totals.benefitVnd, totals.plaqued]).toEqual([30_005, 900_000_000_000, 5])
      expect(InitiativeLedger.totalsOf(ledger, "kind", "work").count).toBe(5)
    })
  })

  describe("the seeds whose articles give no total beyond the narrative", () => {
    for (const seed of [Seeds.hoangMai2020, Seeds.phucTho2024, Seeds.namTuLiem2021])
      it(`${seed.name} at scale is its narrative`, () => {
        const scaled = scaledOf(seed)
        expect(scaled.directory).toBe(seed.directory)
        expect(scaled.campaign).toBe(seed.campaign)
      })
  })
})

describe("Seed.facts, written from the articles", () => {
  it("are the article's numbers", () => {
    expect(Seeds.hoanKiem2025.facts.organizations).toMatchObject({ grassroots: 517, members: 35_829, workers: 38_025 })
    expect(Seeds.hanoiPeak2019.facts.initiatives).toMatchObject({
      count: 30_000,
      benefitVnd: 900_000_000_000,
      plaqued: 5,
      moreThan: true
    })
    expect(Seeds.hoangMai2020.facts.sectors.map((s) => [s.sector, s.contents, s.statedBy])).toEqual([
      ["enterprise", 6, "article"],
      ["administrative", 3, "article"]
    ])
    expect(Seeds.hoangMai2020.facts.pilotUnit?.organizationId).toBe("cdcs-trung-thanh")
    expect(Seeds.namTuLiem2021.facts.pilotUnit?.organizationId).toBe("cd-phuong-cau-dien")
    expect(Seeds.hanoiPeak2019.facts.figures.map((f) => f.value)).toEqual([1, 0.9, 95, 90, 5])
  })

  it("name the awards: Nam Từ Liêm's Bằng khen of the Confederation for 2020, presented by the district chair", () => {
    expect(Seeds.namTuLiem2021.facts.awards).toEqual([
      expect.objectContaining({
        kind: "bang-khen-cap-tinh",
        year: 2020,
        recipient: { organizationId: "cd-phuong-cau-dien", name: "Công đoàn phường Cầu Diễn" },
        grantedBy: { organizationId: null, name: "Tổng Liên đoàn Lao động Việt Nam" },
        presentedBy: expect.objectContaining({
          organizationId: "ldld-nam-tu-liem",
          person: "Lê Thị Kim Điệp, Chủ tịch"
        })
      })
    ])
    expect(Seeds.hoanKiem2025.facts.awards.map((a) => [a.kind, a.year, a.recipient.organizationId])).toEqual([
      ["co-thi-dua-ldld", 2024, "ldld-hoan-kiem"]
    ])
    expect(Seeds.hoangMai2020.facts.awards).toEqual([])
    expect(Seeds.phucTho2024.facts.awards).toEqual([])
  })

  it("leave out what the article does not count: Phúc Thọ's clusters", () => {
    expect(Seeds.phucTho2024.facts.clusters).toMatchObject({ covenantsAtLaunch: true })
    expect(Seeds.phucTho2024.facts.clusters?.count).toBeUndefined()
    expect(Seeds.phucTho2024.facts.clusters?.units).toBeUndefined()
    for (const seed of [Seeds.hoangMai2020, Seeds.phucTho2024, Seeds.namTuLiem2021, Seeds.hanoiPeak2019])
      expect(seed.facts.organizations.members).toBeUndefined()
  })

  for (const seed of Seeds.all)
    it(`${seed.name}: agree with the seed's own commands`, () => {
      const campaign = seed.campaign.map(raw)
      const names = new Map(
        seed.directory
          .map(raw)
          .filter((c) => c._tag === "RegisterOrganization")
          .map((c) => [c.organizationId, c.name])
      )
      const plan = campaign.find((c) => c._tag === "PlanCampaign")
      const launch = campaign.find((c) => c._tag === "LaunchCampaign")
      const { facts } = seed
      expect(facts.issuer.organizationId).toBe(plan?.issuerId)
      expect(facts.issuer.name).toBe(names.get(facts.issuer.organizationId))
      expect(facts.pilotUnit?.organizationId).toBe(launch?.pilotUnitId)
      if (facts.pilotUnit !== null) expect(facts.pilotUnit.name).toBe(names.get(facts.pilotUnit.organizationId))
      expect(facts.phases.map((p) => [p.name, p.start, p.end, p.theme])).toEqual(
        campaign.filter((c) => c._tag === "SchedulePhase").map((c) => [c.name, c.period?.start, c.period?.end, c.theme])
      )
      expect(facts.sectors.map((s) => [s.sector, s.contents])).toEqual(
        plan?.sectors?.map((s) => [s.sector, s.contents.length])
      )
      for (const a of facts.awards)
        for (const party of [a.recipient, a.grantedBy, a.presentedBy])
          if (party?.organizationId != null) expect(names.get(party.organizationId)).toBe(party.name)
      for (const p of facts.phases) if (p.statedBy === "article") expect(p.quote).toBeDefined()
    })
})
