import { describe, expect, it } from "@effect/vitest"
import { Event, Record } from "@thidua/core"
import { Schema } from "effect"
import fc from "fast-check"
import { runs } from "../../../scripts/properties.js"
import { Careers } from "../src/index.js"

const decode = Schema.decodeUnknownSync(Event.DomainEvent)

describe("Careers.career", () => {
  it("every event decodes as a domain event, on the stream its kind belongs to", () =>
    fc.assert(
      fc.property(Careers.career({ years: { min: 3, max: 6 } }), (c) => {
        for (const { streamId, event } of c.events) {
          expect(decode(event)).toEqual(event)
          const directory = Schema.is(Event.DirectoryEvent)(event)
          expect(streamId).toBe(directory ? `org:${c.facts.tenantId}` : streamId)
          if (!directory) expect(streamId).toMatch(/^campaign:/)
        }
      }),
      { numRuns: runs(30, 1_000) }
    ))

  it("spans the years asked for, with a planned campaign and a theme for each year", () =>
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 6 }), fc.integer({ min: 0, max: 1 << 30 }), (n, seed) => {
        const [c] = fc.sample(Careers.career({ years: { min: n, max: n }, units: { min: 1, max: 1 } }), {
          numRuns: 1,
          seed
        })
        expect(c!.facts.years).toHaveLength(n)
        for (const y of c!.facts.years) {
          const planned = c!.events.filter(
            ({ streamId, event }) =>
              event._tag === "CampaignPlanned" && event.period.start === `${y}-01-01` && streamId === `campaign:hn-${y}`
          )
          expect(planned).toHaveLength(1)
          expect(planned[0]!.event._tag === "CampaignPlanned" && planned[0]!.event.theme).toBeTruthy()
        }
      }),
      { numRuns: 30 }
    ))

  it("folds into a record that knows every registered member and every grant, revoked ones marked", () =>
    fc.assert(
      fc.property(Careers.career(), (c) => {
        const record = Record.fromEvents(c.events)
        for (const m of c.facts.members) {
          const held = Record.member(record, m.memberId)
          expect(held?.known).toBe(m.known)
          if (m.known) expect(held?.recruitedOn).toBe(m.recruitedOn)
        }
        for (const g of c.facts.grants) {
          const held = Record.of(record, g.recipient)!.grants.find(
            (x) => x.awardId === g.awardId && x.campaignId === g.campaignId
          )
          expect(held?.kind).toBe(g.kind)
          expect(held?.revoked !== undefined).toBe(g.revoked !== undefined)
        }
      }),
      { numRuns: runs(50, 500) }
    ))

  it("draws the facts the rules turn on: late recruits, missing ratings, near-limit leave, revocations, outsiders", () => {
    const seen = new Set<string>()
    for (const c of fc.sample(Careers.career({ years: { min: 3, max: 6 } }), { numRuns: 200, seed: 1 })) {
      const f = c.facts
      for (const m of f.members) {
        if (!m.known) seen.add("outsider")
        if (m.recruitedOn !== undefined && Number(m.recruitedOn.slice(0, 4)) >= f.years[0]!) seen.add("recruited in")
        if (m.recruitedOn?.endsWith("-07-01") || m.recruitedOn?.endsWith("-03-01")) seen.add("month boundary")
        if (f.years.some((y) => m.recruitedOn === `${y - 4}-01-01`)) seen.add("five years to the day")
        if (
          m.known &&
          f.years.some((y) => Number(m.recruitedOn!.slice(0, 4)) <= y && !m.ratings.some((r) => r.year === y))
        )
          seen.add("unrated year")
        if (m.leave.some((l) => l.kind === "maternity")) seen.add("maternity")
        if (m.leave.some((l) => l.period.start.slice(0, 4) !== l.period.end.slice(0, 4)))
          seen.add("leave over new year")
        if (m.discipline.some((d) => d.level === "administrative")) seen.add("administrative")
        if (m.units.length > 1) seen.add("transfer")
      }
      for (const g of f.grants) if (g.revoked !== undefined) seen.add(`revoked ${g.recipient._tag}`)
      for (const p of f.pledges) seen.add(`pledge ${p.kind} ${p.kind === "registration" ? p.outcome : ""}`)
      for (const i of f.initiatives) seen.add(`initiative ${i.recognized ?? "unrecognised"}`)
      if (f.campaigns.some((c) => c.period.start.slice(0, 4) !== c.period.end.slice(0, 4)))
        seen.add("two-year campaign")
      if (f.clusters.length > 0) seen.add("cluster")
    }
    expect([...seen].sort()).toEqual(
      [
        "outsider",
        "recruited in",
        "month boundary",
        "five years to the day",
        "unrated year",
        "maternity",
        "leave over new year",
        "administrative",
        "transfer",
        "revoked Member",
        "revoked Unit",
        "pledge registration approved",
        "pledge registration rejected",
        "pledge registration pending",
        "pledge covenant ",
        "pledge union-management ",
        "initiative unit",
        "initiative province",
        "initiative national",
        "initiative unrecognised",
        "two-year campaign",
        "cluster"
      ].sort()
    )
  })
})
