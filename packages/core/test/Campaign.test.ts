import { describe, expect, it } from "@effect/vitest"
import { Campaign, Command, Decider, Event, Rulebook, Upcast } from "@thidua/core"
import { Arbitraries, History, Scenario } from "@thidua/testing"
import { HashMap, Result, Schema } from "effect"
import fc from "fast-check"
import { accepted, forAllHistories } from "./support.js"

describe("decide and evolve", () => {
  it("evolve is total over valid histories and decide never throws, whatever command arrives in any reachable state", () =>
    fc.assert(
      fc.property(
        History.campaign({ noise: 0.3, maxSteps: 80 }),
        fc.array(Arbitraries.campaignCommand, { maxLength: 10 }),
        (h, strangers) => {
          const folded = Decider.fold(Campaign.decider(h.context), h.events)
          expect(folded.status).toBe(h.final.status)
          for (const s of h.steps)
            for (const c of strangers) {
              const r = Campaign.decide(s.after, c, h.context)
              expect(Result.isSuccess(r) || Result.isFailure(r)).toBe(true)
            }
        }
      ),
      { numRuns: 60 }
    ))

  it("refusals change nothing: the state after a refused command is the state before", () =>
    forAllHistories((h) => {
      for (const s of h.steps) if (Result.isFailure(s.result)) expect(s.after).toBe(s.before)
    }))
})

describe("idempotency by command id", () => {
  it("a command sent again returns the events it produced then and appends nothing", () =>
    forAllHistories((h) => {
      const decider = Campaign.decider(h.context)
      let tracked = Decider.track<Campaign.State, Event.CampaignEvent>(Campaign.initialState)
      for (const s of accepted(h)) {
        const first = Decider.handle(decider, tracked, s.command)
        expect(Result.isSuccess(first) && first.success.duplicate).toBe(false)
        tracked = Decider.evolveTracked(decider, tracked, s.command.commandId, s.events)
        const again = Decider.handle(decider, tracked, s.command)
        expect(Result.isSuccess(again) && again.success).toEqual({ events: s.events, duplicate: true })
      }
      expect(tracked.version).toBe(h.events.length)
      expect(HashMap.size(tracked.handled)).toBe(accepted(h).filter((s) => s.events.length > 0).length)
    }, 60))
})

describe("round trips", () => {
  it("every event encodes and decodes to itself, and reads back through Upcast at its version", () =>
    fc.assert(
      fc.property(Arbitraries.domainEvent, (e) => {
        const json = JSON.parse(JSON.stringify(Schema.encodeSync(Event.DomainEvent)(e)))
        expect(Schema.decodeUnknownSync(Event.DomainEvent)(json)).toEqual(e)
        const { _tag, ...payload } = json
        expect(Result.getOrThrow(Upcast.decode(_tag, Event.versions[e._tag], payload))).toEqual(e)
      }),
      { numRuns: 1000 }
    ))

  it("every command encodes and decodes to itself", () =>
    fc.assert(
      fc.property(Arbitraries.domainCommand, (c) => {
        const json = JSON.parse(JSON.stringify(Schema.encodeSync(Command.DomainCommand)(c)))
        expect(Result.getOrThrow(Command.decode(json))).toEqual(c)
      }),
      { numRuns: 1000 }
    ))
})

describe("bad input", () => {
  it("10,000 random JSON values give typed errors, never exceptions", () => {
    let refused = 0
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = Command.decode(json)
        if (Result.isFailure(r)) {
          expect(r.failure._tag).toBe("CommandDecodeError")
          expect(typeof r.failure.path).toBe("string")
          refused++
        }
      }),
      { numRuns: 10_000 }
    )
    expect(refused).toBe(10_000)
  })

  it("commands broken in one field name that field", () =>
    fc.assert(
      fc.property(
        Arbitraries.campaignCommand,
        fc.constantFrom(
          ["at", "2025-02-29"],
          ["at", "31/12/2024"],
          ["commandId", ""],
          ["tenantId", 42],
          ["actor", { organizationId: "x", role: "king" }],
          ["campaignId", null]
        ),
        (c, [field, value]) => {
          const r = Command.decode({ ...c, [field as string]: value })
          expect(Result.isFailure(r) && r.failure.path.startsWith(field as string)).toBe(true)
        }
      ),
      { numRuns: 300 }
    ))

  it("an unknown field is refused, so a typo cannot silently drop data", () => {
    const s = Scenario.make(2020)
    const r = Command.decode({ ...s.launch(), pilotUnitld: "cdcs-trung-thanh" })
    expect(Result.isFailure(r) && r.failure.path).toBe("pilotUnitld")
  })

  it("a VND amount with a fraction, a sign or beyond 2^53 is refused at the edge", () => {
    const s = Scenario.make(2020)
    for (const benefitVnd of [1.5, -1, 2 ** 53, "1000"]) {
      const r = Command.decode({ ...s.record("sk-1", "cdcs-trung-thanh", 0), benefitVnd })
      expect(Result.isFailure(r) && r.failure.path).toBe("benefitVnd")
    }
  })
})

describe("regimes: the same history judged under R2003 and R2024 differs where DOMAIN.md says", () => {
  const asIf2024 = (book: Rulebook.Rulebook): Rulebook.Rulebook => ({
    ...book,
    regimes: book.regimes.map((r) =>
      r.id === "R2003" ? { ...r, params: Rulebook.regime(book, "R2024", r.from).params } : r
    )
  })

  it("the first decision that differs is a T4 quota, a T7 council threshold or the I2 initiative of the grassroots fighter, refused under R2003", () =>
    fc.assert(
      fc.property(
        History.world.filter((w) => w.year === 2020),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 150, size: "max" }),
        (w, choices) => {
          const r2003 = History.run(w, choices)
          const replay = r2003.steps.map((s) => s.command)
          const ctx = { ...r2003.context, rulebook: asIf2024(Rulebook.standard) }
          let state = Campaign.initialState
          for (const [i, command] of replay.entries()) {
            const old = r2003.steps[i]!.result
            const now = Campaign.decide(state, command, ctx)
            if (Result.isSuccess(old) !== Result.isSuccess(now)) {
              // R2003 is the stricter: what it accepts, R2024 accepts too.
              expect(Result.isFailure(old)).toBe(true)
              if (Result.isFailure(old)) {
                const { code, details } = old.failure
                // R2003 asks the grassroots fighter for an initiative; R2024 takes it as one alternative.
                if (code === "I2")
                  expect(details).toMatchObject({ reason: "none-cited", awardKind: "chien-si-thi-dua-co-so" })
                else expect(code).toMatch(/^(T4|T7)$/)
              }
              return
            }
            if (Result.isSuccess(now)) state = now.success.reduce(Campaign.evolve, state)
          }
        }
      ),
      { numRuns: 150 }
    ))

  it("Hoàng Mai 2020 is judged by R2003, Phúc Thọ 2024 by R2024, Hoàn Kiếm from July 2025 by R2025", () => {
    for (const [year, regime] of [
      [2020, "R2003"],
      [2024, "R2024"],
      [2026, "R2025"]
    ] as const) {
      const s = Scenario.make(year)
      const [planned] = s.given().when(s.plan()).thenEmits("CampaignPlanned")
      expect(planned?._tag === "CampaignPlanned" && planned.regime).toBe(regime)
    }
  })
})

describe("upcasting", () => {
  it("a v0 InitiativeRecorded without benefitVnd reads as benefit 0", () => {
    const e = Result.getOrThrow(
      Upcast.decode("InitiativeRecorded", 0, {
        initiativeId: "sk-1",
        unitId: "cdcs-1",
        kind: "initiative",
        title: "Cải tiến",
        at: "2019-05-01"
      })
    )
    expect(e).toEqual({
      _tag: "InitiativeRecorded",
      initiativeId: "sk-1",
      unitId: "cdcs-1",
      kind: "initiative",
      title: "Cải tiến",
      benefitVnd: 0,
      at: "2019-05-01"
    })
  })

  it("refuses unknown types, future versions and bad payloads with a typed error", () => {
    for (const [type, version, payload] of [
      ["Nope", 1, {}],
      ["PhaseOpened", 2, { phaseId: "dot-1", at: "2020-01-01" }],
      ["PhaseOpened", 1, { phaseId: "dot-1", at: "not a date" }],
      ["PhaseOpened", 1, null]
    ] as const) {
      const r = Upcast.decode(type, version, payload)
      expect(Result.isFailure(r) && r.failure._tag).toBe("EventDecodeError")
    }
  })
})
