import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Command } from "@thidua/core"
import { Ajv2020 } from "ajv/dist/2020.js"
import { Result } from "effect"
import { command, onDisk, outputDir, render } from "../../packages/core/scripts/reference.js"

// docs/reference is generated; these tests hold it to the code, then check what it promises a host
// with a validator of its own (Ajv), against expectations written here, not read from the code.

const read = (path: string): unknown => JSON.parse(readFileSync(join(outputDir, path), "utf8"))

describe("docs/reference", () => {
  it("is what the script renders from the code", () => {
    const want = render()
    const have = onDisk()
    const stale = [...new Set([...want.keys(), ...have.keys()])].filter((p) => want.get(p) !== have.get(p)).sort()
    // The paths only: a diff of every page would bury the fix.
    expect(stale, `stale under docs/reference: regenerate with \`${command}\` (from the repository root)`).toEqual([])
  })
})

// Every command type, written out: a command added without its reference fails here.
const commandTypes = [
  "RegisterOrganization",
  "MoveOrganization",
  "RestructureOrganization",
  "FormCluster",
  "RegisterMember",
  "TransferMember",
  "RecordLeave",
  "RecordDiscipline",
  "RateMember",
  "RateUnit",
  "AssignSeat",
  "EndSeat",
  "RecordDeparture",
  "PlanCampaign",
  "LaunchCampaign",
  "SchedulePhase",
  "OpenPhase",
  "ClosePhase",
  "EnrollParticipant",
  "SignPledge",
  "ApproveRegistration",
  "RejectRegistration",
  "RecordInitiative",
  "ApplyInitiative",
  "RecognizeInitiative",
  "RejectInitiative",
  "PlaqueWork",
  "AssessScore",
  "HoldInterimReview",
  "EndCampaign",
  "HoldFinalReview",
  "ProposeNomination",
  "HoldDeliberation",
  "PublishNominees",
  "SubmitNomination",
  "DecideNomination",
  "GrantAward",
  "PresentAward",
  "RevokeAward",
  "ReplicateExemplar",
  "CloseCampaign",
  "CancelCampaign"
]

// The example of each command, as commands.md prints it: the JSON block of its section.
const examples = (() => {
  const page = readFileSync(join(outputDir, "commands.md"), "utf8")
  return new Map(
    page
      .split(/^### /m)
      .slice(1)
      .map((section) => {
        const tag = section.slice(0, section.indexOf("\n")).trim()
        const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1]
        return [tag, json === undefined ? undefined : (JSON.parse(json) as Record<string, unknown>)] as const
      })
  )
})()

// Strict, but for tuples: a non-empty array is `prefixItems` of one plus `items`, valid draft
// 2020-12 that Ajv's style check on tuples would refuse.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false })
const union = ajv.compile(read("json-schema/command.json") as object)
const schemaOf = (tag: string) => ajv.compile(read(`json-schema/commands/${tag}.json`) as object)
const decodes = (input: unknown) => Result.isSuccess(Command.decode(input))

describe("the JSON Schemas of the commands, checked with Ajv (draft 2020-12)", () => {
  it("cover every command type, each with a section and an example", () => {
    expect(Object.keys(Command.schemas).sort()).toEqual([...commandTypes].sort())
    expect([...examples.keys()].sort()).toEqual([...commandTypes].sort())
  })

  it.each(commandTypes)("the example of %s decodes and passes its schema and the union", (tag) => {
    const example = examples.get(tag)
    expect(example?._tag).toBe(tag)
    expect(decodes(example)).toBe(true)
    const validate = schemaOf(tag)
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true)
    expect(union(example), JSON.stringify(union.errors)).toBe(true)
  })

  // A valid command to break one field at a time.
  const openPhase = {
    _tag: "OpenPhase",
    commandId: "cmd-1",
    tenantId: "hanoi",
    actor: { organizationId: "ldld-hoang-mai", role: "executive" },
    at: "2020-01-03",
    campaignId: "hoang-mai-2020",
    phaseId: "dot-1"
  }
  const bothAgree = (input: unknown, valid: boolean) => {
    expect(decodes(input), `Command.decode of ${JSON.stringify(input)}`).toBe(valid)
    expect(schemaOf("OpenPhase")(input), `OpenPhase.json on ${JSON.stringify(input)}`).toBe(valid)
    expect(union(input), `command.json on ${JSON.stringify(input)}`).toBe(valid)
  }

  it("accepts the three roles and refuses any other", () => {
    for (const role of ["executive", "council", "officer"])
      bothAgree({ ...openPhase, actor: { ...openPhase.actor, role } }, true)
    for (const role of ["sovereign", "Executive", "chairman", ""])
      bothAgree({ ...openPhase, actor: { ...openPhase.actor, role } }, false)
    expect(
      (read("json-schema/commands/OpenPhase.json") as { $defs: { Role: { enum: unknown } } }).$defs.Role.enum
    ).toEqual(["executive", "council", "officer"])
  })

  it("refuses a command without a required field, or with one it does not have", () => {
    const { phaseId: _, ...withoutPhase } = openPhase
    bothAgree(withoutPhase, false)
    const { actor: __, ...withoutActor } = openPhase
    bothAgree(withoutActor, false)
    bothAgree({ ...openPhase, note: "extra" }, false)
    bothAgree({ ...openPhase, _tag: "OpenPhases" }, false)
  })

  it("refuses a date that is not YYYY-MM-DD, and an id that is not one", () => {
    for (const at of ["01/03/2020", "2020-1-3", "2020-01-03T00:00:00Z", "1899-12-31", "20200103"])
      bothAgree({ ...openPhase, at }, false)
    for (const phaseId of ["", "đợt-1", "dot 1", "-dot", "x".repeat(65)]) bothAgree({ ...openPhase, phaseId }, false)
  })

  it("leaves the calendar to Command.decode: 2025-02-29 has the shape of a date and is no day", () => {
    const input = { ...openPhase, at: "2025-02-29" }
    expect(schemaOf("OpenPhase")(input)).toBe(true)
    expect(decodes(input)).toBe(false)
  })

  it("accepts the levels, sectors, initiative kinds and subject shapes of the domain, and no others", () => {
    const register = examples.get("RegisterOrganization")!
    const check = (
      tag: string,
      base: Record<string, unknown>,
      field: string,
      good: Array<unknown>,
      bad: Array<unknown>
    ) => {
      const validate = schemaOf(tag)
      for (const v of good) {
        expect(decodes({ ...base, [field]: v }), `${tag}.${field} = ${JSON.stringify(v)}`).toBe(true)
        expect(validate({ ...base, [field]: v }), `${tag}.${field} = ${JSON.stringify(v)}`).toBe(true)
      }
      for (const v of bad) {
        expect(decodes({ ...base, [field]: v }), `${tag}.${field} = ${JSON.stringify(v)}`).toBe(false)
        expect(validate({ ...base, [field]: v }), `${tag}.${field} = ${JSON.stringify(v)}`).toBe(false)
      }
    }
    check(
      "RegisterOrganization",
      register,
      "level",
      ["confederation", "federation", "upper", "grassroots", "group"],
      ["province", "district", "unit"]
    )
    check("RegisterOrganization", register, "sector", ["enterprise", "administrative"], ["public", "private"])
    check(
      "RecordInitiative",
      examples.get("RecordInitiative")!,
      "kind",
      ["initiative", "research", "solution", "work"],
      ["invention", "idea"]
    )
    check(
      "GrantAward",
      examples.get("GrantAward")!,
      "recipient",
      [
        { _tag: "Unit", organizationId: "cdcs-trung-thanh" },
        { _tag: "Member", memberId: "nguyen-van-an", organizationId: "cdcs-trung-thanh" }
      ],
      [
        { _tag: "Unit" },
        { _tag: "Member", organizationId: "cdcs-trung-thanh" },
        { _tag: "Person", organizationId: "cdcs-trung-thanh" },
        { _tag: "Unit", organizationId: "cdcs-trung-thanh", memberId: "nguyen-van-an" }
      ]
    )
    check(
      "GrantAward",
      examples.get("GrantAward")!,
      "kind",
      ["giay-khen", "bang-khen-ldld", "lao-dong-tien-tien"],
      ["bang-khen", "Giấy khen"]
    )
  })

  it("refuses numbers out of range: a negative amount of VND, a fraction of a member", () => {
    const record = examples.get("RecordInitiative")!
    for (const benefitVnd of [-1, 1.5, "120000000"]) {
      expect(decodes({ ...record, benefitVnd })).toBe(false)
      expect(schemaOf("RecordInitiative")({ ...record, benefitVnd })).toBe(false)
    }
    const register = examples.get("RegisterOrganization")!
    expect(decodes({ ...register, members: 2.5 })).toBe(false)
    expect(schemaOf("RegisterOrganization")({ ...register, members: 2.5 })).toBe(false)
  })
})
