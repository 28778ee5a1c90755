/**
 * Campaign.decider with the tenant's record: GrantAward refused with the verdict's first failure,
 * GrantAward and ProposeNomination refused for a member named in another union than their own
 * (REF-MISSING), and a kind that cannot be for the subject (AWARD-SUBJECT). Given a directory and
 * a campaign of CĐCS Trung Thành (LĐLĐ quận Hoàng Mai) for 2024, when one more command is sent.
 */
import { describe, expect, it } from "@effect/vitest"
import { Campaign, type Command, Directory, type Event, type Ids, Record } from "@thidua/core"
import { Scenario } from "@thidua/testing"
import { Result } from "effect"
import { command, register } from "../members.js"

const YEAR = 2024
const UNIT = "cdcs-trung-thanh"

/** The world's directory with some member commands, and the events they recorded. */
const directoryWith = (commands: ReadonlyArray<Command.DirectoryCommand>) => {
  let state = Scenario.make(YEAR).directory
  const events: Array<Event.DomainEvent> = []
  for (const c of commands) {
    const r = Directory.decide(state, c)
    if (Result.isFailure(r)) throw new Error(`directory: ${String(r.failure)}`)
    for (const e of r.success) {
      state = Directory.evolve(state, e)
      events.push(e)
    }
  }
  return { state, events }
}

const rate = (memberId: string, rating: "excellent" | "good" | "completed") =>
  command("RateMember", { memberId: memberId as Ids.MemberId, year: YEAR, rating }, { at: `${YEAR}-12-20` })

/**
 * Given the campaign (the union registered for the year unless `registered` is false) and the
 * directory, when `when` is decided by Campaign.decider over the record of both.
 */
const decide = (
  o: {
    readonly members: ReadonlyArray<Command.DirectoryCommand>
    readonly registered?: boolean
    readonly record?: boolean
  },
  when: (s: ReturnType<typeof Scenario.make>) => Command.CampaignCommand
) => {
  const dir = directoryWith(o.members)
  const s = Scenario.make(YEAR, { directory: o.members })
  const g = s.given(
    s.plan(),
    s.launch(),
    s.enroll(UNIT),
    s.enroll("cdcs-phuong-mai", "administrative"),
    ...(o.registered === false ? [] : [s.register("dk-1", s.unit(UNIT)), s.approve("dk-1")]),
    s.phase("dot-1", `${YEAR}-01-01`, `${YEAR}-12-31`),
    s.open("dot-1", `${YEAR}-01-02`),
    s.close("dot-1", `${YEAR}-12-31`),
    s.end(),
    s.finalReview()
  )
  const record = Record.fromEvents([
    ...dir.events.map((event) => ({ streamId: "org:hanoi", event })),
    ...g.events.map((event) => ({ streamId: `campaign:${s.campaignId}`, event: event as Event.DomainEvent }))
  ])
  const decider = Campaign.decider({ ...s.context, ...(o.record === false ? {} : { record }) })
  return { s, result: decider.decide(g.state, when(s)) }
}

const codeOf = (r: ReturnType<typeof decide>["result"]) => (Result.isFailure(r) ? r.failure.code : "accepted")

describe("Campaign.decider with the record consults the eligibility engine", () => {
  const lan = [register("m-1", UNIT), rate("m-1", "completed")]

  it("refuses the Advanced Worker title of 2024 to Lan, rated 'completed', with T1 (the verdict's first failure); without the record it is granted", () => {
    const grant = (s: ReturnType<typeof Scenario.make>) =>
      s.grant("ldtt-1", s.member("m-1"), "lao-dong-tien-tien", {}, { actor: UNIT })
    const { result } = decide({ members: lan }, grant)
    expect(codeOf(result)).toBe("T1")
    expect(codeOf(decide({ members: lan, record: false }, grant).result)).toBe("accepted")
  })

  it("an extraordinary award is not exempt from G1: Hùng, rated excellent, in a union not registered for 2024, is refused", () => {
    const { result } = decide({ members: [register("m-2", UNIT), rate("m-2", "excellent")], registered: false }, (s) =>
      s.grant("ldtt-2", s.member("m-2"), "lao-dong-tien-tien", { extraordinary: true }, { actor: UNIT })
    )
    expect(codeOf(result)).toBe("G1")
  })

  it("refuses a grant and a nomination naming Lan as a member of CĐCS phường Hoàng Văn Thụ, not her union (REF-MISSING)", () => {
    const members = [register("m-1", UNIT), rate("m-1", "good")]
    const grant = decide({ members }, (s) => s.grant("gk-1", s.member("m-1", "cdcs-phuong-mai"), "giay-khen"))
    expect(codeOf(grant.result)).toBe("REF-MISSING")
    const propose = decide({ members }, (s) =>
      s.propose("dc-1", s.member("m-1", "cdcs-phuong-mai"), "lao-dong-tien-tien")
    )
    expect(codeOf(propose.result)).toBe("REF-MISSING")
    // named in her own union, the same Certificate of Commendation is granted
    expect(codeOf(decide({ members }, (s) => s.grant("gk-1", s.member("m-1"), "giay-khen")).result)).toBe("accepted")
  })

  it("refuses a kind that cannot be for the subject (AWARD-SUBJECT): the Advanced Labour Collective title to a member, the Advanced Worker title proposed for a union", () => {
    const members = [register("m-1", UNIT), rate("m-1", "good")]
    const grant = decide({ members }, (s) => s.grant("tt-1", s.member("m-1"), "tap-the-lao-dong-tien-tien"))
    expect(codeOf(grant.result)).toBe("AWARD-SUBJECT")
    const propose = decide({ members }, (s) => s.propose("dc-2", s.unit(UNIT), "lao-dong-tien-tien"))
    expect(codeOf(propose.result)).toBe("AWARD-SUBJECT")
  })
})
