import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import fc from "fast-check"
import { Lifecycle, Machine } from "../src/index.js"

// A council deliberates a nomination: it needs a quorum, and it decides at its level or escalates.
interface Council {
  readonly present: number
  readonly members: number
  readonly escalate: boolean
}

const noQuorum: Machine.Reason = {
  code: "T7",
  en: "The council has no quorum.",
  vi: "Hội đồng không đủ số thành viên."
}
const notEscalated: Machine.Reason = {
  code: "A2",
  en: "The council did not escalate the nomination.",
  vi: "Hội đồng không đề nghị lên cấp trên."
}

const quorum: Machine.Guard<Council> = {
  name: "quorum",
  check: (c) => (c.present * 3 >= c.members * 2 ? undefined : noQuorum)
}
const escalated: Machine.Guard<Council> = {
  name: "escalated",
  check: (c) => (c.escalate ? undefined : notEscalated)
}

const council = Machine.make({
  name: "Council",
  initial: "Proposed",
  states: ["Proposed", "Escalated", "Decided"],
  terminal: ["Decided"],
  transitions: [
    { from: "Proposed", on: "Deliberate", to: "Escalated", guard: escalated },
    { from: "Proposed", on: "Deliberate", to: "Decided", guard: quorum },
    { from: "Escalated", on: "Deliberate", to: "Decided", guard: quorum }
  ]
})

const full: Council = { present: 9, members: 9, escalate: false }

/** given a machine and a state, when a step is taken with a context, then its result. */
const given = <S extends string, On extends string, C>(machine: Machine.Machine<S, On, C>, from: S) => ({
  when: (on: On, context: C) => {
    const result = Machine.step(machine, from, on, context)
    return {
      thenMovesTo: (to: S) => expect(result).toEqual(Result.succeed(to)),
      thenIsNotAllowed: () => expect(result).toEqual(Result.fail({ _tag: "NotAllowed", from, on })),
      thenIsRefusedBy: (guard: string, reason: Machine.Reason) =>
        expect(result).toEqual(Result.fail({ _tag: "Guarded", from, on, guard, reason }))
    }
  }
})

describe("Machine.step", () => {
  it("given a quorum, when the council deliberates, then the nomination is decided", () =>
    given(council, "Escalated").when("Deliberate", full).thenMovesTo("Decided"))

  it("given no quorum, when the council deliberates, then it is refused with the guard's reason in both languages", () => {
    given(council, "Escalated")
      .when("Deliberate", { ...full, present: 5 })
      .thenIsRefusedBy("quorum", noQuorum)
    const refused = Machine.step(council, "Escalated", "Deliberate", { ...full, present: 5 })
    expect(Result.isFailure(refused) && refused.failure._tag === "Guarded" && refused.failure.reason).toEqual({
      code: "T7",
      en: "The council has no quorum.",
      vi: "Hội đồng không đủ số thành viên."
    })
  })

  it("given several transitions for one step, when the first guard passes, then the first wins", () =>
    given(council, "Proposed")
      .when("Deliberate", { ...full, escalate: true })
      .thenMovesTo("Escalated"))

  it("given several transitions for one step, when the first guard refuses, then the first that passes wins", () =>
    given(council, "Proposed").when("Deliberate", full).thenMovesTo("Decided"))

  it("given several transitions for one step, when every guard refuses, then the first guard's reason is given", () =>
    given(council, "Proposed")
      .when("Deliberate", { ...full, present: 1 })
      .thenIsRefusedBy("escalated", notEscalated))

  it("given a terminal state, when a step leaves it, then it is not allowed", () =>
    given(council, "Decided").when("Deliberate", full).thenIsNotAllowed())

  it("given guards, next and after read none and follow the first transition declared", () => {
    expect(council.next("Proposed", "Deliberate")).toBe("Escalated")
    expect(council.after("Proposed", "Deliberate")).toBe("Escalated")
    expect(council.next("Decided", "Deliberate")).toBeUndefined()
    expect(council.after("Decided", "Deliberate")).toBe("Decided")
  })
})

describe("Machine.toMermaid", () => {
  it("given a small machine with guards, entries and a self-loop, then it prints exactly this diagram", () => {
    const m = Machine.make({
      name: "Small",
      initial: "A",
      entries: ["B"],
      states: ["A", "B", "C"],
      terminal: ["C"],
      transitions: [
        { from: "A", on: "x", to: "B" },
        { from: "A", on: "y", to: "B", guard: { name: "g", check: () => undefined } },
        { from: "B", on: "z", to: "C", guard: { name: "h", check: () => undefined } },
        { from: "B", on: "w", to: "B" },
        { from: "C", on: "v", to: "C" }
      ]
    })
    expect(Machine.toMermaid(m)).toBe(
      [
        "stateDiagram-v2",
        "  [*] --> A",
        "  [*] --> B",
        "  A --> B: x, y [g]",
        "  B --> C: z [h]",
        "  B --> B: w",
        "  C --> C: v",
        "  C --> [*]"
      ].join("\n")
    )
  })
})

describe("Machine.check", () => {
  it("given a sound machine, then it finds nothing", () => expect(Machine.check(council)).toEqual([]))

  it("given a transition from or to an undeclared state, then it names the state", () => {
    const m = Machine.make<"A" | "B" | "X" | "Y", "go">({
      name: "M",
      initial: "A",
      states: ["A", "B"],
      terminal: [],
      transitions: [
        { from: "A", on: "go", to: "B" },
        { from: "X", on: "go", to: "A" },
        { from: "B", on: "go", to: "Y" }
      ]
    })
    expect(Machine.check(m).map((p) => [p._tag, p.state])).toEqual([
      ["UndeclaredState", "X"],
      ["UndeclaredState", "Y"]
    ])
  })

  it("given an undeclared initial state, then it names it", () => {
    const m = Machine.make<"A" | "Z", "go">({ name: "M", initial: "Z", states: ["A"], terminal: [], transitions: [] })
    expect(Machine.check(m).map((p) => [p._tag, p.state])).toEqual([
      ["UndeclaredState", "Z"],
      ["Unreachable", "A"]
    ])
  })

  it("given a terminal state with a transition to another state, then it names the transition", () => {
    const m = Machine.make({
      name: "M",
      initial: "A",
      states: ["A", "B"],
      terminal: ["B"],
      transitions: [
        { from: "A", on: "go", to: "B" },
        { from: "B", on: "stay", to: "B" },
        { from: "B", on: "back", to: "A" }
      ]
    })
    const problems = Machine.check(m)
    expect(problems.map((p) => p._tag)).toEqual(["TerminalMoves"])
    expect(problems[0]).toMatchObject({ state: "B", transition: { from: "B", on: "back", to: "A" } })
    expect(problems[0]?.message).toBe("M: B is terminal but back leads to A")
  })

  it("given a state no path reaches, then it is unreachable", () => {
    const m = Machine.make({
      name: "M",
      initial: "A",
      states: ["A", "B", "C"],
      terminal: [],
      transitions: [
        { from: "A", on: "go", to: "B" },
        { from: "C", on: "go", to: "A" }
      ]
    })
    expect(Machine.reachable(m)).toEqual(new Set(["A", "B"]))
    expect(Machine.check(m).map((p) => [p._tag, p.state])).toEqual([["Unreachable", "C"]])
  })

  it("given an entry, then the states it leads to are reachable", () => {
    expect(Machine.reachable(Lifecycle.pledge)).toEqual(
      new Set(["Submitted", "Signed", "Approved", "Rejected", "Superseded"])
    )
  })

  it.each([
    ["campaign", Lifecycle.campaign],
    ["phase", Lifecycle.phase],
    ["pledge", Lifecycle.pledge],
    ["initiative", Lifecycle.initiative],
    ["nomination", Lifecycle.nomination]
  ] as const)("given core's %s machine, then it finds nothing and every state is reachable", (_, machine) => {
    expect(Machine.check(machine as Machine.Machine<string, string>)).toEqual([])
    expect(Machine.reachable(machine as Machine.Machine<string, string>)).toEqual(new Set(machine.states))
  })
})

describe("Machine without guards", () => {
  const states = ["S0", "S1", "S2", "S3"] as const
  const events = ["e0", "e1", "e2"] as const
  type S = (typeof states)[number]
  type E = (typeof events)[number]
  const state = fc.constantFrom(...states)
  const event = fc.constantFrom(...events)
  const machine = fc
    .array(fc.record({ from: state, on: event, to: state }), { maxLength: 12 })
    .map((transitions) => Machine.make<S, E>({ name: "Random", initial: "S0", states, terminal: [], transitions }))

  it("given any small machine, when step is taken from any state on any event, then it agrees with next, and after is next or stay", () =>
    fc.assert(
      fc.property(machine, state, event, (m, from, on) => {
        const to = m.next(from, on)
        const stepped = Machine.step(m, from, on)
        expect(stepped).toEqual(to === undefined ? Result.fail({ _tag: "NotAllowed", from, on }) : Result.succeed(to))
        expect(m.after(from, on)).toBe(to ?? from)
        // The model, written from the transitions: the first declared for (from, on) answers.
        expect(to).toBe(m.transitions.find((t) => t.from === from && t.on === on)?.to)
      }),
      { numRuns: 500 }
    ))
})
