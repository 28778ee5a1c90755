/**
 * A model-based test of the campaign lifecycle: a small model of the rules, written from their
 * statements and independent of the code under test, says what each command should do; the real
 * decider does it; the two must agree on every step (the same acceptance, on a refusal the same
 * rule id, and after an acceptance the same campaign status). fast-check generates the command
 * sequences (`fc.commands`) and shrinks a disagreement to a short one.
 *
 * The model keeps its own table of the statuses each command is allowed in and of the rule that
 * refuses it elsewhere (REF-MISSING before a plan, REF-EXISTS for a second plan, C8 once closed or
 * cancelled, C3 before the launch, C6 for reviews, LIFECYCLE otherwise: `internal/lifecycleModel/
 * rules.ts`); it never asks core's machine, so a guard loosened in core makes the run fail. It covers phases (C5), registrations (G1, G2), initiatives (I1), nominations (A3, T7),
 * awards (C7, U1, V1) and references (REF-MISSING, REF-EXISTS), over the fixed world of
 * `Scenario` in 2024 (regime R2024). Actors and dates are always valid, so a disagreement is about
 * the rules.
 *
 * @since 0.1.0
 */
import { Campaign } from "@thidua/core"
import fc from "fast-check"
import * as Awards from "./internal/lifecycleModel/awards.js"
import * as CampaignSteps from "./internal/lifecycleModel/campaign.js"
import { type Agreed, initialModel, type Model, type Real, slotNames, units } from "./internal/lifecycleModel/model.js"
import * as Parts from "./internal/lifecycleModel/parts.js"
import * as Scenario from "./Scenario.js"

export type {
  /** @since 0.3.0 */
  Agreed,
  /** @since 0.1.0 */
  Model,
  /** @since 0.1.0 */
  Real
} from "./internal/lifecycleModel/model.js"
export type {
  /** @since 0.3.0 */
  Outcome,
  /** @since 0.3.0 */
  Status
} from "./internal/lifecycleModel/rules.js"

const unit = fc.constantFrom(...units)
const slot = fc.constantFrom(...slotNames)
/** Which of the things recorded so far a command refers to. */
const index = fc.nat({ max: 15 })

/** The moves of the campaign when they are due (their precondition): sequences get through the lifecycle. */
const due: fc.Arbitrary<fc.Command<Model, Real>> = fc.oneof(
  { arbitrary: fc.constant(new CampaignSteps.PlanCampaign(true)), weight: 12 },
  { arbitrary: fc.constant(new CampaignSteps.LaunchCampaign(true)), weight: 12 },
  { arbitrary: fc.constant(new CampaignSteps.EndCampaign(true)), weight: 2 },
  { arbitrary: fc.constant(new CampaignSteps.HoldFinalReview(true)), weight: 5 },
  { arbitrary: fc.constant(new CampaignSteps.CloseCampaign(true)), weight: 2 }
)

/** The same moves anywhere, and the cancellation (rarer, as it ends everything): where the status refusals are. */
const anywhere: fc.Arbitrary<fc.Command<Model, Real>> = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      new CampaignSteps.PlanCampaign(),
      new CampaignSteps.LaunchCampaign(),
      new CampaignSteps.EndCampaign(),
      new CampaignSteps.HoldFinalReview(),
      new CampaignSteps.CloseCampaign()
    ),
    weight: 10
  },
  { arbitrary: fc.constant(new CampaignSteps.CancelCampaign()), weight: 1 }
)

/** Phases and their interim reviews. */
const phases: fc.Arbitrary<fc.Command<Model, Real>> = fc.oneof(
  { arbitrary: slot.map((id) => new CampaignSteps.SchedulePhase(id)), weight: 2 },
  {
    arbitrary: fc
      .tuple(slot, fc.constantFrom("Open" as const, "Closed" as const))
      .map(([id, to]) => new CampaignSteps.MovePhase(id, to)),
    weight: 4
  },
  {
    arbitrary: fc
      .option(fc.oneof(slot, fc.constant("year-end" as const)), { nil: undefined })
      .map((phase) => new CampaignSteps.HoldInterimReview(phase)),
    weight: 2
  }
)

/** Enrolments, registrations and initiatives. */
const parts: fc.Arbitrary<fc.Command<Model, Real>> = fc.oneof(
  { arbitrary: unit.map((u) => new Parts.EnrollParticipant(u)), weight: 2 },
  { arbitrary: unit.map((u) => new Parts.SignPledge(u)), weight: 2 },
  {
    arbitrary: fc.tuple(index, fc.boolean()).map(([k, approve]) => new Parts.DecideRegistration(k, approve)),
    weight: 2
  },
  { arbitrary: unit.map((u) => new Parts.RecordInitiative(u)), weight: 3 },
  {
    arbitrary: fc
      .tuple(index, fc.constantFrom("apply" as const, "recognize" as const, "reject" as const))
      .map(([k, to]) => new Parts.MoveInitiative(k, to)),
    weight: 6
  }
)

/** Nominations, grants, revocations, and references to nothing. */
const awards: fc.Arbitrary<fc.Command<Model, Real>> = fc.oneof(
  unit.map((u) => new Awards.ProposeNomination(u)),
  fc.tuple(index, fc.boolean()).map(([k, all]) => new Awards.HoldDeliberation(k, all)),
  fc
    .tuple(index, fc.constantFrom("achievedAtLevel" as const, "notAchieved" as const, "escalated" as const))
    .map(([k, outcome]) => new Awards.DecideNomination(k, outcome)),
  fc
    .tuple(unit, fc.constantFrom("giay-khen" as const, "tap-the-lao-dong-tien-tien" as const))
    .map(([u, kind]) => new Awards.GrantAward(u, kind)),
  index.map((k) => new Awards.RevokeAward(k)),
  fc
    .constantFrom("registration" as const, "initiative" as const, "nomination" as const, "award" as const)
    .map((kind) => new Awards.ReferToUnknown(kind))
)

/**
 * Command sequences for the model-based run: the campaign's moves (mostly when due, sometimes
 * anywhere), phases, the units' parts and awards. A command that picks an earlier registration,
 * initiative, nomination or award runs only once there is one (its precondition); references to
 * things that do not exist have a command of their own.
 *
 * @example
 * ```ts
 * import { LifecycleModel } from "@thidua/testing"
 * import fc from "fast-check"
 *
 * const [cmds] = fc.sample(LifecycleModel.commands(20), { numRuns: 1, seed: 42 })
 * LifecycleModel.run(cmds!)
 * ```
 *
 * @since 0.1.0
 */
export const commands = (maxCommands = 60): fc.Arbitrary<Iterable<fc.Command<Model, Real>>> =>
  fc.commands(
    [
      fc.oneof(
        { arbitrary: due, weight: 33 },
        { arbitrary: anywhere, weight: 5 },
        { arbitrary: phases, weight: 18 },
        { arbitrary: parts, weight: 26 },
        { arbitrary: awards, weight: 18 }
      )
    ],
    { maxCommands, size: "max" }
  )

/**
 * Runs one sequence: a fresh model and a fresh campaign, then every command on both. Throws at the
 * first disagreement. The steps agreed on are appended to `log`, when one is given (to measure
 * what the sequences reach).
 *
 * @example
 * ```ts
 * import { LifecycleModel } from "@thidua/testing"
 * import fc from "fast-check"
 *
 * fc.assert(fc.property(LifecycleModel.commands(), (cmds) => LifecycleModel.run(cmds)), { numRuns: 50 })
 * ```
 *
 * @since 0.1.0
 */
export const run = (cmds: Iterable<fc.Command<Model, Real>>, log?: Array<Agreed>): void => {
  const real: Real = { state: Campaign.initialState, s: Scenario.make(2024), log: [] }
  try {
    fc.modelRun(() => ({ model: initialModel(), real }), cmds)
  } finally {
    log?.push(...real.log)
  }
}
