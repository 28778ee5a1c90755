import { describe, expect, it } from "@effect/vitest"
import { Directory, LocalDate } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { eventsOf, forAllHistories, refusals } from "../support.js"

describe("G3 one covenant per unit per cluster and year, signed only by the cluster's members", () => {
  it("every cluster covenant is signed by members of that year's cluster, once per unit", () =>
    forAllHistories((h) => {
      const signed = new Map<string, string>()
      for (const { event } of eventsOf(h, "PledgeSigned")) {
        if (event.clusterId === undefined) continue
        const cluster = Directory.cluster(h.context.directory, event.clusterId)!
        expect(cluster.year).toBe(LocalDate.year(event.period.start))
        for (const unit of event.signerIds) {
          expect(cluster.memberIds).toContain(unit)
          const key = `${event.clusterId}|${unit}`
          const before = signed.get(key)
          if (before !== undefined) expect(event.supersedes).toBe(before)
          signed.set(key, event.pledgeId)
        }
      }
    }))

  it("generated histories meet the rule", () => expect(refusals("G3")).toBeGreaterThan(0))

  const s = Scenario.make(2024)
  const covenant = (pledgeId: string, signers: ReadonlyArray<string>, supersedes?: string) =>
    s.command(
      "SignPledge",
      {
        pledgeId: pledgeId as never,
        kind: "covenant",
        signerIds: signers as never,
        clusterId: "cum-hoang-mai-2024" as never,
        targets: [{ description: "Giao ước thi đua năm 2024" }],
        ...(supersedes !== undefined ? { supersedes: supersedes as never } : {})
      },
      { at: "2024-01-15" }
    )

  it("refuses a covenant signed by a unit from outside the cluster", () => {
    s.given(s.plan(), s.launch())
      .when(covenant("gu-1", ["cdcs-trung-thanh", "cdcs-hoang-liet"]))
      .thenFails("G3")
  })

  it("refuses a second covenant in the same cluster and year, but accepts one that supersedes it", () => {
    const given = s.given(s.plan(), s.launch(), covenant("gu-1", ["cdcs-trung-thanh", "cdcs-phuong-mai"]))
    given.when(covenant("gu-2", ["cdcs-trung-thanh", "cdcs-phuong-mai"])).thenFails("G3")
    given.when(covenant("gu-2", ["cdcs-trung-thanh", "cdcs-phuong-mai"], "gu-1")).thenEmits("PledgeSigned")
  })
})
