import { describe, expect, it } from "@effect/vitest"
import { LocalDate, Machine } from "@thidua/core"
import { ReadModelStore } from "@thidua/projections"
import { CommandHandler, EventStore, InMemoryStore } from "@thidua/store"
import { Seeds } from "@thidua/testing"
import { Effect, Layer, ManagedRuntime } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import * as AwardApproval from "../src/AwardApproval.js"
import * as Runner from "../src/Runner.js"
import { type Cmd, send } from "./support.js"

// Hoàng Mai 2020 from the day its Chiến sĩ thi đua cơ sở is proposed (12/1/2021), on a TestClock:
// the people propose and deliberate, the award-approval manager does the rest.
const seed = Seeds.hoangMai2020
const tenantId = seed.tenantId
const campaignId = "hoang-mai-2020"
const cstd = "hm2020-de-nghi-cstd-1"
const trungThanh = "cdcs-trung-thanh"
const hoangMai = "ldld-hoang-mai"
const hanoi = "ldld-ha-noi"

const campaign = seed.campaign as ReadonlyArray<Cmd>
const proposalAt = campaign.findIndex((c) => c._tag === "ProposeNomination" && c.nominationId === cstd)
/** The people's commands of the seed before the nomination: the world it is proposed in. */
const before = campaign.slice(0, proposalAt)
const proposal = campaign[proposalAt]!
const deliberation = campaign.find((c) => c._tag === "HoldDeliberation" && c.nominationId === cstd)!

const layer = Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)
/** 08:00 in Hà Nội on a local day. */
const morningOf = (d: string) => Date.parse(`${d}T01:00:00.000Z`)

let counter = 0
const stamp = (c: Omit<Cmd, "commandId" | "tenantId" | "campaignId">): Cmd =>
  ({ commandId: `t-${++counter}`, tenantId, campaignId, ...c }) as unknown as Cmd

/** The world on 12/1/2021, the manager, and a runner with it alone. */
const world = Effect.gen(function* () {
  yield* TestClock.setTime(morningOf("2021-01-12"))
  const handler = yield* CommandHandler.make({ backoff: 0 })
  for (const c of seed.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
  for (const c of before) yield* send(handler, c)
  const manager = AwardApproval.make()
  const runner = yield* Runner.make({ managers: [manager] })
  yield* runner.tick
  return { handler, manager, runner }
})
type World = Effect.Success<typeof world>

/** The people act on a day: the clock is at 08:00 that day, the runner ticks after. */
const on = (w: World, d: string, ...commands: ReadonlyArray<Cmd>) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(morningOf(d))
    for (const c of commands) yield* send(w.handler, c)
    yield* w.runner.tick
  })

/** The campaign's events about a nomination, as `type@at detail`. */
const trail = (nominationId: string) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const events = yield* store.readStream(tenantId, `campaign:${campaignId}`)
    return events
      .filter(
        (e) =>
          e.data.nominationId === nominationId ||
          (Array.isArray(e.data.nominationIds) && e.data.nominationIds.includes(nominationId))
      )
      .map((e) => {
        const d = e.data as Record<string, unknown>
        switch (e.type) {
          case "NomineesPublished":
            return `NomineesPublished ${d.from}..${d.to}`
          case "NominationDecided":
            return `NominationDecided@${d.at} ${d.outcome}`
          case "NominationSubmitted":
            return `NominationSubmitted@${d.at} ${d.toOrganizationId}`
          case "AwardGranted":
            return `AwardGranted@${d.at} ${d.awardId} by ${d.grantedById}`
          default:
            return `${e.type}@${d.at}`
        }
      })
  })

/** What the tenant's instance recorded about a nomination (its commands, timers and notes). */
const processEvents = (nominationId: string) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const key = AwardApproval.fileKey(campaignId, nominationId)
    const events = yield* store.readStream(tenantId, AwardApproval.streamOf(tenantId))
    const about = (e: (typeof events)[number]): boolean => {
      // Any refusal of the instance counts against every nomination: none is expected.
      if (e.type === "CommandRefused") return true
      const d = e.data as Record<string, unknown>
      const c = d.command as Record<string, unknown> | undefined
      return d.data === undefined
        ? c !== undefined
          ? c.nominationId === nominationId ||
            (Array.isArray(c.nominationIds) && c.nominationIds.includes(nominationId))
          : typeof d.timerId === "string"
            ? d.timerId === `window:${key}`
            : e.type === "InputReceived"
              ? (d.data as Record<string, unknown> | undefined)?.nominationId === nominationId
              : false
        : (d.data as Record<string, unknown>).file === key ||
            (d.data as Record<string, unknown>).nominationId === nominationId
    }
    return events.filter(about)
  })

const statusOf = (w: World, nominationId: string) =>
  Effect.map(
    w.runner.instance(w.manager, tenantId, tenantId),
    (i) => (i.state.files[AwardApproval.fileKey(campaignId, nominationId)] ?? AwardApproval.emptyFile).status
  )

const worker = (n: number) => ({
  _tag: "Member" as const,
  memberId: `trung-thanh-cnld-${String(n).padStart(2, "0")}`,
  organizationId: trungThanh
})

describe("award approval: the machine", () => {
  it("is well formed, and prints", () => {
    expect(Machine.check(AwardApproval.machine)).toEqual([])
    expect(Machine.toMermaid(AwardApproval.machine)).toContain("Publishing --> Deciding: Decide [windowClosed]")
  })
})

describe("award approval drives the Hoàng Mai 2020 nominations (TestClock)", () => {
  it.effect(
    "given the Chiến sĩ thi đua cơ sở proposed and approved 7 of 7, the manager publishes it 13–17/1, decides on 18/1 and grants",
    () =>
      Effect.gen(function* () {
        const w = yield* world
        yield* on(w, "2021-01-12", proposal)
        expect(yield* statusOf(w, cstd)).toBe("Proposed")
        yield* on(w, "2021-01-13", deliberation)
        expect(yield* statusOf(w, cstd)).toBe("Publishing")
        for (const d of ["2021-01-14", "2021-01-15", "2021-01-16", "2021-01-17"]) yield* on(w, d)
        // The window (publicationDays = 5, both ends counted) is still open on 17/1: nothing decided.
        expect(yield* trail(cstd)).toEqual([
          "NominationProposed@2021-01-12",
          "DeliberationHeld@2021-01-13",
          "NomineesPublished 2021-01-13..2021-01-17"
        ])
        yield* on(w, "2021-01-18")
        expect(yield* trail(cstd)).toEqual([
          "NominationProposed@2021-01-12",
          "DeliberationHeld@2021-01-13",
          "NomineesPublished 2021-01-13..2021-01-17",
          "NominationDecided@2021-01-18 achievedAtLevel",
          `AwardGranted@2021-01-18 kt.${cstd} by ${trungThanh}`
        ])
        expect(yield* statusOf(w, cstd)).toBe("Granted")
        const own = yield* processEvents(cstd)
        expect(own.filter((e) => e.type === "CommandRefused")).toEqual([])
        // Each command as the executive of the unit that holds the file.
        expect(
          own
            .filter((e) => e.type === "CommandIssued")
            .map((e) => {
              const c = e.data.command as Cmd
              return `${c._tag} ${JSON.stringify(c.actor)}`
            })
        ).toEqual(
          ["PublishNominees", "DecideNomination", "GrantAward"].map(
            (t) => `${t} ${JSON.stringify({ organizationId: trungThanh, role: "executive" })}`
          )
        )
      }).pipe(Effect.provide(layer))
  )

  it.effect(
    "given the host's command handler, the manager's commands go through it (one lock and one record per tenant)",
    () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(morningOf("2021-01-12"))
        const handler = yield* CommandHandler.make({ backoff: 0 })
        for (const c of seed.directory as ReadonlyArray<Cmd>) yield* send(handler, c)
        for (const c of before) yield* send(handler, c)
        // The host's handler, counting what reaches it from the runner.
        const through: Array<string> = []
        const host: CommandHandler.CommandHandler = {
          ...handler,
          campaign: (command, options) => {
            through.push(command._tag)
            return handler.campaign(command, options)
          }
        }
        const manager = AwardApproval.make()
        const runner = yield* Runner.make({ managers: [manager], handler: host })
        const w = { handler, manager, runner }
        yield* on(w, "2021-01-12", proposal)
        yield* on(w, "2021-01-13", deliberation)
        for (let t = 14; t <= 18; t++) yield* on(w, `2021-01-${t}`)
        expect(through).toEqual(["PublishNominees", "DecideNomination", "GrantAward"])
      }).pipe(Effect.provide(layer))
  )

  it.effect(
    "given the council votes 3 of 7 for it, then it is not achieved on the day and nothing is published or granted",
    () =>
      Effect.gen(function* () {
        const w = yield* world
        yield* on(w, "2021-01-12", proposal)
        yield* on(w, "2021-01-13", { ...deliberation, commandId: "t-failed-vote", votesFor: 3 })
        for (let t = 14; t <= 25; t++) yield* on(w, `2021-01-${t}`)
        expect(yield* trail(cstd)).toEqual([
          "NominationProposed@2021-01-12",
          "DeliberationHeld@2021-01-13",
          "NominationDecided@2021-01-13 notAchieved"
        ])
        expect(yield* statusOf(w, cstd)).toBe("Refused")
      }).pipe(Effect.provide(layer))
  )

  it.effect("given 4 of 7 members present, then the vote does not count and the council meets again", () =>
    Effect.gen(function* () {
      const w = yield* world
      yield* on(w, "2021-01-12", proposal)
      yield* on(w, "2021-01-13", { ...deliberation, commandId: "t-inquorate", present: 4, votesFor: 4 })
      expect(yield* statusOf(w, cstd)).toBe("Deliberated")
      const notes = (yield* processEvents(cstd)).filter((e) => e.type === "ProcessNoted")
      expect(notes.map((e) => [e.data.note, (e.data.data as { code: string }).code])).toEqual([["inquorate", "QUORUM"]])
      yield* on(w, "2021-01-14", { ...deliberation, commandId: "t-quorate", at: "2021-01-14" })
      expect(yield* statusOf(w, cstd)).toBe("Publishing")
    }).pipe(Effect.provide(layer))
  )

  it.effect(
    "given a Công nhân giỏi cấp trên proposed by Trung Thành, then it is escalated to Hoàng Mai, whose council approves and which grants it",
    () =>
      Effect.gen(function* () {
        const w = yield* world
        const id = "hm2020-de-nghi-cng-1"
        // The upper level's Good Worker is chosen among the grassroots ones of the year (E2).
        yield* on(
          w,
          "2021-01-12",
          stamp({
            _tag: "GrantAward",
            actor: { organizationId: trungThanh, role: "executive" },
            at: "2021-01-12",
            awardId: "hm2020-cng-co-so-2",
            recipient: worker(2),
            kind: "cong-nhan-gioi-co-so",
            reason: "Công nhân giỏi cấp cơ sở năm 2020",
            basis: "campaign",
            period: { start: "2020-01-01", end: "2020-12-31" },
            extraordinary: false
          })
        )
        yield* on(
          w,
          "2021-01-12",
          stamp({
            _tag: "ProposeNomination",
            actor: { organizationId: trungThanh, role: "officer" },
            at: "2021-01-12",
            nominationId: id,
            subject: worker(2),
            awardKind: "cong-nhan-gioi-cap-tren",
            basis: "campaign",
            period: { start: "2020-01-01", end: "2020-12-31" }
          })
        )
        const vote = (org: string, at: string, size: number) =>
          stamp({
            _tag: "HoldDeliberation",
            actor: { organizationId: org, role: "council" },
            at,
            nominationId: id,
            present: size,
            votesFor: size,
            councilSize: size
          })
        yield* on(w, "2021-01-13", vote(trungThanh, "2021-01-13", 7))
        expect(yield* trail(id)).toEqual([
          "NominationProposed@2021-01-12",
          "DeliberationHeld@2021-01-13",
          "NominationDecided@2021-01-13 escalated",
          `NominationSubmitted@2021-01-13 ${hoangMai}`
        ])
        expect(yield* statusOf(w, id)).toBe("Submitted")
        yield* on(w, "2021-01-15", vote(hoangMai, "2021-01-15", 9))
        expect((yield* trail(id)).slice(4)).toEqual([
          "DeliberationHeld@2021-01-15",
          "NominationDecided@2021-01-15 achievedAtLevel",
          `AwardGranted@2021-01-15 kt.${id} by ${hoangMai}`
        ])
        expect(yield* statusOf(w, id)).toBe("Granted")
      }).pipe(Effect.provide(layer))
  )
})

// ---------------------------------------------------------------------------------------------
// The model: written from the rule statements (DOMAIN.md (c), (d); Rulebook R2003), not from the
// manager or core's guards.
//
// - Quorum: a meeting counts when at least two thirds of the council are present.
// - T7: passed when at least half of the whole council votes for it (R2003 asks 90 % only for the
//   provincial and national fighters, which are not proposed here).
// - A4: nominees for the state's awards (here the Giấy khen) are published for 5 days from the
//   day of the deliberation, both counted, and decided on the first day after.
// - A1 (§ (c)): Giấy khen by a grassroots or upper level; Công nhân giỏi cơ sở by the grassroots
//   union, cấp trên by the upper level; the Bằng khen of the city federation by the federation.
// - A2: a level that may not grant it sends it to its direct parent, whose council deliberates.
// - The Good Worker of the upper level is not proposed here: it goes only to a grassroots Good
//   Worker of the year (E2), which the example above shows; the Bằng khen of the city federation
//   climbs two levels, so escalation stays covered.

type Level = "grassroots" | "upper" | "federation"
const levels: Record<string, Level> = { [trungThanh]: "grassroots", [hoangMai]: "upper", [hanoi]: "federation" }
const parents: Record<string, string | undefined> = { [trungThanh]: hoangMai, [hoangMai]: hanoi, [hanoi]: undefined }
const kinds = {
  "giay-khen": { grantedBy: ["grassroots", "upper"], published: true },
  "cong-nhan-gioi-co-so": { grantedBy: ["grassroots"], published: false },
  "cong-nhan-gioi-cap-tren": { grantedBy: ["upper"], published: false },
  "bang-khen-ldld": { grantedBy: ["federation"], published: false }
} as const satisfies Record<string, { grantedBy: ReadonlyArray<Level>; published: boolean }>
type Kind = keyof typeof kinds

interface Nom {
  readonly id: string
  readonly kind: Kind
  holder: string
  status: "Proposed" | "Deliberated" | "Publishing" | "Submitted" | "Granted" | "Refused"
  published?: { readonly from: string; readonly to: string }
  /** `outcome@day`, in order. */
  readonly decisions: Array<string>
  grants: number
}
interface Model {
  today: string
  readonly noms: Array<Nom>
}
interface Real {
  readonly run: <A, E>(effect: Effect.Effect<A, E, EventStore.EventStore>) => Promise<A>
  readonly w: World
}

const addDays = (d: string, n: number) => LocalDate.addDays(LocalDate.make(d), n)
const awaiting = (m: Readonly<Model>) =>
  m.noms.filter((n) => n.status === "Proposed" || n.status === "Deliberated" || n.status === "Submitted")

/** The decision the rules call for on a passed vote (or the end of the comment window). */
const resolve = (n: Nom, today: string) => {
  if ((kinds[n.kind].grantedBy as ReadonlyArray<Level>).includes(levels[n.holder]!)) {
    n.decisions.push(`achievedAtLevel@${today}`)
    n.grants++
    n.status = "Granted"
  } else {
    n.decisions.push(`escalated@${today}`)
    n.holder = parents[n.holder]!
    n.status = "Submitted"
  }
}

class Propose implements fc.AsyncCommand<Model, Real> {
  constructor(readonly kind: Kind) {}
  check(m: Readonly<Model>) {
    return m.noms.length < 6
  }
  async run(m: Model, r: Real) {
    const id = `mb-${m.noms.length + 1}`
    await r.run(
      on(
        r.w,
        m.today,
        stamp({
          _tag: "ProposeNomination",
          actor: { organizationId: trungThanh, role: "officer" },
          at: m.today,
          nominationId: id,
          // One subject each: U1 is not what this model is about.
          subject: worker(20 + m.noms.length),
          awardKind: this.kind,
          basis: "campaign",
          period: { start: "2020-01-01", end: "2020-12-31" }
        })
      )
    )
    m.noms.push({ id, kind: this.kind, holder: trungThanh, status: "Proposed", decisions: [], grants: 0 })
    await compare(m, r)
  }
  toString() {
    return `propose ${this.kind}`
  }
}

class Deliberate implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly k: number,
    readonly size: number,
    readonly present: number,
    readonly votesFor: number
  ) {}
  check(m: Readonly<Model>) {
    return awaiting(m).length > 0
  }
  async run(m: Model, r: Real) {
    const list = awaiting(m)
    const n = list[this.k % list.length]!
    await r.run(
      on(
        r.w,
        m.today,
        stamp({
          _tag: "HoldDeliberation",
          actor: { organizationId: n.holder, role: "council" },
          at: m.today,
          nominationId: n.id,
          present: this.present,
          votesFor: this.votesFor,
          councilSize: this.size
        })
      )
    )
    if (3 * this.present < 2 * this.size) n.status = "Deliberated"
    else if (2 * this.votesFor < this.size) {
      n.decisions.push(`notAchieved@${m.today}`)
      n.status = "Refused"
    } else if (kinds[n.kind].published && n.published === undefined) {
      n.published = { from: m.today, to: addDays(m.today, 4) }
      n.status = "Publishing"
    } else resolve(n, m.today)
    await compare(m, r)
  }
  toString() {
    return `deliberate #${this.k} (${this.votesFor} for, ${this.present} present, council of ${this.size})`
  }
}

class AdvanceDays implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check() {
    return true
  }
  async run(m: Model, r: Real) {
    m.today = addDays(m.today, this.days)
    await r.run(on(r.w, m.today))
    for (const n of m.noms) if (n.status === "Publishing" && m.today > n.published!.to) resolve(n, m.today)
    await compare(m, r)
  }
  toString() {
    return `advance ${this.days} day(s)`
  }
}

/** The real campaign events and process streams against the model, nomination by nomination. */
const compare = async (m: Model, r: Real) => {
  for (const n of m.noms) {
    const events = await r.run(trail(n.id))
    expect({ id: n.id, decisions: events.filter((e) => e.startsWith("NominationDecided")) }).toEqual({
      id: n.id,
      decisions: n.decisions.map((d) => {
        const [outcome, at] = d.split("@")
        return `NominationDecided@${at} ${outcome}`
      })
    })
    const grants = events.filter((e) => e.startsWith("AwardGranted"))
    expect(grants.length).toBe(n.grants)
    expect(grants.length).toBeLessThanOrEqual(1)
    expect(events.filter((e) => e.startsWith("NomineesPublished"))).toEqual(
      n.published === undefined ? [] : [`NomineesPublished ${n.published.from}..${n.published.to}`]
    )
    expect({ id: n.id, status: await r.run(statusOf(r.w, n.id)) }).toEqual({ id: n.id, status: n.status })
    const refused = (await r.run(processEvents(n.id))).filter((e) => e.type === "CommandRefused")
    expect(refused.map((e) => e.data.code)).toEqual([])
  }
}

// Presence and votes are drawn around the thresholds (two thirds present, half the council for),
// where a wrong threshold shows.
const deliberate = fc
  .record({
    k: fc.nat({ max: 5 }),
    size: fc.integer({ min: 3, max: 11 }),
    presence: fc.oneof(
      { arbitrary: fc.constant(99), weight: 3 },
      { arbitrary: fc.integer({ min: -2, max: 2 }), weight: 1 }
    ),
    margin: fc.oneof(
      { arbitrary: fc.constant(99), weight: 1 },
      { arbitrary: fc.integer({ min: -2, max: 2 }), weight: 2 }
    )
  })
  .map(({ k, size, presence, margin }) => {
    const present = Math.min(size, Math.max(0, Math.ceil((2 * size) / 3) + presence))
    return new Deliberate(k, size, present, Math.min(present, Math.max(0, Math.ceil(size / 2) + margin)))
  })

const commands = fc.commands(
  [
    fc.constantFrom<Kind>("giay-khen", "cong-nhan-gioi-co-so", "bang-khen-ldld").map((k) => new Propose(k)),
    deliberate,
    deliberate,
    fc.integer({ min: 1, max: 7 }).map((n) => new AdvanceDays(n))
  ],
  { maxCommands: 20 }
)

describe("award approval against a model of the rules (fc.commands)", () => {
  it("decides each nomination as the rules say, publishes state awards first, and grants each at most once", async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const runtime = ManagedRuntime.make(Layer.mergeAll(layer, TestClock.layer()))
        try {
          const w = await runtime.runPromise(world)
          const real: Real = { run: (effect) => runtime.runPromise(effect), w }
          await fc.asyncModelRun(() => ({ model: { today: "2021-01-12", noms: [] }, real }), cmds)
        } finally {
          await runtime.dispose()
        }
      }),
      { numRuns: 40 }
    )
  })
})
