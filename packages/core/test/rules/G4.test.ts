import { describe, expect, it } from "@effect/vitest"
import { Directory } from "@thidua/core"
import { History } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"

describe("G4 a unit belongs to at most one cluster and one block per organizing level and year", () => {
  const formations = fc.array(
    fc.record({
      upper: fc.nat(),
      members: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      kind: fc.constantFrom("cluster" as const, "block" as const),
      year: fc.nat({ max: 1 })
    }),
    { maxLength: 12 }
  )

  it("no reachable directory has a unit in two clusters of one kind, organizer and year", () =>
    fc.assert(
      fc.property(History.world, formations, (w, forms) => {
        let state = w.directory
        let refused = 0
        forms.forEach((f, i) => {
          const upper = w.uppers[f.upper % w.uppers.length]!
          const year = w.year + f.year
          const units = w.units.filter((u) => u.parent === upper)
          const memberIds = [...new Set(f.members.map((m) => units[m % units.length]!.id))]
          const r = Directory.decide(state, {
            _tag: "FormCluster",
            commandId: `form-${i}` as never,
            tenantId: w.tenantId,
            actor: { organizationId: upper, role: "executive" },
            at: `${year}-01-01` as never,
            clusterId: `c-${i}` as never,
            name: `Cụm ${i}`,
            kind: f.kind,
            year,
            memberIds: memberIds as never
          })
          if (Result.isFailure(r)) {
            expect(r.failure.code).toBe("G4")
            refused++
          } else for (const e of r.success) state = Directory.evolve(state, e)
        })
        const seen = new Set<string>()
        for (const c of [
          ...w.clusters.map((c) => Directory.cluster(state, c.id)!),
          ...forms.map((_, i) => Directory.cluster(state, `c-${i}`)).filter((c) => c !== undefined)
        ])
          for (const m of c.memberIds) {
            const key = `${m}|${c.organizerId}|${c.year}|${c.kind}`
            expect(seen.has(key)).toBe(false)
            seen.add(key)
          }
        return refused >= 0
      }),
      { numRuns: 150 }
    ))

  it("refuses putting CĐCS 1.1 in a second cluster of its district for the same year", () => {
    const [w] = fc.sample(History.world, { numRuns: 1, seed: 3 })
    const cluster = w!.clusters[0]!
    const r = Directory.decide(w!.directory, {
      _tag: "FormCluster",
      commandId: "form-x" as never,
      tenantId: w!.tenantId,
      actor: { organizationId: cluster.organizer, role: "executive" },
      at: `${w!.year}-02-01` as never,
      clusterId: "cum-moi" as never,
      name: "Cụm mới",
      kind: "cluster",
      year: w!.year,
      memberIds: [cluster.members[0]!] as never
    })
    expect(Result.isFailure(r) && r.failure.code).toBe("G4")
  })
})
