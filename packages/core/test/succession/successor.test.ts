import { describe, expect, it } from "@effect/vitest"
import { Campaign, type Command, Directory, type Ids, LocalDate } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { Result } from "effect"

// The 1/7/2025 reform, in the scenario's world: a district federation (or a union) restructured
// into a successor, by the city federation.
const restructure = (
  organizationId: string,
  successorId: string | undefined,
  at: string
): Command.DirectoryCommand => ({
  _tag: "RestructureOrganization",
  commandId: `dir-restructure-${organizationId}` as Ids.CommandId,
  tenantId: "hanoi" as Ids.TenantId,
  actor: { organizationId: "ldld-hn" as Ids.OrganizationId, role: "executive" },
  at: at as never,
  organizationId: organizationId as Ids.OrganizationId,
  ...(successorId !== undefined ? { successorId: successorId as Ids.OrganizationId } : {})
})
const move = (organizationId: string, parentId: string, at: string): Command.DirectoryCommand => ({
  _tag: "MoveOrganization",
  commandId: `dir-move-${organizationId}` as Ids.CommandId,
  tenantId: "hanoi" as Ids.TenantId,
  actor: { organizationId: "ldld-hn" as Ids.OrganizationId, role: "executive" },
  at: at as never,
  organizationId: organizationId as Ids.OrganizationId,
  parentId: parentId as Ids.OrganizationId
})

// Hoàng Mai's 2025 campaign, up to its final review.
const reviewed = (s: Scenario.Scenario, by = "ldld-hoang-mai") => [
  s.plan(),
  s.launch(),
  s.phase("dot-1", "2025-01-01", "2025-12-31"),
  s.open("dot-1", "2025-01-02"),
  s.command("ClosePhase", { phaseId: "dot-1" as never }, { actor: by, at: "2025-12-31" }),
  s.command("EndCampaign", {}, { actor: by, at: "2025-12-31" }),
  s.command("HoldFinalReview", {}, { actor: by, at: "2026-01-10" })
]

describe("a successor carries on the rights of the organization it succeeds, and nothing more", () => {
  it("a unit dissolved into another district's union does not bring its district into Hoàng Mai's campaign", () => {
    const s = Scenario.make(2025, { directory: [restructure("cdcs-ba-dinh", "cdcs-trung-thanh", "2025-03-01")] })
    s.given(...reviewed(s))
      .when(s.grant("kt-1", s.unit("cdcs-ba-dinh"), "giay-khen", { extraordinary: true }, { actor: "ldld-ba-dinh" }))
      .thenFails("AUTH-SUBTREE")
  })

  it("the successor decides a nomination its predecessor held, so the campaign can close", () => {
    const s = Scenario.make(2025, { directory: [restructure("ldld-hoang-mai", "ldld-ba-dinh", "2025-07-01")] })
    const given = s.given(
      ...reviewed(s, "ldld-ba-dinh").slice(0, 4),
      s.propose("dn-1", s.unit("cdcs-trung-thanh"), "giay-khen", {}, { actor: "ldld-hoang-mai", at: "2025-06-10" }),
      s.deliberate("dn-1", 9, 10, { actor: "ldld-hoang-mai", at: "2025-06-12" }),
      ...reviewed(s, "ldld-ba-dinh").slice(4)
    )
    given.when(s.decide("dn-1", "achievedAtLevel", { actor: "ldld-hoang-mai" })).thenFails("AUTH-ACTOR")
    given.when(s.decide("dn-1", "achievedAtLevel", { actor: "ldld-ba-dinh" })).thenEmits("NominationDecided")
  })

  it("the successor presents and revokes its predecessor's awards", () => {
    const s = Scenario.make(2025, {
      directory: [
        restructure("ldld-hoang-mai", "ldld-ba-dinh", "2025-07-01"),
        move("cdcs-trung-thanh", "ldld-ba-dinh", "2025-07-01")
      ]
    })
    const granted = s.given(
      ...reviewed(s, "ldld-ba-dinh").slice(0, 4),
      s.grant("kt-1", s.unit("cdcs-trung-thanh"), "giay-khen", { extraordinary: true }, { at: "2025-05-01" })
    )
    granted.when(s.present("kt-1", { actor: "ldld-ba-dinh", at: "2025-08-01" })).thenEmits("AwardPresented")
    granted
      .when(s.revoke("kt-1", "false-dossier", { actor: "ldld-ba-dinh", at: "2025-08-01" }))
      .thenEmits("AwardRevoked")
    granted.when(s.present("kt-1", { actor: "ldld-hoang-mai", at: "2025-08-01" })).thenFails("AUTH-ACTOR")
  })

  it("the successor launches a campaign its predecessor planned", () => {
    const s = Scenario.make(2025, { directory: [restructure("ldld-hoang-mai", "ldld-ba-dinh", "2025-07-01")] })
    s.given(s.plan({}, { at: "2025-06-20" }))
      .when(s.command("LaunchCampaign", {}, { actor: "ldld-ba-dinh", at: "2025-07-15" }))
      .thenEmits("CampaignLaunched")
  })
})

describe("D1 a restructuring names a successor that may carry the organization on", () => {
  const s = Scenario.make(2025)
  const refused = (c: Command.DirectoryCommand) => {
    const r = Directory.decide(s.directory, c)
    if (Result.isSuccess(r)) throw new Error(`accepted: ${JSON.stringify(r.success)}`)
    return r.failure
  }
  const by = (actor: string, c: Command.DirectoryCommand): Command.DirectoryCommand => ({
    ...c,
    actor: { organizationId: actor as Ids.OrganizationId, role: "executive" }
  })

  it("refuses a successor of a lower level, one of its own units, and one outside the actor's subtree", () => {
    expect(refused(restructure("ldld-hoang-mai", "cdcs-ba-dinh", "2025-07-01")).details).toMatchObject({
      reason: "successor-lower"
    })
    expect(refused(restructure("ldld-hoang-mai", "cdcs-trung-thanh", "2025-07-01")).details).toMatchObject({
      reason: "successor-lower"
    })
    // A district cannot hand itself to a peer it does not stand above.
    expect(refused(by("ldld-hoang-mai", restructure("ldld-hoang-mai", "ldld-ba-dinh", "2025-07-01"))).code).toBe(
      "AUTH-SUBTREE"
    )
  })

  it("refuses a second restructuring, and a cycle of successors", () => {
    const once = Scenario.make(2025, { directory: [restructure("ldld-hoang-mai", "ldld-ba-dinh", "2025-07-01")] })
    const again = Directory.decide(once.directory, {
      ...restructure("ldld-hoang-mai", undefined, "2025-03-01"),
      commandId: "x" as never
    })
    expect(Result.isFailure(again) && again.failure.details).toMatchObject({ reason: "already-restructured" })
    const back = Directory.decide(once.directory, restructure("ldld-ba-dinh", "ldld-hoang-mai", "2025-03-01"))
    expect(Result.isFailure(back) && back.failure.details).toMatchObject({ reason: "cycle" })
  })

  it("the successor's rights start on the day of the restructuring", () => {
    const once = Scenario.make(2025, { directory: [restructure("ldld-hoang-mai", "ldld-ba-dinh", "2025-07-01")] })
    const ba = "ldld-ba-dinh" as Ids.OrganizationId
    const hm = "ldld-hoang-mai" as Ids.OrganizationId
    expect(Directory.actsFor(once.directory, ba, hm, LocalDate.make("2025-06-30"))).toBe(false)
    expect(Directory.actsFor(once.directory, ba, hm, LocalDate.make("2025-07-01"))).toBe(true)
    expect(Campaign.initialState.status).toBe("Initial")
  })
})
