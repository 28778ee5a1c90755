import { describe, expect, it } from "@effect/vitest"
import { History } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"
import { Campaign, type Command, Directory, type Ids, type LocalDate, Rule } from "../src/index.js"

// `Campaign.refusals` and `Directory.refusals` are written by hand beside the decide functions
// and printed in docs/reference/commands.md. These properties hold them to what the deciders do:
// a refusal of a rule a command does not list fails here, so a guard added to a decide function
// cannot go unlisted.

describe("Campaign.refusals lists every rule a campaign command can be refused with", () => {
  it("names rules that exist, each once", () => {
    for (const [tag, codes] of Object.entries(Campaign.refusals)) {
      for (const code of codes) expect(Object.keys(Rule.byId), `${tag}: ${code}`).toContain(code)
      expect(new Set(codes).size, tag).toBe(codes.length)
    }
  })

  it("every refusal on generated histories with near misses is listed for its command", () =>
    fc.assert(
      fc.property(History.campaign({ noise: 0.4, maxSteps: 80 }), (history) => {
        for (const step of history.steps)
          if (Result.isFailure(step.result))
            expect(
              Campaign.refusals[step.command._tag],
              `${step.command._tag} refused with ${step.result.failure.code}`
            ).toContain(step.result.failure.code)
      }),
      { numRuns: 300 }
    ))
})

type DirectoryCommand = Command.DirectoryCommand

// Directory commands near a generated world: its organizations and clusters and a few unknown
// ones, every role, the tenant's or another, dates before, during and after the world began.
const nearWorld = (w: History.World): fc.Arbitrary<ReadonlyArray<DirectoryCommand>> => {
  const ids = [w.confederation, w.federation, ...w.uppers, ...w.units.map((u) => u.id), "cdcs-moi", "cdcs-khac"]
  const org = fc.constantFrom(...(ids as Array<Ids.OrganizationId>))
  const at = fc.constantFrom(
    ...[`${w.year - 2}-06-01`, `${w.year - 1}-01-01`, `${w.year}-03-01`, `${w.year + 1}-07-01`].map(
      (s) => s as LocalDate.LocalDate
    )
  )
  // Mostly the tenant's own executive, so that commands get past the first checks.
  const often = <A>(usual: A, ...others: Array<A>) =>
    fc.oneof({ arbitrary: fc.constant(usual), weight: 4 }, { arbitrary: fc.constantFrom(...others), weight: 1 })
  // A few members, registered by the commands themselves, and one the directory never meets.
  const memberId = fc.constantFrom(...(["m-1", "m-2", "m-3", "m-khac"] as Array<Ids.MemberId>))
  const base = fc.record({
    commandId: fc.constant("cmd-1" as Ids.CommandId),
    tenantId: often(w.tenantId, "tenant-2" as Ids.TenantId),
    actor: fc
      .tuple(
        org,
        often<"executive" | "council" | "officer">("executive", "council", "officer"),
        // Mostly no member named, as hosts do today; now and then one, with or without a seat.
        often<Ids.MemberId | undefined>(undefined, ...(["m-1", "m-2", "m-khac"] as Array<Ids.MemberId>))
      )
      .map(([organizationId, role, m]) => ({ organizationId, role, ...(m === undefined ? {} : { memberId: m }) })),
    at
  })
  const body = fc.constantFrom("executive" as const, "council" as const)
  const rating = fc.constantFrom("excellent" as const, "good" as const)
  const year = fc.constantFrom(w.year - 20, w.year - 1, w.year)
  const maybe = <K extends string, A>(key: K, arb: fc.Arbitrary<A>) =>
    fc.option(arb, { nil: undefined }).map((v) => (v === undefined ? {} : ({ [key]: v } as { [P in K]: A })))
  const command: fc.Arbitrary<DirectoryCommand> = fc.oneof(
    fc
      .tuple(
        base,
        org,
        fc.constantFrom("confederation", "federation", "upper", "grassroots", "group" as const),
        maybe("parentId", org),
        maybe("validTo", at)
      )
      .map(([b, organizationId, level, parent, validTo]) => ({
        _tag: "RegisterOrganization" as const,
        ...b,
        organizationId,
        name: "Công đoàn",
        level,
        ...parent,
        ...validTo
      })),
    fc
      .tuple(base, org, org)
      .map(([b, organizationId, parentId]) => ({ _tag: "MoveOrganization" as const, ...b, organizationId, parentId })),
    fc.tuple(base, org, maybe("successorId", org)).map(([b, organizationId, successor]) => ({
      _tag: "RestructureOrganization" as const,
      ...b,
      organizationId,
      ...successor
    })),
    fc
      .tuple(
        base,
        fc.constantFrom(...w.clusters.map((c) => c.id), "cum-moi" as Ids.ClusterId),
        // Any organizations, or units of one district formed by its federation (which G4 reads).
        fc.oneof(
          fc.tuple(fc.uniqueArray(org, { minLength: 1, maxLength: 4 }), fc.constant(undefined)),
          fc
            .constantFrom(...w.clusters)
            .chain((c) => fc.tuple(fc.subarray([...c.members], { minLength: 1 }), fc.constant(c.organizer)))
        ),
        maybe("headId", org)
      )
      .map(([b, clusterId, [memberIds, organizer], head]) => ({
        _tag: "FormCluster" as const,
        ...b,
        ...(organizer === undefined ? {} : { actor: { organizationId: organizer, role: "executive" as const } }),
        clusterId,
        name: "Cụm thi đua",
        kind: "cluster" as const,
        year: w.year,
        memberIds: memberIds as unknown as readonly [Ids.OrganizationId, ...Array<Ids.OrganizationId>],
        ...head
      })),
    fc
      .tuple(base, memberId, org, fc.constantFrom(`${w.year - 10}-01-01`, `${w.year}-03-01`, `${w.year + 2}-01-01`))
      .map(([b, memberId, organizationId, recruitedOn]) => ({
        _tag: "RegisterMember" as const,
        ...b,
        memberId,
        name: "Nguyễn Thị Lan",
        organizationId,
        recruitedOn: recruitedOn as LocalDate.LocalDate
      })),
    fc
      .tuple(base, memberId, org)
      .map(([b, memberId, organizationId]) => ({ _tag: "TransferMember" as const, ...b, memberId, organizationId })),
    fc.tuple(base, memberId, at, at, fc.nat({ max: 800 })).map(([b, memberId, x, y, workingDays]) => ({
      _tag: "RecordLeave" as const,
      ...b,
      memberId,
      kind: "sick" as const,
      period: x <= y ? { start: x, end: y } : { start: y, end: x },
      workingDays
    })),
    fc
      .tuple(base, memberId)
      .map(([b, memberId]) => ({ _tag: "RecordDiscipline" as const, ...b, memberId, level: "warning" as const })),
    fc
      .tuple(base, memberId, year, rating)
      .map(([b, memberId, y, r]) => ({ _tag: "RateMember" as const, ...b, memberId, year: y, rating: r })),
    fc
      .tuple(base, org, year, rating)
      .map(([b, organizationId, y, r]) => ({ _tag: "RateUnit" as const, ...b, organizationId, year: y, rating: r })),
    fc.tuple(base, memberId, org, body, maybe("until", at)).map(([b, memberId, organizationId, bd, until]) => ({
      _tag: "AssignSeat" as const,
      ...b,
      memberId,
      organizationId,
      body: bd,
      ...until
    })),
    fc.tuple(base, memberId, org, body).map(([b, memberId, organizationId, bd]) => ({
      _tag: "EndSeat" as const,
      ...b,
      memberId,
      organizationId,
      body: bd
    })),
    fc
      .tuple(base, memberId)
      .map(([b, memberId]) => ({ _tag: "RecordDeparture" as const, ...b, memberId, reason: "retired" as const }))
  )
  return fc.array(command, { maxLength: 30 })
}

describe("Directory.refusals lists every rule a directory command can be refused with", () => {
  it("names rules that exist, each once", () => {
    for (const [tag, codes] of Object.entries(Directory.refusals)) {
      for (const code of codes) expect(Object.keys(Rule.byId), `${tag}: ${code}`).toContain(code)
      expect(new Set(codes).size, tag).toBe(codes.length)
    }
  })

  it("every refusal of commands near a generated world is listed for its command", () =>
    fc.assert(
      fc.property(
        History.world.chain((w) => fc.tuple(fc.constant(w), nearWorld(w))),
        ([w, commands]) => {
          let state = w.directory
          for (const command of commands) {
            const r = Directory.decide(state, command)
            if (Result.isSuccess(r)) state = r.success.reduce(Directory.evolve, state)
            else
              expect(Directory.refusals[command._tag], `${command._tag} refused with ${r.failure.code}`).toContain(
                r.failure.code
              )
          }
        }
      ),
      { numRuns: 300 }
    ))
})
