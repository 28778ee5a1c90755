import { describe, expect, it } from "@effect/vitest"
import { Command, Event, Ids, LocalDate, Organization, Vnd } from "@thidua/core"
import { Schema } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.js"

// Every arbitrary's values decode with the schema of what they stand for, so the two cannot drift.
const pairs: ReadonlyArray<readonly [string, fc.Arbitrary<unknown>, Schema.Top]> = [
  ["tenantId", Arbitraries.tenantId, Ids.TenantId],
  ["organizationId", Arbitraries.organizationId, Ids.OrganizationId],
  ["clusterId", Arbitraries.clusterId, Ids.ClusterId],
  ["campaignId", Arbitraries.campaignId, Ids.CampaignId],
  ["phaseId", Arbitraries.phaseId, Ids.PhaseId],
  ["pledgeId", Arbitraries.pledgeId, Ids.PledgeId],
  ["initiativeId", Arbitraries.initiativeId, Ids.InitiativeId],
  ["nominationId", Arbitraries.nominationId, Ids.NominationId],
  ["awardId", Arbitraries.awardId, Ids.AwardId],
  ["memberId", Arbitraries.memberId, Ids.MemberId],
  ["contentId", Arbitraries.contentId, Ids.ContentId],
  ["commandId", Arbitraries.commandId, Ids.CommandId],
  ["localDate", Arbitraries.localDate, LocalDate.LocalDate],
  ["period", Arbitraries.period, LocalDate.Period],
  ["vnd", Arbitraries.vnd, Vnd.Vnd],
  ["level", Arbitraries.level, Organization.Level],
  ["sector", Arbitraries.sector, Organization.Sector],
  ["role", Arbitraries.role, Organization.Role],
  ["actor", Arbitraries.actor, Organization.Actor],
  ["subject", Arbitraries.subject, Organization.Subject],
  ["directoryEvent", Arbitraries.directoryEvent, Event.DirectoryEvent],
  ["campaignEvent", Arbitraries.campaignEvent, Event.CampaignEvent],
  ["directoryCommand", Arbitraries.directoryCommand, Command.DirectoryCommand],
  ["campaignCommand", Arbitraries.campaignCommand, Command.CampaignCommand]
]

describe("arbitraries agree with the schemas", () => {
  for (const [name, arb, schema] of pairs) {
    it(`${name} values decode with their schema`, () => {
      const decode = Schema.decodeUnknownExit(schema as Schema.Decoder<unknown>)
      fc.assert(
        fc.property(arb, (value) => {
          const exit = decode(value)
          if (exit._tag === "Failure")
            throw new Error(`${name} generated ${JSON.stringify(value)}: ${String(exit.cause)}`)
        }),
        { numRuns: 300 }
      )
    })
  }

  it("every event and command type is generated", () => {
    const tags = new Set<string>()
    for (const e of fc.sample(Arbitraries.domainEvent, 3000)) tags.add(e._tag)
    for (const c of fc.sample(Arbitraries.domainCommand, 3000)) tags.add(c._tag)
    const expected = [...Object.keys(Event.versions), ...Object.keys(Command.schemas)]
    expect([...tags].sort()).toEqual([...new Set(expected)].sort())
  })
})
