/**
 * `thidua explain`: why a unit (`--unit <id>`) or a member (`--member <id> --of <unit>`) may or may
 * not receive each emulation title of a year, judged on the tenant's commendation record by the
 * engine's `explain`: every title it could aim for, its standing (held, eligible, to confirm, not
 * eligible) and what it lacks, in the run's language. `--kind` (repeatable) narrows the titles;
 * `--json` prints the explanation as the engine gives it.
 *
 * @since 0.7.0
 */
import { AwardKind } from "@thidua/core"
import type { Engine } from "@thidua/engine"
import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { Backend } from "./Backend.js"
import { Usage } from "./CliError.js"
import * as Lang from "./Lang.js"
import * as Output from "./Output.js"

/**
 * The subject the flags name, or why they name none.
 *
 * @example
 * ```ts
 * import { Explain } from "@thidua/cli"
 * import { Option } from "effect"
 * import assert from "node:assert"
 *
 * assert.deepEqual(Explain.subjectOf(Option.some("cdcs-a"), Option.none(), Option.none()), { _tag: "Unit", organizationId: "cdcs-a" })
 * assert.deepEqual(Explain.subjectOf(Option.none(), Option.some("m-1"), Option.some("cdcs-a")), { _tag: "Member", memberId: "m-1", organizationId: "cdcs-a" })
 * assert.equal(Explain.subjectOf(Option.none(), Option.some("m-1"), Option.none())._tag, "Usage")
 * ```
 *
 * @since 0.7.0
 */
export const subjectOf = (
  unit: Option.Option<string>,
  member: Option.Option<string>,
  of: Option.Option<string>
): Engine.SubjectInput | Usage => {
  if (Option.isSome(unit) && Option.isNone(member) && Option.isNone(of))
    return { _tag: "Unit", organizationId: unit.value }
  if (Option.isNone(unit) && Option.isSome(member) && Option.isSome(of))
    return { _tag: "Member", memberId: member.value, organizationId: of.value }
  return new Usage({
    en: "name a unit (--unit <id>) or a member with their unit (--member <id> --of <unit>)",
    vi: "hãy chỉ ra một đơn vị (--unit <mã>) hoặc một thành viên cùng đơn vị của họ (--member <mã> --of <đơn vị>)"
  })
}

/**
 * The `explain` subcommand.
 *
 * @since 0.7.0
 */
export const command = Command.make(
  "explain",
  {
    tenant: Flag.String("tenant").pipe(Flag.withDescription("The tenant")),
    unit: Flag.String("unit").pipe(Flag.optional, Flag.withDescription("A unit (tập thể)")),
    member: Flag.String("member").pipe(Flag.optional, Flag.withDescription("A member (cá nhân), with --of")),
    of: Flag.String("of").pipe(Flag.optional, Flag.withDescription("The unit managing the member")),
    year: Flag.Int("year").pipe(Flag.withDescription("The year of the titles")),
    kind: Flag.Literals("kind", AwardKind.AwardKind.literals).pipe(
      Flag.atLeast(0),
      Flag.withDescription("Only this title (repeatable)")
    ),
    json: Flag.Boolean("json").pipe(Flag.withDefault(false), Flag.withDescription("Print the explanation as JSON"))
  },
  ({ tenant, unit, member, of, year, kind, json }) =>
    Output.guard(
      Effect.scoped(
        Effect.gen(function* () {
          const lang = yield* Lang.current
          const subject = subjectOf(unit, member, of)
          if (subject instanceof Usage) return yield* subject
          const engine = yield* (yield* Backend).engine
          const explanation = yield* engine.explain({
            tenantId: tenant,
            subject,
            year,
            ...(kind.length > 0 ? { kinds: kind } : {})
          })
          yield* Console.log(json ? JSON.stringify(explanation, null, 2) : Output.safeLines(explanation.text[lang]))
        })
      )
    )
).pipe(
  Command.withDescription(
    "Explain why a unit or member may or may not receive each title of a year · Giải thích điều kiện nhận danh hiệu"
  )
)
