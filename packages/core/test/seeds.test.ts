import { describe, expect, it } from "@effect/vitest"
import { Seeds } from "@thidua/testing"
import { Result } from "effect"
import { Campaign, Command, Directory, type Event, type Ids, LocalDate, Organization, Rulebook } from "../src/index.js"

interface Replay {
  readonly directory: Directory.State
  readonly state: Campaign.State
  readonly events: ReadonlyArray<Event.CampaignEvent>
  /** The first command that did not decode or was refused, described; `undefined` when all were accepted. */
  readonly refusal: string | undefined
}

interface Raw {
  readonly _tag?: unknown
  readonly commandId?: unknown
  readonly tenantId?: unknown
  readonly campaignId?: unknown
  readonly at?: unknown
  readonly actor?: { readonly organizationId?: unknown }
}

const raw = (u: unknown): Raw => (typeof u === "object" && u !== null ? (u as Raw) : {})

const refused = (where: string, i: number, command: unknown, code: string, message: string): string =>
  `${where} command #${i} (${String(raw(command)._tag)}) refused: ${code}: ${message}`

/** Decodes and folds a seed's directory, then its campaign, stopping at the first refusal. */
const replay = (seed: Seeds.Seed): Replay => {
  let directory = Directory.initialFor(seed.tenantId as Ids.TenantId)
  let state = Campaign.initialState
  const events: Array<Event.CampaignEvent> = []
  const stop = (refusal: string): Replay => ({ directory, state, events, refusal })

  for (const [i, input] of seed.directory.entries()) {
    const decoded = Command.decodeDirectory(input)
    if (Result.isFailure(decoded))
      return stop(refused("directory", i, input, "CommandDecodeError", decoded.failure.message))
    const decision = Directory.decide(directory, decoded.success)
    if (Result.isFailure(decision))
      return stop(refused("directory", i, input, decision.failure.code, decision.failure.messages.en))
    for (const e of decision.success) directory = Directory.evolve(directory, e)
  }

  const context = { directory, rulebook: Rulebook.standard }
  for (const [i, input] of seed.campaign.entries()) {
    const decoded = Command.decodeCampaign(input)
    if (Result.isFailure(decoded))
      return stop(refused("campaign", i, input, "CommandDecodeError", decoded.failure.message))
    const decision = Campaign.decide(state, decoded.success, context)
    if (Result.isFailure(decision))
      return stop(refused("campaign", i, input, decision.failure.code, decision.failure.messages.en))
    for (const e of decision.success) {
      state = Campaign.evolve(state, e)
      events.push(e)
    }
  }
  return { directory, state, events, refusal: undefined }
}

const replays = new Map<string, Replay>()
const replayed = (seed: Seeds.Seed): Replay => {
  const known = replays.get(seed.name)
  if (known !== undefined) return known
  const r = replay(seed)
  replays.set(seed.name, r)
  return r
}

const ofTag = <T extends Event.CampaignEvent["_tag"]>(r: Replay, tag: T) =>
  r.events.filter((e): e is Extract<Event.CampaignEvent, { _tag: T }> => e._tag === tag)

const awardsOf = (r: Replay) => ofTag(r, "AwardGranted")
const countKinds = (r: Replay): Record<string, number> => {
  const counts: Record<string, number> = {}
  for (const a of awardsOf(r)) counts[a.kind] = (counts[a.kind] ?? 0) + 1
  return counts
}
const phasesOf = (r: Replay) => r.state.phases.map((p) => [p.id, p.kind, p.start, p.end])
const days = (p: { readonly start: string; readonly end: string }): number =>
  (Date.parse(`${p.end}T00:00:00Z`) - Date.parse(`${p.start}T00:00:00Z`)) / 86_400_000 + 1

describe("seed campaigns", () => {
  it("are the five source articles, in order", () => {
    expect(Seeds.all.map((s) => s.source)).toEqual([
      "000_b6a55d5eb6fd242a.txt",
      "001_ef2e1db0822d2fbd.txt",
      "002_e82909285ce8441c.txt",
      "003_09e435ed94fc720a.txt",
      "004_2c66f2228d63e6f0.txt"
    ])
    expect(new Set(Seeds.all.map((s) => s.name)).size).toBe(5)
    expect(new Set(Seeds.all.map((s) => s.tenantId)).size).toBe(5)
  })

  it("give every command an id of its own, across all seeds", () => {
    const ids = Seeds.all.flatMap((s) => [...s.directory, ...s.campaign].map((c) => raw(c).commandId))
    expect(new Set(ids).size).toBe(ids.length)
  })

  for (const seed of Seeds.all) {
    describe(seed.name, () => {
      it("is described", () => {
        expect(seed.title.length).toBeGreaterThan(0)
        expect(seed.summary.split(/\.\s/).length).toBeGreaterThanOrEqual(2)
      })

      it("decodes every command", () => {
        const failures = [
          ...seed.directory.flatMap((c, i) => {
            const r = Command.decodeDirectory(c)
            return Result.isFailure(r) ? [`directory #${i} (${String(raw(c)._tag)}): ${r.failure.message}`] : []
          }),
          ...seed.campaign.flatMap((c, i) => {
            const r = Command.decodeCampaign(c)
            return Result.isFailure(r) ? [`campaign #${i} (${String(raw(c)._tag)}): ${r.failure.message}`] : []
          })
        ]
        expect(failures).toEqual([])
      })

      it("keeps one tenant, one campaign and the order of days", () => {
        const all = [...seed.directory, ...seed.campaign].map(raw)
        expect(all.every((c) => c.tenantId === seed.tenantId)).toBe(true)
        const campaign = seed.campaign.map(raw)
        expect(new Set(campaign.map((c) => c.campaignId)).size).toBe(1)
        expect(campaign[0]?._tag).toBe("PlanCampaign")
        expect(campaign.at(-1)?._tag).toBe("CloseCampaign")
        for (const list of [seed.directory.map(raw), campaign])
          list.forEach((c, i) => {
            const before = list[i - 1]
            if (before !== undefined)
              expect(String(c.at) >= String(before.at), `#${i} (${String(c._tag)}) on ${String(c.at)}`).toBe(true)
          })
      })

      it("is accepted command by command and ends closed", () => {
        const r = replayed(seed)
        expect(r.refusal, r.refusal).toBeUndefined()
        expect(r.events.length).toBeGreaterThanOrEqual(seed.campaign.length)
        expect(r.state.status).toBe("Closed")
      })
    })
  }

  describe("hoang-mai-2020: two phases, a pilot launch at Trung Thành", () => {
    const r = replayed(Seeds.hoangMai2020)

    it("is launched on the day of the article at its pilot unit, under R2003", () => {
      expect(ofTag(r, "CampaignLaunched")).toEqual([
        { _tag: "CampaignLaunched", at: "2020-01-02", pilotUnitId: "cdcs-trung-thanh" }
      ])
      expect(r.state.pilotUnitId).toBe("cdcs-trung-thanh")
      expect(r.state.plan?.regime).toBe("R2003")
    })

    it("sets six enterprise contents and three administrative ones", () => {
      expect(r.state.plan?.sectors.map((s) => [s.sector, s.contents.length])).toEqual([
        ["enterprise", 6],
        ["administrative", 3]
      ])
    })

    it("runs Đợt 1 and Đợt 2 with their themes", () => {
      expect(phasesOf(r)).toEqual([
        ["dot-1", "regular", "2020-01-01", "2020-06-30"],
        ["dot-2", "regular", "2020-07-01", "2020-12-31"]
      ])
      expect(ofTag(r, "PhaseScheduled")[0]?.theme).toBe("Mừng Đảng quang vinh – Mừng sinh nhật Bác")
      expect(r.state.phases.map((p) => p.status)).toEqual(["Reviewed", "Closed"])
    })

    it("grants twelve awards, one Grassroots Emulation Fighter among eight Advanced Workers (T3, T4)", () => {
      expect(awardsOf(r)).toHaveLength(12)
      expect(countKinds(r)).toMatchObject({ "lao-dong-tien-tien": 8, "chien-si-thi-dua-co-so": 1, "giay-khen": 1 })
      const key = (s: Organization.Subject | undefined) => (s === undefined ? "" : Organization.subjectKey(s))
      const fighter = key(awardsOf(r).find((a) => a.kind === "chien-si-thi-dua-co-so")?.recipient)
      expect(awardsOf(r).some((a) => a.kind === "lao-dong-tien-tien" && key(a.recipient) === fighter)).toBe(true)
      expect(awardsOf(r).find((a) => a.kind === "chien-si-thi-dua-co-so")?.nominationId).toBe("hm2020-de-nghi-cstd-1")
    })
  })

  describe("phuc-tho-2024: the clusters sign their covenants at the launch", () => {
    const r = replayed(Seeds.phucTho2024)

    it("is judged under R2024, without a pilot unit", () => {
      expect(r.state.plan?.regime).toBe("R2024")
      expect(r.state.pilotUnitId).toBeUndefined()
    })

    it("runs Đợt 1 to 31/7 and Đợt 2 from 1/8", () => {
      expect(phasesOf(r)).toEqual([
        ["dot-1", "regular", "2024-01-01", "2024-07-31"],
        ["dot-2", "regular", "2024-08-01", "2024-12-31"]
      ])
    })

    it("has every cluster sign one covenant on the day of the launch", () => {
      const launchedAt = ofTag(r, "CampaignLaunched")[0]?.at
      const covenants = ofTag(r, "PledgeSigned").filter((p) => p.kind === "covenant")
      expect(covenants.map((p) => p.clusterId)).toEqual([
        "phuc-tho-2024-cum-1",
        "phuc-tho-2024-cum-2",
        "phuc-tho-2024-cum-3"
      ])
      expect(covenants.every((p) => p.at === launchedAt)).toBe(true)
      expect(ofTag(r, "ParticipantEnrolled").every((p) => p.clusterId !== undefined)).toBe(true)
    })

    it("grants eight awards, the city's emulation flag to a cluster leader after a nomination sent up", () => {
      expect(awardsOf(r)).toHaveLength(8)
      const flag = awardsOf(r).find((a) => a.kind === "co-thi-dua-ldld")
      expect(flag?.grantedById).toBe("ldld-ha-noi")
      expect(ofTag(r, "NominationSubmitted").map((s) => s.toOrganizationId)).toEqual(["ldld-ha-noi"])
    })
  })

  describe("ha-noi-90-days-2019: the 90-day peak drive", () => {
    const r = replayed(Seeds.hanoiPeak2019)

    it("is a thematic campaign of one peak phase of 90 days, ending on 28/7/2019, under R2003", () => {
      expect(r.state.plan?.form).toBe("thematic")
      expect(r.state.plan?.regime).toBe("R2003")
      expect(phasesOf(r)).toEqual([["cao-diem-90-ngay", "peak", "2019-04-30", "2019-07-28"]])
      const period = r.state.plan?.period
      expect(period && days(period)).toBe(90)
      expect(LocalDate.addDays(LocalDate.make("2019-04-30"), 89)).toBe("2019-07-28")
    })

    it("plaques five works, by the city federation", () => {
      const plaques = ofTag(r, "WorkPlaqued")
      expect(plaques).toHaveLength(5)
      expect(plaques.every((p) => p.grantedById === "ldld-ha-noi")).toBe(true)
    })

    it("records the article's totals in the final review", () => {
      const notes = ofTag(r, "FinalReviewHeld")[0]?.notes ?? ""
      expect(notes).toContain("hơn 30 nghìn")
      expect(notes).toContain("trên 900 tỷ đồng")
      expect(notes).toContain("95 Mái ấm Công đoàn")
    })

    it("grants five awards, two Certificates of Merit of the city federation", () => {
      expect(awardsOf(r)).toHaveLength(5)
      expect(countKinds(r)).toEqual({ "giay-khen": 3, "bang-khen-ldld": 2 })
    })
  })

  describe("nam-tu-liem-2021: the pilot launch at Công đoàn phường Cầu Diễn", () => {
    const r = replayed(Seeds.namTuLiem2021)

    it("is launched on 22/01/2021 at Cầu Diễn, under R2003", () => {
      expect(ofTag(r, "CampaignLaunched")).toEqual([
        { _tag: "CampaignLaunched", at: "2021-01-22", pilotUnitId: "cd-phuong-cau-dien" }
      ])
      expect(r.state.plan?.regime).toBe("R2003")
    })

    it("sets the three contents of the administrative sector", () => {
      expect(r.state.plan?.sectors.map((s) => [s.sector, s.contents.length])).toEqual([["administrative", 3]])
    })

    it("runs Đợt 1 to 31/5 and Đợt 2 to 30/11", () => {
      expect(phasesOf(r)).toEqual([
        ["dot-1", "regular", "2021-01-01", "2021-05-31"],
        ["dot-2", "regular", "2021-06-01", "2021-11-30"]
      ])
    })

    it("grants six awards and replicates the pilot unit's example", () => {
      expect(awardsOf(r)).toHaveLength(6)
      expect(countKinds(r)).toMatchObject({ "doan-vien-cong-doan-xuat-sac": 3, "bang-khen-cap-tinh": 1 })
      expect(ofTag(r, "ExemplarReplicated").map((e) => e.subject)).toEqual([
        { _tag: "Unit", organizationId: "cd-phuong-cau-dien" }
      ])
    })
  })

  describe("hoan-kiem-2025: the district federation ends on 30/6/2025", () => {
    const seed = Seeds.hoanKiem2025
    const r = replayed(seed)

    it("registers the district with its members and workers", () => {
      const district = Directory.organization(r.directory, "ldld-hoan-kiem")
      expect(district?.members).toBe(35_829)
      expect(district?.workers).toBe(38_025)
      expect(district?.validTo).toBe("2025-06-30")
      expect(district?.successorId).toBe("ldld-ha-noi")
    })

    it("moves the district's enterprise unions to the city federation from 1/7/2025", () => {
      const unit = Directory.organization(r.directory, "cdcs-doanh-nghiep-hoan-kiem-1")
      expect(unit && Directory.parentOn(unit, LocalDate.make("2025-06-30"))).toBe("ldld-hoan-kiem")
      expect(unit && Directory.parentOn(unit, LocalDate.make("2025-07-01"))).toBe("ldld-ha-noi")
    })

    it("runs two regular phases and a peak phase inside Đợt 2, under R2024", () => {
      expect(r.state.plan?.regime).toBe("R2024")
      expect(phasesOf(r)).toEqual([
        ["dot-1", "regular", "2025-01-01", "2025-06-30"],
        ["dot-2", "regular", "2025-07-01", "2025-12-31"],
        ["cao-diem-80-nam", "peak", "2025-07-01", "2025-09-02"]
      ])
    })

    it("is carried by the city federation after the reform", () => {
      const after = seed.campaign.map(raw).filter((c) => String(c.at) >= "2025-07-01")
      expect(after.length).toBeGreaterThan(0)
      expect(after.some((c) => c.actor?.organizationId === "ldld-hoan-kiem")).toBe(false)
      expect(ofTag(r, "WorkPlaqued").map((p) => p.grantedById)).toEqual(["ldld-ha-noi"])
    })

    it("grants the two Đợt 1 awards only", () => {
      expect(awardsOf(r).map((a) => [a.kind, a.basis, a.at])).toEqual([
        ["giay-khen", "phase", "2025-06-30"],
        ["giay-khen", "phase", "2025-06-30"]
      ])
    })
  })
})
