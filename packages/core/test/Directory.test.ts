import { describe, expect, it } from "@effect/vitest"
import { Directory, type Ids, LocalDate } from "@thidua/core"
import { History, Scenario } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"

const d = LocalDate.make

describe("Directory: the hierarchy is data with validity dates (D1, authorization)", () => {
  const [w] = fc.sample(History.world, { numRuns: 1, seed: 11 })
  const world = w!
  const exec = (organizationId: string) => ({
    organizationId: organizationId as Ids.OrganizationId,
    role: "executive" as const
  })
  const base = (actor: string, at: string) => ({
    commandId: `c-${actor}-${at}` as Ids.CommandId,
    tenantId: world.tenantId,
    actor: exec(actor),
    at: d(at)
  })
  const decide = (state: Directory.State, c: Parameters<typeof Directory.decide>[1]) => Directory.decide(state, c)
  const apply = (state: Directory.State, c: Parameters<typeof Directory.decide>[1]) => {
    const r = Directory.decide(state, c)
    if (Result.isFailure(r)) throw new Error(String(r.failure))
    return r.success.reduce(Directory.evolve, state)
  }
  const upper = world.uppers[0]!
  const unit = world.units.find((u) => u.parent === upper)!.id

  it("D1: refuses a grassroots union under another grassroots union", () => {
    const r = decide(world.directory, {
      _tag: "RegisterOrganization",
      ...base(upper, `${world.year}-02-01`),
      organizationId: "cdcs-con" as never,
      name: "CĐCS con",
      level: "grassroots",
      parentId: unit
    })
    expect(Result.isFailure(r) && r.failure.code).toBe("D1")
  })

  it("D1: refuses a restructuring on the day the organization began", () => {
    const r = decide(world.directory, {
      _tag: "RestructureOrganization",
      ...base(world.federation, `${world.year - 1}-01-01`),
      organizationId: upper
    })
    expect(Result.isFailure(r) && r.failure.code).toBe("D1")
  })

  it("a district federation dissolved on 1/7/2025 ceases on 30/6, and its unions move to the city", () => {
    let state = world.directory
    const at = "2025-07-01"
    if (world.year > 2025) return
    state = apply(state, {
      _tag: "MoveOrganization",
      ...base(world.federation, at),
      organizationId: unit,
      parentId: world.federation
    })
    state = apply(state, {
      _tag: "RestructureOrganization",
      ...base(world.federation, at),
      organizationId: upper,
      successorId: world.federation
    })
    expect(Directory.isActiveOn(Directory.organization(state, upper)!, d("2025-06-30"))).toBe(true)
    expect(Directory.isActiveOn(Directory.organization(state, upper)!, d("2025-07-01"))).toBe(false)
    // A 2024 campaign is still judged against the 2024 hierarchy; a 2026 one against the new one.
    expect(Directory.isWithin(state, upper, unit, d("2024-05-01"))).toBe(true)
    expect(Directory.isWithin(state, upper, unit, d("2026-05-01"))).toBe(false)
    expect(Directory.isWithin(state, world.federation, unit, d("2026-05-01"))).toBe(true)
  })

  it("AUTH-TENANT: a directory refuses another tenant's command", () => {
    const r = decide(world.directory, {
      _tag: "RegisterOrganization",
      ...base(upper, `${world.year}-02-01`),
      tenantId: "khac" as never,
      organizationId: "cdcs-moi" as never,
      name: "CĐCS mới",
      level: "grassroots",
      parentId: upper
    })
    expect(Result.isFailure(r) && r.failure.code).toBe("AUTH-TENANT")
  })

  it("every directory a world builds keeps each parent above its children, on every day", () =>
    fc.assert(
      fc.property(History.world, (w) => {
        for (const org of Directory.organizations(w.directory))
          for (const p of org.parents) {
            const parent = Directory.organization(w.directory, p.parentId)!
            expect(["confederation", "federation", "upper", "grassroots", "group"].indexOf(parent.level)).toBeLessThan(
              ["confederation", "federation", "upper", "grassroots", "group"].indexOf(org.level)
            )
          }
      }),
      { numRuns: 50 }
    ))

  it("a campaign keeps its units when its issuer is dissolved mid-year (1/7/2025) and the city takes over", () => {
    const at = d("2025-07-01")
    const exec = (o: string) => ({ organizationId: o as Ids.OrganizationId, role: "executive" as const })
    const cmd = (n: number) => ({
      commandId: `reform-${n}` as Ids.CommandId,
      tenantId: "hanoi" as Ids.TenantId,
      actor: exec("ldld-hn"),
      at
    })
    const s = Scenario.make(2025, {
      directory: [
        {
          _tag: "MoveOrganization",
          ...cmd(1),
          organizationId: "cdcs-trung-thanh" as Ids.OrganizationId,
          parentId: "ldld-hn" as Ids.OrganizationId
        },
        {
          _tag: "RestructureOrganization",
          ...cmd(2),
          organizationId: "ldld-hoang-mai" as Ids.OrganizationId,
          successorId: "ldld-hn" as Ids.OrganizationId
        }
      ]
    })
    const running = s.given(
      s.plan(),
      s.launch(),
      s.phase("dot-1", "2025-01-01", "2025-06-30"),
      s.phase("dot-2", "2025-07-01", "2025-12-31"),
      s.open("dot-1", "2025-01-02"),
      s.enroll("cdcs-trung-thanh")
    )
    // The dissolved federation can no longer act; the city acts for it, and the unit stays in scope.
    running.when(s.open("dot-2", "2025-07-02")).thenFails("AUTH-ACTOR")
    running
      .when(s.command("OpenPhase", { phaseId: "dot-2" as never }, { actor: "ldld-hn", at: "2025-07-02" }))
      .thenEmits("PhaseOpened")
    running
      .when(s.record("sk-1", "cdcs-trung-thanh", 10_000_000, {}, { at: "2025-08-01" }))
      .thenEmits("InitiativeRecorded")
  })
})
