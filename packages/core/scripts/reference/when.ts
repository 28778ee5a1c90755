/**
 * When each campaign command is allowed, read from the machines of `Lifecycle`: the campaign
 * statuses it runs in, where it moves the campaign, and the steps it takes on a phase, a pledge,
 * an initiative or a nomination.
 */
import { Lifecycle } from "../../src/index.js"
import { statusVi } from "../../src/rules/labels.js"

type Tag = Lifecycle.CommandTag

const code = (s: string): string => `\`${s}\``
const status = (s: string): string => `${code(s)} (${statusVi[s] ?? s})`

// The parts' machines name most steps by their command; these steps are named otherwise.
// What the page reads of a machine: its name and its transitions.
interface Drawn {
  readonly name: string
  readonly transitions: ReadonlyArray<{ readonly from: string; readonly on: string; readonly to: string }>
}

const parts: ReadonlyArray<{
  readonly machine: Drawn
  readonly which: (tag: Tag) => string
  readonly steps?: Partial<Record<Tag, ReadonlyArray<string>>>
}> = [
  { machine: Lifecycle.phase, which: () => "`phaseId`" },
  {
    machine: Lifecycle.pledge,
    which: (tag) => (tag === "SignPledge" ? "named in `supersedes`" : "`pledgeId`"),
    steps: { SignPledge: ["Supersede"] }
  },
  { machine: Lifecycle.initiative, which: () => "`initiativeId`" },
  {
    machine: Lifecycle.nomination,
    which: (tag) => (tag === "PublishNominees" ? "each of `nominationIds`" : "`nominationId`"),
    steps: { DecideNomination: ["Decide", "Escalate"] }
  }
]

// The commands that start a part, and the status it starts in.
const starts: Partial<Record<Tag, string>> = {
  SchedulePhase: `the phase starts ${status(Lifecycle.phase.initial)}`,
  SignPledge: `a registration starts ${status(Lifecycle.pledgeStarts("registration"))}, a covenant ${status(Lifecycle.pledgeStarts("covenant"))}`,
  RecordInitiative: `the initiative starts ${status(Lifecycle.initiative.initial)}`,
  ProposeNomination: `the nomination starts ${status(Lifecycle.nomination.initial)}`
}

/** The lines of a campaign command's "when" paragraph. */
export const whenLines = (tag: Tag): Array<string> => {
  const moves = Lifecycle.campaign.transitions.filter((t) => t.on === tag && t.from !== t.to)
  const steps = parts.flatMap(({ machine, which, steps }) => {
    const names = steps?.[tag] ?? [tag]
    const ts = machine.transitions.filter((t) => names.includes(t.on))
    if (ts.length === 0) return []
    const byTarget = new Map<string, Array<string>>()
    for (const t of ts) byTarget.set(t.to, [...(byTarget.get(t.to) ?? []), t.from])
    const arrows = [...byTarget].map(([to, from]) => `${from.map(code).join(", ")} → ${code(to)}`)
    return [`${machine.name} ${which(tag)}: ${arrows.join("; ")}`]
  })
  return [
    `- Campaign status: ${Lifecycle.campaignCommands[tag].in.map(status).join(", ")}.`,
    ...(moves.length === 0
      ? []
      : [`- Moves the campaign: ${moves.map((t) => `${code(t.from)} → ${code(t.to)}`).join(", ")}.`]),
    ...steps.map((s) => `- ${s}.`),
    ...(starts[tag] === undefined ? [] : [`- Starts a part: ${starts[tag]}.`])
  ]
}
